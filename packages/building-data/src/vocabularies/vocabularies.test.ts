import { describe, expect, it } from 'vitest';
import { BuildingDataError } from '../errors.js';
import { genericAksProfile, bactwinInspiredProfile } from '../keys/key-profiles.js';
import { pointSemantics } from '../mappings/point-semantics.js';
import { bacnetEngineeringUnits, bacnetObjectTypes } from '../operation/bacnet.js';
import { bwzkParent, loadBwzk } from './bwzk.js';
import { germanStates, jurisdictionLevels, meterMedia, parseAgs } from './code-lists.js';
import { din276CostGroups } from './din276.js';
import { din277UsageCategories } from './din277.js';
import { checkVocabularyStructure, type Vocabulary } from './vocabulary.js';

const shipped: Vocabulary[] = [
  din276CostGroups,
  din277UsageCategories,
  germanStates,
  jurisdictionLevels,
  meterMedia,
  bacnetObjectTypes,
  bacnetEngineeringUnits,
];

describe('shipped vocabularies', () => {
  it.each(shipped.map((v) => [v.info.id, v] as const))('%s states source, edition and version and is structurally sound', (_id, v) => {
    expect(v.info.source.length).toBeGreaterThan(10);
    expect(v.info.edition.length).toBeGreaterThan(0);
    expect(v.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(checkVocabularyStructure(v)).toEqual([]);
    expect(new Set(v.entries.map((e) => e.code)).size).toBe(v.entries.length);
    for (const e of v.entries) {
      expect(e.label.de.trim()).toBe(e.label.de);
      expect(e.label.en?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('shipped data files that are not vocabularies', () => {
  it.each([
    ['key profile generic-aks', genericAksProfile.data],
    ['key profile bactwin-bas-inspired', bactwinInspiredProfile.data],
    ['point semantics', pointSemantics],
  ] as const)('%s states source, edition and version', (_id, data) => {
    expect(data.source.length).toBeGreaterThan(10);
    expect(data.edition?.length ?? 0).toBeGreaterThan(0);
    expect(data.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('DIN 276:2018-12 cost groups', () => {
  it('has the eight first-level groups with their labels, verified', () => {
    const top = din276CostGroups.children(null);
    expect(top.map((g) => g.code)).toEqual(['100', '200', '300', '400', '500', '600', '700', '800']);
    expect(top.every((g) => g.verified)).toBe(true);
    expect(din276CostGroups.label('de', '300')).toBe('Bauwerk – Baukonstruktionen');
    expect(din276CostGroups.label('de', '400')).toBe('Bauwerk – Technische Anlagen');
    expect(din276CostGroups.info.edition).toBe('2018-12');
  });

  it('nests codes by their digits in at most three levels', () => {
    for (const g of din276CostGroups.entries) {
      expect(g.code).toMatch(/^[1-8]\d\d$/);
      const level = din276CostGroups.level(g.code);
      expect(level).toBeLessThanOrEqual(3);
      if (level === 1) expect(g.code.endsWith('00')).toBe(true);
      if (level === 2) {
        expect(g.code[0]).toBe(g.parent?.[0]);
        expect(g.code.endsWith('0') && !g.code.endsWith('00')).toBe(true);
      }
      if (level === 3) {
        expect(g.code.slice(0, 2)).toBe(g.parent?.slice(0, 2));
        expect(g.code.endsWith('0')).toBe(false);
      }
    }
    expect(din276CostGroups.children('400').map((g) => g.code)).toEqual(['410', '420', '430', '440', '450', '460', '470', '480', '490']);
    expect(din276CostGroups.ancestors('481').map((g) => g.code)).toEqual(['480', '400']);
  });

  it('marks every label below the first level as unverified', () => {
    const unverified = din276CostGroups.entries.filter((g) => !g.verified);
    expect(unverified.length).toBe(din276CostGroups.entries.length - 8);
    expect(din276CostGroups.info.verification).toContain('NOT checked');
  });
});

describe('code lists', () => {
  it('lists the 16 Länder with unique ISO 3166-2 and NUTS codes', () => {
    expect(germanStates.entries).toHaveLength(16);
    expect(new Set(germanStates.entries.map((s) => s.iso3166_2)).size).toBe(16);
    expect(new Set(germanStates.entries.map((s) => s.nuts1)).size).toBe(16);
    expect(germanStates.require('11')).toMatchObject({ iso3166_2: 'DE-BE', nuts1: 'DE3' });
    expect(germanStates.entries.every((s) => /^DE-[A-Z]{2}$/.test(s.iso3166_2) && /^DE[1-9A-G]$/.test(s.nuts1))).toBe(true);
  });

  it('has the DCAT-AP.de levels and meter media with OBIS digits', () => {
    expect(jurisdictionLevels.entries.map((l) => l.code)).toEqual(['federal', 'state', 'administrativeDistrict', 'municipality']);
    expect(meterMedia.require('electricity').obisMedium).toBe(1);
    expect(meterMedia.require('gas')).toMatchObject({ obisMedium: 7, indicator: 'heat' });
  });

  it('parses an AGS and names the position of an error', () => {
    expect(parseAgs('09162000')).toMatchObject({ land: '09', regierungsbezirk: '1', kreis: '62', gemeinde: '000' });
    expect(parseAgs('09162000').state.label.de).toBe('Bayern');
    try {
      parseAgs('0916x000');
      expect.unreachable();
    } catch (e) {
      expect((e as BuildingDataError).location.offset).toBe(4);
    }
    expect(() => parseAgs('17000000')).toThrow(/Länderschlüssel 17/);
    expect(() => parseAgs('0916200')).toThrow(BuildingDataError);
  });
});

describe('BWZK loader', () => {
  // Test data only (invented codes and labels); the package ships no BWZK content.
  const csv = 'Code;Bezeichnung;English\n# comment\n9000;Gruppe;Group\n9100;Untergruppe;Subgroup\n9110;Art;Type\n9111;Unterart\n9120;Art 2;Type 2\n9200;Andere;Other\n';

  it('derives the hierarchy from the four digits', () => {
    expect(bwzkParent('9111', new Set(['9000', '9100', '9110']))).toBe('9110');
    expect(bwzkParent('9111', new Set(['9000']))).toBe('9000');
    expect(bwzkParent('9000', new Set(['9000']))).toBeNull();
    const v = loadBwzk(csv, { source: 'Testdaten', edition: 'test' });
    expect(v.ancestors('9111').map((e) => e.code)).toEqual(['9110', '9100', '9000']);
    expect(v.children('9100').map((e) => e.code)).toEqual(['9110', '9120']);
    expect(v.label('en', '9111')).toBe('Unterart');
    expect(v.info).toMatchObject({ id: 'bwzk', source: 'Testdaten', edition: 'test' });
  });

  it('accepts rows with explicit parents and rejects malformed lines with their line number', () => {
    const v = loadBwzk([{ code: '1000', de: 'A' }, { code: '1234', de: 'B', parent: '1000' }], { source: 's', edition: 'e', verified: false });
    expect(v.get('1234')).toMatchObject({ parent: '1000', verified: false });
    try {
      loadBwzk('1000;A\n12x4;B', { source: 's', edition: 'e' });
      expect.unreachable();
    } catch (e) {
      expect(BuildingDataError.isInstance(e)).toBe(true);
      expect((e as BuildingDataError).location?.line).toBe(2);
    }
    expect(() => loadBwzk('1000;A\n1000;B', { source: 's', edition: 'e' })).toThrow(/duplicate-code/);
    expect(() => loadBwzk('1000;A', { source: '', edition: 'e' })).toThrow(BuildingDataError);
  });
});
