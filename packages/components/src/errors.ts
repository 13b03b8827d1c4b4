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
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: ComponentsErrorCode, message: string, options?: { cause?: unknown; path?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options?.path;
  }

  /** True for any foederal error of this package, also from another copy of it. */
  static isInstance(value: unknown): value is ComponentsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
