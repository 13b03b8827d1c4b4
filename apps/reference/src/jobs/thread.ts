// Entry of the worker thread the app starts in its own process (IN_PROCESS_WORKER=true, always on
// SQLite): runs the model jobs off the event loop that answers requests.
import { parentPort, workerData } from 'node:worker_threads';
import { openRepository, type Repository, type StorageOptions } from '../db/repository.js';
import { pendingModelJobs } from '../domain/models.js';
import { createLogger, type Logger } from '../logger.js';
import { parseJob, retryPolicy, runJob, settleDeadJob, type Job } from './jobs.js';
import { openBoss, workPgQueue } from './pg-queue.js';
import { lowerPriority } from './priority.js';

/** What the app hands the thread. */
export interface ThreadData {
  readonly storage: StorageOptions;
  readonly jobTimeoutSeconds: number;
  readonly logLevel: Parameters<typeof createLogger>[0];
}

const keyOf = (job: Job) => (job.kind === 'analyse-model' ? `a:${job.modelId}` : job.kind === 'check-trends' ? `t:${job.modelId}/${job.runId}` : `c:${job.modelId}/${job.checkId}`);

/**
 * The queue on SQLite: jobs arrive as messages; the stored documents are the durable part (a
 * model still `reading`, a check still `queued` is queued again when the app starts). Retries
 * with exponential back-off, then the failure is recorded on the model (the dead letter).
 */
function sqliteWorker(repo: Repository, log: Logger): { add(job: Job): void; idle(): Promise<void>; stop(): void } {
  const pending: Job[] = [];
  const known = new Set<string>();
  let running: Promise<void> | undefined;
  let stopped = false;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const loop = async () => {
    while (!stopped && pending.length > 0) {
      const job = pending.shift() as Job;
      for (let attempt = 0; !stopped; attempt++) {
        try {
          await runJob(repo, job);
          break;
        } catch (error) {
          if (attempt >= retryPolicy.retryLimit) {
            log.error({ job, err: error }, 'job failed for good (dead letter)');
            await settleDeadJob(repo, job, error instanceof Error ? error.message : String(error)).catch((e: unknown) => log.error({ err: e }, 'recording the failure failed'));
            break;
          }
          log.warn({ job, err: error, attempt: attempt + 1 }, 'job failed, will be retried');
          await sleep(retryPolicy.retryDelaySeconds * 1000 * 2 ** attempt);
        }
      }
      known.delete(keyOf(job));
    }
    running = undefined;
  };
  return {
    add(job) {
      if (stopped || known.has(keyOf(job))) return;
      known.add(keyOf(job));
      pending.push(job);
      running ??= loop();
    },
    idle: async () => {
      while (running) await running;
    },
    stop() {
      stopped = true;
    },
  };
}

async function main(): Promise<void> {
  const data = workerData as ThreadData;
  const port = parentPort;
  if (!port) throw new Error('jobs thread started outside a worker');
  const log = createLogger(data.logLevel).child({ worker: 'thread' });
  lowerPriority(log);
  const repo = await openRepository(data.storage);
  if ('databaseUrl' in data.storage) {
    const boss = await openBoss(data.storage.databaseUrl, { jobTimeoutSeconds: data.jobTimeoutSeconds, supervise: true, log });
    await workPgQueue(boss, repo, log);
    port.on('message', (message: unknown) => {
      if (message !== 'stop') return;
      void boss
        .stop({ graceful: true, wait: true, timeout: 5000 })
        .finally(() => repo.close())
        .finally(() => port.postMessage('stopped'));
    });
    port.postMessage('started');
    return;
  }
  const worker = sqliteWorker(repo, log);
  port.on('message', (message: unknown) => {
    if (message === 'stop') {
      worker.stop();
      void worker
        .idle()
        .finally(() => repo.close())
        .finally(() => port.postMessage('stopped'));
      return;
    }
    const job = parseJob(message);
    if (job) worker.add(job);
  });
  // Durable part: whatever was queued before the last stop is queued again.
  for (const job of await pendingModelJobs(repo)) worker.add(job);
  port.postMessage('started');
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
});
