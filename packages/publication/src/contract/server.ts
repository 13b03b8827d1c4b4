import * as z from 'zod/mini';
import { parseContentDigest, sha256Hex } from '../digest.js';
import type { IssueLocation } from '../errors.js';
import { PublicationError } from '../errors.js';
import { parseEtagList } from '../http-headers.js';
import { formatJsonPath, issuesOf, jsonErrorOffset } from '../issues.js';
import type { ProblemDetails } from '../problem.js';
import { createProblem } from '../problem.js';
import type { Contract, HttpMethod, RouteBodyOutput, RouteDefinition } from './types.js';

/**
 * Fill a route's path template with parameters (each URL-encoded).
 *
 * @example
 * buildPath('/api/v1/recommendations/{id}', { id: 'gebäudedaten-2027' }); // '/api/v1/recommendations/geb%C3%A4udedaten-2027'
 */
export function buildPath(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new PublicationError('invalid-input', `Pfadparameter „${name}“ fehlt / path parameter "${name}" is missing`, {
        issues: [{ path: formatJsonPath(['params', name]), message: 'required' }],
      });
    }
    return encodeURIComponent(String(value));
  });
}

/**
 * A route's path as a pattern with `:name` placeholders, as Hono, Express and find-my-way expect.
 *
 * @example
 * routePattern(registryContract.getRecommendation); // '/api/v1/recommendations/:id'
 */
export function routePattern(route: Pick<RouteDefinition, 'path'>): string {
  return route.path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * A matched route with its raw (decoded) path parameters.
 *
 * @example
 * const { route, params } = matchRoute(registryContract, 'GET', '/api/v1/pilots/p-1')!;
 */
export interface RouteMatch<R extends RouteDefinition = RouteDefinition> {
  readonly route: R;
  readonly params: Record<string, string>;
}

const compiled = new WeakMap<RouteDefinition, { regex: RegExp; names: string[] }>();

function compile(route: RouteDefinition): { regex: RegExp; names: string[] } {
  let c = compiled.get(route);
  if (!c) {
    const names: string[] = [];
    const source = route.path
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (m) {
          names.push(m[1] as string);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    c = { regex: new RegExp(`^${source}/?$`), names };
    compiled.set(route, c);
  }
  return c;
}

/**
 * Find the route of a contract for a method and a path (without query). Literal segments win
 * over parameters; `HEAD` matches `GET` routes. Returns `undefined` when nothing matches (see
 * {@link allowedMethods} to tell 404 from 405).
 *
 * @example
 * const match = matchRoute(registryContract, 'GET', '/api/v1/recommendations/142');
 * match?.route.id; // 'getRecommendation'
 * match?.params;   // { id: '142' }
 */
export function matchRoute<C extends Contract>(contract: C, method: string, pathname: string): RouteMatch<C[keyof C]> | undefined {
  const upper = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  let best: { route: RouteDefinition; params: Record<string, string>; literal: number } | undefined;
  for (const route of Object.values(contract)) {
    if (route.method !== upper) continue;
    const { regex, names } = compile(route);
    const m = regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    let ok = true;
    names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1] as string);
      } catch {
        ok = false;
      }
    });
    if (!ok) continue;
    const literal = route.path.replace(/\{\w+\}/g, '').length;
    if (!best || literal > best.literal) best = { route, params, literal };
  }
  return best ? { route: best.route as C[keyof C], params: best.params } : undefined;
}

/**
 * The methods a contract accepts for a path (for `405 Method Not Allowed` with `Allow`).
 *
 * @example
 * allowedMethods(registryContract, '/api/v1/recommendations'); // ['GET', 'POST']
 */
export function allowedMethods(contract: Contract, pathname: string): HttpMethod[] {
  const methods = new Set<HttpMethod>();
  for (const route of Object.values(contract)) if (compile(route).regex.test(pathname)) methods.add(route.method);
  return [...methods];
}

/**
 * What a server passes to {@link validateRequest}.
 *
 * @example
 * await validateRequest(route, { params: { id: '142' }, query: url.searchParams, headers: req.headers, body: text });
 */
export interface IncomingRequest {
  /** Raw path parameters (from the router or {@link matchRoute}). */
  readonly params?: Readonly<Record<string, string | undefined>>;
  /** Query string parameters. */
  readonly query?: URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Request headers. */
  readonly headers?: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * Body: for JSON routes the raw text (parsed here, with byte offsets in errors) or an already
   * parsed value; for binary routes the bytes.
   */
  readonly body?: unknown;
}

/**
 * A request that passed validation, typed by its route.
 *
 * @example
 * if (result.ok) console.log(result.params.id, result.ifMatch);
 */
export interface ValidRequest<R extends RouteDefinition> {
  readonly ok: true;
  readonly params: R['params'] extends z.core.$ZodType ? z.output<R['params']> : Record<string, never>;
  readonly query: R['query'] extends z.core.$ZodType ? z.output<R['query']> : Record<string, never>;
  readonly body: RouteBodyOutput<R>;
  /** Entity tags of `If-Match` (`['*']` for a wildcard); empty when absent. */
  readonly ifMatch: string[];
  /** Entity tags of `If-None-Match`; empty when absent. */
  readonly ifNoneMatch: string[];
}

/**
 * A request that failed validation: answer with `status` and `problem` as `application/problem+json`.
 *
 * @example
 * if (!result.ok) return new Response(JSON.stringify(result.problem), { status: result.status });
 */
export interface InvalidRequest {
  readonly ok: false;
  readonly status: number;
  readonly problem: ProblemDetails;
}

function header(headers: IncomingRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(', ') : (value as string | undefined);
}

function queryRecord(query: IncomingRequest['query']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query) return out;
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? String(v[0]) : (v as string);
  }
  return out;
}

function invalid(code: Parameters<typeof createProblem>[0], detail: string, instance: string | undefined, errors?: IssueLocation[]): InvalidRequest {
  const problem = createProblem(code, {
    detail,
    ...(instance === undefined ? {} : { instance }),
    ...(errors === undefined ? {} : { errors }),
  });
  return { ok: false, status: problem.status as number, problem };
}

function toBytes(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return undefined;
}

/**
 * Validate an incoming request against its route: path parameters, query, `If-Match` (428 when
 * required and missing), the JSON body (400 for unparsable JSON with its byte offset, 422 with a
 * JSON path per invalid value) and, for uploads, the `Content-Digest` (422 on a mismatch).
 * Authorisation and the 412 check against the stored version are the server's job.
 *
 * @example
 * const result = await validateRequest(registryContract.updateRecommendation, {
 *   params: c.req.param(), query: new URL(c.req.url).searchParams, headers: c.req.raw.headers, body: await c.req.text(),
 * });
 * if (!result.ok) return c.json(result.problem, result.status, { 'content-type': 'application/problem+json' });
 * // result.params.id, result.body, result.ifMatch are typed
 */
export async function validateRequest<R extends RouteDefinition>(
  route: R,
  request: IncomingRequest,
  options: { readonly instance?: string } = {},
): Promise<ValidRequest<R> | InvalidRequest> {
  const instance = options.instance;
  let params: unknown = {};
  if (route.params) {
    const r = z.safeParse(route.params, request.params ?? {});
    if (!r.success) return invalid('bad-request', 'Ungültiger Pfadparameter / invalid path parameter', instance, issuesOf(r.error, '$.params'));
    params = r.data;
  }
  let query: unknown = {};
  if (route.query) {
    const r = z.safeParse(route.query, queryRecord(request.query));
    if (!r.success) return invalid('bad-request', 'Ungültiger Abfrageparameter / invalid query parameter', instance, issuesOf(r.error, '$.query'));
    query = r.data;
  }
  const ifMatch = parseEtagList(header(request.headers, 'if-match'));
  const ifNoneMatch = parseEtagList(header(request.headers, 'if-none-match'));
  if (route.ifMatch === 'required' && ifMatch.length === 0) {
    return invalid(
      'precondition-required',
      'Diese Änderung braucht eine If-Match-Kopfzeile mit dem ETag des gelesenen Stands / this change needs an If-Match header with the ETag that was read',
      instance,
    );
  }
  let body: unknown;
  if (route.body?.kind === 'json') {
    let value = request.body;
    if (typeof value === 'string') {
      if (value.trim() === '') return invalid('bad-request', 'Der Anfrageinhalt fehlt / the request body is missing', instance);
      try {
        value = JSON.parse(value);
      } catch (error) {
        const offset = jsonErrorOffset(value as string);
        return invalid(
          'bad-request',
          `Kein gültiges JSON${offset === undefined ? '' : ` (Byte ${offset})`} / not valid JSON${offset === undefined ? '' : ` (byte ${offset})`}`,
          instance,
          [{ path: '$.body', message: error instanceof Error ? error.message : String(error) }],
        );
      }
    }
    const r = z.safeParse(route.body.schema, value);
    if (!r.success) return invalid('validation-failed', 'Die Angaben sind ungültig / the input is invalid', instance, issuesOf(r.error, '$.body'));
    body = r.data;
  } else if (route.body?.kind === 'binary') {
    const bytes = toBytes(request.body);
    if (!bytes) return invalid('bad-request', 'Der Anfrageinhalt fehlt / the request body is missing', instance);
    if (route.digest === 'required') {
      const expected = parseContentDigest(header(request.headers, 'content-digest'));
      if (expected === undefined) {
        return invalid(
          'bad-request',
          'Content-Digest mit sha-256 fehlt oder ist ungültig / Content-Digest with sha-256 is missing or invalid',
          instance,
          [{ path: '$.headers["content-digest"]', message: 'required: sha-256=:<base64>:' }],
        );
      }
      const actual = await sha256Hex(bytes);
      if (actual !== expected) {
        return invalid(
          'digest-mismatch',
          `SHA-256 des Inhalts ist ${actual}, erwartet ${expected} / content SHA-256 is ${actual}, expected ${expected}`,
          instance,
        );
      }
    }
    body = bytes;
  } else if (route.body?.kind === 'text') {
    body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(toBytes(request.body) ?? new Uint8Array());
  }
  return { ok: true, params, query, body, ifMatch, ifNoneMatch } as ValidRequest<R>;
}
