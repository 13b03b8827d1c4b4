import { sql, type Migration } from 'kysely';

/**
 * The catalogue generation (ADR 0140): one counter row that every write raises, so each instance
 * on the same database knows when its cached catalogue reads are out of date.
 */
export const m0004CacheGenerations: Migration = {
  async up(db) {
    await db.schema
      .createTable('cache_generations')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into cache_generations (name, version) values ('catalogue', 1)`.execute(db);
  },
  async down(db) {
    await db.schema.dropTable('cache_generations').execute();
  },
};
