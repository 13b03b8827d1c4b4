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
 * Base error of `@foederal/publiccode`: thrown only for input that is refused outright (too large,
 * not UTF-8, binary, alias bombs, nesting too deep) and for wrong options. Everything wrong with a
 * readable publiccode.yml is reported as a validation issue instead. The message is German first,
 * then English (`"deutsch / english"`); `line` and `column` say where, when known.
 *
 * @example
 * ```ts
 * try {
 *   await parsePubliccode(bytes);
 * } catch (error) {
 *   if (PubliccodeError.isInstance(error)) console.log(error.code, error.line);
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
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: PubliccodeErrorCode,
    message: string,
    options: { cause?: unknown; line?: number; column?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.line = options.line;
    this.column = options.column;
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
