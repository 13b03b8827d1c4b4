import data from '../data/din276-cost-groups.json' with { type: 'json' };
import { createVocabulary, type Vocabulary } from './vocabulary.js';

/**
 * DIN 276:2018-12 cost groups (Kostengruppen) in three levels: 100-800, their second level and,
 * for 300 and 400, the third level. Entries whose label was not checked against the standard
 * carry `verified: false`; `info.verification` says what was checked.
 *
 * @example
 * ```ts
 * din276CostGroups.label('de', '400'); // 'Bauwerk – Technische Anlagen'
 * din276CostGroups.ancestors('481').map((g) => g.code); // ['480', '400']
 * ```
 */
export const din276CostGroups: Vocabulary = /* @__PURE__ */ createVocabulary(data);
