// One benchmark case in a fresh process: prints one JSON line.
// Usage: case.ts <mode> <file> <points> <days>; modes: ours-all, ours-shc, arquero-shc.
import { createReadStream, readFileSync } from 'node:fs';
import { evaluateRules, monitoringRules, readTrendsAligned, type RoleAssignment } from '../src/index.js';

const [mode, file, pointsText, daysText] = process.argv.slice(2) as [string, string, string, string];
const points = Number(pointsText);
const days = Number(daysText);
const start = Date.UTC(2025, 0, 6, 23); // Monday 7 January 2025, 00:00 Berlin
const grid = { start, step: 60_000, length: days * 1440 };
// memory of Node, the loader and the imported code before any work: the baseline of this case
const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;
const t = performance.now();
const cpu0 = process.cpuUsage();
let findings = 0;
let shcMinutes: number;
const names = Array.from({ length: points }, (_, i) => `P${i}`);
if (mode.startsWith('ours')) {
  const { aligned, report } = await readTrendsAligned(createReadStream(file, { highWaterMark: Number(process.env.BENCH_CHUNK ?? 1 << 20) }), grid, { aggregation: 'mean' });
  if (report.rejected.total !== 0) throw new Error(`rejected ${report.rejected.total}`);
  const roles: RoleAssignment[] = names.map((point, i) => ({
    point, group: 'G', basis: [],
    role: i === 0 ? 'heating-valve' : i === 1 ? 'cooling-valve' : i === 2 ? 'pump-status' : i === 3 ? 'energy-meter' : i === 4 ? 'supply-temperature' : i === 5 ? 'return-temperature' : 'analog-sensor',
  }));
  const rules = mode === 'ours-all' ? monitoringRules : monitoringRules.filter((r) => r.id === 'simultaneous-heating-cooling');
  const r = evaluateRules({ aligned, roles, rules, schedule: { land: 'BE', weekly: { 1: ['07:00-16:00'], 2: ['07:00-16:00'], 3: ['07:00-16:00'], 4: ['07:00-16:00'], 5: ['07:00-16:00'] } } });
  findings = r.findings.length;
  shcMinutes = Math.round((r.findings.find((f) => f.rule === 'simultaneous-heating-cooling')?.wastedHours ?? 0) * 60);
} else {
  // the same work with arquero: parse, time to UTC minute, mean per minute, simultaneous heating and cooling
  const aq = await import('arquero');
  const text = readFileSync(file, 'utf8');
  const german = (s: string): number => (s === '' ? Number.NaN : Number(s.replace(',', '.')));
  const parse: Record<string, (s: string) => unknown> = { Zeitstempel: (s: string) => s };
  for (const n of names) parse[n] = german;
  const table = aq.fromCSV(text, { delimiter: ';', parse });
  const toMinute = aq.escape((d: { Zeitstempel: string }) => {
    const s = d.Zeitstempel;
    const wall = Date.UTC(Number(s.slice(6, 10)), Number(s.slice(3, 5)) - 1, Number(s.slice(0, 2)), Number(s.slice(11, 13)), Number(s.slice(14, 16)));
    return Math.floor((wall - 3_600_000 - start) / 60_000); // winter time only in the benchmark window
  });
  const means: Record<string, string> = {};
  for (const n of names) means[n] = `d => op.mean(d.${n})`;
  const aligned = table.derive({ minute: toMinute as never }).groupby('minute').rollup(means).orderby('minute');
  shcMinutes = aligned.filter('d => d.P0 > 10 && d.P1 > 10').numRows();
}
const seconds = (performance.now() - t) / 1000;
// CPU time of the process (all its threads, GC included): on a shared machine less disturbed by load than wall time
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const samples = points * days * 1440;
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, points, days, samples, seconds, samplesPerSecond: samples / seconds, cpuSeconds, peakRssMiB, rssBeforeMiB, rawMiB: (samples * 5) / 2 ** 20, findings, shcMinutes }));
