import { germanStates } from '@foederal/building-data';
import type { LocalizedText } from '@foederal/core';
import { OperationError } from '../errors.js';

/**
 * A Land by its ISO 3166-2 subdivision code without the country prefix.
 *
 * @example
 * ```ts
 * const land: Land = 'SN';
 * ```
 */
export type Land = 'BW' | 'BY' | 'BE' | 'BB' | 'HB' | 'HH' | 'HE' | 'MV' | 'NI' | 'NW' | 'RP' | 'SL' | 'SN' | 'ST' | 'SH' | 'TH';

/** All 16 Länder. */
export const lands: readonly Land[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

/**
 * A public holiday (gesetzlicher Feiertag) on one date.
 *
 * @example
 * ```ts
 * const h: PublicHoliday = { id: 'good-friday', date: '2025-04-18', name: { de: 'Karfreitag', en: 'Good Friday' } };
 * ```
 */
export interface PublicHoliday {
  readonly id: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: Required<LocalizedText>;
}

/** A holiday rule: fixed date or offset from Easter Sunday, Länder and years of validity. */
interface HolidayRule {
  readonly id: string;
  readonly name: Required<LocalizedText>;
  readonly fixed?: readonly [month: number, day: number];
  readonly easter?: number;
  /** Buß- und Bettag: the Wednesday before 23 November. */
  readonly repentance?: true;
  /** `'all'` or the Länder where it is a statewide holiday. */
  readonly lands: 'all' | readonly Land[];
  readonly from?: number;
  readonly to?: number;
  /** Only in these years (one-off holidays). */
  readonly years?: readonly number[];
}

/**
 * Statewide public holidays by the Feiertagsgesetze of the Länder as summarised in ADR 0092
 * (which also lists what is left out: holidays of single municipalities such as Fronleichnam in
 * parts of Saxony and Thuringia, Mariä Himmelfahrt in Catholic municipalities of Bavaria, and the
 * Augsburger Friedensfest).
 */
const holidayRules: readonly HolidayRule[] = [
  { id: 'new-year', name: { de: 'Neujahr', en: "New Year's Day" }, fixed: [1, 1], lands: 'all' },
  { id: 'epiphany', name: { de: 'Heilige Drei Könige', en: 'Epiphany' }, fixed: [1, 6], lands: ['BW', 'BY', 'ST'] },
  { id: 'womens-day', name: { de: 'Internationaler Frauentag', en: "International Women's Day" }, fixed: [3, 8], lands: ['BE'], from: 2019 },
  { id: 'womens-day', name: { de: 'Internationaler Frauentag', en: "International Women's Day" }, fixed: [3, 8], lands: ['MV'], from: 2023 },
  { id: 'good-friday', name: { de: 'Karfreitag', en: 'Good Friday' }, easter: -2, lands: 'all' },
  { id: 'easter-sunday', name: { de: 'Ostersonntag', en: 'Easter Sunday' }, easter: 0, lands: ['BB'] },
  { id: 'easter-monday', name: { de: 'Ostermontag', en: 'Easter Monday' }, easter: 1, lands: 'all' },
  { id: 'labour-day', name: { de: 'Tag der Arbeit', en: 'Labour Day' }, fixed: [5, 1], lands: 'all' },
  { id: 'liberation-day', name: { de: 'Tag der Befreiung', en: 'Liberation Day' }, fixed: [5, 8], lands: ['BE'], years: [2020, 2025] },
  { id: 'ascension', name: { de: 'Christi Himmelfahrt', en: 'Ascension Day' }, easter: 39, lands: 'all' },
  { id: 'whit-sunday', name: { de: 'Pfingstsonntag', en: 'Whit Sunday' }, easter: 49, lands: ['BB'] },
  { id: 'whit-monday', name: { de: 'Pfingstmontag', en: 'Whit Monday' }, easter: 50, lands: 'all' },
  { id: 'corpus-christi', name: { de: 'Fronleichnam', en: 'Corpus Christi' }, easter: 60, lands: ['BW', 'BY', 'HE', 'NW', 'RP', 'SL'] },
  { id: 'assumption', name: { de: 'Mariä Himmelfahrt', en: 'Assumption Day' }, fixed: [8, 15], lands: ['SL'] },
  { id: 'childrens-day', name: { de: 'Weltkindertag', en: "World Children's Day" }, fixed: [9, 20], lands: ['TH'], from: 2019 },
  { id: 'german-unity', name: { de: 'Tag der Deutschen Einheit', en: 'German Unity Day' }, fixed: [10, 3], lands: 'all' },
  { id: 'reformation', name: { de: 'Reformationstag', en: 'Reformation Day' }, fixed: [10, 31], lands: ['BB', 'MV', 'SN', 'ST', 'TH'] },
  { id: 'reformation', name: { de: 'Reformationstag', en: 'Reformation Day' }, fixed: [10, 31], lands: ['HB', 'HH', 'NI', 'SH'], from: 2018 },
  { id: 'reformation', name: { de: 'Reformationstag', en: 'Reformation Day' }, fixed: [10, 31], lands: ['BW', 'BY', 'BE', 'HE', 'NW', 'RP', 'SL'], years: [2017] },
  { id: 'reformation', name: { de: 'Reformationstag', en: 'Reformation Day' }, fixed: [10, 31], lands: ['HB', 'HH', 'NI', 'SH'], years: [2017] },
  { id: 'all-saints', name: { de: 'Allerheiligen', en: "All Saints' Day" }, fixed: [11, 1], lands: ['BW', 'BY', 'NW', 'RP', 'SL'] },
  { id: 'repentance-day', name: { de: 'Buß- und Bettag', en: 'Day of Repentance and Prayer' }, repentance: true, lands: ['SN'] },
  { id: 'christmas-day', name: { de: '1. Weihnachtstag', en: 'Christmas Day' }, fixed: [12, 25], lands: 'all' },
  { id: 'boxing-day', name: { de: '2. Weihnachtstag', en: 'Second Day of Christmas' }, fixed: [12, 26], lands: 'all' },
];

/** First and last year the rules are stated for (Buß- und Bettag ceased outside Saxony in 1995). */
export const holidayYears = { from: 1995, to: 2199 } as const;

/**
 * Easter Sunday of a Gregorian year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher,
 * the refined form of Gauss's Easter formula), as `[month, day]`.
 *
 * @example
 * ```ts
 * easterSunday(2025); // [4, 20]
 * ```
 */
export function easterSunday(year: number): [month: number, day: number] {
  if (!Number.isInteger(year) || year < 1583) {
    throw new OperationError('invalid-input', `Jahr ${year} ist kein gregorianisches Jahr / not a Gregorian year`, { location: { segment: 'year' } });
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * The statewide public holidays of a Land in a year, sorted by date, computed from the rules
 * (Easter by {@link easterSunday}), never from a list per year.
 *
 * @example
 * ```ts
 * publicHolidays(2025, 'SN').find((h) => h.id === 'repentance-day')?.date; // '2025-11-19'
 * ```
 */
export function publicHolidays(year: number, land: Land): PublicHoliday[] {
  if (!lands.includes(land)) {
    throw new OperationError('invalid-input', `unbekanntes Land "${String(land)}" / unknown Land`, { location: { segment: 'land' } });
  }
  if (!Number.isInteger(year) || year < holidayYears.from || year > holidayYears.to) {
    throw new OperationError('invalid-input', `Feiertage nur für ${holidayYears.from}-${holidayYears.to} / holidays only for these years: ${year}`, {
      location: { segment: 'year' },
    });
  }
  const [em, ed] = easterSunday(year);
  const easter = Date.UTC(year, em - 1, ed);
  const out: PublicHoliday[] = [];
  for (const r of holidayRules) {
    if (r.lands !== 'all' && !r.lands.includes(land)) continue;
    if (r.from !== undefined && year < r.from) continue;
    if (r.to !== undefined && year > r.to) continue;
    if (r.years !== undefined && !r.years.includes(year)) continue;
    let t: number;
    if (r.fixed) t = Date.UTC(year, r.fixed[0] - 1, r.fixed[1]);
    else if (r.easter !== undefined) t = easter + r.easter * 86_400_000;
    else {
      // Wednesday before 23 November: between 16 and 22 November
      const nov23 = new Date(Date.UTC(year, 10, 23));
      const back = ((nov23.getUTCDay() - 3 + 7) % 7) || 7;
      t = nov23.getTime() - back * 86_400_000;
    }
    out.push({ id: r.id, date: iso(t), name: r.name });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, Map<string, PublicHoliday>>();

/**
 * The holiday on a date (`YYYY-MM-DD`) in a Land, or `undefined`.
 *
 * @example
 * ```ts
 * holidayOn('2025-06-19', 'BY')?.name.de; // 'Fronleichnam'
 * ```
 */
export function holidayOn(date: string, land: Land): PublicHoliday | undefined {
  const year = Number(date.slice(0, 4));
  const key = `${land}${year}`;
  let byDate = cache.get(key);
  if (!byDate) {
    byDate = new Map(publicHolidays(year, land).map((h) => [h.date, h]));
    if (cache.size > 512) cache.clear();
    cache.set(key, byDate);
  }
  return byDate.get(date);
}

/**
 * The Land of an AGS (Amtlicher Gemeindeschlüssel) or Länderschlüssel, via building-data's
 * `germanStates` (first two digits → ISO 3166-2), e.g. for a building's schedule.
 *
 * @example
 * ```ts
 * landOfAgs('09162000'); // 'BY'
 * ```
 */
export function landOfAgs(ags: string): Land {
  const state = /^\d{2}/.test(ags) ? germanStates.get(ags.slice(0, 2)) : undefined;
  const land = state?.iso3166_2.slice(3) as Land | undefined;
  if (!land || !lands.includes(land)) {
    throw new OperationError('invalid-input', `kein Land zum AGS "${ags}" / no Land for this AGS`, { location: { segment: 'ags' } });
  }
  return land;
}
