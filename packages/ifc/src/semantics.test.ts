import { describe, expect, it } from 'vitest';
import { parseIfc } from './open.js';
import { stepFile } from './test-helpers.js';

const G = (n: number) => `'${String(n).padStart(22, '0')}'`;
const ifc4 = stepFile(
  [
    `#1=IFCPROJECT(${G(1)},$,'P',$,$,'Projekt',$,$,$);`,
    `#2=IFCSITE(${G(2)},$,'S',$,$,$,$,$,.ELEMENT.,$,$,$,$,$);`,
    `#3=IFCBUILDING(${G(3)},$,'B',$,$,$,$,'Schule',.ELEMENT.,$,$,$);`,
    `#4=IFCBUILDINGSTOREY(${G(4)},$,'EG',$,$,$,$,'Erdgeschoss',.ELEMENT.,0.);`,
    `#5=IFCSPACE(${G(5)},$,'001',$,$,$,$,'B\\X\\FCro',.ELEMENT.,.INTERNAL.,$);`,
    `#10=IFCRELAGGREGATES(${G(10)},$,$,$,#1,(#2));`,
    `#11=IFCRELAGGREGATES(${G(11)},$,$,$,#2,(#3));`,
    `#12=IFCRELAGGREGATES(${G(12)},$,$,$,#3,(#4));`,
    `#13=IFCRELAGGREGATES(${G(13)},$,$,$,#4,(#5));`,
    `#20=IFCWALL(${G(20)},$,'W',$,$,$,$,$,$);`,
    `#21=IFCOPENINGELEMENT(${G(21)},$,'O',$,$,$,$,$,.OPENING.);`,
    `#22=IFCDOOR(${G(22)},$,'D',$,$,$,$,$,2.1,1.,.DOOR.,$,$);`,
    `#23=IFCRELVOIDSELEMENT(${G(23)},$,$,$,#20,#21);`,
    `#24=IFCRELFILLSELEMENT(${G(24)},$,$,$,#21,#22);`,
    `#25=IFCRELCONTAINEDINSPATIALSTRUCTURE(${G(25)},$,$,$,(#20,#22),#4);`,
    `#26=IFCRELCONTAINEDINSPATIALSTRUCTURE(${G(26)},$,$,$,(#22),#4);`,
    // type object with its own property set
    `#30=IFCWALLTYPE(${G(30)},$,'WT',$,$,(#31),$,$,$,.SOLIDWALL.);`,
    `#31=IFCPROPERTYSET(${G(31)},$,'Pset_WallCommon',$,(#32,#33));`,
    `#32=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.F.),$);`,
    `#33=IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F90'),$);`,
    `#34=IFCRELDEFINESBYTYPE(${G(34)},$,$,$,(#20),#30);`,
    `#35=IFCPROPERTYSET(${G(35)},$,'Pset_WallCommon',$,(#36));`,
    `#36=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);`,
    `#37=IFCRELDEFINESBYPROPERTIES(${G(37)},$,$,$,(#20),#35);`,
    `#38=IFCPROPERTYSET(${G(38)},$,'Custom',$,(#39,#40,#41));`,
    `#39=IFCPROPERTYENUMERATEDVALUE('Colour',$,(IFCLABEL('red'),IFCLABEL('blue')),$);`,
    `#40=IFCPROPERTYBOUNDEDVALUE('Temp',$,IFCTHERMODYNAMICTEMPERATUREMEASURE(25.),IFCTHERMODYNAMICTEMPERATUREMEASURE(18.),$,$);`,
    `#41=IFCCOMPLEXPROPERTY('Frame',$,'usage',(#42));`,
    `#42=IFCPROPERTYSINGLEVALUE('Depth',$,IFCLENGTHMEASURE(0.1),$);`,
    `#43=IFCRELDEFINESBYPROPERTIES(${G(43)},$,$,$,(#20),IFCPROPERTYSETDEFINITIONSET((#38,#50)));`,
    // quantities
    `#50=IFCELEMENTQUANTITY(${G(50)},$,'Qto_WallBaseQuantities',$,'m',(#51));`,
    `#51=IFCQUANTITYLENGTH('Length',$,$,4.5,$);`,
    `#52=IFCELEMENTQUANTITY(${G(52)},$,'Qto_SpaceBaseQuantities',$,$,(#53,#54));`,
    `#53=IFCQUANTITYAREA('NetFloorArea',$,$,20.5,$);`,
    `#54=IFCPHYSICALCOMPLEXQUANTITY('Layer',$,(#55),'d',$,$);`,
    `#55=IFCQUANTITYVOLUME('Volume',$,$,3.,$);`,
    `#56=IFCRELDEFINESBYPROPERTIES(${G(56)},$,$,$,(#5),#52);`,
    // classification: system ← parent reference ← reference
    `#60=IFCCLASSIFICATION('NBS','2015',$,'Uniclass 2015',$,'https://uniclass',$);`,
    `#61=IFCCLASSIFICATIONREFERENCE($,'EF_25',$,#60,$,$);`,
    `#62=IFCCLASSIFICATIONREFERENCE($,'EF_25_10','Walls',#61,$,$);`,
    `#63=IFCRELASSOCIATESCLASSIFICATION(${G(63)},$,$,$,(#20),#62);`,
    `#64=IFCRELASSOCIATESCLASSIFICATION(${G(64)},$,$,$,(#30),#60);`,
    // materials
    `#70=IFCMATERIAL('Beton',$,'concrete');`,
    `#71=IFCMATERIAL('D\\X2\\00E4\\X0\\mmung',$,'insulation');`,
    `#72=IFCMATERIALLAYER(#70,0.2,$,'Core',$,'LoadBearing',$);`,
    `#73=IFCMATERIALLAYER(#71,0.1,$,'Insulation',$,$,$);`,
    `#74=IFCMATERIALLAYERSET((#72,#73),'AW 30',$);`,
    `#75=IFCMATERIALLAYERSETUSAGE(#74,.AXIS2.,.POSITIVE.,0.,$);`,
    `#76=IFCRELASSOCIATESMATERIAL(${G(76)},$,$,$,(#20),#75);`,
    `#77=IFCMATERIALCONSTITUENT('Frame',$,#70,0.3,$);`,
    `#78=IFCMATERIALCONSTITUENTSET('Door set',$,(#77));`,
    `#79=IFCRELASSOCIATESMATERIAL(${G(79)},$,$,$,(#22),#78);`,
    `#80=IFCRELASSOCIATESMATERIAL(${G(80)},$,$,$,(#30),#71);`,
    // group and nesting
    `#90=IFCZONE(${G(90)},$,'Zone A',$,$,$);`,
    `#91=IFCRELASSIGNSTOGROUP(${G(91)},$,$,$,(#5),$,#90);`,
    `#92=IFCDISTRIBUTIONPORT(${G(92)},$,'Port',$,$,$,$,.SOURCE.,$,$);`,
    `#93=IFCRELNESTS(${G(93)},$,$,$,#22,(#92));`,
  ].join('\n'),
);

describe('relations', () => {
  const m = parseIfc(ifc4);
  it('indexes aggregation, containment, voids, fills, groups, nesting and types both ways', () => {
    expect(m.relations(5).aggregatedIn).toBe(4);
    expect(m.relations(4).aggregates).toEqual([5]);
    expect(m.relations(4).contains).toEqual([20, 22]);
    expect(m.relations(20).containedIn).toBe(4);
    expect(m.relations(20).openings).toEqual([21]);
    expect(m.relations(21).voids).toBe(20);
    expect(m.relations(21).fillings).toEqual([22]);
    expect(m.relations(22).fills).toBe(21);
    expect(m.relations(5).groups).toEqual([90]);
    expect(m.relations(90).members).toEqual([5]);
    expect(m.relations(92).nestedIn).toBe(22);
    expect(m.relations(22).nests).toEqual([92]);
    expect(m.relations(20).type).toBe(30);
    expect(m.relations(30).instances).toEqual([20]);
    expect(m.warnings).toEqual([]);
  });
  it('answers the IDS partOf relations', () => {
    expect(m.partOf(5, 'IFCRELAGGREGATES')).toEqual([4]);
    expect(m.partOf(20, 'IFCRELCONTAINEDINSPATIALSTRUCTURE')).toEqual([4]);
    expect(m.partOf(21, 'IFCRELVOIDSELEMENT')).toEqual([20]);
    expect(m.partOf(22, 'IFCRELFILLSELEMENT')).toEqual([21]);
    expect(m.partOf(5, 'IFCRELASSIGNSTOGROUP')).toEqual([90]);
    expect(m.partOf(92, 'IFCRELNESTS')).toEqual([22]);
    expect(m.partOf(1, 'IFCRELAGGREGATES')).toEqual([]);
  });
});

describe('spatialTree', () => {
  it('walks project → site → building → storey → space with names, elevation and contents', () => {
    const tree = parseIfc(ifc4).spatialTree();
    const storey = tree.projects[0]?.children[0]?.children[0]?.children[0];
    expect(tree.projects[0]?.longName).toBe('Projekt');
    expect(storey).toMatchObject({ type: 'IFCBUILDINGSTOREY', name: 'EG', elevation: 0, elevationRaw: '0.' });
    expect(storey?.containedElements).toBe(2);
    expect(storey?.containmentRels).toBe(2);
    expect(storey?.containedByType).toEqual({ IFCWALL: 1, IFCDOOR: 1 });
    expect(storey?.children[0]).toMatchObject({ type: 'IFCSPACE', name: '001', longName: 'Büro' });
    expect(tree.unattached).toEqual([]);
  });
});

describe('propertySets', () => {
  const m = parseIfc(ifc4);
  it('merges type properties into the occurrence set of the same name; the occurrence wins', () => {
    const sets = m.propertySets(20);
    const common = sets.find((s) => s.name === 'Pset_WallCommon');
    expect(common?.id).toBe(35);
    expect(common?.typeId).toBe(30);
    const byName = Object.fromEntries(common?.properties.map((p) => [p.name, p]) ?? []);
    expect(byName['IsExternal']?.value).toEqual({ kind: 'typed', type: 'IFCBOOLEAN', value: true });
    expect(byName['IsExternal']?.source).toBe('occurrence');
    expect(byName['FireRating']?.value).toEqual({ kind: 'typed', type: 'IFCLABEL', value: 'F90' });
    expect(byName['FireRating']?.source).toBe('type');
  });
  it('reads sets from an IfcPropertySetDefinitionSet and every property kind', () => {
    const custom = m.propertySets(20).find((s) => s.name === 'Custom');
    expect(custom?.properties.map((p) => p.name)).toEqual(['Colour', 'Temp', 'Frame']);
    const [colour, temp, frame] = custom?.properties ?? [];
    expect(colour?.value).toEqual([
      { kind: 'typed', type: 'IFCLABEL', value: 'red' },
      { kind: 'typed', type: 'IFCLABEL', value: 'blue' },
    ]);
    expect(temp?.upperBound).toEqual({ kind: 'typed', type: 'IFCTHERMODYNAMICTEMPERATUREMEASURE', value: 25 });
    expect(temp?.lowerBound).toEqual({ kind: 'typed', type: 'IFCTHERMODYNAMICTEMPERATUREMEASURE', value: 18 });
    expect(frame?.properties?.[0]?.name).toBe('Depth');
  });
  it('without inheritance gives only the occurrence sets', () => {
    const own = m.propertySets(20, { inherit: false });
    expect(own.map((s) => s.name).sort()).toEqual(['Custom', 'Pset_WallCommon']);
    expect(own.find((s) => s.name === 'Pset_WallCommon')?.properties).toHaveLength(1);
  });
  it('gives a type object its HasPropertySets', () => {
    expect(m.propertySets(30).map((s) => s.id)).toEqual([31]);
  });
});

describe('quantities', () => {
  const m = parseIfc(ifc4);
  it('reads element quantities with kinds, values and complex quantities', () => {
    const q = m.quantities(5);
    expect(q[0]?.name).toBe('Qto_SpaceBaseQuantities');
    expect(q[0]?.quantities[0]).toMatchObject({ name: 'NetFloorArea', kind: 'area', value: 20.5 });
    expect(q[0]?.quantities[1]?.quantities?.[0]).toMatchObject({ name: 'Volume', kind: 'volume', value: 3 });
    expect(m.quantities(20)[0]).toMatchObject({ name: 'Qto_WallBaseQuantities', methodOfMeasurement: 'm' });
    expect(m.propertySets(5)).toEqual([]);
  });
});

describe('classifications', () => {
  it('resolves references up to the system, and inherits from the type', () => {
    const c = parseIfc(ifc4).classifications(20);
    expect(c[0]).toMatchObject({
      id: 62,
      system: 'Uniclass 2015',
      systemId: 60,
      edition: '2015',
      identification: 'EF_25_10',
      name: 'Walls',
      parents: ['EF_25'],
      location: 'https://uniclass',
      source: 'occurrence',
    });
    expect(c[1]).toMatchObject({ id: 60, system: 'Uniclass 2015', identification: null, source: 'type' });
  });
});

describe('materials', () => {
  const m = parseIfc(ifc4);
  it('resolves a layer set usage to its layers and materials, and inherits from the type', () => {
    const [usage, fromType] = m.materials(20);
    expect(usage).toMatchObject({ id: 75, kind: 'layerSet', name: 'AW 30', usage: 75, source: 'occurrence' });
    expect(usage?.parts.map((p) => [p.name, p.category, p.thickness])).toEqual([
      ['Core', 'LoadBearing', 0.2],
      ['Insulation', null, 0.1],
    ]);
    expect(usage?.materials.map((x) => x.name)).toEqual(['Beton', 'Dämmung']);
    expect(fromType).toMatchObject({ kind: 'material', name: 'Dämmung', source: 'type' });
  });
  it('resolves constituent sets', () => {
    const [set] = m.materials(22);
    expect(set).toMatchObject({ kind: 'constituentSet', name: 'Door set' });
    expect(set?.parts[0]).toMatchObject({ name: 'Frame', fraction: 0.3 });
    expect(set?.materials[0]?.category).toBe('concrete');
  });
});

describe('IFC2X3', () => {
  const m = parseIfc(
    stepFile(
      [
        `#1=IFCWALL(${G(1)},#9,'W',$,$,$,$,$);`,
        `#2=IFCWALLTYPE(${G(2)},#9,'WT',$,$,(#3),$,$,$,.STANDARD.);`,
        `#3=IFCPROPERTYSET(${G(3)},#9,'Pset_WallCommon',$,(#4));`,
        `#4=IFCPROPERTYSINGLEVALUE('LoadBearing',$,IFCBOOLEAN(.T.),$);`,
        `#5=IFCRELDEFINESBYTYPE(${G(5)},#9,$,$,(#1),#2);`,
        `#6=IFCCLASSIFICATION('CSI','1998',$,'Masterformat');`,
        `#7=IFCCLASSIFICATIONREFERENCE($,'04 20 00','Unit Masonry',#6);`,
        `#8=IFCRELASSOCIATESCLASSIFICATION(${G(8)},#9,$,$,(#1),#7);`,
        `#9=IFCOWNERHISTORY($,$,$,.NOCHANGE.,$,$,$,0);`,
        `#10=IFCMATERIALLIST((#11,#12));`,
        `#11=IFCMATERIAL('Brick');`,
        `#12=IFCMATERIAL('Mortar');`,
        `#13=IFCRELASSOCIATESMATERIAL(${G(13)},#9,$,$,(#1),#10);`,
      ].join('\n'),
      'IFC2X3',
    ),
  );
  it('inherits type property sets through IfcRelDefinesByType and HasPropertySets', () => {
    expect(m.propertySets(1)).toMatchObject([{ id: 3, source: 'type', typeId: 2 }]);
  });
  it('reads ItemReference classifications and material lists', () => {
    expect(m.classifications(1)[0]).toMatchObject({ system: 'Masterformat', identification: '04 20 00', name: 'Unit Masonry' });
    expect(m.materials(1)[0]?.materials.map((x) => x.name)).toEqual(['Brick', 'Mortar']);
  });
});
