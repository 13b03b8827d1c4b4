// A worker process killed with SIGKILL in the middle of a 50 MB model: the job is handed to the
// next worker after the job timeout, finishes, and nothing is stored twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, type Backend } from '../../test/backends.js';
import { largeModel } from '../../test/large-model.js';
import { openRepository, type Repository } from '../db/repository.js';
import { school, schoolAreas } from '../demo/school-ifc.js';
import { schoolIds } from '../demo/school-ids.js';
import { processCheck, processModel, requestCheck, storeModel } from '../domain/models.js';
import { createLogger } from '../logger.js';
import type { JobQueue } from './jobs.js';
import { pgJobQueue, queueName } from './pg-queue.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const jobTimeoutSeconds = 10;

function startWorker(databaseUrl: string): ChildProcess {
  // The worker entry from source (tsx), exactly what `node dist/worker.js` runs once built.
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@foederal/source', 'src/worker.ts'], {
    cwd: appDir,
    // BASE_URL is Vite's ('/') inside Vitest: not the app's.
    env: { ...process.env, BASE_URL: '', DATABASE_URL: databaseUrl, JOB_TIMEOUT_SECONDS: String(jobTimeoutSeconds), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const pgFactory = backends[1]!;
describe.skipIf(!pgFactory.available)('model jobs on the PostgreSQL queue', () => {
  let backend: Backend;
  let repo: Repository;
  let queue: JobQueue;
  const workers: ChildProcess[] = [];
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await queue?.close();
    await repo?.close();
    await backend?.dispose();
  });

  it('finishes a 50 MB model whose worker was killed with SIGKILL mid-way, storing it once', { timeout: 240_000 }, async () => {
    backend = await pgFactory.create();
    const databaseUrl = (backend.options as { databaseUrl: string }).databaseUrl;
    repo = await openRepository(backend.options);
    queue = await pgJobQueue(databaseUrl, { jobTimeoutSeconds, log: createLogger('silent') });
    const bytes = largeModel(50 * 1024 * 1024);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const doc = await storeModel(repo, { name: 'Groß', fileName: 'gross.ifc', bytes, uploadedBy: 'Test', now: new Date() });
    await queue.send({ kind: 'analyse-model', modelId: doc.id });
    const state = async () => (await repo.models.require(doc.id)).data;

    const first = startWorker(databaseUrl);
    workers.push(first);
    // Kill as soon as the worker has stored some progress, i.e. while it is reading the model.
    const seen = await until('progress of the first worker', 120_000, async () => {
      if (first.exitCode !== null) throw new Error(`the first worker exited with ${first.exitCode}`);
      const m = await state();
      return m.progress > 0 || m.state !== 'reading' ? m : undefined;
    });
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = await state();
    expect(seen.state, 'the first worker finished before it could be killed').toBe('reading');
    expect(atKill.state).toBe('reading');
    expect(atKill.progress).toBeGreaterThan(0);
    expect(atKill.progress).toBeLessThan(100);

    const second = startWorker(databaseUrl);
    workers.push(second);
    const done = await until('the model to be read by the second worker', 180_000, async () => {
      if (second.exitCode !== null) throw new Error(`the second worker exited with ${second.exitCode}`);
      const m = await state();
      return m.state === 'reading' ? undefined : m;
    }, 200);
    expect(done.state).toBe('ready');
    expect(done.progress).toBe(100);
    expect(done.bytes).toBe(bytes.byteLength);
    expect(done.buildings[0]!.storeys.map((s) => s.spaces.length)).toEqual(school.storeys.map((s) => s.spaces.length));
    expect(done.areas.nrf).toBeCloseTo(Object.values(schoolAreas()).reduce((a, b) => a + b, 0), 2);

    // Stored once: one model document, one file, and the queue ran the job twice (one retry) to completion.
    expect(await repo.models.count()).toBe(1);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const files = await client.query<{ n: string }>(`select count(*) as n from files where id = $1`, [`model:${doc.id}`]);
      expect(Number(files.rows[0]!.n)).toBe(1);
      // On a slow machine the second run may also outlive the job timeout and run once more;
      // that run finds the model ready and completes the job without writing.
      const readyVersion = (await repo.models.require(doc.id)).version;
      const job = await until('the job to complete', 120_000, async () => {
        const jobs = await client.query<{ state: string; retry_count: number }>(`select state, retry_count from pgboss.job where name = $1`, [queueName]);
        expect(jobs.rows).toHaveLength(1);
        return jobs.rows[0]!.state === 'completed' ? jobs.rows[0]! : undefined;
      }, 200);
      expect(job.retry_count).toBeGreaterThanOrEqual(1);
      expect((await repo.models.require(doc.id)).version).toBe(readyVersion);
    } finally {
      await client.end();
    }

    // At least once means a job may run again: running it again changes nothing.
    const before = await repo.models.require(doc.id);
    await processModel(repo, doc.id);
    expect((await repo.models.require(doc.id)).version).toBe(before.version);

    // The same for an IDS check run twice (the second run finds it done): one entry, one report.
    const { checkId } = await requestCheck(repo, doc.id, schoolIds(), 'Demo', new Date());
    const [r1] = await Promise.all([processCheck(repo, doc.id, checkId)]);
    const r2 = await processCheck(repo, doc.id, checkId);
    expect(r1?.summary).toMatchObject({ specifications: 4, passed: 3, failed: 1 });
    expect(r2).toBeUndefined();
    const checks = ((await repo.models.require(doc.id)).data).checks;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: checkId, state: 'done', passed: false, summary: { specifications: 4, passed: 3, failed: 1 } });
    second.kill('SIGTERM');
    await once(second, 'exit');
  });
});
