import * as z from 'zod/mini';

/**
 * The 16 Länder: ISO 3166-2 code, German name and the two-digit Land key (first two digits of
 * AGS and ARS), in alphabetical order of the German names.
 *
 * @example
 * states.find((s) => s.iso === 'DE-MV')?.name; // 'Mecklenburg-Vorpommern'
 */
export const states = [
  { iso: 'DE-BW', name: 'Baden-Württemberg', key: '08' },
  { iso: 'DE-BY', name: 'Bayern', key: '09' },
  { iso: 'DE-BE', name: 'Berlin', key: '11' },
  { iso: 'DE-BB', name: 'Brandenburg', key: '12' },
  { iso: 'DE-HB', name: 'Bremen', key: '04' },
  { iso: 'DE-HH', name: 'Hamburg', key: '02' },
  { iso: 'DE-HE', name: 'Hessen', key: '06' },
  { iso: 'DE-MV', name: 'Mecklenburg-Vorpommern', key: '13' },
  { iso: 'DE-NI', name: 'Niedersachsen', key: '03' },
  { iso: 'DE-NW', name: 'Nordrhein-Westfalen', key: '05' },
  { iso: 'DE-RP', name: 'Rheinland-Pfalz', key: '07' },
  { iso: 'DE-SL', name: 'Saarland', key: '10' },
  { iso: 'DE-SN', name: 'Sachsen', key: '14' },
  { iso: 'DE-ST', name: 'Sachsen-Anhalt', key: '15' },
  { iso: 'DE-SH', name: 'Schleswig-Holstein', key: '01' },
  { iso: 'DE-TH', name: 'Thüringen', key: '16' },
] as const;

/** ISO 3166-2 code of a Land. @example const s: StateCode = 'DE-BY'; */
export type StateCode = (typeof states)[number]['iso'];

/**
 * ISO 3166-2 code of one of the 16 Länder.
 *
 * @example
 * stateCodeSchema.parse('DE-NW');
 */
export const stateCodeSchema = z.enum(states.map((s) => s.iso) as [StateCode, ...StateCode[]]);

const landKeys = new Set<string>(states.map((s) => s.key));

/**
 * The Land a two-digit Land key (AGS/ARS prefix) belongs to.
 *
 * @example
 * stateOfKey('09'); // 'DE-BY'
 */
export function stateOfKey(key: string): StateCode | undefined {
  return states.find((s) => s.key === key)?.iso;
}

/**
 * Check the structure of an 8-digit Amtlicher Gemeindeschlüssel (AGS): Land (01-16),
 * Regierungsbezirk (1 digit), Kreis (2), Gemeinde (3). Returns the problem, or `undefined`.
 *
 * @example
 * agsProblem('09162000'); // undefined (München)
 * agsProblem('17000000'); // 'Landesschlüssel 17 …'
 */
export function agsProblem(ags: string): string | undefined {
  if (!/^\d{8}$/.test(ags)) return 'AGS muss aus 8 Ziffern bestehen / AGS must have 8 digits';
  if (!landKeys.has(ags.slice(0, 2))) {
    return `Landesschlüssel ${ags.slice(0, 2)} gibt es nicht (01-16) / no Land has key ${ags.slice(0, 2)} (01-16)`;
  }
  return undefined;
}

/**
 * Check the structure of a 12-digit Amtlicher Regionalschlüssel (ARS): Land (01-16),
 * Regierungsbezirk (1), Kreis (2), Gemeindeverband (4), Gemeinde (3).
 *
 * @example
 * arsProblem('091620000000'); // undefined
 */
export function arsProblem(ars: string): string | undefined {
  if (!/^\d{12}$/.test(ars)) return 'ARS muss aus 12 Ziffern bestehen / ARS must have 12 digits';
  if (!landKeys.has(ars.slice(0, 2))) {
    return `Landesschlüssel ${ars.slice(0, 2)} gibt es nicht (01-16) / no Land has key ${ars.slice(0, 2)} (01-16)`;
  }
  return undefined;
}

/**
 * The AGS contained in an ARS (Land, Regierungsbezirk, Kreis and the last three digits).
 *
 * @example
 * agsOfArs('091620000000'); // '09162000'
 */
export function agsOfArs(ars: string): string {
  return ars.slice(0, 5) + ars.slice(9, 12);
}

/**
 * An 8-digit Amtlicher Gemeindeschlüssel with structural validation.
 *
 * @example
 * agsSchema.parse('05315000'); // Köln
 */
export const agsSchema = z.string().check(
  z.refine((v) => agsProblem(v) === undefined, {
    error: (issue) => agsProblem(String(issue.input)) ?? 'invalid AGS',
  }),
);

/**
 * A 12-digit Amtlicher Regionalschlüssel with structural validation.
 *
 * @example
 * arsSchema.parse('053150000000'); // Köln
 */
export const arsSchema = z.string().check(
  z.refine((v) => arsProblem(v) === undefined, {
    error: (issue) => arsProblem(String(issue.input)) ?? 'invalid ARS',
  }),
);

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] ?? 0);
}

/**
 * A calendar date `YYYY-MM-DD` (checked to exist).
 *
 * @example
 * isoDateSchema.parse('2026-02-28');
 */
export const isoDateSchema = z.string().check(
  z.refine(isCalendarDate, { error: 'Datum im Format JJJJ-MM-TT erwartet / expected a date YYYY-MM-DD' }),
);
