import type { AdministrativeLevel } from './common-schemas.js';
import type { Consultation, Contribution, ContributionState } from './consultation-schema.js';
import { publicContribution } from './contribution-privacy.js';
import { guardExport } from './export-guard.js';
import { formatDate, label, textOf, type Language } from './labels.js';

/** One row of a synopsis (Abwägungstabelle). @example const row: SynopsisRow = synopsisTable(c).rows[0]!; */
export interface SynopsisRow {
  /** Running number in the table (1, 2, …). */
  readonly number: number;
  /** Contribution id. */
  readonly contribution: string;
  /** Section anchor of the draft. */
  readonly anchor: string;
  /** Title of that section, when the consultation lists it. */
  readonly anchorTitle: string | undefined;
  /** Who submitted it, as displayed (`anonym` for anonymous contributions). */
  readonly author: string;
  /** Administrative level of the submitter's jurisdiction, when given (for the synopsis per level). */
  readonly level: AdministrativeLevel | undefined;
  /** ISO date-time of submission. */
  readonly submittedAt: string;
  /** The contribution text. */
  readonly text: string;
  /** Contribution state. */
  readonly state: ContributionState;
  /** The state as displayed. */
  readonly stateLabel: string;
  /** The reason of the disposition, or undefined while none is (publicly) available. */
  readonly reason: string | undefined;
  /** For duplicates: the contribution it repeats. */
  readonly duplicateOf: string | undefined;
  /** ISO date-time when answered (internal view only). */
  readonly answeredAt: string | undefined;
  /** ISO date-time when the answer was published. */
  readonly publishedAt: string | undefined;
}

/** Column keys of the synopsis in display order. @example const c: SynopsisColumn = 'reason'; */
export type SynopsisColumn = 'number' | 'contribution' | 'anchor' | 'author' | 'level' | 'submittedAt' | 'text' | 'state' | 'reason' | 'answeredAt' | 'publishedAt';

/** A synopsis ready for display: columns with labels, and typed rows. @example const t: SynopsisTable = synopsisTable(c); */
export interface SynopsisTable {
  readonly consultation: string;
  readonly title: string;
  readonly language: Language;
  readonly columns: readonly { readonly key: SynopsisColumn; readonly label: string }[];
  readonly rows: readonly SynopsisRow[];
}

/**
 * Options of the synopsis. `public` (default) shows what may be published: contributions that
 * were published or answered (never `submitted` ones awaiting moderation) and a disposition only
 * once its answer is published; `internal` shows everything, including answered-at.
 *
 * @example
 * const options: SynopsisOptions = { audience: 'internal', language: 'en' };
 */
export interface SynopsisOptions {
  readonly audience?: 'public' | 'internal';
  readonly language?: Language;
  /** Add the column `level` (Bund, Land, Kreis, Kommune) after the author. */
  readonly withLevel?: boolean;
}

function authorOf(c: Contribution, language: Language): string {
  const j = c.author.jurisdiction;
  const named = c.author.kind === 'anonymous' ? '' : c.author.name;
  const where = j && !named.includes(j.name) ? ` (${j.name})` : '';
  switch (c.author.kind) {
    case 'person':
      return `${c.author.name}${c.author.organisation ? `, ${c.author.organisation}` : ''}${where}`;
    case 'organisation':
      return `${c.author.name}${where}`;
    case 'anonymous':
      return `${label(language, 'author.anonymous')}${where}`;
  }
}

/**
 * The synopsis (Abwägungstabelle) of a consultation as a typed table: contribution, anchor,
 * author, outcome and reason, ordered by section and submission time.
 *
 * @example
 * const table = synopsisTable(exampleCatalogue.consultations[0]!);
 * table.rows.map((r) => [r.anchor, r.stateLabel, r.reason]);
 */
export function synopsisTable(consultation: Consultation, options: SynopsisOptions = {}): SynopsisTable {
  return guardExport('Consultation', consultation, () => buildTable(consultation, options));
}

function buildTable(consultation: Consultation, options: SynopsisOptions): SynopsisTable {
  const language = options.language ?? 'de';
  const internal = options.audience === 'internal';
  const sectionOrder = new Map(consultation.sections.map((s, i) => [s.anchor, i]));
  const sectionTitle = new Map(consultation.sections.map((s) => [s.anchor, textOf(language, s.title)]));
  // The public sees authors only as they consented; the contact e-mail is never in a synopsis.
  const visible = consultation.contributions.filter((c) => internal || c.state !== 'submitted').map((c) => (internal ? c : publicContribution(c)));
  const sorted = [...visible].sort((a, b) =>
    (sectionOrder.get(a.anchor.section) ?? Number.MAX_SAFE_INTEGER) - (sectionOrder.get(b.anchor.section) ?? Number.MAX_SAFE_INTEGER)
    || a.anchor.section.localeCompare(b.anchor.section)
    || Date.parse(a.submittedAt) - Date.parse(b.submittedAt)
    || a.id.localeCompare(b.id));
  const rows = sorted.map((c, i): SynopsisRow => {
    const d = c.disposition;
    const showAnswer = d !== undefined && (internal || d.publishedAt !== undefined);
    const answered = ['accepted', 'partially-accepted', 'rejected', 'duplicate'].includes(c.state);
    const state: ContributionState = !internal && answered && !showAnswer ? 'in-review' : c.state;
    return {
      number: i + 1,
      contribution: c.id,
      anchor: c.anchor.section,
      anchorTitle: sectionTitle.get(c.anchor.section),
      author: authorOf(c, language),
      level: c.author.jurisdiction?.level,
      submittedAt: c.submittedAt,
      text: textOf(language, c.text),
      state,
      stateLabel: label(language, `contribution.${state}`),
      reason: showAnswer ? textOf(language, d.reason) : undefined,
      duplicateOf: showAnswer ? d.duplicateOf : undefined,
      answeredAt: internal ? d?.answeredAt : undefined,
      publishedAt: showAnswer ? d.publishedAt : undefined,
    };
  });
  const keys: SynopsisColumn[] = ['number', 'contribution', 'anchor', 'author', ...(options.withLevel ? ['level' as const] : []), 'submittedAt', 'text', 'state', 'reason', ...(internal ? ['answeredAt' as const] : []), 'publishedAt'];
  return {
    consultation: consultation.id,
    title: textOf(language, consultation.title),
    language,
    columns: keys.map((key) => ({ key, label: label(language, `synopsis.${key}`) })),
    rows,
  };
}

function cell(row: SynopsisRow, key: SynopsisColumn, language: Language): string {
  switch (key) {
    case 'number': return String(row.number);
    case 'contribution': return row.contribution;
    case 'anchor': return row.anchorTitle ? `${row.anchor} ${row.anchorTitle}` : row.anchor;
    case 'author': return row.author;
    case 'level': return row.level ? label(language, `level.${row.level}`) : '';
    case 'submittedAt': return formatDate(language, row.submittedAt);
    case 'text': return row.text;
    case 'state': return row.stateLabel;
    case 'reason':
      if (row.reason === undefined) return label(language, 'synopsis.pending');
      return row.duplicateOf ? `${row.reason} (${label(language, 'synopsis.duplicateOf')} ${row.duplicateOf})` : row.reason;
    case 'answeredAt': return row.answeredAt ? formatDate(language, row.answeredAt) : '';
    case 'publishedAt': return row.publishedAt ? formatDate(language, row.publishedAt) : '';
  }
}

/** Options of the CSV synopsis. @example const o: SynopsisCsvOptions = { delimiter: ';', bom: true }; */
export interface SynopsisCsvOptions extends SynopsisOptions {
  /** Field delimiter: `,` (RFC 4180, default) or `;` (German spreadsheet default). */
  readonly delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark so spreadsheet programs detect the encoding. */
  readonly bom?: boolean;
}

function csvField(value: string, delimiter: string): string {
  // Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The synopsis as CSV (RFC 4180: CRLF line ends, quoted fields), with a header row. Cells that
 * start with `=`, `+`, `-` or `@` are prefixed with `'` so spreadsheets do not run them.
 *
 * @example
 * const csv = synopsisCsv(exampleCatalogue.consultations[0]!, { delimiter: ';', bom: true });
 */
export function synopsisCsv(consultation: Consultation, options: SynopsisCsvOptions = {}): string {
  const table = synopsisTable(consultation, options);
  const delimiter = options.delimiter ?? ',';
  const lines = [
    table.columns.map((c) => csvField(c.label, delimiter)).join(delimiter),
    ...table.rows.map((row) => table.columns.map((c) => csvField(cell(row, c.key, table.language), delimiter)).join(delimiter)),
  ];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[*_`[\]]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * The synopsis as a Markdown (GFM) table under a heading. Text is escaped so contributions cannot
 * inject HTML, links or break the table.
 *
 * @example
 * const md = synopsisMarkdown(exampleCatalogue.consultations[0]!);
 */
export function synopsisMarkdown(consultation: Consultation, options: SynopsisOptions = {}): string {
  const table = synopsisTable(consultation, options);
  const header = `| ${table.columns.map((c) => markdownCell(c.label)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.key === 'number' ? '--:' : '---')).join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${table.columns.map((c) => markdownCell(cell(row, c.key, table.language))).join(' | ')} |`);
  const heading = `## ${markdownCell(table.title)}`;
  return `${[heading, '', header, rule, ...rows].join('\n')}\n`;
}
