/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.operation');

/**
 * Stable error codes of `@foederal/operation`.
 *
 * @example
 * ```ts
 * if (error.code === 'trend-format') console.log(error.location?.line);
 * ```
 */
export type OperationErrorCode =
  | 'invalid-input'
  | 'aborted'
  | 'trend-format'
  | 'trend-encoding'
  | 'trend-time'
  | 'unknown-point'
  | 'invalid-rule'
  | 'invalid-grid'
  | 'live-timeout'
  | 'live-protocol'
  | 'live-connection'
  | 'store';

/**
 * Where an error happened: a line and column of a text input, a data point, a time.
 *
 * @example
 * ```ts
 * const where: OperationErrorLocation = { line: 12, point: 'HZG.WE01.VL.TEMP' };
 * ```
 */
export interface OperationErrorLocation {
  /** 1-based line number in a text input. */
  readonly line?: number;
  /** 1-based column (field) number in a text input. */
  readonly column?: number;
  /** Data point id or name concerned. */
  readonly point?: string;
  /** Time concerned, as ISO 8601 text in UTC or as found in the input. */
  readonly time?: string;
  /** Name of the field, parameter or column concerned. */
  readonly segment?: string;
}

/**
 * Base error of the package: every error it throws is an `OperationError` with a stable `code`,
 * a German-first message (`"deutsch / english"`) and, where known, an {@link OperationErrorLocation}.
 *
 * @example
 * ```ts
 * try {
 *   await readTrendCsv(text);
 * } catch (error) {
 *   if (OperationError.isInstance(error)) console.log(error.code, error.location);
 * }
 * ```
 */
export class OperationError extends Error {
  override readonly name: string = 'OperationError';
  /** Stable machine-readable code. */
  readonly code: OperationErrorCode;
  /** Where the problem is. */
  readonly location: OperationErrorLocation | undefined;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: OperationErrorCode,
    message: string,
    options: { cause?: unknown; location?: OperationErrorLocation } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
  }

  /**
   * True for any `OperationError`, also from a second copy of this package.
   *
   * @example
   * ```ts
   * if (OperationError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance(value: unknown): value is OperationError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
