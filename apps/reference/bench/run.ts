// Benchmarks of the reference app (not part of `pnpm test`): throughput and p99 latency of the
// catalogue list and one recommendation, each against a bare Hono route that returns the same
// bytes, and 1,000 concurrent contribution submissions that must be stored exactly once.
// Run: pnpm --filter @foederal/reference bench
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';

const duration = Number(process.env['BENCH_SECONDS'] ?? 5);
const connections = 20;

async function cannon(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function bare(routes: Record<string, { body: Uint8Array; type: string }>): Promise<{ url: string; close: () => void }> {
  const app = new Hono();
  for (const [path, { body, type }] of Object.entries(routes)) app.get(path, () => new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }));
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONTRIBUTION_LIMIT_PER_HOUR: '1000000', ...env });
  return startServer({ config, log: createLogger('silent'), prepare: async (ctx) => void (await seedDemo(ctx)) });
}

async function throughput(app: RunningServer): Promise<void> {
  const paths = { list: '/api/v1/recommendations', one: '/api/v1/recommendations/wartung-2026' };
  const bytes: Record<string, { body: Uint8Array; type: string }> = {};
  for (const [name, path] of Object.entries(paths)) {
    const res = await fetch(`${app.url}${path}`);
    bytes[`/${name}`] = { body: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'application/json' };
  }
  const peer = await bare(bytes);
  console.log(`\nThroughput, ${connections} connections, ${duration} s each (autocannon); peer: bare Hono route, same bytes`);
  console.log('route                              app req/s   app p99   bare req/s  bare p99   ratio req/s');
  for (const [name, path] of Object.entries(paths)) {
    const a = await cannon(`${app.url}${path}`);
    const b = await cannon(`${peer.url}/${name}`);
    console.log(
      `${`GET ${path}`.padEnd(34)} ${a.rps.toFixed(0).padStart(9)} ${`${a.p99} ms`.padStart(9)} ${b.rps.toFixed(0).padStart(11)} ${`${b.p99} ms`.padStart(9)} ${(a.rps / b.rps).toFixed(3).padStart(12)}${a.errors + b.errors ? `  (errors ${a.errors}/${b.errors})` : ''}`,
    );
  }
  peer.close();
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

const dir = mkdtempSync(join(tmpdir(), 'foederal-bench-'));
try {
  const sqlite = await start({ DATA_DIR: dir });
  console.log(`reference app bench on Node ${process.version}`);
  await throughput(sqlite);
  console.log('\nContribution submissions');
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
  } else {
    console.log('PostgreSQL not reachable: PostgreSQL run skipped');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
