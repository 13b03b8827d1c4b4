import PgBoss from 'pg-boss';
import type { Repository } from '../db/repository.js';
import type { Logger } from '../logger.js';
import { parseJob, retryPolicy, runJob, settleDeadJob, type JobQueue } from './jobs.js';

/** The queue of model jobs and its dead letter (pg-boss tables in the schema `pgboss`). */
export const queueName = 'foederal-model-jobs';
export const deadLetterName = 'foederal-model-jobs-failed';

/** Options of {@link openBoss}. */
export interface BossOptions {
  /** How long a job may stay active before it counts as lost and is retried. */
  readonly jobTimeoutSeconds: number;
  /** Run pg-boss maintenance (expire lost jobs, retry, archive): workers do, senders need not. */
  readonly supervise: boolean;
  readonly log: Logger;
}

/**
 * Start pg-boss on the app's database and create (or update) the queue and its dead letter:
 * retries with exponential back-off, expiry of jobs whose worker died, then the dead letter.
 */
export async function openBoss(databaseUrl: string, options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 3,
    supervise: options.supervise,
    schedule: false,
    // Lost jobs are found by maintenance: run it a few times per job timeout.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.ceil(options.jobTimeoutSeconds / 4))),
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  await boss.start();
  // Several instances start at once: creating the queue's partition can deadlock with another
  // instance doing the same, so a queue that exists is left alone and a deadlock is retried.
  const ensure = async (name: string, options: Omit<PgBoss.Queue, 'name'>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const existing = await boss.getQueue(name);
        if (!existing) await boss.createQueue(name, { name, ...options });
        else if (existing.expireInSeconds !== options.expireInSeconds || existing.retryLimit !== options.retryLimit) await boss.updateQueue(name, { name, ...options });
        return;
      } catch (error) {
        if (attempt >= 5 || (error as { code?: unknown }).code !== '40P01') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
  };
  await ensure(deadLetterName, {});
  const queue = {
    retryLimit: retryPolicy.retryLimit,
    retryDelay: retryPolicy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: options.jobTimeoutSeconds,
    deadLetter: deadLetterName,
  };
  await ensure(queueName, queue);
  return boss;
}

/** The sending side on PostgreSQL (app instances). */
export async function pgJobQueue(databaseUrl: string, options: Omit<BossOptions, 'supervise'>): Promise<JobQueue> {
  const boss = await openBoss(databaseUrl, { ...options, supervise: false });
  return {
    send: async (job) => {
      await boss.send(queueName, job);
    },
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}

/**
 * Take jobs from the queue one at a time and run them; the dead letter's jobs record the final
 * failure on the model. A worker that dies leaves its job active until the job timeout, then
 * maintenance hands it to the next worker.
 */
export async function workPgQueue(boss: PgBoss, repo: Repository, log: Logger): Promise<void> {
  await boss.work(queueName, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
    if (!job) return;
    const parsed = parseJob(job.data);
    if (!parsed) {
      log.warn({ id: job.id }, 'job refused: unknown payload');
      return;
    }
    const started = performance.now();
    log.info({ id: job.id, job: parsed, attempt: job.retryCount + 1 }, 'job started');
    try {
      await runJob(repo, parsed);
    } catch (error) {
      log.warn({ id: job.id, err: error, attempt: job.retryCount + 1, retryLimit: job.retryLimit }, 'job failed, will be retried');
      throw error;
    }
    log.info({ id: job.id, ms: Math.round(performance.now() - started) }, 'job done');
  });
  await boss.work(deadLetterName, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    const parsed = job && parseJob(job.data);
    if (!parsed) return;
    log.error({ id: job.id, job: parsed }, 'job failed for good (dead letter)');
    await settleDeadJob(repo, parsed, 'Wiederholungen erschöpft / retries used up');
  });
}
