const brand = Symbol.for('foederal.error');

/** Stable codes of {@link ComponentsError}. */
export type ComponentsErrorCode =
  | 'no-source'
  | 'load-failed'
  | 'not-found'
  | 'network'
  | 'rejected'
  | 'invalid-attribute';

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
  readonly [brand] = true;

  constructor(code: ComponentsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for any foederal error of this package, also from another copy of it. */
  static isInstance(value: unknown): value is ComponentsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[brand] === true &&
      (value as { name?: unknown }).name === 'ComponentsError'
    );
  }
}
