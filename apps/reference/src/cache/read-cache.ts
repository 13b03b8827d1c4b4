import { createHash } from 'node:crypto';
import { ifNoneMatchMatches } from '@foederal/publication';
import SqliteDatabase from 'better-sqlite3';
import type { MiddlewareHandler } from 'hono';
import pg from 'pg';
import type { StorageOptions } from '../db/repository.js';

/**
 * The catalogue generation: one counter row (`cache_generations`, migration 0004) that the
 * repository raises with every write of a catalogue table. Instances compare it with the generation their cached responses were built at.
 */
export interface GenerationStore {
  read(): Promise<number>;
  /** Raise the counter and return the new value. */
  close(): Promise<void>;
}

const counter = 'catalogue';

/** The counter row on PostgreSQL (a pool of two connections of its own) or SQLite (a second connection to the file). */
export function openGenerationStore(options: StorageOptions): GenerationStore {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    return {
      read: async () => Number((await pool.query<{ version: string }>('select version from cache_generations where name = $1', [counter])).rows[0]?.version ?? 0),
      close: () => pool.end(),
    };
  }
  const db = new SqliteDatabase(options.sqliteFile);
  db.pragma('busy_timeout = 5000');
  const read = db.prepare<[string], { version: number }>('select version from cache_generations where name = ?');
  return {
    read: async () => read.get(counter)?.version ?? 0,
    close: async () => void db.close(),
  };
}

interface Entry {
  readonly generation: number;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The same headers without `content-type` (a 304 carries no body). */
  readonly notModified: Record<string, string>;
  readonly etag: string;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** Options of {@link ReadCache}. */
export interface ReadCacheOptions {
  /** How long a checked generation is trusted before the counter row is read again (the staleness bound across instances). */
  readonly ttlMs: number;
  /** Upper bound of the cached bytes; the oldest entries go first. Default 32 MiB. */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

/**
 * Serialised responses of the public catalogue reads with their ETags, valid for one generation
 * of the catalogue. Writes on this instance raise the generation at once; writes on another
 * instance are seen once the trusted generation is older than `ttlMs`.
 */
export class ReadCache {
  private generation = -1;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<number> | undefined;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly now: () => number;
  private readonly maxBytes: number;
  /** Hits and misses since start (tests and the bench read them). */
  readonly stats = { hits: 0, misses: 0, checks: 0, expiries: 0 };

  constructor(
    private readonly store: GenerationStore,
    private readonly options: ReadCacheOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  private adopt(version: number, checkedAt: number): number {
    // Generations only grow: an answer that started before a local bump must not lower it.
    if (version > this.generation) {
      this.generation = version;
      this.entries.clear();
      this.bytes = 0;
    }
    if (checkedAt > this.checkedAt) this.checkedAt = checkedAt;
    return this.generation;
  }

  /** The current generation: without a database round trip while the last check is younger than the TTL. */
  current(): number | Promise<number> {
    if (this.now() - this.checkedAt < this.options.ttlMs) return this.generation;
    if (!this.inflight) {
      const started = this.now();
      this.stats.checks++;
      this.inflight = this.store.read().then(
        (version) => {
          this.inflight = undefined;
          return this.adopt(version, started);
        },
        (error: unknown) => {
          this.inflight = undefined;
          throw error;
        },
      );
    }
    return this.inflight;
  }

  /**
   * An unsafe request was handled here: read the counter row again before the next cached answer,
   * so this instance sees its own writes at once (the repository raised the generation on commit).
   */
  expire(): void {
    this.stats.expiries++;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  get(key: string, generation: number): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && entry.generation === generation ? entry : undefined;
  }

  put(key: string, entry: Entry): void {
    if (entry.generation !== this.generation || entry.body.byteLength > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.byteLength;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The public catalogue reads served from the cache: list, one record, feeds, DCAT. */
const cacheablePath = /^\/(?:api\/v1\/recommendations(?:\/[^/]+)?|feed\.atom|feed\.json|catalog\.ttl|catalog\.jsonld)$/;

const sessionCookie = /(?:^|;\s*)(?:__Host-)?fdr_session=/;

function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

/**
 * The read cache as the outermost middleware: anonymous GET and HEAD requests of a catalogue read
 * are answered from the stored bytes (with `304` on a matching `If-None-Match`) before any other
 * middleware, authentication or database work runs; a miss runs the whole chain and keeps the
 * answer (status 200, no cookie, no `Vary` beyond `Origin`). After an unsafe request the next read
 * checks the generation again.
 */
export function readCacheMiddleware(cache: ReadCache, onError: (error: unknown) => void): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      await next();
      if (method !== 'OPTIONS') cache.expire();
      return;
    }
    const url = c.req.url;
    const key = pathAndQuery(url);
    const path = key.split('?', 1)[0] as string;
    if (!cacheablePath.test(path)) return next();
    const headers = c.req.raw.headers;
    const cookie = headers.get('cookie');
    if (headers.has('authorization') || (cookie !== null && sessionCookie.test(cookie))) return next();
    const origin = headers.get('origin');
    const fullKey = origin === null ? key : `${key}\n${origin}`;
    let generation: number;
    try {
      const g = cache.current();
      generation = typeof g === 'number' ? g : await g;
    } catch (error) {
      onError(error);
      return next();
    }
    const entry = cache.get(fullKey, generation);
    if (entry) {
      cache.stats.hits++;
      const inm = headers.get('if-none-match');
      if (inm !== null && ifNoneMatchMatches(inm, entry.etag)) return new Response(null, { status: 304, headers: entry.notModified });
      return new Response(method === 'HEAD' ? null : entry.body, { status: entry.status, headers: entry.headers });
    }
    cache.stats.misses++;
    await next();
    const res = c.res;
    if (res.status !== 200 || method === 'HEAD' || res.headers.has('set-cookie')) return;
    const vary = res.headers.get('vary');
    if (vary !== null && vary.split(',').some((v) => v.trim().toLowerCase() !== 'origin')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const stored: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      stored[name] = value;
    });
    delete stored['content-length'];
    const etag = stored['etag'] ?? `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    stored['etag'] = etag;
    const { 'content-type': _type, ...notModified } = stored;
    cache.put(fullKey, { generation, status: res.status, headers: stored, notModified, etag, body });
    c.res = new Response(body, { status: res.status, headers: stored });
  };
}
