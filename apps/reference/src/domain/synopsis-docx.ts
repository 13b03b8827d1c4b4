import { synopsisTable, type Consultation, type SynopsisColumn, type SynopsisRow } from '@foederal/recommendations';
import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Language, LocalizedText } from '@foederal/recommendations';
import type { SynopsisExportOptions } from './contribution-desk.js';

const levelOrder = ['federal', 'state', 'administrativeDistrict', 'municipality', 'none'] as const;
const levelNames: Record<(typeof levelOrder)[number], Required<LocalizedText>> = {
  federal: { de: 'Bund', en: 'Federal' },
  state: { de: 'Länder', en: 'States (Länder)' },
  administrativeDistrict: { de: 'Kreise', en: 'Districts' },
  municipality: { de: 'Kommunen', en: 'Municipalities' },
  none: { de: 'ohne Angabe der Ebene', en: 'level not given' },
};
const outcomeColumns = [
  { states: ['accepted'], de: 'berücksichtigt', en: 'accepted' },
  { states: ['partially-accepted'], de: 'teilweise', en: 'partially' },
  { states: ['rejected'], de: 'nicht berücksichtigt', en: 'rejected' },
  { states: ['duplicate', 'withdrawn', 'submitted', 'published', 'in-review'], de: 'sonstige / offen', en: 'other / open' },
] as const;

/** The document's own texts, German first; English has the same keys (ADR 0172). */
const de = {
  description: 'Abwägungstabelle',
  subtitle: (version: string, opens: string, closes: string, count: number) => `Abwägungstabelle · Entwurfsfassung ${version} · Konsultation ${opens} bis ${closes} · ${count} Beiträge`,
  outcomePerLevel: 'Ergebnis je Ebene',
  level: 'Ebene',
  contributions: 'Beiträge',
  contributionsAndDispositions: 'Beiträge und Abwägung',
  dispositionPending: 'Abwägung steht aus',
  seeContribution: 'siehe Beitrag',
};
const en: typeof de = {
  description: 'Synopsis of dispositions',
  subtitle: (version, opens, closes, count) => `Synopsis · draft version ${version} · consultation ${opens} to ${closes} · ${count} contributions`,
  outcomePerLevel: 'Outcome per level',
  level: 'Level',
  contributions: 'Contributions',
  contributionsAndDispositions: 'Contributions and dispositions',
  dispositionPending: 'Disposition pending',
  seeContribution: 'see contribution',
};
const texts: Record<Language, typeof de> = { de, en };

function dateText(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

function cellText(row: SynopsisRow, key: SynopsisColumn, language: Language, levelLabel: (l: SynopsisRow['level']) => string): string {
  switch (key) {
    case 'number': return String(row.number);
    case 'contribution': return row.contribution;
    case 'anchor': return row.anchorTitle ? `${row.anchor} ${row.anchorTitle}` : row.anchor;
    case 'author': return row.author;
    case 'level': return levelLabel(row.level);
    case 'submittedAt': return dateText(row.submittedAt, language);
    case 'text': return row.text;
    case 'state': return row.stateLabel;
    case 'reason':
      if (row.reason === undefined) return texts[language].dispositionPending;
      return row.duplicateOf ? `${row.reason} (${texts[language].seeContribution} ${row.duplicateOf})` : row.reason;
    case 'answeredAt': return dateText(row.answeredAt, language);
    case 'publishedAt': return dateText(row.publishedAt, language);
  }
}

/** Paragraphs of a (possibly multi-line) text: Word keeps line breaks only as separate runs. */
function paragraphs(text: string, bold = false): Paragraph[] {
  return text.split(/\r\n|\r|\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => new TableCell({ children: paragraphs(h, true) })) }),
      ...rows.map((r) => new TableRow({ children: r.map((value) => new TableCell({ children: paragraphs(value) })) })),
    ],
  });
}

/**
 * The synopsis (Abwägungstabelle) as an editable Word document (DOCX, Office Open XML) with the
 * `docx` library: title and period, a summary of outcomes per level (Bund, Länder, Kreise,
 * Kommunen), and the table of every contribution with its disposition, header row repeated on
 * each page, A4 landscape. Public audience: only what may be published, names only with consent;
 * contact e-mails are never included.
 *
 * @example
 * const bytes = await synopsisDocx(consultation, { audience: 'internal', language: 'de' });
 */
export async function synopsisDocx(consultation: Consultation, options: SynopsisExportOptions): Promise<Uint8Array> {
  const { language } = options;
  const text = texts[language];
  const t = synopsisTable(consultation, { audience: options.audience, language, withLevel: true });
  const levelLabel = (l: SynopsisRow['level']) => (l ? levelNames[l][language] : '');
  const counts = levelOrder.map((level) => {
    const rows = t.rows.filter((r) => (r.level ?? 'none') === level);
    return [levelNames[level][language], String(rows.length), ...outcomeColumns.map((o) => String(rows.filter((r) => (o.states as readonly string[]).includes(r.state)).length))];
  });
  const doc = new Document({
    creator: 'foederal reference app',
    title: t.title,
    description: text.description,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t.title)] }),
          new Paragraph({
            children: [
              new TextRun(text.subtitle(String(consultation.draftVersion), dateText(consultation.opens, language), dateText(consultation.closes, language), t.rows.length)),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text.outcomePerLevel)] }),
          table([text.level, text.contributions, ...outcomeColumns.map((o) => o[language])], counts),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text.contributionsAndDispositions)] }),
          table(t.columns.map((c) => c.label), t.rows.map((row) => t.columns.map((c) => cellText(row, c.key, language, levelLabel)))),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
