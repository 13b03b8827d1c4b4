import type { LocalizedText } from '@foederal/core';
import * as z from 'zod/mini';
import { isoDateTimeSchema, localizedTextSchema, slugSchema } from './common-schemas.js';
import { decisionSchema } from './decision.js';
import { RecommendationsError, type ValidationIssue } from './errors.js';
import {
  adoptionSchema,
  recommendationFields,
  recommendationSchema,
  type Recommendation,
  type RecommendationState,
} from './recommendation-schema.js';
import { toIssues, validate } from './validate.js';

/**
 * Content a draft may change through a `revise` event (everything but identity, status, decision,
 * adoptions and timestamps).
 *
 * @example
 * revisionSchema.parse({ version: '0.2.0' });
 */
export const revisionSchema = z.partial(z.pick(recommendationFields, {
  shortTitle: true,
  title: true,
  description: true,
  version: true,
  workingGroup: true,
  license: true,
  keywords: true,
  themes: true,
  references: true,
  attachments: true,
  supersedes: true,
}));
/** Content changes of a draft. @example const r: Revision = { version: '0.2.0' }; */
export type Revision = z.infer<typeof revisionSchema>;

/**
 * The events that move a recommendation through its lifecycle, discriminated by `type`.
 *
 * @example
 * lifecycleEventSchema.parse({ type: 'withdraw', reason: { de: 'Überholt' } });
 */
export const lifecycleEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('revise'), changes: revisionSchema }),
  z.strictObject({
    type: z.literal('open-consultation'),
    opens: isoDateTimeSchema,
    closes: isoDateTimeSchema,
    consultation: z.exactOptional(slugSchema),
  }),
  z.strictObject({ type: z.literal('close-consultation') }),
  z.strictObject({ type: z.literal('adopt'), decision: decisionSchema }),
  z.strictObject({ type: z.literal('publish') }),
  z.strictObject({ type: z.literal('supersede'), by: slugSchema }),
  z.strictObject({ type: z.literal('withdraw'), reason: localizedTextSchema }),
  z.strictObject({ type: z.literal('record-adoption'), adoption: adoptionSchema }),
]);
/** A lifecycle event. @example const e: LifecycleEvent = { type: 'publish' }; */
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;
/** Name of a lifecycle event. @example const t: LifecycleEventType = 'adopt'; */
export type LifecycleEventType = LifecycleEvent['type'];

/**
 * What a transition needs besides the record: the current time (the machine is pure and reads no
 * clock) and a way to look up other recommendations (for superseding).
 *
 * @example
 * const context: LifecycleContext = { now: '2027-05-02T08:00:00Z', find: (id) => catalogue.get(id) };
 */
export interface LifecycleContext {
  /** Current time, ISO 8601 with offset; becomes the record's `modified`. */
  readonly now: string;
  /** Look up another recommendation of the catalogue by id. */
  readonly find?: (id: string) => Recommendation | undefined;
}

/**
 * Every guard of the lifecycle, with its German and English explanation.
 *
 * @example
 * lifecycleGuards['decision-not-passed'].de; // 'Der Beschluss ist nicht angenommen …'
 */
export const lifecycleGuards = {
  'invalid-record': { de: 'Der Datensatz ist ungültig', en: 'the record is invalid' },
  'invalid-event': { de: 'Das Ereignis ist ungültig', en: 'the event is invalid' },
  'invalid-time': { de: 'Die aktuelle Zeit ist kein ISO-Zeitpunkt mit Zeitzone', en: 'the current time is not an ISO date-time with offset' },
  'clock-went-backwards': { de: 'Die aktuelle Zeit liegt vor der letzten Änderung', en: 'the current time lies before the last modification' },
  'withdrawn-is-final': { de: 'Eine zurückgezogene Empfehlung kommt nicht zurück', en: 'a withdrawn recommendation never comes back' },
  'not-allowed-in-state': { de: 'Dieses Ereignis ist in diesem Status nicht zulässig', en: 'this event is not allowed in this state' },
  'consultation-window-invalid': { de: 'Die Konsultation muss nach ihrem Beginn enden', en: 'the consultation must close after it opens' },
  'consultation-still-open': { de: 'Die Konsultation läuft noch', en: 'the consultation is still open' },
  'decision-not-passed': { de: 'Der Beschluss ist nicht angenommen (Ergebnis nicht „pass“ oder nicht beschlussfähig)', en: 'the decision did not pass (result not "pass" or not quorate)' },
  'decision-in-future': { de: 'Der Beschluss liegt in der Zukunft', en: 'the decision lies in the future' },
  'license-missing': { de: 'Zur Veröffentlichung fehlt die Lizenz', en: 'publication needs a licence' },
  'main-attachment-missing': { de: 'Zur Veröffentlichung fehlt ein Hauptdokument mit SHA-256-Prüfsumme', en: 'publication needs a main document with a SHA-256 checksum' },
  'successor-is-self': { de: 'Eine Empfehlung kann sich nicht selbst ersetzen', en: 'a recommendation cannot supersede itself' },
  'successor-unknown': { de: 'Die Nachfolgerin ist nicht bekannt', en: 'the successor is unknown' },
  'successor-invalid': { de: 'Die Nachfolgerin ist kein gültiger Datensatz', en: 'the successor is not a valid record' },
  'successor-not-published': { de: 'Die Nachfolgerin ist nicht veröffentlicht', en: 'the successor is not published' },
  'successor-does-not-supersede': { de: 'Die Nachfolgerin nennt diese Empfehlung nicht in „supersedes“', en: 'the successor does not name this recommendation in "supersedes"' },
  'adoption-before-publication': { de: 'Die Einführung liegt vor der Veröffentlichung', en: 'the adoption lies before publication' },
  'adoption-duplicate': { de: 'Diese Gebietskörperschaft hat die Empfehlung bereits mit diesem Instrument eingeführt', en: 'this jurisdiction already adopted the recommendation with this instrument' },
  'result-invalid': { de: 'Das Ergebnis verletzt eine Invariante des Datensatzes', en: 'the result violates an invariant of the record' },
} as const satisfies Record<string, Required<LocalizedText>>;
/** Name of a lifecycle guard. @example const g: LifecycleGuard = 'license-missing'; */
export type LifecycleGuard = keyof typeof lifecycleGuards;

/**
 * A transition was refused: `guard` names the failed guard, `from` the state and `event` the
 * event type; `issues` lists validation problems for `invalid-record`, `invalid-event` and
 * `result-invalid`.
 *
 * @example
 * const r = transition(draft, { type: 'publish' }, { now });
 * if (!r.ok) console.log(r.error.guard); // 'not-allowed-in-state'
 */
export class LifecycleError extends RecommendationsError {
  override readonly name = 'LifecycleError';
  /** The guard that refused. */
  readonly guard: LifecycleGuard;
  /** State the record was in (undefined when the record itself was unreadable). */
  readonly from: RecommendationState | undefined;
  /** Type of the refused event (undefined when the event was unreadable). */
  readonly event: string | undefined;
  /** Validation problems, if any. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    guard: LifecycleGuard,
    from: RecommendationState | undefined,
    event: string | undefined,
    detail?: Required<LocalizedText>,
    issues: readonly ValidationIssue[] = [],
  ) {
    const base = lifecycleGuards[guard];
    const where = `${from ?? '?'} → ${event ?? '?'}`;
    super('lifecycle-guard', {
      de: `${base.de} (${where}${detail ? `: ${detail.de}` : ''})`,
      en: `${base.en} (${where}${detail ? `: ${detail.en}` : ''})`,
    });
    this.guard = guard;
    this.from = from;
    this.event = event;
    this.issues = issues;
  }
}

/** Outcome of a transition. @example const r: TransitionResult = transition(rec, { type: 'publish' }, { now }); */
export type TransitionResult = { readonly ok: true; readonly record: Recommendation } | { readonly ok: false; readonly error: LifecycleError };

/**
 * Which events each state accepts (withdrawn accepts none).
 *
 * @example
 * allowedEvents.draft.includes('open-consultation'); // true
 */
export const allowedEvents = {
  draft: ['revise', 'open-consultation', 'adopt', 'withdraw'],
  consultation: ['close-consultation', 'adopt', 'withdraw'],
  adopted: ['publish', 'withdraw'],
  published: ['supersede', 'record-adoption', 'withdraw'],
  superseded: ['withdraw'],
  withdrawn: [],
} as const satisfies Record<RecommendationState, readonly LifecycleEventType[]>;

const hex64 = /^[0-9a-f]{64}$/;

/**
 * Move a recommendation through its lifecycle. Pure: returns a new record (the input is never
 * changed) or a {@link LifecycleError} naming the guard that refused. Every successful transition
 * sets `modified` to `context.now`.
 *
 * Guards: adoption needs a passing, quorate decision that is not in the future and, during a
 * consultation, a closed consultation; publication needs a licence and a main document with a
 * SHA-256 checksum; superseding needs a published successor that names this record in
 * `supersedes`; a withdrawn record never comes back.
 *
 * @example
 * const result = transition(record, { type: 'publish' }, { now: '2027-05-02T08:00:00Z' });
 * if (result.ok) save(result.record); else console.error(result.error.messages.de);
 */
export function transition(record: Recommendation, event: LifecycleEvent, context: LifecycleContext): TransitionResult {
  const fail = (
    guard: LifecycleGuard,
    from: RecommendationState | undefined,
    type: string | undefined,
    detail?: Required<LocalizedText>,
    issues?: readonly ValidationIssue[],
  ): TransitionResult => ({ ok: false, error: new LifecycleError(guard, from, type, detail, issues) });

  const checkedRecord = validate('Recommendation', record);
  let eventType: string | undefined;
  try {
    const type: unknown = (event as { type?: unknown } | null)?.type;
    eventType = typeof type === 'string' ? type : undefined;
  } catch {
    eventType = undefined;
  }
  if (!checkedRecord.success) return fail('invalid-record', undefined, eventType, undefined, checkedRecord.error.issues);
  const current = checkedRecord.data;
  const from = current.status.state;
  let checkedEvent: ReturnType<typeof lifecycleEventSchema.safeParse>;
  try {
    checkedEvent = lifecycleEventSchema.safeParse(event, { reportInput: true });
  } catch {
    return fail('invalid-event', from, undefined);
  }
  if (!checkedEvent.success) {
    return fail('invalid-event', from, eventType, undefined, toIssues(checkedEvent.error.issues));
  }
  const e = checkedEvent.data;
  if (from === 'withdrawn') return fail('withdrawn-is-final', from, e.type);
  if (!isoDateTimeSchema.safeParse(context.now).success) return fail('invalid-time', from, e.type);
  const now = Date.parse(context.now);
  if (now < Date.parse(current.modified)) return fail('clock-went-backwards', from, e.type);
  if (!(allowedEvents[from] as readonly string[]).includes(e.type)) return fail('not-allowed-in-state', from, e.type);
  const today = context.now.slice(0, 10);
  const base = { ...current, modified: context.now };
  let next: Recommendation;

  switch (e.type) {
    case 'revise':
      next = { ...base, ...(e.changes as Partial<Recommendation>) };
      break;
    case 'open-consultation': {
      if (Date.parse(e.closes) <= Date.parse(e.opens)) return fail('consultation-window-invalid', from, e.type);
      next = {
        ...base,
        status: { state: 'consultation', opens: e.opens, closes: e.closes, ...(e.consultation ? { consultation: e.consultation } : {}) },
      };
      break;
    }
    case 'close-consultation': {
      if (current.status.state === 'consultation' && now < Date.parse(current.status.closes)) {
        return fail('consultation-still-open', from, e.type, { de: `endet ${current.status.closes}`, en: `closes ${current.status.closes}` });
      }
      next = { ...base, status: { state: 'draft' } };
      break;
    }
    case 'adopt': {
      if (e.decision.result.result !== 'pass' || !e.decision.result.quorate) {
        return fail('decision-not-passed', from, e.type, { de: `Ergebnis ${e.decision.result.result}`, en: `result ${e.decision.result.result}` });
      }
      if (e.decision.date > today) return fail('decision-in-future', from, e.type);
      if (current.status.state === 'consultation' && Date.parse(current.status.closes) > now) {
        return fail('consultation-still-open', from, e.type, { de: `endet ${current.status.closes}`, en: `closes ${current.status.closes}` });
      }
      next = { ...base, decision: e.decision, status: { state: 'adopted', date: e.decision.date, decision: e.decision.id } };
      break;
    }
    case 'publish': {
      if (current.license === undefined) return fail('license-missing', from, e.type);
      if (!current.attachments.some((a) => a.role === 'main' && hex64.test(a.sha256))) {
        return fail('main-attachment-missing', from, e.type);
      }
      next = { ...base, issued: current.issued ?? today, status: { state: 'published', date: today } };
      break;
    }
    case 'supersede': {
      if (e.by === current.id) return fail('successor-is-self', from, e.type);
      let found: unknown;
      try {
        found = context.find?.(e.by);
      } catch {
        found = undefined;
      }
      if (found === undefined) return fail('successor-unknown', from, e.type, { de: e.by, en: e.by });
      const checkedSuccessor = validate('Recommendation', found);
      if (!checkedSuccessor.success) return fail('successor-invalid', from, e.type, undefined, checkedSuccessor.error.issues);
      const successor = checkedSuccessor.data;
      if (successor.status.state !== 'published') {
        return fail('successor-not-published', from, e.type, { de: `Status ${successor.status.state}`, en: `state ${successor.status.state}` });
      }
      if (successor.supersedes !== current.id) return fail('successor-does-not-supersede', from, e.type);
      next = { ...base, supersededBy: e.by, status: { state: 'superseded', by: e.by, date: today } };
      break;
    }
    case 'withdraw':
      next = { ...base, status: { state: 'withdrawn', date: today, reason: e.reason } };
      break;
    case 'record-adoption': {
      if (current.status.state === 'published' && e.adoption.date < current.status.date) {
        return fail('adoption-before-publication', from, e.type);
      }
      const duplicate = current.adoptions.some((a) =>
        a.jurisdiction.level === e.adoption.jurisdiction.level
        && a.jurisdiction.name === e.adoption.jurisdiction.name
        && a.instrument === e.adoption.instrument);
      if (duplicate) return fail('adoption-duplicate', from, e.type);
      next = { ...base, adoptions: [...current.adoptions, e.adoption] };
      break;
    }
  }
  const checkedNext = recommendationSchema.safeParse(next);
  if (!checkedNext.success) {
    const result = validate('Recommendation', next);
    return fail('result-invalid', from, e.type, undefined, result.success ? [] : result.error.issues);
  }
  return { ok: true, record: checkedNext.data };
}
