#!/usr/bin/env node
// The `foederal` command. `--version` alone is answered before anything else is loaded (the cold
// start budget, ADR 0111). Ctrl-C (SIGINT) or SIGTERM abort the AbortSignal that every reader and
// HTTP call gets; a second Ctrl-C ends the process at once.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const [{ exitCodes }, { defaultIo, run }] = await Promise.all([import('./errors.js'), import('./program.js')]);
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
  const code = await run(args, defaultIo(controller.signal));
  process.exitCode = controller.signal.aborted ? exitCodes.interrupted : code;
}
