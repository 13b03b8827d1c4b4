import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

import type { ProblemDetails } from './problem.js';

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.publication');


/**
 * Stable error codes of `@foederal/publication`.
 *
 * @example
 * const code: PublicationErrorCode = 'precondition-failed';
 */
export type PublicationErrorCode =
  | 'bad-request'
  | 'validation-failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'digest-mismatch'
  | 'rate-limited'
  | 'server-error'
  | 'http-error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-json'
  | 'contract-violation'
  | 'invalid-input'
  | 'invalid-contract';

/**
 * Where and what went wrong in a value, as a JSON path and a message.
 *
 * @example
 * error.issues.forEach((i: IssueLocation) => console.log(i.path, i.message));
 */
export interface IssueLocation {
  /** JSON path into the value, e.g. `$.items[3].title`. */
  readonly path: string;
  /** What is wrong there. */
  readonly message: string;
}

/**
 * Details that every {@link PublicationError} may carry.
 *
 * @example
 * new PublicationError('not-found', 'Nicht gefunden / not found', { status: 404 } satisfies PublicationErrorDetails);
 */
export interface PublicationErrorDetails {
  /** The underlying error, if any. */
  readonly cause?: unknown;
  /** HTTP status of the response that caused the error. */
  readonly status?: number;
  /** RFC 9457 problem details sent by the server (or synthesised from the status). */
  readonly problem?: ProblemDetails;
  /** HTTP method of the request. */
  readonly method?: string;
  /** URL of the request. */
  readonly url?: string;
  /** Individual problems with a value, each with its JSON path. */
  readonly issues?: readonly IssueLocation[];
  /** Byte offset into a response body (for `invalid-json`). */
  readonly offset?: number;
  /** Seconds the server asked to wait before trying again (for `rate-limited`). */
  readonly retryAfter?: number;
}

/**
 * The one base error of `@foederal/publication`. Every error thrown by the contract helpers and
 * the clients is an instance; `code` says what happened, `problem` carries the server's RFC 9457
 * problem details, `issues` the JSON paths of invalid values.
 *
 * @example
 * try {
 *   await client.getRecommendation({ id: 'unknown' });
 * } catch (error) {
 *   if (PublicationError.isInstance(error) && error.code === 'not-found') console.log(error.problem?.detail);
 * }
 */
export class PublicationError extends Error {
  /** Stable machine-readable code. */
  readonly code: PublicationErrorCode;
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** Problem details of the response. */
  readonly problem: ProblemDetails | undefined;
  /** HTTP method of the failed request. */
  readonly method: string | undefined;
  /** URL of the failed request. */
  readonly url: string | undefined;
  /** Invalid values with their JSON paths. */
  readonly issues: readonly IssueLocation[];
  /** Byte offset into the response body, for unparsable JSON. */
  readonly offset: number | undefined;
  /** Seconds to wait before retrying, for rate limiting. */
  readonly retryAfter: number | undefined;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: the JSON path of the first invalid value, or the byte offset into a response body. */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: PublicationErrorCode, message: string | ErrorMessages, details: PublicationErrorDetails = {}) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.messages = messages;
    this.name = 'PublicationError';
    this.code = code;
    this.status = details.status;
    this.problem = details.problem;
    this.method = details.method;
    this.url = details.url;
    this.issues = details.issues ?? [];
    this.offset = details.offset;
    this.retryAfter = details.retryAfter;
    this.location = knownLocation({ path: this.issues[0]?.path, offset: details.offset });
  }

  /**
   * True for any `PublicationError`, also one from a second copy of this package.
   *
   * @example
   * if (PublicationError.isInstance(error)) console.log(error.code);
   */
  static isInstance(value: unknown): value is PublicationError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/**
 * True when `value` is a {@link PublicationError} with the given code.
 *
 * @example
 * if (isPublicationError(error, 'precondition-failed')) await reloadAndRetry();
 */
export function isPublicationError<C extends PublicationErrorCode>(
  value: unknown,
  code?: C,
): value is PublicationError & { readonly code: C } {
  return PublicationError.isInstance(value) && (code === undefined || value.code === code);
}
