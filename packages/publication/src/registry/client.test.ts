import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body as bodyFixture, consultation, decision, pilot, recommendation, reportSubmission } from '../../test/fixtures.js';
import type { RegistryServer } from '../../test/registry-server.js';
import { startRegistryServer } from '../../test/registry-server.js';
import type { PublicationError } from '../errors.js';
import { isPublicationError } from '../errors.js';
import type { RegistryClient } from './client.js';
import { createRegistryClient } from './client.js';
import { registryContract } from './contract.js';

let server: RegistryServer;
let secretariat: RegistryClient;
let anonymous: RegistryClient;
const fast = { limit: 2, baseDelay: 5, maxDelay: 20 };

async function failure(promise: Promise<unknown>): Promise<PublicationError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationError');
}

beforeEach(async () => {
  server = await startRegistryServer();
  secretariat = createRegistryClient({ baseUrl: server.url, token: 'secretariat-token', retry: fast, timeout: 2000 });
  anonymous = createRegistryClient({ baseUrl: server.url, retry: fast, timeout: 2000 });
});
// Every route of the contract must be answered successfully by some test in this file.
const succeeded = new Set<string>();
afterEach(async () => {
  for (const r of server.requests) if (r.route && r.status !== undefined && r.status < 400) succeeded.add(r.route);
  await server.close();
});
afterAll(() => {
  expect([...succeeded].sort()).toEqual(Object.keys(registryContract).sort());
});

const count = (route: string): number => server.requests.filter((r) => r.route === route).length;

describe('registry client: recommendations', () => {
  it('creates, reads and revalidates with If-None-Match (304 served from the cache)', async () => {
    const created = await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    expect(created.id).toBe('gebaeudedaten-2027');
    const first = await anonymous.contract.call('getRecommendation', { params: { id: 'gebaeudedaten-2027' } });
    expect(first.etag).toBe('"1"');
    expect(first.notModified).toBe(false);
    const second = await anonymous.contract.call('getRecommendation', { params: { id: 'gebaeudedaten-2027' } });
    expect(second.notModified).toBe(true);
    expect(second.data).toEqual(first.data);
    expect(second.data).not.toBe(first.data);
    const gets = server.requests.filter((r) => r.route === 'getRecommendation');
    expect(gets[0]?.headers['if-none-match']).toBeUndefined();
    expect(gets[1]?.headers['if-none-match']).toBe('"1"');
  });

  it('lists all pages through Link rel="next", with filters', async () => {
    for (const id of ['a-1', 'b-2', 'c-3', 'd-4', 'e-5']) await secretariat.createRecommendation(recommendation(id, { shortTitle: { de: id === 'c-3' ? 'Wartung' : 'Betrieb' } }));
    const ids: string[] = [];
    for await (const r of anonymous.listRecommendations()) ids.push(r.id);
    expect(ids).toEqual(['a-1', 'b-2', 'c-3', 'd-4', 'e-5']);
    expect(count('listRecommendations')).toBe(3);
    const pages: number[] = [];
    for await (const page of anonymous.listRecommendations({ limit: 4 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([4, 1]);
    expect((await anonymous.listRecommendations({ q: 'wartung' }).toArray()).map((r) => r.id)).toEqual(['c-3']);
    expect(await anonymous.listRecommendations({ status: 'published' }).toArray()).toEqual([]);
  });

  it('sends If-Match from the last read and fails with 412 after a concurrent update', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    const other = createRegistryClient({ baseUrl: server.url, token: 'secretariat-token', retry: fast });
    const mine = await secretariat.getRecommendation('gebaeudedaten-2027');
    const theirs = await other.getRecommendation('gebaeudedaten-2027');
    const updated = await other.updateRecommendation('gebaeudedaten-2027', { ...theirs, description: { de: 'Von der anderen Seite.' } });
    expect(updated.description.de).toBe('Von der anderen Seite.');
    const error = await failure(secretariat.updateRecommendation('gebaeudedaten-2027', { ...mine, description: { de: 'Meine Fassung.' } }));
    expect(error.code).toBe('precondition-failed');
    expect(error.status).toBe(412);
    expect(error.problem?.code).toBe('precondition-failed');
    expect(error.problem?.detail).toMatch(/version is 2/);
    const puts = server.requests.filter((r) => r.route === 'updateRecommendation');
    expect(puts.map((r) => r.headers['if-match'])).toEqual(['"1"', '"1"']);
    // After reading again the write goes through, and the cache holds the new version.
    const fresh = await secretariat.getRecommendation('gebaeudedaten-2027');
    await secretariat.updateRecommendation('gebaeudedaten-2027', { ...fresh, description: { de: 'Meine Fassung.' } });
    expect(secretariat.contract.etag('getRecommendation', { id: 'gebaeudedaten-2027' })).toBe('"3"');
  });

  it('gets 428 when writing without having read (no If-Match)', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    const blind = createRegistryClient({ baseUrl: server.url, token: 'secretariat-token' });
    const error = await failure(blind.updateRecommendation('gebaeudedaten-2027', recommendation('gebaeudedaten-2027')));
    expect(error.code).toBe('precondition-required');
    expect(error.status).toBe(428);
    expect(server.requests.at(-1)?.headers['if-match']).toBeUndefined();
  });

  it('applies lifecycle events and reports refused transitions with the guard', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.getRecommendation('gebaeudedaten-2027');
    const error = await failure(secretariat.transitionRecommendation('gebaeudedaten-2027', { type: 'publish' }));
    expect(error.code).toBe('conflict');
    expect(error.problem?.code).toBe('invalid-transition');
    const opened = await secretariat.transitionRecommendation('gebaeudedaten-2027', {
      type: 'open-consultation', opens: '2027-02-01T00:00:00Z', closes: '2027-03-01T00:00:00Z',
    });
    expect(opened.status.state).toBe('consultation');
    // The transition response refreshed the cache: the next write carries the new ETag.
    expect(secretariat.contract.etag('getRecommendation', { id: 'gebaeudedaten-2027' })).toBe('"2"');
  });

  it('passes on Deprecation and Sunset of a withdrawn recommendation', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.getRecommendation('gebaeudedaten-2027');
    const current = await anonymous.contract.call('getRecommendation', { params: { id: 'gebaeudedaten-2027' } });
    expect(current.deprecation).toBeUndefined();
    await secretariat.transitionRecommendation('gebaeudedaten-2027', { type: 'withdraw', reason: { de: 'Überholt' } });
    const withdrawn = await anonymous.contract.call('getRecommendation', { params: { id: 'gebaeudedaten-2027' } });
    expect(withdrawn.data.status.state).toBe('withdrawn');
    const date = (withdrawn.data.status as { date: string }).date;
    expect(withdrawn.deprecation).toBe(`@${Date.parse(date) / 1000}`);
    expect(withdrawn.sunset).toBe(new Date(date).toUTCString());
  });

  it('lists editions and reads one edition', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    const r = await secretariat.getRecommendation('gebaeudedaten-2027');
    await secretariat.updateRecommendation('gebaeudedaten-2027', { ...r, version: '0.2.0' });
    const editions = await anonymous.listRecommendationEditions('gebaeudedaten-2027');
    expect(editions.map((e) => e.version)).toEqual(['0.2.0', '0.1.0']);
    expect((await anonymous.getRecommendationEdition('gebaeudedaten-2027', '0.1.0')).version).toBe('0.1.0');
    expect((await failure(anonymous.getRecommendationEdition('gebaeudedaten-2027', '9.9.9'))).code).toBe('not-found');
  });

  it('uploads a document with its SHA-256 and downloads it verified', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    const bytes = new TextEncoder().encode('# Gebäudedaten 2027\n\nAnforderungen …\n');
    const attachment = await secretariat.uploadAttachment('gebaeudedaten-2027', 'main', new Blob([bytes]), {
      role: 'main', title: 'Empfehlung', titleEn: 'Recommendation', mediaType: 'text/markdown',
    });
    expect(attachment).toMatchObject({ id: 'main', byteSize: bytes.byteLength, mediaType: 'text/markdown', title: { de: 'Empfehlung', en: 'Recommendation' } });
    expect(attachment.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(server.requests.find((r) => r.route === 'uploadAttachment')?.headers['content-digest']).toMatch(/^sha-256=:[A-Za-z0-9+/]+=*:$/);
    const downloaded = await anonymous.downloadAttachment('gebaeudedaten-2027', 'main');
    expect(new TextDecoder().decode(downloaded)).toBe('# Gebäudedaten 2027\n\nAnforderungen …\n');
    expect((await anonymous.getRecommendation('gebaeudedaten-2027')).attachments.map((a) => a.id)).toEqual(['main']);
  });

  it('rejects a download whose Content-Digest does not match the bytes', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.uploadAttachment('gebaeudedaten-2027', 'main', new Uint8Array([1, 2, 3]), { role: 'main', title: 'Empfehlung' });
    server.inject({ kind: 'digest', value: 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:' }, { route: 'downloadAttachment' });
    const error = await failure(anonymous.downloadAttachment('gebaeudedaten-2027', 'main'));
    expect(error.code).toBe('contract-violation');
    expect(error.message).toMatch(/SHA-256/);
  });

  it('maps a server-side digest mismatch to digest-mismatch', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    server.inject({ kind: 'status', status: 422, body: JSON.stringify({ type: 'https://schemas.foederal.de/problems/digest-mismatch', status: 422, code: 'digest-mismatch', detail: 'SHA-256 differs' }) }, { route: 'uploadAttachment' });
    const error = await failure(secretariat.uploadAttachment('gebaeudedaten-2027', 'main', new Uint8Array([1]), { role: 'main', title: 'X' }));
    expect(error.code).toBe('digest-mismatch');
    expect(error.problem?.detail).toBe('SHA-256 differs');
  });

  it('refuses invalid input before sending anything', async () => {
    const before = server.requests.length;
    const error = await failure(secretariat.createRecommendation({ ...recommendation('x'), number: 'zwölf' }));
    expect(error.code).toBe('invalid-input');
    expect(error.issues.map((i) => i.path)).toEqual(['$.body.number']);
    expect((await failure(secretariat.getRecommendation('Kein Slug'))).issues[0]?.path).toBe('$.params.id');
    expect((await failure(anonymous.getDecision('2027-04'))).code).toBe('invalid-input');
    expect(server.requests.length).toBe(before);
  });

  it('maps 401 and 403', async () => {
    expect((await failure(anonymous.createRecommendation(recommendation('x')))).code).toBe('unauthorized');
    const member = createRegistryClient({ baseUrl: server.url, token: () => 'member-token' });
    const error = await failure(member.createRecommendation(recommendation('x')));
    expect(error.code).toBe('forbidden');
    expect(error.problem?.title).toBe('Keine Berechtigung');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer member-token');
  });
});

describe('registry client: consultations', () => {
  beforeEach(async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.createConsultation(consultation('konsultation-1', 'gebaeudedaten-2027'));
  });

  it('takes public contributions, hides them until published, and records dispositions', async () => {
    const submitted = await anonymous.submitContribution('konsultation-1', {
      anchor: { section: '3.2' }, text: { de: 'Bitte <br> Prüffristen ergänzen.' }, author: { kind: 'anonymous' },
    });
    expect(submitted.state).toBe('submitted');
    expect(await anonymous.listContributions('konsultation-1').toArray()).toEqual([]);
    expect((await secretariat.listContributions('konsultation-1').toArray()).map((c) => c.id)).toEqual([submitted.id]);
    const read = await secretariat.getContribution('konsultation-1', submitted.id);
    expect(read.text.de).toBe('Bitte <br> Prüffristen ergänzen.');
    const invalid = await failure(secretariat.disposeContribution('konsultation-1', submitted.id, { state: 'accepted' }));
    expect(invalid.code).toBe('validation-failed');
    expect(invalid.issues[0]?.path).toBe('$.disposition');
    const accepted = await secretariat.disposeContribution('konsultation-1', submitted.id, {
      state: 'accepted', disposition: { reason: { de: 'In 3.2 aufgenommen.' }, answeredAt: '2099-03-20T10:00:00Z' },
    });
    expect(accepted.state).toBe('accepted');
    expect(server.requests.filter((r) => r.route === 'disposeContribution').map((r) => r.headers['if-match'])).toEqual(['"1"', '"1"']);
    expect((await anonymous.listContributions('konsultation-1', { state: 'accepted' }).toArray()).map((c) => c.id)).toEqual([submitted.id]);
    const c = await anonymous.getConsultation('konsultation-1');
    expect(c.contributions.map((x) => x.state)).toEqual(['accepted']);
    expect((await anonymous.listConsultations({ recommendation: 'gebaeudedaten-2027' }).toArray()).map((x) => x.id)).toEqual(['konsultation-1']);
  });
});

describe('registry client: contact, consent, filters and erasure', () => {
  it('never shows the contact publicly, filters by section, submitter and level, and erases personal data', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.createConsultation(consultation('konsultation-1', 'gebaeudedaten-2027'));
    const named = await anonymous.submitContribution('konsultation-1', {
      anchor: { section: '3.2' }, text: { de: 'Prüffristen je Anlage' },
      author: { kind: 'person', name: 'Anna Beispiel', organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } },
      contact: { email: 'anna@musterhausen.example' }, consent: { publication: false, privacyNotice: 'datenschutz-2026-12' },
    });
    await anonymous.submitContribution('konsultation-1', { anchor: { section: '3.2' }, text: { de: 'Zweiter' }, author: { kind: 'organisation', name: 'Land Hamburg', jurisdiction: { level: 'state', key: '02', name: 'Hamburg' } } });
    expect(named.contact).toEqual({ email: 'anna@musterhausen.example' });
    await secretariat.getContribution('konsultation-1', named.id);
    const published = await secretariat.disposeContribution('konsultation-1', named.id, { state: 'published' });
    expect(published.consent).toEqual({ publication: false, privacyNotice: 'datenschutz-2026-12' });
    const publicView = await anonymous.listContributions('konsultation-1').toArray();
    expect(publicView).toHaveLength(1);
    expect(publicView[0]?.contact).toBeUndefined();
    expect(publicView[0]?.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } });
    expect((await secretariat.listContributions('konsultation-1', { submitter: 'organisation' }).toArray()).map((c) => c.text.de)).toEqual(['Zweiter']);
    expect((await secretariat.listContributions('konsultation-1', { level: 'municipality', section: '3.2' }).toArray()).map((c) => c.id)).toEqual([named.id]);
    expect((await secretariat.listContributions('konsultation-1', { q: 'PRÜFFRISTEN' }).toArray()).map((c) => c.id)).toEqual([named.id]);
    await secretariat.getContribution('konsultation-1', named.id);
    const erased = await secretariat.erasePersonalData('konsultation-1', named.id);
    expect(erased.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } });
    expect(erased.contact).toBeUndefined();
    expect(erased.erasedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(erased.text.de).toBe('Prüffristen je Anlage');
    expect(server.requests.filter((r) => r.route === 'erasePersonalData').map((r) => r.headers['if-match'])).toEqual(['"2"']);
  });
});

describe('registry client: imported contributions', () => {
  it('imports a full contribution with its external reference, once', async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
    await secretariat.createConsultation(consultation('konsultation-1', 'gebaeudedaten-2027'));
    const contribution = {
      id: 'opencode-42-7', anchor: { section: '3.2' }, text: { de: 'Aus openCode' }, author: { kind: 'person' as const, name: 'Anna Beispiel' },
      submittedAt: '2025-06-01T08:07:00.000Z', externalRef: 'https://gitlab.opencode.de/foederal/empfehlungen/-/issues/7', state: 'published' as const,
    };
    const imported = await secretariat.importContribution('konsultation-1', contribution);
    expect(imported).toEqual(contribution);
    expect(server.requests.at(-1)?.url).toBe('/api/v1/consultations/konsultation-1/contributions/opencode-42-7');
    expect(secretariat.contract.etag('getContribution', { consultationId: 'konsultation-1', contributionId: 'opencode-42-7' })).toBe('"1"');
    expect((await failure(secretariat.importContribution('konsultation-1', contribution))).code).toBe('conflict');
    expect((await failure(anonymous.importContribution('konsultation-1', contribution))).code).toBe('unauthorized');
  });
});

describe('registry client: body, decisions, pilots and reports, publications', () => {
  it('reads the body and decisions', async () => {
    server.store.decisions.set(decision.id, decision);
    expect(await anonymous.getBody()).toEqual(bodyFixture);
    expect((await anonymous.listDecisions().toArray()).map((d) => d.id)).toEqual(['2027/04']);
    expect((await anonymous.getDecision('2027/04')).date).toBe('2027-04-15');
    expect(server.requests.at(-1)?.url).toBe('/api/v1/decisions/2027/04');
  });

  it('runs the pilot register with reviewed experience reports', async () => {
    await secretariat.createPilot(pilot('pilot-borgsum'));
    await secretariat.createPilot(pilot('pilot-land', {
      participants: [{ organisation: 'Land Hessen', jurisdiction: { level: 'state', key: '06', name: 'Hessen' }, role: 'lead' }],
      subject: { kind: 'open-source', name: 'Gebäudeverzeichnis', repository: 'https://gitlab.opencode.de/foederal/gebaeude' },
    }));
    expect((await anonymous.listPilots({ level: 'municipality' }).toArray()).map((p) => p.id)).toEqual(['pilot-borgsum']);
    expect((await anonymous.listPilots({ state: '06' }).toArray()).map((p) => p.id)).toEqual(['pilot-land']);
    expect((await anonymous.listPilots({ recommendation: 'gebaeudedaten-2027' }).toArray()).map((p) => p.id)).toEqual(['pilot-borgsum']);
    const p = await secretariat.getPilot('pilot-borgsum');
    expect((await secretariat.updatePilot('pilot-borgsum', { ...p, status: 'completed', end: '2027-12-31' })).status).toBe('completed');

    const member = createRegistryClient({ baseUrl: server.url, token: 'member-token' });
    const report = await member.submitExperienceReport('pilot-borgsum', reportSubmission);
    expect(report.status).toEqual({ state: 'submitted' });
    expect(await anonymous.listExperienceReports('pilot-borgsum').toArray()).toEqual([]);
    await secretariat.getExperienceReport('pilot-borgsum', report.id);
    const noLicence = await failure(secretariat.reviewExperienceReport('pilot-borgsum', report.id, { status: { state: 'published', date: '2027-06-10' } }));
    expect(noLicence.code).toBe('validation-failed');
    expect(noLicence.problem?.detail).toMatch(/license/);
    const rejected = await secretariat.reviewExperienceReport('pilot-borgsum', report.id, {
      status: { state: 'rejected', date: '2027-06-10', reason: { de: 'Bitte Kosten belegen.' } },
    });
    expect(rejected.status.state).toBe('rejected');
    const again = await failure(secretariat.reviewExperienceReport('pilot-borgsum', report.id, { status: { state: 'published', date: '2027-06-11' } }));
    expect(again.problem?.code).toBe('invalid-transition');
  });

  it('computes cost shares of a joint project that add up to the cent', async () => {
    const project = {
      id: 'gebaeudedatenportal',
      title: { de: 'Gemeinsames Gebäudedatenportal' },
      total: 1_000_000_01,
      rules: 'amev-style-working-group',
      date: '2027-01-01',
      participants: [
        { id: 'bund', level: 'federal' as const },
        { id: 'by', level: 'state' as const, state: 'DE-BY' as const },
        { id: 'hb', level: 'state' as const, state: 'DE-HB' as const },
      ],
    };
    await secretariat.createJointProject(project);
    expect((await anonymous.listJointProjects().toArray()).map((p) => p.id)).toEqual(['gebaeudedatenportal']);
    const shares = await anonymous.getCostShares('gebaeudedatenportal');
    expect(shares.total).toBe(1_000_000_01);
    expect(shares.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(1_000_000_01);
    expect(shares.shares.map((s) => s.id).sort()).toEqual(['bund', 'by', 'hb']);
    expect(shares.explanation[0]?.de).toMatch(/Gesamtbetrag/);
    const read = await secretariat.getJointProject('gebaeudedatenportal');
    await secretariat.updateJointProject('gebaeudedatenportal', { ...read, total: 500 });
    expect((await anonymous.getCostShares('gebaeudedatenportal')).total).toBe(500);
    server.inject({ kind: 'violate', mutate: (b) => ({ ...(b as object), total: 1 }) }, { route: 'getCostShares' });
    const error = await failure(anonymous.getCostShares('gebaeudedatenportal', { cache: false }));
    expect(error.code).toBe('contract-violation');
    expect(error.issues.map((i) => i.path)).toContain('$.shares');
  });

  it('reads feeds, catalogue and the OpenAPI document', async () => {
    expect(await anonymous.atomFeed()).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    // Revalidated with If-None-Match: the 304 serves the cached XML text.
    const again = await anonymous.contract.call('atomFeed');
    expect(again.notModified).toBe(true);
    expect(again.data).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(JSON.parse(await anonymous.jsonFeed())).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' });
    expect(await anonymous.catalogTurtle()).toMatch(/dcat:Catalog/);
    expect((await anonymous.catalogJsonLd())['@type']).toBe('dcat:Catalog');
    expect((await anonymous.openApiDocument()).openapi).toMatch(/^3\.1\./);
  });
});

describe('registry client: faults', () => {
  beforeEach(async () => {
    await secretariat.createRecommendation(recommendation('gebaeudedaten-2027'));
  });

  it('times out on a slow response', async () => {
    const impatient = createRegistryClient({ baseUrl: server.url, timeout: 100, retry: false });
    server.inject({ kind: 'delay', ms: 600 }, { route: 'getRecommendation' });
    const error = await failure(impatient.getRecommendation('gebaeudedaten-2027'));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/100 ms/);
  });

  it('retries a GET after 503 and succeeds', async () => {
    server.inject({ kind: 'status', status: 503 }, { route: 'getRecommendation', times: 2 });
    expect((await anonymous.getRecommendation('gebaeudedaten-2027')).id).toBe('gebaeudedaten-2027');
    expect(count('getRecommendation')).toBe(3);
  });

  it('gives up after the retry limit with server-error', async () => {
    server.inject({ kind: 'status', status: 503 }, { route: 'getRecommendation', times: 5 });
    const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027'));
    expect(error.code).toBe('server-error');
    expect(error.status).toBe(503);
    expect(count('getRecommendation')).toBe(3);
  });

  it('honours Retry-After on 429 for a GET', async () => {
    server.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, { route: 'getRecommendation' });
    const started = Date.now();
    await anonymous.getRecommendation('gebaeudedaten-2027');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(count('getRecommendation')).toBe(2);
  });

  it('never retries a POST: 429 surfaces as rate-limited with Retry-After, 503 as server-error', async () => {
    await secretariat.createConsultation(consultation('konsultation-1', 'gebaeudedaten-2027'));
    const submission = { anchor: { section: '1' }, text: { de: 'Text' }, author: { kind: 'anonymous' as const } };
    server.inject({ kind: 'status', status: 429, headers: { 'retry-after': '7' } }, { route: 'submitContribution' });
    const limited = await failure(anonymous.submitContribution('konsultation-1', submission));
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAfter).toBe(7);
    server.inject({ kind: 'status', status: 503 }, { route: 'submitContribution' });
    expect((await failure(anonymous.submitContribution('konsultation-1', submission))).code).toBe('server-error');
    expect(count('submitContribution')).toBe(2);
  });

  it('retries a GET whose body was cut short by the connection, and reports it as network error once retries are used up', async () => {
    server.inject({ kind: 'truncate' }, { route: 'getRecommendation' });
    expect((await anonymous.getRecommendation('gebaeudedaten-2027')).id).toBe('gebaeudedaten-2027');
    expect(count('getRecommendation')).toBe(2);
    server.inject({ kind: 'truncate' }, { route: 'getRecommendation', times: 3 });
    const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027', { cache: false }));
    expect(error.code).toBe('network');
    expect(count('getRecommendation')).toBe(5);
  });

  it('does not retry a POST whose response body was cut short', async () => {
    server.inject({ kind: 'truncate' }, { route: 'createRecommendation' });
    expect((await failure(secretariat.createRecommendation(recommendation('zweite')))).code).toBe('network');
    expect(count('createRecommendation')).toBe(2);
    expect(server.store.recommendations.has('zweite')).toBe(true);
  });

  it('reports truncated JSON with the byte offset where it ends', async () => {
    server.inject({ kind: 'malformed', body: '{"id": "gebaeudedaten-2027", "title": {"de": "Geb' }, { route: 'getRecommendation' });
    const cut = await failure(anonymous.getRecommendation('gebaeudedaten-2027'));
    expect(cut.code).toBe('invalid-json');
    expect(cut.offset).toBe(49);
    expect(cut.message).toMatch(/abgeschnitten|truncated/);
  });

  it('reports malformed JSON with the byte offset', async () => {
    server.inject({ kind: 'malformed', body: '{"items": [{"id": "ä"}, oops]}' }, { route: 'listRecommendations' });
    const error = await failure(anonymous.listRecommendations().toArray());
    expect(error.code).toBe('invalid-json');
    expect(error.offset).toBe(25);
  });

  it('reports a contract violation with the JSON path, never returning wrong data', async () => {
    server.inject({ kind: 'violate', mutate: (b) => ({ ...(b as object), title: { en: 'no German title' } }) }, { route: 'getRecommendation' });
    const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027'));
    expect(error.code).toBe('contract-violation');
    expect(error.issues.map((i) => i.path)).toContain('$.title.de');
    server.inject({ kind: 'wrong-type', contentType: 'text/html' }, { route: 'getRecommendation' });
    expect((await failure(anonymous.getRecommendation('gebaeudedaten-2027'))).message).toMatch(/text\/html/);
  });

  it('refuses a next link that leaves the server', async () => {
    server.inject({ kind: 'link', href: 'https://evil.example/api/v1/recommendations?cursor=x' }, { route: 'listRecommendations' });
    const error = await failure(anonymous.listRecommendations().toArray());
    expect(error.code).toBe('contract-violation');
    expect(error.message).toMatch(/evil\.example/);
  });

  it('retries a GET after a connection reset, but not a POST', async () => {
    server.inject({ kind: 'reset' }, { route: 'getRecommendation' });
    expect((await anonymous.getRecommendation('gebaeudedaten-2027')).id).toBe('gebaeudedaten-2027');
    expect(count('getRecommendation')).toBe(2);
    server.inject({ kind: 'reset' }, { route: 'createRecommendation' });
    const error = await failure(secretariat.createRecommendation(recommendation('zweite')));
    expect(error.code).toBe('network');
    expect(count('createRecommendation')).toBe(2);
  });

  it('aborts through an AbortSignal', async () => {
    server.inject({ kind: 'delay', ms: 1000 }, { route: 'getRecommendation' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027', { signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('maps 415 to unsupported-media-type, 410 to not-found and any other 4xx to http-error, keeping the status', async () => {
    const cases: [number, string][] = [[415, 'unsupported-media-type'], [410, 'not-found'], [418, 'http-error'], [451, 'http-error']];
    for (const [status, code] of cases) {
      server.inject({ kind: 'status', status }, { route: 'getRecommendation', times: 1 });
      const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027'));
      expect([status, error.code, error.status]).toEqual([status, code, status]);
    }
    expect((await anonymous.getRecommendation('gebaeudedaten-2027')).id).toBe('gebaeudedaten-2027');
  });

  it('keeps the status when the error body is not problem details', async () => {
    server.inject({ kind: 'status', status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }, { route: 'getRecommendation', times: 3 });
    const error = await failure(anonymous.getRecommendation('gebaeudedaten-2027'));
    expect(error.code).toBe('server-error');
    expect(error.problem).toMatchObject({ status: 502 });
  });
});
