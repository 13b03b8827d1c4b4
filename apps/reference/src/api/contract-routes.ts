import { createHash } from 'node:crypto';
import { formatLinkHeader, ifNoneMatchMatches, type RouteDefinition } from '@foederal/publication';
import { routePattern, validateRequest, type ValidRequest } from '@foederal/publication/server';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { problemResponse } from '../problem.js';
import type { Env, Routes } from '../web/routing.js';

/** What a contract handler returns; the binder turns it into a response. */
export interface ApiResult {
  readonly status?: number;
  /** JSON value, text, or bytes. */
  readonly body?: unknown;
  /** Already serialised JSON (stored documents passed through without parse and stringify). */
  readonly rawJson?: string;
  /** Content type for text and byte bodies (JSON routes use the contract's media type). */
  readonly contentType?: string;
  /** Entity tag; lists and feeds without one get a weak tag over their bytes. */
  readonly etag?: string;
  readonly headers?: Record<string, string>;
}

/** A handler for one route of the contract, with the validated request. */
export type ContractHandler<R extends RouteDefinition> = (request: ValidRequest<R>, c: Context<Env>) => Promise<ApiResult>;

/** Largest JSON request body accepted (contributions, records). */
export const jsonLimitBytes = 1024 * 1024;

/** Strong ETag of a stored version. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * The stored version an `If-Match` header names (`*` accepts the current one). A tag that names
 * no version of ours cannot match: 412.
 */
export function expectedVersion(ifMatch: readonly string[], current: number): number {
  if (ifMatch.includes('*')) return current;
  for (const tag of ifMatch) {
    const m = /^"(\d{1,9})"$/.exec(tag);
    if (m) return Number(m[1]);
  }
  throw new AppError('precondition-failed', 'If-Match nennt keine Version dieses Datensatzes / If-Match names no version of this record', {
    details: { current },
  });
}

/** Opaque keyset cursor. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { sortKey: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through
  }
  throw new AppError('bad-request', 'Ungültiger Cursor / invalid cursor', { details: { errors: [{ path: '$.query.cursor', message: 'invalid' }] } });
}

/** A `Link: <…>; rel="next"` header for the page after `last`, keeping the other query parameters. */
export function nextLink(ctx: AppContext, c: Context, last: { sortKey: string; id: string } | undefined): Record<string, string> {
  if (!last) return {};
  const url = new URL(c.req.url);
  const next = new URL(`${ctx.baseUrl}${url.pathname}`);
  for (const [k, v] of url.searchParams) if (k !== 'cursor') next.searchParams.set(k, v);
  next.searchParams.set('cursor', encodeCursor(last.sortKey, last.id));
  return { Link: formatLinkHeader([{ href: `${next.pathname}${next.search}`, rel: ['next'] }]) };
}

async function readBody(ctx: AppContext, c: Context, route: RouteDefinition): Promise<unknown> {
  if (!route.body) return undefined;
  const limit = route.body.kind === 'binary' ? ctx.config.uploadLimitBytes : jsonLimitBytes;
  const declared = Number(c.req.header('content-length') ?? 'NaN');
  const tooLarge = () =>
    new AppError('payload-too-large', `Höchstens ${limit} Byte / at most ${limit} bytes`, { details: { limit } });
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (route.body.kind === 'json') {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      throw new AppError('unsupported-media-type', 'JSON erwartet (Content-Type: application/json) / JSON expected');
    }
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge();
  return route.body.kind === 'binary' ? bytes : new TextDecoder().decode(bytes);
}

/**
 * Register one route of the contract: the path, method and least role come from the contract
 * itself, so no route is defined twice. The binder validates the request with
 * `validateRequest` of `@foederal/publication`, answers `If-None-Match` with 304 and sets ETags.
 */
export function bindRoute<R extends RouteDefinition>(ctx: AppContext, routes: Routes, route: R, handler: ContractHandler<R>): void {
  routes.add(route.method, routePattern(route), route.auth, async (c) => {
    const body = await readBody(ctx, c, route);
    const url = new URL(c.req.url);
    const validated = await validateRequest(
      route,
      { params: c.req.param() as Record<string, string>, query: url.searchParams, headers: c.req.raw.headers, body },
      { instance: url.pathname },
    );
    if (!validated.ok) return problemResponse(c, validated.problem);
    const result = await handler(validated, c);
    const status = result.status ?? route.response.status;
    const headers = new Headers(result.headers);
    let payload: BodyInit | null = null;
    const kind = route.response.body?.kind;
    if (result.rawJson !== undefined) {
      payload = result.rawJson;
      const mediaType = route.response.body?.kind === 'json' ? (route.response.body.mediaType ?? 'application/json') : 'application/json';
      headers.set('content-type', `${mediaType}; charset=utf-8`);
    } else if (result.body !== undefined) {
      if (result.body instanceof Uint8Array) {
        payload = result.body as Uint8Array<ArrayBuffer>;
        headers.set('content-type', result.contentType ?? 'application/octet-stream');
      } else if (kind === 'text' || typeof result.body === 'string') {
        payload = String(result.body);
        const mediaType = route.response.body && 'mediaType' in route.response.body ? route.response.body.mediaType : 'text/plain';
        headers.set('content-type', `${result.contentType ?? mediaType}; charset=utf-8`);
      } else {
        payload = JSON.stringify(result.body);
        const mediaType = route.response.body?.kind === 'json' ? (route.response.body.mediaType ?? 'application/json') : 'application/json';
        headers.set('content-type', `${mediaType}; charset=utf-8`);
      }
    }
    if (route.etag || result.etag) {
      const etag = result.etag ?? (payload === null ? undefined : `W/"${createHash('sha256').update(payload as string | Uint8Array).digest('base64url').slice(0, 27)}"`);
      if (etag) {
        headers.set('ETag', etag);
        if (c.req.method === 'GET' && ifNoneMatchMatches(c.req.header('if-none-match'), etag)) {
          headers.delete('content-type');
          return new Response(null, { status: 304, headers });
        }
      }
    }
    return new Response(c.req.method === 'HEAD' ? null : payload, { status, headers });
  }, [], { upload: route.body?.kind === 'binary' });
}
