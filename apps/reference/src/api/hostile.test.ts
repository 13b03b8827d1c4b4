import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../test/harness.js';
import { schoolIfc } from '../demo/school-ifc.js';

// Hostile and fuzzed input: every answer is a typed problem (4xx, application/problem+json with a
// code), never a 500, never a crash; the app keeps answering afterwards.
describe('hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { CONTRIBUTION_LIMIT_PER_HOUR: '100000' } });
  }, 60_000);
  afterAll(() => t?.close());

  const contributions = () => `${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`;

  it('answers malformed JSON with 400 naming the byte offset', async () => {
    const res = await fetch(contributions(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"anchor": {"section": "1"}, "text": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Byte \d+/);
  });

  it('answers any JSON value with a typed 4xx problem that names where it is wrong', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const res = await fetch(contributions(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const problem = (await res.json()) as { code?: string; errors?: Array<{ path: string }> };
        expect(typeof problem.code).toBe('string');
        if (res.status === 422) expect(problem.errors?.[0]?.path.startsWith('$.body')).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${t.url}/ready`)).status).toBe(200);
  }, 60_000);

  it('answers fuzzed joint projects with 201 or a typed 4xx, never a 500, and serves the shares of every stored one', async () => {
    const stored: string[] = [];
    const participant = fc.record(
      {
        id: fc.oneof(fc.constantFrom('bund', 'by', 'hb', 'dst'), fc.string({ maxLength: 8 })),
        level: fc.constantFrom('federal', 'state', 'municipality', 'advisory', 'gibt-es-nicht'),
        state: fc.constantFrom('DE-BY', 'DE-HB', 'DE-NW', 'DE-XX', 'by'),
        name: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['id', 'level'] },
    );
    const hostile = fc.record(
      {
        id: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,6})?$/),
        title: fc.record({ de: fc.string({ maxLength: 30 }) }),
        total: fc.oneof(fc.integer({ min: -10, max: 10_000_000_00 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.double()),
        rules: fc.constantFrom('amev-style-working-group', 'it-planungsrat', 'bauministerkonferenz', 'unbekannt', '', '__proto__', 'constructor'),
        date: fc.oneof(fc.date({ min: new Date('1949-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 })),
        koenigsteinYear: fc.integer({ min: 1940, max: 2210 }),
        participants: fc.array(participant, { maxLength: 6 }),
      },
      { requiredKeys: ['id', 'title', 'total', 'rules', 'date', 'participants'] },
    );
    // Plausible projects (known rules, Länder with their codes, distinct ids) so that many are stored.
    const land = fc.constantFrom('DE-BY', 'DE-HB', 'DE-NW', 'DE-SN', 'DE-BE');
    const plausible = fc.record({
      id: fc.stringMatching(/^[a-z]{3,10}-[0-9]{1,6}$/),
      title: fc.record({ de: fc.string({ minLength: 1, maxLength: 30 }) }),
      total: fc.oneof(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constant(Number.MAX_SAFE_INTEGER)),
      rules: fc.constant('amev-style-working-group'),
      date: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      participants: fc
        .uniqueArray(land, { minLength: 0, maxLength: 5 })
        .chain((states) => fc.boolean().map((withBund) => [
          ...(withBund ? [{ id: 'bund', level: 'federal' }] : []),
          ...states.map((state) => ({ id: state.toLowerCase(), level: 'state', state })),
        ])),
    });
    const project = fc.oneof({ arbitrary: hostile, weight: 1 }, { arbitrary: plausible, weight: 1 });
    await fc.assert(
      fc.asyncProperty(project, async (value) => {
        const res = await fetch(`${t.url}/api/v1/joint-projects`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
          body: JSON.stringify(value),
        });
        const answer = (await res.json()) as { id?: string; code?: string; errors?: Array<{ path: string }> };
        if (res.status === 201) {
          stored.push(answer.id as string);
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof answer.code).toBe('string');
        if (res.status === 422) expect(answer.errors?.[0]?.path.startsWith('$.body')).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const id of stored) {
      const res = await fetch(`${t.url}/api/v1/joint-projects/${id}/cost-shares`);
      expect(res.status, id).toBe(200);
      const result = (await res.json()) as { total: number; shares: Array<{ amount: number }> };
      expect(result.shares.reduce((sum, s) => sum + s.amount, 0), id).toBe(result.total);
    }
    expect((await fetch(`${t.url}/ready`)).status).toBe(200);
  }, 60_000);

  it('answers any JSON value imported as a contribution with a typed 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const res = await fetch(`${contributions()}/importiert`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
          body: JSON.stringify(value),
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof ((await res.json()) as { code?: string }).code).toBe('string');
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await fetch(`${t.url}/api/v1/recommendations/wartung-2026`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT');
  });

  it('refuses hostile path parameters, cursors and query values without a 500', async () => {
    const paths = [
      '/api/v1/recommendations/..%2F..%2Fetc%2Fpasswd',
      '/api/v1/recommendations/%00',
      '/api/v1/recommendations?cursor=%%%',
      '/api/v1/recommendations?cursor=eyJ4IjoxfQ',
      '/api/v1/recommendations?limit=100000',
      '/api/v1/recommendations?status=<script>',
      `/api/v1/recommendations?q=${'%25'.repeat(250)}`,
      '/api/v1/decisions/2026/abc',
      '/dokumente/..%2Fpackage.json',
      '/assets/fonts/..%2F..%2Fpackage.json',
    ];
    for (const path of paths) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it('reports a broken IFC upload as a failed model with the reader\'s message, and keeps serving', async () => {
    const client = new FormClient(t.url);
    await client.login('member');
    const { csrf } = await client.page('/gebaeudedaten');
    const valid = schoolIfc();
    const broken = [valid.slice(0, Math.floor(valid.length / 2)), 'kein IFC', valid.replace('DATA;', 'DATA;\n#1=IFCWALL((((((;')];
    for (const [i, text] of broken.entries()) {
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('name', `Kaputt ${i}`);
      form.set('model', new Blob([text]), 'kaputt.ifc');
      const res = await client.fetch('/gebaeudedaten', { method: 'POST', body: form });
      expect(res.status).toBe(303);
      let page = await client.page(res.headers.get('location') as string);
      for (let n = 0; n < 50 && page.text.includes('http-equiv="refresh"'); n++) {
        await new Promise((r) => setTimeout(r, 100));
        page = await client.page(res.headers.get('location') as string);
      }
      expect(page.text.includes('konnte nicht gelesen werden') || page.text.includes('Flächen nach DIN 277'), `upload ${i}`).toBe(true);
    }
    expect((await fetch(`${t.url}/ready`)).status).toBe(200);
  }, 60_000);
});
