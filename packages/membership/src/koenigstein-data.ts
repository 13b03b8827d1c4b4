import type { StateCode } from './identifiers.js';

/**
 * A dated table of the Länder's shares under the Königsteiner Schlüssel, in percent, with its
 * source. Newer tables are input data (see {@link koenigsteinTableSchema}).
 *
 * @example
 * const t: KoenigsteinTable = koenigsteinerSchluessel.editions[0]!;
 */
export interface KoenigsteinTable {
  /** The year the shares apply to. */
  readonly year: number;
  /** Where the figures come from. */
  readonly source: string;
  /** Share of each Land in percent. */
  readonly shares: Readonly<Record<StateCode, number>>;
}

/**
 * The Königsteiner Schlüssel tables shipped with this package (copied from the project's reference
 * data). Each Land's share of joint financing: two thirds tax revenue, one third population,
 * recomputed yearly by the Gemeinsame Wissenschaftskonferenz (GWK).
 *
 * @example
 * koenigsteinerSchluessel.editions.find((e) => e.year === 2016)?.shares['DE-NW']; // 21.14424
 */
export const koenigsteinerSchluessel: {
  readonly description: string;
  readonly source: string;
  readonly unit: 'percent';
  readonly note: string;
  readonly editions: readonly KoenigsteinTable[];
} = {
  description:
    "Shares of the 16 Länder under the Königsteiner Schlüssel, in percent. Recomputed yearly by the Gemeinsame Wissenschaftskonferenz (GWK). These are the most recent published values that could be verified here; newer tables are input data.",
  source: "Wikipedia 'Königsteiner Schlüssel' as cited by KommunalWiki (Heinrich-Böll-Stiftung), retrieved 2016-07-08",
  unit: 'percent',
  note: "2014 is left out: its published values do not sum to 100 (99.97961).",
  editions: [
    {
      year: 2015,
      source: "Wikipedia 'Königsteiner Schlüssel' as cited by KommunalWiki (Heinrich-Böll-Stiftung), retrieved 2016-07-08",
      shares: {
        'DE-BW': 12.86456,
        'DE-BY': 15.51873,
        'DE-BE': 5.04927,
        'DE-BB': 3.06053,
        'DE-HB': 0.95688,
        'DE-HH': 2.52968,
        'DE-HE': 7.3589,
        'DE-MV': 2.02906,
        'DE-NI': 9.32104,
        'DE-NW': 21.2101,
        'DE-RP': 4.8371,
        'DE-SL': 1.22173,
        'DE-SN': 5.08386,
        'DE-ST': 2.83068,
        'DE-SH': 3.40337,
        'DE-TH': 2.72451,
      },
    },
    {
      year: 2016,
      source: "Wikipedia 'Königsteiner Schlüssel' as cited by KommunalWiki (Heinrich-Böll-Stiftung), retrieved 2016-07-08",
      shares: {
        'DE-BW': 12.96662,
        'DE-BY': 15.53327,
        'DE-BE': 5.08324,
        'DE-BB': 3.03655,
        'DE-HB': 0.95331,
        'DE-HH': 2.55752,
        'DE-HE': 7.39885,
        'DE-MV': 2.0124,
        'DE-NI': 9.33138,
        'DE-NW': 21.14424,
        'DE-RP': 4.83089,
        'DE-SL': 1.21111,
        'DE-SN': 5.05577,
        'DE-ST': 2.79941,
        'DE-SH': 3.39074,
        'DE-TH': 2.6947,
      },
    },
  ],
};
