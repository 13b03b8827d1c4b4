// Benchmark: check large synthetic IFC models against an IDS with thirteen specifications and print
// entities checked per second (wall clock and CPU time, the machine is shared) and peak memory.
// Models: the IFC package's generator (replicated AC20-FZK-Haus, needs ../shared/corpus) and this
// package's generator (dense in property sets, types, classifications, materials, containment).
// Run with `pnpm --filter @foederal/ids bench`; BENCH_MB, BENCH_STOREYS, BENCH_ELEMENTS resize.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIfc } from '@foederal/ifc';
import { checkIds, parseIds, toBcf, toHtmlReport } from '../src/index.js';
import { BENCH_IDS } from './bench-ids.js';
import { generateModel } from './generate-model.js';

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const time = <T>(fn: () => T): [T, number, number] => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const cpu = process.cpuUsage(c0);
  return [r, performance.now() - t0, (cpu.user + cpu.system) / 1000];
};

const [ids, idsMs] = time(() => parseIds(BENCH_IDS));
console.log(`IDS: ${ids.specifications.length} specifications, parsed and audited in ${idsMs.toFixed(1)} ms`);

function bench(label: string, bytes: Uint8Array): void {
  const [model, openMs] = time(() => parseIfc(bytes));
  const [report, checkMs, checkCpu] = time(() => checkIds(ids, model));
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const [html, htmlMs] = time(() => toHtmlReport(report));
  const [bcf, bcfMs] = time(() => toBcf(report));
  const checked = report.summary.checkedEntities;
  console.log(`\n${label}: ${mb(bytes.byteLength)} MB, ${model.size} entities, parseIfc ${openMs.toFixed(0)} ms`);
  console.log(`  checkIds: ${checked} entity checks in ${checkMs.toFixed(0)} ms (CPU ${checkCpu.toFixed(0)} ms)`);
  console.log(`  → ${Math.round(checked / (checkMs / 1000))} entities checked/s wall clock, ${Math.round(checked / (checkCpu / 1000))}/s CPU`);
  console.log(`  → whole model: ${Math.round(model.size / (checkCpu / 1000))} model entities/s CPU (relation indexes included)`);
  console.log(`  specifications: ${report.summary.passed} passed, ${report.summary.failed} failed; ${report.specifications.map((s) => s.applicable).join('/')} applicable`);
  console.log(`  reports: HTML ${mb(html.length)} MB in ${htmlMs.toFixed(0)} ms, BCF ${mb(bcf.byteLength)} MB (${report.specifications.reduce((n, s) => n + s.failedEntities + s.prohibitedEntities.length, 0)} topics at most) in ${bcfMs.toFixed(0)} ms`);
}

const generator = fileURLToPath(new URL('../../ifc/bench/generate.ts', import.meta.url));
if (existsSync(generator)) {
  const { generateSyntheticIfc, corpusIfcDir } = (await import(generator)) as {
    generateSyntheticIfc: (bytes: number) => Promise<{ path: string; copies: number }>;
    corpusIfcDir: () => string;
  };
  if (existsSync(corpusIfcDir())) {
    const target = Number(process.env['BENCH_MB'] ?? 25) * 1024 * 1024;
    const synthetic = await generateSyntheticIfc(target);
    const bytes = readFileSync(synthetic.path);
    rmSync(dirname(synthetic.path), { recursive: true, force: true });
    bench(`@foederal/ifc generator (AC20-FZK-Haus × ${synthetic.copies})`, bytes);
  } else console.log('[skip] IFC generator: corpus ../shared/corpus/ifc not found');
} else console.log('[skip] ../../ifc/bench/generate.ts not found');

const storeys = Number(process.env['BENCH_STOREYS'] ?? 10);
const perStorey = Number(process.env['BENCH_ELEMENTS'] ?? 2500);
bench(`bench/generate-model.ts (${storeys} storeys × ${perStorey} elements)`, generateModel(storeys, perStorey));

clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`\npeak memory (RSS) of the whole run: ${mb(peakRss)} MB`);
