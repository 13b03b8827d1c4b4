// Measures what a page downloads: each element entry bundled alone (with Lit and its share of
// the registry client) and the whole release bundle, minified by esbuild and gzipped with zlib
// (level 9). `--write` puts the table into README.md between the size markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleText } from './bundle.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  ['<foederal-recommendation-list>', 'src/recommendation-list.ts'],
  ['<foederal-recommendation>', 'src/recommendation.ts'],
  ['<foederal-consultation-form>', 'src/consultation-form.ts'],
  ['<foederal-contributions>', 'src/contributions.ts'],
  ['<foederal-roster>', 'src/roster.ts'],
  ['<foederal-vote-result>', 'src/vote-result.ts'],
  ['all elements (`dist/foederal-components.js`)', 'src/all.ts'],
];

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

export async function measure() {
  const rows = [];
  for (const [name, entry] of entries) {
    const text = await bundleText(entry);
    rows.push({ name, minified: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
  }
  return rows;
}

function table(rows) {
  return [
    '| element | minified | gzipped |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${kB(r.minified)} | ${kB(r.gzip)} |`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = table(await measure());
  console.log(text);
  if (process.argv.includes('--write')) {
    const readme = join(packageDir, 'README.md');
    const old = readFileSync(readme, 'utf8');
    const next = old.replace(/<!-- size:start -->[\s\S]*<!-- size:end -->/, `<!-- size:start -->\n${text}\n<!-- size:end -->`);
    if (next === old && !old.includes('<!-- size:start -->')) throw new Error('README.md has no size markers');
    writeFileSync(readme, next);
  }
}
