import states from '../data/german-states.json' with { type: 'json' };
import levels from '../data/jurisdiction-levels.json' with { type: 'json' };
import media from '../data/meter-media.json' with { type: 'json' };
import { BuildingDataError } from '../errors.js';
import { createVocabulary, type Vocabulary, type VocabularyEntry } from './vocabulary.js';

/**
 * A German Land: AGS Länderschlüssel as code, ISO 3166-2 and NUTS 2021 level-1 codes.
 *
 * @example
 * ```ts
 * const bayern: GermanState = germanStates.require('09'); // bayern.iso3166_2 === 'DE-BY'
 * ```
 */
export type GermanState = VocabularyEntry & { iso3166_2: string; nuts1: string };

/**
 * The 16 Länder: code = Länderschlüssel (first two AGS digits), with ISO 3166-2 (`DE-BY`) and
 * the EU NUTS 2021 level-1 code (`DE2`).
 *
 * @example
 * ```ts
 * germanStates.require('09').iso3166_2; // 'DE-BY'
 * ```
 */
export const germanStates: Vocabulary<GermanState> = /* @__PURE__ */ createVocabulary<GermanState>(states);

/**
 * A level of government with its DCAT-AP.de URI.
 *
 * @example
 * ```ts
 * const level: JurisdictionLevel = jurisdictionLevels.require('municipality');
 * ```
 */
export type JurisdictionLevel = VocabularyEntry & { uri: string };

/**
 * Levels of government as in DCAT-AP.de (`federal`, `state`, `administrativeDistrict`,
 * `municipality`) with German labels.
 *
 * @example
 * ```ts
 * jurisdictionLevels.label('de', 'municipality'); // 'Gemeinde'
 * ```
 */
export const jurisdictionLevels: Vocabulary<JurisdictionLevel> = /* @__PURE__ */ createVocabulary<JurisdictionLevel>(levels);

/**
 * A metered medium with its default unit, OBIS medium digit and consumption indicator category.
 *
 * @example
 * ```ts
 * const gas: MeterMedium = meterMedia.require('gas'); // gas.obisMedium === 7
 * ```
 */
export type MeterMedium = VocabularyEntry & {
  defaultUnit: string;
  indicator: 'heat' | 'electricity' | 'cooling' | 'water';
  obisMedium?: number;
};

/**
 * Metered media (Strom, Wärme, Gas, …) with the OBIS value-group-A digit where one exists and the
 * indicator category they count to (heat or electricity for consumption values).
 *
 * @example
 * ```ts
 * meterMedia.require('gas').indicator; // 'heat'
 * ```
 */
export const meterMedia: Vocabulary<MeterMedium> = /* @__PURE__ */ createVocabulary<MeterMedium>(media);

/**
 * The parts of an Amtlicher Gemeindeschlüssel (AGS) and its Land. Throws a `BuildingDataError`
 * (`invalid-input`) naming the position of the first wrong character.
 *
 * @example
 * ```ts
 * parseAgs('09162000'); // { land: '09', regierungsbezirk: '1', kreis: '62', gemeinde: '000', state: { code: '09', … } }
 * ```
 */
export function parseAgs(ags: string): {
  land: string;
  regierungsbezirk: string;
  kreis: string;
  gemeinde: string;
  state: GermanState;
} {
  const bad = [...ags].findIndex((c) => c < '0' || c > '9');
  if (bad >= 0 || ags.length !== 8) {
    const position = bad >= 0 ? bad : Math.min(ags.length, 8);
    throw new BuildingDataError(
      'invalid-input',
      `AGS "${ags}": 8 Ziffern erwartet, Fehler an Position ${position} / 8 digits expected, error at position ${position}`,
      { location: { position, segment: 'ags' } },
    );
  }
  const land = ags.slice(0, 2);
  const state = germanStates.get(land);
  if (!state) {
    throw new BuildingDataError('unknown-code', `AGS "${ags}": unbekannter Länderschlüssel ${land} / unknown Land code ${land}`, {
      location: { position: 0, segment: 'land' },
    });
  }
  return { land, regierungsbezirk: ags.slice(2, 3), kreis: ags.slice(3, 5), gemeinde: ags.slice(5, 8), state };
}
