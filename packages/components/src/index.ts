// Root entry: classes, locale tables and helpers, without registering any element. Register
// elements by importing their entry (`@foederal/components/recommendation-list`) or
// `@foederal/components/all`, or with `customElements.define` under a name of your choice.
export { FoederalRecommendationList } from './elements/recommendation-list.js';
export { FoederalRecommendation } from './elements/recommendation.js';
export { FoederalConsultationForm } from './elements/consultation-form.js';
export type { ContributionSubmitter } from './elements/consultation-form.js';
export { FoederalContributions } from './elements/contributions.js';
export { FoederalRoster, compositionOf } from './elements/roster.js';
export { FoederalVoteResult, countTable } from './elements/vote-result.js';
export type { CountTable } from './elements/vote-result.js';
export { ComponentsError } from './errors.js';
export type { ComponentsErrorCode, ErrorLocation, ErrorMessages } from './errors.js';
export { de, en, messages, translate, languageOf } from './locales/index.js';
export type { Language, MessageKey, Messages } from './locales/index.js';
export { intlLocale, formatDate, formatNumber, formatBytes } from './format.js';
export { filterRecommendations } from './shared.js';
export { validateContribution, toSubmission, consultationOpen, textLimits, nameMaxLength, generalAnchor } from './validate.js';
export type { ContributionInput, FieldError } from './validate.js';
export { registrySource, sourceFromClient } from './registry-source.js';
export type { RegistrySource, RecommendationQuery } from './source.js';
export type {
  Attachment,
  Consultation,
  Contribution,
  Decision,
  DecisionResult,
  LocalizedText,
  Recommendation,
  RecommendationState,
  Roster,
  VoteResult,
} from './types.js';
