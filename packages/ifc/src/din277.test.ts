import { din277UsageCategories } from '@foederal/building-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { din277Areas, din277CategoryOf } from './din277.js';
import { parseIfc } from './open.js';
import { stepFile } from './test-helpers.js';

const G = (n: number) => `'${String(n).padStart(22, '0')}'`;
const gid = (n: number) => String(n).padStart(22, '0');

/** A space `#id` with its NetFloorArea (m²) in a Qto_SpaceBaseQuantities at `#id+1`…`#id+3`. */
const space = (id: number, name: string, nrf: number, quantityArea: (q: number, v: number) => string) => [
  `#${id}=IFCSPACE(${G(id)},$,'${name}',$,$,$,$,$,.ELEMENT.,$,$);`,
  `#${id + 1}=IFCELEMENTQUANTITY(${G(id + 1)},$,'Qto_SpaceBaseQuantities',$,$,(#${id + 2}));`,
  quantityArea(id + 2, nrf),
  `#${id + 3}=IFCRELDEFINESBYPROPERTIES(${G(id + 3)},$,$,$,(#${id}),#${id + 1});`,
];
const area4 = (q: number, v: number) => `#${q}=IFCQUANTITYAREA('NetFloorArea',$,$,${v.toFixed(2)},$);`;
const area2x3 = (q: number, v: number) => `#${q}=IFCQUANTITYAREA('NetFloorArea',$,$,${v.toFixed(2)});`;

/**
 * IFC4: building "Schule" directly under the project, EG with 0.01 (NUF 5.2), 0.02 (VF from a
 * system written `DIN277`), 0.03 (property NUF 7.1 and classification TF: the property wins);
 * OG with 1.01 (NUF 1.1 from its space type) and 1.02 (NUF 3 through a parent reference).
 */
const ifc4 = stepFile(
  [
    `#1=IFCPROJECT(${G(1)},$,'Projekt',$,$,$,$,$,#2);`,
    `#2=IFCUNITASSIGNMENT((#3,#4));`,
    `#3=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);`,
    `#4=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);`,
    `#10=IFCBUILDING(${G(10)},$,'Schule',$,$,$,$,$,.ELEMENT.,$,$,$);`,
    `#11=IFCBUILDINGSTOREY(${G(11)},$,'EG',$,$,$,$,$,.ELEMENT.,0.);`,
    `#12=IFCBUILDINGSTOREY(${G(12)},$,'OG',$,$,$,$,$,.ELEMENT.,3.5);`,
    `#13=IFCRELAGGREGATES(${G(13)},$,$,$,#1,(#10));`,
    `#14=IFCRELAGGREGATES(${G(14)},$,$,$,#10,(#11,#12));`,
    `#15=IFCRELAGGREGATES(${G(15)},$,$,$,#11,(#20,#30,#40));`,
    `#16=IFCRELAGGREGATES(${G(16)},$,$,$,#12,(#50,#60));`,
    ...space(20, '0.01', 60, area4),
    ...space(30, '0.02', 20, area4),
    ...space(40, '0.03', 10, area4),
    ...space(50, '1.01', 15, area4),
    ...space(60, '1.02', 25.5, area4),
    `#100=IFCCLASSIFICATION('DIN','2016','2016-01-01','DIN 277-1:2016',$,$,$);`,
    `#101=IFCCLASSIFICATIONREFERENCE($,'NUF 5.2','Unterrichtsr\\X\\E4ume',#100,$,$);`,
    `#102=IFCRELASSOCIATESCLASSIFICATION(${G(102)},$,$,$,(#20),#101);`,
    `#103=IFCCLASSIFICATION($,$,$,'DIN277',$,$,$);`,
    `#104=IFCCLASSIFICATIONREFERENCE($,'vf','Verkehrsfl\\X\\E4che',#103,$,$);`,
    `#105=IFCRELASSOCIATESCLASSIFICATION(${G(105)},$,$,$,(#30),#104);`,
    `#106=IFCPROPERTYSET(${G(106)},$,'DIN 277',$,(#107));`,
    `#107=IFCPROPERTYSINGLEVALUE('Nutzungsart',$,IFCLABEL('NUF 7.1 Lager'),$);`,
    `#108=IFCRELDEFINESBYPROPERTIES(${G(108)},$,$,$,(#40),#106);`,
    `#109=IFCCLASSIFICATIONREFERENCE($,'TF',$,#100,$,$);`,
    `#110=IFCRELASSOCIATESCLASSIFICATION(${G(110)},$,$,$,(#40),#109);`,
    `#111=IFCSPACETYPE(${G(111)},$,'Wohnraum',$,$,$,$,$,$,.SPACE.,$);`,
    `#112=IFCRELDEFINESBYTYPE(${G(112)},$,$,$,(#50),#111);`,
    `#113=IFCCLASSIFICATIONREFERENCE($,'NUF 1.1','Wohnr\\X\\E4ume',#100,$,$);`,
    `#114=IFCRELASSOCIATESCLASSIFICATION(${G(114)},$,$,$,(#111),#113);`,
    `#115=IFCCLASSIFICATIONREFERENCE($,'NUF','Nutzungsfl\\X\\E4che',#100,$,$);`,
    `#116=IFCCLASSIFICATIONREFERENCE($,'NUF 3','Produktion',#115,$,$);`,
    `#117=IFCRELASSOCIATESCLASSIFICATION(${G(117)},$,$,$,(#60),#116);`,
  ].join('\n'),
);

/**
 * IFC2X3 (ItemReference, four-attribute IfcClassificationReference, IfcClassification with four
 * attributes): a site with building "Halle", storey EG with 0.01 (NUF 4), 0.02 (TF 8.1) and 0.03
 * (an IfcClassificationNotation, which names no system: not read).
 */
const ifc2x3 = stepFile(
  [
    `#1=IFCPROJECT(${G(1)},$,'Projekt',$,$,$,$,$,#2);`,
    `#2=IFCUNITASSIGNMENT((#3));`,
    `#3=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);`,
    `#5=IFCSITE(${G(5)},$,'Gel\\X\\E4nde',$,$,$,$,$,.ELEMENT.,$,$,$,$,$);`,
    `#10=IFCBUILDING(${G(10)},$,'Halle',$,$,$,$,$,.ELEMENT.,$,$,$);`,
    `#11=IFCBUILDINGSTOREY(${G(11)},$,'EG',$,$,$,$,$,.ELEMENT.,0.);`,
    `#12=IFCRELAGGREGATES(${G(12)},$,$,$,#1,(#5));`,
    `#13=IFCRELAGGREGATES(${G(13)},$,$,$,#5,(#10));`,
    `#14=IFCRELAGGREGATES(${G(14)},$,$,$,#10,(#11));`,
    `#15=IFCRELAGGREGATES(${G(15)},$,$,$,#11,(#20,#30,#40));`,
    ...space(20, '0.01', 120.25, area2x3),
    ...space(30, '0.02', 30, area2x3),
    ...space(40, '0.03', 9.75, area2x3),
    `#100=IFCCLASSIFICATION('DIN','2016',$,'DIN 277');`,
    `#101=IFCCLASSIFICATIONREFERENCE($,'NUF 4','Lagern, Verteilen und Verkaufen',#100);`,
    `#102=IFCRELASSOCIATESCLASSIFICATION(${G(102)},$,$,$,(#20),#101);`,
    `#103=IFCCLASSIFICATIONREFERENCE($,'TF 8.1',$,#100);`,
    `#104=IFCRELASSOCIATESCLASSIFICATION(${G(104)},$,$,$,(#30),#103);`,
    `#105=IFCCLASSIFICATIONNOTATIONFACET('9');`,
    `#106=IFCCLASSIFICATIONNOTATION((#105));`,
    `#107=IFCRELASSOCIATESCLASSIFICATION(${G(107)},$,$,$,(#40),#106);`,
  ].join('\n'),
  'IFC2X3',
);

describe('din277Areas on IFC4', () => {
  const result = din277Areas(parseIfc(ifc4));
  const spaces = result.data.buildings[0]?.storeys.flatMap((s) => s.spaces) ?? [];
  it('gives spaces the usage category of their DIN 277 classification reference', () => {
    expect(spaces.map((s) => [s.name, s.usageCategory])).toEqual([
      ['0.01', '5.2'], // NUF 5.2 under "DIN 277-1:2016"
      ['0.02', '9'], // vf under "DIN277"
      ['0.03', '7.1'], // the property NUF 7.1 wins over the reference TF
      ['1.01', '1.1'], // from the space type's reference
      ['1.02', '3'], // NUF 3 below a parent reference "NUF"
    ]);
    expect(result.classifiedSpaces).toBe(4);
    expect(result.data.problems).toEqual([]);
  });
  it('rolls the areas up per storey, building and model', () => {
    // EG: NUF 5 60 + VF 20 + NUF 7 10 = 90; OG: NUF 1 15 + NUF 3 25.5 = 40.5
    expect(result.sites).toEqual([]);
    expect(result.buildings).toHaveLength(1);
    const [eg, og] = result.buildings[0]?.children ?? [];
    expect(eg?.effective).toMatchObject({ nrf: 90, nuf: 70, nuf5: 60, nuf7: 10, vf: 20 });
    expect(og?.effective).toMatchObject({ nrf: 40.5, nuf: 40.5, nuf1: 15, nuf3: 25.5 });
    // NUF = 15 + 25.5 + 60 + 10 = 110.5; NRF = NUF + TF 0 + VF 20 = 130.5; groups without a space are 0
    expect(result.areas).toEqual({ nrf: 130.5, nuf: 110.5, nuf1: 15, nuf2: 0, nuf3: 25.5, nuf4: 0, nuf5: 60, nuf6: 0, nuf7: 10, tf: 0, vf: 20 });
    expect(result.areas).toEqual(result.buildings[0]?.effective);
    expect(result.issues).toEqual([]);
  });
  it('reads only properties with classifications: false', () => {
    const plain = din277Areas(parseIfc(ifc4), { classifications: false });
    expect(plain.classifiedSpaces).toBe(0);
    expect(plain.data.buildings[0]?.storeys.flatMap((s) => s.spaces).map((s) => s.usageCategory)).toEqual([undefined, undefined, '7.1', undefined, undefined]);
    // the NRF of every space, but only the 10 m² of 0.03 in a group
    expect(plain.areas).toEqual({ nrf: 130.5, nuf: 10, nuf1: 0, nuf2: 0, nuf3: 0, nuf4: 0, nuf5: 0, nuf6: 0, nuf7: 10, tf: 0, vf: 0 });
  });
  it('is what model.din277Areas() gives', async () => {
    expect(await parseIfc(ifc4).din277Areas()).toEqual(result);
  });
});

describe('din277Areas on IFC2X3', () => {
  const result = din277Areas(parseIfc(ifc2x3));
  it('reads ItemReference and ignores a classification notation without a system', () => {
    const spaces = result.data.sites[0]?.buildings[0]?.storeys[0]?.spaces ?? [];
    expect(spaces.map((s) => [s.name, s.usageCategory])).toEqual([
      ['0.01', '4'],
      ['0.02', '8.1'],
      ['0.03', undefined],
    ]);
    expect(result.classifiedSpaces).toBe(2);
  });
  it('rolls up through the site', () => {
    // NRF 120.25 + 30 + 9.75 = 160; NUF 4 120.25, TF 30; 0.03 has only its NRF
    expect(result.buildings).toEqual([]);
    expect(result.sites[0]?.children[0]?.name).toBe('Halle');
    expect(result.areas).toEqual({ nrf: 160, nuf: 120.25, nuf1: 0, nuf2: 0, nuf3: 0, nuf4: 120.25, nuf5: 0, nuf6: 0, nuf7: 0, tf: 30, vf: 0 });
    expect(result.areas).toEqual(result.sites[0]?.effective);
  });
});

describe('din277Areas with hostile or missing classifications', () => {
  const spaceIds = [20, 30, 40, 50, 60, 70, 80, 90, 200, 210];
  const model = stepFile(
    [
      `#1=IFCPROJECT(${G(1)},$,'Projekt',$,$,$,$,$,$);`,
      `#10=IFCBUILDING(${G(10)},$,'B',$,$,$,$,$,.ELEMENT.,$,$,$);`,
      `#11=IFCBUILDINGSTOREY(${G(11)},$,'EG',$,$,$,$,$,.ELEMENT.,0.);`,
      `#12=IFCRELAGGREGATES(${G(12)},$,$,$,#1,(#10));`,
      `#13=IFCRELAGGREGATES(${G(13)},$,$,$,#10,(#11));`,
      `#14=IFCRELAGGREGATES(${G(14)},$,$,$,#11,(${spaceIds.map((i) => `#${i}`).join(',')}));`,
      ...spaceIds.flatMap((id, i) => space(id, `R${i + 1}`, 10, area4)),
      `#100=IFCCLASSIFICATION($,$,$,'DIN 277',$,$,$);`,
      `#101=IFCCLASSIFICATION($,$,$,'Uniclass 2015',$,$,$);`,
      `#102=IFCCLASSIFICATION($,$,$,'DIN 2770',$,$,$);`,
      // R1: a category code in another system
      `#110=IFCCLASSIFICATIONREFERENCE($,'5.2',$,#101,$,$);`,
      `#111=IFCRELASSOCIATESCLASSIFICATION(${G(111)},$,$,$,(#20),#110);`,
      // R2: a system whose name only starts like DIN 277
      `#112=IFCCLASSIFICATIONREFERENCE($,'NUF 5',$,#102,$,$);`,
      `#113=IFCRELASSOCIATESCLASSIFICATION(${G(113)},$,$,$,(#30),#112);`,
      // R3: no category; an unknown one (1.7); then NUF 3, which counts
      `#114=IFCCLASSIFICATIONREFERENCE($,'Klassenraum',$,#100,$,$);`,
      `#115=IFCCLASSIFICATIONREFERENCE($,'NUF 1.7',$,#100,$,$);`,
      `#116=IFCCLASSIFICATIONREFERENCE($,'NUF 3',$,#100,$,$);`,
      `#117=IFCRELASSOCIATESCLASSIFICATION(${G(117)},$,$,$,(#40),#114);`,
      `#118=IFCRELASSOCIATESCLASSIFICATION(${G(118)},$,$,$,(#40),#115);`,
      `#119=IFCRELASSOCIATESCLASSIFICATION(${G(119)},$,$,$,(#40),#116);`,
      // R4: ReferencedSource points nowhere
      `#120=IFCCLASSIFICATIONREFERENCE($,'NUF 5',$,#999,$,$);`,
      `#121=IFCRELASSOCIATESCLASSIFICATION(${G(121)},$,$,$,(#50),#120);`,
      // R5: references that refer to each other and never reach a system
      `#122=IFCCLASSIFICATIONREFERENCE($,'NUF 5',$,#123,$,$);`,
      `#123=IFCCLASSIFICATIONREFERENCE($,'NUF',$,#122,$,$);`,
      `#124=IFCRELASSOCIATESCLASSIFICATION(${G(124)},$,$,$,(#60),#122);`,
      // R6: no Identification, only a Name
      `#125=IFCCLASSIFICATIONREFERENCE($,$,'NUF 5',#100,$,$);`,
      `#126=IFCRELASSOCIATESCLASSIFICATION(${G(126)},$,$,$,(#70),#125);`,
      // R7: the system itself, no reference
      `#127=IFCRELASSOCIATESCLASSIFICATION(${G(127)},$,$,$,(#80),#100);`,
      // R8: an Identification that is a number, not a string
      `#128=IFCCLASSIFICATIONREFERENCE($,5.2,$,#100,$,$);`,
      `#129=IFCRELASSOCIATESCLASSIFICATION(${G(129)},$,$,$,(#90),#128);`,
      // R9: an unknown usage property (9.9) and a reference VF 9.1: the reference counts
      `#130=IFCPROPERTYSET(${G(130)},$,'DIN 277',$,(#131));`,
      `#131=IFCPROPERTYSINGLEVALUE('Nutzungsart',$,IFCLABEL('9.9'),$);`,
      `#132=IFCRELDEFINESBYPROPERTIES(${G(132)},$,$,$,(#200),#130);`,
      `#133=IFCCLASSIFICATIONREFERENCE($,'VF 9.1',$,#100,$,$);`,
      `#134=IFCRELASSOCIATESCLASSIFICATION(${G(134)},$,$,$,(#200),#133);`,
      // R10: a relationship whose RelatingClassification is missing
      `#135=IFCRELASSOCIATESCLASSIFICATION(${G(135)},$,$,$,(#210),#998);`,
    ].join('\n'),
  );
  const result = din277Areas(parseIfc(model));
  const spaces = result.data.buildings[0]?.storeys[0]?.spaces ?? [];
  it('takes only a known category of a reference in a DIN 277 system', () => {
    expect(spaces.map((s) => [s.name, s.usageCategory])).toEqual([
      ['R1', undefined],
      ['R2', undefined],
      ['R3', '3'],
      ['R4', undefined],
      ['R5', undefined],
      ['R6', undefined],
      ['R7', undefined],
      ['R8', undefined],
      ['R9', '9.1'],
      ['R10', undefined],
    ]);
    expect(result.classifiedSpaces).toBe(2);
  });
  it('still reports the unknown usage property', () => {
    expect(result.data.problems).toEqual([expect.objectContaining({ code: 'unknown-usage-category', entityId: 200 })]);
  });
  it('counts every space to the NRF, the classified ones also to their group', () => {
    // ten spaces of 10 m²: NRF 100, of it NUF 3 (R3) 10 and VF (R9) 10
    expect(result.areas).toEqual({ nrf: 100, nuf: 10, nuf1: 0, nuf2: 0, nuf3: 10, nuf4: 0, nuf5: 0, nuf6: 0, nuf7: 0, tf: 0, vf: 10 });
    expect(result.buildings[0]?.children[0]?.children.map((r) => r.id)).toEqual(spaceIds.map(gid));
  });
  it('gives an empty result for a model without buildings', () => {
    const empty = din277Areas(parseIfc(stepFile(`#1=IFCPROJECT(${G(1)},$,'P',$,$,$,$,$,$);`)));
    expect(empty).toMatchObject({ sites: [], buildings: [], areas: {}, issues: [], classifiedSpaces: 0 });
  });
});

describe('din277CategoryOf', () => {
  it.each([
    ['NUF 5', '5'],
    ['nuf5.2', '5.2'],
    ['5.2', '5.2'],
    ['NUF  7', '7'],
    [' NUF\t1.1 ', '1.1'],
    ['TF', '8'],
    ['tf 8.1', '8.1'],
    ['8.9', '8.9'],
    ['VF', '9'],
    ['VF 9.2', '9.2'],
    ['9', '9'],
  ])('%s → %s', (text, code) => {
    expect(din277CategoryOf(text)).toBe(code);
  });
  it.each(['NUF 8', 'TF 9', 'VF 5', 'BGF', 'NRF', '', '   ', '10', '0', 'NUF 5.0', '5.10', 'NUF 5 Unterricht', 'Klassenraum'])('%s is no category', (text) => {
    expect(din277CategoryOf(text)).toBeUndefined();
  });
  it('reads every usage category of the vocabulary in its written forms', () => {
    for (const { code } of din277UsageCategories.entries) {
      const group = code.charAt(0);
      const prefix = group === '8' ? 'TF' : group === '9' ? 'VF' : 'NUF';
      for (const text of [code, `${prefix} ${code}`, `${prefix.toLowerCase()}${code}`]) expect(din277CategoryOf(text), text).toBe(code);
    }
  });
  it('gives a group or usage type for any text, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const code = din277CategoryOf(text);
        expect(code === undefined || /^[1-9](?:\.[1-9])?$/.test(code)).toBe(true);
      }),
    );
  });
});
