import * as z from 'zod/mini';
import { BuildingDataError } from '../errors.js';
import { textOf, type Language } from '@foederal/core';
import { localizedTextSchema } from '@foederal/core/text-schema';

/**
 * One entry of a vocabulary: a code, its parent (or `null` at the top), a German/English label,
 * and `verified: false` when the label could not be checked against the source.
 * Vocabularies may add fields (they are kept).
 *
 * @example
 * ```ts
 * vocabularyEntrySchema.parse({ code: '410', parent: '400', label: { de: 'Abwasser-, Wasser-, Gasanlagen', en: 'Wastewater, water and gas systems' }, verified: false });
 * ```
 */
export const vocabularyEntrySchema = z.looseObject({
  code: z.string().check(z.minLength(1)),
  parent: z.nullable(z.string().check(z.minLength(1))),
  label: localizedTextSchema,
  verified: z.boolean(),
  note: z.optional(z.string()),
});

/**
 * One vocabulary entry.
 *
 * @example
 * ```ts
 * const entry: VocabularyEntry = { code: '410', parent: '400', label: { de: 'Abwasser-, Wasser-, Gasanlagen', en: 'Wastewater, water and gas systems' }, verified: false };
 * ```
 */
export type VocabularyEntry = z.infer<typeof vocabularyEntrySchema>;

/**
 * A vocabulary file: identifier, title, source and edition of the content, the version of the
 * data file itself, and its entries.
 *
 * @example
 * ```ts
 * vocabularyDataSchema.parse(JSON.parse(fs.readFileSync('my-list.json', 'utf8')));
 * ```
 */
export const vocabularyDataSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  title: localizedTextSchema,
  source: z.string().check(z.minLength(1)),
  edition: z.string().check(z.minLength(1)),
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  licence: z.optional(z.string()),
  verification: z.optional(z.string()),
  entries: z.array(vocabularyEntrySchema),
});

/**
 * A vocabulary file.
 *
 * @example
 * ```ts
 * const data: VocabularyData = vocabularyDataSchema.parse(JSON.parse(text));
 * ```
 */
export type VocabularyData = z.infer<typeof vocabularyDataSchema>;

/**
 * Facts about a vocabulary (everything but its entries).
 *
 * @example
 * ```ts
 * const { source, edition }: VocabularyInfo = din276CostGroups.info;
 * ```
 */
export type VocabularyInfo = Omit<VocabularyData, 'entries'>;

/**
 * A loaded, structurally checked vocabulary with lookup, validation and labels.
 *
 * @example
 * ```ts
 * din276CostGroups.label('de', '400'); // 'Bauwerk – Technische Anlagen'
 * ```
 */
export interface Vocabulary<E extends VocabularyEntry = VocabularyEntry> {
  /** Identifier, title, source, edition, version. */
  readonly info: VocabularyInfo;
  /** All entries in file order. */
  readonly entries: readonly E[];
  /** The entry for `code`, or `undefined`. */
  get(code: string): E | undefined;
  /** True when `code` is in the vocabulary. */
  has(code: string): boolean;
  /** The entry for `code`; throws a `BuildingDataError` (`unknown-code`) otherwise. */
  require(code: string): E;
  /** The label of `code` in `language` (English falls back to German). */
  label(language: Language, code: string): string;
  /** Direct children of `code` (top-level entries for `null`). */
  children(code: string | null): readonly E[];
  /** Ancestors of `code`, nearest first. */
  ancestors(code: string): readonly E[];
  /** Depth of `code`: 1 for top-level entries. */
  level(code: string): number;
}

/**
 * One structural problem in vocabulary data.
 *
 * @example
 * ```ts
 * checkVocabularyStructure(data); // [] when the data is sound
 * ```
 */
export interface VocabularyProblem {
  readonly code: string;
  readonly index: number;
  readonly problem: 'duplicate-code' | 'unknown-parent' | 'cycle';
}

/**
 * Checks codes are unique, every parent exists and the parent links contain no cycle.
 *
 * @example
 * ```ts
 * checkVocabularyStructure({ ...data, entries: [...data.entries, data.entries[0]] }); // [{ problem: 'duplicate-code', … }]
 * ```
 */
export function checkVocabularyStructure(data: { readonly entries: readonly VocabularyEntry[] }): VocabularyProblem[] {
  const problems: VocabularyProblem[] = [];
  const byCode = new Map<string, VocabularyEntry>();
  data.entries.forEach((entry, index) => {
    if (byCode.has(entry.code)) problems.push({ code: entry.code, index, problem: 'duplicate-code' });
    else byCode.set(entry.code, entry);
  });
  data.entries.forEach((entry, index) => {
    if (entry.parent !== null && !byCode.has(entry.parent)) {
      problems.push({ code: entry.code, index, problem: 'unknown-parent' });
      return;
    }
    const seen = new Set<string>([entry.code]);
    let parent = entry.parent;
    while (parent !== null) {
      if (seen.has(parent)) {
        problems.push({ code: entry.code, index, problem: 'cycle' });
        return;
      }
      seen.add(parent);
      parent = byCode.get(parent)?.parent ?? null;
    }
  });
  return problems;
}

/**
 * Validates vocabulary data (schema and structure) and returns a {@link Vocabulary}.
 * Throws a `BuildingDataError` with code `invalid-vocabulary` naming the entry otherwise.
 *
 * @example
 * ```ts
 * const rooms = createVocabulary({ id: 'rooms', title: { de: 'Räume', en: 'Rooms' }, source: 'own', edition: '2026', version: '1.0.0',
 *   entries: [{ code: 'A', parent: null, label: { de: 'Aula', en: 'Assembly hall' }, verified: true }] });
 * rooms.label('en', 'A'); // 'Assembly hall'
 * ```
 */
export function createVocabulary<E extends VocabularyEntry = VocabularyEntry>(data: unknown): Vocabulary<E> {
  const parsed = vocabularyDataSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [];
    throw new BuildingDataError(
      'invalid-vocabulary',
      `Vokabular ungültig bei ${JSON.stringify(path)}: ${issue?.message ?? ''} / invalid vocabulary at ${JSON.stringify(path)}`,
      { cause: parsed.error, location: { path } },
    );
  }
  const problems = checkVocabularyStructure(parsed.data);
  const first = problems[0];
  if (first) {
    throw new BuildingDataError(
      'invalid-vocabulary',
      `Vokabular "${parsed.data.id}": ${first.problem} bei Code "${first.code}" (Eintrag ${first.index}) / vocabulary "${parsed.data.id}": ${first.problem} at code "${first.code}" (entry ${first.index})`,
      { location: { path: ['entries', first.index, 'code'] } },
    );
  }
  const { entries: rawEntries, ...info } = parsed.data;
  const entries = rawEntries as E[];
  const byCode = new Map(entries.map((e) => [e.code, e] as const));
  const childMap = new Map<string | null, E[]>();
  for (const entry of entries) {
    const list = childMap.get(entry.parent) ?? [];
    list.push(entry);
    childMap.set(entry.parent, list);
  }
  const require = (code: string): E => {
    const entry = byCode.get(code);
    if (!entry) {
      throw new BuildingDataError(
        'unknown-code',
        `Unbekannter Code "${code}" in "${info.id}" / unknown code "${code}" in "${info.id}"`,
        { location: { segment: info.id } },
      );
    }
    return entry;
  };
  const ancestors = (code: string): E[] => {
    const out: E[] = [];
    let parent = require(code).parent;
    while (parent !== null) {
      const entry = byCode.get(parent) as E;
      out.push(entry);
      parent = entry.parent;
    }
    return out;
  };
  return {
    info,
    entries,
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
    require,
    label: (language, code) => textOf(language, require(code).label),
    children: (code) => childMap.get(code) ?? [],
    ancestors,
    level: (code) => ancestors(code).length + 1,
  };
}
