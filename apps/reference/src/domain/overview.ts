import type { Contribution, ExperienceReport, Recommendation } from '@foederal/recommendations';
import type { Repository } from '../db/repository.js';
import { adoptableDecisions, type VoteRecord } from './votes.js';
import { boundedPageSize, numberedPage, type NumberedPage, type PageRequest } from './paging.js';

/** Items of each work list on the secretariat's overview (the contribution desk pages all of them). */
export const overviewLimit = 20;

/** A contribution waiting for an answer, with its storage id (`<consultation>/<contribution>`). */
export interface PendingContribution {
  readonly storeId: string;
  readonly version: number;
  readonly c: Contribution;
}

/** What the secretariat's overview shows. */
export interface SecretariatOverview {
  /** The oldest contributions still to answer (at most {@link overviewLimit}) and how many there are. */
  readonly pending: readonly PendingContribution[];
  readonly pendingTotal: number;
  /** The oldest submitted experience reports (at most {@link overviewLimit}) and how many there are. */
  readonly reports: readonly ExperienceReport[];
  readonly reportsTotal: number;
  /** One numbered page of recommendations with their next lifecycle steps. */
  readonly recommendations: NumberedPage<Recommendation>;
  /** Passed votes on recommendations: the decisions a recommendation can be adopted with. */
  readonly decisions: readonly VoteRecord[];
}

const pendingStates = ['submitted', 'in-review', 'published'];

/**
 * The secretariat's overview: bounded work lists (contributions to answer, reports to review),
 * one page of the recommendations' lifecycle table, and the decisions to adopt with.
 *
 * @example
 * const overview = await secretariatOverview(repo, { page: 2 });
 */
export async function secretariatOverview(repo: Repository, request: PageRequest, limit = overviewLimit): Promise<SecretariatOverview> {
  const size = boundedPageSize(limit);
  const [pending, pendingTotal, reports, reportsTotal, recommendations, decisions] = await Promise.all([
    repo.contributions.list({ status: pendingStates, limit: size }),
    repo.contributions.count({ status: pendingStates }),
    repo.reports.list({ status: ['submitted'], limit: size }),
    repo.reports.count({ status: ['submitted'] }),
    numberedPage(repo.recommendations, {}, request),
    adoptableDecisions(repo),
  ]);
  return {
    pending: pending.map((d) => ({ storeId: d.id, version: d.version, c: d.data })),
    pendingTotal,
    reports: reports.map((d) => d.data),
    reportsTotal,
    recommendations,
    decisions,
  };
}
