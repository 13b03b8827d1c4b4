// Benchmark of @foederal/ifc against web-ifc 0.0.78 in the same run: corpus models and synthetic
// models of about 50 MB and 500 MB generated into a temporary folder (removed afterwards).
// Each figure comes from a child process (bench/child.mjs) running the built package, so fresh
// runs start cold and a crash of either library is reported instead of ending the bench.
//
//   pnpm --filter @foederal/ifc bench            (IFC_BENCH_SIZES=50 for the 50 MB model only)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { corpusIfcDir, generateSyntheticIfc } from './generate.js';

interface Result {
  openMs?: number;
  openCpuMs?: number;
  decodePerCpuSec?: number;
  psetsCpuMs?: number;
  entities?: number;
  maxRssMb?: number;
  decodePerSec?: number;
  psetsMs?: number;
  psets?: number;
  props?: number;
  error?: string;
}

const child = join(import.meta.dirname, 'child.mjs');

function run(lib: 'ours' | 'web-ifc', mode: 'fresh' | 'warm' | 'warm-open', file: string, repeats: number): Result {
  try {
    const out = execFileSync(process.execPath, ['--max-old-space-size=8192', child, lib, mode, file, String(repeats)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60 * 1000,
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Result;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const line = (err.stderr ?? err.message).split('\n').find((l) => /error|abort|memory/i.test(l)) ?? err.message;
    return { error: line.slice(0, 120) };
  }
}

function medianOf(rs: Result[], key: keyof Result): number | undefined {
  const xs = rs.map((r) => r[key]).filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  return xs.length ? xs[Math.floor(xs.length / 2)] : undefined;
}

const fmt = (v: number | undefined, digits = 0): string =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || !Number.isFinite(a / b) ? '—' : `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'index.js'))) {
    throw new Error('build first: pnpm --filter @foederal/ifc build');
  }
  const corpusDir = corpusIfcDir();
  const models: { name: string; path: string; big: boolean; huge: boolean }[] = [];
  for (const f of ['AC20-FZK-Haus.ifc', 'duplex.ifc', 'Office_A_20110811.ifc']) {
    const p = join(corpusDir, f);
    if (existsSync(p)) models.push({ name: f, path: p, big: false, huge: false });
  }
  const sizes = (process.env['IFC_BENCH_SIZES'] ?? '50,500').split(',').map(Number).filter((n) => n > 0);
  const generated: string[] = [];
  for (const mb of sizes) {
    const g = await generateSyntheticIfc(mb * 1e6);
    generated.push(dirname(g.path));
    models.push({ name: `synthetic ${mb} MB (${g.copies}× FZK-Haus)`, path: g.path, big: true, huge: mb >= 200 });
    console.error(`generated ${g.path}: ${(g.bytes / 1e6).toFixed(1)} MB, ${g.entities} entities`);
  }
  const rows: string[] = [];
  const memRows: string[] = [];
  try {
    for (const m of models) {
      const mb = statSync(m.path).size / 1e6;
      console.error(`measuring ${m.name} …`);
      const warmMode = m.huge ? 'warm-open' : 'warm';
      const repeats = m.huge ? 2 : m.big ? 5 : 15;
      const freshRuns = m.huge ? 1 : 3;
      const ours = run('ours', warmMode, m.path, repeats);
      const theirs = run('web-ifc', warmMode, m.path, repeats);
      const oursFresh = Array.from({ length: freshRuns }, () => run('ours', 'fresh', m.path, 1));
      const theirsFresh = Array.from({ length: freshRuns }, () => run('web-ifc', 'fresh', m.path, 1));
      const of = medianOf(oursFresh, 'openMs');
      const tf = medianOf(theirsFresh, 'openMs');
      const ofc = medianOf(oursFresh, 'openCpuMs');
      const tfc = medianOf(theirsFresh, 'openCpuMs');
      const om = medianOf(oursFresh, 'maxRssMb');
      const tm = medianOf(theirsFresh, 'maxRssMb');
      const err = [ours, theirs, ...oursFresh, ...theirsFresh].find((r) => r.error)?.error;
      const mbps = (ms: number | undefined) => (ms === undefined ? undefined : mb / (ms / 1000));
      rows.push(
        `| ${m.name} | ${fmt(mb, 1)} | ${fmt(ours.openCpuMs)} / ${fmt(theirs.openCpuMs)} | ${fmt(mbps(ours.openCpuMs))} / ${fmt(mbps(theirs.openCpuMs))} | **${ratio(theirs.openCpuMs, ours.openCpuMs)}** (${ratio(theirs.openMs, ours.openMs)}) | ${fmt(ofc)} / ${fmt(tfc)} | **${ratio(tfc, ofc)}** (${ratio(tf, of)}) | ${fmt((ours.decodePerCpuSec ?? NaN) / 1000)}${ours.decodePerCpuSec ? 'k' : ''} / ${fmt((theirs.decodePerCpuSec ?? NaN) / 1000)}${theirs.decodePerCpuSec ? 'k' : ''} | **${ratio(ours.decodePerCpuSec, theirs.decodePerCpuSec)}** (${ratio(ours.decodePerSec, theirs.decodePerSec)}) | ${fmt(ours.psetsCpuMs)} / ${fmt(theirs.psetsCpuMs)} | **${ratio(theirs.psetsCpuMs, ours.psetsCpuMs)}** (${ratio(theirs.psetsMs, ours.psetsMs)}) |${err ? ` ${err}` : ''}`,
      );
      memRows.push(
        `| ${m.name} | ${fmt(mb, 1)} | ${fmt(om)} | ${fmt(tm)} | **${ratio(om, tm)}** | ${fmt(2 * mb + 60)} | ${om !== undefined && om <= 2 * mb + 60 ? 'yes' : 'no'} |`,
      );
      console.error(`  ours ${JSON.stringify(ours)}\n  web-ifc ${JSON.stringify(theirs)}`);
    }
  } finally {
    for (const d of generated) rmSync(d, { recursive: true, force: true });
  }
  console.log(`\n@foederal/ifc vs web-ifc 0.0.78, Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(
    '| model | MB | warm open, CPU ms (ours / web-ifc) | MB/s (CPU) | speed-up CPU (wall) | fresh-process open, CPU ms | speed-up CPU (wall) | decoded entities per CPU s | ratio CPU (wall) | all property sets, CPU ms | speed-up CPU (wall) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
  console.log('\n| model | MB | peak RSS ours (MB) | peak RSS web-ifc (MB) | ratio | target 2×file+60 MB | within |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | :---: |');
  for (const r of memRows) console.log(r);
  console.log(
    '\nTimes are CPU time of the process (user + system, process.cpuUsage), which stays comparable on a loaded machine; wall-clock ratios in parentheses.',
  );
  console.log(
    'Fresh-process open: from the first line of a new Node process to the opened model (module load, web-ifc WASM init, file read, index).',
  );
  console.log('Property sets: ours = propertySets() and quantities() of every IfcObject on a fresh model (relation index included); web-ifc = properties.getPropertySets(model, 0, true).');
}

await main();
