// Files per second: parsePubliccode (offline, no file or network checks) against the
// do-it-yourself alternative, `yaml` parse plus `ajv` on the shipped JSON Schema, and against
// `yaml` parse alone. Input: the YAML files of the shared publiccode corpus (read in place) or,
// without it, the test fixture. Each case runs for BENCH_SECONDS (default 1) per round, BENCH_ROUNDS
// (default 5) rounds interleaved; the best round of each counts (the machine is shared).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@foederal/test-utils';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse, stringify } from 'yaml';
import { parsePubliccode } from '../src/index.js';
import { baseDocument } from '../test/fixtures.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const dir = join(corpusDir, 'publiccode');

function yamlFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (name.endsWith('.yml')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

const texts = existsSync(dir) ? yamlFiles(dir) : [stringify(baseDocument())];
const source = existsSync(dir) ? `${texts.length} files of the shared publiccode corpus` : 'the test fixture (corpus missing)';
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const schema = JSON.parse(readFileSync(new URL('../schemas/publiccode.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

type Case = { name: string; run: (text: string) => unknown };
const cases: Case[] = [
  { name: '@foederal/publiccode', run: (text) => parsePubliccode(text) },
  {
    name: 'yaml + ajv',
    run: (text) => {
      try {
        return validate(parse(text, { uniqueKeys: true, maxAliasCount: 100 }));
      } catch {
        return false;
      }
    },
  },
  {
    name: 'yaml parse only',
    run: (text) => {
      try {
        return parse(text, { uniqueKeys: true, maxAliasCount: 100 });
      } catch {
        return undefined;
      }
    },
  },
];

async function round(c: Case): Promise<number> {
  let files = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const text of texts) {
      await c.run(text);
      files += 1;
    }
  }
  return files / ((performance.now() - start) / 1000);
}

const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) best.set(c.name, Math.max(best.get(c.name) ?? 0, await round(c)));
}
const ours = best.get('@foederal/publiccode') as number;
const diy = best.get('yaml + ajv') as number;
const yamlOnly = best.get('yaml parse only') as number;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`publiccode bench: ${source}, ${(bytes / texts.length / 1024).toFixed(1)} KiB per file on average`);
for (const [name, rate] of best) console.log(`  ${name.padEnd(22)} ${fmt(rate).padStart(8)} files/s`);
console.log(`  ratio @foederal/publiccode / (yaml + ajv): ${(ours / diy).toFixed(2)}x; / yaml parse only: ${(ours / yamlOnly).toFixed(2)}x`);
