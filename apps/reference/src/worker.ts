import { loadConfig } from './config.js';
import { openRepository } from './db/repository.js';
import { AppError } from './errors.js';
import { openBoss, workPgQueue } from './jobs/pg-queue.js';
import { lowerPriority } from './jobs/priority.js';
import { createLogger } from './logger.js';

// Entry of `node dist/worker.js`: takes model jobs (IFC analysis, IDS checks) from the queue on
// the PostgreSQL database of DATABASE_URL, on this or any other machine. Stops on SIGTERM/SIGINT
// after the running job (up to SHUTDOWN_TIMEOUT_MS); a job cut off is retried after JOB_TIMEOUT_SECONDS.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(AppError.isInstance(error) ? error.message : error);
    process.exit(2);
  }
  if (!config.databaseUrl) {
    console.error('DATABASE_URL fehlt: der Worker braucht PostgreSQL (mit SQLite liest die App selbst in einem Worker-Thread) / DATABASE_URL missing: the worker needs PostgreSQL (with SQLite the app runs jobs in a worker thread)');
    process.exit(2);
  }
  const log = createLogger(config.logLevel).child({ worker: process.pid });
  lowerPriority(log);
  const repo = await openRepository({ databaseUrl: config.databaseUrl });
  const boss = await openBoss(config.databaseUrl, { jobTimeoutSeconds: config.jobTimeoutSeconds, supervise: true, log });
  await workPgQueue(boss, repo, log);
  log.info({ jobTimeoutSeconds: config.jobTimeoutSeconds }, 'worker ready');
  const stop = (signal: string) => {
    log.info({ signal }, 'worker stopping');
    boss
      .stop({ graceful: true, wait: true, timeout: config.shutdownTimeoutMs })
      .then(() => repo.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
