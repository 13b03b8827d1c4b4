import { sql, type Migration, type MigrationProvider } from 'kysely';
import { m0004CacheGenerations } from './migrations-scale.js';
import { documentTables } from './schema.js';

/** The SQL dialects the app speaks. */
export type Dialect = 'sqlite' | 'postgres';

const m0001 = (dialect: Dialect): Migration => ({
  async up(db) {
    for (const table of documentTables) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('status', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('unique_key', 'text', (c) => c.unique())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_parent`).on(table).columns(['parent_id', 'sort_key']).execute();
      await db.schema.createIndex(`${table}_sort`).on(table).columns(['sort_key', 'id']).execute();
    }
    await db.schema
      .createTable('files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('bytes', sql.raw(dialect === 'postgres' ? 'bytea' : 'blob'), (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
      .execute();
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    for (const t of ['meta', 'rate_limits', 'api_tokens', 'sessions', 'users', 'files', ...documentTables]) {
      await db.schema.dropTable(t).execute();
    }
  },
});

/**
 * Joint projects take the contract's shape (`JointProject` of `@foederal/publication`): each
 * stored project names the rules whose cost sharing applies (`rules`, here the body's first rules
 * of procedure, as the cost-share page used before) and loses the field `pilot`, which the strict
 * contract schema does not know. Changed documents get a new version, so cached ETags expire.
 */
const m0002: Migration = {
  async up(db) {
    const body = await db.selectFrom('bodies').select('data').where('id', '=', 'arbeitskreis').executeTakeFirst();
    const bodyRules = body ? ((JSON.parse(String(body.data)) as { rules?: Array<{ id?: unknown }> }).rules?.[0]?.id) : undefined;
    const rules = typeof bodyRules === 'string' ? bodyRules : 'amev-style-working-group';
    const rows = await db.selectFrom('projects').select(['id', 'version', 'data']).execute();
    for (const row of rows) {
      const data = JSON.parse(String(row.data)) as Record<string, unknown>;
      if (typeof data['rules'] === 'string' && !('pilot' in data)) continue;
      const { pilot: _pilot, ...rest } = data;
      const next = { ...rest, rules: typeof data['rules'] === 'string' ? data['rules'] : rules };
      await db
        .updateTable('projects')
        .set({ data: JSON.stringify(next), version: Number(row.version) + 1, updated_at: new Date().toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  },
  async down() {
    // The old shape is a subset of the information kept: nothing to undo.
  },
};

/**
 * Accounts and audit: users can be deactivated and locked after failed sign-ins (per-account
 * back-off), can sign in through OpenID Connect (issuer + subject), API tokens expire and can be
 * revoked, every secretariat and admin action lands in `audit_log`, and an idempotency key
 * remembers the hash of the payload it was first used with.
 */
const m0003: Migration = {
  async up(db) {
    await db.schema.alterTable('users').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('users').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
    await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
    await db.schema.createIndex('users_oidc_subject').on('users').column('oidc_subject').unique().execute();
    await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('revoked_at', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'text').execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('before_version', 'integer')
      .addColumn('after_version', 'integer')
      .addColumn('before_data', 'text')
      .addColumn('after_data', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject', 'at']).execute();
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('payload_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('idempotency_keys').execute();
    await db.schema.dropTable('audit_log').execute();
    await db.schema.dropIndex('users_oidc_subject').execute();
    for (const column of ['expires_at', 'revoked_at', 'last_used_at']) await db.schema.alterTable('api_tokens').dropColumn(column).execute();
    for (const column of ['active', 'failed_logins', 'locked_until', 'oidc_subject']) await db.schema.alterTable('users').dropColumn(column).execute();
  },
};

/**
 * Meetings of the body (OParl Meeting with its AgendaItems, the votes taken there by decision id):
 * one more document table with the columns of the others. `0001-initial` creates only the tables
 * it always created (`documentTables`), so this one is made here, on both dialects.
 */
const m0005Meetings: Migration = {
  async up(db) {
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('status', 'text')
      .addColumn('sort_key', 'text', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .addColumn('unique_key', 'text', (c) => c.unique())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meetings_parent').on('meetings').columns(['parent_id', 'sort_key']).execute();
    await db.schema.createIndex('meetings_sort').on('meetings').columns(['sort_key', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropTable('meetings').execute();
  },
};

/**
 * Expiring state (ADR 0173): `meta` rows may carry an expiry (pending OpenID Connect sign-ins,
 * failure counts of unknown sign-in names), and expired ones as well as expired sessions are
 * removed now and then; both get an index on their expiry for that.
 */
const m0006ExpiringState: Migration = {
  async up(db) {
    await db.schema.alterTable('meta').addColumn('expires_at', 'text').execute();
    await db.schema.createIndex('meta_expires').on('meta').column('expires_at').execute();
    await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  },
  async down(db) {
    await db.schema.dropIndex('sessions_expires').execute();
    await db.schema.dropIndex('meta_expires').execute();
    await db.schema.alterTable('meta').dropColumn('expires_at').execute();
  },
};

/** The one ordered list of migrations; the dialect only picks the binary column type. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': m0001(dialect),
    '0002-joint-project-rules': m0002,
    '0003-accounts-audit': m0003,
    '0004-cache-generations': m0004CacheGenerations,
    '0005-meetings': m0005Meetings,
    '0006-expiring-state': m0006ExpiringState,
  };
}

/** Provider for Kysely's `Migrator`. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}
