import data from '../data/din277-usage-categories.json' with { type: 'json' };
import type { Din277AreaKey } from '../physical/areas.js';
import { createVocabulary, type Vocabulary, type VocabularyEntry } from './vocabulary.js';

/**
 * A DIN 277 usage group (`'1'`-`'9'`) or usage type (`'5.2'`) with the area field it counts to.
 *
 * @example
 * ```ts
 * const c: Din277UsageCategory = din277UsageCategories.require('9.1'); // c.area === 'vf'
 * ```
 */
export type Din277UsageCategory = VocabularyEntry & { area: Din277AreaKey };

/**
 * DIN 277:2021 usage categories: groups 1-7 (NUF 1-7), 8 (TF), 9 (VF) and their usage types.
 * Each entry names the area field (`nuf5`, `tf`, …) a space of that category counts to.
 * Loaded from `src/data/din277-usage-categories.json` (source and edition in `info`).
 *
 * @example
 * ```ts
 * din277UsageCategories.label('de', '5'); // 'Bildung, Unterricht und Kultur'
 * din277UsageCategories.require('5.2').area; // 'nuf5'
 * ```
 */
export const din277UsageCategories: Vocabulary<Din277UsageCategory> =
  /* @__PURE__ */ createVocabulary<Din277UsageCategory>(data);
