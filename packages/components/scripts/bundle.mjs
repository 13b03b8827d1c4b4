// Builds the self-contained release bundle dist/foederal-components.js: every element, Lit, the
// registry client and its dependencies in one ES module for a <script type="module"> tag. Workspace
// packages are bundled from their sources (the @foederal/source condition), so no build of them is
// needed first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(packageDir, 'dist/foederal-components.js');

/** esbuild options for one entry (default: all elements), minified, for current browsers. */
export function bundleOptions(entry = 'src/all.ts') {
  return {
    absWorkingDir: packageDir,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
    conditions: ['@foederal/source', 'browser', 'import'],
    minify: true,
    legalComments: 'eof',
    sourcemap: false,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
}

/** The bundle's code as text. */
export async function bundleText(entry) {
  const result = await build(bundleOptions(entry));
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry ?? 'src/all.ts'}`);
  return file.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await bundleText();
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, text);
  console.log(`wrote ${bundlePath} (${text.length} bytes)`);
}
