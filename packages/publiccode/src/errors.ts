import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.publiccode');

/**
 * Stable codes of input that {@link parsePubliccode} refuses before validating it.
 *
 * @example
 * ```ts
 * if (error.code === 'too-large') console.log('Datei zu groß / file too large');
 * ```
 */
export type PubliccodeErrorCode =
  | 'invalid-input'
  | 'too-large'
  | 'encoding'
  | 'binary'
  | 'scalar-too-large'
  | 'too-deep'
  | 'alias-limit'
  | 'invalid-options';

/**
 * Options of {@link PubliccodeError}: the cause and what is known of the place.
 *
 * @example
 * ```ts
 * const options: PubliccodeErrorOptions = { line: 3, column: 1, offset: 40 };
 * ```
 */
export interface PubliccodeErrorOptions {
  /** The underlying error. */
  readonly cause?: unknown;
  /** JSON path of the offending key, e.g. `$.description.en`. */
  readonly path?: string | undefined;
  /** 1-based line. */
  readonly line?: number | undefined;
  /** 1-based column. */
  readonly column?: number | undefined;
  /** 0-based character offset into the text. */
  readonly offset?: number | undefined;
}

/**
 * Base error of `@foederal/publiccode`: thrown only for input that is refused outright (too large,
 * not UTF-8, binary, alias bombs, nesting too deep) and for wrong options. Everything wrong with a
 * readable publiccode.yml is reported as a validation issue instead. `messages` holds the text in
 * German and English, `message` is `"deutsch / english"`; `location` says where (ADR 0120), with
 * only the fields that are known. `line` and `column` stay as shortcuts.
 *
 * @example
 * ```ts
 * try {
 *   await parsePubliccode(bytes);
 * } catch (error) {
 *   if (PubliccodeError.isInstance(error)) console.log(error.code, error.location.line, error.messages.de);
 * }
 * ```
 */
export class PubliccodeError extends Error {
  override readonly name: string = 'PubliccodeError';
  /** Stable machine-readable code. */
  readonly code: PubliccodeErrorCode;
  /** 1-based line of the problem, when known. */
  readonly line: number | undefined;
  /** 1-based column of the problem, when known. */
  readonly column: number | undefined;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: `path` (JSON path of the key), `line`/`column` (1-based), `offset` (0-based); absent when not known. */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: PubliccodeErrorCode,
    message: string | ErrorMessages,
    options: PubliccodeErrorOptions = {},
  ) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
    this.location = knownLocation(options);
    this.line = this.location.line;
    this.column = this.location.column;
  }

  /**
   * True for any `PubliccodeError`, also from a second copy of this package.
   *
   * @example
   * ```ts
   * if (PubliccodeError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance(value: unknown): value is PubliccodeError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
