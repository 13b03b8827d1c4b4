// Benchmarks of @foederal/building-data: the streaming EDE importer against csv-parse (CSV
// splitting only, no validation) and the AKS key parser against a hand-written regular
// expression, each on generated lists of BENCH_ROWS rows (default 1,000,000). Every run is a
// fresh process, so peak memory (max RSS) is its own. Each case runs BENCH_REPEAT times
// (default 3), interleaved, and the fastest run is reported (the machine is shared).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

interface Result {
  mode: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
}

function run(script: string, mode: string, n = rows): Result {
  const out = execFileSync(process.execPath, ['--conditions=@foederal/source', '--import', 'tsx', here(script), mode, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Result;
}

/** Runs every case `repeat` times, interleaved; keeps the fastest run of each and the highest peak memory. */
function best(cases: readonly (readonly [string, string])[]): Result[] {
  const results = new Map<string, Result[]>();
  for (let i = 0; i < repeat; i++) {
    for (const [script, mode] of cases) {
      const list = results.get(mode) ?? [];
      list.push(run(script, mode));
      results.set(mode, list);
    }
  }
  return cases.map(([, mode]) => {
    const list = results.get(mode) as Result[];
    const fastest = list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return { ...fastest, peakRssMiB: Math.max(...list.map((r) => r.peakRssMiB)) };
  });
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const line = (r: Result): string =>
  `  ${r.mode.padEnd(14)} ${fmt(r.rows).padStart(10)} rows  ${r.seconds.toFixed(2).padStart(6)} s  ${fmt(r.rowsPerSecond).padStart(10)} rows/s  peak RSS ${r.peakRssMiB.toFixed(0).padStart(4)} MiB`;

console.log(
  `@foederal/building-data benchmarks, ${fmt(rows)} generated rows, best of ${repeat}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start`,
);
const baseline = run('./ede.ts', 'foederal', 0);
console.log(`baseline peak RSS of a run with 0 rows (Node, tsx, the package): ${baseline.peakRssMiB.toFixed(0)} MiB`);
console.log('EDE import (streaming, UTF-8, ";"):');
const [ede, edeKeys, edeNoDup, peer] = best([
  ['./ede.ts', 'foederal'],
  ['./ede.ts', 'foederal-keys'],
  ['./ede.ts', 'foederal-nodup'],
  ['./ede.ts', 'csv-parse'],
]) as [Result, Result, Result, Result];
for (const r of [ede, edeKeys, edeNoDup, peer]) console.log(line(r));
console.log('  (foederal: defaults, with duplicate check; -keys: also every key parsed with generic-aks; -nodup: checkDuplicates false)');
console.log(`  ratio readEde / csv-parse: ${(ede.rowsPerSecond / peer.rowsPerSecond).toFixed(2)}x rows/s, ${(ede.peakRssMiB / peer.peakRssMiB).toFixed(2)}x peak memory`);
console.log('AKS key parser (generic-aks profile):');
const [keys, regex] = best([
  ['./keys.ts', 'foederal'],
  ['./keys.ts', 'regex'],
]) as [Result, Result];
for (const r of [keys, regex]) console.log(line(r));
console.log(`  ratio parse / hand-written RegExp: ${(keys.rowsPerSecond / regex.rowsPerSecond).toFixed(2)}x rows/s`);
console.log(`load average ${loadavg()[0]?.toFixed(1)} at end`);
