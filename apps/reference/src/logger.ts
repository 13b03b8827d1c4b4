import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs (pino) on stdout.
 *
 * @example
 * const log = createLogger('info');
 * log.info({ port: 3000 }, 'listening');
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, base: { app: 'foederal-reference' }, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    destination ?? process.stdout,
  );
}

export type { Logger };
