import { knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.recommendations');


/** Stable error codes of this package. @example const c: RecommendationsErrorCode = 'invalid-input'; */
export type RecommendationsErrorCode = 'invalid-input' | 'lifecycle-guard' | 'export-failed';

/**
 * Base class of every error thrown or returned by `@foederal/recommendations`. The message is
 * German first, English second; `messages` holds both separately.
 *
 * @example
 * try { parseRecommendation({}); } catch (e) { if (RecommendationsError.isInstance(e)) console.log(e.code); }
 */
export class RecommendationsError extends Error {
  readonly [brand] = true;
  readonly [marker] = true;
  override readonly name: string = 'RecommendationsError';
  /** Stable machine-readable code. */
  readonly code: RecommendationsErrorCode;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: for invalid input the JSON path of the first problem. */
  readonly location: ErrorLocation;

  constructor(code: RecommendationsErrorCode, messages: ErrorMessages, options?: { cause?: unknown; location?: ErrorLocation }) {
    super(`${messages.de} / ${messages.en}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = { de: messages.de, en: messages.en };
    this.location = knownLocation(options?.location ?? {});
  }

  /**
   * True for any error of this package, also across duplicate installs.
   *
   * @example
   * RecommendationsError.isInstance(new Error('x')); // false
   */
  static isInstance(value: unknown): value is RecommendationsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** One problem in the input, with where it is. @example const i: ValidationIssue = err.issues[0]!; */
export interface ValidationIssue {
  /** Path segments, e.g. `['attachments', 0, 'sha256']`. */
  readonly path: readonly (string | number)[];
  /** JSONPath, e.g. `$.attachments[0].sha256`. */
  readonly jsonPath: string;
  /** zod issue code (`invalid_type`, `custom`, …). */
  readonly code: string;
  /** German message. */
  readonly de: string;
  /** English message. */
  readonly en: string;
}

/**
 * Invalid input: lists every problem with its JSON path in German and English.
 *
 * @example
 * const result = validateRecommendation({});
 * if (!result.success) console.log(result.error.issues[0]?.jsonPath);
 */
export class ValidationError extends RecommendationsError {
  override readonly name = 'ValidationError';
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];
  /** What was validated (`Recommendation`, `Consultation`, …). */
  readonly subject: string;

  constructor(subject: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    const more = issues.length > 1 ? issues.length - 1 : 0;
    super('invalid-input', {
      de: `Ungültige Eingabe (${subject}): ${first ? `${first.jsonPath}: ${first.de}` : 'unbekannter Fehler'}${more ? ` (und ${more} weitere)` : ''}`,
      en: `invalid input (${subject}): ${first ? `${first.jsonPath}: ${first.en}` : 'unknown error'}${more ? ` (and ${more} more)` : ''}`,
    }, { ...options, location: first ? { path: first.jsonPath } : {} });
    this.subject = subject;
    this.issues = issues;
  }
}
