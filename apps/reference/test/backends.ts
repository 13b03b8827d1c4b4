// Storage backends for tests: a fresh SQLite file in a temporary folder, and a fresh database on
// the PostgreSQL server of `postgres()` from @foederal/test-utils (skipped with one line on
// machines without one, a failure under CI=true).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgres } from '@foederal/test-utils';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openRepository, type Repository } from '../src/db/repository.js';

/** One place to store data for a test, created fresh and removed afterwards. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Storage options for `openRepository`, and the env for `loadConfig`. */
  readonly options: { databaseUrl: string } | { sqliteFile: string };
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface BackendFactory {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  create(): Promise<Backend>;
}

const pgRequirement = await postgres();

export function sqliteBackend(): BackendFactory {
  return {
    name: 'sqlite',
    available: true,
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'foederal-ref-'));
      return {
        name: 'sqlite',
        options: { sqliteFile: join(dir, 'foederal.sqlite') },
        env: { DATA_DIR: dir },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

export function postgresBackend(): BackendFactory {
  return {
    name: 'postgres',
    available: pgRequirement.available,
    create: async () => {
      const admin = new URL(pgRequirement.url);
      admin.pathname = '/postgres';
      const name = `foederal_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(pgRequirement.url);
      url.pathname = `/${name}`;
      return {
        name: 'postgres',
        options: { databaseUrl: url.toString() },
        env: { DATABASE_URL: url.toString() },
        dispose: async () => {
          const c = new pg.Client({ connectionString: admin.toString() });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

/** Both backends; PostgreSQL reports itself unavailable (and announces the skip) when absent. */
export const backends: readonly BackendFactory[] = [sqliteBackend(), postgresBackend()];

/**
 * A fresh, migrated repository on `factory`'s backend for the tests of the enclosing `describe`:
 * opened before them and handed to `opened` (which may keep and seed it), closed and removed after
 * them.
 *
 * @example
 * let repo: Repository;
 * freshRepository(factory, (opened) => (repo = opened));
 */
export function freshRepository(factory: BackendFactory, opened: (repo: Repository) => unknown): void {
  let backend: Backend | undefined;
  let repo: Repository | undefined;
  beforeAll(async () => {
    backend = await factory.create();
    repo = await openRepository(backend.options);
    await opened(repo);
  });
  afterAll(async () => {
    await repo?.close();
    await backend?.dispose();
  });
}
