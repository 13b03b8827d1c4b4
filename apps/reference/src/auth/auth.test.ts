import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sqliteBackend } from '../../test/backends.js';
import { FormClient, startTestApp, testPassword, type TestApp } from '../../test/harness.js';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords (scrypt)', () => {
  it('verifies the right password and refuses a wrong one; salts differ', async () => {
    const a = await hashPassword('geheim-2027');
    const b = await hashPassword('geheim-2027');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('geheim-2027', a)).toBe(true);
    expect(await verifyPassword('geheim-2028', a)).toBe(false);
  });
  it('never matches a malformed stored hash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (stored) => {
        expect(await verifyPassword('x', stored)).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false);
  });
});

describe('sessions, CSRF and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend());
  });
  afterAll(() => t?.close());

  it('signs in with the right password, shows the user, and signs out', async () => {
    const client = new FormClient(t.url);
    await client.login('secretariat');
    const home = await client.page('/anmelden');
    expect(home.text).toContain('Test secretariat');
    const out = await client.post('/abmelden', { _csrf: home.csrf });
    expect(out.status).toBe(303);
    expect((await client.page('/anmelden')).text).not.toContain('Test secretariat');
  });

  it('refuses a wrong password with 401 and the German message', async () => {
    const client = new FormClient(t.url);
    const { csrf } = await client.page('/anmelden');
    const res = await client.post('/anmelden', { _csrf: csrf, username: 'test-admin', password: 'falsch' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Benutzername oder Passwort ist falsch.');
  });

  it('refuses every form post without or with a wrong CSRF token (403)', async () => {
    const client = new FormClient(t.url);
    await client.page('/anmelden');
    const missing = await client.post('/anmelden', { username: 'test-admin', password: testPassword });
    expect(missing.status).toBe(403);
    const wrong = await client.post('/anmelden', { _csrf: 'x'.repeat(43), username: 'test-admin', password: testPassword });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('Sicherheitstoken');
  });

  it('requires the CSRF header for cookie-authenticated JSON writes but not for bearer tokens', async () => {
    const client = new FormClient(t.url);
    await client.login('member');
    const res = await client.fetch('/abmelden', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('answers 401 for an unknown bearer token', async () => {
    const res = await fetch(`${t.url}/health`, { headers: { authorization: 'Bearer fdr_nope' } });
    expect(res.status).toBe(200); // health is outside auth
    const api = await fetch(`${t.url}/anmelden`, { headers: { authorization: 'Bearer fdr_nope' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('switches the language by cookie, without JavaScript', async () => {
    const client = new FormClient(t.url);
    const sw = await client.fetch('/sprache?lang=en&next=/anmelden');
    expect(sw.status).toBe(303);
    expect(sw.headers.get('location')).toBe('/anmelden');
    const page = await client.page('/anmelden');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('User name');
    const evil = await client.fetch('/sprache?lang=de&next=//evil.example');
    expect(evil.headers.get('location')).toBe('/');
  });
});
