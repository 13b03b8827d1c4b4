#!/usr/bin/env node
// The `foederal` command. Ctrl-C (SIGINT) or SIGTERM abort the AbortSignal that every reader and
// HTTP call gets; a second Ctrl-C ends the process at once.
import { exitCodes } from './errors.js';
import { defaultIo, run } from './program.js';

const controller = new AbortController();
let signals = 0;
const stop = (): void => {
  signals += 1;
  if (signals > 1) process.exit(exitCodes.interrupted);
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// `foederal … | head`: a closed pipe ends the output quietly
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await run(process.argv.slice(2), defaultIo(controller.signal));
process.exitCode = controller.signal.aborted ? exitCodes.interrupted : code;
