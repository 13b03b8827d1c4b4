import type { Language } from '@foederal/core';
import { issueText, type PubliccodeIssue } from './issues.js';
import type { PubliccodeResult } from './parse.js';

const words = {
  de: {
    valid: 'gültig',
    'valid-with-warnings': 'gültig, mit Warnungen',
    invalid: 'ungültig',
    error: 'Fehler',
    warning: 'Warnung',
    line: 'Zeile',
    skipped: 'Nicht ausgeführte Prüfungen (ohne Netz oder Dateizugriff)',
    checks: { reachable: 'erreichbar', repository: 'Code-Repository', oembed: 'oEmbed-Video', file: 'Datei' },
    summary: (e: number, w: number) => `${e} Fehler, ${w} Warnung${w === 1 ? '' : 'en'}`,
  },
  en: {
    valid: 'valid',
    'valid-with-warnings': 'valid, with warnings',
    invalid: 'invalid',
    error: 'error',
    warning: 'warning',
    line: 'line',
    skipped: 'Checks not run (no network or file access)',
    checks: { reachable: 'reachable', repository: 'code repository', oembed: 'oEmbed video', file: 'file' },
    summary: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  },
} as const;

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** Name of the file shown in the first line and in `file:line:column` locations. */
  readonly file?: string;
  /** Also list the skipped checks (default true). */
  readonly showSkipped?: boolean;
}

/**
 * A plain-text report of a {@link PubliccodeResult} in German or English: one headline with the
 * outcome and counts, then one line per issue (`file:line:column  error  key: text`), then the
 * skipped checks. Stable for command-line use (`foederal publiccode validate`).
 *
 * @example
 * ```ts
 * const result = await parsePubliccode(text);
 * console.log(formatReport(result, 'de', { file: 'publiccode.yml' }));
 * // publiccode.yml: ungültig (1 Fehler, 0 Warnungen)
 * // publiccode.yml:3:1  Fehler  name: name ist ein Pflichtfeld
 * ```
 */
export function formatReport(result: PubliccodeResult, lang: Language = 'de', options: FormatReportOptions = {}): string {
  const w = words[lang];
  const file = options.file ?? 'publiccode.yml';
  const out = [`${file}: ${w[result.outcome]} (${w.summary(result.errors.length, result.warnings.length)})`];
  for (const issue of result.issues) out.push(formatIssue(issue, lang, file));
  if ((options.showSkipped ?? true) && result.skippedChecks.length > 0) {
    out.push(`${w.skipped}:`);
    for (const check of result.skippedChecks) out.push(`  ${w.checks[check.check]}  ${check.key}: ${check.target}`);
  }
  return out.join('\n');
}

/**
 * One issue as a line of text: `file:line:column  severity  key: text`.
 *
 * @example
 * ```ts
 * formatIssue(result.errors[0], 'en'); // "publiccode.yml:3:1  error  name: name is a required field"
 * ```
 */
export function formatIssue(issue: PubliccodeIssue, lang: Language = 'de', file = 'publiccode.yml'): string {
  const w = words[lang];
  const where = issue.line > 0 ? `${file}:${issue.line}:${issue.column}` : file;
  const key = issue.key === '' ? '' : `${issue.key}: `;
  return `${where}  ${issue.severity === 'error' ? w.error : w.warning}  ${key}${issueText(issue, lang)}`;
}
