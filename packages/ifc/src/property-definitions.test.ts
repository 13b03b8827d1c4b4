import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIfc } from './open.js';
import { stepFile } from './test-helpers.js';

// model.propertyDefinitions(id): which definitions are attached to an object and through what,
// its own and those inherited from its type object. Expected links read off the lines below.
const G = (n: number) => `'${String(n).padStart(22, '0')}'`;

const m = parseIfc(
  stepFile(
    [
      `#1=IFCWALL(${G(1)},$,'W1',$,$,$,$,$,.STANDARD.);`,
      `#2=IFCWALL(${G(2)},$,'W2',$,$,$,$,$,.STANDARD.);`,
      `#3=IFCWALLTYPE(${G(3)},$,'WT',$,$,(#10,#11),$,$,$,.SOLIDWALL.);`,
      `#4=IFCRELDEFINESBYTYPE(${G(4)},$,$,$,(#1,#2),#3);`,
      `#10=IFCPROPERTYSET(${G(10)},$,'Pset_WallCommon',$,(#20));`,
      `#11=IFCELEMENTQUANTITY(${G(11)},$,'Qto_WallBaseQuantities',$,$,(#21));`,
      `#12=IFCPROPERTYSET(${G(12)},$,'Pset_WallCommon',$,(#22));`,
      `#13=IFCRELDEFINESBYPROPERTIES(${G(13)},$,$,$,(#1),#12);`,
      `#14=IFCPROPERTYSET(${G(14)},$,'Eigene',$,(#23));`,
      `#15=IFCELEMENTQUANTITY(${G(15)},$,'Qto_Own',$,$,(#24));`,
      `#16=IFCRELDEFINESBYPROPERTIES(${G(16)},$,$,$,(#2),IFCPROPERTYSETDEFINITIONSET((#14,#15)));`,
      `#17=IFCRELDEFINESBYPROPERTIES(${G(17)},$,$,$,(#1),#99);`,
      `#20=IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F30'),$);`,
      `#21=IFCQUANTITYLENGTH('Length',$,$,4.,$);`,
      `#22=IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F90'),$);`,
      `#23=IFCPROPERTYSINGLEVALUE('Geprueft',$,IFCBOOLEAN(.T.),$);`,
      `#24=IFCQUANTITYCOUNT('Anzahl',$,$,2.,$);`,
      `#30=IFCSLAB(${G(30)},$,'S',$,$,$,$,$,.FLOOR.);`,
    ].join('\n'),
    'IFC4',
  ),
);

describe('IfcModel.propertyDefinitions', () => {
  it('lists own relationships, then the type object’s HasPropertySets with the IfcRelDefinesByType', () => {
    expect(m.propertyDefinitions(1)).toEqual([
      { definition: 12, definitionType: 'IFCPROPERTYSET', definedObject: 1, via: 'IFCRELDEFINESBYPROPERTIES', relationship: 13, source: 'occurrence' },
      { definition: 10, definitionType: 'IFCPROPERTYSET', definedObject: 3, via: 'HASPROPERTYSETS', relationship: 3, source: 'type', typeRelationship: 4 },
      { definition: 11, definitionType: 'IFCELEMENTQUANTITY', definedObject: 3, via: 'HASPROPERTYSETS', relationship: 3, source: 'type', typeRelationship: 4 },
    ]);
  });

  it('skips a dangling definition (#99 is not in the model)', () => {
    expect(m.propertyDefinitions(1).some((l) => l.definition === 99)).toBe(false);
  });

  it('follows an IfcPropertySetDefinitionSet', () => {
    expect(m.propertyDefinitions(2, { inherit: false }).map((l) => [l.definition, l.definitionType, l.relationship])).toEqual([
      [14, 'IFCPROPERTYSET', 16],
      [15, 'IFCELEMENTQUANTITY', 16],
    ]);
  });

  it('gives a type object its own HasPropertySets as occurrence-level links', () => {
    expect(m.propertyDefinitions(3).map((l) => [l.definition, l.via, l.source, l.definedObject])).toEqual([
      [10, 'HASPROPERTYSETS', 'occurrence', 3],
      [11, 'HASPROPERTYSETS', 'occurrence', 3],
    ]);
  });

  it('is empty for an object without definitions and for unknown ids', () => {
    expect(m.propertyDefinitions(30)).toEqual([]);
    expect(m.propertyDefinitions(12345)).toEqual([]);
  });

  it('is the path propertySets and quantities read: every set read is linked, and every linked name is read', () => {
    const names: Record<number, string> = { 10: 'Pset_WallCommon', 11: 'Qto_WallBaseQuantities', 12: 'Pset_WallCommon', 14: 'Eigene', 15: 'Qto_Own' };
    for (const id of [1, 2, 3]) {
      const links = m.propertyDefinitions(id).map((l) => l.definition);
      const read = [...m.propertySets(id), ...m.quantities(id)];
      for (const s of read) expect(links).toContain(s.id);
      // same-named occurrence and type sets are merged into one (the occurrence's id)
      expect(new Set(read.map((s) => s.name))).toEqual(new Set(links.map((d) => names[d])));
    }
  });
});

describe('IfcModel.propertyDefinitions on hostile input (fast-check)', () => {
  // Relations and type objects whose references point anywhere (missing ids, relations, the
  // objects themselves, lists and typed lists); the accessor must never throw and only return
  // links to definitions that exist.
  const ref = fc.integer({ min: 1, max: 12 }).map((n) => `#${n}`);
  const refs = fc.oneof(
    ref,
    fc.array(ref, { maxLength: 4 }).map((r) => `(${r.join(',')})`),
    fc.array(ref, { maxLength: 3 }).map((r) => `IFCPROPERTYSETDEFINITIONSET((${r.join(',')}))`),
    fc.constantFrom('$', '*', "'x'", '1.5', '.T.'),
  );
  const line = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 12 }), refs, refs).map(([id, objects, def]) => `#${id}=IFCRELDEFINESBYPROPERTIES(${G(id)},$,$,$,${objects},${def});`),
    fc.tuple(fc.integer({ min: 1, max: 12 }), refs, ref).map(([id, objects, type]) => `#${id}=IFCRELDEFINESBYTYPE(${G(id)},$,$,$,${objects},${type});`),
    fc.tuple(fc.integer({ min: 1, max: 12 }), refs).map(([id, sets]) => `#${id}=IFCWALLTYPE(${G(id)},$,'T',$,$,${sets},$,$,$,.NOTDEFINED.);`),
    fc.integer({ min: 1, max: 12 }).map((id) => `#${id}=IFCWALL(${G(id)},$,'W',$,$,$,$,$,$);`),
    fc.integer({ min: 1, max: 12 }).map((id) => `#${id}=IFCPROPERTYSET(${G(id)},$,'P',$,());`),
  );

  it('never throws and links only existing definitions', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const model = parseIfc(stepFile(lines.join('\n'), 'IFC4'));
        for (let id = 1; id <= 13; id++) {
          for (const l of model.propertyDefinitions(id)) {
            expect(model.get(l.definition)?.type).toBe(l.definitionType);
            expect(l.source === 'type' ? l.typeRelationship !== undefined : l.typeRelationship === undefined).toBe(true);
          }
          expect(() => model.propertySets(id)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });
});
