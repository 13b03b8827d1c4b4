import type { Repository } from '../db/repository.js';
import { failCheck, failModel, processCheck, processModel } from '../domain/models.js';

/** The heavy work of the app, done by workers: read an uploaded IFC model, check a model against an IDS. */
export type Job =
  | { readonly kind: 'analyse-model'; readonly modelId: string }
  | { readonly kind: 'check-model'; readonly modelId: string; readonly checkId: string }
  | { readonly kind: 'check-trends'; readonly modelId: string; readonly runId: string };

/** Where the app puts jobs; a worker (thread or `node dist/worker.js`) takes them. */
export interface JobQueue {
  /** Queue a job. Delivery is at least once: every handler is idempotent. */
  send(job: Job): Promise<void>;
  close(): Promise<void>;
}

/** Retries of a job whose handler threw (storage unreachable, worker died), with exponential back-off from `retryDelaySeconds`. */
export const retryPolicy = { retryLimit: 4, retryDelaySeconds: 5 } as const;

/** Parse a job from the queue (hostile payloads are refused, never run). */
export function parseJob(data: unknown): Job | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const id = (v: unknown) => typeof v === 'string' && /^[\w-]{1,100}$/.test(v);
  if (d['kind'] === 'analyse-model' && id(d['modelId'])) return { kind: 'analyse-model', modelId: d['modelId'] as string };
  if (d['kind'] === 'check-model' && id(d['modelId']) && id(d['checkId'])) return { kind: 'check-model', modelId: d['modelId'] as string, checkId: d['checkId'] as string };
  if (d['kind'] === 'check-trends' && id(d['modelId']) && id(d['runId'])) return { kind: 'check-trends', modelId: d['modelId'] as string, runId: d['runId'] as string };
  return undefined;
}

/** Run one job. Throws on errors worth a retry; bad input ends as a stored failure. */
export async function runJob(repo: Repository, job: Job): Promise<void> {
  if (job.kind === 'analyse-model') await processModel(repo, job.modelId);
  // The operation package (and its demo generator) is loaded only when a trend check comes.
  else if (job.kind === 'check-trends') await (await import('../domain/operation.js')).processTrendCheck(repo, job.modelId, job.runId);
  else await processCheck(repo, job.modelId, job.checkId);
}

/** A job whose retries are used up (the dead letter): record the failure where the user sees it. */
export async function settleDeadJob(repo: Repository, job: Job, reason: string): Promise<void> {
  const message = `Verarbeitung fehlgeschlagen / processing failed: ${reason}`.slice(0, 500);
  if (job.kind === 'analyse-model') await failModel(repo, job.modelId, message);
  else if (job.kind === 'check-trends') await (await import('../domain/operation.js')).failTrendCheck(repo, job.modelId, job.runId, message);
  else await failCheck(repo, job.modelId, job.checkId, message);
}
