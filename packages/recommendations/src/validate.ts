import type { Language } from '@foederal/core';
import type * as z from 'zod/mini';
import { de as zodDe, en as zodEn } from 'zod/locales';
import { catalogueSchema, type Catalogue } from './catalogue-schema.js';
import { consultationSchema, contributionSchema, type Consultation, type Contribution } from './consultation-schema.js';
import { ValidationError, type ValidationIssue } from './errors.js';
import { jsonErrorOffset } from './json-offset.js';
import { experienceReportSchema, pilotSchema, type ExperienceReport, type Pilot } from './pilot-schema.js';
import { recommendationSchema, type Recommendation } from './recommendation-schema.js';

/**
 * The record kinds this package validates, by name.
 *
 * @example
 * recordSchemas.Recommendation.safeParse(exampleCatalogue.recommendations[0]).success; // true
 */
export const recordSchemas = {
  Recommendation: recommendationSchema,
  Consultation: consultationSchema,
  Contribution: contributionSchema,
  Catalogue: catalogueSchema,
  Pilot: pilotSchema,
  ExperienceReport: experienceReportSchema,
} as const;
/** Name of a record kind. @example const k: RecordKind = 'Pilot'; */
export type RecordKind = keyof typeof recordSchemas;
/** The type of a record kind. @example const r: RecordOf<'Pilot'> = exampleCatalogue.pilots[0]!; */
export type RecordOf<K extends RecordKind> = {
  Recommendation: Recommendation;
  Consultation: Consultation;
  Contribution: Contribution;
  Catalogue: Catalogue;
  Pilot: Pilot;
  ExperienceReport: ExperienceReport;
}[K];

/** Outcome of a validation. @example const r: ValidationResult<Pilot> = validate('Pilot', {}); */
export type ValidationResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: ValidationError };

let localeDe: ((issue: z.core.$ZodRawIssue) => string | undefined) | undefined;
let localeEn: ((issue: z.core.$ZodRawIssue) => string | undefined) | undefined;

function messageOf(locale: Language, issue: z.core.$ZodIssue): string {
  const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
  if (params && typeof params[locale] === 'string') return params[locale];
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.message.includes(' / ')) {
    const [de, en] = issue.message.split(' / ');
    return (locale === 'de' ? de : en) ?? issue.message;
  }
  localeDe ??= zodDe().localeError as (issue: z.core.$ZodRawIssue) => string | undefined;
  localeEn ??= zodEn().localeError as (issue: z.core.$ZodRawIssue) => string | undefined;
  const fn = locale === 'de' ? localeDe : localeEn;
  return fn(issue as unknown as z.core.$ZodRawIssue) ?? issue.message;
}

/**
 * Render path segments as JSONPath (`$.attachments[0]['media type']`).
 *
 * @example
 * toJsonPath(['attachments', 0, 'sha256']); // '$.attachments[0].sha256'
 */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Turn zod issues into bilingual issues with JSON paths (nested union issues are flattened). */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    out.push({
      path,
      jsonPath: toJsonPath(path),
      code: issue.code,
      de: messageOf('de', issue),
      en: messageOf('en', issue),
    });
  }
  return out;
}

/**
 * Validate `input` as a record of kind `kind`. Never throws: bad input, including hostile objects
 * whose getters throw, comes back as a {@link ValidationError} with JSON paths in German and English.
 *
 * @example
 * const result = validate('Recommendation', JSON.parse(text));
 * if (!result.success) for (const i of result.error.issues) console.log(i.jsonPath, i.de, i.en);
 */
export function validate<K extends RecordKind>(kind: K, input: unknown): ValidationResult<RecordOf<K>> {
  const schema = recordSchemas[kind] as unknown as z.ZodMiniType<RecordOf<K>>;
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(input, { reportInput: true });
  } catch (cause) {
    return {
      success: false,
      error: new ValidationError(kind, [{
        path: [], jsonPath: '$', code: 'unreadable',
        de: 'Eingabe ließ sich nicht lesen', en: 'input could not be read',
      }], { cause }),
    };
  }
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, error: new ValidationError(kind, toIssues(parsed.error.issues), { cause: parsed.error }) };
}

/**
 * Validate or throw a {@link ValidationError}.
 *
 * @example
 * const pilot = parse('Pilot', input);
 */
export function parse<K extends RecordKind>(kind: K, input: unknown): RecordOf<K> {
  const result = validate(kind, input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Parse JSON text and validate it; a syntax error is reported with its offset, line and column.
 *
 * @example
 * const result = validateJson('Catalogue', await readFile('catalogue.json', 'utf8'));
 */
export function validateJson<K extends RecordKind>(kind: K, text: string): ValidationResult<RecordOf<K>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const offset = Math.max(0, jsonErrorOffset(text));
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return {
      success: false,
      error: new ValidationError(kind, [{
        path: [], jsonPath: '$', code: 'invalid_json',
        de: `kein gültiges JSON bei Byte-Offset ${offset} (Zeile ${line}, Spalte ${column})`,
        en: `not valid JSON at offset ${offset} (line ${line}, column ${column})`,
      }], { cause }),
    };
  }
  return validate(kind, value);
}

/**
 * Validate a recommendation.
 *
 * @example
 * validateRecommendation(exampleCatalogue.recommendations[0]).success; // true
 */
export function validateRecommendation(input: unknown): ValidationResult<Recommendation> {
  return validate('Recommendation', input);
}

/**
 * Validate a recommendation or throw a {@link ValidationError}.
 *
 * @example
 * const r = parseRecommendation(JSON.parse(text));
 */
export function parseRecommendation(input: unknown): Recommendation {
  return parse('Recommendation', input);
}

/**
 * Validate a whole catalogue, including the references between its records.
 *
 * @example
 * validateCatalogue(exampleCatalogue).success; // true
 */
export function validateCatalogue(input: unknown): ValidationResult<Catalogue> {
  return validate('Catalogue', input);
}

/**
 * Validate a catalogue or throw a {@link ValidationError}.
 *
 * @example
 * const catalogue = parseCatalogue(JSON.parse(text));
 */
export function parseCatalogue(input: unknown): Catalogue {
  return parse('Catalogue', input);
}
