// Figures for the README: decisions and cost splits per second, bundle sizes.
// Run: pnpm --filter @foederal/membership bench  (no peer library does this; figures only)
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { evaluateDecision, shareCosts, states, checkComposition } from '../src/index.js';
import type { DecisionScenarioInput } from '../src/index.js';
import { bauministerkonferenz, itPlanungsrat, vote, wgMeeting } from '../test/fixtures.js';

function perSecond(label: string, fn: () => unknown, ms = 1500): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  const rate = (n / (performance.now() - start)) * 1000;
  console.log(`${label.padEnd(58)} ${Math.round(rate).toLocaleString('en')} /s`);
  return rate;
}

const laender = itPlanungsrat().filter((m) => m.level === 'state').map((m) => m.id);
const binding: DecisionScenarioInput = {
  rules: 'it-planungsrat',
  motion: { kind: 'binding-decision' },
  date: '2026-03-12',
  members: itPlanungsrat(),
  ballots: { bund: 'yes', ...vote('yes', laender.slice(0, 12)), ...vote('no', laender.slice(12)) },
};
const wg = wgMeeting(vote('yes', ['bmds', 'bmwsb', 'de-by', 'de-nw', 'de-sn', 'dst', 'dlt']));
const large: DecisionScenarioInput = {
  rules: 'amev-style-working-group',
  motion: { kind: 'procedural' },
  date: '2027-02-10',
  members: Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, level: 'federal' as const, votingRight: true, present: true })),
  ballots: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`m${i}`, i % 3 === 0 ? 'no' : 'yes'] as const)),
};

console.log('@foederal/membership benchmarks (Node', process.version, ')');
perSecond('evaluateDecision: IT-Planungsrat binding decision (17 votes)', () => evaluateDecision(binding));
perSecond('evaluateDecision: working group recommendation (10 votes)', () => evaluateDecision(wg));
perSecond('evaluateDecision: procedural motion with 1000 members', () => evaluateDecision(large), 1000);
perSecond('checkComposition: Bauministerkonferenz (17 members)', () =>
  checkComposition({ rules: 'bauministerkonferenz', date: '2026-01-01', members: bauministerkonferenz().map(({ present: _p, ...m }) => m) }),
);
const participants = [{ id: 'bund', level: 'federal' as const }, ...states.map((s) => ({ id: s.iso, level: 'state' as const, state: s.iso }))];
perSecond('shareCosts: Bund and 16 Länder, 1 234 567,89 €', () =>
  shareCosts({ total: 123_456_789, rules: 'amev-style-working-group', date: '2027-01-01', participants }),
);

// Bundle sizes: whole package vs. only evaluateDecision (tree-shaken), minified + gzip, zod external.
const requireFromTsup = createRequire(createRequire(import.meta.url).resolve('tsup'));
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
// esbuild comes with tsup (a devDependency); resolve it from there instead of adding a dependency.
const esbuild = requireFromTsup('esbuild') as Esbuild;
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
for (const [label, contents] of [
  ['bundle: everything', `export * from ${JSON.stringify(entry)};`],
  ['bundle: only evaluateDecision', `export { evaluateDecision } from ${JSON.stringify(entry)};`],
  ['bundle: only shareCosts', `export { shareCosts } from ${JSON.stringify(entry)};`],
  ['bundle: everything incl. zod/mini', `export * from ${JSON.stringify(entry)};`],
] as const) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: label.includes('incl.') ? [] : ['zod', 'zod/*'],
    platform: 'neutral',
    mainFields: ['module', 'main'],
  });
  const code = result.outputFiles[0]!.contents;
  console.log(`${label.padEnd(58)} ${(code.length / 1024).toFixed(1)} kB min, ${(gzipSync(code).length / 1024).toFixed(1)} kB gzip`);
}
