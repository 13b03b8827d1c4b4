// Writes our own IDS + IFC case pairs (test/case-definitions.ts) to test/cases/ with a manifest.
// Run after changing the definitions: pnpm --filter @foederal/ids generate:cases
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCases } from '../test/case-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'cases');
for (const dir of ['entity', 'attribute', 'property', 'classification', 'material', 'partof', 'restriction', 'tolerance', 'units', 'ifcversion', 'cardinality']) {
  rmSync(join(root, dir), { recursive: true, force: true });
}
const files = renderCases();
for (const [path, text] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`${files.size} files written to ${root}`);
