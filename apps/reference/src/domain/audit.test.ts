import { describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import { type DocumentStore, type Repository } from '../db/repository.js';
import type { DocumentTableName } from '../db/schema.js';
import { audit, auditCsv, auditLog } from './audit.js';

/** Toy documents for the store mechanics: the one place that looks past the table's type. */
function toy(repo: Repository, table: DocumentTableName): DocumentStore<Record<string, unknown>> {
  return repo[table] as unknown as DocumentStore<Record<string, unknown>>;
}


for (const factory of backends) {
  describe.skipIf(!factory.available)(`audit log on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));

    it('records who, when, what and the versions before and after, newest first', async () => {
      const user = { id: 'u-1', username: 'gs' };
      let clock = Date.parse('2027-03-01T10:00:00Z');
      const now = () => new Date(clock);
      const created = await toy(repo, 'recommendations').create('rec-a', { title: 'A' }, { sortKey: 'a', search: 'a' });
      await audit({ repo, now, user }, 'recommendation.create', 'recommendations/rec-a', null, created);
      clock += 60_000;
      const updated = await toy(repo, 'recommendations').update('rec-a', 1, { title: 'B' }, { sortKey: 'a', search: 'a' });
      await audit({ repo, now, user }, 'recommendation.update', 'recommendations/rec-a', created, updated);
      clock += 60_000;
      await audit({ repo, now, user: null }, 'user.create', 'users/x', null, { data: { role: 'member' } });

      const log = await auditLog(repo);
      expect(log.map((e) => e.action)).toEqual(['user.create', 'recommendation.update', 'recommendation.create']);
      expect(log[0]).toMatchObject({ actor: 'system', actorId: null, beforeVersion: null, afterVersion: null, after: { role: 'member' } });
      expect(log[1]).toMatchObject({ at: '2027-03-01T10:01:00.000Z', actor: 'gs', actorId: 'u-1', beforeVersion: 1, afterVersion: 2, before: { title: 'A' }, after: { title: 'B' } });
      expect(log[2]).toMatchObject({ beforeVersion: null, afterVersion: 1, before: null });

      const page1 = await auditLog(repo, { limit: 2 });
      const last = page1[1]!;
      const page2 = await auditLog(repo, { limit: 2, before: { at: last.at, id: last.id } });
      expect(page2.map((e) => e.action)).toEqual(['recommendation.create']);
      expect((await auditLog(repo, { subject: 'users/x' })).length).toBe(1);
    });

    it('rolls back with the transaction it was written in', async () => {
      await expect(
        repo.transaction(async (tx) => {
          await audit({ repo: tx, now: () => new Date(), user: null }, 'x.fail', 'x/1', null, null);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await auditLog(repo, { subject: 'x/1' })).toEqual([]);
    });
  });
}

describe('audit CSV', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    const csv = auditCsv([
      { id: '1', at: '2027-01-01T00:00:00.000Z', actorId: null, actor: '=cmd|x', action: 'a,b', subject: 's"q', beforeVersion: 1, afterVersion: 2, before: null, after: { t: 'x' } },
    ]);
    expect(csv).toBe(
      'at,actor,action,subject,before_version,after_version,before,after\r\n' +
        `2027-01-01T00:00:00.000Z,'=cmd|x,"a,b","s""q",1,2,,"{""t"":""x""}"\r\n`,
    );
  });
});
