import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Repository } from '../db/repository.js';
import { hashPassword } from './passwords.js';
import { hasRole, isRole, type Role } from './roles.js';

/** The signed-in user as handlers see it. */
export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

/** Variables the auth middleware puts on the Hono context. */
export interface AuthVariables {
  user: CurrentUser | null;
  /** Effective role: the user's, or `public`. */
  role: Role;
  /** How the request authenticated. */
  via: 'session' | 'token' | 'none';
  /** The CSRF token every form of this response must carry as `_csrf`. */
  csrf: string;
}

export const sessionCookie = 'fdr_session';
export const csrfCookie = 'fdr_csrf';
const sessionHours = 8;
/** Validity of an API token when none is given. */
export const defaultTokenDays = 90;

/** True when the app is served over https (`BASE_URL`): cookies are `Secure` and `__Host-` named, HSTS is sent. */
export function isHttps(ctx: Pick<AppContext, 'baseUrl'>): boolean {
  return ctx.baseUrl.startsWith('https:');
}

/**
 * Cookie names: with https the `__Host-` prefix, which browsers accept only with `Secure`,
 * `Path=/` and no `Domain` (no other host or plain-http page can set or shadow them).
 */
export function cookieNames(ctx: Pick<AppContext, 'baseUrl'>): { session: string; csrf: string } {
  return isHttps(ctx) ? { session: `__Host-${sessionCookie}`, csrf: `__Host-${csrfCookie}` } : { session: sessionCookie, csrf: csrfCookie };
}

/** sha256 in hex: sessions and API tokens are stored only as hashes. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function token(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Create a user with a scrypt-hashed password (or an already computed `passwordHash`; an
 * account that signs in only through OpenID Connect gets an unusable one).
 */
export async function createUser(
  repo: Repository,
  input: { username: string; displayName: string; role: Role; password: string } | { username: string; displayName: string; role: Role; passwordHash: string; oidcSubject?: string },
): Promise<CurrentUser> {
  const id = randomUUID();
  await repo.users.create({
    id,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: 'password' in input ? await hashPassword(input.password) : input.passwordHash,
    created_at: new Date().toISOString(),
    ...('oidcSubject' in input && input.oidcSubject !== undefined ? { oidc_subject: input.oidcSubject } : {}),
  });
  return { id, username: input.username, displayName: input.displayName, role: input.role };
}

/**
 * Issue an API token for a user; only its sha256 is stored, the returned value is shown once.
 * It expires after `expiresAt` (default {@link defaultTokenDays} days; `null` never); revoked
 * tokens are refused at once.
 *
 * @example
 * const secret = await createApiToken(repo, user.id, 'Portal des Landes', { expiresAt: new Date('2027-12-31') });
 * fetch(url, { headers: { authorization: `Bearer ${secret}` } });
 */
export async function createApiToken(repo: Repository, userId: string, label: string, options: { expiresAt?: Date | null; now?: Date } = {}): Promise<string> {
  const secret = token('fdr_');
  const now = options.now ?? new Date();
  const expiresAt = options.expiresAt === undefined ? new Date(now.getTime() + defaultTokenDays * 86_400_000) : options.expiresAt;
  await repo.tokens.create({
    id: randomUUID(),
    token_hash: digest(secret),
    user_id: userId,
    label,
    created_at: now.toISOString(),
    expires_at: expiresAt ? expiresAt.toISOString() : null,
  });
  return secret;
}

/** sha256 of the session cookie of this request, if it has one. */
export function currentSessionHash(ctx: AppContext, c: Context): string | undefined {
  const secret = getCookie(c, cookieNames(ctx).session);
  return secret ? digest(secret) : undefined;
}

/** Start a session for a user and set its cookie. */
export async function startSession(ctx: AppContext, c: Context, userId: string): Promise<void> {
  const secret = token('');
  const now = ctx.now();
  await ctx.repo.sessions.create({
    id_hash: digest(secret),
    user_id: userId,
    csrf_token: token(''),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + sessionHours * 3600_000).toISOString(),
  });
  setCookie(c, cookieNames(ctx).session, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(ctx),
    path: '/',
    maxAge: sessionHours * 3600,
  });
}

/** End the current session (if any) and clear its cookie. */
export async function endSession(ctx: AppContext, c: Context): Promise<void> {
  const name = cookieNames(ctx).session;
  const secret = getCookie(c, name);
  if (secret) await ctx.repo.sessions.delete(digest(secret));
  deleteCookie(c, name, { path: '/', secure: isHttps(ctx) });
}

function isForm(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

function isApi(c: Context): boolean {
  return c.req.path.startsWith('/api/');
}

/**
 * Authenticate every request (bearer API token, session cookie, or anonymous) and set the CSRF
 * token its forms must carry. Reads no request body: the body is read only by the route, after
 * its role check ({@link requireRole}) and its body limit, where {@link checkCsrf} runs.
 */
export function authenticate(ctx: AppContext): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    c.set('user', null);
    c.set('role', 'public');
    c.set('via', 'none');
    const authorization = c.req.header('authorization');
    let sessionCsrf: string | undefined;
    const names = cookieNames(ctx);
    const now = ctx.now().toISOString();
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = m ? await ctx.repo.tokens.byHash(digest(m[1] as string)) : undefined;
      const usable = found && found.revoked_at === null && (found.expires_at === null || found.expires_at > now);
      const user = usable ? await ctx.repo.users.get(found.user_id) : undefined;
      if (!found || !user || !isRole(user.role) || Number(user.active) !== 1) throw new AppError('unauthorised', 'Ungültiges, abgelaufenes oder widerrufenes API-Token / invalid, expired or revoked API token');
      // Last use, at most once a minute per token (no write on every call).
      if (found.last_used_at === null || Date.parse(found.last_used_at) < Date.parse(now) - 60_000) await ctx.repo.tokens.touch(found.id, now);
      c.set('user', { id: user.id, username: user.username, displayName: user.display_name, role: user.role });
      c.set('role', user.role);
      c.set('via', 'token');
    } else {
      const secret = getCookie(c, names.session);
      const session = secret ? await ctx.repo.sessions.get(digest(secret), now) : undefined;
      const user = session && (await ctx.repo.users.get(session.user_id));
      if (session && user && isRole(user.role) && Number(user.active) === 1) {
        c.set('user', { id: user.id, username: user.username, displayName: user.display_name, role: user.role });
        c.set('role', user.role);
        c.set('via', 'session');
        sessionCsrf = session.csrf_token;
      } else if (secret) {
        deleteCookie(c, names.session, { path: '/', secure: isHttps(ctx) });
      }
    }
    let anonymousCsrf = getCookie(c, names.csrf);
    // API callers never submit forms: no anonymous CSRF cookie for them (keeps responses cookie-free).
    if (isApi(c) && sessionCsrf === undefined) anonymousCsrf ??= '';
    else if (!anonymousCsrf || !/^[\w-]{20,100}$/.test(anonymousCsrf)) {
      anonymousCsrf = token('');
      setCookie(c, names.csrf, anonymousCsrf, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(ctx) });
    }
    c.set('csrf', sessionCsrf ?? anonymousCsrf);

    await next();
  };
}

/**
 * Enforce CSRF on every state-changing request that carries ambient authority or comes from a
 * form: the token must arrive as form field `_csrf` or header `X-CSRF-Token` and equal the
 * session's (signed in) or the `fdr_csrf` cookie's (anonymous, double submit). Bearer-token
 * requests need no CSRF token: browsers never attach them on their own. Runs after the role
 * check and the body limit of the route, because it may parse the form body.
 */
export function checkCsrf(): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (unsafe && c.get('via') !== 'token' && (c.get('via') === 'session' || isForm(c))) {
      let sent = c.req.header('x-csrf-token');
      if (sent === undefined && isForm(c)) {
        const body = await c.req.parseBody();
        sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined;
      }
      if (sent === undefined || c.get('csrf') === '' || !safeEqual(sent, c.get('csrf'))) {
        throw new AppError('csrf', 'Sicherheitstoken fehlt oder ist ungültig; bitte Seite neu laden / CSRF token missing or invalid; reload the page');
      }
    }
    await next();
  };
}

/**
 * Let only `required` (or a more privileged role) through: anonymous callers get 401 (API) or
 * a redirect to the login page (pages), signed-in callers with too little rights get 403.
 */
export function requireRole(required: Role): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    if (hasRole(c.get('role'), required)) return next();
    if (c.get('user') === null) {
      if (!isApi(c) && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
        return c.redirect(`/anmelden?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      throw new AppError('unauthorised', 'Bitte anmelden / please sign in');
    }
    throw new AppError('forbidden', `Nur für Rolle „${required}“ / role "${required}" required`);
  };
}
