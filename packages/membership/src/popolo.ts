import { MembershipError, requireObject } from './errors.js';
import { validateModel } from './model.js';
import type { Jurisdiction, Membership, Organization, Person, Post } from './model.js';
import type { RulesOfProcedure } from './rules.js';
import { decisionResultSchema, errorFromZod } from './scenario.js';
import type { DecisionResult } from './scenario.js';
import { labels } from './vocabulary.js';
import type { MotionKind, Procedure } from './vocabulary.js';

/** A Popolo object: plain JSON with Popolo field names. @example const o: PopoloObject = { id: 'x', name: 'X' }; */
export type PopoloObject = Record<string, unknown>;

/** One decision to export as a Popolo Motion and VoteEvent. @example const d: PopoloDecision = { id: '2027/3', organizationId: 'plenum', date: '2027-02-10', motion: { kind: 'recommendation', text: 'Gebäudedaten 2027' }, result }; */
export interface PopoloDecision {
  /** Id of the vote event, e.g. `2027/3`. */
  readonly id: string;
  /** The organ that voted. */
  readonly organizationId: string;
  /** The day of the decision (`YYYY-MM-DD`). */
  readonly date: string;
  readonly motion: { readonly id?: string; readonly kind: MotionKind; readonly text: string };
  readonly procedure?: Procedure;
  /** The result from {@link evaluateDecision}. */
  readonly result: DecisionResult;
  /** The rules, to state the motion's requirement. */
  readonly rules?: RulesOfProcedure;
}

/** Everything {@link toPopolo} exports. @example const input: PopoloExportInput = { organizations, persons, memberships }; */
export interface PopoloExportInput {
  readonly jurisdictions?: readonly Jurisdiction[];
  readonly organizations: readonly Organization[];
  readonly persons: readonly Person[];
  readonly posts?: readonly Post[];
  readonly memberships: readonly Membership[];
  readonly decisions?: readonly PopoloDecision[];
  /** Export contact details of persons (default: false, never exported). */
  readonly includeContact?: boolean;
}

/** Result of {@link toPopolo}, one array per Popolo class. @example const { vote_events } = toPopolo(input); */
export interface PopoloExport {
  readonly organizations: PopoloObject[];
  readonly persons: PopoloObject[];
  readonly memberships: PopoloObject[];
  readonly posts: PopoloObject[];
  readonly motions: PopoloObject[];
  readonly vote_events: PopoloObject[];
}

function compact(value: PopoloObject): PopoloObject {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/**
 * A decision as a Popolo VoteEvent: `counts` (option, value, group per level), `group_results`
 * (per level: `pass` when yes > no, `fail` when no > yes, `tie` otherwise) and the overall
 * `result` (`pass`, `fail` or `pending`).
 *
 * @example
 * const event = toPopoloVoteEvent({ id: '2027/3', organizationId: 'plenum', date: '2027-02-10', motion: { kind: 'procedural', text: 'Vertagung' }, result: evaluateDecision(scenario) });
 * event.counts; // [{ option: 'yes', value: 6 }, …]
 */
export function toPopoloVoteEvent(decision: PopoloDecision): PopoloObject {
  requireObject(decision, 'toPopoloVoteEvent');
  const parsed = decisionResultSchema.safeParse(decision.result);
  if (!parsed.success) throw errorFromZod(parsed.error, 'invalid-input', ['result']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.date)) {
    throw new MembershipError('invalid-popolo', `Datum ${JSON.stringify(decision.date)} ist kein JJJJ-MM-TT / date is not YYYY-MM-DD`, { path: ['date'] });
  }
  const groups = new Map<string, { name: string; yes: number; no: number }>();
  for (const c of decision.result.counts) {
    if (!c.group) continue;
    const g = groups.get(c.group.id) ?? { name: c.group.name, yes: 0, no: 0 };
    if (c.option === 'yes') g.yes += c.value;
    if (c.option === 'no') g.no += c.value;
    groups.set(c.group.id, g);
  }
  return compact({
    id: decision.id,
    organization_id: decision.organizationId,
    motion_id: decision.motion.id ?? `${decision.id}/motion`,
    classification: decision.procedure ?? 'meeting',
    start_date: `${decision.date}T00:00:00Z`,
    result: decision.result.result,
    counts: decision.result.counts.map((c) =>
      c.group === undefined ? { option: c.option, value: c.value } : { option: c.option, value: c.value, group: { id: c.group.id, name: c.group.name } },
    ),
    group_results: [...groups].map(([id, g]) => ({
      group: { id, name: g.name },
      result: g.yes > g.no ? 'pass' : g.no > g.yes ? 'fail' : 'tie',
    })),
  });
}

/**
 * Export a body to Popolo: Organizations (organs and jurisdictions), Persons, Memberships
 * (`on_behalf_of_id`, `post_id`), Posts (seats, `area_id` = the jurisdiction the seat is allocated
 * to), Motions and VoteEvents. Contact details are left out unless `includeContact` is true.
 *
 * @example
 * const popolo = toPopolo({ organizations, persons, memberships, posts, jurisdictions, decisions });
 * popolo.vote_events[0]?.group_results;
 */
export function toPopolo(input: PopoloExportInput): PopoloExport {
  requireObject(input, 'toPopolo');
  validateModel(input);
  const organizations: PopoloObject[] = [
    ...input.organizations.map((o) =>
      compact({
        id: o.id,
        name: o.name.de,
        other_names: [
          ...(o.name.en === undefined ? [] : [{ name: o.name.en, note: 'en' }]),
          ...(o.shortName === undefined ? [] : [{ name: o.shortName, note: 'short name' }]),
        ],
        classification: o.classification,
        parent_id: o.parentId,
        founding_date: o.startDate,
        dissolution_date: o.endDate,
        links: o.web === undefined ? [] : [{ url: o.web, note: 'website' }],
      }),
    ),
    ...(input.jurisdictions ?? []).map((j) =>
      compact({
        id: j.id,
        name: j.name.de,
        other_names: j.name.en === undefined ? [] : [{ name: j.name.en, note: 'en' }],
        classification: j.level === undefined ? j.kind : `${j.kind}:${j.level}`,
        parent_id: j.parentId,
        identifiers: [
          ...(j.state === undefined ? [] : [{ identifier: j.state, scheme: 'ISO 3166-2' }]),
          ...(j.ags === undefined ? [] : [{ identifier: j.ags, scheme: 'AGS' }]),
          ...(j.ars === undefined ? [] : [{ identifier: j.ars, scheme: 'ARS' }]),
        ],
        links: j.web === undefined ? [] : [{ url: j.web, note: 'website' }],
      }),
    ),
  ];
  const persons = input.persons.map((p) =>
    compact({
      id: p.id,
      name: p.name,
      family_name: p.familyName,
      given_name: p.givenName,
      honorific_prefix: p.honorificPrefix,
      contact_details: input.includeContact
        ? [
            ...(p.contact?.email === undefined ? [] : [{ type: 'email', value: p.contact.email }]),
            ...(p.contact?.phone === undefined ? [] : [{ type: 'voice', value: p.contact.phone }]),
            ...(p.contact?.address === undefined ? [] : [{ type: 'address', value: p.contact.address }]),
          ]
        : [],
    }),
  );
  const memberships = input.memberships.map((m) =>
    compact({
      id: m.id,
      label: labels.de.membershipKind[m.kind],
      role: labels.de.membershipRole[m.role ?? 'member'],
      person_id: m.personId,
      organization_id: m.organizationId,
      post_id: m.postId,
      on_behalf_of_id: m.onBehalfOf,
      start_date: m.startDate,
      end_date: m.endDate,
    }),
  );
  const posts = (input.posts ?? []).map((p) =>
    compact({
      id: p.id,
      label: p.label.de,
      other_label: p.label.en === undefined ? [] : [p.label.en],
      role: labels.de.membershipKind[p.kind],
      organization_id: p.organizationId,
      area_id: p.jurisdictionId,
      start_date: p.startDate,
      end_date: p.endDate,
    }),
  );
  const decisions = input.decisions ?? [];
  const motions = decisions.map((d) =>
    compact({
      id: d.motion.id ?? `${d.id}/motion`,
      organization_id: d.organizationId,
      text: d.motion.text,
      classification: d.motion.kind,
      requirement: d.rules?.motions[d.motion.kind]?.description?.de,
      date: `${d.date}T00:00:00Z`,
      result: d.result.result,
    }),
  );
  return { organizations, persons, memberships, posts, motions, vote_events: decisions.map(toPopoloVoteEvent) };
}
