import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildingDataError } from '../errors.js';
import { consumptionIndicators, indicatorsFromMeters } from './consumption.js';
import { buildMeterTree, checkMeterTree, meterSchema, type Meter } from './meter.js';
import { formatObis, isObis, parseObis } from './obis.js';
import { meterConsumption, readingSchema, type Reading } from './reading.js';

describe('OBIS codes', () => {
  it('parses full and short forms and formats them', () => {
    expect(parseObis('1-0:1.8.0*255')).toEqual({ a: 1, b: 0, c: 1, d: 8, e: 0, f: 255 });
    expect(parseObis('1-0:2.8.1')).toEqual({ a: 1, b: 0, c: 2, d: 8, e: 1, f: 255 });
    expect(parseObis('1.8.1', { a: 1, b: 1 })).toEqual({ a: 1, b: 1, c: 1, d: 8, e: 1, f: 255 });
    expect(parseObis('6-0:1.0.0&01').f).toBe(1);
    expect(formatObis(parseObis('7-0:3.0.0'))).toBe('7-0:3.0.0*255');
  });

  it('rejects malformed codes and names the group', () => {
    expect(isObis('1-0:1.8')).toBe(false);
    expect(isObis('abc')).toBe(false);
    try {
      parseObis('1-0:1.8.256');
      expect.unreachable();
    } catch (e) {
      expect((e as BuildingDataError).code).toBe('invalid-obis');
      expect([(e as BuildingDataError).segment, (e as BuildingDataError).location]).toEqual(['E', { offset: 8 }]);
    }
  });

  it('round-trips every valid code', () => {
    const g = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(g, g, g, g, g, g, (a, b, c, d, e, f) => {
        const code = { a, b, c, d, e, f };
        expect(parseObis(formatObis(code))).toEqual(code);
      }),
      { numRuns: 200 },
    );
  });
});

const meters: Meter[] = [
  meterSchema.parse({ id: 'S', name: 'Strom Hauptzähler', medium: 'electricity', unit: 'kWh', obis: '1-0:1.8.0' }),
  meterSchema.parse({ id: 'S-Turnhalle', name: 'Strom Turnhalle', medium: 'electricity', unit: 'kWh', parentId: 'S' }),
  meterSchema.parse({ id: 'G', name: 'Gas', medium: 'gas', unit: 'm3', obis: '7-0:3.0.0', conversionFactor: 10 }),
  meterSchema.parse({ id: 'WW', name: 'Warmwasser Wärme', medium: 'heat', unit: 'kWh', heatUse: 'hot-water' }),
];

describe('meters', () => {
  it('validates medium, OBIS medium digit and conversion factor', () => {
    expect(meters[2]?.conversionFactor).toBe(10);
    expect(meters[0]?.conversionFactor).toBe(1);
    expect(meterSchema.safeParse({ id: 'x', name: 'x', medium: 'steam', unit: 'kg' }).success).toBe(false);
    const wrong = meterSchema.safeParse({ id: 'x', name: 'x', medium: 'gas', unit: 'm3', obis: '1-0:1.8.0' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['obis']);
    expect(meterSchema.safeParse({ id: 'x', name: 'x', medium: 'gas', unit: 'm3', conversionFactor: 0 }).success).toBe(false);
  });

  it('builds the main/sub-meter tree and reports broken trees', () => {
    const tree = buildMeterTree(meters);
    expect(tree.roots.map((m) => m.id)).toEqual(['S', 'G', 'WW']);
    expect(tree.children('S').map((m) => m.id)).toEqual(['S-Turnhalle']);
    expect(tree.path('S-Turnhalle')).toEqual(['S-Turnhalle', 'S']);
    const broken = [
      { ...meters[0], parentId: 'S-Turnhalle' } as Meter,
      meters[1] as Meter,
      { ...meters[2], parentId: 'S' } as Meter,
      { ...meters[3], parentId: 'nope' } as Meter,
      meters[3] as Meter,
    ];
    const problems = checkMeterTree(broken).map((p) => [p.meterId, p.problem]);
    // G hangs below the S cycle, so it is reported in the cycle too
    expect(problems).toEqual([
      ['WW', 'duplicate-id'],
      ['S', 'cycle'],
      ['S-Turnhalle', 'cycle'],
      ['G', 'cycle'],
      ['G', 'medium-mismatch'],
      ['WW', 'unknown-parent'],
    ]);
    expect(() => buildMeterTree(broken)).toThrow(BuildingDataError);
  });
});

const r = (meterId: string, timestamp: string, value: number, extra: Partial<Reading> = {}): Reading => readingSchema.parse({ meterId, timestamp, value, ...extra });

describe('readings', () => {
  it('computes consumption with interpolation at the bounds and resets', () => {
    const readings = [
      r('G', '2024-01-01T00:00:00Z', 1000),
      r('G', '2024-07-01T00:00:00Z', 1500),
      r('G', '2024-09-01T00:00:00Z', 20, { reset: true }),
      r('G', '2025-01-01T00:00:00Z', 520),
    ];
    const gas = meters[2] as Meter;
    expect(meterConsumption(gas, readings, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toEqual({ value: 1000, kWh: 10000 });
    // halfway between 2024-09-01 and 2025-01-01 (61 of 122 days): 20 + 250 → consumption from start 500 + 250
    expect(meterConsumption(gas, readings, '2024-01-01T00:00:00Z', '2024-11-01T00:00:00Z').value).toBe(750);
  });

  it('rejects falling registers and periods not covered', () => {
    const gas = meters[2] as Meter;
    const falling = [r('G', '2024-01-01T00:00:00Z', 1000), r('G', '2025-01-01T00:00:00Z', 900)];
    expect(() => meterConsumption(gas, falling, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toThrow(/fällt/);
    expect(() => meterConsumption(gas, falling.slice(0, 1), '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toThrow(/decken/);
    expect(readingSchema.safeParse({ meterId: 'G', timestamp: '2024-13-01', value: 1 }).success).toBe(false);
  });
});

describe('consumption indicators', () => {
  it('divides by NRF and years and weather-corrects only space heating', () => {
    const c = consumptionIndicators({ netRoomArea: 1000, from: '2022-01-01', to: '2025-01-01', heatingKWh: 300000, hotWaterKWh: 30000, electricityKWh: 90000, climateFactor: 1.2 });
    expect(c.periodDays).toBe(1096);
    const years = 1096 / 365;
    expect(c.heat.correctedKWh).toBe(390000);
    expect(c.heat.indicator).toBeCloseTo(390000 / 1000 / years, 9);
    expect(c.heat.uncorrectedIndicator).toBeCloseTo(330000 / 1000 / years, 9);
    expect(c.electricity.indicator).toBeCloseTo(90 / years, 9);
    expect(c.meetsMinimumPeriod).toBe(true);
    const oneYear = consumptionIndicators({ netRoomArea: 500, from: '2023-01-01', to: '2024-01-01', heatingKWh: 50000, electricityKWh: 10000, climateFactor: 1 });
    expect(oneYear.heat.indicator).toBe(100);
    expect(oneYear.electricity.indicator).toBe(20);
    expect(oneYear.meetsMinimumPeriod).toBe(false);
  });

  it('rejects invalid input naming the field', () => {
    try {
      consumptionIndicators({ netRoomArea: 0, from: '2023-01-01', to: '2024-01-01', heatingKWh: 1, electricityKWh: 1, climateFactor: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as BuildingDataError).location.path).toBe('$.netRoomArea');
    }
    expect(() => consumptionIndicators({ netRoomArea: 1, from: '2024-01-01', to: '2024-01-01', heatingKWh: 1, electricityKWh: 1, climateFactor: 1 })).toThrow(/leer/);
  });

  it('sums main meters only, by medium and heat use', () => {
    const readings = [
      r('S', '2024-01-01T00:00:00Z', 0), r('S', '2025-01-01T00:00:00Z', 36600),
      r('S-Turnhalle', '2024-01-01T00:00:00Z', 0), r('S-Turnhalle', '2025-01-01T00:00:00Z', 9999),
      r('G', '2024-01-01T00:00:00Z', 0), r('G', '2025-01-01T00:00:00Z', 7320),
      r('WW', '2024-01-01T00:00:00Z', 0), r('WW', '2025-01-01T00:00:00Z', 3660),
    ];
    const c = indicatorsFromMeters({ meters, readings, from: '2024-01-01', to: '2025-01-01', netRoomArea: 100, climateFactor: 1.5 });
    const years = 366 / 365;
    expect(c.electricity.kWh).toBe(36600);
    expect(c.heat.correctedKWh).toBe(73200 * 1.5 + 3660);
    expect(c.electricity.indicator).toBeCloseTo(366 / years, 9);
  });

  it('splits a combined heat meter by hotWaterShare and corrects only its heating part', () => {
    const combined = [meterSchema.parse({ id: 'FW', name: 'Fernwärme', medium: 'district-heating', unit: 'kWh', heatUse: 'heating-and-hot-water' })];
    const readings = [r('FW', '2023-01-01T00:00:00Z', 1000), r('FW', '2024-01-01T00:00:00Z', 101000)];
    const base = { meters: combined, readings, from: '2023-01-01', to: '2024-01-01', netRoomArea: 1000, climateFactor: 1.2 };
    const c = indicatorsFromMeters({ ...base, hotWaterShare: 0.25 });
    // 75,000 kWh heating × 1.2 + 25,000 kWh hot water, uncorrected 100,000 kWh.
    expect(c.heat.correctedKWh).toBeCloseTo(115000, 6);
    expect(c.heat.indicator).toBeCloseTo(115, 9);
    expect(c.heat.uncorrectedIndicator).toBeCloseTo(100, 9);
    expect(c.electricity.kWh).toBe(0);
    // Without a share everything counts as space heating.
    expect(indicatorsFromMeters(base).heat.correctedKWh).toBeCloseTo(120000, 6);
    for (const hotWaterShare of [-0.1, 1.5, Number.NaN]) {
      try {
        indicatorsFromMeters({ ...base, hotWaterShare });
        expect.unreachable();
      } catch (e) {
        expect(BuildingDataError.isInstance(e)).toBe(true);
        expect((e as BuildingDataError).code).toBe('consumption');
        expect((e as BuildingDataError).location.path).toBe('$.hotWaterShare');
      }
    }
  });
});
