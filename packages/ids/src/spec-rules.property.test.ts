import { parseIfc } from '@foederal/ifc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIds } from './check.js';
import { auditIds } from './parse.js';

// Property-based tests of the rules of ADR 0064: upper-case entity names, and table/list values
// with values of several types (any value of the required type that matches passes).
const enc = new TextEncoder();

function idsDoc(applicability: string, requirement: string, ifcVersion = 'IFC4'): Uint8Array {
  return enc.encode(
    `<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema"><info><title>t</title></info><specifications>` +
      `<specification name="s" ifcVersion="${ifcVersion}"><applicability maxOccurs="unbounded">${applicability}</applicability><requirements>${requirement}</requirements></specification></specifications></ids>`,
  );
}
const entity = (name: string) => `<entity><name><simpleValue>${name}</simpleValue></name></entity>`;

describe('entity names must be upper case (ADR 0064)', () => {
  const names = fc.constantFrom('IFCWALL', 'IFCSLAB', 'IFCBUILDINGSTOREY', 'IFCDOOR', 'IFCWALLTYPE');
  /** The name with the letters at the chosen positions in lower case. */
  const mixed = fc
    .tuple(names, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
    .map(([n, at]) => [...n].map((ch, k) => (at.some((a) => a % n.length === k) ? ch.toLowerCase() : ch)).join(''));

  it('a name with any lower-case letter is invalid wherever it stands', () => {
    fc.assert(
      fc.property(mixed, fc.constantFrom('applicability', 'requirement', 'partOf'), (name, where) => {
        const doc =
          where === 'applicability'
            ? idsDoc(entity(name), '<attribute><name><simpleValue>Name</simpleValue></name></attribute>')
            : where === 'requirement'
              ? idsDoc(entity('IFCWALL'), entity(name))
              : idsDoc(entity('IFCWALL'), `<partOf>${entity(name)}</partOf>`);
        const audit = auditIds(doc);
        expect(audit.valid).toBe(false);
        expect(audit.issues.filter((i) => i.rule === 'entity-case')).toHaveLength(1);
      }),
      { numRuns: 80 },
    );
  });

  it('the upper-case name raises no entity-case issue', () => {
    fc.assert(
      fc.property(names, (name) => {
        const audit = auditIds(idsDoc(entity(name), entity(name)));
        expect(audit.issues.some((i) => i.rule === 'entity-case')).toBe(false);
      }),
    );
  });
});

describe('table and list values of several types (ADR 0064)', () => {
  const labels = fc.constantFrom('A', 'B', 'X', 'F90');
  const ints = fc.integer({ min: -5, max: 5 });
  /** A value with its IFC type and its STEP text and its IDS text. */
  const typed = fc.oneof(
    labels.map((v) => ({ type: 'IFCLABEL', step: `IFCLABEL('${v}')`, ids: v })),
    ints.map((v) => ({ type: 'IFCINTEGER', step: `IFCINTEGER(${v})`, ids: String(v) })),
  );

  it('passes exactly when some value of the required type equals the required value', () => {
    fc.assert(
      fc.property(
        fc.array(typed, { minLength: 1, maxLength: 4 }),
        fc.array(typed, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        typed,
        (defining, defined, asTable, wanted) => {
          const all = asTable ? [...defining, ...defined] : defining;
          const list = (vs: typeof defining) => `(${vs.map((v) => v.step).join(',')})`;
          const prop = asTable
            ? `#21=IFCPROPERTYTABLEVALUE('P',$,${list(defining)},${list(defined)},$,$,$,$);`
            : `#21=IFCPROPERTYLISTVALUE('P',$,${list(defining)},$);`;
          const model = parseIfc(
            enc.encode(
              `ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('','',(),(),'','','');\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n` +
                `#10=IFCWALL('0000000000000000000010',$,'W',$,$,$,$,$,$);\n#20=IFCPROPERTYSET('0000000000000000000020',$,'Foo_Bar',$,(#21));\n${prop}\n` +
                `#22=IFCRELDEFINESBYPROPERTIES('0000000000000000000022',$,$,$,(#10),#20);\nENDSEC;\nEND-ISO-10303-21;\n`,
            ),
          );
          const requirement = `<property dataType="${wanted.type}"><propertySet><simpleValue>Foo_Bar</simpleValue></propertySet><baseName><simpleValue>P</simpleValue></baseName><value><simpleValue>${wanted.ids}</simpleValue></value></property>`;
          const audit = auditIds(idsDoc(entity('IFCWALL'), requirement));
          expect(audit.valid).toBe(true);
          const expected = all.some((v) => v.type === wanted.type && v.ids === wanted.ids);
          expect(checkIds(audit.document, model).passed).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
