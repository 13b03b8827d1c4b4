// Sample ingest into PostgreSQL (and SQLite for comparison), in its own process; part of
// `pnpm bench` after the trend benchmark (bench/run.ts). Alone:
//   node --conditions=@foederal/source --import tsx bench/ingest.ts
// Size: BENCH_INGEST_SAMPLES (default 1,000,000) samples of BENCH_INGEST_POINTS (default 500)
// points; a positional argument pair `[samples] [points]` overrides them.
// Server: FOEDERAL_PG_URL (default postgres://postgres@127.0.0.1:5432/test). The run creates its own
// schema `foederal_bench_<random>` there (every table of the store and of the peer in it) and drops
// it with CASCADE at the end, also after an error, Ctrl-C or the watchdog. A server that does not
// answer within 5 s ends the run with one line and exit code 1; BENCH_INGEST_TIMEOUT_S (default 600)
// bounds the whole run.
// Compared in the same run:
//   store-copy     openPostgresSampleStore: binary COPY into the month partitions (the store's path)
//   insert-values  the peer: multi-row INSERT … VALUES ($1,$2,…) … ON CONFLICT (point_id, time)
//                  DO UPDATE (the store's default `replace`), 16,000 rows per statement, into an
//                  identical partitioned table with the same keys and BRIN index
//   store-merge    the same store when every sample is already stored (the duplicate merge path)
//   read           store.read of every point's whole range after store-copy (one call per point)
//   read-year      store.read of one point with a year of minutes (525,600 samples) in one call
//   sqlite         openSqliteSampleStore on a file (single machine default), at most 1,000,000 samples
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresSampleStore } from '../src/store/postgres.js';
import type { SeriesBatch } from '../src/store/sample.js';
import { openSqliteSampleStore } from '../src/store/sqlite.js';

const total = Number(process.argv[2] ?? process.env['BENCH_INGEST_SAMPLES'] ?? 1_000_000);
const points = Number(process.argv[3] ?? process.env['BENCH_INGEST_POINTS'] ?? 500);
const timeoutSeconds = Number(process.env['BENCH_INGEST_TIMEOUT_S'] ?? 600);
if (!(total >= 1 && points >= 1 && timeoutSeconds > 0)) {
  process.stderr.write('ingest benchmark: BENCH_INGEST_SAMPLES, BENCH_INGEST_POINTS and BENCH_INGEST_TIMEOUT_S must be positive numbers\n');
  process.exit(2);
}
/** Samples per second the store's write path should reach (ADR 0099). */
const target = 200_000;
const perPoint = Math.ceil(total / points);
const minute = 60_000;
const start = Date.UTC(2026, 0, 1);
/** Samples per write call: 500 points × 200 minutes = 100,000 (a gateway flushing every few minutes writes less). */
const minutesPerBatch = Math.max(1, Math.floor(100_000 / points));
const sampleCount = perPoint * points;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

function* batches(): Generator<SeriesBatch[]> {
  for (let m0 = 0; m0 < perPoint; m0 += minutesPerBatch) {
    const n = Math.min(minutesPerBatch, perPoint - m0);
    const batch: SeriesBatch[] = [];
    for (let p = 0; p < points; p++) {
      const times = new Float64Array(n);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        times[i] = start + (m0 + i) * minute;
        values[i] = 20 + ((p * 7 + m0 + i) % 100) / 10;
      }
      batch.push({ pointId: `L01.G${p % 17}.HZG.A${p}.MW`, times, values });
    }
    yield batch;
  }
}

const base = new URL(process.env['FOEDERAL_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test');
const where = `${base.hostname}:${base.port || '5432'}${base.pathname}`;
const schema = `foederal_bench_${randomBytes(5).toString('hex')}`;
// Every connection of the run (store pool, peer, size query) works in the schema only; a statement
// or lock that stalls fails instead of hanging the benchmark.
const url = new URL(base);
url.searchParams.set('options', `-c search_path=${schema} -c statement_timeout=300000 -c lock_timeout=30000`);
const connectionTimeoutMillis = 5_000;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: base.toString(), connectionTimeoutMillis });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let created = false;
let dropping: Promise<void> | undefined;
function dropSchema(): Promise<void> {
  dropping ??= created ? admin(async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))) : Promise.resolve();
  return dropping;
}
async function abort(message: string): Promise<never> {
  process.stdout.write(`${message}\n`);
  await dropSchema().catch((error: unknown) => process.stdout.write(`schema ${schema} not dropped: ${(error as Error).message}\n`));
  process.exit(1);
}
const watchdog = setTimeout(() => void abort(`ingest benchmark: stopped after BENCH_INGEST_TIMEOUT_S=${timeoutSeconds} s`), timeoutSeconds * 1000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void abort(`ingest benchmark: ${signal}, schema ${schema} dropped`));

try {
  await admin(async (c) => {
    await c.query(`CREATE SCHEMA ${schema}`);
    created = true;
  });
} catch (error) {
  const e = error as Error & { code?: string; errors?: Error[] };
  const reason = e.message || e.code || e.errors?.map((x) => x.message).join('; ') || String(error);
  process.stdout.write(`ingest benchmark: PostgreSQL at ${where} not reachable (${reason}); start it or set FOEDERAL_PG_URL\n`);
  process.exit(1);
}

interface Timing {
  samples: number;
  seconds: number;
  perSecond: number;
}
async function timed(name: string, fn: () => Promise<number>): Promise<Timing> {
  const t0 = process.hrtime.bigint();
  const samples = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const r = { samples, seconds, perSecond: samples / seconds };
  process.stdout.write(`  ${name.padEnd(14)} ${Math.round(r.perSecond).toLocaleString('en').padStart(10)} samples/s  (${samples.toLocaleString('en')} in ${seconds.toFixed(2)} s, load ${load()})\n`);
  return r;
}

async function insertValuesPeer(): Promise<number> {
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis });
  await client.connect();
  try {
    await client.query(`CREATE TABLE peer_points (id serial PRIMARY KEY, key text UNIQUE NOT NULL)`);
    await client.query(`CREATE TABLE peer (time timestamptz NOT NULL, value float8 NOT NULL, point_id int4 NOT NULL, quality int2 NOT NULL,
      PRIMARY KEY (point_id, time)) PARTITION BY RANGE (time)`);
    await client.query(`CREATE INDEX ON peer USING brin (time)`);
    const months = Math.ceil((perPoint * minute) / (28 * 86_400_000)) + 1;
    for (let m = 0; m < months; m++) {
      const from = new Date(Date.UTC(2026, m, 1)).toISOString();
      const to = new Date(Date.UTC(2026, m + 1, 1)).toISOString();
      await client.query(`CREATE TABLE peer_m${m} PARTITION OF peer FOR VALUES FROM ('${from}') TO ('${to}')`);
    }
    const ids = new Map<string, number>();
    let written = 0;
    const rowsPerStatement = 16_000; // 4 parameters a row: 64,000 of the 65,535 a statement can take
    for (const batch of batches()) {
      for (const s of batch) {
        if (!ids.has(s.pointId)) {
          const r = await client.query('INSERT INTO peer_points (key) VALUES ($1) RETURNING id', [s.pointId]);
          ids.set(s.pointId, (r.rows[0] as { id: number }).id);
        }
      }
      let params: unknown[] = [];
      let tuples: string[] = [];
      const flush = async (): Promise<void> => {
        if (tuples.length === 0) return;
        const r = await client.query(
          `INSERT INTO peer (time, value, point_id, quality) VALUES ${tuples.join(',')}
           ON CONFLICT (point_id, time) DO UPDATE SET value = EXCLUDED.value, quality = EXCLUDED.quality`,
          params,
        );
        written += r.rowCount ?? 0;
        params = [];
        tuples = [];
      };
      await client.query('BEGIN');
      for (const s of batch) {
        const id = ids.get(s.pointId);
        for (let i = 0; i < s.times.length; i++) {
          const k = params.length;
          tuples.push(`($${k + 1},$${k + 2},$${k + 3},$${k + 4})`);
          params.push(new Date(s.times[i] as number), s.values[i], id, 0);
          if (tuples.length === rowsPerStatement) await flush();
        }
      }
      await flush();
      await client.query('COMMIT');
    }
    return written;
  } finally {
    await client.end();
  }
}

const loadBefore = load();
process.stdout.write(
  `ingest bench: ${sampleCount.toLocaleString('en')} samples of ${points} points, ${(minutesPerBatch * points).toLocaleString('en')} per write, PostgreSQL ${where} schema ${schema}, load ${loadBefore}\n`,
);
const results: Record<string, Timing> = {};
let exitCode = 0;
try {
  const store = await openPostgresSampleStore({ connectionString: url.toString() });
  try {
    results['store-copy'] = await timed('store-copy', async () => {
      let n = 0;
      for (const batch of batches()) n += (await store.writeSeries(batch)).written;
      return n;
    });
    // The peer right after the store's first pass, so both meet the same machine load as far as possible.
    results['insert-values'] = await timed('insert-values', insertValuesPeer);
    // Read back every point's whole range (what a monitoring run over stored data does).
    results['read'] = await timed('read', async () => {
      let n = 0;
      for (let p = 0; p < points; p++) n += (await store.read(`L01.G${p % 17}.HZG.A${p}.MW`, start, start + perPoint * minute)).times.length;
      return n;
    });
    // One point, one year of minutes, read in one call (a monitoring run reads like this).
    const year = 525_600;
    const yearTimes = new Float64Array(year);
    const yearValues = new Float64Array(year);
    for (let i = 0; i < year; i++) {
      yearTimes[i] = Date.UTC(2025, 0, 1) + i * minute;
      yearValues[i] = i % 97;
    }
    await store.writeSeries([{ pointId: 'JAHR', times: yearTimes, values: yearValues }]);
    results['read-year'] = await timed('read-year', async () => (await store.read('JAHR', Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).times.length);
    // Size after the first pass (the merge pass below leaves dead row versions until VACUUM).
    const sizes = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis });
    await sizes.connect();
    const size = await sizes.query(
      `SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'samples'::regclass)::int8 AS bytes,
              (SELECT sum(pg_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'samples'::regclass)::int8 AS heap,
              (SELECT sum(pg_relation_size(i.indexrelid)) FROM pg_inherits h JOIN pg_index i ON i.indrelid = h.inhrelid
                WHERE h.inhparent = 'samples'::regclass AND i.indisprimary)::int8 AS pk,
              (SELECT count(*) FROM samples)::int8 AS n`,
    );
    await sizes.end();
    const row = size.rows[0] as { bytes: string; heap: string; pk: string; n: string };
    const bytesPerSample = Number(row.bytes) / Number(row.n);
    // A quarter of the same samples again: every batch meets stored (point, time) pairs and takes the merge path.
    const mergeShare = Math.max(1, Math.floor(sampleCount / 4));
    results['store-merge'] = await timed('store-merge', async () => {
      let n = 0;
      for (const batch of batches()) {
        n += (await store.writeSeries(batch)).duplicates;
        if (n >= mergeShare) break;
      }
      return n;
    });
    const dir = mkdtempSync(join(tmpdir(), 'foederal-bench-'));
    try {
      const sqlite = await openSqliteSampleStore({ file: join(dir, 'bench.sqlite') });
      const sqliteShare = Math.min(sampleCount, 1_000_000);
      results['sqlite'] = await timed('sqlite', async () => {
        let n = 0;
        for (const batch of batches()) {
          n += (await sqlite.writeSeries(batch)).written;
          if (n >= sqliteShare) break;
        }
        return n;
      });
      await sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const copy = results['store-copy'];
    const peer = results['insert-values'];
    const merge = results['store-merge'];
    const sqlite = results['sqlite'];
    if (!copy || !peer || !merge || !sqlite) throw new Error('a case did not run');
    if (copy.samples !== sampleCount || peer.samples !== sampleCount) {
      throw new Error(`written differ: store ${copy.samples}, peer ${peer.samples}, expected ${sampleCount}`);
    }
    const line = (label: string, r: Timing, note = ''): void =>
      void process.stdout.write(`  ${label.padEnd(40)} ${Math.round(r.perSecond).toLocaleString('en').padStart(10)} samples/s${note}\n`);
    process.stdout.write(`ingest result (load before ${loadBefore}, after ${load()}):\n`);
    line('PostgreSQL store, binary COPY', copy);
    line('peer: multi-row INSERT … ON CONFLICT', peer);
    process.stdout.write(`  ratio store / peer: ${(copy.perSecond / peer.perSecond).toFixed(2)}x\n`);
    process.stdout.write(
      `  target ≥ ${target.toLocaleString('en')} samples/s (store, binary COPY): ${copy.perSecond >= target ? 'met' : 'not met'} (${Math.round(copy.perSecond).toLocaleString('en')})\n`,
    );
    line('store, every sample a duplicate (merge)', merge, ` (${(merge.perSecond / copy.perSecond).toFixed(2)}x COPY)`);
    line('SQLite store on a file', sqlite, ` (${sqlite.samples.toLocaleString('en')} samples)`);
    process.stdout.write(`  PostgreSQL on disk: ${bytesPerSample.toFixed(1)} bytes per sample\n`);
  } finally {
    await store.close();
  }
} catch (error) {
  process.stdout.write(`ingest benchmark failed: ${(error as Error).message}\n`);
  exitCode = 1;
} finally {
  await dropSchema();
  clearTimeout(watchdog);
}
process.stdout.write(`schema ${schema} dropped\n`);
process.exitCode = exitCode;
