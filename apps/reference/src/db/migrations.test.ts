import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { migrationProvider } from './migrations.js';
import { openRepository } from './repository.js';
import type { Database } from './schema.js';

const oldProject = {
  id: 'alt-vorhaben',
  title: { de: 'Altes Vorhaben' },
  description: { de: 'Vor dem Vertrag gespeichert' },
  total: 100_00,
  date: '2027-01-01',
  pilot: 'pilot-ifc-pruefdienst',
  participants: [{ id: 'bund', level: 'federal' }],
};

for (const factory of backends) {
  describe.skipIf(!factory.available)(`migration 0002 on ${factory.name}`, () => {
    it('gives joint projects stored before it the rules of the body and drops the unknown field pilot', async () => {
      const backend = await factory.create();
      try {
        const db =
          'databaseUrl' in backend.options
            ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: backend.options.databaseUrl, max: 1 }) }) })
            : new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(backend.options.sqliteFile) }) });
        const dialect = 'databaseUrl' in backend.options ? 'postgres' : 'sqlite';
        const migrated = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateTo('0001-initial');
        expect(migrated.error).toBeUndefined();
        const at = '2026-11-01T00:00:00.000Z';
        const row = (id: string, data: unknown) => ({ id, version: 1, parent_id: null, status: null, sort_key: id, search: id, unique_key: null, data: JSON.stringify(data), created_at: at, updated_at: at });
        await db.insertInto('bodies').values(row('arbeitskreis', { rules: [{ id: 'eigene-geschaeftsordnung' }] })).execute();
        await db.insertInto('projects').values(row('alt-vorhaben', oldProject)).execute();
        await db.insertInto('projects').values(row('neu-vorhaben', { ...oldProject, id: 'neu-vorhaben', pilot: undefined, rules: 'it-planungsrat' })).execute();
        await db.destroy();

        const repo = await openRepository(backend.options);
        try {
          const updated = await repo.projects.require('alt-vorhaben');
          const { pilot: _pilot, ...rest } = oldProject;
          expect(updated.data).toEqual({ ...rest, rules: 'eigene-geschaeftsordnung' });
          expect(updated.version).toBe(2);
          const untouched = await repo.projects.require('neu-vorhaben');
          expect(untouched.version).toBe(1);
          expect(untouched.data.rules).toBe('it-planungsrat');
        } finally {
          await repo.close();
        }
      } finally {
        await backend.dispose();
      }
    }, 30_000);
  });
}
