#!/usr/bin/env node
// After `pnpm run docs`: fails unless the API reference links every published package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const index = join(root, 'docs', 'api', 'modules.html');
if (!existsSync(index)) {
  console.error(`API-Referenz fehlt / API reference missing: ${index}`);
  process.exit(1);
}
const html = readFileSync(index, 'utf8');
const missing = [];
let count = 0;
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (pkg.private) continue;
  count += 1;
  if (!html.includes(`>${pkg.name}<`) && !html.includes(`${pkg.name}</`)) missing.push(pkg.name);
}
if (missing.length > 0) {
  console.error(`Nicht in der API-Referenz / not in the API reference: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`docs: API reference links all ${count} published packages`);
