import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { ReadCache, type GenerationStore } from './read-cache.js';

/** A counter row in memory, counting the reads. */
function memoryStore(): GenerationStore & { version: number; reads: number } {
  const store = {
    version: 1,
    reads: 0,
    read: async () => {
      store.reads++;
      return store.version;
    },
    close: async () => undefined,
  };
  return store;
}

const entry = (generation: number, size = 10) => {
  const body = new Uint8Array(size);
  return { generation, status: 200, headers: { etag: '"x"' }, notModified: { etag: '"x"' }, etag: '"x"', body };
};

describe('ReadCache', () => {
  it('trusts a checked generation for the TTL, then reads the counter row again', async () => {
    let now = 0;
    const store = memoryStore();
    const cache = new ReadCache(store, { ttlMs: 500, now: () => now });
    expect(await cache.current()).toBe(1);
    expect(store.reads).toBe(1);
    now = 499;
    expect(cache.current()).toBe(1);
    expect(store.reads).toBe(1);
    store.version = 2;
    now = 500;
    expect(await cache.current()).toBe(2);
    expect(store.reads).toBe(2);
  });

  it('drops every entry when the generation grows, and never goes back to an older one', async () => {
    let now = 0;
    const store = memoryStore();
    const cache = new ReadCache(store, { ttlMs: 100, now: () => now });
    const g = await cache.current();
    cache.put('/a', entry(g));
    expect(cache.get('/a', g)).toBeDefined();
    store.version = 5;
    cache.expire();
    expect(await cache.current()).toBe(5);
    expect(cache.get('/a', 5)).toBeUndefined();
    expect(cache.size).toBe(0);
    // A slow answer with an older value (read before a write) must not lower the generation.
    store.version = 3;
    now = 1000;
    expect(await cache.current()).toBe(5);
  });

  it('answers concurrent checks with one read of the counter row', async () => {
    const store = memoryStore();
    const cache = new ReadCache(store, { ttlMs: 100 });
    const all = await Promise.all(Array.from({ length: 50 }, () => cache.current()));
    expect(new Set(all)).toEqual(new Set([1]));
    expect(store.reads).toBe(1);
  });

  it('keeps at most maxBytes, dropping the oldest entries first, and ignores entries of another generation', async () => {
    const cache = new ReadCache(memoryStore(), { ttlMs: 1000, maxBytes: 100 });
    const g = await cache.current();
    for (const key of ['/1', '/2', '/3', '/4', '/5']) cache.put(key, entry(g, 25));
    expect(cache.size).toBe(4);
    expect(cache.get('/1', g)).toBeUndefined();
    expect(cache.get('/5', g)).toBeDefined();
    cache.put('/old', entry(g - 1));
    expect(cache.get('/old', g - 1)).toBeUndefined();
  });
});

const list = '/api/v1/recommendations';
const one = '/api/v1/recommendations/wartung-2026';

async function changeDescription(t: TestApp, text: string): Promise<void> {
  const auth = { authorization: `Bearer ${t.tokens.secretariat}` };
  const current = await fetch(`${t.url}${one}`, { headers: auth });
  expect(current.status).toBe(200);
  const doc = (await current.json()) as Record<string, unknown>;
  const res = await fetch(`${t.url}${one}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': current.headers.get('etag') ?? '' },
    body: JSON.stringify({ ...doc, description: { de: text, en: text } }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

for (const factory of backends) {
  describe.skipIf(!factory.available)(`catalogue reads from the cache on ${factory.name}`, () => {
    const apps: TestApp[] = [];
    afterAll(async () => {
      for (const t of apps.reverse()) await t.close();
    });

    it('answers a repeated read and a matching If-None-Match without touching the database, and sees its own write at once', async () => {
      const t = await startTestApp(factory, { seed: true, env: { READ_CACHE_TTL_MS: '60000' } });
      apps.push(t);
      const first = await fetch(`${t.url}${list}`);
      expect(first.status).toBe(200);
      const body = await first.text();
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"/);
      const single = await fetch(`${t.url}${one}`);
      const singleBody = await single.text();
      expect(single.headers.get('etag')).toMatch(/^"\d+"$/);

      // From here on every database read of the catalogue or of credentials fails loudly.
      const { repo } = t.server.ctx;
      const saved = { listRaw: repo.recommendations.listRaw, getRaw: repo.recommendations.getRaw, byHash: repo.tokens.byHash };
      const boom = () => Promise.reject(new Error('database touched'));
      Object.assign(repo.recommendations, { listRaw: boom, getRaw: boom });
      Object.assign(repo.tokens, { byHash: boom });
      try {
        const hits = t.server.ctx.readCache.stats.hits;
        const again = await fetch(`${t.url}${list}`);
        expect(again.status).toBe(200);
        expect(await again.text()).toBe(body);
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('x-content-type-options')).toBe('nosniff');
        expect(again.headers.get('access-control-allow-origin')).toBe('*');
        const notModified = await fetch(`${t.url}${list}`, { headers: { 'if-none-match': etag } });
        expect(notModified.status).toBe(304);
        expect(await notModified.text()).toBe('');
        expect(notModified.headers.get('etag')).toBe(etag);
        const weakMatch = await fetch(`${t.url}${one}`, { headers: { 'if-none-match': `W/${single.headers.get('etag')}` } });
        expect(weakMatch.status).toBe(304);
        const head = await fetch(`${t.url}${one}`, { method: 'HEAD' });
        expect(head.status).toBe(200);
        expect(await head.text()).toBe('');
        expect(await (await fetch(`${t.url}${one}`)).text()).toBe(singleBody);
        expect(t.server.ctx.readCache.stats.hits - hits).toBe(5);
      } finally {
        Object.assign(repo.recommendations, { listRaw: saved.listRaw, getRaw: saved.getRaw });
        Object.assign(repo.tokens, { byHash: saved.byHash });
      }

      // A signed-in caller is never served from the cache (it may see other records).
      const asSecretariat = await fetch(`${t.url}${list}`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
      expect(asSecretariat.status).toBe(200);

      // A write through this instance: the very next read shows it, with a new ETag.
      await changeDescription(t, 'Geändert über dieselbe Instanz');
      const after = await fetch(`${t.url}${one}`, { headers: { 'if-none-match': single.headers.get('etag') ?? '' } });
      expect(after.status).toBe(200);
      expect(((await after.json()) as { description: { de: string } }).description.de).toBe('Geändert über dieselbe Instanz');
      expect(after.headers.get('etag')).not.toBe(single.headers.get('etag'));
      const listAfter = await fetch(`${t.url}${list}`, { headers: { 'if-none-match': etag } });
      expect(listAfter.status).toBe(200);
      expect(await listAfter.text()).toContain('Geändert über dieselbe Instanz');
      const feed = await fetch(`${t.url}/feed.json`);
      expect(await feed.text()).toContain('Geändert über dieselbe Instanz');
    });
  });
}

const pg = backends[1]!;
describe.skipIf(!pg.available)('read cache across two instances on one PostgreSQL database', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps.reverse()) await t.close();
  });

  it('shows a write made through one instance on the other once the TTL has passed (list, record, feed, DCAT)', async () => {
    const ttl = 300;
    const a = await startTestApp(pg, { seed: true, env: { READ_CACHE_TTL_MS: String(ttl) } });
    apps.push(a);
    const b = await startTestApp(pg, { backend: a.backend, env: { READ_CACHE_TTL_MS: String(ttl) } });
    apps.push(b);
    const paths = [list, one, '/feed.json', '/feed.atom', '/catalog.ttl', '/catalog.jsonld'];
    // Fill b's cache.
    for (const path of paths) expect((await fetch(`${b.url}${path}`)).status).toBe(200);
    const text = `Geändert über Instanz A ${Date.now()}`;
    await changeDescription(a, text);
    await new Promise((resolve) => setTimeout(resolve, ttl + 50));
    for (const path of paths) {
      const res = await fetch(`${b.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text(), path).toContain(text);
    }
  });
});
