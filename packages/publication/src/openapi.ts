import * as z from 'zod/mini';
import type { AnySchema, BodyDefinition, Contract, ResponseHeader, RouteDefinition, RouteDocs } from './contract/types.js';
import { PublicationError } from './errors.js';
import type { ProblemCode } from './problem.js';
import { problemTypes, problemTypeUri } from './problem.js';

/**
 * A JSON object (OpenAPI document or part of it).
 *
 * @example
 * const doc: JsonObject = createRegistryOpenApiDocument();
 */
export type JsonObject = { [key: string]: unknown };

/**
 * Options of {@link createOpenApiDocument}.
 *
 * @example
 * createOpenApiDocument(contract, { title: 'Registry', version: '1.0.0', components: registryComponents } satisfies OpenApiOptions);
 */
export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  /** Server URLs, e.g. `[{ url: 'https://registry.example.org' }]`. */
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  /** Named schemas: emitted under `components.schemas` and referenced with `$ref` wherever used. */
  readonly components?: Readonly<Record<string, AnySchema>>;
  /** Summaries and response descriptions by route id (where the routes do not carry them). */
  readonly docs?: Readonly<Record<string, RouteDocs>>;
}

const headerDocs: Record<ResponseHeader, JsonObject> = {
  ETag: { description: 'Entity-Tag des Stands / entity tag of the state (RFC 9110)', schema: { type: 'string' } },
  Location: { description: 'URL der angelegten Ressource / URL of the created resource', schema: { type: 'string', format: 'uri-reference' } },
  Link: { description: 'Nächste Seite: `<…>; rel="next"` (RFC 8288) / next page', schema: { type: 'string' } },
  'Content-Digest': { description: 'SHA-256 des Inhalts: `sha-256=:…:` (RFC 9530) / SHA-256 of the content', schema: { type: 'string' } },
  'Retry-After': { description: 'Sekunden bis zum nächsten Versuch / seconds until the next attempt', schema: { type: 'string' } },
  Deprecation: {
    description: 'Ersetzte oder zurückgezogene Ausgabe: Zeitpunkt als `@<Unix-Sekunden>` (RFC 9745) / superseded or withdrawn edition: time as `@<unix seconds>`',
    schema: { type: 'string' },
  },
  Sunset: { description: 'Ab wann die Ausgabe nicht mehr gilt (RFC 8594) / when the edition stops applying', schema: { type: 'string' } },
};

const commonProblems: readonly ProblemCode[] = ['rate-limited', 'internal'];

function stripMeta(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function rewriteRefs(value: unknown, map: (ref: string) => string): void {
  if (Array.isArray(value)) {
    for (const v of value) rewriteRefs(v, map);
  } else if (value && typeof value === 'object') {
    const o = value as JsonObject;
    for (const [k, v] of Object.entries(o)) {
      if (k === '$ref' && typeof v === 'string') o[k] = map(v);
      else rewriteRefs(v, map);
    }
  }
}

function isOptional(schema: AnySchema): boolean {
  return (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
}

/**
 * Generate the OpenAPI 3.1 document of a contract: paths with parameters, request bodies,
 * success responses with their headers, `304` for ETag routes, problem responses
 * (`application/problem+json`), bearer security for non-public routes, and the JSON Schemas
 * (draft 2020-12, through `z.toJSONSchema`) of every named component.
 *
 * @example
 * const doc = createOpenApiDocument(registryContract, { title: 'Registry', version: '1.0.0', components: registryComponents });
 * doc.openapi; // '3.1.1'
 */
export function createOpenApiDocument(contract: Contract, options: OpenApiOptions): JsonObject {
  const registry = z.registry<{ id: string }>();
  const names = new Map<AnySchema, string>();
  const add = (schema: AnySchema, name: string): string => {
    const known = names.get(schema);
    if (known) return known;
    if ([...names.values()].includes(name)) {
      throw new PublicationError('invalid-contract', `Komponentenname doppelt / duplicate component name: ${name}`);
    }
    names.set(schema, name);
    registry.add(schema, { id: name });
    return name;
  };
  for (const [name, schema] of Object.entries(options.components ?? {})) add(schema, name);
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  for (const route of Object.values(contract)) {
    if (route.body?.kind === 'json') add(route.body.schema, route.body.name ?? `${cap(route.id)}Request`);
    if (route.response.body?.kind === 'json') add(route.response.body.schema, route.response.body.name ?? `${cap(route.id)}Response`);
  }
  const ref = (schema: AnySchema): JsonObject => ({ $ref: `#/components/schemas/${names.get(schema) as string}` });
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    cycles: 'ref',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  const schemas: Record<string, JsonObject> = {};
  for (const [name, schema] of Object.entries(converted.schemas)) schemas[name] = stripMeta(schema);
  // Unnamed schemas used in several places or in a cycle come out as `$defs` of a `__shared`
  // pseudo-schema; lift them into components so every `$ref` resolves from the document root.
  const shared = schemas['__shared'];
  if (shared) {
    delete schemas['__shared'];
    const defs = (shared['$defs'] ?? {}) as Record<string, JsonObject>;
    for (const [key, schema] of Object.entries(defs)) schemas[`Shared_${key}`] = schema;
    rewriteRefs(schemas, (r) => r.replace(/^#\/components\/schemas\/__shared#\/\$defs\/(.+)$/, '#/components/schemas/Shared_$1'));
  }

  const paramSchema = (schema: AnySchema): JsonObject =>
    stripMeta(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonObject);

  const content = (body: BodyDefinition): JsonObject => {
    if (body.kind === 'json') return { [body.mediaType ?? 'application/json']: { schema: ref(body.schema) } };
    if (body.kind === 'binary') return { [body.mediaType]: { schema: { type: 'string', contentMediaType: body.mediaType } } };
    return { [body.mediaType]: { schema: { type: 'string' } } };
  };

  const paths: Record<string, JsonObject> = {};
  const tags = new Set<string>();
  for (const route of Object.values(contract)) {
    tags.add(route.tag);
    const parameters: JsonObject[] = [];
    const addParams = (where: 'path' | 'query', schema: RouteDefinition['params']): void => {
      if (!schema) return;
      for (const [name, s] of Object.entries(schema._zod.def.shape)) {
        parameters.push({ name, in: where, required: where === 'path' || !isOptional(s), schema: paramSchema(s) });
      }
    };
    addParams('path', route.params);
    addParams('query', route.query);
    if (route.etag) parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
    if (route.ifMatch === 'required') {
      parameters.push({ name: 'If-Match', in: 'header', required: true, description: 'ETag des gelesenen Stands / ETag of the state that was read', schema: { type: 'string' } });
    }
    if (route.digest === 'required') {
      parameters.push({ name: 'Content-Digest', in: 'header', required: true, description: headerDocs['Content-Digest'].description, schema: { type: 'string' } });
    }
    const responses: Record<string, JsonObject> = {};
    const docs = options.docs?.[route.id];
    const summary = route.summary ?? docs?.summary ?? { de: route.id, en: route.id };
    const what = route.response.description ?? docs?.response ?? { de: 'Erfolg', en: 'Success' };
    const success: JsonObject = { description: `${what.de} / ${what.en}` };
    if (route.response.headers?.length) {
      success['headers'] = Object.fromEntries(route.response.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]));
    }
    if (route.response.body) success['content'] = content(route.response.body);
    responses[String(route.response.status)] = success;
    if (route.etag) responses['304'] = { description: 'Nicht geändert / not modified', headers: { ETag: { $ref: '#/components/headers/ETag' } } };
    const problemCodes = new Set<ProblemCode>([...route.problems, ...commonProblems]);
    if (route.auth !== 'public') {
      problemCodes.add('unauthorized');
      problemCodes.add('forbidden');
    }
    const byStatus = new Map<number, ProblemCode[]>();
    for (const code of problemCodes) {
      const status = problemTypes[code].status;
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      const response: JsonObject = {
        description: codes.map((c) => `${problemTypes[c].de} / ${problemTypes[c].en} (${problemTypeUri(c)})`).join('; '),
        content: { 'application/problem+json': { schema: ref(options.components?.['ProblemDetails'] ?? problemSchemaFallback(schemas)) } },
      };
      if (status === 429 || status === 503) response['headers'] = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
      responses[String(status)] = response;
    }
    const operation: JsonObject = {
      operationId: route.id,
      tags: [route.tag],
      summary: summary.de,
      description: summary.en,
      'x-foederal-role': route.auth,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: content(route.body) } } : {}),
      responses,
      ...(route.auth === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    };
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method]) throw new PublicationError('invalid-contract', `Route doppelt / duplicate route: ${route.method} ${route.path}`);
    item[method] = operation;
  }

  return {
    openapi: '3.1.1',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    ...(options.servers ? { servers: options.servers.map((s) => ({ ...s })) } : {}),
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      headers: headerDocs,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API-Token / API token' } },
    },
  };

  function problemSchemaFallback(all: Record<string, JsonObject>): AnySchema {
    throw new PublicationError('invalid-contract', `Komponente ProblemDetails fehlt / component ProblemDetails is missing (${Object.keys(all).length} schemas)`);
  }
}
