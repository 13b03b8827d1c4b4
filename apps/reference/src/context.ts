import type { ReadCache } from './cache/read-cache.js';
import type { AppConfig } from './config.js';
import type { Repository } from './db/repository.js';
import type { JobQueue } from './jobs/jobs.js';
import type { Logger } from './logger.js';

/** What every route handler needs, created once per process by `startServer`. */
export interface AppContext {
  readonly config: AppConfig;
  readonly repo: Repository;
  readonly log: Logger;
  /** Public base URL without trailing slash (feeds, DCAT, OParl ids). */
  baseUrl: string;
  /** False while starting and once shutdown has begun: `/ready` answers 503. */
  ready: boolean;
  /** Background work (reading uploaded models) that shutdown waits for. */
  readonly tasks: Set<Promise<unknown>>;
  /** Serialised public catalogue reads (ADR 0140). */
  readonly readCache: ReadCache;
  /** Where model analyses and IDS checks go (ADR 0141). */
  readonly jobs: JobQueue;
  /** Clock, replaceable in tests. */
  readonly now: () => Date;
}
