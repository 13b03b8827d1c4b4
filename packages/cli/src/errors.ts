import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.cli');

/**
 * Exit codes of the `foederal` command (documented in the README).
 *
 * - `ok` 0: done, every check passed
 * - `failed` 1: the answer is negative: a specification or check failed, findings, a record not found
 * - `invalid` 2: invalid input or usage: unreadable, malformed or refused file, unknown option
 * - `unavailable` 3: the registry or network failed: unreachable, timeout, 401/403, 5xx, contract violation
 * - `interrupted` 130: stopped with Ctrl-C (SIGINT) or SIGTERM
 *
 * @example
 * ```ts
 * if (process.exitCode === exitCodes.failed) console.error('Prüfung nicht bestanden / check failed');
 * ```
 */
export const exitCodes = {
  ok: 0,
  failed: 1,
  invalid: 2,
  unavailable: 3,
  interrupted: 130,
} as const;

/**
 * Stable error codes of `@foederal/cli`.
 *
 * @example
 * ```ts
 * const code: CliErrorCode = 'invalid-input';
 * ```
 */
export type CliErrorCode = 'usage' | 'invalid-input' | 'io' | 'not-found' | 'unavailable' | 'aborted';

const exitOf: Record<CliErrorCode, number> = {
  usage: exitCodes.invalid,
  'invalid-input': exitCodes.invalid,
  io: exitCodes.invalid,
  'not-found': exitCodes.failed,
  unavailable: exitCodes.unavailable,
  aborted: exitCodes.interrupted,
};

/**
 * Base error of the package: every failure of a command is a `CliError` with a stable `code`,
 * the process exit code it leads to and a German-first message (`"deutsch / english"`).
 *
 * @example
 * ```ts
 * try {
 *   await run(['ids', 'check', 'missing.ids', 'model.ifc']);
 * } catch (error) {
 *   if (CliError.isInstance(error)) console.log(error.code, error.exitCode);
 * }
 * ```
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  /** Stable machine-readable code. */
  readonly code: CliErrorCode;
  /** Exit code of the process for this error. */
  readonly exitCode: number;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: the file or argument concerned, when there is one (ADR 0120). */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: CliErrorCode, message: string | ErrorMessages, options: { cause?: unknown; location?: ErrorLocation } = {}) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = exitOf[code];
    this.messages = messages;
    this.location = knownLocation(options.location ?? {});
  }

  /**
   * True for any `CliError`, also from a second copy of this package.
   *
   * @example
   * ```ts
   * if (CliError.isInstance(error)) process.exitCode = error.exitCode;
   * ```
   */
  static isInstance(value: unknown): value is CliError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
