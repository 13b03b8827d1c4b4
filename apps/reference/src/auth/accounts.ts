import type { AppContext } from '../context.js';
import type { ApiToken, User } from '../db/repository.js';
import { audit, type AuditContext } from '../domain/audit.js';
import { AppError } from '../errors.js';
import { generatePassword, hashPassword, verifyNothing, verifyPassword } from './passwords.js';
import { createApiToken, type CurrentUser } from './session.js';

/** Shortest password accepted (own change, reset, `ADMIN_PASSWORD`). */
export const minPasswordLength = 12;

/** Validity choices of a new API token, in days. */
export const tokenValidityDays = [30, 90, 365] as const;

function auditContext(ctx: AppContext, actor: CurrentUser | null): AuditContext {
  return { repo: ctx.repo, now: ctx.now, user: actor };
}

/** What the audit log keeps of an account (never the password hash). */
export function accountState(user: User): { data: Record<string, unknown> } {
  return { data: { username: user.username, displayName: user.display_name, role: user.role, active: Number(user.active) === 1, lockedUntil: user.locked_until } };
}

function checkNewPassword(password: string): void {
  if (password.length < minPasswordLength || password.length > 1000) {
    throw new AppError('validation', `Das neue Passwort braucht mindestens ${minPasswordLength} Zeichen / the new password needs at least ${minPasswordLength} characters`, {
      details: { errors: [{ path: 'newPassword', message: `min ${minPasswordLength}` }] },
    });
  }
}

async function requireUser(ctx: AppContext, id: string): Promise<User> {
  const user = await ctx.repo.users.get(id);
  if (!user) throw new AppError('not-found', `Konto nicht gefunden / account not found: ${id}`);
  return user;
}

/**
 * Change one's own password: the current one must be right (one scrypt check either way), the
 * new one at least 12 characters. Every other session of the account ends.
 */
export async function changeOwnPassword(ctx: AppContext, actor: CurrentUser, current: string, next: string, keepSessionHash?: string): Promise<void> {
  const user = await requireUser(ctx, actor.id);
  const ok = user.password_hash.startsWith('scrypt$') ? await verifyPassword(current, user.password_hash) : await verifyNothing(current);
  if (!ok) {
    throw new AppError('validation', 'Das bisherige Passwort stimmt nicht / the current password is wrong', { details: { errors: [{ path: 'currentPassword', message: 'wrong' }] } });
  }
  checkNewPassword(next);
  await ctx.repo.users.update(user.id, { password_hash: await hashPassword(next), failed_logins: 0, locked_until: null });
  await endSessionsExcept(ctx, user.id, keepSessionHash);
  await audit(auditContext(ctx, actor), 'account.password-change', `users/${user.id}`, null, null);
}

async function endSessionsExcept(ctx: AppContext, userId: string, keepHash: string | undefined): Promise<void> {
  if (keepHash === undefined) {
    await ctx.repo.sessions.deleteForUser(userId);
    return;
  }
  const kept = await ctx.repo.sessions.get(keepHash, ctx.now().toISOString());
  await ctx.repo.sessions.deleteForUser(userId);
  if (kept) await ctx.repo.sessions.create(kept);
}

/** An administrator sets a new, generated password for an account (shown once), ending its sessions. */
export async function resetPassword(ctx: AppContext, actor: CurrentUser, userId: string): Promise<{ user: User; password: string }> {
  const user = await requireUser(ctx, userId);
  const password = generatePassword();
  await ctx.repo.users.update(user.id, { password_hash: await hashPassword(password), failed_logins: 0, locked_until: null });
  await ctx.repo.sessions.deleteForUser(user.id);
  await audit(auditContext(ctx, actor), 'account.password-reset', `users/${user.id}`, accountState(user), accountState({ ...user, failed_logins: 0, locked_until: null }));
  return { user, password };
}

/**
 * An administrator deactivates or reactivates an account. A deactivated account cannot sign in;
 * its sessions end and its API tokens are refused. Nobody deactivates their own account.
 */
export async function setActive(ctx: AppContext, actor: CurrentUser, userId: string, active: boolean): Promise<User> {
  const user = await requireUser(ctx, userId);
  if (user.id === actor.id && !active) throw new AppError('conflict', 'Das eigene Konto kann nicht deaktiviert werden / you cannot deactivate your own account');
  await ctx.repo.users.update(user.id, { active: active ? 1 : 0, ...(active ? { failed_logins: 0, locked_until: null } : {}) });
  if (!active) await ctx.repo.sessions.deleteForUser(user.id);
  const after = (await ctx.repo.users.get(user.id)) as User;
  await audit(auditContext(ctx, actor), active ? 'account.activate' : 'account.deactivate', `users/${user.id}`, accountState(user), accountState(after));
  return after;
}

/** An administrator lifts the back-off lock of an account. */
export async function unlock(ctx: AppContext, actor: CurrentUser, userId: string): Promise<void> {
  const user = await requireUser(ctx, userId);
  await ctx.repo.users.update(user.id, { failed_logins: 0, locked_until: null });
  await audit(auditContext(ctx, actor), 'account.unlock', `users/${user.id}`, accountState(user), accountState({ ...user, failed_logins: 0, locked_until: null }));
}

/** Sign out everywhere: every session of the account ends (this one too). */
export async function endAllSessions(ctx: AppContext, actor: CurrentUser): Promise<number> {
  const ended = await ctx.repo.sessions.deleteForUser(actor.id);
  await audit(auditContext(ctx, actor), 'account.sign-out-everywhere', `users/${actor.id}`, null, { data: { sessions: ended } });
  return ended;
}

/** An API token as the account page and the API show it (never its hash). */
export interface TokenView {
  readonly id: string;
  readonly label: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** `active`, `expired` or `revoked`. */
  readonly state: 'active' | 'expired' | 'revoked';
}

export function tokenView(token: ApiToken, now: Date): TokenView {
  const state = token.revoked_at !== null ? 'revoked' : token.expires_at !== null && token.expires_at <= now.toISOString() ? 'expired' : 'active';
  return { id: token.id, label: token.label, createdAt: token.created_at, expiresAt: token.expires_at, lastUsedAt: token.last_used_at, revokedAt: token.revoked_at, state };
}

/** Issue an API token for oneself, valid for `days` (30, 90 or 365). The secret is returned once. */
export async function issueToken(ctx: AppContext, actor: CurrentUser, label: string, days: number): Promise<{ secret: string; token: TokenView }> {
  const clean = label.trim().slice(0, 100);
  if (!clean) throw new AppError('validation', 'Verwendungszweck fehlt / purpose missing', { details: { errors: [{ path: 'label', message: 'required' }] } });
  if (!(tokenValidityDays as readonly number[]).includes(days)) {
    throw new AppError('validation', `Gültigkeit: ${tokenValidityDays.join(', ')} Tage / validity: ${tokenValidityDays.join(', ')} days`, { details: { errors: [{ path: 'days', message: 'invalid' }] } });
  }
  const now = ctx.now();
  const secret = await createApiToken(ctx.repo, actor.id, clean, { now, expiresAt: new Date(now.getTime() + days * 86_400_000) });
  const tokens = await ctx.repo.tokens.listForUser(actor.id);
  const created = tokens.find((t) => t.label === clean && t.created_at === now.toISOString()) ?? tokens[0];
  const view = tokenView(created as ApiToken, now);
  await audit(auditContext(ctx, actor), 'token.create', `tokens/${view.id}`, null, { data: { label: view.label, expiresAt: view.expiresAt, user: actor.username } });
  return { secret, token: view };
}

/** Revoke one of one's own tokens (administrators: any account's, with `userId`). */
export async function revokeToken(ctx: AppContext, actor: CurrentUser, tokenId: string, userId = actor.id): Promise<void> {
  if (userId !== actor.id && actor.role !== 'admin') throw new AppError('forbidden', 'Nur eigene Tokens / only your own tokens');
  if (!(await ctx.repo.tokens.revoke(userId, tokenId, ctx.now().toISOString()))) {
    throw new AppError('not-found', `Token nicht gefunden oder schon widerrufen / token not found or already revoked: ${tokenId}`);
  }
  await audit(auditContext(ctx, actor), 'token.revoke', `tokens/${tokenId}`, { data: { revoked: false } }, { data: { revoked: true } });
}

/** Every account, by user name (the administration's lists; a working group has a few dozen). */
export async function listUsers(ctx: AppContext): Promise<User[]> {
  return ctx.repo.users.list();
}

/** The API tokens of one user, newest first, as the account pages show them. */
export async function tokensOf(ctx: AppContext, userId: string): Promise<TokenView[]> {
  return (await ctx.repo.tokens.listForUser(userId)).map((t) => tokenView(t, ctx.now()));
}
