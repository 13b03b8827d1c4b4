import { createHash } from 'node:crypto';
import type { Repository } from '../db/repository.js';
import { AppError } from '../errors.js';

/** JSON with object keys sorted, so equal payloads hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Bind an `Idempotency-Key` (within `scope`, e.g. the consultation) to the payload it was first
 * sent with. A retry with the same payload passes and returns the key to store the result under
 * (`scope:key#sha256`), so it finds the first result; the same key with another payload is a
 * `conflict` (409), so a reused or guessed key never returns somebody else's submission.
 *
 * @example
 * const uniqueKey = await claimIdempotencyKey(repo, `${consultationId}:${key}`, submission, now);
 */
export async function claimIdempotencyKey(repo: Repository, scope: string, payload: unknown, now: Date): Promise<string> {
  const hash = createHash('sha256').update(canonicalJson(payload)).digest('hex');
  const stored = await repo.idempotency.claim(scope, hash, now.toISOString());
  if (stored !== hash) {
    throw new AppError('conflict', 'Idempotency-Key wurde schon für einen anderen Inhalt verwendet / Idempotency-Key already used with a different payload', {
      details: { reason: 'idempotency-key-reused' },
    });
  }
  return `${scope}#${hash}`;
}
