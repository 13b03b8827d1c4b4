import { parseIfc } from '@foederal/ifc';
import { describe, expect, it } from 'vitest';
import { checkIds } from './check.js';
import { parseIds } from './parse.js';
import { idsReportSchema } from './result.js';
import { idsWith, sampleModel, wallSpec } from '../test/sample-model.js';

const model = sampleModel();
const run = (spec: string) => checkIds(parseIds(idsWith(spec)), model);
const value = (v: string) => `<simpleValue>${v}</simpleValue>`;
const prop = (pset: string, name: string, extra = '', attrs = '') =>
  `<property ${attrs}><propertySet>${value(pset)}</propertySet><baseName>${value(name)}</baseName>${extra}</property>`;

describe('checkIds', () => {
  it('reports applicability, per-requirement counts and reasons', () => {
    const report = run(wallSpec('Brandschutz', prop('Pset_WallCommon', 'FireRating', `<value>${value('F90')}</value>`, 'dataType="IFCLABEL"')));
    expect(idsReportSchema.safeParse(report).success).toBe(true);
    const spec = report.specifications[0];
    expect(spec?.applicable).toBe(3);
    expect(spec?.status).toBe('fail');
    expect(spec?.requirements[0]?.passed).toBe(1);
    expect(spec?.requirements[0]?.failed).toBe(2);
    const reasons = spec?.requirements[0]?.failures.map((f) => [f.entity.id, f.reason.en]);
    expect(reasons).toEqual([
      [11, 'Pset_WallCommon.FireRating is "F30", required "F90"'],
      [12, 'property set "Pset_WallCommon" is missing'],
    ]);
    expect(spec?.requirements[0]?.failures[0]?.entity).toEqual({ id: 11, type: 'IFCWALL', globalId: '0bbbbbbbbbbbbbbbbbbbbb', name: 'Wand 2' });
    expect(report.passed).toBe(false);
    expect(report.summary).toMatchObject({ specifications: 1, passed: 0, failed: 1 });
  });

  it('inherits properties from the type object and lets the occurrence override them', () => {
    const report = run(wallSpec('T', prop('Pset_WallCommon', 'FireRating', `<value><xs:restriction base="xs:string"><xs:pattern value="F[39]0"/></xs:restriction></value>`), '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity><property><propertySet><simpleValue>Pset_WallCommon</simpleValue></propertySet><baseName><simpleValue>FireRating</simpleValue></baseName></property>'));
    expect(report.specifications[0]?.applicable).toBe(2);
    expect(report.specifications[0]?.status).toBe('pass');
  });

  it('reads property sets related through an IfcPropertySetDefinitionSet', () => {
    const spec = `<specification name="D" ifcVersion="IFC4"><applicability maxOccurs="unbounded"><entity><name>${value('IFCSLAB')}</name></entity></applicability><requirements>${prop('Foerderal_Pruefung', 'Geprueft', `<value>${value('true')}</value>`, 'dataType="IFCBOOLEAN"')}</requirements></specification>`;
    expect(run(spec).passed).toBe(true);
  });

  it('converts quantities to SI units before comparing', () => {
    expect(run(wallSpec('L', prop('Qto_WallBaseQuantities', 'Length', `<value>${value('2.5')}</value>`, 'dataType="IFCLENGTHMEASURE"'), '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity><property><propertySet><simpleValue>Qto_WallBaseQuantities</simpleValue></propertySet><baseName><simpleValue>Length</simpleValue></baseName></property>')).passed).toBe(true);
    expect(run(wallSpec('L', prop('Qto_WallBaseQuantities', 'Length', `<value>${value('2500')}</value>`), '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity><property><propertySet><simpleValue>Qto_WallBaseQuantities</simpleValue></propertySet><baseName><simpleValue>Length</simpleValue></baseName></property>')).passed).toBe(false);
  });

  it('resolves predefined types from the type object and USERDEFINED names', () => {
    const pt = (v: string) => `<entity><name><simpleValue>IFCWALL</simpleValue></name><predefinedType>${value(v)}</predefinedType></entity>`;
    expect(run(wallSpec('PT', '', pt('PARTITIONING'))).specifications[0]?.applicable).toBe(1);
    expect(run(wallSpec('PT', '', pt('SOLIDWALL'))).specifications[0]?.applicable).toBe(1);
    expect(run(wallSpec('PT', '', pt('Brandwand'))).specifications[0]?.applicable).toBe(1);
    expect(run(wallSpec('PT', '', pt('brandwand'))).specifications[0]?.status).toBe('fail');
  });

  it('checks classifications with their ancestors, materials and partOf', () => {
    const cls = (sys: string, v: string) => `<classification><value>${value(v)}</value><system>${value(sys)}</system></classification>`;
    expect(run(wallSpec('C', cls('DIN 276', '330'))).specifications[0]?.requirements[0]?.passed).toBe(2);
    expect(run(wallSpec('C', cls('DIN 276', '331'))).specifications[0]?.requirements[0]?.failed).toBe(1);
    const mat = (v: string, card = 'required') => `<material cardinality="${card}"><value>${value(v)}</value></material>`;
    expect(run(wallSpec('M', mat('concrete'))).specifications[0]?.requirements[0]).toMatchObject({ passed: 1, failed: 2 });
    expect(run(wallSpec('M', mat('concrete', 'optional'))).specifications[0]?.requirements[0]).toMatchObject({ passed: 3, failed: 0 });
    expect(run(wallSpec('M', mat('Holz', 'prohibited'))).passed).toBe(true);
    const partOf = (entity: string, relation = '') => `<partOf${relation ? ` relation="${relation}"` : ''}><entity><name>${value(entity)}</name></entity></partOf>`;
    expect(run(wallSpec('P', partOf('IFCBUILDINGSTOREY', 'IFCRELCONTAINEDINSPATIALSTRUCTURE'))).passed).toBe(true);
    expect(run(wallSpec('P', partOf('IFCBUILDING', 'IFCRELCONTAINEDINSPATIALSTRUCTURE'))).passed).toBe(true);
    expect(run(wallSpec('P', partOf('IFCBUILDING', 'IFCRELAGGREGATES'))).passed).toBe(false);
    expect(run(wallSpec('P', partOf('IFCPROJECT'))).passed).toBe(true);
  });

  it('evaluates attribute facets with cardinalities', () => {
    const attr = (name: string, v = '', card = 'required') => `<attribute cardinality="${card}"><name>${value(name)}</name>${v ? `<value>${value(v)}</value>` : ''}</attribute>`;
    expect(run(wallSpec('A', attr('Name'))).specifications[0]?.requirements[0]).toMatchObject({ passed: 2, failed: 1 });
    expect(run(wallSpec('A', attr('Name', '', 'optional'))).passed).toBe(true);
    expect(run(wallSpec('A', attr('Name', 'Wand 2', 'prohibited'))).specifications[0]?.requirements[0]).toMatchObject({ passed: 2, failed: 1 });
    expect(run(wallSpec('A', attr('Description'))).specifications[0]?.requirements[0]?.failures[0]?.reason.de).toBe('Attribut „Description“ fehlt oder ist leer');
  });

  it('honours specification usage: required needs a match, optional does not, prohibited forbids', () => {
    const door = '<entity><name><simpleValue>IFCDOOR</simpleValue></name></entity>';
    expect(run(wallSpec('R', '', door)).specifications[0]?.message?.en).toMatch(/no applicable entity/);
    expect(run(wallSpec('O', '', door, 'minOccurs="0" maxOccurs="unbounded"')).passed).toBe(true);
    expect(run(wallSpec('X', '', door, 'minOccurs="0" maxOccurs="0"')).passed).toBe(true);
    const prohibitedSlab = run(wallSpec('X', '', '<entity><name><simpleValue>IFCSLAB</simpleValue></name></entity>', 'minOccurs="0" maxOccurs="0"'));
    expect(prohibitedSlab.passed).toBe(false);
    expect(prohibitedSlab.specifications[0]?.prohibitedEntities.map((e) => e.id)).toEqual([13]);
  });

  it('finds applicable entities without an entity facet', () => {
    const report = run(`<specification name="P" ifcVersion="IFC4"><applicability maxOccurs="unbounded">${prop('Pset_WallCommon', 'FireRating')}</applicability><requirements><material/></requirements></specification>`);
    // walls #10 and #11 (through its type) and the wall type #30 itself
    expect(report.specifications[0]?.applicable).toBe(3);
    expect(report.specifications[0]?.requirements[0]?.failures.map((f) => f.entity.id)).toEqual([11, 30]);
    const named = run(`<specification name="N" ifcVersion="IFC4"><applicability maxOccurs="unbounded"><attribute><name>${value('Name')}</name><value>${value('Decke')}</value></attribute></applicability></specification>`);
    expect(named.specifications[0]?.applicable).toBe(1);
  });

  it('keeps at most maxFailures failures but counts them all', () => {
    const report = checkIds(parseIds(idsWith(wallSpec('A', '<attribute><name><simpleValue>Tag</simpleValue></name></attribute>'))), model, { maxFailures: 1 });
    expect(report.specifications[0]?.requirements[0]?.failed).toBe(3);
    expect(report.specifications[0]?.requirements[0]?.failures).toHaveLength(1);
  });
});

describe('checkIds on IFC2X3', () => {
  const ifc2x3 = `ISO-10303-21;
HEADER;
FILE_DESCRIPTION((''),'2;1');
FILE_NAME('x.ifc','2026-11-28T12:00:00',(),(),'','','');
FILE_SCHEMA(('IFC2X3'));
ENDSEC;
DATA;
#1=IFCFLOWTERMINAL('0aaaaaaaaaaaaaaaaaaaaa',$,'Auslass',$,$,$,$,$);
#2=IFCFLOWTERMINAL('0bbbbbbbbbbbbbbbbbbbbb',$,'Leuchte',$,$,$,$,$);
#3=IFCAIRTERMINALTYPE('0ccccccccccccccccccccc',$,'AT',$,$,$,$,$,$,.GRILLE.);
#4=IFCLAMPTYPE('0ddddddddddddddddddddd',$,'L',$,$,$,$,$,$,.HALOGEN.);
#5=IFCRELDEFINESBYTYPE('0eeeeeeeeeeeeeeeeeeeee',$,$,$,(#1),#3);
#6=IFCRELDEFINESBYTYPE('0fffffffffffffffffffff',$,$,$,(#2),#4);
ENDSEC;
END-ISO-10303-21;
`;
  const model = parseIfc(new TextEncoder().encode(ifc2x3));
  const spec = (app: string, req = '') =>
    idsWith(`<specification name="S" ifcVersion="IFC2X3"><applicability maxOccurs="unbounded">${app}</applicability>${req ? `<requirements>${req}</requirements>` : ''}</specification>`);

  it('resolves IFC4 occurrence names through the IFC2X3 type object', () => {
    const report = checkIds(parseIds(spec('<entity><name><simpleValue>IFCAIRTERMINAL</simpleValue></name><predefinedType><simpleValue>GRILLE</simpleValue></predefinedType></entity>')), model);
    expect(report.specifications[0]?.applicable).toBe(1);
    expect(report.passed).toBe(true);
    const lamp = checkIds(parseIds(spec('<entity><name><simpleValue>IFCFLOWTERMINAL</simpleValue></name></entity>', '<entity><name><simpleValue>IFCLAMP</simpleValue></name></entity>')), model);
    expect(lamp.specifications[0]?.requirements[0]).toMatchObject({ passed: 1, failed: 1 });
  });
});

describe('checkIds on a model with a malformed entity', () => {
  it('skips the entity and reports it instead of crashing', () => {
    const broken = `ISO-10303-21;
HEADER;
FILE_DESCRIPTION((''),'2;1');
FILE_NAME('x.ifc','2026-11-28T12:00:00',(),(),'','','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
#1=IFCWALL('0aaaaaaaaaaaaaaaaaaaaa',$,'ok',$,$,$,$,$,$);
#2=IFCWALL('0bbbbbbbbbbbbbbbbbbbbb',$,'x' 'y',$,$,$,$,$,$);
ENDSEC;
END-ISO-10303-21;
`;
    const report = checkIds(parseIds(idsWith(wallSpec('S', '<attribute><name><simpleValue>Name</simpleValue></name></attribute>'))), parseIfc(new TextEncoder().encode(broken)));
    expect(report.specifications[0]?.applicable).toBe(1);
    expect(report.passed).toBe(true);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.id).toBe(2);
    expect(report.problems[0]?.message).toMatch(/line 9/);
  });
});

describe('unit conversion', () => {
  const units = `ISO-10303-21;
HEADER;
FILE_DESCRIPTION((''),'2;1');
FILE_NAME('u.ifc','2026-11-28T12:00:00',(),(),'','','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
#1=IFCPROJECT('0YvctVUKr0kugbFTf53O9L',$,'P',$,$,$,$,$,#2);
#2=IFCUNITASSIGNMENT((#3,#5,#9));
#3=IFCCONVERSIONBASEDUNIT(#4,.LENGTHUNIT.,'FOOT',#7);
#4=IFCDIMENSIONALEXPONENTS(1,0,0,0,0,0,0);
#5=IFCSIUNIT(*,.THERMODYNAMICTEMPERATUREUNIT.,$,.DEGREE_CELSIUS.);
#6=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);
#7=IFCMEASUREWITHUNIT(IFCLENGTHMEASURE(0.3048),#8);
#8=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);
#9=IFCDERIVEDUNIT((#10,#11),.THERMALTRANSMITTANCEUNIT.,$);
#10=IFCDERIVEDUNITELEMENT(#12,1);
#11=IFCDERIVEDUNITELEMENT(#6,-2);
#12=IFCSIUNIT(*,.POWERUNIT.,.KILO.,.WATT.);
#20=IFCWALL('0aaaaaaaaaaaaaaaaaaaaa',$,'W',$,$,$,$,$,$);
#21=IFCPROPERTYSET('1aaaaaaaaaaaaaaaaaaaaa',$,'P',$,(#22,#23,#24));
#22=IFCPROPERTYSINGLEVALUE('Width',$,IFCLENGTHMEASURE(10.),$);
#23=IFCPROPERTYSINGLEVALUE('Temp',$,IFCTHERMODYNAMICTEMPERATUREMEASURE(20.),$);
#24=IFCPROPERTYSINGLEVALUE('U',$,IFCTHERMALTRANSMITTANCEMEASURE(1.E-9),$);
#25=IFCRELDEFINESBYPROPERTIES('2aaaaaaaaaaaaaaaaaaaaa',$,$,$,(#20),#21);
ENDSEC;
END-ISO-10303-21;
`;
  const model = parseIfc(new TextEncoder().encode(units));
  const check = (name: string, v: string) =>
    checkIds(parseIds(idsWith(wallSpec('U', `<property><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>${name}</simpleValue></baseName><value><simpleValue>${v}</simpleValue></value></property>`))), model).passed;

  it('converts conversion-based, offset and derived units of the project to SI', () => {
    expect(check('Width', '3.048')).toBe(true); // 10 ft
    expect(check('Width', '0.01')).toBe(false);
    expect(check('Temp', '293.15')).toBe(true); // 20 °C in kelvin
    expect(check('U', '1')).toBe(true); // 1e-9 kW/mm² = 1e-9 × 10³ × 10⁶ W/m² = 1 W/m²
    expect(check('U', '0.000000001')).toBe(false);
  });
});
