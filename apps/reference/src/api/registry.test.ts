import { createHash } from 'node:crypto';
import { createRegistryClient, PublicationError, type RegistryClient } from '@foederal/publication';
import type { Recommendation } from '@foederal/recommendations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

async function failure(promise: Promise<unknown>): Promise<PublicationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(PublicationError);
  return error as PublicationError;
}

const draft = (id: string, number: string): Recommendation => ({
  id,
  number,
  shortTitle: { de: 'Testempfehlung', en: 'Test recommendation' },
  edition: 2027,
  title: { de: 'Eine Empfehlung für den Ende-zu-Ende-Test' },
  description: { de: 'Beschreibung' },
  version: '0.1.0',
  status: { state: 'draft' },
  modified: '2026-11-01T10:00:00+01:00',
  publisher: {
    id: 'https://ak.example.org',
    name: { de: 'Föderaler Arbeitskreis' },
    jurisdiction: { level: 'federal', name: 'Bund' },
    email: 'geschaeftsstelle@example.org',
  },
  workingGroup: { name: { de: 'AG Test' }, lead: { name: 'Erika Muster', jurisdiction: { level: 'state', key: '06', name: 'Hessen' } }, contributors: [] },
  keywords: [],
  themes: ['TECH'],
  references: [],
  attachments: [],
  adoptions: [],
});

for (const factory of backends) {
  describe.skipIf(!factory.available)(`registry API end to end on ${factory.name}`, () => {
    let t: TestApp;
    let pub: RegistryClient;
    let gs: RegistryClient;
    beforeAll(async () => {
      t = await startTestApp(factory, { seed: true, env: { CONTRIBUTION_LIMIT_PER_HOUR: '5' } });
      pub = createRegistryClient({ baseUrl: t.url, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
      gs = createRegistryClient({ baseUrl: t.url, token: t.tokens.secretariat, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
    });
    afterAll(() => t?.close());

    it('lists the public catalogue page by page through Link: rel="next"', async () => {
      const all = await pub.listRecommendations({ limit: 2 }).toArray();
      const pages: unknown[] = [];
      for await (const page of pub.listRecommendations({ limit: 2 }).pages()) pages.push(page);
      expect(pages.length).toBe(Math.ceil(all.length / 2));
      expect(all.length).toBeGreaterThanOrEqual(5);
      expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
      expect(all.every((r) => r.status.state !== 'draft')).toBe(true);
      const withDrafts = await gs.listRecommendations({ limit: 100 }).toArray();
      expect(withDrafts.length).toBeGreaterThan(all.length);
      const wartung = await pub.listRecommendations({ q: 'WARTUNG' }).toArray();
      expect(wartung.length).toBeGreaterThan(0);
      expect(wartung.every((r) => JSON.stringify(r).toLowerCase().includes('wartung'))).toBe(true);
      const published = await pub.listRecommendations({ status: 'published' }).toArray();
      expect(published.every((r) => r.status.state === 'published')).toBe(true);
    });

    it('answers a conditional GET with 304 and the same ETag', async () => {
      const first = await fetch(`${t.url}/api/v1/recommendations/wartung-2026`);
      const etag = first.headers.get('etag');
      expect(first.status).toBe(200);
      expect(etag).toMatch(/^"\d+"$/);
      const again = await fetch(`${t.url}/api/v1/recommendations/wartung-2026`, { headers: { 'if-none-match': etag as string } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
    });

    it('creates, updates with If-Match, refuses a stale writer (412) and a blind one (428)', async () => {
      const created = await gs.createRecommendation(draft('e2e-test', '901'));
      expect(created.status.state).toBe('draft');
      const other = createRegistryClient({ baseUrl: t.url, token: t.tokens.admin, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
      const mine = await gs.getRecommendation('e2e-test');
      const theirs = await other.getRecommendation('e2e-test');
      await other.updateRecommendation('e2e-test', { ...theirs, description: { de: 'Von der Administration geändert' } });
      const stale = await failure(gs.updateRecommendation('e2e-test', { ...mine, description: { de: 'Veraltet' } }));
      expect(stale.status).toBe(412);
      expect((await pub.getRecommendation('wartung-2026')).id).toBe('wartung-2026');
      const blind = await fetch(`${t.url}/api/v1/recommendations/e2e-test`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify(mine),
      });
      expect(blind.status).toBe(428);
      expect(blind.headers.get('content-type')).toContain('application/problem+json');
      const stored = await gs.getRecommendation('e2e-test');
      expect(stored.description.de).toBe('Von der Administration geändert');
      const editions = await gs.listRecommendationEditions('e2e-test');
      expect(editions.map((e) => e.version)).toEqual(['0.1.0']);
    });

    it('hides drafts from the public and refuses writes without the secretariat role', async () => {
      expect((await failure(pub.getRecommendation('e2e-test'))).status).toBe(404);
      expect((await failure(pub.createRecommendation(draft('e2e-anon', '902')))).status).toBe(401);
      const member = createRegistryClient({ baseUrl: t.url, token: t.tokens.member, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
      expect((await failure(member.createRecommendation(draft('e2e-member', '903')))).status).toBe(403);
    });

    it('runs the lifecycle through the guards of @foederal/recommendations', async () => {
      await gs.getRecommendation('e2e-test');
      const refused = await failure(gs.transitionRecommendation('e2e-test', { type: 'publish' }));
      expect(refused.status).toBe(409);
      expect(refused.problem?.['guard']).toBe('not-allowed-in-state');
      const opened = await gs.transitionRecommendation('e2e-test', {
        type: 'open-consultation',
        opens: '2026-11-01T00:00:00+01:00',
        closes: '2027-01-31T23:59:59+01:00',
      });
      expect(opened.status.state).toBe('consultation');
      expect((await pub.getRecommendation('e2e-test')).status.state).toBe('consultation');
    });

    it('stores an attachment only with a matching SHA-256 digest and serves the same bytes', async () => {
      const bytes = new TextEncoder().encode('# Anlage\n\nInhalt der Anlage.\n');
      await gs.getRecommendation('e2e-test');
      const attachment = await gs.uploadAttachment('e2e-test', 'hauptdokument', bytes, { role: 'main', title: 'Hauptdokument', mediaType: 'text/markdown' } as never);
      expect(attachment.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(attachment.byteSize).toBe(bytes.byteLength);
      expect(new Uint8Array(await gs.downloadAttachment('e2e-test', 'hauptdokument'))).toEqual(bytes);
      const wrong = await fetch(`${t.url}/api/v1/recommendations/e2e-test/attachments/falsch?role=annex&title=x`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'text/plain', 'content-digest': `sha-256=:${createHash('sha256').update('anders').digest('base64')}:` },
        body: bytes,
      });
      expect(wrong.status).toBe(422);
    });

    it('takes a public contribution, keeps it out of public lists until the secretariat answers it', async () => {
      const consultation = await pub.getConsultation('konsultation-gebaeudedaten-2027');
      const section = consultation.sections[0]!.anchor;
      const text = '<img src=x onerror=alert(1)> Bitte IFC 4.3 berücksichtigen.';
      const submitted = await pub.submitContribution(consultation.id, { anchor: { section }, text: { de: text }, author: { kind: 'anonymous' } });
      expect(submitted.state).toBe('submitted');
      expect(submitted.text.de).toBe(text);
      const publicIds = (await pub.listContributions(consultation.id).toArray()).map((c) => c.id);
      expect(publicIds).not.toContain(submitted.id);
      expect((await gs.listContributions(consultation.id, { state: 'submitted' }).toArray()).map((c) => c.id)).toContain(submitted.id);
      await gs.getContribution(consultation.id, submitted.id);
      const answered = await gs.disposeContribution(consultation.id, submitted.id, {
        state: 'accepted',
        disposition: { reason: { de: 'Wird in Abschnitt 2.1 aufgenommen.' }, answeredAt: new Date().toISOString() },
      });
      expect(answered.state).toBe('accepted');
      const after = await pub.listContributions(consultation.id).toArray();
      expect(after.find((c) => c.id === submitted.id)?.disposition?.reason.de).toBe('Wird in Abschnitt 2.1 aufgenommen.');
      const unknown = await failure(pub.submitContribution(consultation.id, { anchor: { section: 'gibt-es-nicht' }, text: { de: 'x' }, author: { kind: 'anonymous' } }));
      expect(unknown.status).toBe(422);
    });

    it('limits public contributions per address and hour (429 with Retry-After)', async () => {
      const body = JSON.stringify({ anchor: { section: '1' }, text: { de: 'Beitrag' }, author: { kind: 'anonymous' } });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      // The previous test's two submissions (one stored, one refused with 422) count too: 5 - 2 = 3.
      expect(statuses.filter((s) => s === 201).length).toBe(3);
      expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });

    it('refuses oversized and non-JSON bodies with 413 and 415', async () => {
      const big = JSON.stringify({ anchor: { section: '1' }, text: { de: 'x'.repeat(1_100_000) }, author: { kind: 'anonymous' } });
      const res = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.secretariat}` }, body: big });
      expect(res.status).toBe(413);
      const form = await fetch(`${t.url}/api/v1/recommendations`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${t.tokens.secretariat}` }, body: '{}' });
      expect(form.status).toBe(415);
    });

    it('serves the body, its decisions and one decision by number', async () => {
      const body = await pub.getBody();
      expect(body.rules[0]?.id).toBe('amev-style-working-group');
      expect(body.people.every((p) => p.contact === undefined)).toBe(true);
      expect((await gs.getBody()).people.some((p) => p.contact !== undefined)).toBe(true);
      const decisions = await pub.listDecisions().toArray();
      expect(decisions.length).toBeGreaterThanOrEqual(4);
      const one = await pub.getDecision(decisions[0]!.id);
      expect(one).toEqual(decisions[0]);
    });

    it('filters pilots by level and Land and publishes a member\'s experience report only after review', async () => {
      const municipal = await pub.listPilots({ level: 'municipality' }).toArray();
      expect(municipal.length).toBeGreaterThan(0);
      expect(municipal.every((p) => p.participants.some((x) => x.jurisdiction.level === 'municipality'))).toBe(true);
      const hessen = await pub.listPilots({ state: '06' }).toArray();
      expect(hessen.every((p) => p.participants.some((x) => (x.jurisdiction.key ?? '').startsWith('06')))).toBe(true);
      const pilot = (await pub.listPilots().toArray())[0]!;
      const member = createRegistryClient({ baseUrl: t.url, token: t.tokens.member, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
      const report = await member.submitExperienceReport(pilot.id, {
        title: { de: 'Erfahrungen der Stadt Kassel' },
        author: { organisation: 'Stadt Kassel', jurisdiction: { level: 'municipality', key: '06611000', name: 'Kassel' } },
        date: '2026-11-20',
        worked: [{ de: 'Die Prüfberichte waren verständlich.' }],
        didNotWork: [{ de: 'Die Schulung kam zu spät.' }],
        effortPersonDays: 12.5,
        costs: { amountCents: 480_000, currency: 'EUR' },
        wouldRecommend: true,
        attachments: [],
        license: { id: 'CC-BY-4.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: 'Stadt Kassel' },
      });
      expect(report.status.state).toBe('submitted');
      expect((await pub.listExperienceReports(pilot.id).toArray()).map((r) => r.id)).not.toContain(report.id);
      await gs.getExperienceReport(pilot.id, report.id);
      await gs.reviewExperienceReport(pilot.id, report.id, { status: { state: 'published', date: '2026-11-28' } });
      expect((await pub.listExperienceReports(pilot.id).toArray()).map((r) => r.id)).toContain(report.id);
    });
  });
}

describe.skipIf(!backends[0]!.available)('publication formats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backends[0]!, { seed: true });
  });
  afterAll(() => t?.close());

  it('serves Atom and JSON Feed with one entry per published edition, through the client', async () => {
    const pub = createRegistryClient({ baseUrl: t.url, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
    const atom = await pub.atomFeed();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toContain(`${t.server.ctx.baseUrl}/empfehlungen/wartung-2026`);
    const feed = JSON.parse(await pub.jsonFeed()) as { version: string; items: Array<{ id: string; url?: string }> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    const published = await pub.listRecommendations({ status: 'published' }).toArray();
    for (const r of published) expect(feed.items.some((i) => i.url === `${t.server.ctx.baseUrl}/empfehlungen/${r.id}`)).toBe(true);
  });

  it('serves the DCAT-AP.de catalogue as Turtle and JSON-LD and the OpenAPI document of the contract', async () => {
    const pub = createRegistryClient({ baseUrl: t.url, retry: 0 } as Parameters<typeof createRegistryClient>[0]);
    const ttl = await pub.catalogTurtle();
    expect(ttl).toContain('dcat:Catalog');
    expect(ttl).toContain('http://dcat-ap.de/def/politicalGeocoding/Level/federal');
    const jsonld = await pub.catalogJsonLd();
    expect(jsonld['@context']).toBeDefined();
    const openapi = (await pub.openApiDocument()) as unknown as { openapi: string; paths: Record<string, unknown>; servers: Array<{ url: string }> };
    expect(openapi.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(openapi.paths)).toContain('/api/v1/recommendations/{id}');
    expect(openapi.servers[0]?.url).toBe(t.server.ctx.baseUrl);
  });

  it('serves read-only OParl 1.1 for the body, its organisations, people and memberships', async () => {
    const system = (await (await fetch(`${t.url}/oparl/v1`)).json()) as { type: string; body: string };
    expect(system.type).toBe('https://schema.oparl.org/1.1/System');
    const bodies = (await (await fetch(system.body.replace(t.server.ctx.baseUrl, t.url))).json()) as { data: Array<{ id: string; type: string; person: string; organization: string }> };
    const body = bodies.data[0]!;
    expect(body.type).toBe('https://schema.oparl.org/1.1/Body');
    const persons = (await (await fetch(body.person.replace(t.server.ctx.baseUrl, t.url))).json()) as { data: Array<{ id: string; name: string; email?: unknown }> };
    expect(persons.data.length).toBe(15); // Bund, 8 Länder, 3 Spitzenverbände, 3 advisory guests
    expect(persons.data.every((p) => p.email === undefined)).toBe(true);
    const one = await fetch(persons.data[0]!.id.replace(t.server.ctx.baseUrl, t.url));
    expect(((await one.json()) as { name: string }).name).toBe(persons.data[0]!.name);
    const orgs = (await (await fetch(body.organization.replace(t.server.ctx.baseUrl, t.url))).json()) as { data: Array<{ type: string }> };
    expect(orgs.data.length).toBeGreaterThan(4);
    expect(orgs.data.every((o) => o.type === 'https://schema.oparl.org/1.1/Organization')).toBe(true);
  });
});
