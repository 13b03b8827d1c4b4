import { describe, expect, it } from 'vitest';
import { rollUpAreas } from './area-rollup.js';
import { buildingSchema, siteSchema } from './spatial.js';

const school = () =>
  buildingSchema.parse({
    id: 'B1',
    name: 'Schule',
    areas: { bgf: 300, kgf: 50, nrf: 250 },
    storeys: [
      {
        id: 'EG',
        name: 'EG',
        areas: { nrf: 150 },
        spaces: [
          { id: 'r1', name: '0.01', usageCategory: '5.2', areas: { nrf: 60 } },
          { id: 'r2', name: '0.02', usageCategory: '5.2', areas: { nrf: 60 } },
          { id: 'r3', name: '0.03', usageCategory: '9.1', areas: { nrf: 30 } },
        ],
      },
      {
        id: 'OG',
        name: 'OG',
        spaces: [
          { id: 'r4', name: '1.01', usageCategory: '2.1', areas: { nrf: 80 } },
          { id: 'r5', name: '1.02', usageCategory: '8', areas: { nrf: 20 } },
        ],
      },
    ],
  });

describe('rollUpAreas', () => {
  it('rolls a consistent building up from its spaces', () => {
    const { rollUp, issues, consistent } = rollUpAreas(school());
    expect(issues).toEqual([]);
    expect(consistent).toBe(true);
    expect(rollUp.effective).toMatchObject({ bgf: 300, kgf: 50, nrf: 250, nuf: 200, nuf5: 120, nuf2: 80, tf: 20, vf: 30 });
    expect(rollUp.children[0]?.computed).toMatchObject({ nrf: 150, nuf5: 120, vf: 30, tf: 0 });
    expect(rollUp.children[1]?.effective.nrf).toBe(100);
  });

  it('reports BGF = KGF + NRF with the location of the building', () => {
    const b = school();
    b.areas = { bgf: 310, kgf: 50, nrf: 250 };
    const { issues } = rollUpAreas(b);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'sum-mismatch', field: 'bgf', rule: 'BGF = KGF + NRF', declared: 310, computed: 300 });
    expect(issues[0]?.location.path).toEqual([]);
    expect(issues[0]?.message.de).toContain('Gebäude "Schule"');
  });

  it('reports a storey whose declared NRF differs from its spaces, and NRF = NUF + TF + VF', () => {
    const b = school();
    b.storeys[0]!.areas = { nrf: 160, nuf: 120, tf: 0, vf: 30 };
    const { issues } = rollUpAreas(b);
    const codes = issues.map((i) => [i.code, i.field, i.location.path.join('/')]);
    expect(codes).toContainEqual(['sum-mismatch', 'nrf', 'storeys/0']);
    expect(codes).toContainEqual(['children-mismatch', 'nrf', 'storeys/0']);
    // the building's NRF (250) now disagrees with the storeys (160 + 100)
    expect(codes).toContainEqual(['children-mismatch', 'nrf', '']);
    const storeyIssue = issues.find((i) => i.code === 'children-mismatch' && i.location.kind === 'storey');
    expect(storeyIssue?.declared).toBe(160);
    expect(storeyIssue?.computed).toBe(150);
    expect(storeyIssue?.location.trail.en).toBe('building "Schule" › storey "EG"');
  });

  it('reports unknown usage categories and conflicting area fields of a space', () => {
    const b = school();
    b.storeys[1]!.spaces[0]!.usageCategory = '7.9';
    b.storeys[1]!.spaces[1]!.areas = { nrf: 20, nuf2: 20 };
    const { issues } = rollUpAreas(b);
    const unknown = issues.find((i) => i.code === 'unknown-usage-category');
    expect(unknown?.location.path).toEqual(['storeys', 1, 'spaces', 0]);
    expect(unknown?.location.ids).toEqual(['B1', 'OG', 'r4']);
    const conflict = issues.find((i) => i.code === 'usage-category-conflict');
    expect(conflict).toMatchObject({ field: 'nuf2', declared: 20 });
    expect(conflict?.location.path).toEqual(['storeys', 1, 'spaces', 1]);
  });

  it('reports NUF = NUF 1-7 and a space whose NRF differs from its category field', () => {
    const b = school();
    b.storeys[0]!.spaces[0]!.areas = { nrf: 60, nuf5: 58 };
    b.storeys[1]!.areas = { nuf: 90, nuf2: 80 };
    const { issues } = rollUpAreas(b);
    expect(issues.find((i) => i.rule === 'NRF = NUF 5')?.location.path).toEqual(['storeys', 0, 'spaces', 0]);
    expect(issues.find((i) => i.rule === 'NUF = NUF 1 + … + NUF 7')).toMatchObject({ declared: 90, computed: 80 });
  });

  it('tolerates rounding within the tolerance and honours a custom tolerance', () => {
    const b = school();
    b.areas = { bgf: 300.004, kgf: 50, nrf: 250 };
    expect(rollUpAreas(b).consistent).toBe(true);
    b.areas = { bgf: 300.5, kgf: 50, nrf: 250 };
    expect(rollUpAreas(b).consistent).toBe(false);
    expect(rollUpAreas(b, { absolute: 0.6 }).consistent).toBe(true);
    expect(rollUpAreas(b, { relative: 0, absolute: 0.4 }).consistent).toBe(false);
  });

  it('rolls a site up over buildings and locates issues by JSON path', () => {
    const site = siteSchema.parse({ id: 'S', name: 'Campus', areas: { nrf: 999 }, buildings: [school(), { ...school(), id: 'B2', name: 'Turnhalle' }] });
    const { issues, rollUp } = rollUpAreas(site);
    expect(rollUp.computed.nrf).toBe(500);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.location.path).toEqual([]);
    expect(issues[0]?.location.kind).toBe('site');
  });
  // Expected sums by hand: EG 60 + 25 + 12 + 40 = 137, OG 18.5 + 30 + 25 = 73.5, B1 210.5;
  // B2 10 + 7 = 17; site 227.5. NUF 60 + 40 + 30 + 20 = 150, TF 12 + 7 = 19, VF 25 + 18.5 + 5 + 10 = 58.5.
  const partsOnly = () =>
    siteSchema.parse({
      id: 'S',
      name: 'Campus',
      areas: { nrf: 227.5, nuf: 150, tf: 19, vf: 58.5 },
      buildings: [
        {
          id: 'B1',
          name: 'Schule',
          areas: { nrf: 210.5, nuf: 150, tf: 12, vf: 48.5 },
          storeys: [
            {
              id: 'EG',
              name: 'EG',
              areas: { nrf: 137, nuf: 100, nuf2: 40, nuf5: 60, tf: 12, vf: 25 },
              spaces: [
                { id: 'r1', name: 'Klasse', areas: { nuf5: 60 } },
                { id: 'r2', name: 'Flur', areas: { vf: 25 } },
                { id: 'r3', name: 'Heizung', areas: { tf: 12 } },
                { id: 'r4', name: 'Büro', areas: { nrf: 40, nuf2: 40 } },
              ],
            },
            {
              id: 'OG',
              name: 'OG',
              areas: { nrf: 73.5, nuf: 50, vf: 23.5 },
              spaces: [
                { id: 'r5', name: 'Treppe', areas: { vf: 18.5 } },
                { id: 'r6', name: 'Lager', areas: { nuf: 30 } },
                { id: 'r7', name: 'Werkraum', areas: { nuf5: 20, vf: 5 } },
              ],
            },
          ],
        },
        {
          id: 'B2',
          name: 'Turnhalle',
          storeys: [
            {
              id: 'EG',
              name: 'EG',
              spaces: [
                { id: 't1', name: 'Flur', areas: { vf: 10 } },
                { id: 't2', name: 'Lüftung', areas: { tf: 7 } },
              ],
            },
          ],
        },
      ],
    });

  it('counts spaces with only VF, only TF or NUF only in a group into NRF at every level', () => {
    const { rollUp, issues } = rollUpAreas(partsOnly());
    expect(issues).toEqual([]);
    const [b1, b2] = rollUp.children;
    const [eg, og] = b1!.children;
    expect(eg!.children.map((s) => s.effective.nrf)).toEqual([60, 25, 12, 40]);
    expect(og!.children.map((s) => s.effective.nrf)).toEqual([18.5, 30, 25]);
    expect(eg!.computed).toMatchObject({ nrf: 137, nuf: 100, nuf5: 60, nuf2: 40, tf: 12, vf: 25 });
    expect(og!.computed).toMatchObject({ nrf: 73.5, nuf: 50, nuf5: 20, vf: 23.5 });
    expect(b1!.computed).toMatchObject({ nrf: 210.5, nuf: 150, tf: 12, vf: 48.5 });
    expect(b2!.computed).toMatchObject({ nrf: 17, tf: 7, vf: 10 });
    expect(b2!.effective.nrf).toBe(17);
    expect(rollUp.computed).toMatchObject({ nrf: 227.5, nuf: 150, tf: 19, vf: 58.5 });
  });

  it('reports a declared NRF that leaves out a VF-only or TF-only space', () => {
    const site = partsOnly();
    site.buildings[1]!.areas = { nrf: 10 };
    site.buildings[0]!.storeys[0]!.areas = { nrf: 112 };
    const { issues } = rollUpAreas(site);
    const mismatches = issues.filter((i) => i.code === 'children-mismatch').map((i) => [i.location.ids.join('/'), i.field, i.declared, i.computed]);
    // declared values win upwards: B1 = 112 + 73.5 = 185.5, site = 210.5 + 10 = 220.5
    expect(mismatches).toEqual([
      ['S/B1/EG', 'nrf', 112, 137],
      ['S/B1', 'nrf', 210.5, 185.5],
      ['S/B2', 'nrf', 10, 17],
      ['S', 'nrf', 227.5, 220.5],
    ]);
  });

  it('keeps a space without any net area out of the NRF sums', () => {
    const site = partsOnly();
    site.buildings[1]!.storeys[0]!.spaces.push({ id: 't3', name: 'Schacht', areas: { bgf: 2, kgf: 2 } }, { id: 't4', name: 'leer' });
    const { rollUp, issues } = rollUpAreas(site);
    expect(issues).toEqual([]);
    expect(rollUp.children[1]!.children[0]!.children.map((s) => s.effective.nrf)).toEqual([10, 7, undefined, undefined]);
    expect(rollUp.computed.nrf).toBe(227.5);
  });
  it('counts a space with a usage category but only its NUF total or a conflicting field into NRF', () => {
    const b = school();
    b.storeys[1]!.spaces = [
      { id: 'r4', name: '1.01', usageCategory: '2.1', areas: { nuf: 80 } },
      { id: 'r5', name: '1.02', usageCategory: '9.1', areas: { tf: 20 } },
    ];
    const { rollUp, issues } = rollUpAreas(b);
    expect(issues.map((i) => [i.code, i.field])).toEqual([['usage-category-conflict', 'tf']]);
    expect(rollUp.children[1]!.children.map((s) => s.effective.nrf)).toEqual([80, 20]);
    // 150 (EG) + 80 + 20 = 250, as declared for the building
    expect(rollUp.computed.nrf).toBe(250);
  });
});
