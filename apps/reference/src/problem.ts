import { createProblem, type ProblemCode, type ProblemDetails } from '@foederal/publication';
import type { Context } from 'hono';
import { AppError, type AppErrorCode } from './errors.js';

/** RFC 9457 problem details as the app sends them (the registry contract's shape). */
export type Problem = ProblemDetails & { readonly status: number };

const codes: Record<AppErrorCode, ProblemCode> = {
  'config-invalid': 'internal',
  'bad-request': 'bad-request',
  'not-found': 'not-found',
  conflict: 'conflict',
  'invalid-transition': 'invalid-transition',
  'precondition-required': 'precondition-required',
  'precondition-failed': 'precondition-failed',
  validation: 'validation-failed',
  unauthorised: 'unauthorized',
  forbidden: 'forbidden',
  csrf: 'forbidden',
  'rate-limited': 'rate-limited',
  'payload-too-large': 'payload-too-large',
  'unsupported-media-type': 'unsupported-media-type',
  storage: 'internal',
};

/**
 * The problem body for any thrown value, built with `createProblem` of `@foederal/publication`
 * so server and client agree on types and titles; unknown errors become a 500 without internals.
 */
export function toProblem(error: unknown, instance: string, lang: 'de' | 'en' = 'de'): Problem {
  if (AppError.isInstance(error)) {
    const { errors, ...extensions } = (error.details ?? {}) as { errors?: { path: string; message: string }[] };
    return createProblem(codes[error.code], {
      detail: error.message,
      instance,
      lang,
      extensions,
      ...(errors ? { errors } : {}),
    }) as Problem;
  }
  return createProblem('internal', { detail: 'Interner Fehler / internal error', instance, lang }) as Problem;
}

/** Send `problem` as `application/problem+json`. */
export function problemResponse(_c: Context, problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status ?? 500,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}
