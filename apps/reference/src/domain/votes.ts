import { evaluateDecision, type DecisionResult, type DecisionScenario } from '@foederal/membership';
import type { Decision, LocalizedText } from '@foederal/recommendations';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { bodyId, getBody, membersOf, rulesOf } from './body.js';

/** A recorded vote: the decision as published plus what it was about and the full scenario. */
export interface VoteRecord {
  readonly decision: Decision;
  readonly title: LocalizedText;
  readonly motionKind: string;
  readonly recommendation?: string;
  /** The full scenario (absent for decisions imported from elsewhere). */
  readonly scenario?: DecisionScenario;
  readonly result: DecisionResult;
}

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
      .map((d) => (d.data as VoteRecord).decision.id)
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
    })) as Versioned<VoteRecord>;
  });
}
