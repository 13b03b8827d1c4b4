// Benchmarks of the reference app (not part of `pnpm test`): throughput and p99 latency of the
// catalogue list and one recommendation, each against a bare Hono route that returns the same
// bytes (both child processes, wrk in its own process, in alternation), the list's p99 while a
// worker process analyses 50 MB models, and 1,000 concurrent contribution submissions that must
// be stored exactly once. Needs the build (`pnpm build`) and wrk (`apt-get install -y wrk`).
// Run: pnpm --filter @foederal/reference bench   (BENCH_SECONDS, BENCH_ROUNDS)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freshPostgres, startAppProcess, startWorkerProcess } from './lib.js';
import { p99UnderAnalysis, readRatios } from './reads.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

async function start(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONTRIBUTION_LIMIT_PER_HOUR: '1000000', ...env });
  return startServer({ config, log: createLogger('silent'), prepare: async (ctx) => void (await seedDemo(ctx)) });
}

async function submissions(app: RunningServer, label: string): Promise<void> {
  const consultation = 'konsultation-gebaeudedaten-2027';
  const before = await app.ctx.repo.contributions.count({ parentId: consultation });
  const keys = Array.from({ length: 1000 }, () => randomUUID());
  const send = (key: string, i: number) =>
    fetch(`${app.url}/api/v1/consultations/${consultation}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ anchor: { section: '1' }, text: { de: `Benchmark-Beitrag ${i}` }, author: { kind: 'anonymous' } }),
    }).then((r) => r.status);
  const started = performance.now();
  // 1,000 distinct submissions plus 200 retries of the first 200 (same Idempotency-Key), all at once.
  const statuses = await Promise.all([...keys.map(send), ...keys.slice(0, 200).map(send)]);
  const ms = performance.now() - started;
  const stored = (await app.ctx.repo.contributions.count({ parentId: consultation })) - before;
  const created = statuses.filter((s) => s === 201).length;
  const replayed = statuses.filter((s) => s === 200).length;
  console.log(
    `${label.padEnd(10)} 1,200 concurrent POSTs (1,000 distinct + 200 retries) in ${ms.toFixed(0)} ms: ${created} created, ${replayed} answered as already stored, ${stored} rows stored -> ${stored === 1000 && created === 1000 ? 'exactly once' : 'MISMATCH'}`,
  );
}

console.log(`reference app bench on Node ${process.version}`);
const dir = mkdtempSync(join(tmpdir(), 'foederal-bench-'));
try {
  const onSqlite = await startAppProcess({ DATA_DIR: dir });
  try {
    await readRatios(onSqlite, 'SQLite, one instance', seconds, rounds);
  } finally {
    await onSqlite.stop();
  }
  const db = await freshPostgres('foederal_bench');
  if (db) {
    try {
      const env = { DATABASE_URL: db.url, IN_PROCESS_WORKER: 'false' };
      const app = await startAppProcess(env);
      const worker = startWorkerProcess(env);
      try {
        await readRatios(app, 'PostgreSQL, one instance (jobs in a worker process)', seconds, rounds);
        await p99UnderAnalysis(app, db.url, seconds);
      } finally {
        await worker.stop();
        await app.stop();
      }
    } finally {
      await db.drop();
    }
  } else {
    console.log('PostgreSQL not reachable: PostgreSQL runs skipped');
  }

  console.log('\nContribution submissions (app in this process)');
  const sqlite = await start({ DATA_DIR: join(dir, 'submissions') });
  await submissions(sqlite, 'SQLite');
  await sqlite.close();
  const pgUrl = process.env['FOEDERAL_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: pgUrl.replace(/\/[^/]*$/, '/postgres') });
  admin.on('error', () => undefined);
  const reachable = await admin.connect().then(() => true, () => false);
  if (reachable) {
    const name = `foederal_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const onPg = await start({ DATABASE_URL: pgUrl.replace(/\/[^/]*$/, `/${name}`) });
      await submissions(onPg, 'PostgreSQL');
      await onPg.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
