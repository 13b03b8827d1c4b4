import type { DecisionResult, DecisionScenario } from '@foederal/membership';
import type { Decision, LocalizedText } from '@foederal/recommendations';

// A leaf module (no import of the repository): the table-to-type map of the db layer
// (`src/db/documents.ts`) names this type without an import cycle (ADR 0170).

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
