import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

/** The client's address as seen by this server (the socket's remote address). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Fixed-window rate limit kept in the database, so several instances share one count. Sets the
 * `RateLimit-*` headers and throws `rate-limited` (429 with `Retry-After`) once the limit is used up.
 */
export async function rateLimit(ctx: AppContext, c: Context, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const hits = await ctx.repo.hit(`${bucket}:${clientAddress(c)}`, windowStart);
  // Now and then forget windows older than two days (all windows start at a Unix time in seconds).
  if (Math.random() < 0.01) await ctx.repo.pruneHits(nowSeconds - 2 * 86_400);
  const reset = windowStart + windowSeconds - nowSeconds;
  c.header('RateLimit-Limit', String(limit));
  c.header('RateLimit-Remaining', String(Math.max(0, limit - hits)));
  c.header('RateLimit-Reset', String(reset));
  if (hits > limit) {
    throw new AppError('rate-limited', `Zu viele Anfragen; erneut in ${reset} s / too many requests; retry in ${reset} s`, {
      details: { retryAfter: reset },
    });
  }
}
