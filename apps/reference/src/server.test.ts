import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, sqliteBackend } from '../test/backends.js';
import { startTestApp } from '../test/harness.js';

describe('graceful shutdown', () => {
  it('finishes a request that is running when shutdown starts, then refuses new connections', async () => {
    const t = await startTestApp(sqliteBackend(), { seed: true });
    const url = new URL(t.url);
    const body = JSON.stringify({ anchor: { section: '1' }, text: { de: 'Während des Herunterfahrens eingereicht.' }, author: { kind: 'anonymous' } });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, method: 'POST', path: '/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      setTimeout(() => req.end(body.slice(half)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = t.server.close();
    expect(t.server.ctx.ready).toBe(false);
    const result = await response;
    expect(result.status).toBe(201);
    expect(JSON.parse(result.text).text.de).toBe('Während des Herunterfahrens eingereicht.');
    await closing;
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
    await t.backend.dispose();
  });
});

const pg = backends[1]!;
describe.skipIf(!pg.available)('two app instances on one PostgreSQL database', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('migrate and seed once, share writes, and refuse a stale update across instances', async () => {
    const backend = await pg.create();
    cleanup.push(() => backend.dispose());
    const [a, b] = await Promise.all([
      startTestApp(pg, { backend, seed: true, users: false }),
      startTestApp(pg, { backend, seed: true, users: false }),
    ]);
    cleanup.push(() => a.close(), () => b.close());
    for (const instance of [a, b]) expect((await fetch(`${instance.url}/ready`)).status).toBe(200);
    const users = await a.server.ctx.repo.users.list();
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'geschaeftsstelle', 'mitglied']);
    const listA = (await (await fetch(`${a.url}/api/v1/recommendations?limit=100`)).json()) as { items: unknown[] };
    const listB = (await (await fetch(`${b.url}/api/v1/recommendations?limit=100`)).json()) as { items: unknown[] };
    expect(listA.items.length).toBeGreaterThan(0);
    expect(listB).toEqual(listA);
    const submitted = await fetch(`${a.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ anchor: { section: '1' }, text: { de: 'Über Instanz A' }, author: { kind: 'anonymous' } }),
    });
    const { id } = (await submitted.json()) as { id: string };
    const viaB = await fetch(`${b.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}`);
    expect(((await viaB.json()) as { text: { de: string } }).text.de).toBe('Über Instanz A');
    const { createApiToken } = await import('./auth/session.js');
    const admin = (await a.server.ctx.repo.users.byName('admin'))!;
    const token = await createApiToken(a.server.ctx.repo, admin.id, 'test');
    const etag = viaB.headers.get('etag') as string;
    const put = (url: string, state: string) =>
      fetch(`${url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}/disposition`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ state }),
      });
    expect((await put(a.url, 'published')).status).toBe(200);
    expect((await put(b.url, 'in-review')).status).toBe(412);
  }, 60_000);
});
