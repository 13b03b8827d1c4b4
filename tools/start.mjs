#!/usr/bin/env node
// `pnpm start`: builds what the reference app needs and starts it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const app = new URL('../apps/reference/package.json', import.meta.url);
if (!existsSync(app)) {
  console.log('Die Referenzanwendung (apps/reference) gibt es noch nicht. / The reference app (apps/reference) does not exist yet.');
  process.exit(0);
}
const run = (args) => {
  const result = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['turbo', 'run', 'build', '--filter=@foederal/reference...', '--output-logs=errors-only']);
run(['--filter', '@foederal/reference', 'start']);
