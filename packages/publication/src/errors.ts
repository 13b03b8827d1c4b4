import type { ProblemDetails } from './problem.js';

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.publication');

/**
 * The text of an error in German and English; `message` is `"deutsch / english"`.
 *
 * @example
 * const text: ErrorMessages = { de: 'Datei fehlt', en: 'file missing' };
 */
export interface ErrorMessages {
  /** German text. */
  readonly de: string;
  /** English text. */
  readonly en: string;
}

/**
 * Where an error is, in the one shape every foederal package uses; a field is absent when it is
 * not known.
 *
 * @example
 * const where: ErrorLocation = { path: '$.members[3].id', line: 12 };
 */
export interface ErrorLocation {
  /** JSON path (`$.members[3].id`) into JSON input, element path (`/ids/specifications`) into XML. */
  readonly path?: string;
  /** 1-based line in a text input. */
  readonly line?: number;
  /** 1-based column in a text input. */
  readonly column?: number;
  /** 0-based offset (bytes in a file, characters in a string). */
  readonly offset?: number;
}

/** Both languages of a message: `"deutsch / english"` is split at the first separator. */
function bilingual(message: string | ErrorMessages): ErrorMessages {
  if (typeof message !== 'string') return { de: message.de, en: message.en };
  const at = message.indexOf(' / ');
  return at < 0 ? { de: message, en: message } : { de: message.slice(0, at), en: message.slice(at + 3) };
}

/** A location with only the fields that are known (no `undefined`, no 0 for "unknown line"). */
function knownLocation(where: { path?: string | undefined; line?: number | undefined; column?: number | undefined; offset?: number | undefined }): ErrorLocation {
  return {
    ...(where.path !== undefined && where.path !== '' ? { path: where.path } : {}),
    ...(where.line !== undefined && where.line > 0 ? { line: where.line } : {}),
    ...(where.column !== undefined && where.column > 0 ? { column: where.column } : {}),
    ...(where.offset !== undefined && where.offset >= 0 ? { offset: where.offset } : {}),
  };
}

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
