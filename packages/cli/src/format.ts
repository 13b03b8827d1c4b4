import type { Language } from './lang.js';

/** A number for people: `1.234,5` in German, `1,234.5` in English. */
export function num(value: number, lang: Language, digits = 0): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Bytes as MB with one decimal. */
export function megabytes(bytes: number, lang: Language): string {
  return `${num(bytes / 1e6, lang, 1)} MB`;
}

/** Characters of `s` as seen in a terminal (no colour codes). */
function width(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/**
 * Text columns: each column as wide as its widest cell, numbers (marked in `right`) aligned right.
 */
export function columns(rows: readonly (readonly string[])[], right: readonly number[] = [], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => {
            const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
            if (i === row.length - 1 && !right.includes(i)) return cell;
            return right.includes(i) ? pad + cell : cell + pad;
          })
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}
