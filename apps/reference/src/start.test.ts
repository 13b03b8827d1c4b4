import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, sqliteBackend, type Backend } from '../test/backends.js';
import { FormClient } from '../test/harness.js';
import { prepareAccounts } from './auth/bootstrap.js';
import { hashPassword } from './auth/passwords.js';
import { createUser } from './auth/session.js';
import { assertSafeToListen, isLoopback, loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

// Safe defaults (issue 15) and demo accounts without a shared password (issue 21.2).
describe('start configuration', () => {
  it('listens on loopback by default and then loads the demo; elsewhere only when asked', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', ADMIN_PASSWORD: 'ein-langes-passwort' }).seedDemo).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }, ['--demo']).seedDemo).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('tells loopback addresses from others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.org', '128.0.0.1', '']) expect(isLoopback(host), host).toBe(false);
  });

  it('refuses to listen on another address without ADMIN_PASSWORD, with a message naming it', () => {
    let caught: unknown;
    try {
      assertSafeToListen(loadConfig({ HOST: '0.0.0.0' }));
    } catch (error) {
      caught = error;
    }
    expect(AppError.isInstance(caught) && caught.code === 'config-invalid').toBe(true);
    expect((caught as Error).message).toContain('ADMIN_PASSWORD');
    expect((caught as Error).message).toContain('HOST=0.0.0.0');
    expect(() => assertSafeToListen(loadConfig({ HOST: '0.0.0.0', ADMIN_PASSWORD: 'ein-langes-passwort' }))).not.toThrow();
    expect(() => assertSafeToListen(loadConfig({}))).not.toThrow();
    expect(() => loadConfig({ ADMIN_PASSWORD: 'kurz' })).toThrow(/ADMIN_PASSWORD/);
  });
});

for (const factory of backends) {
  describe.skipIf(!factory.available)(`accounts at start on ${factory.name}`, () => {
    let backend: Backend;
    let server: RunningServer;
    const printed: string[] = [];
    beforeAll(async () => {
      backend = await factory.create();
      const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...backend.env });
      server = await startServer({ config, log: createLogger('silent'), prepare: async (ctx) => void (await prepareAccounts(ctx, (text) => printed.push(text))) });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await backend?.dispose();
    });

    it('creates the first admin and each demo account with its own password, shown once', async () => {
      expect(printed).toHaveLength(1);
      const lines = printed[0]!.split('\n').map((l) => /^ {2}(\S+)\s+(\S+)$/.exec(l)).filter((m) => m !== null);
      const accounts: Record<string, string> = Object.fromEntries(lines.map((m) => [m[1] as string, m[2] as string]));
      expect(Object.keys(accounts).sort()).toEqual(['admin', 'geschaeftsstelle', 'mitglied']);
      const passwords = Object.values(accounts);
      expect(new Set(passwords).size).toBe(3);
      for (const p of passwords) expect(p).toMatch(/^[\w-]{16}$/);
      for (const [username, password] of Object.entries(accounts)) {
        const client = new FormClient(server.url);
        const { csrf } = await client.page('/anmelden');
        expect((await client.post('/anmelden', { _csrf: csrf, username, password: password!, next: '/' })).status, username).toBe(303);
      }
      // The member's password does not open the admin account.
      const client = new FormClient(server.url);
      const { csrf } = await client.page('/anmelden');
      expect((await client.post('/anmelden', { _csrf: csrf, username: 'admin', password: accounts['mitglied']!, next: '/' })).status).toBe(401);
      // A second start shows nothing and changes nothing.
      const again: string[] = [];
      expect(await prepareAccounts(server.ctx, (text) => again.push(text))).toEqual([]);
      expect(again).toEqual([]);
      expect((await server.ctx.repo.audit.list({})).some((e) => e.action === 'user.bootstrap')).toBe(true);
    });
  });
}

describe('an older database with the shared demo password', () => {
  it('gets a new password for each demo account (admin: ADMIN_PASSWORD), once', async () => {
    const backend = await sqliteBackend().create();
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ADMIN_PASSWORD: 'Admin-Passwort-aus-Env', ...backend.env });
    const server = await startServer({ config, log: createLogger('silent') });
    try {
      const shared = await hashPassword('foederal-demo');
      for (const [username, role] of [['admin', 'admin'], ['geschaeftsstelle', 'secretariat'], ['mitglied', 'member']] as const) {
        await createUser(server.ctx.repo, { username, displayName: username, role, passwordHash: shared });
      }
      const printed: string[] = [];
      const changed = await prepareAccounts(server.ctx, (text) => printed.push(text));
      expect(changed.map((c) => c.username)).toEqual(['admin', 'geschaeftsstelle', 'mitglied']);
      expect(changed[0]!.password).toBeUndefined();
      expect(printed[0]).toContain('(ADMIN_PASSWORD)');
      expect(printed[0]).not.toContain('Admin-Passwort-aus-Env');
      const signIn = async (username: string, password: string) => {
        const client = new FormClient(server.url);
        const { csrf } = await client.page('/anmelden');
        return (await client.post('/anmelden', { _csrf: csrf, username, password, next: '/' })).status;
      };
      expect(await signIn('mitglied', 'foederal-demo')).toBe(401);
      expect(await signIn('mitglied', changed[2]!.password!)).toBe(303);
      expect(await signIn('admin', 'Admin-Passwort-aus-Env')).toBe(303);
      expect(await prepareAccounts(server.ctx, () => undefined)).toEqual([]);
    } finally {
      await server.close();
      await backend.dispose();
    }
  }, 60_000);
});

describe('pnpm start', () => {
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const main = join(import.meta.dirname, 'main.ts');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'foederal-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string>) => {
    const child = spawn(tsx, ['--conditions=@foederal/source', main], {
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  };

  it('refuses to start on 0.0.0.0 without ADMIN_PASSWORD, with a clear message', async () => {
    const { exited, err } = run({ HOST: '0.0.0.0' });
    expect(await exited).toBe(2);
    expect(err()).toContain('ADMIN_PASSWORD');
    expect(err()).toContain('HOST=0.0.0.0');
  }, 60_000);

  it('brings the demo up on loopback with a password per account, printed once', async () => {
    const { child, exited, out } = run({});
    try {
      await expect.poll(() => out(), { timeout: 60_000, interval: 200 }).toContain('"msg":"listening"');
      const url = /"url":"(http:\/\/localhost:\d+)"/.exec(out())![1]!;
      const member = /^ {2}mitglied\s+(\S+)$/m.exec(out())?.[1];
      expect(member).toMatch(/^[\w-]{16}$/);
      expect(out()).not.toContain('foederal-demo');
      const client = new FormClient(url.replace('localhost', '127.0.0.1'));
      const { csrf } = await client.page('/anmelden');
      expect((await client.post('/anmelden', { _csrf: csrf, username: 'mitglied', password: member!, next: '/' })).status).toBe(303);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
