import type { ContributionSubmission } from '@foederal/publication';
import type { Consultation, Contribution, Decision, Recommendation, RecommendationState, Roster } from './types.js';

/**
 * Filter of the catalogue.
 *
 * @example
 * const query: RecommendationQuery = { status: 'published', q: 'Wartung' };
 */
export interface RecommendationQuery {
  readonly status?: RecommendationState | undefined;
  readonly q?: string | undefined;
}

/**
 * What the elements read from and send to a registry. {@link registrySource} builds one on the
 * registry client of `@foederal/publication`; pages and tests may pass their own as `source`.
 *
 * @example
 * const source: RegistrySource = registrySource('https://registry.example.org');
 * list.source = source;
 */
export interface RegistrySource {
  listRecommendations(query: RecommendationQuery, signal: AbortSignal): Promise<readonly Recommendation[]>;
  getRecommendation(id: string, signal: AbortSignal): Promise<Recommendation>;
  /** All editions of the recommendation, newest first. */
  listEditions(id: string, signal: AbortSignal): Promise<readonly Recommendation[]>;
  getConsultation(id: string, signal: AbortSignal): Promise<Consultation>;
  listContributions(consultationId: string, signal: AbortSignal): Promise<readonly Contribution[]>;
  submitContribution(consultationId: string, contribution: ContributionSubmission): Promise<{ readonly id: string }>;
  getDecision(id: string, signal: AbortSignal): Promise<Decision>;
  /** The body's members; undefined when the registry offers no roster route. */
  getRoster?: ((signal: AbortSignal) => Promise<Roster>) | undefined;
}
