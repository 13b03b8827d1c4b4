import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIfc } from '@foederal/ifc';
import { corpus } from '@foederal/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { auditIds, checkIds } from './index.js';

const ids = corpus('ids');

interface Case {
  readonly facet: string;
  readonly case: string;
  readonly expected: 'pass' | 'fail' | 'invalid';
  readonly ids: string;
  readonly ifc: string;
}

function outcome(c: Case): string {
  const audit = auditIds(readFileSync(join(ids.path, c.ids)));
  if (!audit.valid) return 'invalid';
  const report = checkIds(audit.document, parseIfc(readFileSync(join(ids.path, c.ifc))));
  return report.passed ? 'pass' : 'fail';
}

describe.skipIf(!ids.available)('IDS 1.0 conformance (../shared/corpus/ids)', () => {
  const cases: Case[] = ids.available
    ? (JSON.parse(readFileSync(join(ids.path, 'cases.json'), 'utf8')) as { cases: Case[] }).cases
    : [];
  const tally = new Map<string, { total: number; ok: number }>();

  afterAll(() => {
    const lines = ['| facet | cases | as expected | pass rate |', '| --- | ---: | ---: | ---: |'];
    let total = 0;
    let ok = 0;
    for (const [facet, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
      total += t.total;
      ok += t.ok;
      lines.push(`| ${facet} | ${t.total} | ${t.ok} | ${((100 * t.ok) / t.total).toFixed(1)} % |`);
    }
    if (total > 0) lines.push(`| **all** | ${total} | ${ok} | ${((100 * ok) / total).toFixed(1)} % |`);
    console.log(`\nIDS conformance per facet:\n${lines.join('\n')}\n`);
  });

  it('has the documented case counts', () => {
    expect(cases.length).toBe(212);
    expect(new Set(cases.map((c) => c.expected))).toEqual(new Set(['pass', 'fail', 'invalid']));
  });

  it.each(cases.map((c) => [`${c.facet}/${c.case}`, c] as const))('%s', (_name, c) => {
    const t = tally.get(c.facet) ?? { total: 0, ok: 0 };
    tally.set(c.facet, t);
    t.total += 1;
    const got = outcome(c);
    if (got === c.expected) t.ok += 1;
    expect(got).toBe(c.expected);
  });
});
