import { describe, expect, it } from 'vitest';
import { checkVocabularyStructure } from '../vocabularies/vocabulary.js';
import { bacnetEngineeringUnitByNumber, bacnetEngineeringUnits, bacnetObjectTypes, resolveBacnetObjectType } from './bacnet.js';
import { dataPointSchema } from './data-point.js';

describe('BACnet vocabularies', () => {
  it('numbers object types as in ASHRAE 135', () => {
    const expected: Record<string, number> = {
      AI: 0, AO: 1, AV: 2, BI: 3, BO: 4, BV: 5, CAL: 6, DEV: 8, EE: 9, FIL: 10, LP: 12, MSI: 13, MSO: 14, NC: 15, PRG: 16, SCHED: 17, MSV: 19, TL: 20, ACC: 23,
    };
    for (const [abbr, n] of Object.entries(expected)) expect(resolveBacnetObjectType(abbr)?.number).toBe(n);
    expect(bacnetObjectTypes.entries.map((t) => t.number)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(new Set(bacnetObjectTypes.entries.map((t) => t.abbreviation)).size).toBe(60);
    expect(checkVocabularyStructure(bacnetObjectTypes)).toEqual([]);
  });

  it('resolves numbers, names and abbreviations in their usual spellings', () => {
    for (const v of ['19', 19, '019', 'multi-state-value', 'MULTI_STATE_VALUE', 'multiStateValue', 'OBJECT_MULTI_STATE_VALUE', 'msv']) {
      expect(resolveBacnetObjectType(v)?.code).toBe('multi-state-value');
    }
    expect(resolveBacnetObjectType('60')).toBeUndefined();
    expect(resolveBacnetObjectType('foo')).toBeUndefined();
  });

  it('numbers engineering units as in the standard', () => {
    expect(bacnetEngineeringUnitByNumber(62)?.code).toBe('degrees-celsius');
    expect(bacnetEngineeringUnitByNumber(19)?.symbol).toBe('kWh');
    expect(bacnetEngineeringUnitByNumber(98)?.code).toBe('percent');
    expect(bacnetEngineeringUnitByNumber(95)?.code).toBe('no-units');
    expect(new Set(bacnetEngineeringUnits.entries.map((u) => u.number)).size).toBe(bacnetEngineeringUnits.entries.length);
  });

  it('validates data points', () => {
    expect(dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-input', instance: 0 }, name: 'x' }).success).toBe(true);
    expect(dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-inputs', instance: 0 }, name: 'x' }).success).toBe(false);
    expect(dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-input', instance: 4194304 }, name: 'x' }).success).toBe(false);
    expect(dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-input', instance: 1 }, name: 'x', covIncrement: 0 }).success).toBe(false);
    const limits = dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-input', instance: 1 }, name: 'x', limits: { low: 5, high: 1 } });
    expect(limits.error?.issues[0]?.path).toEqual(['limits', 'low']);
    expect(dataPointSchema.safeParse({ objectIdentifier: { type: 'analog-input', instance: 1 }, name: 'x', limits: { min: 0, max: 0, low: 1, high: 1 } }).success).toBe(true);
  });
});
