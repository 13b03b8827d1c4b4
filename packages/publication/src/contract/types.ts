import type { LocalizedText } from '@foederal/core';
import type * as z from 'zod/mini';
import type { ProblemCode } from '../problem.js';

/**
 * Any zod schema (zod/mini or classic).
 *
 * @example
 * const schema: AnySchema = recommendationSchema;
 */
export type AnySchema = z.core.$ZodType;

/**
 * An object schema for path parameters or query parameters (values arrive as strings).
 *
 * @example
 * const params: ParamsSchema = z.object({ id: slugSchema });
 */
export type ParamsSchema = z.core.$ZodObject;

/**
 * HTTP methods used by the contract.
 *
 * @example
 * const method: HttpMethod = 'PUT';
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call a route: the roles of the reference app, from least to most privileged.
 *
 * @example
 * const role: Role = registryContract.createRecommendation.auth; // 'secretariat'
 */
export type Role = 'public' | 'member' | 'secretariat' | 'admin';

/**
 * A JSON body (request or response) validated by `schema`.
 *
 * @example
 * const body: JsonBody = json(recommendationSchema, { name: 'Recommendation' });
 */
export interface JsonBody<S extends AnySchema = AnySchema> {
  readonly kind: 'json';
  readonly schema: S;
  /** Media type; `application/json` unless a `+json` type is named (e.g. `application/feed+json`). */
  readonly mediaType?: string;
  /** Component name in the OpenAPI document. */
  readonly name?: string;
}

/**
 * A binary body (file upload or download).
 *
 * @example
 * const upload: BinaryBody = { kind: 'binary', mediaType: 'application/octet-stream' };
 */
export interface BinaryBody {
  readonly kind: 'binary';
  /** Media type in the OpenAPI document; uploads accept any type. */
  readonly mediaType: string;
}

/**
 * A text body (Atom feed, Turtle catalogue).
 *
 * @example
 * const feed: TextBody = { kind: 'text', mediaType: 'application/atom+xml' };
 */
export interface TextBody {
  readonly kind: 'text';
  readonly mediaType: string;
}

/**
 * A request or response body.
 *
 * @example
 * const body: BodyDefinition = json(contributionSchema);
 */
export type BodyDefinition = JsonBody | BinaryBody | TextBody;

/**
 * Response headers a route sends with its success response.
 *
 * @example
 * const header: ResponseHeader = 'ETag';
 */
export type ResponseHeader = 'ETag' | 'Location' | 'Link' | 'Content-Digest' | 'Retry-After' | 'Deprecation' | 'Sunset';

/**
 * The success response of a route.
 *
 * @example
 * const response: SuccessResponse = registryContract.getPilot.response;
 */
export interface SuccessResponse {
  readonly status: 200 | 201 | 202 | 204;
  /** What the response is; may instead come from {@link RouteDocs} (kept out of client bundles). */
  readonly description?: Required<LocalizedText>;
  readonly body?: BodyDefinition;
  readonly headers?: readonly ResponseHeader[];
}

/**
 * One route of an HTTP API contract.
 *
 * @example
 * const route: RouteDefinition = registryContract.getRecommendation;
 */
export interface RouteDefinition {
  /** Operation id; also the client method name. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. `/api/v1/recommendations/{id}`. */
  readonly path: string;
  /** OpenAPI tag. */
  readonly tag: string;
  /** What the route does; may instead come from {@link RouteDocs} (kept out of client bundles). */
  readonly summary?: Required<LocalizedText>;
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

/**
 * Human-readable documentation of a route, German and English (for OpenAPI and API pages).
 *
 * @example
 * const docs: RouteDocs = registryRouteDocs.getPilot;
 */
export interface RouteDocs {
  readonly summary: Required<LocalizedText>;
  /** Description of the success response. */
  readonly response: Required<LocalizedText>;
}

/**
 * A contract: routes by id.
 *
 * @example
 * const contract: Contract = registryContract;
 */
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

/**
 * What a schema accepts (its wire form).
 *
 * @example
 * type Wire = SchemaInput<typeof recommendationSchema>;
 */
export type SchemaInput<S> = S extends AnySchema ? z.input<S> : never;
/**
 * What a schema returns after parsing.
 *
 * @example
 * type Parsed = SchemaOutput<typeof recommendationSchema>;
 */
export type SchemaOutput<S> = S extends AnySchema ? z.output<S> : never;

/**
 * Bytes accepted as a binary request body.
 *
 * @example
 * const data: BinaryInput = new TextEncoder().encode('# Empfehlung');
 */
export type BinaryInput = Blob | ArrayBuffer | Uint8Array;

/**
 * Path parameters of a route, as the caller passes them.
 *
 * @example
 * const params: RouteParams<RegistryContract['getPilot']> = { pilotId: 'pilot-1' };
 */
export type RouteParams<R extends RouteDefinition> = R['params'] extends AnySchema ? SchemaInput<R['params']> : undefined;
/**
 * Query parameters of a route, as the caller passes them.
 *
 * @example
 * const query: RouteQuery<RegistryContract['listRecommendations']> = { status: 'published' };
 */
export type RouteQuery<R extends RouteDefinition> = R['query'] extends AnySchema ? SchemaInput<R['query']> : undefined;
/**
 * Request body of a route, as the caller passes it.
 *
 * @example
 * const body: RouteBody<RegistryContract['submitContribution']> = { anchor: { section: '1' }, text: { de: 'Text' }, author: { kind: 'anonymous' } };
 */
export type RouteBody<R extends RouteDefinition> = R['body'] extends JsonBody<infer S>
  ? SchemaInput<S>
  : R['body'] extends BinaryBody
    ? BinaryInput
    : R['body'] extends TextBody
      ? string
      : undefined;
/**
 * Parsed request body of a route, as the server sees it after validation.
 *
 * @example
 * type Saved = RouteBodyOutput<RegistryContract['createPilot']>; // Pilot
 */
export type RouteBodyOutput<R extends RouteDefinition> = R['body'] extends JsonBody<infer S>
  ? SchemaOutput<S>
  : R['body'] extends BinaryBody
    ? Uint8Array
    : R['body'] extends TextBody
      ? string
      : undefined;
/**
 * What a successful call of a route returns (the validated response body).
 *
 * @example
 * type Shares = RouteResult<RegistryContract['getCostShares']>;
 */
export type RouteResult<R extends RouteDefinition> = R['response']['body'] extends JsonBody<infer S>
  ? SchemaOutput<S>
  : R['response']['body'] extends BinaryBody
    ? Uint8Array
    : R['response']['body'] extends TextBody
      ? string
      : undefined;
/**
 * The response body a server sends for a route (before the client's validation).
 *
 * @example
 * const body: RouteResponseBody<RegistryContract['getBody']> = await repository.body();
 */
export type RouteResponseBody<R extends RouteDefinition> = R['response']['body'] extends JsonBody<infer S>
  ? SchemaInput<S>
  : RouteResult<R>;
/**
 * The item type of a paginated route.
 *
 * @example
 * type Item = RouteItem<RegistryContract['listPilots']>; // Pilot
 */
export type RouteItem<R extends RouteDefinition> = RouteResult<R> extends { readonly items: readonly (infer I)[] } ? I : never;
