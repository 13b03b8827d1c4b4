// Shared parts of the benches: the app, its worker and the bare peer as child processes, and
// wrk (Debian's `wrk`, installed with `apt-get install -y wrk`) as the load generator in its own process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A child process with a base URL (app) or nothing (worker). */
export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitReady(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} not ready at ${url}`);
}

let nextPort = 39_000 + Math.floor(Math.random() * 2000);

/** Start `node dist/main.js` (build first) with the environment given; resolves when `/ready` says yes. */
export async function startAppProcess(env: Record<string, string>, node = process.execPath): Promise<Child> {
  const port = nextPort++;
  const child = spawn(node, ['dist/main.js'], {
    cwd: appDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONTRIBUTION_LIMIT_PER_HOUR: '1000000', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, 'app');
  return { process: child, url, stop: () => stopChild(child) };
}

/** Start `node dist/worker.js` on the database of `env.DATABASE_URL`. */
export function startWorkerProcess(env: Record<string, string>, node = process.execPath): Child {
  const child = spawn(node, ['dist/worker.js'], { cwd: appDir, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  return { process: child, url: '', stop: () => stopChild(child) };
}

/** Start the bare Hono peer serving each path's bytes with the given headers. */
export async function startBare(routes: Record<string, { body: Uint8Array; headers: Record<string, string> }>): Promise<Child> {
  const dir = mkdtempSync(join(tmpdir(), 'foederal-bare-'));
  const spec: { routes: Record<string, { file: string; headers: Record<string, string> }> } = { routes: {} };
  for (const [path, { body, headers }] of Object.entries(routes)) {
    const file = join(dir, `${Object.keys(spec.routes).length}.bin`);
    writeFileSync(file, body);
    spec.routes[path] = { file, headers };
  }
  writeFileSync(join(dir, 'routes.json'), JSON.stringify(spec));
  const child = spawn(process.execPath, [join(appDir, 'bench/bare.mjs'), join(dir, 'routes.json')], { cwd: appDir, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare peer exited with ${code}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** One wrk run. */
export interface Load {
  readonly rps: number;
  /** 99th percentile latency in ms. */
  readonly p99: number;
  readonly requests: number;
  /** Socket errors plus non-2xx/3xx answers. */
  readonly errors: number;
}

function ms(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** Parse wrk's `--latency` report. */
export function parseWrk(out: string): Load {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const p99 = ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? '');
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, p99, requests, errors };
}

/** Drive `url` with wrk: `connections` connections, two threads, `seconds` seconds. */
export async function wrk(url: string, seconds: number, connections = 20, headers: Record<string, string> = {}): Promise<Load> {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const { stdout } = await promisify(execFile)('wrk', args, { maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A fresh PostgreSQL database for a bench run (dropped by `drop`), or undefined when no server answers. */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const pg = (await import('pg')).default;
  const base = process.env['FOEDERAL_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base.replace(/\/[^/]*$/, '/postgres') });
  admin.on('error', () => undefined);
  if (!(await admin.connect().then(() => true, () => false))) return undefined;
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    url: base.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
