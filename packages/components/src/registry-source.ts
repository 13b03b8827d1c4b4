import { createRegistryClient, PublicationError } from '@foederal/publication';
import type { RegistryClient } from '@foederal/publication';
import { ComponentsError } from './errors.js';
import type { RegistrySource } from './source.js';
import type { Roster } from './types.js';

const sources = new Map<string, RegistrySource>();

/**
 * The registry source for a base URL, built on `createRegistryClient` of `@foederal/publication`
 * (responses validated against the contract, ETag caching, retries of idempotent requests).
 * Cached per URL so that the elements of one page share one client.
 *
 * @example
 * const source = registrySource('https://registry.example.org');
 * const all = await source.listRecommendations({ status: 'published' }, new AbortController().signal);
 */
export function registrySource(baseUrl: string): RegistrySource {
  let source = sources.get(baseUrl);
  if (!source) {
    source = sourceFromClient(createRegistryClient({ baseUrl }));
    sources.set(baseUrl, source);
  }
  return source;
}

/**
 * Wraps the client's errors in {@link ComponentsError} with the codes the elements show:
 * `not-found`, `network` (no connection, timeout), `rejected` (the registry refused the input,
 * with its problem detail as message) and `load-failed` for everything else.
 */
function wrap(error: unknown): ComponentsError {
  if (ComponentsError.isInstance(error)) return error;
  if (PublicationError.isInstance(error)) {
    const detail = error.problem?.detail ?? error.message;
    switch (error.code) {
      case 'not-found':
        return new ComponentsError('not-found', detail, { cause: error });
      case 'network':
      case 'timeout':
        return new ComponentsError('network', detail, { cause: error });
      case 'validation-failed':
      case 'bad-request':
      case 'conflict':
      case 'rate-limited':
      case 'payload-too-large':
        return new ComponentsError('rejected', detail, { cause: error });
      default:
        return new ComponentsError('load-failed', detail, { cause: error });
    }
  }
  return new ComponentsError('load-failed', error instanceof Error ? error.message : String(error), { cause: error });
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw wrap(error);
  }
}

/**
 * A {@link RegistrySource} on an existing registry client (e.g. one with a token or custom
 * `fetch`), for the `source` property of every element.
 *
 * @example
 * element.source = sourceFromClient(createRegistryClient({ baseUrl, token }));
 */
export function sourceFromClient(client: RegistryClient): RegistrySource {
  return {
    listRecommendations: (query, signal) =>
      guard(() =>
        client
          .listRecommendations(
            { ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}) },
            { signal },
          )
          .toArray(),
      ),
    getRecommendation: (id, signal) => guard(() => client.getRecommendation(id, { signal })),
    listEditions: (id, signal) => guard(() => client.listRecommendationEditions(id, { signal })),
    getConsultation: (id, signal) => guard(() => client.getConsultation(id, { signal })),
    listContributions: (id, signal) => guard(() => client.listContributions(id, {}, { signal }).toArray()),
    submitContribution: (id, contribution) =>
      guard(async () => {
        const created = await client.submitContribution(id, contribution);
        return { id: created.id };
      }),
    getDecision: (id, signal) => guard(() => client.getDecision(id, { signal })),
    getRoster: (signal) =>
      guard(async (): Promise<Roster> => {
        const body = await client.getBody({ signal });
        const plenum = body.organizations.find((o) => o.classification === 'plenum');
        const rules = body.rules.find((r) => r.id === plenum?.rulesId) ?? body.rules[0];
        return {
          ...(plenum ? { name: plenum.name } : {}),
          ...(rules ? { rules } : {}),
          jurisdictions: body.jurisdictions,
          people: body.people,
          memberships: plenum ? body.memberships.filter((m) => m.organizationId === plenum.id) : body.memberships,
        };
      }),
  };
}
