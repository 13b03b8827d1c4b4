// A typed client for any contract: validates inputs, sends them with ky, validates responses,
// caches GET responses by ETag, fills If-Match from that cache, follows Link rel="next".
import ky from 'ky';
import * as z from 'zod/mini';
import type {
  AnySchema,
  BinaryInput,
  Contract,
  RouteDefinition,
  RouteItem,
  RouteResult,
} from '../contract/types.js';
import { buildPath } from '../contract/server.js';
import { contentDigest, parseContentDigest, sha256Hex } from '../digest.js';
import { PublicationError } from '../errors.js';
import { parseLinkHeader } from '../http-headers.js';
import { issuesOf, summarizeIssues } from '../issues.js';
import type { RetryOptions } from './http.js';
import { backoffDelay, defaultMaxResponseBytes, isJsonMediaType, kyRetry, mediaTypeOf, normalizeRetry, parseJson, readBytes, readText, sleep, toPublicationError } from './http.js';

/**
 * Options shared by the contract-based clients.
 *
 * @example
 * const options: ContractClientOptions = { baseUrl: 'https://registry.example.org', timeout: 5000, retry: { limit: 3 } };
 */
export interface ContractClientOptions {
  /** Origin (and optional path prefix) of the server, e.g. `https://registry.example.org`. */
  readonly baseUrl: string | URL;
  /** Bearer token, or a function returning one per request. */
  readonly token?: string | (() => string | undefined | Promise<string | undefined>);
  /** `fetch` to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Timeout per attempt in ms, for the headers and again for the body (default 10 000); `false` for none. */
  readonly timeout?: number | false;
  /** Retry behaviour; a number is the limit; `false` disables retries. */
  readonly retry?: RetryOptions | number | false;
  /** Extra headers on every request (e.g. `Accept-Language`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** How many ETag-validated responses to keep (default 256). */
  readonly cacheSize?: number;
  /** Largest response body to read; beyond it the call fails with `payload-too-large` (default 64 MiB). */
  readonly maxResponseBytes?: number;
}

/**
 * Per-call options.
 *
 * @example
 * await registry.updateRecommendation(id, record, { ifMatch: '"3"', signal: AbortSignal.timeout(5000) });
 */
export interface CallOptions {
  /** Abort the call (and its retries). */
  readonly signal?: AbortSignal;
  /** ETag to send as `If-Match`; by default the cached ETag of the resource. */
  readonly ifMatch?: string;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Set to `false` to neither use nor fill the ETag cache. */
  readonly cache?: boolean;
}

/**
 * What a call passes: path parameters, query and body, as the route defines them.
 *
 * @example
 * await client.call('getContribution', { params: { consultationId: 'k-1', contributionId: 'c-1' } });
 */
export interface CallInput {
  readonly params?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  /** Media type of a binary body (default `application/octet-stream`). */
  readonly contentType?: string;
}

/**
 * A successful call's result with its metadata.
 *
 * @example
 * const { data, etag, notModified } = await registry.contract.call('getRecommendation', { params: { id } });
 */
export interface CallResult<T> {
  /** The validated response body. */
  readonly data: T;
  readonly status: number;
  /** The response's `ETag`, if any. */
  readonly etag: string | undefined;
  /** True when the data came from the cache after a `304 Not Modified`. */
  readonly notModified: boolean;
  /** Absolute URL of `Link: rel="next"`, if any. */
  readonly next: string | undefined;
  /** Absolute URL of `Location`, if any. */
  readonly location: string | undefined;
  /** `Deprecation` (RFC 9745), sent for superseded or withdrawn editions. */
  readonly deprecation: string | undefined;
  /** `Sunset` (RFC 8594). */
  readonly sunset: string | undefined;
}

/**
 * An async iterable over all items of a paginated route, page by page.
 *
 * @example
 * for await (const page of registry.listPilots({ level: 'municipality' }).pages()) console.log(page.items.length);
 */
export interface PagedList<T, P> extends AsyncIterable<T> {
  /** Iterate over the pages instead of the items. */
  pages(): AsyncIterable<P>;
  /** Collect all items (for small lists). */
  toArray(): Promise<T[]>;
}

interface CacheEntry {
  readonly etag: string;
  readonly text: string;
}

/**
 * A typed client for a contract (see {@link createContractClient}).
 *
 * @example
 * const client: ContractClient<typeof registryContract> = createContractClient(registryContract, { baseUrl });
 */
export interface ContractClient<C extends Contract> {
  /** Call a route and get the validated data with status, ETag and links. */
  call<K extends keyof C & string>(id: K, input?: CallInput, options?: CallOptions): Promise<CallResult<RouteResult<C[K]>>>;
  /** Iterate over all items of a paginated route, following `Link: rel="next"`. */
  paginate<K extends keyof C & string>(id: K, input?: CallInput, options?: CallOptions): PagedList<RouteItem<C[K]>, RouteResult<C[K]>>;
  /** The cached ETag of a GET route's resource, if any. */
  etag<K extends keyof C & string>(id: K, params?: Readonly<Record<string, unknown>>, query?: Readonly<Record<string, unknown>>): string | undefined;
  /** Forget all cached responses. */
  clearCache(): void;
}

function toUint8(body: BinaryInput): Promise<Uint8Array> | Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return body.arrayBuffer().then((b) => new Uint8Array(b));
}

function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/**
 * Create a typed client for a contract. Each call validates its input before sending (an
 * `invalid-input` error names the JSON path), validates the response against the route's
 * schema (`contract-violation`, never silently wrong data), caches GET responses by ETag and
 * revalidates them with `If-None-Match`, sends `If-Match` from that cache on writes, retries only
 * idempotent requests and maps every failure to a {@link PublicationError}.
 *
 * @example
 * const client = createContractClient(registryContract, { baseUrl: 'https://registry.example.org' });
 * const { data, etag } = await client.call('getRecommendation', { params: { id: 'wartung-2018' } });
 */
export function createContractClient<C extends Contract>(contract: C, options: ContractClientOptions): ContractClient<C> {
  const base = new URL(String(options.baseUrl));
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeout = options.timeout ?? 10_000;
  const cacheSize = options.cacheSize ?? 256;
  const maxBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  const cache = new Map<string, CacheEntry>();
  const retry = normalizeRetry(options.retry);
  // Errors raised while reading a body after the headers arrived (ky retries only before that).
  const bodyFailures = new WeakSet<object>();
  const http = ky.create({
    timeout,
    retry: kyRetry(options.retry),
    throwHttpErrors: (status) => status !== 304,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const remember = (key: string, entry: CacheEntry): void => {
    cache.delete(key);
    cache.set(key, entry);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };
  const recall = (key: string): CacheEntry | undefined => {
    const entry = cache.get(key);
    if (entry) {
      cache.delete(key);
      cache.set(key, entry);
    }
    return entry;
  };

  const routeOf = (id: string): RouteDefinition => {
    const route = contract[id];
    if (!route) throw new PublicationError('invalid-input', `Unbekannte Route / unknown route: ${id}`);
    return route;
  };

  const urlFor = (route: RouteDefinition, params: Readonly<Record<string, unknown>> | undefined, query?: Readonly<Record<string, unknown>>): URL =>
    new URL(`${basePath}${buildPath(route.path, params ?? {})}${queryString(query)}`, base);

  const checkInput = (route: RouteDefinition, part: 'params' | 'query', schema: AnySchema | undefined, value: unknown): void => {
    if (!schema) return;
    const r = z.safeParse(schema, value ?? {});
    if (!r.success) {
      const issues = issuesOf(r.error, `$.${part}`);
      throw new PublicationError('invalid-input', `Ungültige Eingabe für ${route.id} / invalid input for ${route.id}: ${summarizeIssues(issues)}`, { issues });
    }
  };

  const violation = (route: RouteDefinition, method: string, url: string, what: string, issues: PublicationError['issues'] = []): PublicationError =>
    new PublicationError(
      'contract-violation',
      `Antwort verletzt den Vertrag von ${route.id} / response violates the contract of ${route.id}: ${what} (${method} ${url})`,
      { method, url, issues },
    );

  async function send(route: RouteDefinition, url: URL, input: CallInput, callOptions: CallOptions): Promise<CallResult<unknown>> {
    const method = route.method;
    const where = { method, url: url.href };
    const useCache = callOptions.cache !== false && route.method === 'GET' && route.etag === true && route.response.body?.kind !== 'binary';
    const headers = new Headers(options.headers);
    for (const [k, v] of Object.entries(callOptions.headers ?? {})) headers.set(k, v);
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    const responseBody = route.response.body;
    headers.set(
      'accept',
      responseBody === undefined ? 'application/json, application/problem+json'
        : responseBody.kind === 'json' ? `${responseBody.mediaType ?? 'application/json'}, application/problem+json`
          : `${responseBody.mediaType}, application/problem+json`,
    );
    const cached = useCache ? recall(url.href) : undefined;
    if (cached) headers.set('if-none-match', cached.etag);

    const resourceRoute = route.resource ? contract[route.resource] : undefined;
    let resourceKey: string | undefined;
    if (resourceRoute) {
      try {
        resourceKey = urlFor(resourceRoute, input.params).href;
      } catch {
        resourceKey = undefined; // a creation: the new resource is named by Location
      }
    }
    if (route.ifMatch === 'required' || callOptions.ifMatch !== undefined) {
      const ifMatch = callOptions.ifMatch ?? (resourceKey ? cache.get(resourceKey)?.etag : undefined);
      if (ifMatch !== undefined) headers.set('if-match', ifMatch);
    }

    let body: BodyInit | undefined;
    if (route.body?.kind === 'json') {
      body = JSON.stringify(input.body);
      headers.set('content-type', route.body.mediaType ?? 'application/json');
    } else if (route.body?.kind === 'binary') {
      const bytes = await toUint8(input.body as BinaryInput);
      if (route.digest === 'required') headers.set('content-digest', await contentDigest(bytes));
      headers.set('content-type', input.contentType ?? 'application/octet-stream');
      body = bytes as Uint8Array<ArrayBuffer>;
    } else if (route.body?.kind === 'text') {
      body = String(input.body);
      headers.set('content-type', route.body.mediaType);
    }

    let response: Response;
    try {
      response = await http(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      });
    } catch (error) {
      throw await toPublicationError(error, { ...where, signal: callOptions.signal, timeout });
    }

    const etag = response.headers.get('etag') ?? undefined;
    const linkNext = parseLinkHeader(response.headers.get('link')).find((l) => l.rel.includes('next'));
    const next = linkNext ? new URL(linkNext.href, response.url || url).href : undefined;
    const locationHeader = response.headers.get('location');
    const location = locationHeader ? new URL(locationHeader, response.url || url).href : undefined;

    let notModified = false;
    let data: unknown;
    try {
      if (response.status === 304) {
        if (!cached) throw violation(route, method, url.href, '304 ohne zwischengespeicherte Antwort / 304 without a cached response');
        notModified = true;
        void response.body?.cancel().catch(() => undefined);
        data = responseBody?.kind === 'json' ? validateJson(route, cached.text, where) : cached.text;
      } else if (response.status !== route.response.status) {
        void response.body?.cancel().catch(() => undefined);
        throw violation(route, method, url.href, `Status ${response.status} statt ${route.response.status} / status ${response.status} instead of ${route.response.status}`);
      } else if (responseBody === undefined) {
        void response.body?.cancel().catch(() => undefined);
        data = undefined;
      } else if (responseBody.kind === 'binary') {
        const bytes = await readBytes(response, timeout, callOptions.signal, maxBytes).catch(markBodyFailure);
        const expected = parseContentDigest(response.headers.get('content-digest'));
        if (response.headers.has('content-digest') && expected === undefined) {
          throw violation(route, method, url.href, 'Content-Digest ohne gültiges sha-256 / Content-Digest without a valid sha-256');
        }
        if (expected !== undefined) {
          const actual = await sha256Hex(bytes);
          if (actual !== expected) {
            throw violation(route, method, url.href, `SHA-256 ${actual} statt ${expected} / SHA-256 ${actual} instead of ${expected}`);
          }
        }
        data = bytes;
      } else {
        const mediaType = mediaTypeOf(response.headers.get('content-type'));
        const expected = responseBody.kind === 'json' ? responseBody.mediaType ?? 'application/json' : responseBody.mediaType;
        const fits = responseBody.kind === 'json' ? isJsonMediaType(mediaType) : mediaType === expected;
        if (!fits) {
          void response.body?.cancel().catch(() => undefined);
          throw violation(route, method, url.href, `Medientyp ${mediaType || '(keiner)'} statt ${expected} / media type ${mediaType || '(none)'} instead of ${expected}`);
        }
        const text = await readText(response, timeout, callOptions.signal, maxBytes).catch(markBodyFailure);
        data = responseBody.kind === 'json' ? validateJson(route, text, where) : text;
        if (useCache && etag) remember(url.href, { etag, text });
        if (route.method !== 'GET' && resourceRoute) {
          const key = resourceKey ?? location;
          const sameResource = responseBody.kind === 'json' && resourceRoute.response.body?.kind === 'json'
            && resourceRoute.response.body.schema === responseBody.schema;
          if (key && etag && sameResource) remember(key, { etag, text });
          else if (key) cache.delete(key);
        }
      }
    } catch (error) {
      throw await toPublicationError(error, { ...where, signal: callOptions.signal, timeout });
    }
    if (route.method !== 'GET' && resourceKey && responseBody?.kind !== 'json') cache.delete(resourceKey);
    return {
      data,
      status: response.status,
      etag: etag ?? (notModified ? cached?.etag : undefined),
      notModified,
      next,
      location,
      deprecation: response.headers.get('deprecation') ?? undefined,
      sunset: response.headers.get('sunset') ?? undefined,
    };
  }

  function markBodyFailure(error: unknown): never {
    if (typeof error === 'object' && error !== null) bodyFailures.add(error);
    throw error;
  }

  /**
   * `send`, and for idempotent routes again (with backoff) when the connection broke while the
   * body was being read — ky's own retries end once the headers are in.
   */
  async function sendRetrying(route: RouteDefinition, url: URL, input: CallInput, callOptions: CallOptions): Promise<CallResult<unknown>> {
    const idempotent = route.method === 'GET' || route.method === 'PUT' || route.method === 'DELETE';
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(route, url, input, callOptions);
      } catch (error) {
        const cause = PublicationError.isInstance(error) ? error.cause : undefined;
        const brokenBody = PublicationError.isInstance(error) && error.code === 'network' && typeof cause === 'object' && cause !== null && bodyFailures.has(cause);
        if (!idempotent || !brokenBody || attempt > retry.limit) throw error;
        try {
          await sleep(backoffDelay(retry, attempt), callOptions.signal);
        } catch {
          throw await toPublicationError(error, { method: route.method, url: url.href, signal: callOptions.signal, timeout });
        }
      }
    }
  }

  function validateJson(route: RouteDefinition, text: string, where: { method: string; url: string }): unknown {
    const body = route.response.body;
    const value = parseJson(text, where);
    if (body?.kind !== 'json') return value;
    const r = z.safeParse(body.schema, value);
    if (!r.success) {
      const issues = issuesOf(r.error);
      throw violation(route, where.method, where.url, summarizeIssues(issues), issues);
    }
    return r.data;
  }

  function prepare(id: string, input: CallInput): { route: RouteDefinition; url: URL } {
    const route = routeOf(id);
    checkInput(route, 'params', route.params, input.params);
    checkInput(route, 'query', route.query, input.query);
    if (route.body?.kind === 'json') {
      const r = z.safeParse(route.body.schema, input.body);
      if (!r.success) {
        const issues = issuesOf(r.error, '$.body');
        throw new PublicationError('invalid-input', `Ungültige Eingabe für ${route.id} / invalid input for ${route.id}: ${summarizeIssues(issues)}`, { issues });
      }
    } else if (route.body?.kind === 'binary') {
      const b = input.body;
      if (!(b instanceof Uint8Array || b instanceof ArrayBuffer || (typeof Blob !== 'undefined' && b instanceof Blob))) {
        throw new PublicationError('invalid-input', `${route.id}: Inhalt muss Blob, ArrayBuffer oder Uint8Array sein / body must be a Blob, ArrayBuffer or Uint8Array`, {
          issues: [{ path: '$.body', message: 'expected bytes' }],
        });
      }
    }
    return { route, url: urlFor(route, input.params, input.query) };
  }

  const client: ContractClient<C> = {
    async call(id, input = {}, callOptions = {}) {
      const { route, url } = prepare(id, input);
      return (await sendRetrying(route, url, input, callOptions)) as CallResult<never>;
    },
    paginate(id, input = {}, callOptions = {}) {
      async function* pages(): AsyncGenerator<never> {
        const { route, url } = prepare(id, input);
        const seen = new Set<string>();
        let current: URL | undefined = url;
        while (current) {
          seen.add(current.href);
          const result = await sendRetrying(route, current, input, callOptions);
          yield result.data as never;
          if (!result.next) break;
          const next = new URL(result.next);
          if (next.origin !== base.origin || next.pathname !== url.pathname) {
            throw violation(route, route.method, current.href, `Link rel="next" führt woandershin / Link rel="next" leads elsewhere: ${next.href}`);
          }
          if (seen.has(next.href)) {
            throw violation(route, route.method, current.href, `Link rel="next" wiederholt eine Seite / Link rel="next" repeats a page: ${next.href}`);
          }
          current = next;
        }
      }
      const list: PagedList<never, never> = {
        pages,
        async *[Symbol.asyncIterator]() {
          for await (const page of pages()) yield* (page as { items: never[] }).items;
        },
        async toArray() {
          const all: never[] = [];
          for await (const item of list) all.push(item);
          return all;
        },
      };
      return list;
    },
    etag(id, params, query) {
      const route = routeOf(id);
      return cache.get(urlFor(route, params, query).href)?.etag;
    },
    clearCache() {
      cache.clear();
    },
  };
  return client;
}
