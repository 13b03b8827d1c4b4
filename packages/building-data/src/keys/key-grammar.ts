import * as z from 'zod/mini';
import { BuildingDataError } from '../errors.js';
import type { LocalizedText } from '@foederal/core';
import { localizedTextSchema } from '@foederal/core/text-schema';

/**
 * Character classes a key segment may use. `extra` on a segment adds single characters
 * (e.g. `"_"`), which must not occur in any separator.
 *
 * @example
 * ```ts
 * keyCharsets['upper-alnum'].includes('7'); // true
 * ```
 */
export const keyCharsets = {
  digits: '0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  'upper-alnum': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
} as const;

/**
 * Name of a character class of {@link keyCharsets}.
 *
 * @example
 * ```ts
 * const charset: KeyCharset = 'upper-alnum';
 * ```
 */
export type KeyCharset = keyof typeof keyCharsets;

const charsetLabels: Record<KeyCharset, Required<LocalizedText>> = {
  digits: { de: 'Ziffern', en: 'digits' },
  upper: { de: 'Großbuchstaben', en: 'capital letters' },
  lower: { de: 'Kleinbuchstaben', en: 'small letters' },
  letters: { de: 'Buchstaben', en: 'letters' },
  'upper-alnum': { de: 'Großbuchstaben oder Ziffern', en: 'capital letters or digits' },
  alnum: { de: 'Buchstaben oder Ziffern', en: 'letters or digits' },
};

/**
 * One segment of a key grammar: its name (`site`, `building`, `floor`, `room`, `trade`,
 * `system`, `component`, `function` or any other), label, the separator written before it
 * (`""` for the first segment or directly after a fixed-length one), allowed characters and
 * length, whether it may be left out, and optionally the list of allowed codes.
 *
 * @example
 * ```ts
 * keySegmentSchema.parse({ name: 'trade', label: { de: 'Gewerk', en: 'trade' }, separator: '.', charset: 'upper', minLength: 3, maxLength: 3 });
 * ```
 */
export const keySegmentSchema = z.object({
  name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)),
  label: localizedTextSchema,
  separator: z._default(z.string(), ''),
  charset: z.enum(Object.keys(keyCharsets) as [KeyCharset, ...KeyCharset[]]),
  extra: z._default(z.string(), ''),
  minLength: z.int().check(z.gte(1)),
  maxLength: z.int().check(z.gte(1), z.lte(64)),
  optional: z._default(z.boolean(), false),
  /** Left-pad values shorter than `minLength` with this character when formatting (e.g. `"0"`). */
  pad: z.optional(z.string().check(z.length(1))),
  codes: z.optional(z.array(z.string().check(z.minLength(1)))),
});

/**
 * One segment of a key grammar.
 *
 * @example
 * ```ts
 * const trade: KeySegment = genericAksProfile.data.segments[4]!;
 * ```
 */
export type KeySegment = z.infer<typeof keySegmentSchema>;

/**
 * A key grammar (AKS/BAS profile) as data: identifier, label, where it comes from, what was
 * assumed, and its segments in order.
 *
 * @example
 * ```ts
 * const grammar = createKeyGrammar(keyGrammarSchema.parse(json));
 * ```
 */
export const keyGrammarSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  label: localizedTextSchema,
  source: z.string().check(z.minLength(1)),
  /** Edition of the key scheme the profile follows, e.g. `"AMEV Nr. 174 (2024)"`. */
  edition: z.optional(z.string().check(z.minLength(1))),
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  assumptions: z._default(z.array(z.string()), []),
  segments: z.array(keySegmentSchema).check(z.minLength(1)),
});

/**
 * A key grammar as data.
 *
 * @example
 * ```ts
 * const data: KeyGrammarData = genericAksProfile.data;
 * ```
 */
export type KeyGrammarData = z.infer<typeof keyGrammarSchema>;

/**
 * The parts of a key, by segment name; segments left out are absent.
 *
 * @example
 * ```ts
 * const parts: KeyParts = { site: 'L01', building: 'G1', floor: 'EG', trade: 'HZG', system: 'WE01', component: 'PU01', function: 'BM' };
 * ```
 */
export type KeyParts = Record<string, string>;

/**
 * A parse/validation problem: which segment, at which 0-based character position, what was expected.
 *
 * @example
 * ```ts
 * const r = genericAksProfile.validate('L01'); if (!r.ok) console.log(r.problem.segment, r.problem.position);
 * ```
 */
export interface KeyProblem {
  readonly segment: string;
  readonly position: number;
  readonly expected: Required<LocalizedText>;
  readonly found: string;
  readonly message: Required<LocalizedText>;
}

/**
 * A compiled key grammar: parse, validate and format keys.
 *
 * @example
 * ```ts
 * const grammar: KeyGrammar = createKeyGrammar(json); grammar.format(grammar.parse(key));
 * ```
 */
export interface KeyGrammar {
  readonly data: KeyGrammarData;
  /** Splits `key` into its parts; throws a `BuildingDataError` (`key-syntax`) naming segment and position. */
  parse(key: string): KeyParts;
  /** Like `parse`, but returns the problem instead of throwing. */
  validate(key: string): { ok: true; parts: KeyParts } | { ok: false; problem: KeyProblem };
  /** Writes parts as a key; throws a `BuildingDataError` (`key-syntax`) for a missing or invalid part. */
  format(parts: KeyParts): string;
}

interface Compiled {
  readonly seg: KeySegment;
  readonly allowed: Uint8Array;
  readonly codes: ReadonlySet<string> | undefined;
  readonly expected: Required<LocalizedText>;
}

const describeChars = (seg: KeySegment): Required<LocalizedText> => {
  const len = seg.minLength === seg.maxLength ? `${seg.minLength}` : `${seg.minLength}-${seg.maxLength}`;
  const extra = seg.extra ? ` ${JSON.stringify(seg.extra)}` : '';
  return {
    de: `${len} ${charsetLabels[seg.charset].de}${extra ? ` oder${extra}` : ''}`,
    en: `${len} ${charsetLabels[seg.charset].en}${extra ? ` or${extra}` : ''}`,
  };
};

function grammarError(grammar: string, message: string, index: number): BuildingDataError {
  return new BuildingDataError('invalid-grammar', `Schlüsselgrammatik "${grammar}": ${message}`, {
    location: { path: ['segments', index] },
  });
}

/**
 * Compiles a key grammar (validated with {@link keyGrammarSchema}) so that every key has exactly
 * one reading: separators use no character a segment may contain; a segment without separator
 * must follow a fixed-length one; an optional segment needs a separator used by no other
 * segment. Violations throw a `BuildingDataError` (`invalid-grammar`).
 *
 * @example
 * ```ts
 * const g = createKeyGrammar(genericAksProfile);
 * g.parse('L01.G1.E02.R012.HZG.WE01.PU01.BM'); // { site: 'L01', building: 'G1', floor: 'E02', … }
 * ```
 */
export function createKeyGrammar(input: unknown): KeyGrammar {
  const parsed = keyGrammarSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BuildingDataError('invalid-grammar', `Schlüsselgrammatik ungültig / invalid key grammar: ${issue?.message ?? ''}`, {
      cause: parsed.error,
      location: { path: issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [] },
    });
  }
  const data = parsed.data;
  const separatorChars = new Set(data.segments.flatMap((s) => [...s.separator]));
  const names = new Set<string>();
  const compiled: Compiled[] = data.segments.map((seg, i) => {
    if (names.has(seg.name)) throw grammarError(data.id, `Segment "${seg.name}" doppelt / duplicate segment`, i);
    names.add(seg.name);
    if (seg.minLength > seg.maxLength) throw grammarError(data.id, `Segment "${seg.name}": minLength > maxLength`, i);
    const chars = keyCharsets[seg.charset] + seg.extra;
    for (const c of chars) {
      if (separatorChars.has(c)) throw grammarError(data.id, `Segment "${seg.name}": Zeichen "${c}" ist auch Trennzeichen / character is also a separator`, i);
      if (c.charCodeAt(0) > 127) throw grammarError(data.id, `Segment "${seg.name}": nur ASCII-Zeichen / ASCII only`, i);
    }
    const prev = data.segments[i - 1];
    if (i > 0 && seg.separator === '' && prev && prev.minLength !== prev.maxLength) {
      throw grammarError(data.id, `Segment "${seg.name}" ohne Trennzeichen nach variabel langem Segment / no separator after a variable-length segment`, i);
    }
    if (i > 0 && seg.separator === '' && prev?.optional) {
      throw grammarError(data.id, `Segment "${seg.name}" ohne Trennzeichen nach optionalem Segment / no separator after an optional segment`, i);
    }
    if (seg.optional && (seg.separator === '' || data.segments.some((o, j) => j !== i && (o.separator.startsWith(seg.separator) || seg.separator.startsWith(o.separator)) && o.separator !== ''))) {
      throw grammarError(data.id, `optionales Segment "${seg.name}" braucht ein eigenes Trennzeichen / an optional segment needs its own separator`, i);
    }
    if (seg.pad !== undefined && !chars.includes(seg.pad)) throw grammarError(data.id, `Segment "${seg.name}": Füllzeichen nicht erlaubt / pad character not allowed`, i);
    const allowed = new Uint8Array(128);
    for (const c of chars) allowed[c.charCodeAt(0)] = 1;
    for (const code of seg.codes ?? []) {
      if (code.length < seg.minLength || code.length > seg.maxLength || [...code].some((c) => !chars.includes(c))) {
        throw grammarError(data.id, `Segment "${seg.name}": Code "${code}" passt nicht zum Segment / code does not fit the segment`, i);
      }
    }
    return { seg, allowed, codes: seg.codes ? new Set(seg.codes) : undefined, expected: describeChars(seg) };
  });

  const problem = (segment: string, position: number, expected: Required<LocalizedText>, found: string, what: Required<LocalizedText>): KeyProblem => ({
    segment,
    position,
    expected,
    found,
    message: {
      de: `Segment "${segment}" an Position ${position}: ${what.de}; erwartet ${expected.de}, gefunden ${found === '' ? 'Ende' : JSON.stringify(found)}`,
      en: `segment "${segment}" at position ${position}: ${what.en}; expected ${expected.en}, found ${found === '' ? 'end' : JSON.stringify(found)}`,
    },
  });

  const validate = (key: string): { ok: true; parts: KeyParts } | { ok: false; problem: KeyProblem } => {
    const parts: KeyParts = {};
    let p = 0;
    const n = key.length;
    for (let i = 0; i < compiled.length; i++) {
      const { seg, allowed, codes, expected } = compiled[i] as Compiled;
      if (seg.separator !== '') {
        if (key.startsWith(seg.separator, p)) p += seg.separator.length;
        else if (seg.optional) continue;
        else {
          return {
            ok: false,
            problem: problem(seg.name, p, { de: `Trennzeichen ${JSON.stringify(seg.separator)}`, en: `separator ${JSON.stringify(seg.separator)}` }, key.slice(p, p + 1), {
              de: 'Trennzeichen fehlt',
              en: 'separator missing',
            }),
          };
        }
      }
      const start = p;
      const limit = Math.min(n, start + seg.maxLength);
      while (p < limit) {
        const c = key.charCodeAt(p);
        if (c > 127 || allowed[c] !== 1) break;
        p++;
      }
      if (p - start < seg.minLength) {
        return {
          ok: false,
          problem: problem(seg.name, p, expected, key.slice(p, p + 1), { de: 'zu kurz oder unerlaubtes Zeichen', en: 'too short or character not allowed' }),
        };
      }
      const value = key.slice(start, p);
      if (codes && !codes.has(value)) {
        return {
          ok: false,
          problem: problem(seg.name, start, { de: 'ein Code der Liste', en: 'a listed code' }, value, { de: 'unbekannter Code', en: 'unknown code' }),
        };
      }
      parts[seg.name] = value;
    }
    if (p < n) {
      const last = compiled[compiled.length - 1] as Compiled;
      const lastPresent = [...compiled].reverse().find((c) => parts[c.seg.name] !== undefined) ?? last;
      return {
        ok: false,
        problem: problem(lastPresent.seg.name, p, { de: 'Ende des Schlüssels', en: 'end of key' }, key.slice(p, p + 1), {
          de: 'Zeichen nach dem Segment',
          en: 'characters after the segment',
        }),
      };
    }
    return { ok: true, parts };
  };

  const parse = (key: string): KeyParts => {
    const result = validate(key);
    if (result.ok) return result.parts;
    throw new BuildingDataError('key-syntax', `Schlüssel ${JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}…` : key)}: ${result.problem.message.de} / ${result.problem.message.en}`, {
      location: { segment: result.problem.segment, position: result.problem.position },
    });
  };

  const format = (parts: KeyParts): string => {
    let out = '';
    for (let i = 0; i < compiled.length; i++) {
      const { seg, allowed, codes, expected } = compiled[i] as Compiled;
      let value = parts[seg.name];
      if (value === undefined || value === '') {
        if (seg.optional) continue;
        throw new BuildingDataError('key-syntax', `Segment "${seg.name}" fehlt / segment "${seg.name}" missing`, { location: { segment: seg.name, position: out.length } });
      }
      if (seg.pad !== undefined && value.length < seg.minLength) value = value.padStart(seg.minLength, seg.pad);
      const bad = [...value].findIndex((c) => c.charCodeAt(0) > 127 || allowed[c.charCodeAt(0)] !== 1);
      if (bad >= 0 || value.length < seg.minLength || value.length > seg.maxLength || (codes && !codes.has(value))) {
        throw new BuildingDataError(
          'key-syntax',
          `Segment "${seg.name}": ${JSON.stringify(value)} passt nicht, erwartet ${expected.de} / does not fit, expected ${expected.en}`,
          { location: { segment: seg.name, position: out.length + seg.separator.length + Math.max(bad, 0) } },
        );
      }
      out += seg.separator + value;
    }
    return out;
  };

  return { data, parse, validate, format };
}
