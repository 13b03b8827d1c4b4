import { createRegistryClient, PublicationError, type JointProject, type RegistryClient } from '@foederal/publication';
import type { Contribution } from '@foederal/recommendations';
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

const client = (url: string, token?: string): RegistryClient =>
  createRegistryClient({ baseUrl: url, retry: 0, ...(token ? { token } : {}) } as Parameters<typeof createRegistryClient>[0]);

const project = (id: string, date: string, total = 1_000_000_00): JointProject => ({
  id,
  title: { de: `Vorhaben ${id}`, en: `Project ${id}` },
  total,
  rules: 'amev-style-working-group',
  date,
  participants: [
    { id: 'bund', level: 'federal', name: 'Bund' },
    { id: 'de-by', level: 'state', state: 'DE-BY', name: 'Bayern' },
    { id: 'de-hb', level: 'state', state: 'DE-HB', name: 'Bremen' },
  ],
});

const issueUrl = 'https://gitlab.opencode.de/foederal/gebaeudedaten-2027/-/issues/17';

for (const factory of backends) {
  describe.skipIf(!factory.available)(`joint projects, cost shares and imported contributions on ${factory.name}`, () => {
    let t: TestApp;
    let pub: RegistryClient;
    let gs: RegistryClient;
    let member: RegistryClient;
    beforeAll(async () => {
      t = await startTestApp(factory, { seed: true });
      pub = client(t.url);
      gs = client(t.url, t.tokens.secretariat);
      member = client(t.url, t.tokens.member);
    }, 60_000);
    afterAll(() => t?.close());

    it('serves the demo project and its cost shares, adding up to the cent, to the public', async () => {
      const demo = await pub.getJointProject('ifc-pruefdienst-2027');
      expect(demo.title.de).toBe('Gemeinsamer IFC-Prüfdienst 2027');
      expect(demo.total).toBe(480_000_00);
      expect(demo.rules).toBe('amev-style-working-group');
      const result = await pub.getCostShares('ifc-pruefdienst-2027');
      expect(result.total).toBe(480_000_00);
      expect(result.currency).toBe('EUR');
      expect(result.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(480_000_00);
      expect(result.shares.map((s) => s.id).sort()).toEqual(demo.participants.map((p) => p.id).sort());
      expect(result.shares.find((s) => s.id === 'bund')?.basis).toBe('federal');
      expect(result.shares.filter((s) => s.level === 'state').every((s) => s.basis === 'koenigstein' && s.amount > 0)).toBe(true);
      expect(result.shares.every((s) => s.explanation.de.length > 0 && s.explanation.en.length > 0)).toBe(true);
      expect(result.explanation.length).toBeGreaterThan(0);
    });

    it('answers conditional GETs of projects and cost shares with 304', async () => {
      for (const path of ['/api/v1/joint-projects/ifc-pruefdienst-2027', '/api/v1/joint-projects/ifc-pruefdienst-2027/cost-shares', '/api/v1/joint-projects']) {
        const first = await fetch(`${t.url}${path}`);
        expect(first.status, path).toBe(200);
        const etag = first.headers.get('etag');
        expect(etag, path).toBeTruthy();
        const again = await fetch(`${t.url}${path}`, { headers: { 'if-none-match': etag as string } });
        expect(again.status, path).toBe(304);
      }
      expect((await fetch(`${t.url}/api/v1/joint-projects/ifc-pruefdienst-2027`)).headers.get('etag')).toMatch(/^"\d+"$/);
    });

    it('creates projects as the secretariat only and lists them page by page through Link: rel="next"', async () => {
      expect((await failure(pub.createJointProject(project('anonym', '2027-02-01')))).status).toBe(401);
      expect((await failure(member.createJointProject(project('mitglied', '2027-02-01')))).status).toBe(403);
      const created = await gs.createJointProject(project('portal-a', '2027-03-01'));
      expect(created.id).toBe('portal-a');
      await gs.createJointProject(project('portal-b', '2027-04-01'));
      await gs.createJointProject(project('portal-c', '2027-05-01'));
      const res = await fetch(`${t.url}/api/v1/joint-projects?limit=2`);
      expect(res.headers.get('link')).toMatch(/<[^>]*cursor=[^>]*>; rel="next"/);
      const pages: unknown[] = [];
      for await (const page of pub.listJointProjects({ limit: 2 }).pages()) pages.push(page);
      const all = await pub.listJointProjects({ limit: 2 }).toArray();
      expect(all.map((p) => p.id)).toEqual(['ifc-pruefdienst-2027', 'portal-a', 'portal-b', 'portal-c']);
      expect(pages.length).toBe(2);
      const location = await fetch(`${t.url}/api/v1/joint-projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify(project('portal-d', '2027-06-01')),
      });
      expect(location.status).toBe(201);
      expect(location.headers.get('location')).toBe('/api/v1/joint-projects/portal-d');
      expect(location.headers.get('etag')).toBe('"1"');
    });

    it('refuses a repeated id (409), an invalid project (422 with JSON path) and unknown rules (422)', async () => {
      expect((await failure(gs.createJointProject(project('portal-a', '2027-03-01')))).status).toBe(409);
      const res = await fetch(`${t.url}/api/v1/joint-projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...project('kaputt', '2027-03-01'), total: -5 }),
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('total');
      const unknown = await failure(gs.createJointProject({ ...project('ohne-regeln', '2027-03-01'), rules: 'gibt-es-nicht' }));
      expect(unknown.status).toBe(422);
      const twice = await failure(gs.createJointProject({ ...project('doppelt', '2027-03-01'), participants: [{ id: 'bund', level: 'federal' }, { id: 'bund', level: 'federal' }] }));
      expect(twice.status).toBe(422);
      expect((await failure(pub.getJointProject('ohne-regeln'))).status).toBe(404);
      expect((await failure(pub.getCostShares('gibt-es-nicht'))).status).toBe(404);
    });

    it('updates with If-Match only: 428 without, 412 when stale, new shares after the change', async () => {
      const before = await pub.getCostShares('portal-a');
      const mine = await gs.getJointProject('portal-a');
      const other = client(t.url, t.tokens.admin);
      const theirs = await other.getJointProject('portal-a');
      const changed = await other.updateJointProject('portal-a', { ...theirs, total: 2_000_000_00 });
      expect(changed.total).toBe(2_000_000_00);
      expect((await failure(gs.updateJointProject('portal-a', { ...mine, total: 3 }))).status).toBe(412);
      const blind = await fetch(`${t.url}/api/v1/joint-projects/portal-a`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify(mine),
      });
      expect(blind.status).toBe(428);
      const wrongId = await fetch(`${t.url}/api/v1/joint-projects/portal-a`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json', 'if-match': '*' },
        body: JSON.stringify({ ...mine, id: 'portal-b' }),
      });
      expect(wrongId.status).toBe(422);
      expect((await failure(member.updateJointProject('portal-a', mine, { ifMatch: '*' } as never))).status).toBe(403);
      const after = await pub.getCostShares('portal-a');
      expect(before.total).toBe(1_000_000_00);
      expect(after.total).toBe(2_000_000_00);
      expect(after.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(2_000_000_00);
      // Twice the total, same participants: every share doubles exactly or within the rounding cent.
      for (const share of after.shares) {
        const old = before.shares.find((s) => s.id === share.id)!;
        expect(Math.abs(share.amount - 2 * old.amount)).toBeLessThanOrEqual(1);
      }
      expect((await gs.getJointProject('portal-a')).total).toBe(2_000_000_00);
      expect((await fetch(`${t.url}/api/v1/joint-projects/portal-a`)).headers.get('etag')).toBe('"2"');
    });

    it('answers 409 for the shares of a stored project whose rules no longer share costs', async () => {
      // Fault injection: a project stored before its rules were removed from the body.
      const stale = { ...project('verwaist', '2027-07-01'), rules: 'abgeschaffte-geschaeftsordnung' };
      await t.server.ctx.repo.projects.create(stale.id, stale, { sortKey: `${stale.date}|${stale.id}`, search: stale.title.de });
      expect((await pub.getJointProject('verwaist')).rules).toBe('abgeschaffte-geschaeftsordnung');
      const res = await fetch(`${t.url}/api/v1/joint-projects/verwaist/cost-shares`);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('abgeschaffte-geschaeftsordnung');
    });

    it('imports a contribution from an openCode issue once, keeping the issue URL, for the secretariat only', async () => {
      const consultation = await pub.getConsultation('konsultation-gebaeudedaten-2027');
      const section = consultation.sections[0]!.anchor;
      const imported: Contribution = {
        id: 'opencode-17',
        anchor: { section },
        text: { de: 'Bitte die Prüffristen an die Betreiberpflichten anpassen.' },
        author: { kind: 'organisation', name: 'Stadt Kassel' },
        submittedAt: '2026-11-10T09:30:00Z',
        externalRef: issueUrl,
        state: 'published',
      };
      expect((await failure(pub.importContribution(consultation.id, imported))).status).toBe(401);
      expect((await failure(member.importContribution(consultation.id, imported))).status).toBe(403);
      const res = await fetch(`${t.url}/api/v1/consultations/${consultation.id}/contributions/opencode-17`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify(imported),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/consultations/${consultation.id}/contributions/opencode-17`);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(await res.json()).toEqual(imported);
      const read = await pub.getContribution(consultation.id, 'opencode-17');
      expect(read.externalRef).toBe(issueUrl);
      expect((await pub.listContributions(consultation.id).toArray()).some((c) => c.id === 'opencode-17' && c.externalRef === issueUrl)).toBe(true);
      // Create-only: the same id again, or the same issue under another id, is a conflict.
      expect((await failure(gs.importContribution(consultation.id, imported))).status).toBe(409);
      expect((await failure(gs.importContribution(consultation.id, { ...imported, id: 'opencode-17-b' }))).status).toBe(409);
      expect((await gs.getContribution(consultation.id, 'opencode-17')).text.de).toBe(imported.text.de);
    });

    it('refuses imports into unknown consultations (404), to unknown sections and with a differing id (422)', async () => {
      const base: Contribution = {
        id: 'opencode-18',
        anchor: { section: '1' },
        text: { de: 'Text' },
        author: { kind: 'anonymous' },
        submittedAt: '2026-11-11T09:30:00Z',
        externalRef: 'https://gitlab.opencode.de/foederal/gebaeudedaten-2027/-/issues/18',
        state: 'submitted',
      };
      expect((await failure(gs.importContribution('gibt-es-nicht', base))).status).toBe(404);
      expect((await failure(gs.importContribution('konsultation-gebaeudedaten-2027', { ...base, anchor: { section: 'gibt-es-nicht' } }))).status).toBe(422);
      const wrongId = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/anders`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify(base),
      });
      expect(wrongId.status).toBe(422);
      // An answered state without a disposition (the client would refuse it before sending: raw HTTP).
      const answeredWithout = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/opencode-18`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...base, state: 'accepted' }),
      });
      expect(answeredWithout.status).toBe(422);
      expect(JSON.stringify(await answeredWithout.json())).toContain('disposition');
      expect((await failure(pub.getContribution('konsultation-gebaeudedaten-2027', 'opencode-18'))).status).toBe(404);
    });
  });
}
