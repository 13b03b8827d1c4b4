import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

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
 * Where an error happened, as the throwing code describes it; {@link BuildingDataError} turns it
 * into the one {@link ErrorLocation} shape and keeps `segment` apart.
 *
 * @example
 * ```ts
 * const where: ErrorLocationInput = { line: 12, segment: 'object-type' };
 * ```
 */
export interface ErrorLocationInput {
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

/** Render a JSON path as `$.storeys[2].spaces[0]`. */
function jsonPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * Base error of the package: every error it throws is a `BuildingDataError` with a stable `code`,
 * a German-first message (`"deutsch / english"`, both also in `messages`) and, where known, an
 * {@link ErrorLocation}.
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
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where the problem is (`offset` is the character position in a key or code). */
  readonly location: ErrorLocation;
  /** Name of the key segment, grammar field, meter or CSV column concerned, when there is one. */
  readonly segment: string | undefined;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: BuildingDataErrorCode,
    message: string | ErrorMessages,
    options: { cause?: unknown; location?: ErrorLocationInput } = {},
  ) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
    const where = options.location ?? {};
    this.location = knownLocation({
      path: where.path === undefined ? undefined : jsonPath(where.path),
      line: where.line,
      column: where.column,
      offset: where.position,
    });
    this.segment = where.segment;
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
