import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config.js';
import type { StorageOptions } from '../db/repository.js';
import type { Logger } from '../logger.js';
import type { Job, JobQueue } from './jobs.js';
import { pgJobQueue } from './pg-queue.js';
import type { ThreadData } from './thread.js';

/** Start the jobs thread: the built `jobs-thread.js` next to this bundle, or the TypeScript source under tsx. */
function startThread(data: ThreadData, log: Logger): Promise<Worker> {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fromSource ? new URL('./thread-source.mjs', import.meta.url) : new URL('./jobs-thread.js', import.meta.url);
  const worker = new Worker(entry, { workerData: data, ...(fromSource ? { execArgv: ['--conditions=@foederal/source'] } : {}) });
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message === 'started') {
        worker.off('message', onMessage);
        resolve(worker);
      } else if (typeof message === 'object' && message !== null && 'error' in message) {
        reject(new Error(`jobs thread: ${String((message as { error: unknown }).error)}`));
        void worker.terminate();
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.on('error', (error) => log.error({ err: error }, 'jobs thread failed'));
  });
}

async function stopThread(worker: Worker, timeoutMs: number): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (m: unknown) => m === 'stopped' && resolve());
    worker.once('exit', () => resolve());
  });
  worker.postMessage('stop');
  const timer = setTimeout(() => void worker.terminate(), timeoutMs);
  await stopped;
  clearTimeout(timer);
  await worker.terminate();
}

/**
 * The app's job queue: pg-boss on PostgreSQL (jobs taken by `node dist/worker.js` processes and,
 * with `IN_PROCESS_WORKER=true`, by a worker thread of this process); on SQLite a worker thread
 * of this process that gets the jobs as messages.
 */
export async function openJobQueue(config: AppConfig, storage: StorageOptions, log: Logger): Promise<JobQueue> {
  const data: ThreadData = { storage, jobTimeoutSeconds: config.jobTimeoutSeconds, logLevel: config.logLevel };
  if ('databaseUrl' in storage) {
    const queue = await pgJobQueue(storage.databaseUrl, { jobTimeoutSeconds: config.jobTimeoutSeconds, log });
    const thread = config.inProcessWorker ? await startThread(data, log) : undefined;
    return {
      send: (job: Job) => queue.send(job),
      close: async () => {
        if (thread) await stopThread(thread, config.shutdownTimeoutMs);
        await queue.close();
      },
    };
  }
  const thread = await startThread(data, log);
  return {
    send: async (job: Job) => thread.postMessage(job),
    close: () => stopThread(thread, config.shutdownTimeoutMs),
  };
}
