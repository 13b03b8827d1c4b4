import type { ContributionState } from '@foederal/recommendations';

/**
 * States of a contribution that carry a disposition.
 *
 * @example
 * const state: AnsweredState = 'partially-accepted';
 */
export type AnsweredState = Extract<ContributionState, 'accepted' | 'partially-accepted' | 'rejected' | 'duplicate'>;

/**
 * Names of the disposition outcomes in German (the type source) and English.
 *
 * @example
 * dispositionLabels.de.rejected; // 'nicht berücksichtigt'
 */
const de = {
  accepted: 'berücksichtigt',
  'partially-accepted': 'teilweise berücksichtigt',
  rejected: 'nicht berücksichtigt',
  duplicate: 'Dublette',
  heading: 'Abwägung',
  reason: 'Begründung',
  duplicateOf: 'Dublette von',
} as const;
const en: { readonly [K in keyof typeof de]: string } = {
  accepted: 'accepted',
  'partially-accepted': 'partially accepted',
  rejected: 'not accepted',
  duplicate: 'duplicate',
  heading: 'Disposition',
  reason: 'Reason',
  duplicateOf: 'Duplicate of',
};
/** Disposition labels, German and English. @example dispositionLabels.en.accepted; // 'accepted' */
export const dispositionLabels = { de, en } as const;

/**
 * The scoped GitLab labels set for each outcome (`abwaegung::…`, so one replaces the other).
 *
 * @example
 * defaultDispositionIssueLabels.accepted; // 'abwaegung::beruecksichtigt'
 */
export const defaultDispositionIssueLabels: { readonly [K in AnsweredState]: string } = {
  accepted: 'abwaegung::beruecksichtigt',
  'partially-accepted': 'abwaegung::teilweise',
  rejected: 'abwaegung::nicht-beruecksichtigt',
  duplicate: 'abwaegung::dublette',
};
