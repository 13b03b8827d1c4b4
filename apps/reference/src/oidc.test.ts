import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type Backend } from '../test/backends.js';
import { roleFromClaims } from './auth/oidc.js';
import { loadConfig } from './config.js';
import { auditLog } from './domain/audit.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider) started in the test:
// sign-in with roles from claims, a role change, no role, a replayed state, a wrong issuer and
// an expired ID token, on both storage backends.

const clientSecret = 'ein-langes-geheimnis-fuer-den-test-0123456789';
const roleMap = 'ak-admin=admin,ak-gs=secretariat,ak-mitglied=member';

/** Accounts of the identity provider: the claims it releases. */
const idp: Record<string, Record<string, unknown>> = {
  'martina.vogel': { sub: 'martina.vogel', name: 'Martina Vogel (Hessen)', preferred_username: 'martina.vogel', roles: ['ak-mitglied', 'unrelated'] },
  'ohne.rolle': { sub: 'ohne.rolle', name: 'Ohne Rolle', preferred_username: 'ohne.rolle', roles: ['unrelated'] },
};

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/** A provider whose interactions sign in `who()` and grant what the client asks, without pages. */
function makeProvider(issuer: string, redirectUris: string[]): Provider {
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'foederal', client_secret: clientSecret, redirect_uris: redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => idp[id] ?? { sub: id } }),
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], roles: ['roles'] },
    scopes: ['openid', 'profile', 'roles'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-cookie-key'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
  });
  provider.on('server_error', () => undefined);
  return provider;
}

async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse, who: string): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: who } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
  grant.addOIDCScope(String(details.params['scope']));
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** A browser stand-in across hosts: cookies per host, redirects followed by hand. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();
  async get(url: string): Promise<Response> {
    const target = new URL(url.replace('//localhost:', '//127.0.0.1:'));
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const headers: Record<string, string> = { accept: 'text/html' };
    if (jar.size > 0) headers['cookie'] = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(target, { headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, at);
      const value = (pair ?? '').slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  /** Follow redirects from `url` until the app's callback has answered; returns it and the callback URL. */
  async signIn(appUrl: string, next = '/konto'): Promise<{ res: Response; callback: string | undefined }> {
    let res = await this.get(`${appUrl}/anmelden/oidc?next=${encodeURIComponent(next)}`);
    let callback: string | undefined;
    for (let hops = 0; hops < 20 && res.status >= 300 && res.status < 400; hops++) {
      const location = new URL(res.headers.get('location')!, res.url).href;
      if (location.includes('/anmelden/oidc/callback')) {
        callback = location;
        return { res: await this.get(location), callback };
      }
      res = await this.get(location);
    }
    return { res, callback };
  }
}

for (const factory of backends) {
  describe.skipIf(!factory.available)(`single sign-on on ${factory.name}`, () => {
    let who = 'martina.vogel';
    let provider: Provider | undefined;
    let impostor: Provider | undefined;
    let idpServer: { server: Server; url: string };
    let impostorServer: { server: Server; url: string };
    const apps: Array<{ server: RunningServer; backend: Backend }> = [];
    let app: RunningServer;
    let wrongIssuerApp: RunningServer;
    let lateApp: RunningServer;

    const startApp = async (issuer: string, now?: () => Date) => {
      const backend = await factory.create();
      const config = loadConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'foederal',
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_SCOPE: 'openid profile roles',
        OIDC_ROLE_MAP: roleMap,
        ...backend.env,
      });
      const server = await startServer({ config, log: createLogger('silent'), ...(now ? { now } : {}) });
      apps.push({ server, backend });
      return server;
    };

    beforeAll(async () => {
      const handler = (get: () => Provider | undefined) => (req: IncomingMessage, res: ServerResponse) => {
        const p = get();
        if (!p) return void res.writeHead(503).end();
        if (req.url?.startsWith('/interaction/')) return void interact(p, req, res, who).catch(() => res.writeHead(500).end());
        p.callback()(req, res);
      };
      idpServer = await listen(handler(() => provider));
      impostorServer = await listen(handler(() => impostor));
      app = await startApp(idpServer.url);
      wrongIssuerApp = await startApp(impostorServer.url);
      lateApp = await startApp(idpServer.url, () => new Date(Date.now() + 2 * 3600_000));
      const redirects = [app, wrongIssuerApp, lateApp].map((a) => `${a.ctx.baseUrl}/anmelden/oidc/callback`);
      provider = makeProvider(idpServer.url, redirects);
      // Serves its discovery document at the impostor's root, but names another issuer.
      impostor = makeProvider(`${impostorServer.url}/anderer-aussteller`, redirects);
    }, 60_000);
    afterAll(async () => {
      for (const { server, backend } of apps) {
        await server.close();
        await backend.dispose();
      }
      idpServer?.server.close();
      impostorServer?.server.close();
    });

    it('maps roles from claims by configuration, the highest wins', () => {
      const config = { rolesClaim: 'realm_access.roles', roleMap: { 'ak-gs': 'secretariat', 'ak-mitglied': 'member' } } as const;
      expect(roleFromClaims({ realm_access: { roles: ['ak-mitglied', 'ak-gs'] } }, config)).toBe('secretariat');
      expect(roleFromClaims({ realm_access: { roles: 'ak-mitglied other' } }, config)).toBe('member');
      expect(roleFromClaims({ realm_access: { roles: ['toString', 'constructor'] } }, config)).toBeUndefined();
      expect(roleFromClaims({}, config)).toBeUndefined();
    });

    it('signs in through the provider, creates the account with the mapped role, and shows the button', async () => {
      const login = await (await fetch(`${app.url}/anmelden`)).text();
      expect(login).toContain('href="/anmelden/oidc?next=%2F"');
      who = 'martina.vogel';
      idp['martina.vogel'] = { ...idp['martina.vogel'], roles: ['ak-mitglied', 'unrelated'] };
      const browser = new Browser();
      const { res } = await browser.signIn(app.ctx.baseUrl);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/konto');
      const page = await browser.get(`${app.ctx.baseUrl}/konto`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Martina Vogel (Hessen)');
      const user = await app.ctx.repo.users.byOidcSubject(`${idpServer.url}#martina.vogel`);
      expect(user).toMatchObject({ username: 'martina.vogel', role: 'member' });
      expect((await auditLog(app.ctx.repo, { subject: `users/${user!.id}` })).map((e) => e.action)).toEqual(['account.oidc-create']);
      // No password sign-in for this account.
      expect(user!.password_hash.startsWith('scrypt$')).toBe(false);
    });

    it('follows a role change at the provider at the next sign-in', async () => {
      idp['martina.vogel'] = { ...idp['martina.vogel'], roles: ['ak-gs', 'ak-mitglied'] };
      who = 'martina.vogel';
      const { res } = await new Browser().signIn(app.ctx.baseUrl);
      expect(res.status).toBe(303);
      const user = await app.ctx.repo.users.byOidcSubject(`${idpServer.url}#martina.vogel`);
      expect(user!.role).toBe('secretariat');
      const log = await auditLog(app.ctx.repo, { subject: `users/${user!.id}` });
      expect(log[0]).toMatchObject({ action: 'account.oidc-update', before: { role: 'member' }, after: { role: 'secretariat' } });
    });

    it('refuses an account without a mapped role (403) and creates nothing', async () => {
      who = 'ohne.rolle';
      const { res } = await new Browser().signIn(app.ctx.baseUrl);
      expect(res.status).toBe(403);
      expect(await app.ctx.repo.users.byOidcSubject(`${idpServer.url}#ohne.rolle`)).toBeUndefined();
    });

    it('refuses a replayed state, and a callback in a browser that did not start the sign-in', async () => {
      who = 'martina.vogel';
      const browser = new Browser();
      const { res, callback } = await browser.signIn(app.ctx.baseUrl);
      expect(res.status).toBe(303);
      const replay = await browser.get(callback!);
      expect(replay.status).toBe(401);
      expect(await replay.text()).toContain('unknown or used state');
      const other = await new Browser().get(callback!);
      expect(other.status).toBe(401);
      // A fresh state used by another browser (login CSRF): refused too.
      const starter = new Browser();
      let step = await starter.get(`${app.ctx.baseUrl}/anmelden/oidc`);
      let victimCallback: string | undefined;
      for (let i = 0; i < 20 && step.status >= 300 && step.status < 400 && !victimCallback; i++) {
        const location = new URL(step.headers.get('location')!, step.url).href;
        if (location.includes('/anmelden/oidc/callback')) victimCallback = location;
        else step = await starter.get(location);
      }
      const victim = await new Browser().get(victimCallback!);
      expect(victim.status).toBe(401);
      expect(await victim.text()).toContain('state of another browser');
    });

    it('keeps a pending sign-in until it expires (10 minutes), then tidies it away', async () => {
      who = 'martina.vogel';
      // Start at the app and go through the provider, stopping before the app's callback.
      const pendingCallback = async (browser: Browser) => {
        let step = await browser.get(`${app.ctx.baseUrl}/anmelden/oidc`);
        for (let i = 0; i < 20 && step.status >= 300 && step.status < 400; i++) {
          const location = new URL(step.headers.get('location')!, step.url).href;
          if (location.includes('/anmelden/oidc/callback')) return location;
          step = await browser.get(location);
        }
        throw new Error('the provider did not send the browser back');
      };
      const minute = 60_000;
      const early = new Browser();
      const earlyCallback = await pendingCallback(early);
      await app.ctx.repo.pruneExpired(new Date(Date.now() + 9 * minute).toISOString());
      expect((await early.get(earlyCallback)).status).toBe(303);

      const late = new Browser();
      const lateCallback = await pendingCallback(late);
      expect((await app.ctx.repo.pruneExpired(new Date(Date.now() + 11 * minute).toISOString())).meta).toBeGreaterThanOrEqual(1);
      const refused = await late.get(lateCallback);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('unknown or used state');
    });

    it('refuses a provider whose discovery names another issuer', async () => {
      const res = await new Browser().get(`${wrongIssuerApp.ctx.baseUrl}/anmelden/oidc`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('discovery');
      expect((await wrongIssuerApp.ctx.repo.users.list()).length).toBe(0);
    });

    it('refuses an expired ID token (the app clock two hours ahead of the provider)', async () => {
      who = 'martina.vogel';
      const { res } = await new Browser().signIn(lateApp.ctx.baseUrl);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('JWT timestamp claim value failed validation');
      expect((await lateApp.ctx.repo.users.list()).length).toBe(0);
    });
  });
}
