import type * as z from 'zod/mini';
import type { ProblemCode } from '../problem.js';

/** Any zod schema (zod/mini or classic). */
export type AnySchema = z.core.$ZodType;

/** An object schema for path parameters or query parameters (values arrive as strings). */
export type ParamsSchema = z.core.$ZodObject;

/** HTTP methods used by the contract. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call a route: the roles of the reference app, from least to most privileged. */
export type Role = 'public' | 'member' | 'secretariat' | 'admin';

/** A JSON body (request or response) validated by `schema`. */
export interface JsonBody<S extends AnySchema = AnySchema> {
  readonly kind: 'json';
  readonly schema: S;
  /** Media type; `application/json` unless a `+json` type is named (e.g. `application/feed+json`). */
  readonly mediaType?: string;
  /** Component name in the OpenAPI document. */
  readonly name?: string;
}

/** A binary body (file upload or download). */
export interface BinaryBody {
  readonly kind: 'binary';
  /** Media type in the OpenAPI document; uploads accept any type. */
  readonly mediaType: string;
}

/** A text body (Atom feed, Turtle catalogue). */
export interface TextBody {
  readonly kind: 'text';
  readonly mediaType: string;
}

/** A request or response body. */
export type BodyDefinition = JsonBody | BinaryBody | TextBody;

/** Response headers a route sends with its success response. */
export type ResponseHeader = 'ETag' | 'Location' | 'Link' | 'Content-Digest' | 'Retry-After';

/** The success response of a route. */
export interface SuccessResponse {
  readonly status: 200 | 201 | 202 | 204;
  /** What the response is; may instead come from {@link RouteDocs} (kept out of client bundles). */
  readonly description?: { readonly de: string; readonly en: string };
  readonly body?: BodyDefinition;
  readonly headers?: readonly ResponseHeader[];
}

/** One route of an HTTP API contract. */
export interface RouteDefinition {
  /** Operation id; also the client method name. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. `/api/v1/recommendations/{id}`. */
  readonly path: string;
  /** OpenAPI tag. */
  readonly tag: string;
  /** What the route does; may instead come from {@link RouteDocs} (kept out of client bundles). */
  readonly summary?: { readonly de: string; readonly en: string };
  /** Least privileged role allowed to call the route. */
  readonly auth: Role;
  /** Path parameters (names must match the placeholders). */
  readonly params?: ParamsSchema;
  /** Query parameters. */
  readonly query?: ParamsSchema;
  /** Request body. */
  readonly body?: BodyDefinition;
  readonly response: SuccessResponse;
  /** GET: the response carries an `ETag` and honours `If-None-Match` (304). */
  readonly etag?: boolean;
  /** Writes: `If-Match` is required (428 without it, 412 when stale). */
  readonly ifMatch?: 'required';
  /**
   * Id of the GET route whose resource this route reads or changes (same path parameters):
   * the client takes the `If-Match` value from that resource's cached ETag and, when the
   * response is that resource, refreshes the cache.
   */
  readonly resource?: string;
  /** The response body has `items`, and a `Link: <…>; rel="next"` header points to the next page. */
  readonly paginated?: boolean;
  /** Upload: the request must carry `Content-Digest: sha-256=:…:` (RFC 9530) matching the body. */
  readonly digest?: 'required';
  /** Problems (error responses) the route can answer with, besides the ones every route has. */
  readonly problems: readonly ProblemCode[];
}

/** Human-readable documentation of a route, German and English (for OpenAPI and API pages). */
export interface RouteDocs {
  readonly summary: { readonly de: string; readonly en: string };
  /** Description of the success response. */
  readonly response: { readonly de: string; readonly en: string };
}

/** A contract: routes by id. */
export type Contract = { readonly [id: string]: RouteDefinition };

/**
 * Define a route and keep its literal types (used to build contracts).
 *
 * @example
 * const getThing = defineRoute({ id: 'getThing', method: 'GET', path: '/things/{id}', tag: 'things',
 *   auth: 'public', params: z.object({ id: z.string() }),
 *   response: { status: 200, body: json(thingSchema) },
 *   problems: ['not-found'] });
 */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/**
 * A JSON body definition.
 *
 * @example
 * json(recommendationSchema, { name: 'Recommendation' })
 */
export function json<S extends AnySchema>(
  schema: S,
  options: { readonly name?: string; readonly mediaType?: string } = {},
): JsonBody<S> {
  return { kind: 'json', schema, ...options };
}

type Input<S> = S extends AnySchema ? z.input<S> : never;
type Output<S> = S extends AnySchema ? z.output<S> : never;

/** Bytes accepted as a binary request body. */
export type BinaryInput = Blob | ArrayBuffer | Uint8Array;

/** Path parameters of a route, as the caller passes them. */
export type RouteParams<R extends RouteDefinition> = R['params'] extends AnySchema ? Input<R['params']> : undefined;
/** Query parameters of a route, as the caller passes them. */
export type RouteQuery<R extends RouteDefinition> = R['query'] extends AnySchema ? Input<R['query']> : undefined;
/** Request body of a route, as the caller passes it. */
export type RouteBody<R extends RouteDefinition> = R['body'] extends JsonBody<infer S>
  ? Input<S>
  : R['body'] extends BinaryBody
    ? BinaryInput
    : R['body'] extends TextBody
      ? string
      : undefined;
/** Parsed request body of a route, as the server sees it after validation. */
export type RouteBodyOutput<R extends RouteDefinition> = R['body'] extends JsonBody<infer S>
  ? Output<S>
  : R['body'] extends BinaryBody
    ? Uint8Array
    : R['body'] extends TextBody
      ? string
      : undefined;
/** What a successful call of a route returns (the validated response body). */
export type RouteResult<R extends RouteDefinition> = R['response']['body'] extends JsonBody<infer S>
  ? Output<S>
  : R['response']['body'] extends BinaryBody
    ? Uint8Array
    : R['response']['body'] extends TextBody
      ? string
      : undefined;
/** The response body a server sends for a route (before the client's validation). */
export type RouteResponseBody<R extends RouteDefinition> = R['response']['body'] extends JsonBody<infer S>
  ? Input<S>
  : RouteResult<R>;
/** The item type of a paginated route. */
export type RouteItem<R extends RouteDefinition> = RouteResult<R> extends { readonly items: readonly (infer I)[] } ? I : never;
