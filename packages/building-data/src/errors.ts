/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.building-data');

/**
 * Stable error codes of `@foederal/building-data`.
 *
 * @example
 * ```ts
 * if (error.code === 'key-syntax') console.log(error.location?.segment);
 * ```
 */
export type BuildingDataErrorCode =
  | 'invalid-input'
  | 'invalid-vocabulary'
  | 'unknown-code'
  | 'key-syntax'
  | 'invalid-grammar'
  | 'ede-format'
  | 'ede-encoding'
  | 'invalid-obis'
  | 'meter-tree'
  | 'readings'
  | 'consumption';

/**
 * Where an error happened: any of a JSON path, a line, a column or a character position.
 *
 * @example
 * ```ts
 * const where: ErrorLocation = { line: 12, segment: 'object-type' };
 * ```
 */
export interface ErrorLocation {
  /** JSON path, e.g. `['buildings', 0, 'storeys', 2]`. */
  readonly path?: readonly (string | number)[];
  /** 1-based line number in a text input. */
  readonly line?: number;
  /** 1-based column number in a text input. */
  readonly column?: number;
  /** 0-based character offset in a string (keys). */
  readonly position?: number;
  /** Name of the key segment, grammar field or CSV column concerned. */
  readonly segment?: string;
}

/**
 * Base error of the package: every error it throws is a `BuildingDataError` with a stable `code`,
 * a German-first message (`"deutsch / english"`) and, where known, a {@link ErrorLocation}.
 *
 * @example
 * ```ts
 * try {
 *   parseKey(genericAksProfile, '??');
 * } catch (error) {
 *   if (BuildingDataError.isInstance(error)) console.log(error.code, error.location);
 * }
 * ```
 */
export class BuildingDataError extends Error {
  override readonly name: string = 'BuildingDataError';
  /** Stable machine-readable code. */
  readonly code: BuildingDataErrorCode;
  /** Where the problem is. */
  readonly location: ErrorLocation | undefined;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: BuildingDataErrorCode,
    message: string,
    options: { cause?: unknown; location?: ErrorLocation } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
  }

  /**
   * True for any `BuildingDataError`, also from a second copy of this package.
   *
   * @example
   * ```ts
   * if (BuildingDataError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance(value: unknown): value is BuildingDataError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
