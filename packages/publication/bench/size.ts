// Bundle size of the client entries with all their dependencies (ky, zod/mini, the schemas of
// @foederal/recommendations and @foederal/membership): esbuild, browser, ESM, minified, then
// gzip level 9. `--check` fails when an entry exceeds its budget (what size-limit would do).
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const entries: { name: string; code: string; budgetKiB: number }[] = [
  { name: 'createRegistryClient', code: `export { createRegistryClient } from '@foederal/publication';`, budgetKiB: 35 },
  { name: 'registryContract + validateRequest (server side)', code: `export { registryContract, validateRequest, matchRoute } from '@foederal/publication';`, budgetKiB: 30 },
  { name: 'createOpenCodeClient', code: `export { createOpenCodeClient } from '@foederal/publication';`, budgetKiB: 25 },
  { name: 'createGovDataClient', code: `export { createGovDataClient } from '@foederal/publication';`, budgetKiB: 18 },
  { name: 'ky alone (peer reference)', code: `export { default } from 'ky';`, budgetKiB: 6 },
];

async function measure(code: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@foederal/source'],
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

const check = process.argv.includes('--check');
const kib = (n: number): string => (n / 1024).toFixed(1);
let over = false;
console.log('entry | minified KiB | gzip KiB | budget KiB (gzip)');
console.log('--- | ---: | ---: | ---:');
for (const entry of entries) {
  const { raw, gzip } = await measure(entry.code);
  const fails = gzip > entry.budgetKiB * 1024;
  over ||= fails;
  console.log(`${entry.name} | ${kib(raw)} | ${kib(gzip)} | ${entry.budgetKiB}${fails ? ' (over)' : ''}`);
}
if (check && over) {
  console.error('Bundle budget exceeded / Größenbudget überschritten');
  process.exit(1);
}
