import type { JsonObject } from '../openapi.js';
import { createOpenApiDocument } from '../openapi.js';
import { registryContract } from './contract.js';
import { registryRouteDocs } from './docs.js';
import { registryComponents } from './schemas.js';

/** Version of the registry API (the `v1` in `/api/v1`). @example registryApiVersion; // '1.0.0' */
export const registryApiVersion = '1.0.0';

/**
 * The OpenAPI 3.1 document of the registry API, generated from {@link registryContract}. The
 * same document ships with the package as `@foederal/publication/openapi.json`.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(createRegistryOpenApiDocument({ servers: [{ url: baseUrl }] })));
 */
export function createRegistryOpenApiDocument(options: { readonly servers?: readonly { readonly url: string; readonly description?: string }[] } = {}): JsonObject {
  return createOpenApiDocument(registryContract, {
    title: 'Registry-API für föderale Empfehlungen / Registry API for federal recommendations',
    version: registryApiVersion,
    description:
      'Empfehlungen, Konsultationen, Beschlüsse, Pilotierungen und Erfahrungsberichte eines föderalen Arbeitskreises. ' +
      'Fehler als RFC 9457 Problem Details; ETag/If-None-Match und If-Match (412, 428); Seiten über `Link: rel="next"`. / ' +
      'Recommendations, consultations, decisions, pilots and experience reports of a federal working group. ' +
      'Errors as RFC 9457 problem details; ETag/If-None-Match and If-Match (412, 428); pages through `Link: rel="next"`.',
    components: registryComponents,
    docs: registryRouteDocs,
    ...(options.servers ? { servers: options.servers } : {}),
  });
}
