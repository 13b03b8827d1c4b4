// Soak: mixed traffic against two app instances and one worker process on one PostgreSQL
// database — catalogue reads on both instances, public contributions, a 50 MB model queued every
// minute — for SOAK_SECONDS (default 1800 = 30 minutes). Reports throughput, p99, errors and the
// memory (RSS) growth of each instance between the first sample after warm-up and the last.
// The load runs in this process; app and worker are child processes (`node dist/…`, build first).
// Run: SOAK_SECONDS=180 pnpm --filter @foederal/reference exec tsx --conditions=@foederal/source bench/soak.ts
import { readFileSync } from 'node:fs';
import { openRepository } from '../src/db/repository.js';
import { storeModel, type ModelSummary } from '../src/domain/models.js';
import { pgJobQueue } from '../src/jobs/pg-queue.js';
import { createLogger } from '../src/logger.js';
import { largeModel } from '../test/large-model.js';
import { freshPostgres, startAppProcess, startWorkerProcess } from './lib.js';

const seconds = Number(process.env['SOAK_SECONDS'] ?? 1800);
const users = Number(process.env['SOAK_USERS'] ?? 16);
const warmupSeconds = Math.min(30, Math.floor(seconds / 6));

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const db = await freshPostgres('foederal_soak');
if (!db) {
  console.log('PostgreSQL not reachable: soak skipped');
  process.exit(0);
}
const env = { DATABASE_URL: db.url, IN_PROCESS_WORKER: 'false' };
const a = await startAppProcess(env);
const b = await startAppProcess({ ...env, SEED_DEMO: 'false' });
const worker = startWorkerProcess(env);
const repo = await openRepository({ databaseUrl: db.url });
const queue = await pgJobQueue(db.url, { jobTimeoutSeconds: 900, log: createLogger('silent') });
const model = largeModel(50 * 1024 * 1024);
const latencies: number[] = [];
const errors: string[] = [];
const counts = { reads: 0, contributions: 0, models: 0 };
const memory = new Map<string, number[]>([['instance A', []], ['instance B', []], ['worker', []]]);
const started = Date.now();
const end = started + seconds * 1000;
console.log(`soak on Node ${process.version}: ${seconds} s, ${users} users, two instances + one worker on PostgreSQL`);

const reads = ['/api/v1/recommendations', '/api/v1/recommendations/wartung-2026', '/feed.atom', '/catalog.jsonld', '/', '/gebaeudedaten'];
async function user(i: number): Promise<void> {
  for (let n = 0; Date.now() < end; n++) {
    const base = (i + n) % 2 === 0 ? a.url : b.url;
    const t0 = performance.now();
    try {
      let res: Response;
      if (n % 10 === 9) {
        counts.contributions++;
        res = await fetch(`${base}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ anchor: { section: '1' }, text: { de: `Soak-Beitrag ${i}-${n}` }, author: { kind: 'anonymous' } }),
        });
      } else {
        counts.reads++;
        res = await fetch(`${base}${reads[n % reads.length]}`, { headers: { accept: 'text/html' } });
      }
      await res.arrayBuffer();
      if (res.status >= 400) errors.push(`${res.status} ${res.url}`);
    } catch (error) {
      errors.push(String(error));
    }
    latencies.push(performance.now() - t0);
  }
}

const modelIds: string[] = [];
const uploads = (async () => {
  while (Date.now() < end) {
    const doc = await storeModel(repo, { name: `Soak ${modelIds.length}`, fileName: 'soak.ifc', bytes: model, uploadedBy: 'soak', now: new Date() });
    await queue.send({ kind: 'analyse-model', modelId: doc.id });
    modelIds.push(doc.id);
    counts.models++;
    const wait = Math.min(60_000, end - Date.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
})();
const sampler = setInterval(() => {
  if (Date.now() - started < warmupSeconds * 1000) return;
  for (const [name, child] of [['instance A', a], ['instance B', b], ['worker', worker]] as const) {
    if (child.process.pid) memory.get(name)!.push(rss(child.process.pid));
  }
}, 5000);

await Promise.all([...Array.from({ length: users }, (_, i) => user(i)), uploads]);
clearInterval(sampler);
const settle = Date.now() + 120_000;
while (Date.now() < settle && (await Promise.all(modelIds.map(async (id) => ((await repo.models.require(id)).data as ModelSummary).state))).includes('reading')) {
  await new Promise((r) => setTimeout(r, 500));
}
const states = await Promise.all(modelIds.map(async (id) => ((await repo.models.require(id)).data as ModelSummary).state));
latencies.sort((x, y) => x - y);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
console.log(`requests: ${latencies.length} (${counts.reads} reads, ${counts.contributions} contributions) in ${seconds} s = ${(latencies.length / seconds).toFixed(0)} req/s; p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`);
console.log(`errors: ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join('; ')})` : ''}`);
console.log(`models queued: ${counts.models}, ready: ${states.filter((s) => s === 'ready').length}, failed: ${states.filter((s) => s === 'failed').length}`);
for (const [name, samples] of memory) {
  if (samples.length < 2) continue;
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const peak = Math.max(...samples);
  console.log(`${name.padEnd(11)} RSS after warm-up ${(first / 1e6).toFixed(0)} MB, at the end ${(last / 1e6).toFixed(0)} MB (growth ${(((last - first) / first) * 100).toFixed(1)} %), peak ${(peak / 1e6).toFixed(0)} MB`);
}
await queue.close();
await repo.close();
await worker.stop();
await b.stop();
await a.stop();
await db.drop();
