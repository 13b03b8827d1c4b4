// Measures what a page downloads: each element entry bundled alone (with Lit and its share of
// the registry client) and the whole release bundle, minified by esbuild and gzipped with zlib
// (level 9). `--write` puts the table into README.md between the size markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleText } from './bundle.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['shared base: Lit, registry client, styles, locales', 'src/base.ts'];
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

async function sizeOf(entry) {
  const text = await bundleText(entry);
  return { minified: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

export async function measure() {
  const base = { name: shared[0], ...(await sizeOf(shared[1])) };
  const rows = [];
  for (const [name, entry] of entries) rows.push({ name, ...(await sizeOf(entry)) });
  return { base, rows };
}

function table({ base, rows }) {
  const code = (name) => (name.startsWith('<') ? `\`${name}\`` : name);
  return [
    '| bundle | minified | gzipped | gzipped beyond the shared base |',
    '| --- | ---: | ---: | ---: |',
    `| ${base.name} | ${kB(base.minified)} | ${kB(base.gzip)} | – |`,
    ...rows.map((r) => `| ${code(r.name)} | ${kB(r.minified)} | ${kB(r.gzip)} | ${kB(r.gzip - base.gzip)} |`),
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
