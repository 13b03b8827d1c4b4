import { languageOf } from './locales/index.js';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `Intl` locale for a `lang` tag: the tag itself when it is German or English
 * (`de-AT`, `en-GB`), `de-DE` for bare `de` and for every other language (German is the default).
 *
 * @example
 * intlLocale('en'); // 'en'
 * intlLocale('fr'); // 'de-DE'
 */
export function intlLocale(tag: string | null | undefined): string {
  const value = (tag ?? '').trim();
  if (languageOf(value) === 'en') return value;
  if (/^de-[a-z]{2}$/i.test(value)) return value;
  return 'de-DE';
}

/**
 * A date (`2027-03-01`) or timestamp (`2027-03-01T09:30:00Z`) for humans. Plain dates are
 * calendar days and never shift with the time zone; timestamps show the reader's local time.
 * Unreadable input is returned unchanged rather than hidden.
 *
 * @example
 * formatDate('de-DE', '2027-03-01'); // '1. März 2027'
 */
export function formatDate(locale: string, value: string): string {
  if (dateOnly.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/**
 * A whole number or decimal in the reader's locale.
 *
 * @example
 * formatNumber('de-DE', 12345); // '12.345'
 */
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A byte size in decimal units (1 kB = 1000 bytes), one decimal place above bytes.
 *
 * @example
 * formatBytes('de-DE', 1_250_000); // '1,3 MB'
 */
export function formatBytes(locale: string, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
