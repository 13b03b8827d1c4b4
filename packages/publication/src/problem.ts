import type { Language } from '@foederal/core';
import * as z from 'zod/mini';

/**
 * RFC 9457 problem details (`application/problem+json`), as sent by the registry for every error.
 * Extension members are allowed; `code` is the stable problem code and `errors` lists invalid
 * request values with their JSON paths.
 *
 * @example
 * const problem = problemDetailsSchema.parse(await response.json());
 */
export const problemDetailsSchema = z.looseObject({
  type: z._default(z.string(), 'about:blank'),
  title: z.optional(z.string()),
  status: z.optional(z.int().check(z.minimum(100), z.maximum(599))),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(
    z.array(
      z.object({
        path: z.string(),
        message: z.string(),
      }),
    ),
  ),
});

/**
 * RFC 9457 problem details.
 *
 * @example
 * const problem: ProblemDetails = { type: 'about:blank', status: 404, title: 'Nicht gefunden' };
 */
export type ProblemDetails = z.output<typeof problemDetailsSchema>;

/** Media type of problem details. @example problemMediaType === 'application/problem+json' */
export const problemMediaType = 'application/problem+json';

/**
 * Codes of the problems the registry API answers with.
 *
 * @example
 * const code: ProblemCode = 'invalid-transition';
 */
export type ProblemCode =
  | 'bad-request'
  | 'validation-failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid-transition'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'digest-mismatch'
  | 'rate-limited'
  | 'internal';

/**
 * A problem type: its HTTP status and its title in German and English.
 *
 * @example
 * const type: ProblemType = problemTypes['rate-limited'];
 */
export interface ProblemType {
  /** HTTP status the problem is sent with. */
  readonly status: number;
  /** Title, German. */
  readonly de: string;
  /** Title, English. */
  readonly en: string;
}

/**
 * Every problem the registry API answers with: status and German/English title. The problem
 * `type` URI is {@link problemTypeUri}`(code)`.
 *
 * @example
 * problemTypes['precondition-failed'].status; // 412
 */
export const problemTypes: { readonly [C in ProblemCode]: ProblemType } = {
  'bad-request': { status: 400, de: 'Ungültige Anfrage', en: 'Bad request' },
  'validation-failed': { status: 422, de: 'Die Angaben sind ungültig', en: 'The input is invalid' },
  unauthorized: { status: 401, de: 'Anmeldung erforderlich', en: 'Authentication required' },
  forbidden: { status: 403, de: 'Keine Berechtigung', en: 'Forbidden' },
  'not-found': { status: 404, de: 'Nicht gefunden', en: 'Not found' },
  conflict: { status: 409, de: 'Konflikt mit dem aktuellen Stand', en: 'Conflict with the current state' },
  'invalid-transition': {
    status: 409,
    de: 'Dieser Statuswechsel ist nicht erlaubt',
    en: 'This status transition is not allowed',
  },
  'precondition-failed': {
    status: 412,
    de: 'Der Datensatz wurde inzwischen geändert',
    en: 'The record has been changed in the meantime',
  },
  'precondition-required': {
    status: 428,
    de: 'If-Match-Kopfzeile erforderlich',
    en: 'If-Match header required',
  },
  'payload-too-large': { status: 413, de: 'Die Datei ist zu groß', en: 'Payload too large' },
  'unsupported-media-type': { status: 415, de: 'Nicht unterstützter Medientyp', en: 'Unsupported media type' },
  'digest-mismatch': {
    status: 422,
    de: 'Die Prüfsumme (SHA-256) stimmt nicht mit dem Inhalt überein',
    en: 'The SHA-256 digest does not match the content',
  },
  'rate-limited': { status: 429, de: 'Zu viele Anfragen', en: 'Too many requests' },
  internal: { status: 500, de: 'Interner Fehler', en: 'Internal error' },
};

/**
 * URI of a problem type (the `type` member of problem details).
 *
 * @example
 * problemTypeUri('not-found'); // 'https://schemas.foederal.de/problems/not-found'
 */
export function problemTypeUri(code: ProblemCode): string {
  return `https://schemas.foederal.de/problems/${code}`;
}

/**
 * Options for {@link createProblem}.
 *
 * @example
 * createProblem('validation-failed', { detail: 'Titel fehlt', errors: [{ path: '$.title.de', message: 'required' }] });
 */
export interface CreateProblemOptions {
  /** Human-readable explanation of this occurrence. */
  readonly detail?: string;
  /** URI of this occurrence, usually the request path. */
  readonly instance?: string;
  /** Language of `title`; German by default. */
  readonly lang?: Language;
  /** Invalid request values with their JSON paths. */
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  /** Further extension members. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Build the problem details body for a problem code (what a server sends with
 * `Content-Type: application/problem+json` and the problem's status).
 *
 * @example
 * const problem = createProblem('not-found', { detail: 'Empfehlung 142 gibt es nicht', instance: '/api/v1/recommendations/142' });
 * // { type: 'https://schemas.foederal.de/problems/not-found', status: 404, title: 'Nicht gefunden', code: 'not-found', ... }
 */
export function createProblem(code: ProblemCode, options: CreateProblemOptions = {}): ProblemDetails {
  const type = problemTypes[code];
  const problem: ProblemDetails = {
    ...options.extensions,
    type: problemTypeUri(code),
    title: type[options.lang ?? 'de'],
    status: type.status,
    code,
  };
  if (options.detail !== undefined) problem.detail = options.detail;
  if (options.instance !== undefined) problem.instance = options.instance;
  if (options.errors !== undefined) problem.errors = options.errors.map((e) => ({ path: e.path, message: e.message }));
  return problem;
}
