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
