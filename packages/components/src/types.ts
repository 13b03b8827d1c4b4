/**
 * The data the elements render: the records of `@foederal/recommendations` and
 * `@foederal/membership`, as the registry API returns them.
 */
import type {
  Attachment,
  Consultation,
  Contribution,
  Decision,
  LocalizedText,
  Recommendation,
  RecommendationState,
} from '@foederal/recommendations';
import type {
  DecisionResult,
  Jurisdiction,
  Membership,
  Person,
  PresetId,
  RulesOfProcedure,
} from '@foederal/membership';

export type {
  Attachment,
  Consultation,
  Contribution,
  Decision,
  DecisionResult,
  LocalizedText,
  Recommendation,
  RecommendationState,
};

/**
 * The members of a body, in the normalised form of `@foederal/membership`.
 *
 * @example
 * roster.roster = { rules: 'amev-style-working-group', jurisdictions, people, memberships } satisfies Roster;
 */
export interface Roster {
  /** Name of the body, shown as the heading. */
  readonly name?: LocalizedText | undefined;
  /** Rules of procedure for the seat balance (a preset id or the rules; default `amev-style-working-group`). */
  readonly rules?: PresetId | RulesOfProcedure | undefined;
  readonly jurisdictions: readonly Jurisdiction[];
  readonly people: readonly Person[];
  readonly memberships: readonly Membership[];
}

/**
 * A vote result as `<foederal-vote-result>` shows it: membership's `DecisionResult`, or the
 * result stored in a recommendation's `Decision`.
 *
 * @example
 * vote.result = evaluateDecision(scenario) satisfies VoteResult;
 */
export interface VoteResult {
  readonly result: 'pass' | 'fail' | 'pending';
  readonly quorate: boolean;
  readonly counts: readonly {
    readonly option: string;
    readonly value: number;
    readonly group?: string | { readonly id: string; readonly name?: string } | undefined;
  }[];
  readonly reasons: readonly unknown[];
}
