// The deployable build: `deploy:build` makes a folder, the folder is copied to an empty place
// outside the workspace and started with plain `node` against SQLite and PostgreSQL; on
// PostgreSQL a `node dist/worker.js` of that folder reads a queued model.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type Backend } from '../test/backends.js';
import { openRepository } from './db/repository.js';
import { schoolIfc } from './demo/school-ifc.js';
import { storeModel } from './domain/models.js';
import { pgJobQueue } from './jobs/pg-queue.js';
import { createLogger } from './logger.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Only what a machine without the workspace has: PATH and the app's own variables. */
function cleanEnv(vars: Record<string, string>): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), LOG_LEVEL: 'info', ...vars };
}

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
}

function start(folder: string, entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [entry], { cwd: folder, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, started?: Started): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started && started.child.exitCode !== null) throw new Error(`${what}: process exited with ${started.child.exitCode}\n${started.output()}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${started?.output() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = once(started.child, 'exit');
  started.child.kill('SIGTERM');
  await exited;
}

/** /health, /ready, a page and the catalogue API of a started folder. */
async function checkServing(url: string, app: Started): Promise<void> {
  const health = await until('health', 60_000, async () => {
    const res = await fetch(`${url}/health`);
    return res.ok ? res : undefined;
  }, app);
  expect(await health.json()).toEqual({ status: 'ok' });
  await until('ready', 60_000, async () => ((await fetch(`${url}/ready`)).ok ? true : undefined), app);
  const page = await fetch(`${url}/empfehlungen`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<html');
  expect(html).toContain('Empfehlungen');
  const css = /href="(\/[^"]+\.css)"/.exec(html)?.[1];
  expect(css, 'the page links a stylesheet').toBeDefined();
  expect((await fetch(`${url}${css}`)).status).toBe(200);
  const list = await fetch(`${url}/api/v1/recommendations`);
  expect(list.status).toBe(200);
  expect(((await list.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
}

describe('deployable build', () => {
  let folder: string;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(() => {
    const built = mkdtempSync(join(tmpdir(), 'foederal-deploy-build-'));
    execFileSync(process.execPath, [join(appDir, 'scripts/deploy-build.mjs'), join(built, 'reference')], { cwd: appDir, stdio: 'pipe', maxBuffer: 64 << 20, env: { ...process.env, BASE_URL: '' } });
    // A clean machine: an empty folder outside the workspace, the build folder gone.
    const target = mkdtempSync(join(tmpdir(), 'foederal-deploy-run-'));
    folder = join(target, 'app');
    cpSync(join(built, 'reference'), folder, { recursive: true, verbatimSymlinks: true });
    rmSync(built, { recursive: true, force: true });
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
  }, 900_000);
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f();
  });

  it('holds the app, its production dependencies and no sources or tests', () => {
    expect(existsSync(join(folder, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(folder, 'dist/worker.js'))).toBe(true);
    expect(existsSync(join(folder, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(folder, 'node_modules/@foederal/recommendations/package.json'))).toBe(true);
    expect(existsSync(join(folder, 'src'))).toBe(false);
    expect(existsSync(join(folder, 'node_modules/vitest'))).toBe(false);
    const info = JSON.parse(readFileSync(join(folder, 'BUILD-INFO.json'), 'utf8')) as { node: string };
    expect(info.node).toBe(process.version);
  });

  it('starts with node against SQLite and serves health, pages, assets and the API', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const app = start(folder, 'dist/main.js', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(folder, 'data'), SEED_DEMO: 'true', ADMIN_PASSWORD: 'Deploy-Test-Passwort-1' });
    try {
      await checkServing(`http://127.0.0.1:${port}`, app);
      expect(existsSync(join(folder, 'data/foederal.sqlite'))).toBe(true);
    } finally {
      await stop(app);
    }
  });

  const pg = backends[1]!;
  describe.skipIf(!pg.available)('on PostgreSQL', () => {
    let backend: Backend;
    afterAll(async () => {
      await backend?.dispose();
    });

    it('starts the app and a worker of the folder; the worker reads a queued model', { timeout: 180_000 }, async () => {
      backend = await pg.create();
      const databaseUrl = (backend.options as { databaseUrl: string }).databaseUrl;
      const port = await freePort();
      const env = { DATABASE_URL: databaseUrl, IN_PROCESS_WORKER: 'false' };
      const app = start(folder, 'dist/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', ADMIN_PASSWORD: 'Deploy-Test-Passwort-1' });
      const worker = start(folder, 'dist/worker.js', env);
      try {
        await checkServing(`http://127.0.0.1:${port}`, app);
        await until('worker ready', 60_000, async () => (worker.output().includes('worker ready') ? true : undefined), worker);
        const repo = await openRepository({ databaseUrl });
        const queue = await pgJobQueue(databaseUrl, { jobTimeoutSeconds: 900, log: createLogger('silent') });
        try {
          const doc = await storeModel(repo, { name: 'Schule', fileName: 'schule.ifc', bytes: new TextEncoder().encode(schoolIfc()), uploadedBy: 'Test', now: new Date() });
          await queue.send({ kind: 'analyse-model', modelId: doc.id });
          const done = await until('the deployed worker to read the model', 60_000, async () => {
            const m = (await repo.models.require(doc.id)).data;
            return m.state === 'reading' ? undefined : m;
          }, worker);
          expect(done.state).toBe('ready');
          expect(done.schema).toBe('IFC4');
          const page = await fetch(`http://127.0.0.1:${port}/gebaeudedaten/${doc.id}`, { headers: { accept: 'text/html' } });
          expect(page.status).toBe(200);
          expect(await page.text()).toContain('Schule');
        } finally {
          await queue.close();
          await repo.close();
        }
      } finally {
        await stop(worker);
        await stop(app);
      }
    });
  });
});
