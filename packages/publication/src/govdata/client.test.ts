import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CkanFixture } from '../../test/ckan-server.js';
import { dataset, startCkan } from '../../test/ckan-server.js';
import type { PublicationError } from '../errors.js';
import { isPublicationError } from '../errors.js';
import { createGovDataClient } from './client.js';
import { ckanExtras } from './schemas.js';

let ckan: CkanFixture;
beforeEach(async () => {
  ckan = await startCkan();
  for (let n = 1; n <= 7; n++) ckan.packages.push(dataset(n));
  ckan.packages.push(dataset(8, { title: 'Schulgebäude Bestand', notes: null }));
});
afterEach(async () => {
  await ckan.close();
});

async function failure(promise: Promise<unknown>): Promise<PublicationError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationError');
}

const client = () => createGovDataClient({ baseUrl: ckan.url, retry: { limit: 1, baseDelay: 1 } });

describe('GovData client', () => {
  it('iterates over all results of package_search page by page', async () => {
    const names = (await client().packageSearch({ rows: 3 }).toArray()).map((p) => p.name);
    expect(names).toHaveLength(8);
    expect(names[0]).toBe('energieverbrauch-liegenschaften-1');
    expect(ckan.requests.map((u) => [u.searchParams.get('start'), u.searchParams.get('rows')])).toEqual([['0', '3'], ['3', '3'], ['6', '3']]);
    const pages = [];
    for await (const page of client().packageSearch({ rows: 5 }).pages()) pages.push([page.count, page.results.length]);
    expect(pages).toEqual([[8, 5], [8, 3]]);
  });

  it('filters with q and stops at limit without fetching more', async () => {
    const found = await client().packageSearch({ q: 'schulgebäude' }).toArray();
    expect(found.map((p) => p.title)).toEqual(['Schulgebäude Bestand']);
    ckan.requests.length = 0;
    expect((await client().packageSearch({ rows: 2, limit: 3 }).toArray()).length).toBe(3);
    expect(ckan.requests.map((u) => u.searchParams.get('rows'))).toEqual(['2', '1']);
  });

  it('shows one package with typed resources, tags and DCAT-AP.de extras', async () => {
    const pkg = await client().packageShow('energieverbrauch-liegenschaften-2');
    expect(pkg.organization?.title).toBe('Landesbauverwaltung');
    expect(pkg.resources[0]).toMatchObject({ format: 'CSV', url: 'https://example.org/verbrauch-2.csv' });
    expect(pkg.tags.map((t) => t.name)).toEqual(['energie', 'gebäude']);
    expect(ckanExtras(pkg)['politicalGeocodingLevelURI']).toBe('http://dcat-ap.de/def/politicalGeocoding/Level/state');
  });

  it('maps CKAN errors: 404 with its message, validation errors, success: false', async () => {
    const missing = await failure(client().packageShow('gibt-es-nicht'));
    expect(missing.code).toBe('not-found');
    expect(missing.problem?.detail).toBe('Nicht gefunden');
    ckan.next(409, JSON.stringify({ help: 'h', success: false, error: { rows: ['Must be an integer'], __type: 'Validation Error' } }));
    const invalid = await failure(client().packageSearch().toArray());
    expect(invalid.code).toBe('conflict');
    expect(invalid.problem?.detail).toContain('Validation Error');
    ckan.next(200, JSON.stringify({ help: 'h', success: false, error: { message: 'x' } }));
    expect((await failure(client().packageShow('x'))).code).toBe('contract-violation');
    expect(() => client().packageSearch({ rows: 5000 })).toThrow(/rows/);
  });

  it('reports broken and malformed answers with where it broke', async () => {
    ckan.next(200, JSON.stringify({ help: 'h', success: true, result: { count: 1, results: [{ id: 7 }] } }));
    const shape = await failure(client().packageSearch().toArray());
    expect(shape.code).toBe('contract-violation');
    expect(shape.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['$.result.results[0].id', '$.result.results[0].name']));
    ckan.next(200, '{"help": "h", "success": true, "result": {"count": 1, "results": [');
    const cut = await failure(client().packageShow('energieverbrauch-liegenschaften-1'));
    expect(cut.code).toBe('invalid-json');
    expect(cut.offset).toBe(66);
  });
});
