import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OperationError } from '../errors.js';
import type { TrendSeries } from '../trend/series.js';
import { copyHeader, copyTrailer, encodeRows, SampleRowDecoder } from './binary-copy.js';
import { maxSampleTime, minSampleTime, toColumns } from './sample.js';
import type { Sample, SampleColumns, SeriesBatch, StoredSeries } from './sample.js';
import { checkRange, monthIndex, monthLabel, monthStart, throwIfAborted } from './sample-store.js';
import type { DuplicatePolicy, RetentionResult, SampleStore, StoreCallOptions, WriteResult } from './sample-store.js';
import { checkTableName } from './sqlite.js';

/**
 * The part of a `pg` client the store uses (a `pg.PoolClient` fits).
 *
 * @example
 * ```ts
 * const client: PostgresClientLike = await pool.connect();
 * ```
 */
export interface PostgresClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  release(error?: Error | boolean): void;
}

/**
 * The part of a `pg.Pool` the store uses, so an application can share its pool.
 *
 * @example
 * ```ts
 * const store = await openPostgresSampleStore({ pool: new pg.Pool({ connectionString }) });
 * ```
 */
export interface PostgresPoolLike {
  connect(): Promise<PostgresClientLike>;
}

/**
 * Options of {@link openPostgresSampleStore}: a connection string (the store owns its pool) or an
 * existing pool (the caller ends it).
 *
 * @example
 * ```ts
 * const options: PostgresSampleStoreOptions = { connectionString: 'postgres://postgres@127.0.0.1/betrieb' };
 * ```
 */
export type PostgresSampleStoreOptions = (
  | { readonly connectionString: string; readonly maxConnections?: number }
  | { readonly pool: PostgresPoolLike }
) & {
  /** Table name (letters, digits, `_`); default `samples`. Partitions are `<table>_yYYYYmMM`. */
  readonly table?: string;
  /** Default `replace`. */
  readonly onDuplicate?: DuplicatePolicy;
};

const rowsPerChunk = 16_384;

interface PgError {
  readonly code?: string;
}

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as PgError).code : undefined;
}

function iso(ms: number): string {
  return new Date(Math.min(Math.max(ms, minSampleTime), maxSampleTime)).toISOString();
}

/**
 * Open (and create) a sample store on PostgreSQL, for many buildings and instances:
 *
 * - one table range-partitioned by time into UTC months, partitions created on demand when a
 *   write needs them (under an advisory lock, so concurrent writers agree);
 * - primary key (data point, time) for duplicate handling and point reads, a BRIN index on time
 *   for scans over all points;
 * - writes as binary `COPY` (pg-copy-streams); when a batch meets a stored or repeated
 *   (data point, time) the batch is rolled back to a savepoint and merged through a temporary
 *   table with `INSERT … ON CONFLICT`, so duplicates cost only when they occur;
 * - retention drops whole month partitions (see {@link SampleStore}).
 *
 * Needs the optional peer dependencies `pg` 8 and `pg-copy-streams` 7.
 *
 * @example
 * ```ts
 * const store = await openPostgresSampleStore({ connectionString: process.env.DATABASE_URL! });
 * await store.writeSeries([{ pointId: 'HZG.VL', times: [Date.UTC(2026, 0, 1)], values: [60] }]);
 * await store.applyRetention(retentionCutoff(Date.now(), 36));
 * await store.close();
 * ```
 */
export async function openPostgresSampleStore(options: PostgresSampleStoreOptions): Promise<SampleStore> {
  const table = checkTableName(options.table ?? 'samples');
  const policy: DuplicatePolicy = options.onDuplicate ?? 'replace';
  let copyFrom: (text: string) => Writable;
  let copyTo: (text: string) => Readable;
  let pool: PostgresPoolLike;
  let ownPool: { end(): Promise<void> } | undefined;
  try {
    const copyModule = (await import('pg-copy-streams')) as unknown as {
      default?: { from: (text: string) => Writable; to: (text: string) => Readable };
      from?: (text: string) => Writable;
      to?: (text: string) => Readable;
    };
    copyFrom = (copyModule.from ?? copyModule.default?.from) as (text: string) => Writable;
    copyTo = (copyModule.to ?? copyModule.default?.to) as (text: string) => Readable;
    if ('pool' in options) {
      pool = options.pool;
    } else {
      const pg = (await import('pg')).default;
      const own = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4 });
      own.on('error', () => {
        // an idle client lost its connection; the pool replaces it, the next query reports errors
      });
      pool = own as unknown as PostgresPoolLike;
      ownPool = own;
    }
  } catch (cause) {
    throw new OperationError('store', 'pg und pg-copy-streams fehlen: `pnpm add pg pg-copy-streams` / pg and pg-copy-streams are not installed', { cause });
  }

  const lockKey = `foederal.operation.${table}`;
  const withClient = async <T>(fn: (client: PostgresClientLike) => Promise<T>): Promise<T> => {
    let client: PostgresClientLike;
    try {
      client = await pool.connect();
    } catch (cause) {
      throw new OperationError('store', 'Keine Verbindung zu PostgreSQL / cannot connect to PostgreSQL', { cause });
    }
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      if (!OperationError.isInstance(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  const transaction = <T>(fn: (client: PostgresClientLike) => Promise<T>): Promise<T> =>
    withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  const storeError = (what: string, cause: unknown): OperationError =>
    OperationError.isInstance(cause)
      ? cause
      : new OperationError('store', `PostgreSQL: ${what} fehlgeschlagen / ${what} failed`, { cause });

  try {
    await transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      await c.query(`CREATE TABLE IF NOT EXISTS ${table}_points (id serial PRIMARY KEY, key text NOT NULL UNIQUE)`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${table} (
        time timestamptz NOT NULL,
        value float8 NOT NULL,
        point_id int4 NOT NULL,
        quality int2 NOT NULL,
        PRIMARY KEY (point_id, time)
      ) PARTITION BY RANGE (time)`);
      await c.query(`CREATE INDEX IF NOT EXISTS ${table}_time_brin ON ${table} USING brin (time)`);
    });
  } catch (cause) {
    await ownPool?.end().catch(() => undefined);
    throw storeError('Tabellen anlegen / create tables', cause);
  }

  const partitionName = (month: number): string => {
    const label = monthLabel(month);
    return `${table}_y${label.slice(0, 4)}m${label.slice(5, 7)}`;
  };
  const partitionPattern = new RegExp(`^${table}_y(\\d{4})m(\\d{2})$`);
  const known = new Set<number>();
  const listPartitions = async (client: PostgresClientLike): Promise<Map<number, string>> => {
    const { rows } = await client.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
      [table],
    );
    const result = new Map<number, string>();
    for (const row of rows as { relname: string }[]) {
      const m = partitionPattern.exec(row.relname);
      if (m) result.set((Number(m[1]) - 1970) * 12 + Number(m[2]) - 1, row.relname);
    }
    return result;
  };
  const ensurePartitions = async (months: Set<number>): Promise<void> => {
    const missing = [...months].filter((m) => !known.has(m)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    await transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      for (const m of missing) {
        await c.query(
          `CREATE TABLE IF NOT EXISTS ${partitionName(m)} PARTITION OF ${table} FOR VALUES FROM ('${iso(monthStart(m))}') TO ('${iso(monthStart(m + 1))}')`,
        );
      }
    });
    for (const m of missing) known.add(m);
  };

  const pointIds = new Map<string, number>();
  const ensurePoints = async (keys: readonly string[]): Promise<Int32Array> => {
    const missing = keys.filter((k) => !pointIds.has(k));
    if (missing.length > 0) {
      await withClient(async (c) => {
        await c.query(`INSERT INTO ${table}_points (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, [missing]);
        const { rows } = await c.query(`SELECT id, key FROM ${table}_points WHERE key = ANY($1::text[])`, [missing]);
        for (const row of rows as { id: number; key: string }[]) pointIds.set(row.key, row.id);
      });
    }
    return Int32Array.from(keys, (k) => {
      const id = pointIds.get(k);
      if (id === undefined) throw new OperationError('store', `Datenpunkt nicht angelegt / data point not stored: ${k}`, { location: { point: k } });
      return id;
    });
  };

  const monthsOf = (columns: SampleColumns): Set<number> => {
    const months = new Set<number>();
    let lo = 1;
    let hi = 0; // [lo, hi) of the last month seen; empty at first
    for (let i = 0; i < columns.length; i++) {
      const t = columns.time[i] as number;
      if (t >= lo && t < hi) continue;
      const m = monthIndex(t);
      months.add(m);
      lo = monthStart(m);
      hi = monthStart(m + 1);
    }
    return months;
  };

  const copy = async (client: PostgresClientLike, target: string, ids: Int32Array, columns: SampleColumns, withSequence: boolean, signal: AbortSignal | undefined) => {
    // Columns are stored 8-byte ones first (no alignment padding: 46-byte rows).
    const columnList = withSequence ? '(point_id, time, value, quality, seq)' : '(point_id, time, value, quality)';
    const stream = (client as unknown as { query(q: Writable): Writable }).query(copyFrom(`COPY ${target} ${columnList} FROM STDIN BINARY`));
    async function* chunks(): AsyncGenerator<Buffer> {
      yield copyHeader();
      for (let start = 0; start < columns.length; start += rowsPerChunk) {
        throwIfAborted(signal);
        const end = Math.min(columns.length, start + rowsPerChunk);
        yield encodeRows(ids, columns.point, columns.time, columns.value, columns.quality, start, end, withSequence);
      }
      yield copyTrailer();
    }
    await pipeline(Readable.from(chunks()), stream);
  };

  const writeOnce = async (columns: SampleColumns, ids: Int32Array, signal: AbortSignal | undefined) =>
    transaction(async (c) => {
      await c.query('SAVEPOINT fast_copy');
      try {
        await copy(c, table, ids, columns, false, signal);
        await c.query('RELEASE SAVEPOINT fast_copy');
        return { written: columns.length, duplicates: 0 };
      } catch (error) {
        if (pgCode(error) !== '23505') throw error;
        await c.query('ROLLBACK TO SAVEPOINT fast_copy');
      }
      // A stored or repeated (point, time): merge through a temporary table.
      await c.query(
        `CREATE TEMP TABLE IF NOT EXISTS ${table}_stage (point_id int4, time timestamptz, value float8, quality int2, seq int4) ON COMMIT DELETE ROWS`,
      );
      await copy(c, `${table}_stage`, ids, columns, true, signal);
      // Within the batch the last (replace) or first (keep) sample of a (point, time) wins.
      await c.query(
        `DELETE FROM ${table}_stage a USING ${table}_stage b
          WHERE a.point_id = b.point_id AND a.time = b.time AND a.seq ${policy === 'replace' ? '<' : '>'} b.seq`,
      );
      let written: number;
      if (policy === 'keep') {
        const inserted = await c.query(
          `INSERT INTO ${table} (point_id, time, value, quality) SELECT point_id, time, value, quality FROM ${table}_stage
           ON CONFLICT (point_id, time) DO NOTHING`,
        );
        written = inserted.rowCount ?? 0;
      } else {
        // RETURNING xmax cannot tell inserts from updates on a partitioned table: count first.
        const { rows } = await c.query(
          `SELECT count(*)::int8 AS total, count(t.point_id)::int8 AS existing
             FROM ${table}_stage s LEFT JOIN ${table} t ON t.point_id = s.point_id AND t.time = s.time`,
        );
        const counts = rows[0] as { total: string; existing: string };
        await c.query(
          `INSERT INTO ${table} (point_id, time, value, quality) SELECT point_id, time, value, quality FROM ${table}_stage
           ON CONFLICT (point_id, time) DO UPDATE SET value = EXCLUDED.value, quality = EXCLUDED.quality`,
        );
        written = Number(counts.total) - Number(counts.existing);
      }
      return { written, duplicates: columns.length - written };
    });

  let closed = false;
  const guard = () => {
    if (closed) throw new OperationError('store', 'Speicher ist geschlossen / store is closed');
  };
  const write = async (input: readonly Sample[] | readonly (SeriesBatch | TrendSeries)[], callOptions: StoreCallOptions): Promise<WriteResult> => {
    guard();
    throwIfAborted(callOptions.signal);
    const columns = toColumns(input);
    const base = { rejected: columns.rejected, reasons: columns.reasons, examples: columns.examples };
    if (columns.length === 0) return { written: 0, duplicates: 0, ...base };
    try {
      const ids = await ensurePoints(columns.pointIds);
      const months = monthsOf(columns);
      await ensurePartitions(months);
      try {
        return { ...(await writeOnce(columns, ids, callOptions.signal)), ...base };
      } catch (error) {
        // 23514: no partition for a row (another instance applied retention since we cached);
        // 40P01: deadlock with a concurrent writer of overlapping samples in another order.
        // The transaction was rolled back as a whole, so one retry is safe.
        const code = pgCode(error);
        if (code !== '23514' && code !== '40P01') throw error;
        if (code === '23514') {
          known.clear();
          await ensurePartitions(months);
        }
        return { ...(await writeOnce(columns, ids, callOptions.signal)), ...base };
      }
    } catch (cause) {
      throw storeError('Schreiben / write', cause);
    }
  };

  return {
    backend: 'postgres',
    write: (samples, callOptions = {}) => write(samples, callOptions),
    writeSeries: (series, callOptions = {}) => write(series, callOptions),
    read: async (pointId, from, to, callOptions = {}): Promise<StoredSeries> => {
      guard();
      checkRange(pointId, from, to);
      throwIfAborted(callOptions.signal);
      try {
        const decoder = new SampleRowDecoder();
        await withClient(async (c) => {
          let id = pointIds.get(pointId);
          if (id === undefined) {
            const found = await c.query(`SELECT id FROM ${table}_points WHERE key = $1`, [pointId]);
            id = (found.rows[0] as { id: number } | undefined)?.id;
            if (id === undefined) return;
            pointIds.set(pointId, id);
          }
          // COPY takes no parameters: the id is an integer from the database, the bounds are our ISO texts.
          const stream = (c as unknown as { query(q: Readable): Readable }).query(
            copyTo(
              `COPY (SELECT time, value, quality FROM ${table} WHERE point_id = ${Number(id)}
                 AND time >= '${iso(from)}'::timestamptz AND time < '${iso(to)}'::timestamptz ORDER BY time) TO STDOUT BINARY`,
            ),
          );
          for await (const chunk of stream) {
            decoder.push(chunk as Buffer);
            if (callOptions.signal?.aborted) {
              stream.destroy();
              throwIfAborted(callOptions.signal);
            }
          }
          if (!decoder.complete) throw new Error('binary COPY: output ended early');
        });
        const series: StoredSeries = {
          pointId,
          times: decoder.times.slice(0, decoder.length),
          values: decoder.values.slice(0, decoder.length),
          qualities: decoder.qualities.slice(0, decoder.length),
        };
        return series;
      } catch (cause) {
        throw storeError('Lesen / read', cause);
      }
    },
    points: async () => {
      guard();
      try {
        return await withClient(async (c) => {
          const { rows } = await c.query(`SELECT key FROM ${table}_points ORDER BY key COLLATE "C"`);
          return (rows as { key: string }[]).map((r) => r.key);
        });
      } catch (cause) {
        throw storeError('Lesen / read', cause);
      }
    },
    deleteRange: async (pointId, from, to) => {
      guard();
      checkRange(pointId, from, to);
      try {
        return await withClient(async (c) => {
          const result = await c.query(
            `DELETE FROM ${table} s USING ${table}_points p
              WHERE p.id = s.point_id AND p.key = $1 AND s.time >= $2::timestamptz AND s.time < $3::timestamptz`,
            [pointId, iso(from), iso(to)],
          );
          return result.rowCount ?? 0;
        });
      } catch (cause) {
        throw storeError('Löschen / delete', cause);
      }
    },
    applyRetention: async (cutoff): Promise<RetentionResult> => {
      guard();
      if (!Number.isFinite(cutoff)) {
        throw new OperationError('invalid-input', 'Ungültiger Stichtag / invalid cutoff', { location: { segment: 'cutoff' } });
      }
      const boundary = monthIndex(cutoff); // months < boundary end at or before the cutoff
      try {
        return await transaction(async (c) => {
          await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
          const partitions = [...(await listPartitions(c))].filter(([m]) => m < boundary).sort((a, b) => a[0] - b[0]);
          let deleted = 0;
          for (const [m, name] of partitions) {
            // ANALYZE samples a fixed number of rows, so this costs the same for a small and a
            // huge partition; count(*) over billions of rows would hold the lock for minutes.
            await c.query(`ANALYZE ${name}`);
            const { rows } = await c.query(`SELECT greatest(reltuples, 0)::int8 AS n FROM pg_class WHERE oid = $1::regclass`, [name]);
            deleted += Number((rows[0] as { n: string }).n);
            await c.query(`DROP TABLE ${name}`);
            known.delete(m);
          }
          return { droppedMonths: partitions.map(([m]) => monthLabel(m)), deletedSamples: deleted, estimated: true };
        });
      } catch (cause) {
        throw storeError('Aufbewahrung / retention', cause);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await ownPool?.end();
    },
  };
}
