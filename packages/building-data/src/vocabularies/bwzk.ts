import { BuildingDataError } from '../errors.js';
import { createVocabulary, type Vocabulary, type VocabularyEntry } from './vocabulary.js';

/**
 * Where a BWZK table comes from; the loader insists on both, as for every vocabulary.
 *
 * @example
 * ```ts
 * const source: BwzkSource = { source: 'BMWSB, Bauwerkszuordnungskatalog', edition: '2010' };
 * ```
 */
export interface BwzkSource {
  /** Publisher and document, e.g. "BMWSB, Bauwerkszuordnungskatalog (BWZK)". */
  readonly source: string;
  /** Edition of the catalogue, e.g. "2010". */
  readonly edition: string;
  /** Version of your data file; default `1.0.0`. */
  readonly version?: string;
  /** Whether the labels were checked against the published catalogue; default `true`. */
  readonly verified?: boolean;
}

/**
 * One row of a BWZK table before loading.
 *
 * @example
 * ```ts
 * const row: BwzkRow = { code: '1234', de: 'Bezeichnung', parent: '1200' };
 * ```
 */
export interface BwzkRow {
  readonly code: string;
  readonly de: string;
  readonly en?: string;
  readonly parent?: string | null;
}

/**
 * Parent of a 4-digit BWZK code derived from its trailing zeros, the hierarchy the catalogue
 * uses (`4000` → `4100` → `4110` → `4111`): the nearest code in `known` that is the same code
 * with its last non-zero digits set to zero.
 *
 * @example
 * ```ts
 * bwzkParent('4111', new Set(['4000', '4100', '4110'])); // '4110'
 * bwzkParent('4111', new Set(['4000'])); // '4000'
 * ```
 */
export function bwzkParent(code: string, known: ReadonlySet<string>): string | null {
  for (let keep = code.replace(/0+$/, '').length - 1; keep >= 1; keep--) {
    const candidate = code.slice(0, keep).padEnd(code.length, '0');
    if (candidate !== code && known.has(candidate)) return candidate;
  }
  return null;
}

function parseCsv(text: string): BwzkRow[] {
  const rows: BwzkRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const sep = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',';
    const [code = '', de = '', en] = line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && !/^\d/.test(code)) return; // header
    if (!/^\d{4}$/.test(code) || de === '') {
      throw new BuildingDataError(
        'invalid-input',
        `BWZK Zeile ${i + 1}: erwartet "Code;Bezeichnung[;English]" mit 4-stelligem Code / line ${i + 1}: expected "code;label[;English]" with a 4-digit code`,
        { location: { line: i + 1 } },
      );
    }
    rows.push(en ? { code, de, en } : { code, de });
  });
  return rows;
}

/**
 * Loads a BWZK (Bauwerkszuordnungskatalog) building-type table, which this package does not ship
 * (its content could not be sourced and checked here). Accepts CSV text (`code;label[;English]`,
 * `;`, `,` or tab separated, optional header, `#` comments) or rows; derives the hierarchy from
 * the 4-digit codes unless a row names its parent; checks the structure like every vocabulary.
 *
 * @example
 * ```ts
 * const bwzk = loadBwzk(fs.readFileSync('bwzk.csv', 'utf8'), { source: 'BMWSB, BWZK', edition: '2010' });
 * bwzk.ancestors('4111').map((e) => e.code);
 * ```
 */
export function loadBwzk(input: string | readonly BwzkRow[], meta: BwzkSource): Vocabulary {
  const rows = typeof input === 'string' ? parseCsv(input) : input;
  const known = new Set(rows.map((r) => r.code));
  const entries: VocabularyEntry[] = rows.map((r, index) => {
    if (!/^\d{4}$/.test(r.code)) {
      throw new BuildingDataError('invalid-input', `BWZK-Eintrag ${index}: Code "${r.code}" ist nicht 4-stellig / code is not 4 digits`, {
        location: { path: [index, 'code'] },
      });
    }
    return {
      code: r.code,
      parent: r.parent === undefined ? bwzkParent(r.code, known) : r.parent,
      label: { de: r.de, en: r.en ?? r.de },
      verified: meta.verified ?? true,
    };
  });
  return createVocabulary({
    id: 'bwzk',
    title: { de: 'Bauwerkszuordnungskatalog (BWZK)', en: 'Building type catalogue (BWZK)' },
    source: meta.source,
    edition: meta.edition,
    version: meta.version ?? '1.0.0',
    entries,
  });
}
