// Read path bench: the app (`node dist/main.js`) and a bare Hono route serving the same bytes,
// both child processes, driven in alternation by wrk in its own process; and the catalogue read
// p99 while 50 MB models are analysed by a `node dist/worker.js` process.
import { openRepository } from '../src/db/repository.js';
import { storeModel, type ModelSummary } from '../src/domain/models.js';
import { pgJobQueue } from '../src/jobs/pg-queue.js';
import { createLogger } from '../src/logger.js';
import { largeModel } from '../test/large-model.js';
import { median, startBare, wrk, type Child, type Load } from './lib.js';

export const readPaths = { list: '/api/v1/recommendations', one: '/api/v1/recommendations/wartung-2026' } as const;

const dropHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Ratios app/bare for the list and one record: `rounds` alternating wrk runs of `seconds` each, medians. */
export async function readRatios(app: Child, label: string, seconds: number, rounds: number): Promise<Record<keyof typeof readPaths, { app: Load; bare: Load; ratio: number }>> {
  const routes: Record<string, { body: Uint8Array; headers: Record<string, string> }> = {};
  for (const [name, path] of Object.entries(readPaths)) {
    const res = await fetch(`${app.url}${path}`);
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!dropHeaders.has(k)) headers[k] = v;
    });
    routes[`/${name}`] = { body: new Uint8Array(await res.arrayBuffer()), headers };
  }
  const bare = await startBare(routes);
  const out = {} as Record<keyof typeof readPaths, { app: Load; bare: Load; ratio: number }>;
  try {
    console.log(`\n${label}: ${rounds} alternating rounds of ${seconds} s per route and server, wrk -t2 -c20 (medians)`);
    console.log('route                                   app req/s   app p99  bare req/s  bare p99   ratio  errors');
    for (const [name, path] of Object.entries(readPaths) as Array<[keyof typeof readPaths, string]>) {
      await wrk(`${app.url}${path}`, 1);
      await wrk(`${bare.url}/${name}`, 1);
      const a: Load[] = [];
      const b: Load[] = [];
      for (let r = 0; r < rounds; r++) {
        a.push(await wrk(`${app.url}${path}`, seconds));
        b.push(await wrk(`${bare.url}/${name}`, seconds));
      }
      const pick = (runs: Load[]): Load => ({
        rps: median(runs.map((x) => x.rps)),
        p99: median(runs.map((x) => x.p99)),
        requests: runs.reduce((s, x) => s + x.requests, 0),
        errors: runs.reduce((s, x) => s + x.errors, 0),
      });
      const appLoad = pick(a);
      const bareLoad = pick(b);
      const ratio = appLoad.rps / bareLoad.rps;
      out[name] = { app: appLoad, bare: bareLoad, ratio };
      console.log(
        `${`GET ${path}`.padEnd(38)} ${appLoad.rps.toFixed(0).padStart(10)} ${`${appLoad.p99.toFixed(1)} ms`.padStart(9)} ${bareLoad.rps.toFixed(0).padStart(11)} ${`${bareLoad.p99.toFixed(1)} ms`.padStart(9)} ${ratio.toFixed(2).padStart(7)} ${String(appLoad.errors + bareLoad.errors).padStart(7)}`,
      );
    }
  } finally {
    await bare.stop();
  }
  return out;
}

/**
 * Catalogue list p99 idle, then while a worker process analyses 50 MB models queued back to back
 * (the app instance only answers requests). Prints both and their ratio, and whether the worker
 * was busy for the whole measurement.
 */
export async function p99UnderAnalysis(app: Child, databaseUrl: string, seconds: number, models = 4): Promise<{ idle: Load; busy: Load; ratio: number; covered: boolean }> {
  const url = `${app.url}${readPaths.list}`;
  await wrk(url, 1);
  const idle = await wrk(url, seconds);
  const repo = await openRepository({ databaseUrl });
  const queue = await pgJobQueue(databaseUrl, { jobTimeoutSeconds: 900, log: createLogger('silent') });
  try {
    const bytes = largeModel(50 * 1024 * 1024);
    const ids: string[] = [];
    for (let i = 0; i < models; i++) {
      const doc = await storeModel(repo, { name: `Bench ${i}`, fileName: `bench-${i}.ifc`, bytes, uploadedBy: 'bench', now: new Date() });
      ids.push(doc.id);
    }
    const state = async (id: string) => ((await repo.models.require(id)).data as ModelSummary);
    for (const id of ids) await queue.send({ kind: 'analyse-model', modelId: id });
    // Start measuring once the first model is being read.
    const startDeadline = Date.now() + 60_000;
    while ((await state(ids[0] as string)).progress === 0 && Date.now() < startDeadline) await new Promise((r) => setTimeout(r, 20));
    const busy = await wrk(url, seconds);
    const lastState = await state(ids.at(-1) as string);
    const covered = lastState.state === 'reading';
    const doneDeadline = Date.now() + 300_000;
    while (Date.now() < doneDeadline && (await Promise.all(ids.map(state))).some((m) => m.state === 'reading')) await new Promise((r) => setTimeout(r, 200));
    const finals = await Promise.all(ids.map(state));
    const ratio = busy.p99 / idle.p99;
    console.log(`\nCatalogue list p99 while a worker process analyses ${models} queued 50 MB models (PostgreSQL, ${seconds} s each, wrk -t2 -c20)`);
    console.log(`idle: ${idle.rps.toFixed(0)} req/s, p99 ${idle.p99.toFixed(1)} ms; during analysis: ${busy.rps.toFixed(0)} req/s, p99 ${busy.p99.toFixed(1)} ms; ratio ${ratio.toFixed(2)} (target <= 1.5)`);
    console.log(`worker busy for the whole measurement: ${covered ? 'yes' : 'no (the models were read faster than the measurement; raise the count)'}; models ready: ${finals.filter((m) => m.state === 'ready').length}/${models}; errors ${idle.errors + busy.errors}`);
    return { idle, busy, ratio, covered };
  } finally {
    await queue.close();
    await repo.close();
  }
}
