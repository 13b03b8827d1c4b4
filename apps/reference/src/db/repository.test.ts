import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type Backend } from '../../test/backends.js';
import { AppError } from '../errors.js';
import { openRepository, type DocumentStore, type Repository } from './repository.js';
import type { DocumentTableName } from './schema.js';

/**
 * The store mechanics (versions, filters, keyset pages, transactions) are the same for every
 * table, so they are tested with toy documents: the one place that looks past the table's type.
 */
function toy(repo: Repository, table: DocumentTableName): DocumentStore<Record<string, unknown>> {
  return repo[table] as unknown as DocumentStore<Record<string, unknown>>;
}

const fields = (sortKey: string, extra: Partial<{ status: string; parentId: string; search: string }> = {}) => ({
  sortKey,
  search: extra.search ?? sortKey,
  status: extra.status ?? null,
  parentId: extra.parentId ?? null,
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(AppError.isInstance(error), `expected AppError ${code}, got ${String(error)}`).toBe(true);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

for (const factory of backends) {
  describe.skipIf(!factory.available)(`storage on ${factory.name}`, () => {
    let backend: Backend;
    let repo: Repository;
    beforeAll(async () => {
      backend = await factory.create();
      repo = await openRepository(backend.options);
    });
    afterAll(async () => {
      await repo?.close();
      await backend?.dispose();
    });

    it('reports its dialect and answers a ping', async () => {
      expect(repo.dialect).toBe(factory.name);
      await expect(repo.ping()).resolves.toBeUndefined();
    });

    it('runs migrations once: reopening the same database migrates nothing and keeps data', async () => {
      await repo.meta.claim('reopen-marker', 'x');
      const again = await openRepository(backend.options);
      expect(await again.meta.get('reopen-marker')).toBe('x');
      await again.close();
    });

    it('creates version 1, reads it back, and refuses a second document with the same id', async () => {
      const created = await toy(repo, 'recommendations').create('r1', { title: 'Wartung 2018' }, fields('0001'));
      expect(created.version).toBe(1);
      const read = await toy(repo, 'recommendations').require('r1');
      expect(read.data).toEqual({ title: 'Wartung 2018' });
      expect(read.version).toBe(1);
      await expectCode(toy(repo, 'recommendations').create('r1', { title: 'again' }, fields('0001')), 'conflict');
      await expectCode(toy(repo, 'recommendations').require('missing'), 'not-found');
    });

    it('updates with the expected version and refuses a stale one with 412 semantics', async () => {
      await toy(repo, 'votes').create('v1', { n: 1 }, fields('a'));
      const v2 = await toy(repo, 'votes').update('v1', 1, { n: 2 }, fields('a'));
      expect(v2.version).toBe(2);
      const stale = await expectCode(toy(repo, 'votes').update('v1', 1, { n: 3 }, fields('a')), 'precondition-failed');
      expect(stale.status).toBe(412);
      expect(stale.details).toMatchObject({ current: 2, expected: 1 });
      expect((await toy(repo, 'votes').require('v1')).data).toEqual({ n: 2 });
      await expectCode(toy(repo, 'votes').update('nope', 1, { n: 1 }, fields('a')), 'not-found');
    });

    it('lets exactly one of many concurrent writers with the same version win', async () => {
      await toy(repo, 'bodies').create('b1', { writer: 'none' }, fields('b'));
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => toy(repo, 'bodies').update('b1', 1, { writer: i }, fields('b'))),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('precondition-failed');
      const stored = await toy(repo, 'bodies').require('b1');
      expect(stored.version).toBe(2);
      expect(stored.data).toEqual((won[0] as PromiseFulfilledResult<{ data: unknown }>).value.data);
    });

    it('filters by parent and status, searches case-insensitively with literal % and _, and pages by keyset', async () => {
      for (let i = 0; i < 7; i++) {
        await toy(repo, 'contributions').create(`c${i}`, { i }, fields(`2027-01-0${i + 1}`, {
          parentId: i < 5 ? 'rec-a' : 'rec-b',
          status: i % 2 === 0 ? 'published' : 'submitted',
          search: i === 3 ? 'Rabatt 100% für_alle' : `Beitrag Nummer ${i}`,
        }));
      }
      expect(await toy(repo, 'contributions').count({ parentId: 'rec-a' })).toBe(5);
      expect((await toy(repo, 'contributions').list({ parentId: 'rec-a', status: ['published'] })).map((d) => d.id)).toEqual(['c0', 'c2', 'c4']);
      expect((await toy(repo, 'contributions').list({ status: [] }))).toEqual([]);
      expect((await toy(repo, 'contributions').list({ q: 'BEITRAG nummer' })).length).toBe(6);
      expect((await toy(repo, 'contributions').list({ q: '100%' })).map((d) => d.id)).toEqual(['c3']);
      expect((await toy(repo, 'contributions').list({ q: '%' })).map((d) => d.id)).toEqual(['c3']);
      expect((await toy(repo, 'contributions').list({ q: 'r_alle' })).map((d) => d.id)).toEqual(['c3']);
      const seen: string[] = [];
      let after: { sortKey: string; id: string } | undefined;
      for (;;) {
        const page = await toy(repo, 'contributions').list({ limit: 3, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        seen.push(...page.map((d) => d.id));
        const last = page[page.length - 1]!;
        after = { sortKey: last.sortKey, id: last.id };
      }
      expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
      expect((await toy(repo, 'contributions').list({ order: 'desc', limit: 2 })).map((d) => d.id)).toEqual(['c6', 'c5']);
    });

    it('rolls back every write of a failed transaction and keeps those of a committed one', async () => {
      await expect(
        repo.transaction(async (tx) => {
          await toy(tx, 'pilots').create('p-rollback', { a: 1 }, fields('p'));
          await toy(tx, 'reports').create('rep-rollback', { a: 1 }, fields('p'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await toy(repo, 'pilots').get('p-rollback')).toBeUndefined();
      expect(await toy(repo, 'reports').get('rep-rollback')).toBeUndefined();
      await repo.transaction(async (tx) => {
        await toy(tx, 'pilots').create('p-commit', { a: 1 }, fields('p'));
        await tx.transaction(async (inner) => toy(inner, 'reports').create('rep-commit', { a: 2 }, fields('p', { parentId: 'p-commit' })));
      });
      expect((await toy(repo, 'reports').require('rep-commit')).parentId).toBe('p-commit');
    });

    it('stores a submission with a client key exactly once under 200 concurrent attempts', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          toy(repo, 'contributions').createOnce(`dup-${i}`, { text: 'same' }, { ...fields('z'), uniqueKey: 'client-key-1' }),
        ),
      );
      expect(attempts.filter((a) => a.created)).toHaveLength(1);
      const ids = new Set(attempts.map((a) => a.doc.id));
      expect(ids.size).toBe(1);
      expect(await toy(repo, 'contributions').count({ q: 'z' })).toBe(1);
    });

    it('counts rate-limit hits atomically under concurrency', async () => {
      const hits = await Promise.all(Array.from({ length: 50 }, () => repo.hit('ip:203.0.113.9', 1000)));
      expect([...hits].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await repo.hit('ip:203.0.113.9', 2000)).toBe(1);
      await repo.pruneHits(2000);
      expect(await repo.hit('ip:203.0.113.9', 1000)).toBe(1);
      expect(await repo.hit('ip:203.0.113.9', 2000)).toBe(2);
    });

    it('removes meta rows and sessions once they have expired, and keeps the rest', async () => {
      await repo.meta.put('expiry-forever', 'a');
      await repo.meta.put('expiry-past', 'b', '2027-01-01T09:59:59.999Z');
      await repo.meta.put('expiry-now', 'c', '2027-01-01T10:00:00.000Z');
      await repo.meta.put('expiry-future', 'd', '2027-01-01T10:00:00.001Z');
      // Replacing a row replaces its expiry too: in both directions.
      await repo.meta.put('expiry-moved-out', 'e', '2027-01-01T09:00:00.000Z');
      await repo.meta.put('expiry-moved-out', 'e2', '2027-02-01T00:00:00.000Z');
      await repo.meta.put('expiry-dropped', 'f', '2027-01-01T09:00:00.000Z');
      await repo.meta.put('expiry-dropped', 'f2');
      await repo.users.create({ id: 'u-expiry', username: 'expiry', display_name: 'Ablauf', role: 'member', password_hash: 'h', created_at: 'now' });
      await repo.sessions.create({ id_hash: 'gone', user_id: 'u-expiry', csrf_token: 't', created_at: '2027-01-01T00:00:00Z', expires_at: '2027-01-01T09:00:00.000Z' });
      await repo.sessions.create({ id_hash: 'kept', user_id: 'u-expiry', csrf_token: 't', created_at: '2027-01-01T00:00:00Z', expires_at: '2027-01-01T11:00:00.000Z' });

      expect(await repo.pruneExpired('2027-01-01T10:00:00.000Z')).toEqual({ meta: 2, sessions: 1 });
      const values = await Promise.all(['expiry-forever', 'expiry-past', 'expiry-now', 'expiry-future', 'expiry-moved-out', 'expiry-dropped'].map((k) => repo.meta.get(k)));
      expect(values).toEqual(['a', undefined, undefined, 'd', 'e2', 'f2']);
      expect(await repo.sessions.get('gone', '2027-01-01T08:00:00.000Z')).toBeUndefined();
      expect(await repo.sessions.get('kept', '2027-01-01T10:30:00.000Z')).toBeDefined();
      // Nothing more to do at the same time; a claimed seed marker never expires.
      expect(await repo.pruneExpired('2027-01-01T10:00:00.000Z')).toEqual({ meta: 0, sessions: 0 });
      expect(await repo.meta.claim('expiry-claim', 'x')).toBe(true);
      await repo.pruneExpired('9999-12-31T23:59:59.999Z');
      expect(await repo.meta.get('expiry-claim')).toBe('x');
      expect(await repo.meta.get('expiry-forever')).toBe('a');
      expect(await repo.meta.get('expiry-future')).toBeUndefined();
    });

    it('claims a meta key only once', async () => {
      const claims = await Promise.all(Array.from({ length: 10 }, () => repo.meta.claim('seed', 'now')));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('stores users, sessions (expiring) and tokens, and round-trips binary model files', async () => {
      await repo.users.create({ id: 'u1', username: 'gs', display_name: 'Geschäftsstelle', role: 'secretariat', password_hash: 'h', created_at: 'now' });
      await expectCode(
        repo.users.create({ id: 'u2', username: 'gs', display_name: 'x', role: 'member', password_hash: 'h', created_at: 'now' }),
        'conflict',
      );
      expect((await repo.users.byName('gs'))?.id).toBe('u1');
      await repo.sessions.create({ id_hash: 's1', user_id: 'u1', csrf_token: 't', created_at: '2027-01-01T00:00:00Z', expires_at: '2027-01-02T00:00:00Z' });
      expect(await repo.sessions.get('s1', '2027-01-01T12:00:00Z')).toBeDefined();
      expect(await repo.sessions.get('s1', '2027-01-03T00:00:00Z')).toBeUndefined();
      await repo.sessions.delete('s1');
      expect(await repo.sessions.get('s1', '2027-01-01T12:00:00Z')).toBeUndefined();
      await repo.tokens.create({ id: 't1', token_hash: 'abc', user_id: 'u1', label: 'CI', created_at: 'now' });
      expect((await repo.tokens.byHash('abc'))?.user_id).toBe('u1');
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      await repo.files.put('m1', 'application/x-step', bytes);
      expect(await repo.files.get('m1')).toEqual({ mediaType: 'application/x-step', bytes });
      const replaced = new Uint8Array([1, 2, 3]);
      await repo.files.put('m1', 'text/plain', replaced);
      expect(await repo.files.get('m1')).toEqual({ mediaType: 'text/plain', bytes: replaced });
    });
  });
}

describe.skipIf(!backends[1]!.available)('two instances on one PostgreSQL database', () => {
  it('migrate concurrently, seed once, and see each other\'s writes and version conflicts', async () => {
    const backend = await backends[1]!.create();
    try {
      const [a, b] = await Promise.all([openRepository(backend.options), openRepository(backend.options)]);
      const claims = await Promise.all([a.meta.claim('seed', 'a'), b.meta.claim('seed', 'b')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await toy(a, 'recommendations').create('shared', { by: 'a' }, fields('1'));
      const seen = await toy(b, 'recommendations').require('shared');
      expect(seen.data).toEqual({ by: 'a' });
      await toy(b, 'recommendations').update('shared', 1, { by: 'b' }, fields('1'));
      await expectCode(toy(a, 'recommendations').update('shared', 1, { by: 'a again' }, fields('1')), 'precondition-failed');
      await Promise.all([a.close(), b.close()]);
    } finally {
      await backend.dispose();
    }
  });
});
