import * as z from 'zod/mini';

const area = z.optional(z.number().check(z.gte(0), z.refine(Number.isFinite, 'endliche Zahl / finite number')));

/**
 * DIN 277:2021 area record in square metres. Every field is optional: a space usually carries
 * only its net room area (`nrf`) split by usage, a building its gross floor area (`bgf`) too.
 *
 * - `bgf` Brutto-Grundfläche (gross floor area) = `kgf` + `nrf`
 * - `kgf` Konstruktions-Grundfläche (construction area)
 * - `nrf` Netto-Raumfläche (net room area) = `nuf` + `tf` + `vf`
 * - `nuf` Nutzungsfläche (usable area) = `nuf1` + … + `nuf7`
 * - `tf` Technikfläche (technical area), `vf` Verkehrsfläche (circulation area)
 *
 * @example
 * ```ts
 * din277AreasSchema.parse({ bgf: 1200, kgf: 180, nrf: 1020, nuf: 800, nuf5: 800, tf: 40, vf: 180 });
 * ```
 */
export const din277AreasSchema = z.object({
  bgf: area,
  kgf: area,
  nrf: area,
  nuf: area,
  nuf1: area,
  nuf2: area,
  nuf3: area,
  nuf4: area,
  nuf5: area,
  nuf6: area,
  nuf7: area,
  tf: area,
  vf: area,
});

/**
 * DIN 277:2021 area record (m²).
 *
 * @example
 * ```ts
 * const areas: Din277Areas = { nrf: 64.5, nuf5: 64.5 };
 * ```
 */
export type Din277Areas = z.infer<typeof din277AreasSchema>;

/**
 * Name of one area field of a {@link Din277Areas} record.
 *
 * @example
 * ```ts
 * const key: Din277AreaKey = 'nrf';
 * ```
 */
export type Din277AreaKey = keyof Din277Areas;

/**
 * The area fields in their canonical order, with their DIN 277 abbreviation and label.
 *
 * @example
 * ```ts
 * din277AreaKeys.map((k) => din277AreaLabels[k].abbreviation); // ['BGF', 'KGF', …]
 * ```
 */
export const din277AreaKeys: readonly Din277AreaKey[] = [
  'bgf', 'kgf', 'nrf', 'nuf', 'nuf1', 'nuf2', 'nuf3', 'nuf4', 'nuf5', 'nuf6', 'nuf7', 'tf', 'vf',
];

/**
 * The NUF 1-7 fields.
 *
 * @example
 * ```ts
 * const nuf = nufGroupKeys.reduce((sum, k) => sum + (areas[k] ?? 0), 0);
 * ```
 */
export const nufGroupKeys = ['nuf1', 'nuf2', 'nuf3', 'nuf4', 'nuf5', 'nuf6', 'nuf7'] as const;

/**
 * Abbreviation and German/English label of every area field (DIN 277:2021 terms).
 *
 * @example
 * ```ts
 * din277AreaLabels.nrf.de; // 'Netto-Raumfläche'
 * ```
 */
export const din277AreaLabels: Readonly<Record<Din277AreaKey, { abbreviation: string; de: string; en: string }>> = {
  bgf: { abbreviation: 'BGF', de: 'Brutto-Grundfläche', en: 'gross floor area' },
  kgf: { abbreviation: 'KGF', de: 'Konstruktions-Grundfläche', en: 'construction area' },
  nrf: { abbreviation: 'NRF', de: 'Netto-Raumfläche', en: 'net room area' },
  nuf: { abbreviation: 'NUF', de: 'Nutzungsfläche', en: 'usable area' },
  nuf1: { abbreviation: 'NUF 1', de: 'Wohnen und Aufenthalt', en: 'living and recreation' },
  nuf2: { abbreviation: 'NUF 2', de: 'Büroarbeit', en: 'office work' },
  nuf3: {
    abbreviation: 'NUF 3',
    de: 'Produktion, Hand- und Maschinenarbeit, Forschung und Entwicklung',
    en: 'production, manual and machine work, research and development',
  },
  nuf4: { abbreviation: 'NUF 4', de: 'Lagern, Verteilen und Verkaufen', en: 'storage, distribution and sales' },
  nuf5: { abbreviation: 'NUF 5', de: 'Bildung, Unterricht und Kultur', en: 'education, teaching and culture' },
  nuf6: { abbreviation: 'NUF 6', de: 'Heilen und Pflegen', en: 'healing and care' },
  nuf7: { abbreviation: 'NUF 7', de: 'Sonstige Nutzungen', en: 'other uses' },
  tf: { abbreviation: 'TF', de: 'Technikfläche', en: 'technical area' },
  vf: { abbreviation: 'VF', de: 'Verkehrsfläche', en: 'circulation area' },
};
