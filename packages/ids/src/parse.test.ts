import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdsError } from './errors.js';
import { auditIds, parseIds } from './parse.js';

/** Builds a small IDS document; `body` goes inside <specifications>. */
function ids(body: string, info = '<info><title>T</title></info>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">
${info}
<specifications>
${body}
</specifications>
</ids>`;
}

const wallSpec = (requirements: string, app = '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity>', version = 'IFC4') =>
  `<specification name="S" ifcVersion="${version}">
<applicability minOccurs="1" maxOccurs="unbounded">${app}</applicability>
<requirements>
${requirements}
</requirements>
</specification>`;

function errors(xml: string) {
  return auditIds(xml).issues.filter((i) => i.severity === 'error');
}

describe('parseIds', () => {
  it('reads a document into typed specifications', () => {
    const doc = parseIds(
      ids(
        wallSpec(`<property dataType="IFCLABEL" cardinality="optional" instructions="bitte ausfüllen">
<propertySet><simpleValue>Pset_WallCommon</simpleValue></propertySet>
<baseName><simpleValue>FireRating</simpleValue></baseName>
<value><xs:restriction base="xs:string"><xs:enumeration value="F30"/><xs:enumeration value="F90"/></xs:restriction></value>
</property>
<partOf relation="IFCRELCONTAINEDINSPATIALSTRUCTURE"><entity><name><simpleValue>IFCBUILDINGSTOREY</simpleValue></name></entity></partOf>`),
        '<info><title>Schule</title><author>a@b.de</author><date>2026-11-28</date></info>',
      ),
    );
    expect(doc.info).toEqual({ title: 'Schule', author: 'a@b.de', date: '2026-11-28' });
    const spec = doc.specifications[0];
    expect(spec?.usage).toBe('required');
    expect(spec?.ifcVersion).toEqual(['IFC4']);
    expect(spec?.applicability).toEqual([
      { facet: 'entity', name: { kind: 'simple', value: 'IFCWALL' }, cardinality: 'required', line: 6 },
    ]);
    expect(spec?.requirements[0]).toEqual({
      facet: 'property',
      propertySet: { kind: 'simple', value: 'Pset_WallCommon' },
      baseName: { kind: 'simple', value: 'FireRating' },
      value: { kind: 'restriction', base: 'xs:string', enumeration: ['F30', 'F90'] },
      dataType: 'IFCLABEL',
      cardinality: 'optional',
      instructions: 'bitte ausfüllen',
      line: 8,
    });
    expect(spec?.requirements[1]).toMatchObject({ facet: 'partOf', relation: 'IFCRELCONTAINEDINSPATIALSTRUCTURE', cardinality: 'required' });
  });

  it('throws ids-invalid with every issue, its line and its reason', () => {
    const xml = ids(wallSpec('<attribute><name><simpleValue>ActingRole</simpleValue></name></attribute>'));
    try {
      parseIds(xml);
      expect.unreachable();
    } catch (error) {
      expect(IdsError.isInstance(error)).toBe(true);
      const e = error as IdsError;
      expect(e.code).toBe('ids-invalid');
      expect(e.line).toBe(8);
      expect(e.issues[0]).toMatchObject({ rule: 'attribute-unknown', line: 8, severity: 'error' });
      expect(e.message).toMatch(/ActingRole/);
    }
  });
});

describe('auditIds: structure of ids.xsd', () => {
  it('reports missing, unexpected and misordered elements with lines', () => {
    expect(errors(ids('', '<info></info>')).map((i) => [i.rule, i.line])).toEqual([
      ['xsd-missing-element', 3],
      ['xsd-missing-element', 4],
    ]);
    const misordered = ids(`<specification name="S" ifcVersion="IFC4">
<applicability maxOccurs="unbounded"><attribute><name><simpleValue>Name</simpleValue></name></attribute><entity><name><simpleValue>IFCWALL</simpleValue></name></entity></applicability>
</specification>`);
    expect(errors(misordered).map((i) => i.rule)).toContain('xsd-element-order');
    expect(errors(ids(wallSpec('<foo/>'))).map((i) => i.rule)).toEqual(['xsd-unexpected-element']);
  });

  it('checks attributes, enumerations and value choices', () => {
    expect(errors(ids(wallSpec('<material cardinality="sometimes"/>'))).map((i) => i.rule)).toEqual(['xsd-invalid-cardinality']);
    expect(errors(ids(wallSpec('<partOf cardinality="optional"><entity><name><simpleValue>IFCSLAB</simpleValue></name></entity></partOf>'))).map((i) => i.rule)).toEqual(['xsd-invalid-cardinality']);
    expect(errors(ids(wallSpec('<material/>', '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity>', 'IFC5'))).map((i) => i.rule)).toEqual(['xsd-invalid-ifc-version']);
    expect(errors(ids(wallSpec('<material foo="1"/>'))).map((i) => i.rule)).toEqual(['xsd-unexpected-attribute']);
    expect(errors(ids(wallSpec('<material><value><simpleValue>a</simpleValue><simpleValue>b</simpleValue></value></material>'))).map((i) => i.rule)).toEqual(['xsd-value-choice']);
    expect(errors(ids(wallSpec('<material/>'), '<info><title>T</title><author>nobody</author></info>')).map((i) => i.rule)).toEqual(['xsd-invalid-value']);
  });

  it('rejects a wrong root and wrong namespaces', () => {
    expect(errors('<ids><info><title>x</title></info></ids>')[0]?.rule).toBe('xsd-root');
    expect(errors('<ids xmlns="http://standards.buildingsmart.org/IDS"><info xmlns="urn:other"><title>x</title></info><specifications/></ids>').map((i) => i.rule)).toContain('xsd-unexpected-element');
  });

  it('checks restrictions: base, facets, patterns, lexical values', () => {
    const value = (r: string) => ids(wallSpec(`<attribute><name><simpleValue>Name</simpleValue></name><value>${r}</value></attribute>`));
    expect(errors(value('<xs:restriction base="xs:foo"><xs:enumeration value="a"/></xs:restriction>'))[0]?.rule).toBe('restriction-unknown-base');
    expect(errors(value('<xs:restriction base="xs:string"><xs:pattern value="a(?:b)"/></xs:restriction>'))[0]?.rule).toBe('restriction-invalid-pattern');
    expect(errors(value('<xs:restriction base="xs:string"><xs:pattern value="(a{1000}){1000}"/></xs:restriction>'))[0]?.rule).toBe('restriction-invalid-pattern');
    expect(errors(value('<xs:restriction base="xs:string"><xs:totalDigits value="3"/></xs:restriction>'))[0]?.rule).toBe('restriction-unsupported');
    expect(errors(value('<xs:restriction base="xs:double"><xs:minInclusive value="abc"/></xs:restriction>'))[0]?.rule).toBe('restriction-value-lexical');
    expect(errors(value('<xs:restriction base="xs:string"><xs:minLength value="-1"/></xs:restriction>'))[0]?.rule).toBe('xsd-invalid-value');
  });

  it('allows only the three applicability occurrence combinations', () => {
    const spec = (occ: string) => ids(`<specification name="S" ifcVersion="IFC4"><applicability ${occ}><entity><name><simpleValue>IFCWALL</simpleValue></name></entity></applicability></specification>`);
    expect(auditIds(spec('maxOccurs="unbounded"')).document.specifications[0]?.usage).toBe('required');
    expect(auditIds(spec('minOccurs="0" maxOccurs="unbounded"')).document.specifications[0]?.usage).toBe('optional');
    expect(auditIds(spec('minOccurs="0" maxOccurs="0"')).document.specifications[0]?.usage).toBe('prohibited');
    expect(errors(spec('minOccurs="2" maxOccurs="5"'))[0]?.rule).toBe('specification-occurs');
  });

  it('reads minOccurs and maxOccurs as ids.xsd types them (xs:occurs: optional, default 1)', () => {
    const spec = (occ: string) => ids(`<specification name="S" ifcVersion="IFC4"><applicability ${occ}><entity><name><simpleValue>IFCWALL</simpleValue></name></entity></applicability></specification>`);
    const usage = (occ: string) => {
      const audit = auditIds(spec(occ));
      expect(audit.issues, occ).toEqual([]);
      return audit.document.specifications[0]?.usage;
    };
    const rules = (occ: string) => errors(spec(occ)).map((i) => i.rule);
    // lexical forms of xs:nonNegativeInteger and xs:allNNI, whitespace collapsed
    expect(usage('minOccurs="+1" maxOccurs="unbounded"')).toBe('required');
    expect(usage('minOccurs="01" maxOccurs=" unbounded "')).toBe('required');
    expect(usage('minOccurs="-0" maxOccurs="unbounded"')).toBe('optional');
    expect(usage('minOccurs=" 0 " maxOccurs="+0"')).toBe('prohibited');
    expect(usage('maxOccurs="unbounded"')).toBe('required');
    for (const bad of ['minOccurs="-1" maxOccurs="unbounded"', 'minOccurs="1.0" maxOccurs="unbounded"', 'minOccurs="" maxOccurs="unbounded"', 'minOccurs="eins" maxOccurs="unbounded"']) {
      expect(rules(bad), bad).toEqual(['xsd-invalid-occurs']);
    }
    for (const bad of ['maxOccurs="Unbounded"', 'maxOccurs="-1"', 'maxOccurs="*"', 'maxOccurs="1e3"', 'minOccurs="0" maxOccurs=""']) {
      expect(rules(bad), bad).toEqual(['xsd-invalid-occurs']);
    }
    expect(rules('minOccurs="x" maxOccurs="y"')).toEqual(['xsd-invalid-occurs', 'xsd-invalid-occurs']);
    // the defaults 1/1 are valid XSD but no combination IDS 1.0 allows
    const none = errors(spec(''));
    expect(none.map((i) => i.rule)).toEqual(['specification-occurs']);
    expect(none[0]?.message).toContain('minOccurs missing (default 1), maxOccurs missing (default 1)');
    expect(none[0]?.message).toContain('minOccurs fehlt (Vorgabe 1)');
    expect(rules('minOccurs="0"')).toEqual(['specification-occurs']);
    expect(rules('minOccurs="1" maxOccurs="1"')).toEqual(['specification-occurs']);
    expect(rules('minOccurs="0" maxOccurs="1"')).toEqual(['specification-occurs']);
    expect(rules('minOccurs="2" maxOccurs="unbounded"')).toEqual(['specification-occurs']);
    expect(rules('minOccurs="99999999999999999999999" maxOccurs="unbounded"')).toEqual(['specification-occurs']);
    // minOccurs greater than maxOccurs, also through the default minOccurs of 1
    expect(rules('maxOccurs="0"')).toEqual(['specification-occurs-range']);
    expect(rules('minOccurs="3" maxOccurs="2"')).toEqual(['specification-occurs-range']);
    expect(() => parseIds(spec(''))).toThrow(IdsError);
  });
});

describe('auditIds: semantic rules', () => {
  it('knows entity, attribute and data type names per IFC version', () => {
    expect(errors(ids(wallSpec('<entity><name><simpleValue>IFCRABBIT</simpleValue></name></entity>')))[0]?.rule).toBe('entity-unknown');
    expect(errors(ids(wallSpec('<attribute><name><simpleValue>Name</simpleValue></name></attribute>')))).toEqual([]);
    expect(errors(ids(wallSpec('<property dataType="IFCDATE"><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>D</simpleValue></baseName></property>', undefined, 'IFC2X3')))[0]?.rule).toBe('property-unknown-datatype');
    expect(errors(ids(wallSpec('<property dataType="IFCDATE"><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>D</simpleValue></baseName></property>')))).toEqual([]);
  });

  it('accepts IFC4 occurrence names in IFC2X3 when a type object specialises them', () => {
    const app = (name: string) => ids(wallSpec('<material/>', `<entity><name><simpleValue>${name}</simpleValue></name><predefinedType><simpleValue>GRILLE</simpleValue></predefinedType></entity>`, 'IFC2X3'));
    expect(errors(app('IFCAIRTERMINAL'))).toEqual([]);
    expect(errors(app('IFCAUDIOVISUALAPPLIANCE'))[0]?.rule).toBe('entity-unknown');
  });

  it('checks values against attribute and data types', () => {
    const attr = (name: string, value: string, entity = 'IFCWALL') =>
      ids(wallSpec(`<attribute><name><simpleValue>${name}</simpleValue></name><value>${value}</value></attribute>`, `<entity><name><simpleValue>${entity}</simpleValue></name></entity>`));
    expect(errors(attr('Name', '<simpleValue>x</simpleValue>'))).toEqual([]);
    expect(errors(attr('IsMilestone', '<simpleValue>TRUE</simpleValue>', 'IFCTASK'))[0]?.rule).toBe('attribute-value-type');
    expect(errors(attr('IsMilestone', '<simpleValue>true</simpleValue>', 'IFCTASK'))).toEqual([]);
    expect(errors(attr('OwnerHistory', '<simpleValue>x</simpleValue>'))[0]?.rule).toBe('attribute-value-type');
    const prop = (dataType: string, value: string) =>
      ids(wallSpec(`<property dataType="${dataType}"><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>N</simpleValue></baseName><value>${value}</value></property>`));
    expect(errors(prop('IFCINTEGER', '<simpleValue>42.5</simpleValue>'))[0]?.rule).toBe('property-value-type');
    expect(errors(prop('IFCREAL', '<simpleValue>4.2e1</simpleValue>'))).toEqual([]);
    expect(errors(prop('IFCREAL', '<xs:restriction base="xs:string"><xs:pattern value="4.*"/></xs:restriction>'))[0]?.rule).toBe('property-value-type');
  });

  it('rejects requirements that can never be met and prohibited specifications with requirements', () => {
    expect(errors(ids(wallSpec('<entity><name><simpleValue>IFCSLAB</simpleValue></name></entity>')))[0]?.rule).toBe('entity-requirement-unsatisfiable');
    expect(errors(ids(wallSpec('<entity><name><simpleValue>IFCWALL</simpleValue></name><predefinedType><simpleValue>X</simpleValue></predefinedType></entity>')))).toEqual([]);
    const prohibited = ids(`<specification name="S" ifcVersion="IFC4"><applicability minOccurs="0" maxOccurs="0"><entity><name><simpleValue>IFCWALL</simpleValue></name></entity></applicability><requirements><material/></requirements></specification>`);
    expect(errors(prohibited)[0]?.rule).toBe('specification-prohibited-with-requirements');
  });
});

const idsCorpus = corpus('ids');
describe.skipIf(!idsCorpus.available)('fuzzing with mutated real IDS files', () => {
  const files = idsCorpus.available
    ? ['attribute', 'property', 'restriction'].flatMap((d) =>
        readdirSync(join(idsCorpus.path, d))
          .filter((f) => f.endsWith('.ids'))
          .slice(0, 6)
          .map((f) => readFileSync(join(idsCorpus.path, d, f), 'utf8')),
      )
    : [];

  it('never crashes: every mutation gives a document, issues or an IdsError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 12 }),
        (text, at, cut, insert) => {
          const p = at % text.length;
          const mutated = text.slice(0, p) + insert + text.slice(p + cut);
          try {
            const audit = auditIds(mutated);
            for (const issue of audit.issues) {
              expect(issue.line).toBeGreaterThanOrEqual(0);
              expect(issue.message.length).toBeGreaterThan(0);
            }
          } catch (error) {
            expect(IdsError.isInstance(error)).toBe(true);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
