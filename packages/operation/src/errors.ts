import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.operation');

/**
 * Stable error codes of `@foederal/operation`.
 *
 * @example
 * ```ts
 * if (error.code === 'trend-format') console.log(error.location.line);
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
 * Where an error happened, as the throwing code describes it: a line and column of a text input, a
 * data point, a time. {@link OperationError} turns line and column into the one
 * {@link ErrorLocation} shape (ADR 0120) and keeps point, time and segment as fields of their own.
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
 *   if (OperationError.isInstance(error)) console.log(error.code, error.location, error.point);
 * }
 * ```
 */
export class OperationError extends Error {
  override readonly name: string = 'OperationError';
  /** Stable machine-readable code. */
  readonly code: OperationErrorCode;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where in a text input (line, column), in the one shape of every package. */
  readonly location: ErrorLocation;
  /** Data point id or name concerned, when there is one. */
  readonly point: string | undefined;
  /** Time concerned (ISO 8601 in UTC or as found in the input), when there is one. */
  readonly time: string | undefined;
  /** Field, parameter or column concerned, when there is one. */
  readonly segment: string | undefined;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(
    code: OperationErrorCode,
    message: string | ErrorMessages,
    options: { cause?: unknown; location?: OperationErrorLocation } = {},
  ) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
    const where = options.location ?? {};
    this.location = knownLocation({ line: where.line, column: where.column });
    this.point = where.point;
    this.time = where.time;
    this.segment = where.segment;
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
