import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIfc } from '@foederal/ifc';
import { corpus } from '@foederal/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { auditIds, checkIds } from '../src/index.js';
import { rules } from './case-definitions.js';
import { renderCases } from './case-files.js';
import type { ManifestCase } from './case-files.js';

// Our own IDS + IFC case pairs (test/cases/, EUPL-1.2), one or more per rule of the IDS 1.0
// documentation, with the outcome derived by hand from the rule.
const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: ManifestCase[] };

function outcome(c: ManifestCase): { got: string; why: string } {
  const audit = auditIds(readFileSync(join(dir, c.ids)));
  if (!audit.valid) return { got: 'invalid', why: audit.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' | ') };
  const report = checkIds(audit.document, parseIfc(readFileSync(join(dir, c.ifc))));
  const why = report.specifications
    .flatMap((s) => [s.message?.en ?? '', ...s.requirements.flatMap((r) => r.failures.map((f) => f.reason.en))])
    .filter(Boolean)
    .join(' | ');
  return { got: report.passed ? 'pass' : 'fail', why };
}

describe('own IDS cases (test/cases)', () => {
  const tally = new Map<string, { total: number; ok: number }>();

  afterAll(() => {
    const lines = ['| facet | own cases | as expected |', '| --- | ---: | ---: |'];
    for (const [facet, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) lines.push(`| ${facet} | ${t.total} | ${t.ok} |`);
    console.log(`\nOwn IDS cases per folder:\n${lines.join('\n')}\n`);
  });

  it('are the files test/case-definitions.ts renders (run generate:cases after a change)', () => {
    const files = renderCases();
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name !== 'README.md')
      .map((d) => join(d.parentPath, d.name).slice(dir.length + 1).split('\\').join('/'))
      .sort();
    expect(onDisk).toEqual([...files.keys()].sort());
    for (const [path, text] of files) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(text);
  });

  it('cover every rule with at least one case, and every rule that can pass with a passing one', () => {
    for (const r of rules) {
      const own = manifest.cases.filter((c) => c.rule === r.id);
      expect(own.length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(manifest.cases.map((c) => c.expected))).toEqual(new Set(['pass', 'fail', 'invalid']));
  });

  it.each(manifest.cases.map((c) => [c.ifc, c] as const))('%s is a clean IFC file', (_name, c) => {
    const model = parseIfc(readFileSync(join(dir, c.ifc)));
    expect(model.warnings).toEqual([]);
    expect(model.validate()).toEqual([]);
  });

  it.each(manifest.cases.map((c) => [`${c.facet}/${c.case} (${c.rule})`, c] as const))('%s', (_name, c) => {
    const t = tally.get(c.facet) ?? { total: 0, ok: 0 };
    tally.set(c.facet, t);
    t.total += 1;
    const { got, why } = outcome(c);
    if (got === c.expected) t.ok += 1;
    expect(`${got}${got === c.expected ? '' : ` (${why})`}`).toBe(c.expected);
  });
});

const shared = corpus('ids');
describe.skipIf(!shared.available)('rule catalogue against the shared corpus', () => {
  const names = shared.available
    ? (JSON.parse(readFileSync(join(shared.path, 'cases.json'), 'utf8')) as { cases: { case: string }[] }).cases.map((c) => c.case)
    : [];

  it('names only shared cases that exist, and places every shared case under a rule', () => {
    for (const r of rules) for (const s of r.shared) expect(names.some((n) => n.includes(s)), `${r.id}: ${s}`).toBe(true);
    expect(names.filter((n) => !rules.some((r) => r.shared.some((s) => n.includes(s))))).toEqual([]);
  });

  it('prints the coverage of the specification’s rules per facet (README table)', () => {
    const facets = [...new Set(rules.map((r) => r.facet))];
    const lines = ['| facet | rules | with own cases | with shared cases | own cases | shared cases |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
    const total = [0, 0, 0, 0, 0];
    for (const facet of facets) {
      const rs = rules.filter((r) => r.facet === facet);
      const own = manifest.cases.filter((c) => rs.some((r) => r.id === c.rule));
      const sharedCases = names.filter((n) => rs.some((r) => r.shared.some((s) => n.includes(s))));
      const row = [rs.length, rs.filter((r) => own.some((c) => c.rule === r.id)).length, rs.filter((r) => r.shared.length > 0).length, own.length, sharedCases.length];
      row.forEach((v, k) => (total[k] = (total[k] ?? 0) + v));
      lines.push(`| ${facet} | ${row.join(' | ')} |`);
    }
    // a shared case may exercise rules of several facets: count it once in the total
    total[4] = names.filter((n) => rules.some((r) => r.shared.some((x) => n.includes(x)))).length;
    lines.push(`| **all** | ${total.join(' | ')} |`);
    console.log(`\nIDS 1.0 rules covered per facet:\n${lines.join('\n')}\n`);
    // every rule has own cases (asserted above); rules without shared cases are the gaps we close
    expect(total[1]).toBe(total[0]);
  });
});
