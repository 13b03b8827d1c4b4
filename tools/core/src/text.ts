/**
 * The languages of every foederal package and app: German first, English second.
 *
 * @example
 * const language: Language = 'de';
 */
export type Language = 'de' | 'en';

/**
 * Both languages, German first.
 *
 * @example
 * languages.map((l) => textOf(l, title));
 */
export const languages: readonly Language[] = ['de', 'en'];

/**
 * A text in German, and in English where there is a translation. German is the source language
 * and always present; readers of the English side get German where the English is missing
 * ({@link textOf}). Texts the packages write themselves (labels, explanations, error messages)
 * always carry both.
 *
 * @example
 * const title: LocalizedText = { de: 'Wartung', en: 'Maintenance' };
 * const draft: LocalizedText = { de: 'Entwurf' };
 */
export interface LocalizedText {
  /** German text (the source). */
  readonly de: string;
  /** English text; absent when not translated yet. */
  readonly en?: string;
}

/**
 * Whether a value is one of the two languages.
 *
 * @example
 * isLanguage('en'); // true
 * isLanguage('fr'); // false
 */
export function isLanguage(value: unknown): value is Language {
  return value === 'de' || value === 'en';
}

/**
 * The text of `text` in `language`; English falls back to German when there is no translation.
 *
 * @example
 * textOf('en', { de: 'Entwurf' }); // 'Entwurf'
 * textOf('en', { de: 'Entwurf', en: 'Draft' }); // 'Draft'
 */
export function textOf(language: Language, text: LocalizedText): string {
  return language === 'en' ? (text.en ?? text.de) : text.de;
}

/**
 * The language of a BCP 47 tag (`en-GB` → `en`); every tag that is not English is German, the
 * default.
 *
 * @example
 * languageOf('en-GB'); // 'en'
 * languageOf('fr'); // 'de'
 * languageOf(undefined); // 'de'
 */
export function languageOf(tag: string | null | undefined): Language {
  return /^en(?:-|$)/i.test((tag ?? '').trim()) ? 'en' : 'de';
}

/**
 * The `Intl` locale of a language (`de-DE`, `en-GB`).
 *
 * @example
 * intlLocale('en'); // 'en-GB'
 */
export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'de-DE';
}

// A calendar day, optionally with a time and a zone (`Z` or an offset).
const timestamp = /^(\d{4})-(\d{2})-(\d{2})(?:(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone });
    formatters.set(key, format);
  }
  return format;
}

/**
 * A date for readers, German `4. Mai 2026`, English `4 May 2026`:
 * - a calendar day (`2026-05-04`) as written;
 * - a timestamp with an offset or without a zone (`2026-05-04T01:30:00+02:00`) as the day
 *   written, the writer's local day, never shifted;
 * - a timestamp in UTC (`…Z`, as servers write them) as its day in Europe/Berlin, the day of the
 *   German administration that recorded it.
 *
 * Text that is not a date is returned unchanged, never hidden.
 *
 * @example
 * formatDate('de', '2026-05-04'); // '4. Mai 2026'
 * formatDate('en', '2026-12-31T23:59:59-10:00'); // '31 December 2026'
 * formatDate('en', '2026-05-03T23:30:00Z'); // '4 May 2026'
 */
export function formatDate(language: Language, value: string): string {
  const match = timestamp.exec(value);
  if (!match) return value;
  const [, year, month, day, time, zone] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return value;
  const utc = time !== undefined && zone?.toUpperCase() === 'Z';
  if (!utc) return dateFormat(language, 'UTC').format(date);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateFormat(language, 'Europe/Berlin').format(instant);
}

/**
 * A number for readers with `digits` decimal places (German `1.234,5`, English `1,234.5`).
 *
 * @example
 * formatNumber('de', 1234.5, 1); // '1.234,5'
 */
export function formatNumber(language: Language, value: number, digits = 0): string {
  return new Intl.NumberFormat(intlLocale(language), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
