import { OperationError } from '../errors.js';
import type { TrendSeries } from '../trend/series.js';
import { toColumns } from './sample.js';
import type { Sample, SampleColumns, SeriesBatch, StoredSeries } from './sample.js';
import { checkRange, monthIndex, monthStart, throwIfAborted } from './sample-store.js';
import type { DuplicatePolicy, RetentionResult, SampleStore, StoreCallOptions, WriteResult } from './sample-store.js';

/** Rows read per query when a series is read back. */
const readPageRows = 65_536;

/**
 * Options of {@link openSqliteSampleStore}.
 *
 * @example
 * ```ts
 * const options: SqliteSampleStoreOptions = { file: 'data/trend.sqlite', onDuplicate: 'replace' };
 * ```
 */
export interface SqliteSampleStoreOptions {
  /** Database file (created when missing), or `:memory:`. */
  readonly file: string;
  /** Table name prefix (letters, digits, `_`); default `samples`. */
  readonly table?: string;
  /** Default `replace`. */
  readonly onDuplicate?: DuplicatePolicy;
}

/** Minimal surface of a better-sqlite3 statement used here. */
interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  raw(on?: boolean): Statement;
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface Database {
  pragma(text: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}

/** Check a table name prefix (it becomes part of SQL). @internal */
export function checkTableName(table: string): string {
  if (!/^[a-z_][a-z0-9_]{0,39}$/.test(table)) {
    throw new OperationError('invalid-input', `Ungültiger Tabellenname / invalid table name: ${JSON.stringify(table)}`, {
      location: { segment: 'table' },
    });
  }
  return table;
}

/**
 * Open (and create) a sample store in one SQLite file: the single-machine default. Samples live in
 * one `WITHOUT ROWID` table keyed by (data point, time); data point ids in a second table. Needs
 * the optional peer dependency `better-sqlite3` 12.
 *
 * @example
 * ```ts
 * const store = await openSqliteSampleStore({ file: 'trend.sqlite' });
 * const result = await store.writeSeries([{ pointId: 'A', times: [0, 60_000], values: [1, 2] }]);
 * console.log(result.written); // 2
 * await store.close();
 * ```
 */
export async function openSqliteSampleStore(options: SqliteSampleStoreOptions): Promise<SampleStore> {
  const table = checkTableName(options.table ?? 'samples');
  const policy: DuplicatePolicy = options.onDuplicate ?? 'replace';
  let Driver: new (file: string) => Database;
  try {
    Driver = (await import('better-sqlite3')).default as unknown as new (file: string) => Database;
  } catch (cause) {
    throw new OperationError('store', 'better-sqlite3 fehlt: `pnpm add better-sqlite3` / better-sqlite3 is not installed', { cause });
  }
  let db: Database;
  try {
    db = new Driver(options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${table}_points (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
      CREATE TABLE IF NOT EXISTS ${table} (
        point_id INTEGER NOT NULL,
        time INTEGER NOT NULL,
        value REAL NOT NULL,
        quality INTEGER NOT NULL,
        PRIMARY KEY (point_id, time)
      ) WITHOUT ROWID;`);
  } catch (cause) {
    throw new OperationError('store', `SQLite-Datei nicht nutzbar / cannot open SQLite file: ${options.file}`, { cause });
  }
  const pointIds = new Map<string, number>();
  const selectPoint = db.prepare(`SELECT id FROM ${table}_points WHERE key = ?`).raw();
  const insertPoint = db.prepare(`INSERT INTO ${table}_points (key) VALUES (?) ON CONFLICT (key) DO NOTHING`);
  const insert = db.prepare(
    `INSERT INTO ${table} (point_id, time, value, quality) VALUES (?, ?, ?, ?) ON CONFLICT (point_id, time) DO NOTHING`,
  );
  const update = db.prepare(`UPDATE ${table} SET value = ?, quality = ? WHERE point_id = ? AND time = ?`);
  // Read in pages by key (time is unique per point) with `all()` rather than `iterate()`: bounded
  // memory, and no statement iterators, whose native destructor crashes Node 24 at exit with
  // better-sqlite3 12 (seen in tools/node24.sh).
  const readPage = db.prepare(
    `SELECT time, value, quality FROM ${table} WHERE point_id = ? AND time >= ? AND time < ? ORDER BY time LIMIT ${readPageRows}`,
  ).raw();
  const count = db.prepare(`SELECT count(*) FROM ${table} WHERE point_id = ? AND time >= ? AND time < ?`).raw();
  const idOf = (key: string, create: boolean): number | undefined => {
    let id = pointIds.get(key);
    if (id !== undefined) return id;
    if (create) insertPoint.run(key);
    const row = selectPoint.get(key) as [number] | undefined;
    if (row === undefined) return undefined;
    id = row[0];
    pointIds.set(key, id);
    return id;
  };
  const writeColumns = db.transaction((columns: SampleColumns): { written: number; duplicates: number } => {
    const ids = columns.pointIds.map((key) => idOf(key, true) as number);
    let written = 0;
    let duplicates = 0;
    for (let i = 0; i < columns.length; i++) {
      const id = ids[columns.point[i] as number] as number;
      const t = columns.time[i] as number;
      const v = columns.value[i] as number;
      const q = columns.quality[i] as number;
      if (insert.run(id, t, v, q).changes === 1) written++;
      else {
        duplicates++;
        if (policy === 'replace') update.run(v, q, id, t);
      }
    }
    return { written, duplicates };
  });
  let closed = false;
  const guard = () => {
    if (closed) throw new OperationError('store', 'Speicher ist geschlossen / store is closed');
  };
  const write = (input: readonly Sample[] | readonly (SeriesBatch | TrendSeries)[], callOptions: StoreCallOptions): WriteResult => {
    guard();
    throwIfAborted(callOptions.signal);
    const columns = toColumns(input);
    let outcome: { written: number; duplicates: number };
    try {
      outcome = writeColumns(columns);
    } catch (cause) {
      throw new OperationError('store', 'Schreiben in SQLite fehlgeschlagen / SQLite write failed', { cause });
    }
    return { ...outcome, rejected: columns.rejected, reasons: columns.reasons, examples: columns.examples };
  };
  return {
    backend: 'sqlite',
    write: async (samples, callOptions = {}) => write(samples, callOptions),
    writeSeries: async (series, callOptions = {}) => write(series, callOptions),
    read: async (pointId, from, to, callOptions = {}) => {
      guard();
      checkRange(pointId, from, to);
      throwIfAborted(callOptions.signal);
      const id = idOf(pointId, false);
      const n = id === undefined ? 0 : (count.get(id, from, to) as [number])[0];
      const series: StoredSeries = {
        pointId,
        times: new Float64Array(n),
        values: new Float64Array(n),
        qualities: new Uint8Array(n),
      };
      if (id !== undefined && n > 0) {
        let i = 0;
        let start = from;
        while (i < n) {
          const rows = readPage.all(id, start, to) as [number, number, number][];
          for (const row of rows) {
            if (i >= n) break;
            (series.times as Float64Array)[i] = row[0];
            (series.values as Float64Array)[i] = row[1];
            (series.qualities as Uint8Array)[i] = row[2];
            i++;
          }
          if (rows.length < readPageRows) break;
          start = rows[rows.length - 1]![0] + 1;
        }
      }
      return series;
    },
    points: async () => {
      guard();
      return (db.prepare(`SELECT key FROM ${table}_points ORDER BY key`).raw().all() as [string][]).map((r) => r[0]);
    },
    deleteRange: async (pointId, from, to) => {
      guard();
      checkRange(pointId, from, to);
      const id = idOf(pointId, false);
      if (id === undefined) return 0;
      return db.prepare(`DELETE FROM ${table} WHERE point_id = ? AND time >= ? AND time < ?`).run(id, from, to).changes;
    },
    applyRetention: async (cutoff): Promise<RetentionResult> => {
      guard();
      if (!Number.isFinite(cutoff)) {
        throw new OperationError('invalid-input', 'Ungültiger Stichtag / invalid cutoff', { location: { segment: 'cutoff' } });
      }
      const boundary = monthStart(monthIndex(cutoff));
      const months = db
        .prepare(
          `SELECT strftime('%Y-%m', time / 1000, 'unixepoch') AS m, count(*) FROM ${table} WHERE time < ? GROUP BY m ORDER BY m`,
        )
        .raw()
        .all(boundary) as [string, number][];
      const deleted = db.prepare(`DELETE FROM ${table} WHERE time < ?`).run(boundary).changes;
      return { droppedMonths: months.map((m) => m[0]), deletedSamples: deleted, estimated: false };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
