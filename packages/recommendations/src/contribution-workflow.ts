import type { LocalizedText } from '@foederal/core';
import * as z from 'zod/mini';
import { isoDateTimeSchema, localizedTextSchema, slugSchema } from './common-schemas.js';
import { answeredStates, contributionSchema, type Contribution, type ContributionState } from './consultation-schema.js';
import { RecommendationsError, type ValidationIssue } from './errors.js';
import { toIssues } from './validate.js';

/**
 * What can happen to a contribution: the secretariat publishes it (moderation), takes it into
 * review, answers it (disposition), publishes the answer; its author may withdraw it.
 *
 * @example
 * contributionEventSchema.parse({ type: 'answer', outcome: 'rejected', reason: { de: 'Außerhalb des Anwendungsbereichs' } });
 */
export const contributionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('publish') }),
  z.strictObject({ type: z.literal('review') }),
  z.strictObject({
    type: z.literal('answer'),
    outcome: z.enum(['accepted', 'partially-accepted', 'rejected', 'duplicate']),
    reason: localizedTextSchema,
    duplicateOf: z.exactOptional(slugSchema),
  }),
  z.strictObject({ type: z.literal('publish-answer') }),
  z.strictObject({ type: z.literal('withdraw') }),
]);
/** A contribution event. @example const e: ContributionEvent = { type: 'publish-answer' }; */
export type ContributionEvent = z.infer<typeof contributionEventSchema>;

/**
 * Guards of the contribution workflow with German and English explanations.
 *
 * @example
 * contributionGuards['answer-not-given'].en; // 'there is no answer to publish yet'
 */
export const contributionGuards = {
  'invalid-contribution': { de: 'Der Beitrag ist ungültig', en: 'the contribution is invalid' },
  'invalid-event': { de: 'Das Ereignis ist ungültig', en: 'the event is invalid' },
  'invalid-time': { de: 'Die aktuelle Zeit ist kein ISO-Zeitpunkt mit Zeitzone', en: 'the current time is not an ISO date-time with offset' },
  'clock-went-backwards': { de: 'Die aktuelle Zeit liegt vor der Einreichung oder der letzten Antwort', en: 'the current time lies before the submission or the last answer' },
  'withdrawn-is-final': { de: 'Ein zurückgezogener Beitrag bleibt zurückgezogen', en: 'a withdrawn contribution stays withdrawn' },
  'not-allowed-in-state': { de: 'Dieses Ereignis ist in diesem Status nicht zulässig', en: 'this event is not allowed in this state' },
  'duplicate-needs-original': { de: 'Eine Dublette muss einen anderen Beitrag als Original nennen', en: 'a duplicate must name another contribution as its original' },
  'answer-not-given': { de: 'Es gibt noch keine Antwort, die veröffentlicht werden könnte', en: 'there is no answer to publish yet' },
  'answer-already-published': { de: 'Die Antwort ist bereits veröffentlicht', en: 'the answer is already published' },
} as const satisfies Record<string, Required<LocalizedText>>;
/** Name of a contribution guard. @example const g: ContributionGuard = 'answer-not-given'; */
export type ContributionGuard = keyof typeof contributionGuards;

/**
 * A contribution event was refused; `guard` names why.
 *
 * @example
 * const r = transitionContribution(c, { type: 'publish-answer' }, { now });
 * if (!r.ok) r.error.guard; // 'answer-not-given'
 */
export class ContributionWorkflowError extends RecommendationsError {
  override readonly name = 'ContributionWorkflowError';
  /** The guard that refused. */
  readonly guard: ContributionGuard;
  /** State of the contribution (undefined when it was unreadable). */
  readonly from: ContributionState | undefined;
  /** Validation problems, for `invalid-contribution` and `invalid-event`. */
  readonly issues: readonly ValidationIssue[];

  constructor(guard: ContributionGuard, from: ContributionState | undefined, event: string | undefined, issues: readonly ValidationIssue[] = []) {
    const where = `${from ?? '?'} → ${event ?? '?'}`;
    super('lifecycle-guard', { de: `${contributionGuards[guard].de} (${where})`, en: `${contributionGuards[guard].en} (${where})` });
    this.guard = guard;
    this.from = from;
    this.issues = issues;
  }
}

/** Outcome of {@link transitionContribution}. @example const r: ContributionTransitionResult = transitionContribution(c, e, { now }); */
export type ContributionTransitionResult =
  | { readonly ok: true; readonly contribution: Contribution }
  | { readonly ok: false; readonly error: ContributionWorkflowError };

const allowed: Record<ContributionState, readonly ContributionEvent['type'][]> = {
  'submitted': ['publish', 'review', 'answer', 'withdraw'],
  'published': ['review', 'answer', 'withdraw'],
  'in-review': ['answer', 'withdraw'],
  'accepted': ['publish-answer'],
  'partially-accepted': ['publish-answer'],
  'rejected': ['publish-answer'],
  'duplicate': ['publish-answer'],
  'withdrawn': [],
};

/**
 * Move a contribution through moderation and disposition. Pure: returns a new contribution or a
 * {@link ContributionWorkflowError}. Answering records `answeredAt`; publishing the answer records
 * `publishedAt` separately, so an answer can be prepared before the synopsis is released.
 *
 * @example
 * let r = transitionContribution(c, { type: 'answer', outcome: 'accepted', reason: { de: 'Übernommen in 3.2' } }, { now: '2027-03-01T10:00:00Z' });
 * if (r.ok) r = transitionContribution(r.contribution, { type: 'publish-answer' }, { now: '2027-03-05T10:00:00Z' });
 */
export function transitionContribution(contribution: Contribution, event: ContributionEvent, context: { readonly now: string }): ContributionTransitionResult {
  const fail = (guard: ContributionGuard, from: ContributionState | undefined, type: string | undefined, issues?: readonly ValidationIssue[]): ContributionTransitionResult =>
    ({ ok: false, error: new ContributionWorkflowError(guard, from, type, issues) });
  let parsedContribution: ReturnType<typeof contributionSchema.safeParse>;
  let parsedEvent: ReturnType<typeof contributionEventSchema.safeParse>;
  try {
    parsedContribution = contributionSchema.safeParse(contribution, { reportInput: true });
    parsedEvent = contributionEventSchema.safeParse(event, { reportInput: true });
  } catch {
    return fail('invalid-event', undefined, undefined);
  }
  if (!parsedContribution.success) return fail('invalid-contribution', undefined, undefined, toIssues(parsedContribution.error.issues));
  const current = parsedContribution.data;
  if (!parsedEvent.success) return fail('invalid-event', current.state, undefined, toIssues(parsedEvent.error.issues));
  const e = parsedEvent.data;
  if (current.state === 'withdrawn') return fail('withdrawn-is-final', current.state, e.type);
  if (!isoDateTimeSchema.safeParse(context.now).success) return fail('invalid-time', current.state, e.type);
  const now = Date.parse(context.now);
  const last = current.disposition ? Date.parse(current.disposition.answeredAt) : Date.parse(current.submittedAt);
  if (now < last) return fail('clock-went-backwards', current.state, e.type);
  if (!allowed[current.state].includes(e.type)) {
    if (e.type === 'publish-answer' && !(answeredStates as readonly string[]).includes(current.state)) return fail('answer-not-given', current.state, e.type);
    return fail('not-allowed-in-state', current.state, e.type);
  }
  switch (e.type) {
    case 'publish':
      return { ok: true, contribution: { ...current, state: 'published' } };
    case 'review':
      return { ok: true, contribution: { ...current, state: 'in-review' } };
    case 'withdraw':
      return { ok: true, contribution: { ...current, state: 'withdrawn' } };
    case 'answer': {
      if (e.outcome === 'duplicate' ? e.duplicateOf === undefined || e.duplicateOf === current.id : e.duplicateOf !== undefined) {
        return fail('duplicate-needs-original', current.state, e.type);
      }
      return {
        ok: true,
        contribution: {
          ...current,
          state: e.outcome,
          disposition: { reason: e.reason, answeredAt: context.now, ...(e.duplicateOf !== undefined ? { duplicateOf: e.duplicateOf } : {}) },
        },
      };
    }
    case 'publish-answer': {
      const d = current.disposition;
      if (d === undefined) return fail('answer-not-given', current.state, e.type);
      if (d.publishedAt !== undefined) return fail('answer-already-published', current.state, e.type);
      return { ok: true, contribution: { ...current, disposition: { ...d, publishedAt: context.now } } };
    }
  }
}
