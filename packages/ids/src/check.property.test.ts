import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idsWith, sampleModel } from '../test/sample-model.js';
import { checkIds } from './check.js';
import { auditIds } from './parse.js';

const model = sampleModel();
const text = fc.constantFrom('Pset_WallCommon', 'FireRating', 'F90', 'F30', 'IsExternal', 'true', 'Name', 'Wand 2', 'DIN 276', '330', 'concrete', 'Qto_WallBaseQuantities', 'Length', '2.5', 'x');
const value = fc.oneof(
  text.map((t) => `<simpleValue>${t}</simpleValue>`),
  fc.constantFrom('F.*', '.*', '[A-Z].+', '3[0-9]{2}').map((p) => `<xs:restriction base="xs:string"><xs:pattern value="${p}"/></xs:restriction>`),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => `<xs:restriction base="xs:string">${ts.map((t) => `<xs:enumeration value="${t}"/>`).join('')}</xs:restriction>`),
);
const opt = (v: fc.Arbitrary<string>) => fc.option(v, { nil: '' });
const facet = fc.oneof(
  fc.tuple(value, opt(value)).map(([n, v]) => ({ kind: 'attribute', body: `<name>${n}</name>${v ? `<value>${v}</value>` : ''}` })),
  fc.tuple(value, value, opt(value)).map(([p, b, v]) => ({ kind: 'property', body: `<propertySet>${p}</propertySet><baseName>${b}</baseName>${v ? `<value>${v}</value>` : ''}` })),
  fc.tuple(opt(value), value).map(([v, sys]) => ({ kind: 'classification', body: `${v ? `<value>${v}</value>` : ''}<system>${sys}</system>` })),
  opt(value).map((v) => ({ kind: 'material', body: v ? `<value>${v}</value>` : '' })),
  fc.constantFrom('IFCBUILDINGSTOREY', 'IFCBUILDING', 'IFCPROJECT', 'IFCSLAB').map((e) => ({ kind: 'partOf', body: `<entity><name><simpleValue>${e}</simpleValue></name></entity>` })),
);

/** Checks one requirement; undefined when the audit rejects the IDS (e.g. an unknown attribute name). */
function check(f: { kind: string; body: string }, cardinality: string) {
  const audit = auditIds(idsWith(spec(f, cardinality)));
  return audit.valid ? checkIds(audit.document, model).specifications[0] : undefined;
}

function spec(f: { kind: string; body: string }, cardinality: string): string {
  return `<specification name="S" ifcVersion="IFC4"><applicability maxOccurs="unbounded"><entity><name><simpleValue>IFCWALL</simpleValue></name></entity></applicability><requirements><${f.kind} cardinality="${cardinality}">${f.body}</${f.kind}></requirements></specification>`;
}

describe('checkIds invariants (fast-check)', () => {
  it('prohibited is the negation of required, and counts add up', () => {
    fc.assert(
      fc.property(facet, (f) => {
        const required = check(f, 'required');
        const prohibited = check(f, 'prohibited');
        fc.pre(required !== undefined && prohibited !== undefined);
        const r = required?.requirements[0];
        const p = prohibited?.requirements[0];
        expect(r && p).toBeTruthy();
        expect(r!.passed + r!.failed).toBe(required!.applicable);
        expect(p!.passed).toBe(r!.failed);
        expect(p!.failed).toBe(r!.passed);
      }),
      { numRuns: 120 },
    );
  });

  it('optional never fails more entities than required', () => {
    fc.assert(
      fc.property(
        facet.filter((f) => f.kind !== 'partOf'),
        (f) => {
          const required = check(f, 'required')?.requirements[0];
          const optional = check(f, 'optional')?.requirements[0];
          fc.pre(required !== undefined && optional !== undefined);
          expect(optional!.failed).toBeLessThanOrEqual(required!.failed);
        },
      ),
      { numRuns: 120 },
    );
  });
});
