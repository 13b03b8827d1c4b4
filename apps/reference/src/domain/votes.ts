import { evaluateDecision, type DecisionResult, type DecisionScenario } from '@foederal/membership';
import type { Decision, LocalizedText } from '@foederal/recommendations';
import type { Repository, Versioned } from '../db/repository.js';
import type { VoteRecord } from './vote-record.js';
import { AppError } from '../errors.js';
import { bodyId, getBody, membersOf, rulesOf } from './body.js';
import { allDocuments, boundedPageSize, keysetPage, numberedPage, type Cursor, type KeysetPage, type NumberedPage, type PageRequest } from './paging.js';

export type { VoteRecord } from './vote-record.js';

/** What the secretariat enters to record a vote. */
export interface VoteInput {
  readonly title: LocalizedText;
  readonly motionKind: string;
  readonly date: string;
  readonly recommendation?: string | undefined;
  /** Membership ids of those present. */
  readonly present: readonly string[];
  /** Ballots by membership id. */
  readonly ballots: Readonly<Record<string, 'yes' | 'no' | 'abstain'>>;
}

/** Store a decision taken elsewhere (imported catalogue), without its scenario. */
export async function importDecision(repo: Repository, decision: Decision, title: LocalizedText, recommendation?: string): Promise<void> {
  const record: VoteRecord = {
    decision,
    title,
    motionKind: 'recommendation',
    ...(recommendation ? { recommendation } : {}),
    result: decision.result as DecisionResult,
  };
  if (await repo.votes.get(voteId(decision.id))) return;
  await repo.votes.create(voteId(decision.id), record, {
    sortKey: `${decision.date}|${decision.id.padStart(9, '0')}`,
    search: `${decision.id} ${title.de} ${title.en ?? ''}`,
    status: decision.result.result,
    parentId: recommendation ?? null,
  });
}

/** `2027/04` → `2027-04` (the storage id). */
export function voteId(decisionId: string): string {
  return decisionId.replace('/', '-');
}

/**
 * Record a vote: build the scenario from the body's current memberships, decide it with
 * `evaluateDecision` under the body's rules, number it `year/n` and store it, all in one
 * transaction (numbers never repeat, even with two instances).
 */
export async function recordVote(repo: Repository, input: VoteInput): Promise<Versioned<VoteRecord>> {
  return repo.transaction(async (tx) => {
    const body = (await getBody(tx)).data;
    const members = membersOf(body, input.date).filter((m) => m.membership.kind === 'voting' || m.membership.kind === 'advisory');
    const scenario: DecisionScenario = {
      rules: rulesOf(body),
      motion: { kind: input.motionKind as DecisionScenario['motion']['kind'], title: input.title.de },
      procedure: 'meeting',
      date: input.date,
      members: members.map((m) => ({
        id: m.membership.id,
        level: m.level,
        ...(m.jurisdiction.state ? { state: m.jurisdiction.state } : {}),
        votingRight: m.membership.votingRight,
        present: input.present.includes(m.membership.id),
      })),
      ballots: { ...input.ballots },
    };
    let result: DecisionResult;
    try {
      result = evaluateDecision(scenario);
    } catch (error) {
      throw new AppError('validation', error instanceof Error ? error.message : String(error), { cause: error });
    }
    const year = input.date.slice(0, 4);
    const numbers = (await tx.votes.list({ q: `${year}/` }))
      .map((d) => (d.data).decision.id)
      .filter((id) => id.startsWith(`${year}/`))
      .map((id) => Number(id.slice(5)));
    let n = Math.max(0, ...numbers) + 1;
    while (await tx.votes.get(`${year}-${String(n).padStart(2, '0')}`)) n++;
    const decisionId = `${year}/${String(n).padStart(2, '0')}`;
    const record: VoteRecord = {
      decision: { id: decisionId, date: input.date, body: bodyId, result },
      title: input.title,
      motionKind: input.motionKind,
      ...(input.recommendation ? { recommendation: input.recommendation } : {}),
      scenario,
      result,
    };
    return (await tx.votes.create(voteId(decisionId), record, {
      sortKey: `${input.date}|${decisionId.padStart(9, '0')}`,
      search: `${decisionId} ${input.title.de} ${input.title.en ?? ''}`,
      status: result.result,
      parentId: input.recommendation ?? null,
    }));
  });
}

/** One numbered page of votes, newest first. */
export async function listVotes(repo: Repository, request: PageRequest): Promise<NumberedPage<VoteRecord>> {
  return numberedPage(repo.votes, {}, request, 'desc');
}

/** One keyset page of votes, oldest first (the decisions API). */
export async function listDecisions(repo: Repository, window: { readonly after?: Cursor | undefined; readonly limit: number }): Promise<KeysetPage<VoteRecord>> {
  return keysetPage(repo.votes, {}, window);
}

/** One vote by its storage id (`2027-04`); 404 when missing. */
export async function getVote(repo: Repository, id: string): Promise<Versioned<VoteRecord>> {
  return repo.votes.require(id);
}

/** One vote by its decision id (`2027/04`). */
export async function getDecision(repo: Repository, decisionId: string): Promise<Versioned<VoteRecord>> {
  return repo.votes.require(voteId(decisionId));
}

/** The first `limit` votes about one recommendation, oldest first (a recommendation has a handful). */
export async function votesOnRecommendation(repo: Repository, recommendationId: string, limit = 50): Promise<VoteRecord[]> {
  return (await repo.votes.list({ parentId: recommendationId, limit: boundedPageSize(limit) })).map((d) => d.data);
}

/**
 * Every passed vote on a recommendation motion: the decisions the secretariat can adopt a
 * recommendation with (the choices of a select), read in keyset pages.
 */
export async function adoptableDecisions(repo: Repository): Promise<VoteRecord[]> {
  return allDocuments(repo.votes, { status: ['pass'], fields: { motionKind: 'recommendation' } });
}
