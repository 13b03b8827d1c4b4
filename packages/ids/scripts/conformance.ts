// Runs the shared IDS conformance cases and prints the pass rate per facet (debugging aid;
// the CI assertion lives in src/conformance.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIfc } from '@foederal/ifc';
import { corpus } from '@foederal/test-utils';
import { IdsError, auditIds, checkIds } from '../src/index.js';

const dir = corpus('ids').path;
const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as {
  cases: { facet: string; case: string; expected: 'pass' | 'fail' | 'invalid'; ids: string; ifc: string }[];
};
const verbose = process.argv.includes('-v');
const rows = new Map<string, [number, number]>();
for (const c of manifest.cases) {
  let got: string;
  let detail: string;
  try {
    const audit = auditIds(readFileSync(join(dir, c.ids)));
    if (!audit.valid) {
      got = 'invalid';
      detail = audit.issues.filter((i) => i.severity === 'error').map((i) => `${i.line}: ${i.message}`).join(' | ');
    } else {
      const model = parseIfc(readFileSync(join(dir, c.ifc)));
      const report = checkIds(audit.document, model);
      got = report.passed ? 'pass' : 'fail';
      detail = JSON.stringify(report.specifications.map((s) => [s.status, s.applicable, s.message?.en, s.requirements.map((r) => r.failures.map((f) => f.reason.en))]));
    }
  } catch (error) {
    got = IdsError.isInstance(error) ? 'invalid' : `error ${String(error)}`;
    detail = String(error);
  }
  const row = rows.get(c.facet) ?? [0, 0];
  row[0] += 1;
  if (got === c.expected) row[1] += 1;
  else console.log(`✗ ${c.facet}/${c.case}: expected ${c.expected}, got ${got}${verbose ? `\n    ${detail}` : ''}`);
  rows.set(c.facet, row);
}
let total = 0;
let ok = 0;
for (const [facet, [n, p]] of rows) {
  total += n;
  ok += p;
  console.log(`${facet.padEnd(15)} ${String(p).padStart(3)}/${String(n).padEnd(3)} ${((100 * p) / n).toFixed(1)} %`);
}
console.log(`${'total'.padEnd(15)} ${String(ok).padStart(3)}/${String(total).padEnd(3)} ${((100 * ok) / total).toFixed(1)} %`);
