import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recommendation } from '../../test/fixtures.js';
import type { GitLabFixture } from '../../test/opencode-server.js';
import { gitLabToken, issue, startGitLab } from '../../test/opencode-server.js';
import { isPublicationError } from '../errors.js';
import type { PublicationError } from '../errors.js';
import { createOpenCodeClient, defaultSectionOf, dispositionNote, issueToContribution } from './client.js';
import { gitLabIssueSchema } from './schemas.js';

let gitlab: GitLabFixture;
beforeEach(async () => {
  gitlab = await startGitLab();
});
afterEach(async () => {
  await gitlab.close();
});

const client = (extra: Partial<Parameters<typeof createOpenCodeClient>[0]> = {}) =>
  createOpenCodeClient({ baseUrl: gitlab.url, token: gitLabToken, project: 'foederal/empfehlungen', retry: { limit: 2, baseDelay: 5 }, ...extra });

async function failure(promise: Promise<unknown>): Promise<PublicationError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationError');
}

describe('openCode client', () => {
  it('imports issues as contributions across pages (x-next-page), with labels and since', async () => {
    for (let i = 1; i <= 5; i++) gitlab.issues.push(issue(i));
    gitlab.issues.push(issue(6, { labels: ['intern'] }));
    gitlab.issues.push(issue(7, { title: '3.2 Prüffristen', labels: ['konsultation', 'abschnitt::4'], description: null, author: null }));
    const all = [];
    for await (const c of client().importContributions({ labels: ['konsultation'], perPage: 2 })) all.push(c);
    expect(all.map((c) => c.id)).toEqual(['opencode-42-1', 'opencode-42-2', 'opencode-42-3', 'opencode-42-4', 'opencode-42-5', 'opencode-42-7']);
    expect(all[0]).toMatchObject({
      anchor: { section: 'allgemein' },
      text: { de: 'Hinweis 1\n\nBeschreibung 1' },
      author: { kind: 'person', name: 'Anna Beispiel' },
      externalRef: 'https://gitlab.opencode.de/foederal/empfehlungen/-/issues/1',
      state: 'published',
      submittedAt: '2025-06-01T08:01:00.000Z',
    });
    expect(all[5]).toMatchObject({ anchor: { section: '4' }, author: { kind: 'anonymous' }, text: { de: '3.2 Prüffristen' } });
    const issueRequests = gitlab.requests.filter((r) => r.path.endsWith('/issues'));
    expect(issueRequests.map((r) => r.search.get('page'))).toEqual(['1', '2', '3']);
    expect(issueRequests[0]?.search.get('labels')).toBe('konsultation');
    expect(issueRequests[0]?.headers['private-token']).toBe(gitLabToken);

    const since = [];
    for await (const c of client().importContributions({ since: '2025-06-01T08:04:00Z' })) since.push(c.id);
    expect(since).toEqual(['opencode-42-4', 'opencode-42-5', 'opencode-42-6', 'opencode-42-7']);
  });

  it('authenticates with a bearer token when asked, and maps 401', async () => {
    gitlab.issues.push(issue(1));
    const ids = [];
    for await (const i of client({ authScheme: 'bearer' }).issues()) ids.push(i.iid);
    expect(ids).toEqual([1]);
    expect(gitlab.requests.at(-1)?.headers.authorization).toBe(`Bearer ${gitLabToken}`);
    const wrong = createOpenCodeClient({ baseUrl: gitlab.url, token: 'nope', project: 'foederal/empfehlungen' });
    const error = await failure((async () => { for await (const _ of wrong.issues()) void _; })());
    expect(error.code).toBe('unauthorized');
    expect(error.problem?.detail).toBe('401 Unauthorized');
  });

  it('waits for Retry-After on 429, also for a POST', async () => {
    gitlab.issues.push(issue(1));
    gitlab.rateLimit(1, '1');
    const started = Date.now();
    const { note } = await client().postDisposition({
      issueIid: 1, state: 'accepted', disposition: { reason: { de: 'Aufgenommen.', en: 'Included.' }, answeredAt: '2027-03-01T09:00:00Z' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(note.body).toContain('**Abwägung: berücksichtigt**');
    expect(gitlab.requests.filter((r) => r.path.endsWith('/notes'))).toHaveLength(2);
  });

  it('surfaces 429 as rate-limited once the retries are used up', async () => {
    gitlab.rateLimit(5, '0');
    const error = await failure(client({ retry: { limit: 1, baseDelay: 1 } }).createRelease({ tagName: 't', name: 'n', description: 'd' }));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfter).toBe(0);
    expect(error.problem?.detail).toBe('Retry later');
  });

  it('posts a disposition as a note and sets the outcome label, replacing an earlier one', async () => {
    gitlab.issues.push(issue(3, { labels: ['konsultation', 'abwaegung::teilweise'] }));
    const { note, issue: updated } = await client().postDisposition({
      issueIid: 3, state: 'rejected', disposition: { reason: { de: 'Widerspricht DIN 277.', en: 'Contradicts DIN 277.' }, answeredAt: '2027-03-01T09:00:00Z' },
    });
    expect(note.body.indexOf('nicht berücksichtigt')).toBeLessThan(note.body.indexOf('not accepted'));
    expect(updated.labels).toEqual(['konsultation', 'abwaegung::nicht-beruecksichtigt']);
    expect((await failure(client().postDisposition({ issueIid: 99, state: 'accepted', disposition: { reason: { de: 'x' }, answeredAt: '2027-03-01T09:00:00Z' } }))).code).toBe('not-found');
  });

  it('publishes an edition: documents into the generic package registry, then a release linking them', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 Empfehlung');
    const ids = new TextEncoder().encode('<ids xmlns="http://standards.buildingsmart.org/IDS"/>');
    const { release, files } = await client().publishEdition({
      recommendation: recommendation('gebaeudedaten-2027', { version: '1.0.0' }),
      documents: [{ fileName: 'empfehlung.pdf', data: pdf }, { fileName: 'anforderungen.ids', data: new Blob([ids]) }],
      ref: 'main',
    });
    expect(files.map((f) => f.file_sha256)).toEqual([createHash('sha256').update(pdf).digest('hex'), createHash('sha256').update(ids).digest('hex')]);
    expect(gitlab.packages.get('gebaeudedaten-2027/1.0.0/empfehlung.pdf')?.toString()).toBe('%PDF-1.7 Empfehlung');
    expect(release.tag_name).toBe('gebaeudedaten-2027-1.0.0');
    expect(release.assets.links.map((l) => [l.name, l.link_type])).toEqual([['empfehlung.pdf', 'package'], ['anforderungen.ids', 'package']]);
    expect(release.assets.links[0]?.url).toBe(`${gitlab.url}/api/v4/projects/foederal%2Fempfehlungen/packages/generic/gebaeudedaten-2027/1.0.0/empfehlung.pdf`);
    const uploadsThenRelease = gitlab.requests.map((r) => `${r.method} ${r.path.split('/').slice(5, 7).join('/')}`);
    expect(uploadsThenRelease).toEqual(['PUT packages/generic', 'PUT packages/generic', 'POST releases']);
    const again = await failure(client().createRelease({ tagName: 'gebaeudedaten-2027-1.0.0', name: 'x', description: 'y' }));
    expect(again.code).toBe('conflict');
    expect(again.problem?.detail).toBe('Release already exists');
  });

  it('refuses an upload whose reported SHA-256 differs from the bytes sent', async () => {
    gitlab.corruptNextUpload();
    const error = await failure(client().uploadPackageFile({ packageName: 'p', version: '1.0.0', fileName: 'a.txt', data: new Uint8Array([1, 2]) }));
    expect(error.code).toBe('contract-violation');
    expect(error.message).toMatch(/SHA-256/);
    expect((await failure(client().uploadPackageFile({ packageName: '../etc', version: '1', fileName: 'a', data: new Uint8Array() }))).code).toBe('invalid-input');
  });

  it('retries reading issues after a connection reset, but never re-sends a release', async () => {
    gitlab.issues.push(issue(1));
    gitlab.reset(1);
    const ids = [];
    for await (const i of client().issues()) ids.push(i.iid);
    expect(ids).toEqual([1]);
    expect(gitlab.requests.filter((r) => r.path.endsWith('/issues'))).toHaveLength(2);
    gitlab.reset(1);
    const error = await failure(client().createRelease({ tagName: 'v1', name: 'n', description: 'd' }));
    expect(error.code).toBe('network');
    expect(gitlab.requests.filter((r) => r.path.endsWith('/releases'))).toHaveLength(1);
    expect(gitlab.releases).toHaveLength(0);
  });

  it('reports an issue list of the wrong shape as a contract violation', async () => {
    gitlab.issues.push({ ...issue(1), iid: 'eins' });
    const error = await failure((async () => { for await (const _ of client().issues()) void _; })());
    expect(error.code).toBe('contract-violation');
    expect(error.issues[0]?.path).toBe('$[0].iid');
  });
});

describe('issue mapping', () => {
  it('finds the section from labels or the title', () => {
    const base = gitLabIssueSchema.parse(issue(1));
    expect(defaultSectionOf({ ...base, labels: ['section::A.1'] })).toBe('A.1');
    expect(defaultSectionOf({ ...base, title: '[3.2] Fristen' })).toBe('3.2');
    expect(defaultSectionOf(base)).toBe('allgemein');
  });

  it('maps any well-formed issue to a valid contribution or a typed error', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.array(fc.string(), { maxLength: 3 }), (title, description, labels) => {
        const i = gitLabIssueSchema.parse(issue(1, { title, description, labels }));
        try {
          const c = issueToContribution(i);
          expect(c.text.de.length).toBeLessThanOrEqual(20_000);
        } catch (error) {
          expect(isPublicationError(error, 'contract-violation')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('cuts very long issues to the contribution limit', () => {
    const i = gitLabIssueSchema.parse(issue(1, { description: 'x'.repeat(30_000) }));
    expect(issueToContribution(i).text.de).toHaveLength(20_000);
  });

  it('writes the note German first, then English', () => {
    const note = dispositionNote('duplicate', { reason: { de: 'Schon in Beitrag c-1.' }, answeredAt: '2027-03-01T09:00:00Z', duplicateOf: 'c-1' });
    expect(note).toBe('**Abwägung: Dublette**\n\nBegründung: Schon in Beitrag c-1.\n\nDublette von: c-1\n\n---\n\n**Disposition: duplicate**\n\nDuplicate of: c-1');
  });
});

describe('openCode → registry', () => {
  it('imports issues into a consultation of the registry, keeping the issue URL, and refuses them twice', async () => {
    const { startRegistryServer } = await import('../../test/registry-server.js');
    const { consultation } = await import('../../test/fixtures.js');
    const { createRegistryClient } = await import('../registry/client.js');
    const registryServer = await startRegistryServer();
    try {
      const registry = createRegistryClient({ baseUrl: registryServer.url, token: 'secretariat-token' });
      await registry.createRecommendation(recommendation('gebaeudedaten-2027'));
      await registry.createConsultation(consultation('konsultation-1', 'gebaeudedaten-2027', { sections: [] }));
      gitlab.issues.push(issue(1), issue(2, { title: '3.2 Fristen' }));
      const imported = [];
      for await (const c of client().importContributions({ labels: ['konsultation'] })) imported.push(await registry.importContribution('konsultation-1', c));
      expect(imported.map((c) => [c.id, c.externalRef])).toEqual([
        ['opencode-42-1', 'https://gitlab.opencode.de/foederal/empfehlungen/-/issues/1'],
        ['opencode-42-2', 'https://gitlab.opencode.de/foederal/empfehlungen/-/issues/2'],
      ]);
      expect((await registry.listContributions('konsultation-1').toArray()).map((c) => c.anchor.section)).toEqual(['allgemein', '3.2']);
      const again = await failure(registry.importContribution('konsultation-1', imported[0] as (typeof imported)[number]));
      expect(again.code).toBe('conflict');
    } finally {
      await registryServer.close();
    }
  });
});
