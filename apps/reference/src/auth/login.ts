import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import type { User } from '../db/repository.js';
import { AppError } from '../errors.js';
import { clientAddress, tidyUp } from '../rate-limit.js';
import { hashPassword, needsRehash, verifyNothing, verifyPassword } from './passwords.js';

/** Failed sign-ins an account may have before the back-off starts. */
export const freeAttempts = 5;

/**
 * Days the failure count of an unknown sign-in name is kept after its last failure (then it is
 * removed by {@link tidyUp}, so guessed names cannot fill the database; ADR 0173).
 */
export const unknownNameDays = 30;

/**
 * Seconds an account stays locked after its `failures`-th failed sign-in in a row: none for the
 * first {@link freeAttempts}, then 30 s, doubling with every further failure, at most one hour.
 *
 * @example
 * backoffSeconds(5); // 30
 * backoffSeconds(7); // 120
 */
export function backoffSeconds(failures: number): number {
  return failures < freeAttempts ? 0 : Math.min(3600, 30 * 2 ** (failures - freeAttempts));
}

function locked(seconds: number): AppError {
  return new AppError(
    'rate-limited',
    `Zu viele Fehlversuche für dieses Konto; erneut in ${seconds} s / too many failed sign-ins for this account; retry in ${seconds} s`,
    { details: { retryAfter: seconds } },
  );
}

/**
 * Check a user name and password. The answer takes one scrypt verification whether the name
 * exists or not (unknown names are checked against a dummy hash), the client address may try
 * `LOGIN_LIMIT_PER_MINUTE` times a minute (20), and every account, existing or not, is locked with a growing back-off
 * ({@link backoffSeconds}) after {@link freeAttempts} failures in a row. A success resets the
 * count and rehashes a password stored with weaker scrypt parameters. Deactivated accounts
 * fail like a wrong password. Returns the user, or undefined for a wrong name or password.
 */
export async function checkSignIn(ctx: AppContext, c: Context, username: string, password: string): Promise<User | undefined> {
  const now = ctx.now();
  const seconds = Math.floor(now.getTime() / 1000);
  const hits = await ctx.repo.hit(`login:${clientAddress(c, ctx.config.trustProxy)}`, seconds - (seconds % 60));
  if (hits > ctx.config.loginLimitPerMinute) throw new AppError('rate-limited', 'Zu viele Anmeldeversuche / too many sign-in attempts', { details: { retryAfter: 60 - (seconds % 60) } });
  await tidyUp(ctx);
  const name = username.trim().slice(0, 200);
  const user = await ctx.repo.users.byName(name);
  // Unknown names keep the same count and lock (in `meta`), so a lock does not tell them apart.
  const unknownKey = `login-unknown:${name.toLowerCase()}`;
  const unknown = user ? undefined : (JSON.parse((await ctx.repo.meta.get(unknownKey)) ?? '{"failures":0,"lockedUntil":null}') as { failures: number; lockedUntil: string | null });
  const lockedUntil = user ? user.locked_until : (unknown?.lockedUntil ?? null);
  if (lockedUntil !== null && lockedUntil > now.toISOString()) throw locked(Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  const usable = user !== undefined && user.password_hash.startsWith('scrypt$');
  const ok = usable ? await verifyPassword(password, user.password_hash) : await verifyNothing(password);
  if (!user || !ok || Number(user.active) !== 1) {
    if (user && Number(user.active) === 1) {
      const failures = await ctx.repo.users.countFailure(user.id);
      const wait = backoffSeconds(failures);
      if (wait > 0) await ctx.repo.users.update(user.id, { locked_until: new Date(now.getTime() + wait * 1000).toISOString() });
    } else if (!user) {
      const failures = (unknown?.failures ?? 0) + 1;
      const wait = backoffSeconds(failures);
      const lockedUntil = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
      const forgetAt = new Date(now.getTime() + unknownNameDays * 86_400_000).toISOString();
      await ctx.repo.meta.put(unknownKey, JSON.stringify({ failures, lockedUntil }), forgetAt);
    }
    ctx.log.info({ username: name }, 'sign-in failed');
    return undefined;
  }
  await ctx.repo.users.update(user.id, {
    failed_logins: 0,
    locked_until: null,
    ...(needsRehash(user.password_hash) ? { password_hash: await hashPassword(password) } : {}),
  });
  return user;
}
