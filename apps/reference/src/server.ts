import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Env, Routes } from './web/routing.js';
import { createApp } from './app.js';
import { openGenerationStore, ReadCache } from './cache/read-cache.js';
import type { AppConfig } from './config.js';
import type { AppContext } from './context.js';
import { openRepository, type Repository, type StorageOptions } from './db/repository.js';
import { openJobQueue } from './jobs/queue.js';
import { createLogger, type Logger } from './logger.js';

/** A listening app instance. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly app: Hono<Env>;
  /** Every registered route with its least role (the authorisation matrix walks it). */
  readonly routes: Routes;
  readonly ctx: AppContext;
  /** Stop accepting connections, finish running requests (up to the shutdown timeout), close storage. */
  close(): Promise<void>;
}

/** Options of {@link startServer}; everything but `config` has a default. */
export interface StartOptions {
  readonly config: AppConfig;
  readonly log?: Logger;
  /** An already opened repository (shared by tests); opened from the config otherwise. */
  readonly repo?: Repository;
  /** Runs after migrations and listen, before `/ready` says yes (demo data). */
  readonly prepare?: (ctx: AppContext) => Promise<void>;
  readonly now?: () => Date;
}

/**
 * Open storage (running migrations), prepare, listen, and return a handle for graceful shutdown.
 *
 * @example
 * const server = await startServer({ config: loadConfig({ PORT: '0' }) });
 * await fetch(`${server.url}/ready`);
 * await server.close();
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const storage: StorageOptions = config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: `${config.dataDir}/foederal.sqlite` };
  const repo = options.repo ?? (await openRepository(storage));
  const readCache = new ReadCache(openGenerationStore(storage), { ttlMs: config.readCacheTtlMs });
  const jobs = await openJobQueue(config, storage, log);
  const ctx: AppContext = {
    config,
    repo,
    log,
    baseUrl: config.baseUrl ?? `http://localhost:${config.port}`,
    ready: false,
    tasks: new Set(),
    readCache,
    jobs,
    now: options.now ?? (() => new Date()),
  };
  const { app, routes } = createApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (!config.baseUrl) ctx.baseUrl = `http://localhost:${port}`;
  // Demo data needs the base URL (links in feeds and documents), so it runs after listen;
  // `/ready` answers 503 until it is done.
  try {
    if (options.prepare) await options.prepare(ctx);
  } catch (error) {
    server.close();
    await jobs.close();
    await readCache.close();
    if (!options.repo) await repo.close();
    throw error;
  }
  readCache.expire();
  ctx.ready = true;
  log.info({ url: ctx.baseUrl, database: repo.dialect }, 'listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      ctx.ready = false;
      log.info('shutting down: finishing running requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(timer);
      await Promise.allSettled([...ctx.tasks]);
      await jobs.close();
      await readCache.close();
      if (!options.repo) await repo.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url, port, app, routes, ctx, close };
}
