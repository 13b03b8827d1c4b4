// A small CKAN Action API v3 stand-in (package_search, package_show) answering with envelopes
// shaped as docs.ckan.org documents them.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CkanFixture {
  url: string;
  packages: Record<string, unknown>[];
  requests: URL[];
  /** Answer the next request with this raw body and status. */
  next(status: number, body: string): void;
  close(): Promise<void>;
}

export function dataset(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    author: null,
    author_email: null,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    isopen: true,
    license_id: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    license_title: 'Datenlizenz Deutschland Namensnennung 2.0',
    maintainer: null,
    metadata_created: '2024-03-01T10:00:00.123456',
    metadata_modified: '2024-03-02T11:30:00.654321',
    name: `energieverbrauch-liegenschaften-${n}`,
    notes: `Energieverbrauch der Landesliegenschaften, Teil ${n}.`,
    num_resources: 1,
    num_tags: 2,
    organization: {
      id: 'org-1', name: 'landesbauverwaltung', title: 'Landesbauverwaltung', type: 'organization', description: '',
      image_url: '', created: '2020-01-01T00:00:00', is_organization: true, approval_status: 'approved', state: 'active',
    },
    owner_org: 'org-1',
    private: false,
    state: 'active',
    title: `Energieverbrauch Landesliegenschaften ${n}`,
    type: 'dataset',
    url: null,
    version: null,
    extras: [
      { key: 'politicalGeocodingLevelURI', value: 'http://dcat-ap.de/def/politicalGeocoding/Level/state' },
      { key: 'contributorID', value: '["http://dcat-ap.de/def/contributors/landBayern"]' },
    ],
    groups: [{ description: '', display_name: 'Energie', id: 'g-1', image_display_url: '', name: 'ener', title: 'Energie' }],
    resources: [{
      cache_last_updated: null, cache_url: null, created: '2024-03-01T10:00:00.123456', description: 'Verbrauchswerte als CSV',
      format: 'CSV', hash: '', id: `res-${n}`, last_modified: null, metadata_modified: '2024-03-01T10:00:00.123456', mimetype: 'text/csv',
      name: 'verbrauch.csv', package_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, position: 0, resource_type: null,
      size: null, state: 'active', url: `https://example.org/verbrauch-${n}.csv`, url_type: null,
    }],
    tags: [
      { display_name: 'energie', id: 't-1', name: 'energie', state: 'active', vocabulary_id: null },
      { display_name: 'gebäude', id: 't-2', name: 'gebäude', state: 'active', vocabulary_id: null },
    ],
    relationships_as_object: [],
    relationships_as_subject: [],
    ...overrides,
  };
}

export async function startCkan(): Promise<CkanFixture> {
  const packages: Record<string, unknown>[] = [];
  const requests: URL[] = [];
  let override: { status: number; body: string } | undefined;
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(url);
    const reply = (status: number, body: unknown): void => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    if (override) {
      const o = override;
      override = undefined;
      return reply(o.status, o.body);
    }
    const help = `${origin}/api/3/action/help_show?name=${url.pathname.split('/').pop() ?? ''}`;
    if (url.pathname === '/ckan/api/3/action/package_search') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const rows = Number(url.searchParams.get('rows') ?? 10);
      const start = Number(url.searchParams.get('start') ?? 0);
      if (!Number.isInteger(rows) || rows < 0 || rows > 1000) {
        return reply(409, { help, success: false, error: { rows: ['Must be an integer between 0 and 1000'], __type: 'Validation Error' } });
      }
      const matching = packages.filter((p) => !q || JSON.stringify([p['title'], p['notes']]).toLowerCase().includes(q));
      return reply(200, { help, success: true, result: { count: matching.length, facets: {}, results: matching.slice(start, start + rows), sort: 'score desc, metadata_modified desc', search_facets: {} } });
    }
    if (url.pathname === '/ckan/api/3/action/package_show') {
      const id = url.searchParams.get('id');
      const found = packages.find((p) => p['id'] === id || p['name'] === id);
      if (!found) return reply(404, { help, success: false, error: { message: 'Nicht gefunden', __type: 'Not Found Error' } });
      return reply(200, { help, success: true, result: found });
    }
    reply(400, { help, success: false, error: { message: 'Bad request - Action name not known', __type: 'Validation Error' } });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/ckan`,
    packages,
    requests,
    next(status, body) {
      override = { status, body };
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
