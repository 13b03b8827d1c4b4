import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

function normalise(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/**
 * The client's address: the socket's remote address, or, when that is one of the reverse
 * proxies named in `trustProxy` (`TRUST_PROXY`), the address its `X-Forwarded-For` names,
 * read from the right and skipping further trusted proxies. Without `TRUST_PROXY` the header
 * is ignored (anybody could send it).
 *
 * @example
 * clientAddress(c, ['10.0.0.2']); // '203.0.113.7' for "X-Forwarded-For: 203.0.113.7" via 10.0.0.2
 */
export function clientAddress(c: Context, trustProxy: readonly string[] = []): string {
  let remote: string;
  try {
    remote = normalise(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    remote = 'unknown';
  }
  if (trustProxy.length === 0) return remote;
  const trusted = new Set(trustProxy.map(normalise));
  if (!trusted.has(remote)) return remote;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map(normalise).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted.has(hop)) return /^[\w.:%-]{1,100}$/.test(hop) ? hop : remote;
  }
  return hops[0] ?? remote;
}

/**
 * Fixed-window rate limit kept in the database, so several instances share one count. Sets the
 * `RateLimit-*` headers and throws `rate-limited` (429 with `Retry-After`) once the limit is used up.
 */
export async function rateLimit(ctx: AppContext, c: Context, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const hits = await ctx.repo.hit(`${bucket}:${clientAddress(c, ctx.config.trustProxy)}`, windowStart);
  await tidyUp(ctx);
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

/**
 * Now and then (in one call of `1 / chance`) forget what has run out: rate-limit windows older
 * than two days, `meta` rows past their expiry (pending OpenID Connect sign-ins, failure counts
 * of unknown sign-in names) and expired sessions (ADR 0173). Every place that writes such rows
 * calls it, so the tables stay bounded without a timer and several instances share the work. A
 * failure is logged, never passed to the request that happened to trigger it.
 *
 * @example
 * await tidyUp(ctx); // usually nothing; about once in a hundred calls, a few deletes
 */
export async function tidyUp(ctx: AppContext, chance = 0.01): Promise<void> {
  if (Math.random() >= chance) return;
  const now = ctx.now();
  try {
    // all rate-limit windows start at a Unix time in seconds
    await ctx.repo.pruneHits(Math.floor(now.getTime() / 1000) - 2 * 86_400);
    const removed = await ctx.repo.pruneExpired(now.toISOString());
    if (removed.meta + removed.sessions > 0) ctx.log.info(removed, 'expired state removed');
  } catch (error) {
    ctx.log.warn({ err: error }, 'removing expired state failed');
  }
}
