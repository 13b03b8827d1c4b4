import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollUpAreas, siteSchema } from '@foederal/building-data';
import { corpus } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { toBuildingData } from './building-data.js';
import { parseIfc } from './open.js';
import { stepFile } from './test-helpers.js';

const G = (n: number) => `'${String(n).padStart(22, '0')}'`;

const school = stepFile(
  [
    `#1=IFCPROJECT(${G(1)},$,'Schule',$,$,$,$,$,#2);`,
    `#2=IFCUNITASSIGNMENT((#3,#4));`,
    `#3=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);`,
    `#4=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);`,
    `#10=IFCSITE(${G(10)},$,'Schulzentrum',$,$,$,$,$,.ELEMENT.,$,$,$,$,$);`,
    `#11=IFCBUILDING(${G(11)},$,'Grundschule',$,$,$,$,$,.ELEMENT.,$,$,#12);`,
    `#12=IFCPOSTALADDRESS($,$,$,$,('Schulstra\\X\\DFe 1'),$,'Musterstadt',$,'12345','Deutschland');`,
    `#13=IFCBUILDINGSTOREY(${G(13)},$,'EG',$,$,$,$,$,.ELEMENT.,0.);`,
    `#14=IFCBUILDINGSTOREY(${G(14)},$,'OG',$,$,$,$,$,.ELEMENT.,3200.);`,
    `#15=IFCSPACE(${G(15)},$,'0.12',$,$,$,$,'Klassenraum 5a',.ELEMENT.,$,$);`,
    `#16=IFCSPACE(${G(16)},$,'0.13',$,$,$,$,$,.ELEMENT.,$,$);`,
    `#20=IFCRELAGGREGATES(${G(20)},$,$,$,#1,(#10));`,
    `#21=IFCRELAGGREGATES(${G(21)},$,$,$,#10,(#11));`,
    `#22=IFCRELAGGREGATES(${G(22)},$,$,$,#11,(#13,#14));`,
    `#23=IFCRELAGGREGATES(${G(23)},$,$,$,#13,(#15,#16));`,
    `#30=IFCELEMENTQUANTITY(${G(30)},$,'Qto_SpaceBaseQuantities',$,$,(#31,#32));`,
    `#31=IFCQUANTITYAREA('NetFloorArea',$,$,64.5,$);`,
    `#32=IFCQUANTITYAREA('GrossFloorArea',$,$,70.,$);`,
    `#33=IFCRELDEFINESBYPROPERTIES(${G(33)},$,$,$,(#15),#30);`,
    `#34=IFCPROPERTYSET(${G(34)},$,'DIN 277',$,(#35));`,
    `#35=IFCPROPERTYSINGLEVALUE('Nutzungsart',$,IFCLABEL('NUF 5.2 Unterrichtsr\\X\\E4ume'),$);`,
    `#36=IFCRELDEFINESBYPROPERTIES(${G(36)},$,$,$,(#15),#34);`,
    // a German quantity set in square millimetres through the quantity's own unit
    `#40=IFCELEMENTQUANTITY(${G(40)},$,'Flaechen DIN 277',$,$,(#41));`,
    `#41=IFCQUANTITYAREA('VF',$,#42,12500000.,$);`,
    `#42=IFCSIUNIT(*,.AREAUNIT.,.MILLI.,.SQUARE_METRE.);`,
    `#43=IFCRELDEFINESBYPROPERTIES(${G(43)},$,$,$,(#16),#40);`,
    `#50=IFCPROPERTYSET(${G(50)},$,'Pset_BuildingCommon',$,(#51));`,
    `#51=IFCPROPERTYSINGLEVALUE('YearOfConstruction',$,IFCLABEL('1974'),$);`,
    `#52=IFCRELDEFINESBYPROPERTIES(${G(52)},$,$,$,(#11),#50);`,
  ].join('\n'),
);

describe('toBuildingData', () => {
  it('maps site, building, storeys and spaces with DIN 277 areas, units converted', () => {
    const { sites, buildings, problems } = toBuildingData(parseIfc(school));
    expect(problems).toEqual([]);
    expect(buildings).toEqual([]);
    expect(() => siteSchema.parse(sites[0])).not.toThrow();
    const b = sites[0]?.buildings[0];
    expect(sites[0]).toMatchObject({ id: G(10).slice(1, -1), name: 'Schulzentrum' });
    expect(b).toMatchObject({
      name: 'Grundschule',
      yearOfConstruction: 1974,
      address: { street: 'Schulstraße 1', postalCode: '12345', locality: 'Musterstadt', country: 'DE' },
    });
    expect(b?.storeys.map((s) => [s.name, s.elevation])).toEqual([
      ['EG', 0],
      ['OG', 3.2],
    ]);
    expect(b?.storeys[0]?.spaces).toEqual([
      {
        id: G(15).slice(1, -1),
        globalId: G(15).slice(1, -1),
        name: '0.12',
        longName: 'Klassenraum 5a',
        usageCategory: '5.2',
        areas: { nrf: 64.5 },
      },
      { id: G(16).slice(1, -1), globalId: G(16).slice(1, -1), name: '0.13', areas: { vf: 12.5 } },
    ]);
  });
  it('gives records the building-data roll-up accepts', () => {
    const { sites } = toBuildingData(parseIfc(school));
    const result = rollUpAreas(sites[0] as Parameters<typeof rollUpAreas>[0]);
    expect(result.issues).toEqual([]);
    expect(result.rollUp.effective).toMatchObject({ nuf5: 64.5, vf: 12.5 });
  });
});

const ifc = corpus('ifc');
describe.skipIf(!ifc.available)('toBuildingData on the corpus', () => {
  it('reads the net floor areas of AC20-FZK-Haus from Qto_SpaceBaseQuantities', async () => {
    const { sites } = await parseIfc(readFileSync(join(ifc.path, 'AC20-FZK-Haus.ifc'))).toBuildingData();
    const storeys = sites[0]?.buildings[0]?.storeys ?? [];
    expect(storeys.map((s) => [s.name, s.elevation])).toEqual([
      ['Erdgeschoss', 0],
      ['Dachgeschoss', 2.7],
    ]);
    const spaces = storeys.flatMap((s) => s.spaces);
    expect(spaces).toHaveLength(7);
    expect(spaces.find((s) => s.longName === 'Schlafzimmer')?.areas?.nrf).toBe(21.410325);
    expect(spaces.every((s) => (s.areas?.nrf ?? 0) > 0)).toBe(true);
  });
  it('maps every corpus model to valid records', () => {
    for (const name of ['Office_A_20110811.ifc', 'duplex.ifc', 'Building-Architecture.ifc', 'ifc4x3/slab-openings.ifc']) {
      const data = toBuildingData(parseIfc(readFileSync(join(ifc.path, name))));
      for (const s of data.sites) expect(() => siteSchema.parse(s)).not.toThrow();
      expect(data.sites.length + data.buildings.length, name).toBeGreaterThan(0);
    }
  });
});
