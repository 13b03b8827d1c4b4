import { describe, expect, it } from 'vitest';
import { bacnetObjectTypes } from '../operation/bacnet.js';
import type { DataPoint } from '../operation/data-point.js';
import { mapDataPoint, pointSemantics, pointSemanticsMarkdown } from './point-semantics.js';

const dp = (type: string, extra: Partial<DataPoint> = {}): DataPoint => ({
  objectIdentifier: { type, instance: 1 },
  name: 'x',
  writable: false,
  ...extra,
});

describe('Haystack and Brick mapping', () => {
  it('maps a heating flow temperature sensor', () => {
    const m = mapDataPoint(dp('analog-input', { units: 62, keyParts: { trade: 'HZG', function: 'MW' } }));
    expect(m).toMatchObject({ role: 'sensor', brick: 'Temperature_Sensor', brickIri: 'https://brickschema.org/schema/Brick#Temperature_Sensor' });
    expect(m.haystack).toEqual({ markers: ['point', 'sensor', 'temp', 'heat'], kind: 'Number', unit: '°C' });
    expect(m.basis).toEqual(['role:sensor', 'quantity:temperature', 'function:MW', 'trade:HZG']);
  });

  it('maps writable values to setpoints and read-only values to sensors', () => {
    expect(mapDataPoint(dp('analog-value', { units: 62, writable: true }))).toMatchObject({ role: 'setpoint', brick: 'Temperature_Setpoint' });
    expect(mapDataPoint(dp('analog-value', { units: 62, writable: true })).haystack.markers).toEqual(['point', 'sp', 'temp', 'writable']);
    expect(mapDataPoint(dp('analog-value', { units: 96 }))).toMatchObject({ role: 'sensor', brick: 'CO2_Sensor' });
  });

  it('uses the function abbreviation for binary status and commands', () => {
    expect(mapDataPoint(dp('binary-input', { keyParts: { function: 'BM' } }))).toMatchObject({ role: 'status', brick: 'Run_Status' });
    expect(mapDataPoint(dp('binary-input', { keyParts: { function: 'SM' } }))).toMatchObject({ role: 'status', brick: 'Fault_Status' });
    expect(mapDataPoint(dp('binary-output', { keyParts: { function: 'SB', trade: 'LUE' } })).haystack.markers).toEqual(['point', 'cmd', 'run', 'air']);
    expect(mapDataPoint(dp('binary-output', { keyParts: { function: 'SB' } })).brick).toBe('On_Off_Command');
    expect(mapDataPoint(dp('analog-output', { units: 98 })).brick).toBe('Position_Command');
    // a function that contradicts the object type does not change the class
    expect(mapDataPoint(dp('analog-input', { units: 62, keyParts: { function: 'SB' } })).brick).toBe('Temperature_Sensor');
  });

  it('honours other segment names and leaves non-point objects unmapped', () => {
    expect(mapDataPoint(dp('binary-input', { keyParts: { fn: 'BM' } }), { functionSegment: 'fn' }).brick).toBe('Run_Status');
    expect(mapDataPoint(dp('device'))).toMatchObject({ role: undefined, brick: undefined });
    expect(mapDataPoint(dp('schedule')).haystack.markers).toEqual([]);
    expect(() => mapDataPoint(dp('no-such-type'))).toThrow(/unbekannter BACnet-Objekttyp/);
  });

  it('refers only to known object types and has unique function and trade codes', () => {
    for (const r of pointSemantics.roles) for (const t of r.objectTypes) expect(bacnetObjectTypes.has(t)).toBe(true);
    for (const t of Object.keys(pointSemantics.kinds)) expect(bacnetObjectTypes.has(t)).toBe(true);
    expect(new Set(pointSemantics.functions.map((f) => f.code)).size).toBe(pointSemantics.functions.length);
    expect(new Set(pointSemantics.trades.map((f) => f.code)).size).toBe(pointSemantics.trades.length);
    const units = pointSemantics.quantities.flatMap((q) => q.units);
    expect(new Set(units).size).toBe(units.length);
  });

  it('renders the documented tables', () => {
    const md = pointSemanticsMarkdown('en');
    expect(md).toContain('| BM | run status | run | Run_Status |');
    expect(pointSemanticsMarkdown('de')).toContain('| HZG | Heizung | heat |');
  });
});
