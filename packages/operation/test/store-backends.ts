// Test-only: sample stores on a fresh SQLite file and on a fresh PostgreSQL database per test
// (created on the server's `postgres` database, dropped afterwards), like apps/reference/test/backends.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgres } from '@foederal/test-utils';
import pg from 'pg';
import type { DuplicatePolicy, SampleStore } from '../src/store/sample-store.js';
import { openPostgresSampleStore } from '../src/store/postgres.js';
import { openSqliteSampleStore } from '../src/store/sqlite.js';

export const pgRequirement = await postgres();

export interface StoreFixture {
  readonly store: SampleStore;
  /** PostgreSQL only: the connection string of the fresh database. */
  readonly url?: string;
  /** Open a second store on the same database or file. */
  reopen(onDuplicate?: DuplicatePolicy): Promise<SampleStore>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  create(onDuplicate?: DuplicatePolicy): Promise<StoreFixture>;
}

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(pgRequirement.url);
  admin.pathname = '/postgres';
  const name = `foederal_op_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(pgRequirement.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const storeBackends: readonly StoreBackend[] = [
  {
    name: 'sqlite',
    available: true,
    create: async (onDuplicate = 'replace') => {
      const dir = mkdtempSync(join(tmpdir(), 'foederal-op-'));
      const file = join(dir, 'samples.sqlite');
      const opened: SampleStore[] = [];
      const open = async (policy: DuplicatePolicy) => {
        const s = await openSqliteSampleStore({ file, onDuplicate: policy });
        opened.push(s);
        return s;
      };
      const store = await open(onDuplicate);
      return {
        store,
        reopen: (policy = onDuplicate) => open(policy),
        dispose: async () => {
          for (const s of opened) await s.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    available: pgRequirement.available,
    create: async (onDuplicate = 'replace') => {
      const db = await freshDatabase();
      const opened: SampleStore[] = [];
      const open = async (policy: DuplicatePolicy) => {
        const s = await openPostgresSampleStore({ connectionString: db.url, onDuplicate: policy });
        opened.push(s);
        return s;
      };
      const store = await open(onDuplicate);
      return {
        store,
        url: db.url,
        reopen: (policy = onDuplicate) => open(policy),
        dispose: async () => {
          for (const s of opened) await s.close();
          await db.drop();
        },
      };
    },
  },
];
