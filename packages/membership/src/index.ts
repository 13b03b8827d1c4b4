export { MembershipError } from './errors.js';
export type { MembershipErrorCode, MembershipErrorOptions, ErrorLocation, ErrorMessages } from './errors.js';
export {
  labels,
  label,
  jurisdictionLevelSchema,
  memberLevelSchema,
  jurisdictionKindSchema,
  organizationClassificationSchema,
  membershipKindSchema,
  membershipRoleSchema,
  motionKindSchema,
  procedureSchema,
  ballotOptionSchema,
  countOptionSchema,
  decisionOutcomeSchema,
} from './vocabulary.js';
export type {
  Language,
  LocalizedText,
  LabelTable,
  JurisdictionLevel,
  MemberLevel,
  JurisdictionKind,
  OrganizationClassification,
  MembershipKind,
  MembershipRole,
  MotionKind,
  Procedure,
  BallotOption,
  CountOption,
  DecisionOutcome,
  ChairLevel,
} from './vocabulary.js';
export {
  states,
  stateCodeSchema,
  stateOfKey,
  agsProblem,
  arsProblem,
  agsOfArs,
  agsSchema,
  arsSchema,
  isoDateSchema,
} from './identifiers.js';
export type { StateCode } from './identifiers.js';
export {
  jurisdictionSchema,
  organizationSchema,
  contactSchema,
  personSchema,
  postSchema,
  membershipSchema,
  validateModel,
} from './model.js';
export type { Jurisdiction, Organization, Contact, Person, Post, Membership, ModelData } from './model.js';
export {
  ratioSchema,
  voteBaseSchema,
  conditionSchema,
  chairHolderSchema,
  chairRotationSchema,
  costSharingSchema,
  rulesOfProcedureSchema,
  motionKindsOf,
} from './rules.js';
export type { Ratio, VoteBase, Condition, ChairHolder, ChairRotation, CostSharing, RulesOfProcedure } from './rules.js';
export { presets, isPresetId } from './presets.js';
export type { PresetId } from './presets.js';
export { koenigsteinerSchluessel } from './koenigstein-data.js';
export type { KoenigsteinTable } from './koenigstein-data.js';
export { koenigsteinTableSchema, koenigsteinTableFor } from './koenigstein.js';
export {
  voterSchema,
  decisionScenarioSchema,
  decisionCountSchema,
  decisionReasonSchema,
  decisionResultSchema,
  resolveRules,
  parseDecisionScenario,
  describeIssue,
} from './scenario.js';
export type {
  Voter,
  DecisionScenario,
  DecisionScenarioInput,
  DecisionCount,
  DecisionReason,
  DecisionResult,
} from './scenario.js';
export { evaluateDecision } from './evaluate.js';
export type { EvaluateOptions } from './evaluate.js';
export { chairFor } from './chair.js';
export { compositionMemberSchema, checkComposition, memberLevelOf, compositionMembersFrom } from './composition.js';
export type {
  CompositionMember,
  CompositionViolationCode,
  CompositionViolation,
  LevelSeats,
  CompositionReport,
} from './composition.js';
export {
  bodyInfoSchema,
  oparlBodySchema,
  oparlOrganizationSchema,
  oparlPersonSchema,
  oparlMembershipSchema,
  toOParl,
  fromOParl,
} from './oparl.js';
export type {
  BodyInfo,
  Timestamps,
  OParlExportInput,
  OParlExport,
  OParlBody,
  OParlOrganization,
  OParlPerson,
  OParlMembership,
  OParlImportInput,
  OParlImport,
} from './oparl.js';
export { toPopolo, toPopoloVoteEvent } from './popolo.js';
export type { PopoloObject, PopoloDecision, PopoloExportInput, PopoloExport } from './popolo.js';
export { costParticipantSchema, shareCosts, formatEuro } from './costs.js';
export type { CostParticipant, CostShareBasis, CostShare, CostShareResult } from './costs.js';
export { membershipJsonSchema, jsonSchemaNames } from './json-schema.js';
export type { JsonSchemaName } from './json-schema.js';
export { checkRules } from './rules-check.js';
export type { RulesFindingCode, RulesFinding } from './rules-check.js';
export { textOf } from '@foederal/core';
export { localizedTextSchema } from '@foederal/core/text-schema';
