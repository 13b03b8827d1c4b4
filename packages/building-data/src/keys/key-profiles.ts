import bactwin from '../data/key-profiles/bactwin-bas-inspired.json' with { type: 'json' };
import generic from '../data/key-profiles/generic-aks.json' with { type: 'json' };
import { createKeyGrammar, type KeyGrammar } from './key-grammar.js';

/**
 * A neutral AKS profile: `site.building.floor[-room]_trade.system.component.function`,
 * e.g. `L01.G1.E02-R012_HZG.WE01.PU01.BM`. The data (segments, separators, lengths) is in
 * `src/data/key-profiles/generic-aks.json`; copy and change it for your own key.
 *
 * @example
 * ```ts
 * genericAksProfile.parse('L01.G1.E02-R012_HZG.WE01.PU01.BM').trade; // 'HZG'
 * ```
 */
export const genericAksProfile: KeyGrammar = /* @__PURE__ */ createKeyGrammar(generic);

/**
 * A BAS profile modelled on the public description of the AMEV BACtwin-BAS (recommendation
 * no. 174): location part, then trade, system, assembly, medium, aggregate, equipment, function.
 * Separators and lengths are assumptions listed in `data.assumptions`; it is not the BACtwin-BAS.
 *
 * @example
 * ```ts
 * bactwinInspiredProfile.parse('L1.G01.EG-R012_HZG.HK01.PU.HW.PU01.M01.BM').medium; // 'HW'
 * ```
 */
export const bactwinInspiredProfile: KeyGrammar = /* @__PURE__ */ createKeyGrammar(bactwin);
