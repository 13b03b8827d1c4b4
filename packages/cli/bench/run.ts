// Benchmarks of the `foederal` command (run with `pnpm --filter @foederal/cli bench`):
// 1. cold start of the built bin with --version (as `npx foederal --version` after install),
//    against a bare `node -e ""` in the same run; target < 300 ms;
// 2. `foederal ifc summary` on a synthetic 50 MB model against the same library calls in a fresh
//    process (bench/library.mjs); target at most 10 % slower.
// Wall-clock medians of alternating runs; the machine is shared, so ratios matter more than times.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticIfc } from '../../ifc/bench/generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'dist', 'bin.js');
const library = join(here, 'library.mjs');

function time(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] as number;

function compare(label: string, a: string[], b: string[], runs: number, warmup = 2): { a: number[]; b: number[] } {
  for (let i = 0; i < warmup; i++) {
    time(a);
    time(b);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  console.log(`${label}: ${runs} alternating runs`);
  return { a: ta, b: tb };
}

const fmt = (ms: number) => ms.toFixed(0).padStart(6);

console.log('foederal CLI benchmark (Node %s, %s)', process.versions.node, new Date().toISOString());

// 1. cold start
const start = compare('cold start', [bin, '--version'], ['-e', ''], 30);
const startRatio = median(start.a) / median(start.b);
console.log('| what | median ms | p90 ms |');
console.log('| --- | ---: | ---: |');
console.log(`| foederal --version | ${fmt(median(start.a))} | ${fmt(p90(start.a))} |`);
console.log(`| node -e "" (peer) | ${fmt(median(start.b))} | ${fmt(p90(start.b))} |`);
console.log(`cold start: ${median(start.a).toFixed(0)} ms median (target < 300 ms: ${median(start.a) < 300 ? 'met' : 'NOT met'}), ${startRatio.toFixed(2)}x a bare node start`);

// 2. ifc summary on 50 MB
const model = await generateSyntheticIfc(50e6);
try {
  const sum = compare(`ifc summary on ${(model.bytes / 1e6).toFixed(1)} MB (${model.entities} entities)`, [bin, 'ifc', 'summary', model.path, '--json'], [library, model.path], 7, 1);
  const ratio = median(sum.a) / median(sum.b);
  console.log('| what | median ms | p90 ms |');
  console.log('| --- | ---: | ---: |');
  console.log(`| foederal ifc summary --json | ${fmt(median(sum.a))} | ${fmt(p90(sum.a))} |`);
  console.log(`| library calls alone (peer) | ${fmt(median(sum.b))} | ${fmt(p90(sum.b))} |`);
  console.log(`ifc summary: ${ratio.toFixed(3)}x the library alone (${((ratio - 1) * 100).toFixed(1)} % slower; target <= 10 %: ${ratio <= 1.1 ? 'met' : 'NOT met'})`);
} finally {
  rmSync(dirname(model.path), { recursive: true, force: true });
}
