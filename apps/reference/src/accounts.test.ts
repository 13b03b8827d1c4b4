import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { FormClient, startTestApp, testPassword, type TestApp } from '../test/harness.js';
import { backoffSeconds } from './auth/login.js';
import { passwordChecks } from './auth/passwords.js';
import { auditLog } from './domain/audit.js';

// Accounts and audit (issue 15) and the sign-in findings of issue 21, on both storage backends.
for (const factory of backends) {
  describe.skipIf(!factory.available)(`accounts on ${factory.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(factory, { env: { CONTRIBUTION_LIMIT_PER_HOUR: '1000', LOGIN_LIMIT_PER_MINUTE: '1000' } });
    }, 60_000);
    afterAll(() => t?.close());

    const repo = () => t.server.ctx.repo;
    const signIn = async (client: FormClient, username: string, password: string) => {
      const { csrf } = await client.page('/anmelden');
      return client.post('/anmelden', { _csrf: csrf, username, password, next: '/' });
    };
    const newUser = async (username: string, role: 'member' | 'secretariat' | 'admin' = 'member') => {
      const admin = new FormClient(t.url);
      await admin.login('admin');
      const { csrf } = await admin.page('/verwaltung');
      const res = await admin.post('/verwaltung/benutzer', { _csrf: csrf, username, displayName: `Konto ${username}`, role, password: testPassword });
      expect(res.status).toBe(303);
      return (await repo().users.byName(username))!;
    };

    it('changes the own password: the current one must be right, the new one long enough; other sessions end', async () => {
      await newUser('wechsel');
      const a = new FormClient(t.url);
      const b = new FormClient(t.url);
      expect((await signIn(a, 'wechsel', testPassword)).status).toBe(303);
      expect((await signIn(b, 'wechsel', testPassword)).status).toBe(303);
      const { csrf } = await a.page('/konto');
      const wrong = await a.post('/konto/passwort', { _csrf: csrf, currentPassword: 'falsch-falsch', newPassword: 'Ganz-neues-Passwort-1' });
      expect(wrong.status).toBe(422);
      expect(await wrong.text()).toContain('aria-invalid="true"');
      const short = await a.post('/konto/passwort', { _csrf: csrf, currentPassword: testPassword, newPassword: 'kurz' });
      expect(short.status).toBe(422);
      const ok = await a.post('/konto/passwort', { _csrf: csrf, currentPassword: testPassword, newPassword: 'Ganz-neues-Passwort-1' });
      expect(ok.status).toBe(200);
      expect((await a.page('/konto')).res.status).toBe(200); // this session stays
      expect((await b.fetch('/konto')).status).toBe(303); // the other one ended
      expect((await signIn(new FormClient(t.url), 'wechsel', testPassword)).status).toBe(401);
      expect((await signIn(new FormClient(t.url), 'wechsel', 'Ganz-neues-Passwort-1')).status).toBe(303);
    }, 120_000);

    it('lets an admin reset a password (shown once) and deactivate an account, both audited', async () => {
      const user = await newUser('zuruecksetzen', 'secretariat');
      const victim = new FormClient(t.url);
      expect((await signIn(victim, 'zuruecksetzen', testPassword)).status).toBe(303);
      const admin = new FormClient(t.url);
      await admin.login('admin');
      const { csrf } = await admin.page('/verwaltung/konten');
      const reset = await admin.post(`/verwaltung/konten/${user.id}/passwort`, { _csrf: csrf });
      expect(reset.status).toBe(200);
      const password = /id="password" readonly value="([^"]+)"/.exec(await reset.text())?.[1];
      expect(password).toMatch(/^[\w-]{16}$/);
      expect((await victim.fetch('/konto')).status).toBe(303);
      expect((await signIn(new FormClient(t.url), 'zuruecksetzen', testPassword)).status).toBe(401);
      const again = new FormClient(t.url);
      expect((await signIn(again, 'zuruecksetzen', password!)).status).toBe(303);

      const token = await (await again.fetch('/konto/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': (await again.page('/konto')).csrf },
        body: JSON.stringify({ label: 'Skript', days: 30 }),
      })).json() as { token: string };
      expect((await fetch(`${t.url}/api/v1/recommendations`, { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(200);

      const off = await admin.post(`/verwaltung/konten/${user.id}/status`, { _csrf: csrf, active: 'false' });
      expect(off.status).toBe(303);
      expect((await again.fetch('/konto')).status).toBe(303);
      expect((await fetch(`${t.url}/api/v1/recommendations`, { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(401);
      expect((await signIn(new FormClient(t.url), 'zuruecksetzen', password!)).status).toBe(401);
      const self = await admin.post(`/verwaltung/konten/${(await repo().users.byName('test-admin'))!.id}/status`, { _csrf: csrf, active: 'false' });
      expect(self.status).toBe(409);
      expect((await admin.post(`/verwaltung/konten/${user.id}/status`, { _csrf: csrf, active: 'true' })).status).toBe(303);
      expect((await signIn(new FormClient(t.url), 'zuruecksetzen', password!)).status).toBe(303);

      const log = await auditLog(repo(), { subject: `users/${user.id}` });
      expect(log.map((e) => e.action)).toEqual(['account.activate', 'account.deactivate', 'account.password-reset']);
      expect(log[1]).toMatchObject({ actor: 'test-admin', before: { active: true, username: 'zuruecksetzen' }, after: { active: false } });
      expect(JSON.stringify(log)).not.toContain('scrypt$');
    }, 120_000);

    it('locks an account with a growing back-off after five failures, also for the right password', async () => {
      const user = await newUser('sperre');
      expect([4, 5, 6, 7, 20].map(backoffSeconds)).toEqual([0, 30, 60, 120, 3600]);
      for (let i = 0; i < 5; i++) expect((await signIn(new FormClient(t.url), 'sperre', `falsch-${i}`)).status).toBe(401);
      const locked = await signIn(new FormClient(t.url), 'sperre', testPassword);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      // Thirty seconds later (moved in storage): one more failure locks for 60 s.
      await repo().users.update(user.id, { locked_until: new Date(Date.now() - 1000).toISOString() });
      expect((await signIn(new FormClient(t.url), 'sperre', 'falsch-6')).status).toBe(401);
      const longer = await signIn(new FormClient(t.url), 'sperre', testPassword);
      expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(30);
      expect(Number(longer.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // The admin lifts the lock; a success resets the count.
      const admin = new FormClient(t.url);
      await admin.login('admin');
      const { csrf } = await admin.page('/verwaltung/konten');
      expect((await admin.post(`/verwaltung/konten/${user.id}/entsperren`, { _csrf: csrf })).status).toBe(303);
      expect((await signIn(new FormClient(t.url), 'sperre', testPassword)).status).toBe(303);
      expect(Number((await repo().users.get(user.id))!.failed_logins)).toBe(0);
    }, 120_000);

    it('answers unknown names like existing ones: one scrypt check each, and the same lock', async () => {
      const before = passwordChecks.count;
      expect((await signIn(new FormClient(t.url), 'gibt-es-nicht', 'irgendwas-123')).status).toBe(401);
      expect(passwordChecks.count - before).toBe(1);
      const known = passwordChecks.count;
      expect((await signIn(new FormClient(t.url), 'test-member', 'irgendwas-123')).status).toBe(401);
      expect(passwordChecks.count - known).toBe(1);
      for (let i = 0; i < 4; i++) expect((await signIn(new FormClient(t.url), 'gibt-es-nicht', 'x')).status).toBe(401);
      expect((await signIn(new FormClient(t.url), 'gibt-es-nicht', 'x')).status).toBe(429);
      // The count of an unknown name is kept 30 days after its last failure, then tidied away
      // (ADR 0173): a day before, the lock stands; after, the name starts again from no failures.
      const day = 86_400_000;
      await repo().pruneExpired(new Date(Date.now() + 29 * day).toISOString());
      expect((await signIn(new FormClient(t.url), 'gibt-es-nicht', 'x')).status).toBe(429);
      expect((await repo().pruneExpired(new Date(Date.now() + 31 * day).toISOString())).meta).toBeGreaterThanOrEqual(1);
      expect((await signIn(new FormClient(t.url), 'gibt-es-nicht', 'x')).status).toBe(401);
    }, 120_000);

    it('rehashes a password stored with the old scrypt parameters at the next sign-in', async () => {
      const user = await newUser('altes-hash');
      // scrypt N=2^14 of the test password, as stored before the parameters were raised.
      const { scryptSync, randomBytes } = await import('node:crypto');
      const salt = randomBytes(16);
      const key = scryptSync(testPassword, salt, 32, { N: 16384, r: 8, p: 1 });
      await repo().users.update(user.id, { password_hash: `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}` });
      expect((await signIn(new FormClient(t.url), 'altes-hash', testPassword)).status).toBe(303);
      expect((await repo().users.get(user.id))!.password_hash.startsWith('scrypt$131072$8$1$')).toBe(true);
      expect((await signIn(new FormClient(t.url), 'altes-hash', testPassword)).status).toBe(303);
    }, 120_000);

    it('issues API tokens with an expiry, lists and revokes them (page and JSON); expired and revoked tokens are refused', async () => {
      const client = new FormClient(t.url);
      await client.login('member');
      const { csrf } = await client.page('/konto');
      const created = await client.post('/konto/tokens', { _csrf: csrf, label: 'Portal des Landes', days: '90' });
      expect(created.status).toBe(201);
      const secret = /id="token" readonly value="([^"]+)"/.exec(await created.text())?.[1];
      expect(secret).toMatch(/^fdr_/);
      const api = (s: string) => fetch(`${t.url}/api/v1/recommendations`, { headers: { authorization: `Bearer ${s}` } });
      expect((await api(secret!)).status).toBe(200);
      const list = (await (await client.fetch('/konto/tokens', { headers: { accept: 'application/json' } })).json()) as { items: Array<{ id: string; label: string; state: string; expiresAt: string; lastUsedAt: string | null }> };
      const item = list.items.find((i) => i.label === 'Portal des Landes')!;
      expect(item.state).toBe('active');
      expect(Date.parse(item.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
      expect(item.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list)).not.toContain(secret!);
      const bad = await client.post('/konto/tokens', { _csrf: csrf, label: 'x', days: '10000' });
      expect(bad.status).toBe(422);

      const revoke = await client.post(`/konto/tokens/${item.id}/widerrufen`, { _csrf: csrf });
      expect(revoke.status).toBe(200);
      expect((await api(secret!)).status).toBe(401);
      expect((await client.post(`/konto/tokens/${item.id}/widerrufen`, { _csrf: csrf })).status).toBe(404);

      // The JSON API with a bearer token: create, revoke with DELETE; another user's token is not found.
      const viaApi = await fetch(`${t.url}/konto/tokens`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'CI', days: 30 }) });
      expect(viaApi.status).toBe(201);
      const fresh = (await viaApi.json()) as { id: string; token: string; expiresAt: string };
      expect((await api(fresh.token)).status).toBe(200);
      expect((await fetch(`${t.url}/konto/tokens/${fresh.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${t.tokens.member}` } })).status).toBe(404);
      expect((await fetch(`${t.url}/konto/tokens/${fresh.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${t.tokens.secretariat}` } })).status).toBe(204);
      expect((await api(fresh.token)).status).toBe(401);

      const expiring = await fetch(`${t.url}/konto/tokens`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens.member}`, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'kurz', days: 30 }) });
      const short = (await expiring.json()) as { id: string; token: string };
      const row = (await repo().tokens.listForUser((await repo().users.byName('test-member'))!.id)).find((x) => x.id === short.id)!;
      expect(row.expires_at).not.toBeNull();
      // Expiry passes (moved in storage): refused.
      await repo().tokens.revoke('nobody', short.id, new Date().toISOString()); // another user cannot revoke it
      expect((await api(short.token)).status).toBe(200);
      await repo().transaction(async (tx) => {
        await tx.tokens.create({ ...row, id: `${row.id}-abgelaufen`, token_hash: `${row.token_hash}x`, expires_at: new Date(Date.now() - 1000).toISOString() });
      });
      const { digest } = await import('./auth/session.js');
      const expiredSecret = 'fdr_abgelaufen-test';
      await repo().tokens.create({ id: 'abgelaufen', token_hash: digest(expiredSecret), user_id: row.user_id, label: 'alt', created_at: new Date(Date.now() - 10_000).toISOString(), expires_at: new Date(Date.now() - 1000).toISOString() });
      expect((await api(expiredSecret)).status).toBe(401);
    }, 120_000);

    it('signs out everywhere', async () => {
      const a = new FormClient(t.url);
      const b = new FormClient(t.url);
      await a.login('member');
      await b.login('member');
      const { csrf } = await a.page('/konto');
      const res = await a.post('/konto/abmelden-ueberall', { _csrf: csrf });
      expect(res.status).toBe(303);
      expect((await a.fetch('/konto')).status).toBe(303);
      expect((await b.fetch('/konto')).status).toBe(303);
    }, 120_000);

    it('shows the audit log to admins only and exports it as CSV', async () => {
      const user = await newUser('protokoll-export');
      const admin = new FormClient(t.url);
      await admin.login('admin');
      const { csrf } = await admin.page('/verwaltung/konten');
      expect((await admin.post(`/verwaltung/konten/${user.id}/status`, { _csrf: csrf, active: 'false' })).status).toBe(303);
      const page = await admin.page('/verwaltung/protokoll');
      expect(page.res.status).toBe(200);
      expect(page.text).toContain('account.deactivate');
      expect(page.text).toContain(`users/${user.id}`);
      const csv = await admin.fetch('/verwaltung/protokoll.csv');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="protokoll-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheet programs
      const text = new TextDecoder().decode(bytes);
      expect(text.startsWith('at,actor,action,subject,before_version,after_version,before,after\r\n')).toBe(true);
      expect(text).toContain(',test-admin,account.deactivate,users/');
      const gs = new FormClient(t.url);
      await gs.login('secretariat');
      expect((await gs.fetch('/verwaltung/protokoll')).status).toBe(403);
      expect((await gs.fetch('/verwaltung/protokoll.csv')).status).toBe(403);
    }, 120_000);

    it('records a secretariat write whose handler wrote no entry itself (route, path, version)', async () => {
      const before = (await auditLog(repo())).length;
      const res = await fetch(`${t.url}/api/v1/consultations/konsultation-x/contributions/c-1`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect((await auditLog(repo())).length).toBe(before); // failed writes are not recorded
      const admin = new FormClient(t.url);
      await admin.login('admin');
      const { csrf } = await admin.page('/verwaltung');
      expect((await admin.post('/verwaltung/benutzer', { _csrf: csrf, username: 'protokolliert', displayName: 'P', role: 'member', password: testPassword })).status).toBe(303);
      const [latest] = await auditLog(repo(), { limit: 1 });
      expect((await auditLog(repo())).length).toBe(before + 1);
      expect(latest).toMatchObject({ actor: 'test-admin', action: 'POST /verwaltung/benutzer', subject: '/verwaltung/benutzer' });
    }, 120_000);

    it('sends Cache-Control: no-store to signed-in requests only', async () => {
      const client = new FormClient(t.url);
      expect((await client.fetch('/')).headers.get('cache-control')).not.toBe('no-store');
      await client.login('member');
      expect((await client.fetch('/')).headers.get('cache-control')).toBe('no-store');
      expect((await client.fetch('/konto')).headers.get('cache-control')).toBe('no-store');
      const api = await fetch(`${t.url}/api/v1/recommendations`, { headers: { authorization: `Bearer ${t.tokens.member}` } });
      expect(api.headers.get('cache-control')).toBe('no-store');
    }, 120_000);
  });
}
