import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Insertable, type Selectable, type Transaction } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.js';
import { migrationProvider, type Dialect } from './migrations.js';
import type { DocumentTypes } from './documents.js';
import type { ApiTokenTable, AuditTable, Database, DocumentTableName, SessionTable, UserTable } from './schema.js';

export type { DocumentTypes };

/** A stored aggregate with its version (the ETag) and bookkeeping. */
export interface Versioned<T> {
  readonly id: string;
  readonly version: number;
  readonly data: T;
  readonly parentId: string | null;
  readonly status: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The copied columns of a document, derived from its data by the caller. */
export interface DocumentFields {
  readonly parentId?: string | null;
  readonly status?: string | null;
  readonly sortKey: string;
  readonly search: string;
  readonly uniqueKey?: string | null;
}

/** Filter and keyset pagination for {@link DocumentStore.list}. */
export interface ListOptions {
  readonly parentId?: string;
  readonly status?: readonly string[];
  /** Case-insensitive substring of the search column. */
  readonly q?: string;
  /** Continue after this `sort_key`/`id` pair (from the last item of the previous page). */
  readonly after?: { readonly sortKey: string; readonly id: string };
  readonly limit?: number;
  readonly order?: 'asc' | 'desc';
  /**
   * Equality filters on values inside the stored JSON document, by dotted path
   * (`{ 'anchor.section': '3.2' }`). Paths come from code, never from requests.
   */
  readonly fields?: Readonly<Record<string, string>>;
  /** Skip this many rows (numbered pages of the back office; `after` serves long walks). */
  readonly offset?: number;
  /** Sort by this dotted JSON path first, then by `sort_key` and `id` (same `order`). */
  readonly sortField?: string;
}

const jsonPathPattern = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;

/** SQL for the text at a dotted JSON path of `data`, in the dialect of `db`. */
function jsonText(db: Db, path: string) {
  if (!jsonPathPattern.test(path)) throw new AppError('validation', `Ungültiger Feldpfad / invalid field path: ${path}`);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return postgres ? sql<string>`(data::jsonb #>> ${`{${path.split('.').join(',')}}`})` : sql<string>`json_extract(data, ${`$.${path}`})`;
}

/** Versioned JSON aggregates in one table, with optimistic concurrency. */
export interface DocumentStore<T> {
  get(id: string): Promise<Versioned<T> | undefined>;
  /** Like `get`, but a missing id is an `AppError('not-found')`. */
  require(id: string): Promise<Versioned<T>>;
  list(options?: ListOptions): Promise<Array<Versioned<T> & { readonly sortKey: string }>>;
  /** Like `list`, but with the stored JSON text instead of parsed data (for pass-through responses). */
  listRaw(options?: ListOptions): Promise<Array<{ id: string; version: number; status: string | null; sortKey: string; json: string }>>;
  /** One document's stored JSON text and version. */
  getRaw(id: string): Promise<{ id: string; version: number; status: string | null; json: string } | undefined>;
  count(options?: Omit<ListOptions, 'after' | 'limit' | 'order' | 'offset' | 'sortField'>): Promise<number>;
  /** Insert version 1; an existing id is an `AppError('conflict')`. */
  create(id: string, data: T, fields: DocumentFields): Promise<Versioned<T>>;
  /**
   * Insert unless a document with the same `uniqueKey` exists; returns the stored one either way.
   * Safe under concurrency on both dialects (`ON CONFLICT DO NOTHING`).
   */
  createOnce(id: string, data: T, fields: DocumentFields & { readonly uniqueKey: string }): Promise<{ created: boolean; doc: Versioned<T> }>;
  /** Write version `expectedVersion + 1`; a different stored version is `AppError('precondition-failed')`. */
  update(id: string, expectedVersion: number, data: T, fields: DocumentFields): Promise<Versioned<T>>;
  delete(id: string, expectedVersion: number): Promise<void>;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = SessionTable;
export type ApiToken = Selectable<ApiTokenTable>;
export type NewApiToken = Insertable<ApiTokenTable>;
export type AuditEntry = AuditTable;

/** Filter and keyset pagination of the audit log (newest first). */
export interface AuditQuery {
  readonly subject?: string;
  readonly actorId?: string;
  /** Continue after this `at`/`id` pair (the last entry of the previous page). */
  readonly before?: { readonly at: string; readonly id: string };
  readonly limit?: number;
}

/**
 * One store per document table, each typed with its entry of {@link DocumentTypes} (a table
 * missing from the map is a type error here).
 */
export type DocumentStores = { readonly [K in DocumentTableName]: DocumentStore<DocumentTypes[K]> };

/**
 * The one storage interface of the app. Implemented once with Kysely for SQLite and PostgreSQL.
 * Pages and API handlers do not use it directly: they call the functions of `src/domain/`
 * (ADR 0170, checked by `src/architecture.test.ts`).
 */
export interface Repository extends DocumentStores {
  readonly dialect: Dialect;
  /** Run `fn` in one transaction; nested calls join the outer transaction. */
  transaction<R>(fn: (tx: Repository) => Promise<R>): Promise<R>;
  users: {
    get(id: string): Promise<User | undefined>;
    byName(username: string): Promise<User | undefined>;
    byOidcSubject(subject: string): Promise<User | undefined>;
    create(user: NewUser): Promise<void>;
    list(): Promise<User[]>;
    /** Change some columns of one user; false when there is no such user. */
    update(id: string, changes: Partial<Pick<User, 'display_name' | 'role' | 'password_hash' | 'active' | 'failed_logins' | 'locked_until' | 'oidc_subject'>>): Promise<boolean>;
    /** Count one failed sign-in atomically and return the count so far. */
    countFailure(id: string): Promise<number>;
  };
  sessions: {
    create(session: Session): Promise<void>;
    get(idHash: string, now: string): Promise<Session | undefined>;
    delete(idHash: string): Promise<void>;
    /** End every session of a user ("sign out everywhere", deactivation, password reset). */
    deleteForUser(userId: string): Promise<number>;
  };
  tokens: {
    create(token: NewApiToken): Promise<void>;
    byHash(tokenHash: string): Promise<ApiToken | undefined>;
    listForUser(userId: string): Promise<ApiToken[]>;
    /** Revoke one token of a user; false when the user has no such (unrevoked) token. */
    revoke(userId: string, id: string, at: string): Promise<boolean>;
    touch(id: string, at: string): Promise<void>;
  };
  audit: {
    add(entry: AuditEntry): Promise<void>;
    list(query?: AuditQuery): Promise<AuditEntry[]>;
  };
  /**
   * Remember the payload hash of an idempotency key; returns the hash stored first, so a caller
   * can tell a retry (same hash) from a reuse with another payload.
   */
  idempotency: {
    claim(key: string, payloadHash: string, at: string): Promise<string>;
  };
  /** Binary files (attachments, IFC models); put replaces. */
  files: {
    put(id: string, mediaType: string, bytes: Uint8Array): Promise<void>;
    get(id: string): Promise<{ mediaType: string; bytes: Uint8Array } | undefined>;
    /** Remove a file; a missing id is no error. */
    delete(id: string): Promise<void>;
  };
  /** Count one hit in a fixed window and return the hits so far (atomic on both dialects). */
  hit(bucket: string, windowStart: number): Promise<number>;
  /** Delete rate-limit windows that started before `windowStart`. */
  pruneHits(windowStart: number): Promise<void>;
  /** Delete `meta` rows and sessions whose expiry is at or before `now` (ISO 8601); how many went. */
  pruneExpired(now: string): Promise<{ meta: number; sessions: number }>;
  meta: {
    /** The value of a key, expired or not (the caller checks what the value says). */
    get(key: string): Promise<string | undefined>;
    /** Insert once; false when the key already existed (used to seed exactly once). */
    claim(key: string, value: string): Promise<boolean>;
    /** Insert or replace; with `expiresAt` (ISO 8601) the row is removed by `pruneExpired` after it. */
    put(key: string, value: string, expiresAt?: string): Promise<void>;
    /** Delete and return in one step (one-time values such as OIDC states); undefined when absent. */
    take(key: string): Promise<string | undefined>;
  };
  /** A cheap round trip to the database (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where to store: a PostgreSQL URL, or a SQLite file. */
export type StorageOptions = { readonly databaseUrl: string } | { readonly sqliteFile: string };

type Db = Kysely<Database> | Transaction<Database>;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toVersioned<T>(row: Database['recommendations']): Versioned<T> & { sortKey: string } {
  return {
    id: row.id,
    version: Number(row.version),
    data: JSON.parse(row.data) as T,
    parentId: row.parent_id,
    status: row.status,
    sortKey: row.sort_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Tables whose writes change the cached catalogue reads (list, one record, feeds, DCAT): each
 * write raises the catalogue generation in the same transaction (ADR 0140).
 */
const catalogueTables: ReadonlySet<DocumentTableName> = new Set(['recommendations', 'editions', 'pilots', 'reports']);

async function raiseCatalogueGeneration(db: Db): Promise<void> {
  await sql`update cache_generations set version = version + 1 where name = 'catalogue'`.execute(db);
}

function documentStore<T>(db: Db, table: DocumentTableName, now: () => string, catalogueChanged: () => Promise<void>): DocumentStore<T> {
  const changed = catalogueTables.has(table) ? catalogueChanged : async () => undefined;
  // Kysely types tables by name; every document table has the same columns.
  const t = table as 'recommendations';
  const get = async (id: string) => {
    const row = await db.selectFrom(t).selectAll().where('id', '=', id).executeTakeFirst();
    return row && toVersioned<T>(row);
  };
  const filtered = (options: Omit<ListOptions, 'after' | 'limit' | 'order' | 'offset' | 'sortField'>) => {
    let query = db.selectFrom(t);
    if (options.parentId !== undefined) query = query.where('parent_id', '=', options.parentId);
    if (options.status !== undefined) {
      query = options.status.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('status', 'in', [...options.status]);
    }
    const q = options.q?.trim().toLowerCase();
    if (q) query = query.where(sql<boolean>`search like ${`%${escapeLike(q)}%`} escape '\\'`);
    for (const [path, value] of Object.entries(options.fields ?? {})) query = query.where(sql<boolean>`${jsonText(db, path)} = ${value}`);
    return query;
  };
  return {
    get,
    async require(id) {
      const doc = await get(id);
      if (!doc) throw new AppError('not-found', `Nicht gefunden / not found: ${id}`, { details: { id } });
      return doc;
    },
    async listRaw(options = {}) {
      const order = options.order ?? 'asc';
      let query = filtered(options).select(['id', 'version', 'status', 'sort_key', 'data']);
      if (options.after) {
        const { sortKey, id } = options.after;
        const op = order === 'asc' ? '>' : '<';
        query = query.where((eb) => eb.or([eb('sort_key', op, sortKey), eb.and([eb('sort_key', '=', sortKey), eb('id', op, id)])]));
      }
      if (options.sortField !== undefined) query = query.orderBy(jsonText(db, options.sortField), order);
      query = query.orderBy('sort_key', order).orderBy('id', order);
      if (options.limit !== undefined) query = query.limit(options.limit);
      if (options.offset) query = query.offset(options.offset);
      return (await query.execute()).map((row) => ({ id: row.id, version: Number(row.version), status: row.status, sortKey: row.sort_key, json: row.data }));
    },
    async getRaw(id) {
      const row = await db.selectFrom(t).select(['id', 'version', 'status', 'data']).where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, version: Number(row.version), status: row.status, json: row.data };
    },
    async list(options = {}) {
      const order = options.order ?? 'asc';
      let query = filtered(options).selectAll();
      if (options.after) {
        const { sortKey, id } = options.after;
        const op = order === 'asc' ? '>' : '<';
        query = query.where((eb) => eb.or([eb('sort_key', op, sortKey), eb.and([eb('sort_key', '=', sortKey), eb('id', op, id)])]));
      }
      if (options.sortField !== undefined) query = query.orderBy(jsonText(db, options.sortField), order);
      query = query.orderBy('sort_key', order).orderBy('id', order);
      if (options.limit !== undefined) query = query.limit(options.limit);
      if (options.offset) query = query.offset(options.offset);
      return (await query.execute()).map((row) => toVersioned<T>(row));
    },
    async count(options = {}) {
      const row = await filtered(options).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async create(id, data, fields) {
      const at = now();
      try {
        await db
          .insertInto(t)
          .values({
            id,
            version: 1,
            parent_id: fields.parentId ?? null,
            status: fields.status ?? null,
            sort_key: fields.sortKey,
            search: fields.search.toLowerCase(),
            unique_key: fields.uniqueKey ?? null,
            data: JSON.stringify(data),
            created_at: at,
            updated_at: at,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', `Existiert bereits / already exists: ${id}`, { cause: error });
        throw error;
      }
      await changed();
      return { id, version: 1, data, parentId: fields.parentId ?? null, status: fields.status ?? null, createdAt: at, updatedAt: at };
    },
    async createOnce(id, data, fields) {
      const at = now();
      const inserted = await db
        .insertInto(t)
        .values({
          id,
          version: 1,
          parent_id: fields.parentId ?? null,
          status: fields.status ?? null,
          sort_key: fields.sortKey,
          search: fields.search.toLowerCase(),
          unique_key: fields.uniqueKey,
          data: JSON.stringify(data),
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await changed();
        return { created: true, doc: { id, version: 1, data, parentId: fields.parentId ?? null, status: fields.status ?? null, createdAt: at, updatedAt: at } };
      }
      const existing = await db.selectFrom(t).selectAll().where('unique_key', '=', fields.uniqueKey).executeTakeFirst();
      if (!existing) throw new AppError('conflict', `Existiert bereits / already exists: ${id}`);
      return { created: false, doc: toVersioned<T>(existing) };
    },
    async update(id, expectedVersion, data, fields) {
      const at = now();
      const result = await db
        .updateTable(t)
        .set({
          version: expectedVersion + 1,
          parent_id: fields.parentId ?? null,
          status: fields.status ?? null,
          sort_key: fields.sortKey,
          search: fields.search.toLowerCase(),
          ...(fields.uniqueKey === undefined ? {} : { unique_key: fields.uniqueKey }),
          data: JSON.stringify(data),
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning(['created_at'])
        .executeTakeFirst();
      if (!result) {
        const current = await get(id);
        if (!current) throw new AppError('not-found', `Nicht gefunden / not found: ${id}`, { details: { id } });
        throw new AppError(
          'precondition-failed',
          `Veraltete Version / stale version: ${id} ist bei Version ${current.version}, erwartet / expected ${expectedVersion}`,
          { details: { id, current: current.version, expected: expectedVersion } },
        );
      }
      await changed();
      return { id, version: expectedVersion + 1, data, parentId: fields.parentId ?? null, status: fields.status ?? null, createdAt: result.created_at, updatedAt: at };
    },
    async delete(id, expectedVersion) {
      const result = await db.deleteFrom(t).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) {
        const current = await get(id);
        if (!current) throw new AppError('not-found', `Nicht gefunden / not found: ${id}`);
        throw new AppError('precondition-failed', `Veraltete Version / stale version: ${id}`);
      }
      await changed();
    },
  };
}

class KyselyRepository implements Repository {
  readonly recommendations;
  readonly editions;
  readonly consultations;
  readonly contributions;
  readonly votes;
  readonly bodies;
  readonly models;
  readonly pilots;
  readonly reports;
  readonly projects;
  readonly meetings;
  readonly users: Repository['users'];
  readonly sessions: Repository['sessions'];
  readonly tokens: Repository['tokens'];
  readonly audit: Repository['audit'];
  readonly idempotency: Repository['idempotency'];
  readonly files: Repository['files'];
  readonly meta: Repository['meta'];

  /** A catalogue table was written in this transaction (raise the generation before commit). */
  private catalogueChanged = false;

  constructor(
    readonly dialect: Dialect,
    private readonly db: Db,
    private readonly root: Kysely<Database>,
    private readonly onClose: () => Promise<void>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    // In a transaction the generation is raised once, just before commit: the counter row's lock
    // is then always taken last, so two transactions never wait on each other through it.
    const catalogueChanged = async () => {
      if (db.isTransaction) this.catalogueChanged = true;
      else await raiseCatalogueGeneration(db);
    };
    const store = <K extends DocumentTableName>(name: K) => documentStore<DocumentTypes[K]>(db, name, now, catalogueChanged);
    this.recommendations = store('recommendations');
    this.editions = store('editions');
    this.consultations = store('consultations');
    this.contributions = store('contributions');
    this.votes = store('votes');
    this.bodies = store('bodies');
    this.models = store('models');
    this.pilots = store('pilots');
    this.reports = store('reports');
    this.projects = store('projects');
    this.meetings = store('meetings');
    this.users = {
      get: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
      byName: (username) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
      create: async (user) => {
        try {
          await db.insertInto('users').values(user).execute();
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', `Benutzername vergeben / username taken: ${user.username}`, { cause: error });
          throw error;
        }
      },
      list: () => db.selectFrom('users').selectAll().orderBy('username').execute(),
      byOidcSubject: (subject) => db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst(),
      update: async (id, changes) => {
        if (Object.keys(changes).length === 0) return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
        const result = await db.updateTable('users').set(changes).where('id', '=', id).executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      countFailure: async (id) => {
        const row = await db
          .updateTable('users')
          .set({ failed_logins: sql<number>`failed_logins + 1` })
          .where('id', '=', id)
          .returning('failed_logins')
          .executeTakeFirst();
        return Number(row?.failed_logins ?? 0);
      },
    };
    this.sessions = {
      create: async (s) => {
        await db.insertInto('sessions').values(s).execute();
      },
      get: (idHash, at) => db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', at).executeTakeFirst(),
      delete: async (idHash) => {
        await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      },
      deleteForUser: async (userId) => {
        const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
        return Number(result.numDeletedRows);
      },
    };
    this.tokens = {
      create: async (token) => {
        await db.insertInto('api_tokens').values(token).execute();
      },
      byHash: (hash) => db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
      listForUser: (userId) => db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute(),
      revoke: async (userId, id, at) => {
        const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      touch: async (id, at) => {
        await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
      },
    };
    this.audit = {
      add: async (entry) => {
        await db.insertInto('audit_log').values(entry).execute();
      },
      list: async (query = {}) => {
        let q = db.selectFrom('audit_log').selectAll();
        if (query.subject !== undefined) q = q.where('subject', '=', query.subject);
        if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
        if (query.before) {
          const { at, id } = query.before;
          q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
        }
        q = q.orderBy('at', 'desc').orderBy('id', 'desc');
        if (query.limit !== undefined) q = q.limit(query.limit);
        return (await q.execute()).map((row) => ({
          ...row,
          before_version: row.before_version === null ? null : Number(row.before_version),
          after_version: row.after_version === null ? null : Number(row.after_version),
        }));
      },
    };
    this.idempotency = {
      claim: async (key, payloadHash, at) => {
        await db.insertInto('idempotency_keys').values({ key, payload_hash: payloadHash, created_at: at }).onConflict((oc) => oc.column('key').doNothing()).execute();
        const row = await db.selectFrom('idempotency_keys').select('payload_hash').where('key', '=', key).executeTakeFirstOrThrow();
        return row.payload_hash;
      },
    };
    this.files = {
      put: async (id, mediaType, bytes) => {
        const value = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        await db
          .insertInto('files')
          .values({ id, media_type: mediaType, bytes: value })
          .onConflict((oc) => oc.column('id').doUpdateSet({ media_type: mediaType, bytes: value }))
          .execute();
      },
      get: async (id) => {
        const row = await db.selectFrom('files').select(['bytes', 'media_type']).where('id', '=', id).executeTakeFirst();
        return row ? { mediaType: row.media_type, bytes: new Uint8Array(row.bytes) } : undefined;
      },
      delete: async (id) => {
        await db.deleteFrom('files').where('id', '=', id).execute();
      },
    };
    this.meta = {
      get: async (key) => (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value,
      claim: async (key, value) => {
        const row = await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
        if (row !== undefined) await catalogueChanged();
        return row !== undefined;
      },
      put: async (key, value, expiresAt) => {
        const expires_at = expiresAt ?? null;
        await db.insertInto('meta').values({ key, value, expires_at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, expires_at })).execute();
      },
      take: async (key) => (await db.deleteFrom('meta').where('key', '=', key).returning('value').executeTakeFirst())?.value,
    };
  }

  async hit(bucket: string, windowStart: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limits.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    return Number(row.hits);
  }

  async pruneHits(windowStart: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
  }

  async pruneExpired(now: string): Promise<{ meta: number; sessions: number }> {
    const meta = await this.db.deleteFrom('meta').where('expires_at', 'is not', null).where('expires_at', '<=', now).executeTakeFirst();
    const sessions = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return { meta: Number(meta.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
  }

  async transaction<R>(fn: (tx: Repository) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return fn(this);
    return this.root.transaction().execute(async (trx) => {
      const tx = new KyselyRepository(this.dialect, trx, this.root, this.onClose, this.now);
      const result = await fn(tx);
      if (tx.catalogueChanged) await raiseCatalogueGeneration(trx);
      return result;
    });
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

/**
 * Open the storage, run all pending migrations and return the repository. SQLite runs in WAL
 * mode with a busy timeout; PostgreSQL uses a pool. Several processes may call this at once on
 * one PostgreSQL database: Kysely's migrator holds an advisory lock while it migrates.
 *
 * @example
 * const repo = await openRepository({ sqliteFile: 'data/foederal.sqlite' });
 * await repo.transaction(async (tx) => tx.meta.claim('seeded', new Date().toISOString()));
 */
export async function openRepository(options: StorageOptions): Promise<Repository> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  if ('databaseUrl' in options) {
    dialect = 'postgres';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    if (options.sqliteFile !== ':memory:') mkdirSync(join(options.sqliteFile, '..'), { recursive: true });
    const database = new SqliteDatabase(options.sqliteFile);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    // Kysely prepares every statement anew; better-sqlite3 statements are reusable, so keep the
    // most recent ones (the app issues a few dozen distinct statements).
    const statements = new Map<string, ReturnType<typeof database.prepare>>();
    const cached = {
      close: () => database.close(),
      prepare: (text: string) => {
        let stmt = statements.get(text);
        if (!stmt) {
          stmt = database.prepare(text);
          if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
          statements.set(text, stmt);
        }
        return stmt;
      },
    };
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  }
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError('storage', `Migration fehlgeschlagen / migration failed: ${failed}`, { cause: error });
  }
  return new KyselyRepository(dialect, db, db, () => db.destroy());
}
