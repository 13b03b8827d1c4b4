// Benchmark of @foederal/operation: read a wide trend export (semicolon, decimal commas, Berlin
// local time), align it onto a one-minute grid and run the checks, against the same alignment
// and the simultaneous-heating-and-cooling check written with arquero. Size: BENCH_POINTS
// (default 500) points × BENCH_DAYS (default 14, a few minutes in all; arquero cannot read more than
// about 80 days, BENCH_ARQUERO=0 leaves it out) days of one-minute data; each case runs in a
// fresh process so its peak memory (max RSS) is its own. The window starts on 7 January 2025 and
// stays in winter time for BENCH_DAYS ≤ 80 (the arquero peer does not handle clock changes).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const points = Number(process.env.BENCH_POINTS ?? 500);
const days = Number(process.env.BENCH_DAYS ?? 14);
const skipArquero = process.env.BENCH_ARQUERO === '0';
// each case runs BENCH_REPEAT times, interleaved, and the fastest run is kept (the machine is shared)
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const dir = mkdtempSync(join(tmpdir(), 'operation-bench-'));
const file = join(dir, 'trends.csv');
const pad = (v: number): string => (v < 10 ? `0${v}` : String(v));

async function write(): Promise<void> {
  const out = createWriteStream(file);
  const header = `Zeitstempel;${Array.from({ length: points }, (_, i) => `P${i}`).join(';')}\n`;
  out.write(header);
  const start = Date.UTC(2025, 0, 6, 23);
  let seed = 1;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  let chunk = '';
  for (let m = 0; m < days * 1440; m++) {
    const t = start + m * 60_000;
    const d = new Date(t + (t >= Date.UTC(2025, 2, 30, 1) && t < Date.UTC(2025, 9, 26, 1) ? 7_200_000 : 3_600_000));
    let line = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const minuteOfDay = m % 1440;
    for (let p = 0; p < points; p++) {
      let v: number;
      if (p === 0) v = minuteOfDay >= 600 && minuteOfDay < 660 ? 40 : 0; // heating valve
      else if (p === 1) v = minuteOfDay >= 630 && minuteOfDay < 720 ? 30 : 0; // cooling valve: 30 min overlap a day
      else if (p === 2) v = minuteOfDay >= 360 && minuteOfDay < 1020 ? 1 : 0;
      else if (p === 3) v = 1000 + m * 0.5;
      else v = Math.round((20 + 10 * Math.sin((m + p * 37) / 300) + random()) * 100) / 100;
      line += `;${String(v).replace('.', ',')}`;
    }
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

interface Result {
  mode: string;
  samples: number;
  seconds: number;
  samplesPerSecond: number;
  cpuSeconds: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  rawMiB: number;
  findings: number;
  shcMinutes: number;
}

function run(mode: string): Result {
  const script = fileURLToPath(new URL('./case.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--conditions=@foederal/source', '--import', 'tsx', script, mode, file, String(points), String(days)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Result;
}

await write();
const mib = statSync(file).size / 2 ** 20;
console.log(`operation bench: ${points} points × ${days} days × 1440 min = ${(points * days * 1440).toLocaleString('en')} samples, CSV ${mib.toFixed(0)} MiB, load ${loadavg()[0]?.toFixed(1)}`);
const modes = process.env.BENCH_ONLY_WRITE === '1' ? [] : skipArquero ? ['ours-all', 'ours-shc'] : ['ours-all', 'ours-shc', 'arquero-shc'];
const best = new Map<string, Result>();
for (let k = 0; k < repeat; k++) {
  for (const mode of modes) {
    const r = run(mode);
    const b = best.get(mode);
    if (!b || r.seconds < b.seconds) best.set(mode, { ...r, peakRssMiB: Math.max(r.peakRssMiB, b?.peakRssMiB ?? 0), cpuSeconds: Math.min(r.cpuSeconds, b?.cpuSeconds ?? Number.POSITIVE_INFINITY) });
    else {
      b.peakRssMiB = Math.max(b.peakRssMiB, r.peakRssMiB);
      b.cpuSeconds = Math.min(b.cpuSeconds, r.cpuSeconds);
    }
  }
}
const rows = [...best.values()];
if (repeat > 1) console.log(`best of ${repeat} runs per case; peak memory is the highest of the runs`);
for (const r of rows) {
  // what the work added to the process: peak RSS minus RSS after loading the code
  const net = r.peakRssMiB - r.rssBeforeMiB;
  console.log(
    `${r.mode.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s  ${Math.round(r.samplesPerSecond).toLocaleString('en').padStart(12)} samples/s  CPU ${r.cpuSeconds.toFixed(1)} s = ${Math.round(r.samples / r.cpuSeconds).toLocaleString('en')} samples per CPU-second  peak ${r.peakRssMiB.toFixed(0)} MiB (${net.toFixed(0)} MiB above the ${r.rssBeforeMiB.toFixed(0)} MiB after loading; raw typed arrays ${r.rawMiB.toFixed(0)} MiB → ${(net / r.rawMiB).toFixed(2)}×)  findings ${r.findings}  SHC minutes ${r.shcMinutes}`,
  );
}
const ours = rows.find((r) => r.mode === 'ours-shc');
const peer = rows.find((r) => r.mode === 'arquero-shc');
if (peer && ours) {
  if (peer.shcMinutes !== ours.shcMinutes) console.log(`WARNING: SHC minutes differ: ours ${ours.shcMinutes}, arquero ${peer.shcMinutes}`);
  console.log(`ratio read+align+SHC: ${(ours.samplesPerSecond / peer.samplesPerSecond).toFixed(1)}× arquero samples/s (wall time), ${(peer.cpuSeconds / ours.cpuSeconds).toFixed(1)}× by CPU time; peak memory ${(ours.peakRssMiB / peer.peakRssMiB).toFixed(2)}× arquero`);
}
if (process.env.BENCH_KEEP === '1') console.log(`kept ${file}`);
else rmSync(dir, { recursive: true, force: true });
