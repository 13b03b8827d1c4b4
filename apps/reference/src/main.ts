import { loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { seedDemo } from './demo/seed.js';
import { startServer } from './server.js';

// Entry point of `pnpm start`: configuration from the environment, demo data on first start,
// graceful shutdown on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(AppError.isInstance(error) ? error.message : error);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const server = await startServer({ config, log, ...(config.seedDemo ? { prepare: async (ctx) => void (await seedDemo(ctx)) } : {}) });
  const stop = (signal: string) => {
    log.info({ signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
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
