// Shared HTTP plumbing of the three clients: ky options for retries, and the mapping of ky and
// fetch failures to PublicationError. No Node-only APIs: this runs in browsers unchanged.
import type { RetryOptions as KyRetryOptions } from 'ky';
import type ky from 'ky';
import { HTTPError, TimeoutError } from 'ky';
import * as z from 'zod/mini';
import type { PublicationErrorCode } from '../errors.js';
import { PublicationError } from '../errors.js';
import { issuesOf, jsonErrorOffset, summarizeIssues } from '../issues.js';
import type { ProblemDetails } from '../problem.js';
import { problemDetailsSchema } from '../problem.js';

/**
 * Retry behaviour: only idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS) are retried, on
 * network errors and on 408, 429, 500, 502, 503 and 504, with exponential backoff and full
 * jitter; `Retry-After` on 429 and 503 is honoured (capped by `maxRetryAfter`).
 *
 * @example
 * createRegistryClient({ baseUrl, retry: { limit: 4, baseDelay: 200, maxDelay: 5000, maxRetryAfter: 30_000 } });
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  readonly limit?: number;
  /** Delay before the first retry in ms; doubles with each retry (default 300). */
  readonly baseDelay?: number;
  /** Upper bound of a backoff delay in ms (default 10 000). */
  readonly maxDelay?: number;
  /** Upper bound of a `Retry-After` wait in ms (default 60 000). */
  readonly maxRetryAfter?: number;
  /** Retry idempotent requests that timed out (default false). */
  readonly retryOnTimeout?: boolean;
}

/** Methods retried by default: the idempotent ones (RFC 9110 §9.2.2). */
export const idempotentMethods = ['get', 'head', 'put', 'delete', 'options'] as const;

/** Retry options with defaults filled in. */
export function normalizeRetry(retry: RetryOptions | number | false | undefined): Required<RetryOptions> {
  const o: RetryOptions = retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: o.limit ?? 2,
    baseDelay: o.baseDelay ?? 300,
    maxDelay: o.maxDelay ?? 10_000,
    maxRetryAfter: o.maxRetryAfter ?? 60_000,
    retryOnTimeout: o.retryOnTimeout ?? false,
  };
}

/** Backoff before retry number `attempt` (1, 2, …): exponential, capped, with full jitter. */
export function backoffDelay(retry: Required<RetryOptions>, attempt: number): number {
  return Math.random() * Math.min(retry.maxDelay, retry.baseDelay * 2 ** (attempt - 1));
}

/** Wait `ms`, or reject with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** ky retry options from ours. */
export function kyRetry(
  retry: RetryOptions | number | false | undefined,
  extra: { readonly methods?: readonly string[]; readonly shouldRetry?: KyRetryOptions['shouldRetry'] } = {},
): KyRetryOptions {
  const o = normalizeRetry(retry);
  return {
    limit: o.limit,
    methods: [...(extra.methods ?? idempotentMethods)] as never,
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: o.maxRetryAfter,
    backoffLimit: o.maxDelay,
    delay: (attempt: number) => o.baseDelay * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: o.retryOnTimeout,
    ...(extra.shouldRetry === undefined ? {} : { shouldRetry: extra.shouldRetry }),
  };
}

/** Seconds of a `Retry-After` header (delta seconds or HTTP date). */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const statusCodes: Record<number, PublicationErrorCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'not-found',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  428: 'precondition-required',
  429: 'rate-limited',
};

/** Error code for an HTTP status (and the problem's own code where it is more specific). */
export function codeForStatus(status: number, problem?: ProblemDetails): PublicationErrorCode {
  if (problem?.code === 'digest-mismatch') return 'digest-mismatch';
  const code = statusCodes[status];
  if (code) return code;
  return status >= 500 ? 'server-error' : 'http-error';
}

const statusText: Partial<Record<PublicationErrorCode, string>> = {
  'bad-request': 'Ungültige Anfrage / bad request',
  unauthorized: 'Anmeldung erforderlich / authentication required',
  forbidden: 'Keine Berechtigung / forbidden',
  'not-found': 'Nicht gefunden / not found',
  conflict: 'Konflikt / conflict',
  'precondition-failed': 'Der Datensatz wurde inzwischen geändert (412) / the record changed in the meantime (412)',
  'precondition-required': 'If-Match erforderlich (428) / If-Match required (428)',
  'payload-too-large': 'Zu groß / payload too large',
  'unsupported-media-type': 'Medientyp nicht unterstützt / unsupported media type',
  'validation-failed': 'Ungültige Angaben / invalid input',
  'digest-mismatch': 'Prüfsumme stimmt nicht / digest mismatch',
  'rate-limited': 'Zu viele Anfragen / too many requests',
  'server-error': 'Serverfehler / server error',
  'http-error': 'HTTP-Fehler / HTTP error',
};

/** Largest response body the clients read by default (64 MiB). */
export const defaultMaxResponseBytes = 64 * 1024 * 1024;

/** Read a body as UTF-8 text within `ms` milliseconds and `maxBytes` bytes. */
export async function readText(response: Response, ms: number | false, signal?: AbortSignal, maxBytes = defaultMaxResponseBytes): Promise<string> {
  return new TextDecoder().decode(await readBytes(response, ms, signal, maxBytes));
}

async function collect(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (): PublicationError =>
    new PublicationError(
      'payload-too-large',
      `Antwort größer als ${maxBytes} Bytes / response larger than ${maxBytes} bytes: ${response.url}`,
      { url: response.url, status: response.status },
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Read a body as bytes within `ms` milliseconds (ky's timeout ends at the headers) and at most
 * `maxBytes` bytes (`payload-too-large` beyond), so a hostile server can neither hang nor flood
 * the caller.
 */
export async function readBytes(response: Response, ms: number | false, signal?: AbortSignal, maxBytes = defaultMaxResponseBytes): Promise<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    if (ms !== false) {
      timer = setTimeout(() => reject(new TimeoutError(new Request(response.url || 'http://invalid/'))), ms);
    }
    if (signal) {
      onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([collect(response, maxBytes), stop]);
  } catch (error) {
    void response.body?.cancel().catch(() => undefined);
    throw error;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort && signal) signal.removeEventListener('abort', onAbort);
  }
}

/** Parse JSON text; a syntax error becomes `invalid-json` with its byte offset. */
export function parseJson(text: string, where: { method: string; url: string }): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text) ?? 0;
    const truncated = offset >= new TextEncoder().encode(text).length;
    throw new PublicationError(
      'invalid-json',
      truncated
        ? `Antwort ist abgeschnittenes JSON (endet bei Byte ${offset}) / response is truncated JSON (ends at byte ${offset}): ${where.method} ${where.url}`
        : `Antwort ist kein gültiges JSON (Byte ${offset}) / response is not valid JSON (byte ${offset}): ${where.method} ${where.url}`,
      { cause: error, offset, ...where },
    );
  }
}

/** Media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether a media type is JSON (`application/json` or any `+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * Problem details from an error body: RFC 9457 bodies as they are; other JSON error bodies
 * (GitLab `{ message }`, CKAN `{ error: { message } }`) as `detail`.
 */
export function problemFromBody(text: string, mediaType: string, status: number): ProblemDetails | undefined {
  if (text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  if (mediaType === 'application/problem+json' || 'title' in o || 'status' in o || 'type' in o) {
    const parsed = z.safeParse(problemDetailsSchema, json);
    if (parsed.success) return parsed.data;
  }
  const message = o['message'] ?? o['error'];
  const detail = typeof message === 'string' ? message
    : typeof message === 'object' && message !== null && typeof (message as { message?: unknown }).message === 'string'
      ? (message as { message: string }).message
      : Array.isArray(message) ? message.join('; ') : undefined;
  if (detail === undefined) {
    if (typeof message === 'object' && message !== null) return { type: 'about:blank', status, detail: JSON.stringify(message) };
    return undefined;
  }
  return { type: 'about:blank', status, detail };
}

/**
 * Turn anything a ky call threw into a PublicationError: HTTP errors with their problem details,
 * timeouts, aborts and network failures.
 */
export async function toPublicationError(
  error: unknown,
  where: { method: string; url: string; signal?: AbortSignal | undefined; timeout: number | false },
): Promise<PublicationError> {
  if (PublicationError.isInstance(error)) return error;
  const { method, url } = where;
  if (where.signal?.aborted) {
    return new PublicationError('aborted', `Abgebrochen / aborted: ${method} ${url}`, { cause: error, method, url });
  }
  if (error instanceof HTTPError) {
    const response = error.response;
    let problem: ProblemDetails | undefined;
    try {
      const text = await readText(response, where.timeout, undefined, 1024 * 1024);
      problem = problemFromBody(text, mediaTypeOf(response.headers.get('content-type')), response.status);
    } catch {
      // An unreadable error body: the status still says what happened.
    }
    const status = response.status;
    const code = codeForStatus(status, problem);
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    const detail = problem?.detail ?? problem?.title;
    return new PublicationError(
      code,
      `${statusText[code] ?? 'HTTP-Fehler / HTTP error'} (${status}): ${method} ${url}${detail ? ` — ${detail}` : ''}`,
      {
        cause: error,
        status,
        problem: problem ?? { type: 'about:blank', status, title: response.statusText || String(status) },
        method,
        url,
        issues: problem?.errors ?? [],
        ...(retryAfter === undefined ? {} : { retryAfter }),
      },
    );
  }
  if (error instanceof TimeoutError) {
    return new PublicationError(
      'timeout',
      `Zeitüberschreitung nach ${String(where.timeout)} ms / timed out after ${String(where.timeout)} ms: ${method} ${url}`,
      { cause: error, method, url },
    );
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new PublicationError('aborted', `Abgebrochen / aborted: ${method} ${url}`, { cause: error, method, url });
  }
  const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
  return new PublicationError('network', `Netzwerkfehler / network error: ${method} ${url} (${reason})`, { cause: error, method, url });
}

/** Options of {@link sendJson}. */
export interface SendJsonOptions<S extends z.core.$ZodType | undefined> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Headers;
  /** JSON body, or raw bytes. */
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  /** Schema the response must satisfy (`contract-violation` otherwise). */
  readonly schema: S;
  readonly signal?: AbortSignal | undefined;
  readonly timeout: number | false;
  /** Name of the operation, for messages. */
  readonly operation: string;
  /** Largest response body to read (default 64 MiB). */
  readonly maxResponseBytes?: number;
}

/**
 * Send a request with a ky instance and return the validated JSON response and its headers.
 * Every failure is a PublicationError.
 */
export async function sendJson<S extends z.core.$ZodType>(
  http: typeof ky,
  url: URL,
  options: SendJsonOptions<S>,
): Promise<{ data: z.output<S>; headers: Headers }> {
  const where = { method: options.method, url: url.href };
  try {
    const headers = new Headers(options.headers);
    headers.set('accept', 'application/json');
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    } else if (options.bytes !== undefined) {
      headers.set('content-type', 'application/octet-stream');
      body = options.bytes as Uint8Array<ArrayBuffer>;
    }
    const response = await http(url, {
      method: options.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    if (!isJsonMediaType(mediaType)) {
      void response.body?.cancel().catch(() => undefined);
      throw new PublicationError(
        'contract-violation',
        `${options.operation}: Medientyp ${mediaType || '(keiner)'} statt JSON / media type ${mediaType || '(none)'} instead of JSON (${where.method} ${where.url})`,
        where,
      );
    }
    const value = parseJson(await readText(response, options.timeout, options.signal, options.maxResponseBytes), where);
    const r = z.safeParse(options.schema, value);
    if (!r.success) {
      const issues = issuesOf(r.error);
      throw new PublicationError(
        'contract-violation',
        `${options.operation}: Antwort hat nicht die dokumentierte Form / response does not have the documented shape: ${summarizeIssues(issues)} (${where.method} ${where.url})`,
        { ...where, issues },
      );
    }
    return { data: r.data, headers: response.headers };
  } catch (error) {
    throw await toPublicationError(error, { ...where, signal: options.signal, timeout: options.timeout });
  }
}
