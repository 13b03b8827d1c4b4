import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.js';
import { isLoopback } from '../config.js';
import type { AppContext } from '../context.js';
import type { User } from '../db/repository.js';
import { audit } from '../domain/audit.js';
import { AppError } from '../errors.js';
import { rateLimit } from '../rate-limit.js';
import { accountState } from './accounts.js';
import { safeNext } from './redirect.js';
import { roles, type Role } from './roles.js';
import { createUser, isHttps, startSession } from './session.js';

/** Path of the redirect URI registered at the identity provider: `${BASE_URL}/anmelden/oidc/callback`. */
export const oidcCallbackPath = '/anmelden/oidc/callback';
/** How long a started sign-in may take at the provider. */
const stateMinutes = 10;
/** Stored password hash of accounts that sign in only through the provider (never matches). */
export const oidcOnlyPasswordHash = '!oidc';

/** What the sign-in remembers between leaving for the provider and coming back (stored once, taken once). */
interface PendingSignIn {
  readonly verifier: string;
  readonly nonce: string;
  readonly next: string;
  readonly expires: string;
}

function failed(reason: string, cause?: unknown): AppError {
  return new AppError(
    'unauthorised',
    `Anmeldung über den Identitätsanbieter fehlgeschlagen: ${reason} / sign-in through the identity provider failed: ${reason}`,
    cause === undefined ? { details: { reason } } : { cause, details: { reason } },
  );
}

const stateKey = (state: string) => `oidc-state:${createHash('sha256').update(state).digest('hex')}`;

function cookieName(ctx: AppContext): string {
  return isHttps(ctx) ? '__Host-fdr_oidc' : 'fdr_oidc';
}

/**
 * The highest app role the claims map to: the claim (a dotted path) may hold an array of values
 * or one string of values separated by spaces or commas; each value is looked up in the role map.
 *
 * @example
 * roleFromClaims({ realm_access: { roles: ['ak-gs', 'offline'] } }, { ...config, rolesClaim: 'realm_access.roles', roleMap: { 'ak-gs': 'secretariat' } }); // 'secretariat'
 */
export function roleFromClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, 'rolesClaim' | 'roleMap'>): Role | undefined {
  let value: unknown = claims;
  for (const part of config.rolesClaim.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  const values = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  let best: Role | undefined;
  for (const v of values) {
    const role = Object.hasOwn(config.roleMap, v) ? config.roleMap[v] : undefined;
    if (role && (best === undefined || roles.indexOf(role) > roles.indexOf(best))) best = role;
  }
  return best;
}

/**
 * OpenID Connect sign-in with `openid-client` (authorization code flow with PKCE, state and
 * nonce): discovery of the issuer (its `issuer` must match), ID token validation (issuer,
 * audience, signature, expiry, nonce) by the library, roles mapped from a claim by
 * configuration. The state is kept server-side and taken once (a replayed callback fails) and
 * bound to the browser by a cookie (a callback started in another browser fails).
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;
  constructor(
    private readonly ctx: AppContext,
    readonly config: OidcConfig,
  ) {}

  private redirectUri(): string {
    return `${this.ctx.baseUrl}${oidcCallbackPath}`;
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.config.issuer);
      // Plain http only for a provider on this machine (development, tests).
      const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
      if (issuer.protocol !== 'https:' && !insecure) throw failed('issuer must use https');
      // Token times are checked against the app's clock (replaceable in tests).
      const skew = Math.round((this.ctx.now().getTime() - Date.now()) / 1000);
      const metadata: Partial<client.ClientMetadata> = { [client.clockSkew]: skew, [client.clockTolerance]: 30 };
      const auth = this.config.clientSecret === undefined ? client.None() : client.ClientSecretBasic(this.config.clientSecret);
      return client.discovery(issuer, this.config.clientId, metadata, auth, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    })();
    // A failed discovery (provider down, wrong issuer) is tried again at the next sign-in.
    this.configuration.catch(() => {
      this.configuration = undefined;
    });
    return this.configuration;
  }

  /** Start: remember state, nonce and PKCE verifier, and send the browser to the provider. */
  async start(c: Context, next: string | undefined): Promise<Response> {
    // Each start stores a pending sign-in: as many per address and minute as sign-in attempts.
    await rateLimit(this.ctx, c, 'oidc-start', this.ctx.config.loginLimitPerMinute, 60);
    let configuration: client.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      this.ctx.log.warn({ err: error, issuer: this.config.issuer }, 'oidc discovery failed');
      throw AppError.isInstance(error) ? error : failed('discovery', error);
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const pending: PendingSignIn = {
      verifier,
      nonce,
      next: safeNext(next),
      expires: new Date(this.ctx.now().getTime() + stateMinutes * 60_000).toISOString(),
    };
    await this.ctx.repo.meta.put(stateKey(state), JSON.stringify(pending), pending.expires);
    setCookie(c, cookieName(this.ctx), state, { httpOnly: true, secure: isHttps(this.ctx), sameSite: 'Lax', path: '/', maxAge: stateMinutes * 60 });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: this.config.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return c.redirect(url.href, 303);
  }

  /** Come back: check everything, find or create the account, start a session. */
  async callback(c: Context): Promise<{ user: User; next: string }> {
    const url = new URL(c.req.url);
    const state = url.searchParams.get('state') ?? '';
    const cookieState = getCookie(c, cookieName(this.ctx));
    deleteCookie(c, cookieName(this.ctx), { path: '/', secure: isHttps(this.ctx) });
    if (url.searchParams.has('error')) throw failed(`provider answered ${url.searchParams.get('error')?.slice(0, 100) ?? ''}`);
    // Taken once: a replayed callback finds nothing.
    const stored = state ? await this.ctx.repo.meta.take(stateKey(state)) : undefined;
    if (!stored) throw failed('unknown or used state');
    if (cookieState !== state) throw failed('state of another browser');
    const pending = JSON.parse(stored) as PendingSignIn;
    if (pending.expires <= this.ctx.now().toISOString()) throw failed('sign-in took too long');
    const configuration = await this.discover();
    // The callback URL as the provider called it (BASE_URL, not the address behind a proxy).
    const current = new URL(`${this.redirectUri()}${url.search}`);
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw failed('no ID token');
      claims = { ...idClaims };
      if (roleFromClaims(claims, this.config) === undefined && tokens.access_token) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
    } catch (error) {
      if (AppError.isInstance(error)) throw error;
      this.ctx.log.warn({ err: error }, 'oidc token validation failed');
      throw failed(error instanceof Error ? error.message.slice(0, 200) : 'token', error);
    }
    const role = roleFromClaims(claims, this.config);
    if (!role) throw new AppError('forbidden', 'Ihr Konto beim Identitätsanbieter hat keine Rolle in dieser Anwendung / your identity provider account has no role in this application');
    const user = await this.account(claims, role);
    if (Number(user.active) !== 1) throw new AppError('forbidden', 'Dieses Konto ist deaktiviert / this account is deactivated');
    await startSession(this.ctx, c, user.id);
    return { user, next: pending.next };
  }

  /** The account of `iss#sub`, created at the first sign-in; name and role follow the provider. */
  private async account(claims: Record<string, unknown>, role: Role): Promise<User> {
    const subject = `${String(claims['iss'])}#${String(claims['sub'])}`;
    const displayName = (typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'].trim() : String(claims['sub'])).slice(0, 200);
    const system = { repo: this.ctx.repo, now: this.ctx.now, user: null };
    const existing = await this.ctx.repo.users.byOidcSubject(subject);
    if (existing) {
      if (existing.role !== role || existing.display_name !== displayName) {
        await this.ctx.repo.users.update(existing.id, { role, display_name: displayName });
        const after = (await this.ctx.repo.users.get(existing.id)) as User;
        await audit({ ...system, user: { id: existing.id, username: existing.username } }, 'account.oidc-update', `users/${existing.id}`, accountState(existing), accountState(after));
        return after;
      }
      return existing;
    }
    const wanted = typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : String(claims['sub']);
    const base = wanted.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'sso';
    let username = base;
    for (let i = 2; await this.ctx.repo.users.byName(username); i++) username = `${base}-${i}`;
    const created = await createUser(this.ctx.repo, { username, displayName, role, passwordHash: oidcOnlyPasswordHash, oidcSubject: subject });
    const user = (await this.ctx.repo.users.get(created.id)) as User;
    await audit({ ...system, user: { id: user.id, username } }, 'account.oidc-create', `users/${user.id}`, null, accountState(user));
    return user;
  }
}
