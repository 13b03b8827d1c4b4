import { labels as membershipLabels } from '@foederal/membership';
import { labels as recommendationLabels, type LabelKey as RecommendationLabelKey } from '@foederal/recommendations';
import type { Bilingual } from './forms/fields.js';
import type { Language } from './i18n.js';

type FamilyOf<K> = K extends `${infer Family}.${string}` ? Family : never;

/**
 * A family of enum labels in `@foederal/recommendations`: `state` (recommendation lifecycle),
 * `contribution` (dispositions), `pilot`, `report`, `role` (attachment roles), `level` …
 */
export type RecommendationLabelFamily = FamilyOf<RecommendationLabelKey>;

/** A group of enum labels in `@foederal/membership` (`memberLevel`, `membershipRole`, `ballotOption` …). */
export type MembershipLabelGroup = keyof typeof membershipLabels.de;

/**
 * The label of an enum value from the table of `@foederal/recommendations` (key
 * `<family>.<value>`), falling back to the raw value for one the table does not know.
 *
 * @example
 * recommendationLabel('en', 'state', 'superseded'); // 'Superseded'
 */
export function recommendationLabel(language: Language, family: RecommendationLabelFamily, value: string): string {
  const table: Readonly<Record<string, string>> = recommendationLabels[language];
  return table[`${family}.${value}`] ?? value;
}

/** Both languages of a `@foederal/recommendations` label, for select options. */
export function recommendationBilingual(family: RecommendationLabelFamily, value: string): Bilingual {
  return { de: recommendationLabel('de', family, value), en: recommendationLabel('en', family, value) };
}

/**
 * The label of an enum value from the tables of `@foederal/membership`, falling back to the raw
 * value.
 *
 * @example
 * memberLabel('de', 'membershipKind', 'advisory'); // 'beratend'
 */
export function memberLabel(language: Language, group: MembershipLabelGroup, value: string): string {
  const table: Readonly<Record<string, string>> = membershipLabels[language][group];
  return table[value] ?? value;
}

/** Both languages of a `@foederal/membership` label, for select options. */
export function memberBilingual(group: MembershipLabelGroup, value: string): Bilingual {
  return { de: memberLabel('de', group, value), en: memberLabel('en', group, value) };
}
