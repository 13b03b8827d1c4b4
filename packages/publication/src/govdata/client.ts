import ky from 'ky';
import type { RetryOptions } from '../client/http.js';
import { kyRetry, sendJson } from '../client/http.js';
import { PublicationError } from '../errors.js';
import type { CkanPackage, CkanSearchResult } from './schemas.js';
import { ckanEnvelope, ckanPackageSchema, ckanSearchResultSchema } from './schemas.js';

/**
 * Options of {@link createGovDataClient}.
 *
 * @example
 * const options: GovDataClientOptions = { baseUrl: 'https://www.govdata.de/ckan', timeout: 10_000 };
 */
export interface GovDataClientOptions {
  /** CKAN base URL (default `https://www.govdata.de/ckan`); the Action API lives under `/api/3/action/`. */
  readonly baseUrl?: string | URL;
  readonly fetch?: typeof fetch;
  /** Timeout per attempt in ms (default 30 000). */
  readonly timeout?: number | false;
  readonly retry?: RetryOptions | number | false;
  /** Largest response body to read (default 64 MiB); beyond it: `payload-too-large`. */
  readonly maxResponseBytes?: number;
}

/**
 * A `package_search` query.
 *
 * @example
 * const query: PackageSearchQuery = { q: 'Energie', fq: 'res_format:CSV', sort: 'metadata_modified desc' };
 */
export interface PackageSearchQuery {
  /** Solr query (`q`), e.g. `Gebäude`. */
  readonly q?: string;
  /** Filter queries (`fq`), e.g. `organization:bmwsb` or `res_format:CSV`. */
  readonly fq?: string;
  /** Sort order, e.g. `metadata_modified desc`. */
  readonly sort?: string;
  /** Page size, 1 to 1000 (default 100). */
  readonly rows?: number;
  /** Stop after this many results. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/**
 * An async iterable over all results of a search.
 *
 * @example
 * const datasets = await govData.packageSearch({ q: 'Gebäude', limit: 20 }).toArray();
 */
export interface PackageSearch extends AsyncIterable<CkanPackage> {
  /** Iterate over the result pages (each with `count`). */
  pages(): AsyncIterable<CkanSearchResult>;
  /** Collect all results (mind `limit` for big searches). */
  toArray(): Promise<CkanPackage[]>;
}

/**
 * The GovData (CKAN) client: read-only.
 *
 * @example
 * const govData: GovDataClient = createGovDataClient();
 */
export interface GovDataClient {
  /** `package_search` over all pages (`start`/`rows`). */
  packageSearch(query?: PackageSearchQuery): PackageSearch;
  /** `package_show` of one dataset by id or name. */
  packageShow(id: string, options?: { readonly signal?: AbortSignal }): Promise<CkanPackage>;
}

/**
 * A read-only client for GovData through CKAN's Action API: `package_search` as an async
 * iterable over all results and `package_show`, with typed, validated results.
 *
 * @example
 * const govData = createGovDataClient();
 * for await (const dataset of govData.packageSearch({ q: 'Energieverbrauch Gebäude', limit: 50 })) console.log(dataset.title);
 * const dataset = await govData.packageShow('energieverbrauch-landesliegenschaften');
 */
export function createGovDataClient(options: GovDataClientOptions = {}): GovDataClient {
  const base = new URL(String(options.baseUrl ?? 'https://www.govdata.de/ckan'));
  const action = (name: string): URL => new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}/api/3/action/${name}`);
  const timeout = options.timeout ?? 30_000;
  const bodyLimit = options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes };
  const http = ky.create({ timeout, retry: kyRetry(options.retry), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const searchEnvelope = ckanEnvelope(ckanSearchResultSchema);
  const showEnvelope = ckanEnvelope(ckanPackageSchema);

  return {
    packageSearch(query = {}) {
      const rows = query.rows ?? 100;
      if (!Number.isInteger(rows) || rows < 1 || rows > 1000) {
        throw new PublicationError('invalid-input', `rows muss 1 bis 1000 sein / rows must be 1 to 1000: ${rows}`, { issues: [{ path: '$.rows', message: 'integer 1..1000' }] });
      }
      const limit = query.limit ?? Number.POSITIVE_INFINITY;
      async function* pages(): AsyncGenerator<CkanSearchResult> {
        let start = 0;
        for (;;) {
          const url = action('package_search');
          if (query.q) url.searchParams.set('q', query.q);
          if (query.fq) url.searchParams.set('fq', query.fq);
          if (query.sort) url.searchParams.set('sort', query.sort);
          url.searchParams.set('rows', String(Math.min(rows, limit - start)));
          url.searchParams.set('start', String(start));
          const { data } = await sendJson(http, url, { method: 'GET', schema: searchEnvelope, signal: query.signal, timeout, ...bodyLimit, operation: 'package_search' });
          const page = data.result;
          yield page;
          start += page.results.length;
          if (page.results.length === 0 || start >= page.count || start >= limit) return;
        }
      }
      const search: PackageSearch = {
        pages,
        async *[Symbol.asyncIterator]() {
          let n = 0;
          for await (const page of pages()) {
            for (const pkg of page.results) {
              if (n++ >= limit) return;
              yield pkg;
            }
          }
        },
        async toArray() {
          const all: CkanPackage[] = [];
          for await (const pkg of search) all.push(pkg);
          return all;
        },
      };
      return search;
    },

    async packageShow(id, callOptions = {}) {
      if (!id.trim()) throw new PublicationError('invalid-input', 'id fehlt / id is missing', { issues: [{ path: '$.id', message: 'required' }] });
      const url = action('package_show');
      url.searchParams.set('id', id);
      const { data } = await sendJson(http, url, { method: 'GET', schema: showEnvelope, signal: callOptions.signal, timeout, ...bodyLimit, operation: 'package_show' });
      return data.result;
    },
  };
}
