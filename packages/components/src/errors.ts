import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.components');


/**
 * Stable codes of {@link ComponentsError}.
 *
 * @example
 * const code: ComponentsErrorCode = 'invalid-data';
 */
export type ComponentsErrorCode =
  | 'no-source'
  | 'load-failed'
  | 'not-found'
  | 'network'
  | 'rejected'
  | 'invalid-data';

/**
 * The one error class of `@foederal/components`: a stable `code`, the underlying `cause`, and the
 * cross-package brand so `isInstance` works across duplicate installs.
 *
 * @example
 * try { await load(); } catch (e) { if (ComponentsError.isInstance(e)) console.log(e.code); }
 */
export class ComponentsError extends Error {
  override readonly name: string = 'ComponentsError';
  /** Stable machine-readable code. */
  readonly code: ComponentsErrorCode;
  /** For `invalid-data`: JSON path of the first invalid value, e.g. `$.recommendations[0].title`. */
  readonly path: string | undefined;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: the JSON path of the first invalid value, when there is one. */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: ComponentsErrorCode, message: string | ErrorMessages, options?: { cause?: unknown; path?: string }) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options?.path;
    this.messages = messages;
    this.location = knownLocation({ path: options?.path });
  }

  /** True for any foederal error of this package, also from another copy of it. */
  static isInstance(value: unknown): value is ComponentsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
