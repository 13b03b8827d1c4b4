export {
  localizedTextSchema,
  slugSchema,
  isoDateSchema,
  isoDateTimeSchema,
  httpUrlSchema,
  administrativeLevelSchema,
  jurisdictionRefSchema,
  personSchema,
  licenseIdSchema,
  licenseIris,
  licenseSchema,
  licenseFor,
  attachmentRoleSchema,
  attachmentSchema,
  publisherSchema,
  dataThemeSchema,
} from './common-schemas.js';
export type {
  LocalizedText,
  AdministrativeLevel,
  JurisdictionRef,
  Person,
  LicenseId,
  License,
  AttachmentRole,
  Attachment,
  Publisher,
  DataTheme,
} from './common-schemas.js';
export { decisionSchema } from './decision.js';
export type { Decision } from './decision.js';
export {
  referenceSchema,
  workingGroupSchema,
  adoptionInstrumentSchema,
  adoptionSchema,
  recommendationStatusSchema,
  recommendationSchema,
} from './recommendation-schema.js';
export type {
  Reference,
  WorkingGroup,
  AdoptionInstrument,
  Adoption,
  RecommendationStatus,
  RecommendationState,
  Recommendation,
} from './recommendation-schema.js';
export {
  contributionAuthorSchema,
  anchorSchema,
  contributionStateSchema,
  answeredStates,
  dispositionSchema,
  contributionSchema,
  contributionContactSchema,
  contributionConsentSchema,
  draftSectionSchema,
  consultationSchema,
} from './consultation-schema.js';
export type {
  ContributionAuthor,
  Anchor,
  ContributionState,
  Disposition,
  Contribution,
  ContributionContact,
  ContributionConsent,
  DraftSection,
  Consultation,
} from './consultation-schema.js';
export {
  pilotSubjectSchema,
  pilotParticipantSchema,
  pilotStatusSchema,
  pilotSchema,
  experienceReportStatusSchema,
  experienceReportSchema,
} from './pilot-schema.js';
export type {
  PilotSubject,
  PilotParticipant,
  PilotStatus,
  Pilot,
  ExperienceReportStatus,
  ExperienceReport,
} from './pilot-schema.js';
export { catalogueSchema } from './catalogue-schema.js';
export type { Catalogue } from './catalogue-schema.js';
export { RecommendationsError, ValidationError } from './errors.js';
export type { RecommendationsErrorCode, ValidationIssue, ErrorLocation, ErrorMessages } from './errors.js';
export {
  recordSchemas,
  toJsonPath,
  validate,
  parse,
  validateJson,
  validateRecommendation,
  parseRecommendation,
  validateCatalogue,
  parseCatalogue,
} from './validate.js';
export type { RecordKind, RecordOf, ValidationResult } from './validate.js';
export {
  revisionSchema,
  lifecycleEventSchema,
  lifecycleGuards,
  LifecycleError,
  allowedEvents,
  transition,
} from './lifecycle.js';
export type {
  Revision,
  LifecycleEvent,
  LifecycleEventType,
  LifecycleContext,
  LifecycleGuard,
  TransitionResult,
} from './lifecycle.js';
export { politicalGeocodingIri, dcatTriples, toDcatTurtle, toDcatJsonLd } from './dcat.js';
export type { DcatOptions } from './dcat.js';
export type { Term, Triple, JsonLdDocument } from './rdf.js';
export { jsonSchemaFiles, jsonSchemaFor, jsonSchemaDocuments } from './json-schemas.js';
export type { JsonSchemaKind } from './json-schemas.js';
export { germanLabels, labels, label, formatDate, formatEuro, formatNumber, isLanguage, textOf } from './labels.js';
export type { LabelKey, Language } from './labels.js';
export { synopsisTable, synopsisCsv, synopsisMarkdown } from './synopsis.js';
export { publicContribution, erasePersonalData } from './contribution-privacy.js';
export type { SynopsisRow, SynopsisColumn, SynopsisTable, SynopsisOptions, SynopsisCsvOptions } from './synopsis.js';
export { toAtom, toJsonFeed } from './feeds.js';
export type { FeedOptions, JsonFeed, JsonFeedItem } from './feeds.js';
export { licenseNames, citation } from './citation.js';
export type { CitationOptions } from './citation.js';
export { toCreativeWork } from './creative-work.js';
export type { CreativeWorkOptions } from './creative-work.js';
export {
  contributionEventSchema,
  contributionGuards,
  ContributionWorkflowError,
  transitionContribution,
} from './contribution-workflow.js';
export type { ContributionEvent, ContributionGuard, ContributionTransitionResult } from './contribution-workflow.js';
export { findPilots } from './pilots.js';
export type { PilotFilter } from './pilots.js';
export { editionName, editionChain } from './editions.js';
