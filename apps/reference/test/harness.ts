// Starts the real app on port 0 over a fresh backend, with one user per role and an API token
// for each, and a tiny cookie-keeping HTTP client for form flows.
import { prepareAccounts } from '../src/auth/bootstrap.js';
import { hashPassword } from '../src/auth/passwords.js';
import { createApiToken, createUser } from '../src/auth/session.js';
import type { Role } from '../src/auth/roles.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { Backend, BackendFactory } from './backends.js';

export const testPassword = 'Test-Passwort-2027';
// One scrypt hash of the test password per process (the OWASP parameters take about a second).
let testPasswordHash: Promise<string> | undefined;

export interface TestApp {
  readonly server: RunningServer;
  readonly url: string;
  readonly backend: Backend;
  readonly tokens: Record<Exclude<Role, 'public'>, string>;
  close(): Promise<void>;
}

export async function startTestApp(
  factory: BackendFactory,
  options: { env?: Record<string, string>; seed?: boolean; backend?: Backend; users?: boolean } = {},
): Promise<TestApp> {
  const backend = options.backend ?? (await factory.create());
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: options.seed ? 'true' : 'false', ...backend.env, ...options.env });
  const server = await startServer({ config, log: createLogger('silent'), ...(options.seed ? { prepare: async (ctx) => void (await prepareAccounts(ctx, () => undefined)) } : {}) });
  const tokens = {} as Record<Exclude<Role, 'public'>, string>;
  if (options.users !== false) {
    for (const role of ['member', 'secretariat', 'admin'] as const) {
      const existing = await server.ctx.repo.users.byName(`test-${role}`);
      const id = existing?.id ?? (await createUser(server.ctx.repo, { username: `test-${role}`, displayName: `Test ${role}`, role, passwordHash: await (testPasswordHash ??= hashPassword(testPassword)) })).id;
      tokens[role] = await createApiToken(server.ctx.repo, id, `test ${role}`);
    }
  }
  return {
    server,
    url: server.url,
    backend,
    tokens,
    close: async () => {
      await server.close();
      if (!options.backend) await backend.dispose();
    },
  };
}

/** A minimal browser stand-in: keeps cookies, reads the CSRF token from pages, posts forms. */
export class FormClient {
  private readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (!headers.has('accept')) headers.set('accept', 'text/html');
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name as string);
      else this.cookies.set(name as string, value);
    }
    return res;
  }

  /** GET a page and return its text and the CSRF token of its first form. */
  async page(path: string): Promise<{ res: Response; text: string; csrf: string }> {
    const res = await this.fetch(path);
    const text = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
    return { res, text, csrf };
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.fetch(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async login(role: Role): Promise<void> {
    const { csrf } = await this.page('/anmelden');
    const res = await this.post('/anmelden', { _csrf: csrf, username: `test-${role}`, password: testPassword, next: '/' });
    if (res.status !== 303) throw new Error(`login as ${role} failed: ${res.status}`);
  }
}
