// Conformance with the test files of publiccode-parser-go (../shared/corpus/publiccode/): every
// asserted file must give the expected outcome and the same (severity, key) list; positions and
// messages are compared and reported too. `needsNetwork` files run with a stub fetch.
import { corpus } from '@foederal/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, loadExpected, runCase, type ExpectedCase } from '../test/corpus-run.js';
import { publiccodeSchema } from './schema.js';

const req = corpus('publiccode');
const tally = { cases: 0, outcomeAndKeys: 0, positions: 0, messages: 0 };

describe.skipIf(!req.available)('publiccode-parser-go test files', () => {
  const cases = req.available ? Object.entries(loadExpected(req.path)) : [];
  const asserted = cases.filter(([, c]) => c.outcome !== null) as [string, ExpectedCase & { outcome: NonNullable<ExpectedCase['outcome']> }][];

  it('has the asserted cases the corpus README counts', () => {
    expect(asserted.length).toBe(217);
  });

  it.each(asserted)('%s', async (file, c) => {
    const result = await runCase(req.path, file, c.needsNetwork, c.results ?? []);
    const cmp = compare(req.path, result, c.outcome, c.results ?? []);
    tally.cases += 1;
    if (cmp.outcome && cmp.keys) tally.outcomeAndKeys += 1;
    if (cmp.positions) tally.positions += 1;
    if (cmp.messages) tally.messages += 1;
    expect(result.outcome).toBe(c.outcome);
    expect(result.issues.map((i) => [i.severity, i.key])).toEqual((c.results ?? []).map((r) => [r.severity, r.key]));
    expect(result.issues.map((i) => [i.line, i.column])).toEqual((c.results ?? []).map((r) => [r.line, r.column]));
    expect(result.skippedChecks.filter((s) => s.check === 'file' && !s.target.startsWith('https://'))).toEqual([]);
    if (result.data) expect(publiccodeSchema.safeParse(result.data).success).toBe(true);
    for (const also of c.alsoAsserted ?? []) {
      const again = await runCase(req.path, file, also.network, also.results);
      expect(again.outcome).toBe(also.outcome);
      expect(again.issues.map((i) => [i.severity, i.key, i.line, i.column])).toEqual(also.results.map((r) => [r.severity, r.key, r.line, r.column]));
    }
  });

  it('lists the network checks it skipped when no fetch is given', async () => {
    const result = await runCase(req.path, 'v0/invalid/roadmap_invalid.yml', false, []);
    expect(result.skippedChecks).toContainEqual({ check: 'reachable', key: 'roadmap', target: 'foobar' });
    expect(result.skippedChecks).toContainEqual({ check: 'repository', key: 'url', target: 'https://github.com/italia/developers.italia.it.git' });
    expect(result.issues.map((i) => i.message)).toEqual(['roadmap must be an HTTP URL']);
  });

  afterAll(() => {
    if (tally.cases === 0) return;
    const pct = (n: number): string => ((100 * n) / tally.cases).toFixed(1);
    console.log(
      `publiccode conformance: ${tally.outcomeAndKeys}/${tally.cases} outcome and error keys (${pct(tally.outcomeAndKeys)} %), ` +
        `${tally.positions}/${tally.cases} line and column (${pct(tally.positions)} %), ${tally.messages}/${tally.cases} messages word for word (${pct(tally.messages)} %)`,
    );
  });
});
