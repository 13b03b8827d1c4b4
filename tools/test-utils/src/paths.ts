import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`pnpm-workspace.yaml not found above ${start}`);
    dir = parent;
  }
}

/** Root of this repository (the folder with `pnpm-workspace.yaml`). */
export const repoRoot: string = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** `../shared` beside the checkout; override with `FOEDERAL_SHARED_DIR`. */
export const sharedDir: string = process.env['FOEDERAL_SHARED_DIR']
  ? resolve(process.env['FOEDERAL_SHARED_DIR'])
  : resolve(repoRoot, '..', 'shared');

/** Third-party conformance corpora; read in place, never copied into the repository. */
export const corpusDir: string = join(sharedDir, 'corpus');
