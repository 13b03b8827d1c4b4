import type { Context } from 'hono';
import { AppError } from './errors.js';

/** RFC 9457 problem details as the app sends them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code?: string;
  readonly [key: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Ungültige Anfrage / Bad Request',
  401: 'Nicht angemeldet / Unauthorized',
  403: 'Nicht erlaubt / Forbidden',
  404: 'Nicht gefunden / Not Found',
  409: 'Konflikt / Conflict',
  412: 'Vorbedingung nicht erfüllt / Precondition Failed',
  413: 'Zu groß / Content Too Large',
  415: 'Nicht unterstütztes Format / Unsupported Media Type',
  428: 'Vorbedingung erforderlich / Precondition Required',
  429: 'Zu viele Anfragen / Too Many Requests',
  500: 'Interner Fehler / Internal Server Error',
  503: 'Nicht verfügbar / Service Unavailable',
};

/** Build the problem body for any thrown value; unknown errors become a 500 without internals. */
export function toProblem(error: unknown, instance: string): Problem {
  if (AppError.isInstance(error)) {
    return {
      type: `about:blank`,
      title: titles[error.status] ?? 'Fehler / Error',
      status: error.status,
      detail: error.message,
      instance,
      code: error.code,
      ...(error.details ?? {}),
    };
  }
  return { type: 'about:blank', title: titles[500] as string, status: 500, detail: 'Interner Fehler / internal error', instance, code: 'internal' };
}

/** Send `problem` as `application/problem+json`. */
export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}
