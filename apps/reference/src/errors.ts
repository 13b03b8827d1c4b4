/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of the app's own errors: `isInstance` checks only this. */
const marker = Symbol.for('foederal.error.reference-app');

/** Stable error codes of the reference app. */
export type AppErrorCode =
  | 'config-invalid'
  | 'bad-request'
  | 'invalid-transition'
  | 'not-found'
  | 'conflict'
  | 'precondition-required'
  | 'precondition-failed'
  | 'validation'
  | 'unauthorised'
  | 'forbidden'
  | 'csrf'
  | 'rate-limited'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'storage';

const statusOf: Record<AppErrorCode, number> = {
  'config-invalid': 500,
  'bad-request': 400,
  'invalid-transition': 409,
  'not-found': 404,
  conflict: 409,
  'precondition-required': 428,
  'precondition-failed': 412,
  validation: 422,
  unauthorised: 401,
  forbidden: 403,
  csrf: 403,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  storage: 500,
};

/**
 * The one base error of the reference app: a stable `code`, an HTTP status derived from it,
 * German and English text, and the `foederal.error` brand.
 *
 * @example
 * throw new AppError('not-found', 'Empfehlung nicht gefunden / recommendation not found: x');
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: AppErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = statusOf[code];
    this.details = options.details;
  }

  /** True for an `AppError` only (not for the branded errors of the packages). */
  static isInstance(value: unknown): value is AppError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
