import { prepareAccounts } from './auth/bootstrap.js';
import { assertSafeToListen, loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

// Entry point of `pnpm start`: configuration from the environment (and `--demo`), the start
// check, accounts and demo data on first start, graceful shutdown on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
    assertSafeToListen(config);
  } catch (error) {
    console.error(AppError.isInstance(error) ? error.message : error);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const server = await startServer({ config, log, prepare: async (ctx) => void (await prepareAccounts(ctx)) });
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
