import type { ExperienceReport, Pilot, Recommendation } from '@foederal/recommendations';
import type { Repository } from '../db/repository.js';
import { allDocuments } from './paging.js';
import { visibleRecommendationStates } from './recommendations.js';

/** What the public catalogue (DCAT, feeds) publishes: every record the public may see. */
export interface PublishedRecords {
  readonly recommendations: Recommendation[];
  readonly pilots: Pilot[];
  readonly experienceReports: ExperienceReport[];
}

/**
 * Every published record, read in keyset pages ({@link allDocuments}): the DCAT catalogue and
 * the feeds describe the whole catalogue on purpose, and are cached by catalogue generation
 * (ADR 0140), so this full read runs once per change, never per page view.
 *
 * @example
 * const { recommendations } = await publishedRecords(repo);
 */
export async function publishedRecords(repo: Repository): Promise<PublishedRecords> {
  const [recommendations, pilots, experienceReports] = await Promise.all([
    allDocuments(repo.recommendations, { status: visibleRecommendationStates('public') ?? [] }),
    allDocuments(repo.pilots, {}),
    allDocuments(repo.reports, { status: ['published'] }),
  ]);
  return { recommendations, pilots, experienceReports };
}

/** The stored catalogue header (JSON, written once at setup), or undefined. */
export async function storedCatalogueHeader(repo: Repository): Promise<unknown> {
  const stored = await repo.meta.get('catalogue-header');
  return stored === undefined ? undefined : (JSON.parse(stored) as unknown);
}
