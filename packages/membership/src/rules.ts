import * as z from 'zod/mini';
import { isoDateSchema, stateCodeSchema } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import { memberLevelSchema, motionKindSchema } from './vocabulary.js';
import type { MemberLevel, MotionKind } from './vocabulary.js';

/** A fraction such as 2/3. @example const r: Ratio = { numerator: 2, denominator: 3 }; */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/**
 * A fraction between 0 and 1, e.g. `{ numerator: 2, denominator: 3 }`.
 *
 * @example
 * ratioSchema.parse({ numerator: 1, denominator: 2 });
 */
export const ratioSchema = z
  .object({
    numerator: z.int().check(z.minimum(0)),
    denominator: z.int().check(z.minimum(1)),
  })
  .check(
    z.refine((r) => r.numerator <= r.denominator, {
      error: 'Zähler größer als Nenner / numerator greater than denominator',
      path: ['numerator'],
    }),
  );

/**
 * What a share of yes votes is measured against: all voting members, the voting members present,
 * the ballots cast (yes, no, abstain), or yes and no only (abstentions not counted).
 *
 * @example
 * voteBaseSchema.parse('yesAndNo');
 */
export const voteBaseSchema = z.enum(['members', 'present', 'ballots', 'yesAndNo']);
/** Base of a share. @example const b: VoteBase = 'present'; */
export type VoteBase = z.infer<typeof voteBaseSchema>;

/**
 * A decision or quorum rule as data. Rules compose with `all`, `any`, `atLevel` (restrict to the
 * members of one level) and `forEachLevel` (the same condition in each level). Leaf rules:
 *
 * - `always`: no condition (e.g. no quorum rule).
 * - `presentShare`: voting members present, as a share of all voting members (`strict`: more than).
 * - `presentAtLeast`: at least `count` voting members present.
 * - `yesShare`: yes votes as a share of `of` (see {@link VoteBase}); fails when the base is 0.
 * - `yesAtLeast`: at least `count` yes votes.
 * - `yesVersusNo`: yes > no (`strict`) or yes >= no.
 * - `unanimity`: every vote in `of` is yes (and there is at least one).
 * - `weightedYesShare`: the Länder voting yes hold at least `ratio` of the weights (Königsteiner
 *   Schlüssel), measured against all Länder in the table or only the Länder that are voting members.
 *
 * None of the rules can be turned from pass to fail by an additional yes vote.
 *
 * @example
 * const twoThirdsAndEveryLevel: Condition = {
 *   kind: 'all',
 *   conditions: [
 *     { kind: 'yesShare', of: 'yesAndNo', ratio: { numerator: 2, denominator: 3 }, strict: false },
 *     { kind: 'forEachLevel', levels: ['federal', 'state', 'municipality'], condition: { kind: 'yesAtLeast', count: 1 } },
 *   ],
 * };
 */
export type Condition =
  | { kind: 'always' }
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'atLevel'; level: MemberLevel; condition: Condition }
  | { kind: 'forEachLevel'; levels: MemberLevel[]; condition: Condition }
  | { kind: 'presentShare'; ratio: Ratio; strict: boolean }
  | { kind: 'presentAtLeast'; count: number }
  | { kind: 'yesShare'; of: VoteBase; ratio: Ratio; strict: boolean }
  | { kind: 'yesAtLeast'; count: number }
  | { kind: 'yesVersusNo'; strict: boolean }
  | { kind: 'unanimity'; of: VoteBase }
  | { kind: 'weightedYesShare'; weights: 'koenigstein'; of: 'table' | 'members'; ratio: Ratio; strict: boolean };

const countSchema = z.int().check(z.minimum(0), z.maximum(100_000));

/**
 * Schema of a {@link Condition}: validates user-supplied rules, with JSON paths in the errors.
 *
 * @example
 * conditionSchema.parse({ kind: 'yesShare', of: 'yesAndNo', ratio: { numerator: 2, denominator: 3 }, strict: false });
 */
export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('always') }),
    z.strictObject({ kind: z.literal('all'), conditions: z.array(conditionSchema).check(z.minLength(1)) }),
    z.strictObject({ kind: z.literal('any'), conditions: z.array(conditionSchema).check(z.minLength(1)) }),
    z.strictObject({ kind: z.literal('atLevel'), level: memberLevelSchema, condition: conditionSchema }),
    z.strictObject({
      kind: z.literal('forEachLevel'),
      levels: z.array(memberLevelSchema).check(z.minLength(1)),
      condition: conditionSchema,
    }),
    z.strictObject({ kind: z.literal('presentShare'), ratio: ratioSchema, strict: z.boolean() }),
    z.strictObject({ kind: z.literal('presentAtLeast'), count: countSchema }),
    z.strictObject({ kind: z.literal('yesShare'), of: voteBaseSchema, ratio: ratioSchema, strict: z.boolean() }),
    z.strictObject({ kind: z.literal('yesAtLeast'), count: countSchema }),
    z.strictObject({ kind: z.literal('yesVersusNo'), strict: z.boolean() }),
    z.strictObject({ kind: z.literal('unanimity'), of: voteBaseSchema }),
    z.strictObject({
      kind: z.literal('weightedYesShare'),
      weights: z.literal('koenigstein'),
      of: z.enum(['table', 'members']),
      ratio: ratioSchema,
      strict: z.boolean(),
    }),
  ]),
);

const bilingualSchema = z.object({ de: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

/**
 * Who holds the chair in one period: a level, or a Land by its ISO 3166-2 code.
 *
 * @example
 * chairHolderSchema.parse('DE-MV');
 */
export const chairHolderSchema = z.union([z.enum(['federal', 'state', 'municipality']), stateCodeSchema]);
/** Chair holder. @example const c: ChairHolder = 'federal'; */
export type ChairHolder = 'federal' | 'state' | 'municipality' | StateCode;

/**
 * Chair rotation: `sequence[startIndex]` holds the chair from `start` for `periodYears` years,
 * then the next entry, cycling. Dates before `start` count backwards through the sequence.
 *
 * @example
 * chairRotationSchema.parse({ start: '2026-01-01', periodYears: 2, sequence: ['federal', 'state', 'municipality'], startIndex: 0 });
 */
export const chairRotationSchema = z
  .strictObject({
    start: isoDateSchema,
    periodYears: z.int().check(z.minimum(1), z.maximum(100)),
    sequence: z.array(chairHolderSchema).check(z.minLength(1), z.maxLength(1000)),
    startIndex: z.int().check(z.minimum(0)),
  })
  .check(
    z.refine((r) => r.startIndex < r.sequence.length, {
      error: 'startIndex liegt außerhalb der Reihenfolge / startIndex is outside the sequence',
      path: ['startIndex'],
    }),
  );
/** Chair rotation. @example const r: ChairRotation = chairRotationSchema.parse(json); */
export type ChairRotation = z.infer<typeof chairRotationSchema>;

const seatRangeSchema = z.strictObject({ min: z.optional(countSchema), max: z.optional(countSchema) });

/**
 * Fixed cost shares for joint projects, in basis points (1/100 of a percent) of the total:
 * for the Bund and for Kommunen or umbrella associations (by member id). The Länder share the rest.
 *
 * @example
 * costSharingSchema.parse({ federalBasisPoints: 5000, laender: 'participants' });
 */
export const costSharingSchema = z.strictObject({
  /** Share of the Bund in basis points (0-10000). */
  federalBasisPoints: z.int().check(z.minimum(0), z.maximum(10_000)),
  /** Fixed shares of named non-Land participants (Kommunen, umbrella associations), in basis points. */
  fixedBasisPoints: z.optional(z.record(z.string().check(z.minLength(1)), z.int().check(z.minimum(0), z.maximum(10_000)))),
  /**
   * `participants`: the rest after the Bund and the fixed shares is split among the participating
   * Länder only, by their keys renormalised to 100 %; `all`: the project is financed by all Länder
   * in the key table, each by its key, whether or not it is listed as a participant.
   */
  laender: z.enum(['participants', 'all']),
}).check(
  z.refine((c) => c.federalBasisPoints + Object.values(c.fixedBasisPoints ?? {}).reduce((a, b) => a + b, 0) <= 10_000, {
    error: 'Bund und feste Anteile zusammen über 100 % / federal and fixed shares exceed 100 %',
    path: ['fixedBasisPoints'],
  }),
);
/** Cost-sharing rule. @example const c: CostSharing = { federalBasisPoints: 0, laender: 'participants' }; */
export type CostSharing = z.infer<typeof costSharingSchema>;

/**
 * Rules of procedure (Geschäftsordnung) as data: who may vote, seat limits, quorum, the decision
 * rule per motion kind, the written procedure, chair rotation and cost sharing.
 *
 * @example
 * const rules = rulesOfProcedureSchema.parse(JSON.parse(text));
 */
export const rulesOfProcedureSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: bilingualSchema,
  /** Where the rules come from (a Geschäftsordnung, a treaty, our proposal). */
  source: z.optional(z.strictObject({ de: z.string(), en: z.string(), url: z.optional(z.url()) })),
  /** Levels whose members may hold a vote; everyone else is advisory. */
  votingLevels: z.array(memberLevelSchema).check(z.minLength(1)),
  seats: z.optional(
    z.strictObject({
      /** At most this many voting seats per Land. */
      votingPerState: z.optional(countSchema),
      /** Minimum and maximum number of voting seats per level. */
      votingPerLevel: z.optional(z.partialRecord(memberLevelSchema, seatRangeSchema)),
    }),
  ),
  quorum: conditionSchema,
  /** The decision rule for each motion kind the body decides on. */
  motions: z.partialRecord(
    motionKindSchema,
    z.strictObject({ rule: conditionSchema, description: z.optional(bilingualSchema) }),
  ),
  /** Written procedure (Umlaufverfahren): passes at the deadline unless a voting member objects. */
  writtenProcedure: z.optional(
    z.strictObject({
      objection: z.literal('any-voting-member'),
      motionKinds: z.optional(z.array(motionKindSchema)),
    }),
  ),
  chairRotation: z.optional(chairRotationSchema),
  costSharing: z.optional(costSharingSchema),
});
/** Rules of procedure. @example const r: RulesOfProcedure = presets['amev-style-working-group']; */
export type RulesOfProcedure = z.infer<typeof rulesOfProcedureSchema>;

/** Motion kinds a set of rules decides on. @example motionKindsOf(presets['it-planungsrat']); */
export function motionKindsOf(rules: RulesOfProcedure): MotionKind[] {
  return motionKindSchema.options.filter((k) => rules.motions[k] !== undefined);
}
