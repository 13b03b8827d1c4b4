import type { Meter } from '@foederal/building-data';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../errors.js';
import type { AlignedTrends } from '../trend/series.js';
import { evaluateRules, type EvaluateInput } from './engine.js';
import type { PointRole, RoleAssignment } from './roles.js';
import { monitoringRules } from './rules.js';

const m = 60_000;
const t0 = Date.UTC(2025, 0, 7, 23); // Wednesday 8 January 2025, 00:00 Berlin

/** Aligned data from plain arrays; `null` is a cell without data. */
function aligned(step: number, columns: Record<string, (number | null)[]>, start = t0): AlignedTrends {
  const names = Object.keys(columns);
  const length = Math.max(...names.map((n) => (columns[n] as unknown[]).length));
  return {
    grid: { start, step, length },
    points: names.map((id) => ({ id })),
    index: new Map(names.map((n, i) => [n, i])),
    values: names.map((n) => Float32Array.from((columns[n] as (number | null)[]).map((v) => v ?? 0))),
    quality: names.map((n) => Uint8Array.from((columns[n] as (number | null)[]).map((v) => (v === null ? 0 : 1)))),
    aggregation: names.map(() => 'mean' as const),
  };
}
const role = (point: string, r: PointRole, group = 'G', extra: Partial<RoleAssignment> = {}): RoleAssignment => ({ point, role: r, group, basis: [], ...extra });
const only = (id: string): NonNullable<EvaluateInput['rules']> => monitoringRules.filter((r) => r.id === id);
const repeat = <T>(v: T, n: number): T[] => Array.from({ length: n }, () => v);

describe('data-gap', () => {
  it('finds a gap of 75 minutes on a 15-minute grid and merges points with the same gap', () => {
    const col = [...repeat(1, 10), ...repeat(null, 5), ...repeat(1, 5)];
    const r = evaluateRules({ aligned: aligned(15 * m, { a: col, b: col }), roles: [role('a', 'analog-sensor'), role('b', 'binary-status')], rules: only('data-gap') });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'data-gap', points: ['a', 'b'], intervals: [{ start: t0 + 150 * m, end: t0 + 225 * m }], figures: { gaps: 1, hours: 1.25 } });
  });
  it('refuses a 45-minute gap and missing data at the edges', () => {
    const col = [null, null, null, null, null, 1, 1, null, null, null, 1, null, null, null, null, null];
    const r = evaluateRules({ aligned: aligned(15 * m, { a: col }), roles: [role('a', 'analog-sensor')], rules: only('data-gap') });
    expect(r.findings).toEqual([]);
  });
});

describe('frozen-value', () => {
  const params = { 'frozen-value': { minMinutes: 60, tolerance: 0.01 } };
  it('finds a value unchanged for 75 minutes', () => {
    const col = [20.1, 20.3, 20.5, 20.5, 20.5, 20.5, 20.5, 20.7];
    const r = evaluateRules({ aligned: aligned(15 * m, { t: col }), roles: [role('t', 'room-temperature')], rules: only('frozen-value'), parameters: params });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ points: ['t'], intervals: [{ start: t0 + 30 * m, end: t0 + 105 * m }], figures: { hours: 1.25, value: 20.5 } });
  });
  it('refuses a value that moves by 0.1 every cell', () => {
    const col = [20.1, 20.2, 20.1, 20.2, 20.1, 20.2, 20.1, 20.2];
    const r = evaluateRules({ aligned: aligned(15 * m, { t: col }), roles: [role('t', 'room-temperature')], rules: only('frozen-value'), parameters: params });
    expect(r.findings).toEqual([]);
  });
});

describe('limit-violation', () => {
  const limits = { low: 10, high: 85 };
  it('finds 30 minutes above the high limit, by 5 at most', () => {
    const col = [80, 84, 88, 90, 84, 80];
    const r = evaluateRules({ aligned: aligned(15 * m, { vl: col }), roles: [role('vl', 'supply-temperature', 'G', { limits })], rules: only('limit-violation') });
    expect(r.findings[0]).toMatchObject({ points: ['vl'], intervals: [{ start: t0 + 30 * m, end: t0 + 60 * m }], figures: { hours: 0.5, maxExcess: 5 } });
  });
  it('refuses values inside the limits and a single 1-minute spike', () => {
    const r = evaluateRules({ aligned: aligned(15 * m, { vl: [80, 84.9, 10, 85] }), roles: [role('vl', 'supply-temperature', 'G', { limits })], rules: only('limit-violation') });
    expect(r.findings).toEqual([]);
    const spike = evaluateRules({ aligned: aligned(m, { vl: [80, 99, 80] }), roles: [role('vl', 'supply-temperature', 'G', { limits })], rules: only('limit-violation') });
    expect(spike.findings).toEqual([]);
  });
});

describe('operation-outside-schedule', () => {
  // hourly cells of Monday 6 January 2025 (Berlin); pump on 08:00-10:00
  const day = Date.UTC(2025, 0, 5, 23);
  const pump = repeat(0, 24).map((_, h) => (h >= 8 && h < 10 ? 1 : 0));
  const schedule = { weekly: { 1: ['07:00-16:00'] } } as const;
  it('finds two hours of operation on Heilige Drei Könige in Bayern, with kWh from the rated power', () => {
    const r = evaluateRules({
      aligned: aligned(3_600_000, { p: pump }, day), roles: [role('p', 'pump-status')], rules: only('operation-outside-schedule'),
      schedule: { ...schedule, land: 'BY' }, ratedPowerKw: new Map([['p', 0.5]]),
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ intervals: [{ start: day + 8 * 3_600_000, end: day + 10 * 3_600_000 }], wastedHours: 2, wastedKwh: 1 });
    expect(r.findings[0]?.explanation.de).toContain('2.0 h (≈ 1 kWh bei 0.5 kW)');
  });
  it('refuses the same operation in Berlin, where 6 January is a working day', () => {
    const r = evaluateRules({ aligned: aligned(3_600_000, { p: pump }, day), roles: [role('p', 'pump-status')], rules: only('operation-outside-schedule'), schedule: { ...schedule, land: 'BE' } });
    expect(r.findings).toEqual([]);
  });
  it('is skipped without a schedule', () => {
    const r = evaluateRules({ aligned: aligned(3_600_000, { p: pump }, day), roles: [role('p', 'pump-status')], rules: only('operation-outside-schedule') });
    expect(r.skipped.map((s) => s.rule)).toEqual(['operation-outside-schedule']);
  });
});

describe('simultaneous-heating-cooling', () => {
  it('finds 30 minutes with both valves open', () => {
    const r = evaluateRules({
      aligned: aligned(15 * m, { h: [0, 40, 40, 40, 0], k: [30, 30, 30, 5, 30] }),
      roles: [role('h', 'heating-valve'), role('k', 'cooling-valve')], rules: only('simultaneous-heating-cooling'),
    });
    expect(r.findings[0]).toMatchObject({ severity: 'critical', points: ['h', 'k'], intervals: [{ start: t0 + 15 * m, end: t0 + 45 * m }], wastedHours: 0.5 });
  });
  it('refuses a cooling valve below 10 % and valves of different groups', () => {
    const a = aligned(15 * m, { h: [40, 40, 40], k: [5, 5, 5], k2: [50, 50, 50] });
    const r = evaluateRules({ aligned: a, roles: [role('h', 'heating-valve'), role('k', 'cooling-valve'), role('k2', 'cooling-valve', 'other')], rules: only('simultaneous-heating-cooling') });
    expect(r.findings).toEqual([]);
  });
});

describe('low-delta-t', () => {
  const s = [...repeat(50, 9), 50];
  const ret = [...repeat(48.5, 9), 40];
  it('finds 135 minutes below 3 K with the pump running', () => {
    const r = evaluateRules({ aligned: aligned(15 * m, { s, r: ret, p: repeat(1, 10) }), roles: [role('s', 'supply-temperature'), role('r', 'return-temperature'), role('p', 'pump-status')], rules: only('low-delta-t') });
    expect(r.findings[0]).toMatchObject({ points: ['s', 'r', 'p'], intervals: [{ start: t0, end: t0 + 135 * m }], wastedHours: 2.25 });
  });
  it('refuses the same temperatures with the pump off', () => {
    const r = evaluateRules({ aligned: aligned(15 * m, { s, r: ret, p: repeat(0, 10) }), roles: [role('s', 'supply-temperature'), role('r', 'return-temperature'), role('p', 'pump-status')], rules: only('low-delta-t') });
    expect(r.findings).toEqual([]);
  });
});

describe('setpoint-not-reached', () => {
  const params = { 'setpoint-not-reached': { onlyOperatingTime: 0 } };
  it('finds 135 minutes more than 2 K below the set point, 3 K at most', () => {
    const r = evaluateRules({ aligned: aligned(15 * m, { t: [...repeat(18, 9), 21], sp: repeat(21, 10) }), roles: [role('t', 'room-temperature'), role('sp', 'temperature-setpoint')], rules: only('setpoint-not-reached'), parameters: params });
    expect(r.findings[0]).toMatchObject({ points: ['t', 'sp'], intervals: [{ start: t0, end: t0 + 135 * m }], figures: { hours: 2.25, maxDeviationK: 3 } });
  });
  it('refuses a room 1.5 K below the set point', () => {
    const r = evaluateRules({ aligned: aligned(15 * m, { t: repeat(19.5, 10), sp: repeat(21, 10) }), roles: [role('t', 'room-temperature'), role('sp', 'temperature-setpoint')], rules: only('setpoint-not-reached'), parameters: params });
    expect(r.findings).toEqual([]);
  });
});

describe('short-cycling', () => {
  it('finds 11 starts, up to 6 per hour, when a burner switches every 5 minutes', () => {
    const b = Array.from({ length: 120 }, (_, i) => (i % 10 < 5 ? 1 : 0));
    const r = evaluateRules({ aligned: aligned(m, { b }), roles: [role('b', 'burner-status')], rules: only('short-cycling') });
    expect(r.findings[0]).toMatchObject({ intervals: [{ start: t0, end: t0 + 120 * m }], figures: { starts: 11, maxStartsPerHour: 6, hours: 2 } });
  });
  it('refuses one start per hour', () => {
    const b = Array.from({ length: 180 }, (_, i) => (i % 60 < 30 ? 1 : 0));
    const r = evaluateRules({ aligned: aligned(m, { b }), roles: [role('b', 'burner-status')], rules: only('short-cycling') });
    expect(r.findings).toEqual([]);
  });
});

describe('meter-plausibility', () => {
  it('finds a register going back by 0.5', () => {
    const r = evaluateRules({ aligned: aligned(m, { z: [100, 101, 102, 101.5, 103] }), roles: [role('z', 'energy-meter')], rules: only('meter-plausibility') });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ intervals: [{ start: t0 + 3 * m, end: t0 + 4 * m }], figures: { negatives: 1, amount: 0.5 } });
  });
  it('finds a jump of 50 where the meter usually counts 1 per minute', () => {
    let v = 1000;
    const z = Array.from({ length: 200 }, (_, i) => (v += i === 150 ? 50 : 1));
    const r = evaluateRules({ aligned: aligned(m, { z }), roles: [role('z', 'energy-meter')], rules: only('meter-plausibility') });
    expect(r.findings[0]).toMatchObject({ intervals: [{ start: t0 + 150 * m, end: t0 + 151 * m }], figures: { jumps: 1, p99: 1 } });
  });
  const meters: Meter[] = [
    { id: 'H', name: 'Haupt', medium: 'electricity', unit: 'kWh', conversionFactor: 1, dataPointKey: 'main' },
    { id: 'U', name: 'Unter', medium: 'electricity', unit: 'kWh', conversionFactor: 1, parentId: 'H', dataPointKey: 'sub' },
  ];
  const day = (perMinute: number): number[] => Array.from({ length: 1440 }, (_, i) => 10_000 + i * perMinute);
  it('finds sub-meters exceeding their main meter on a day, by 287.8 kWh', () => {
    const r = evaluateRules({ aligned: aligned(m, { main: day(1), sub: day(1.2) }), roles: [role('main', 'energy-meter'), role('sub', 'energy-meter')], rules: only('meter-plausibility'), meters });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.points).toEqual(['main', 'sub']);
    expect(r.findings[0]?.intervals).toEqual([{ start: t0, end: t0 + 1440 * m }]);
    expect(r.findings[0]?.figures?.excessKwh).toBeCloseTo(287.8, 1);
  });
  it('refuses steady registers and a sub-meter below its main meter', () => {
    const r = evaluateRules({ aligned: aligned(m, { main: day(1), sub: day(0.5) }), roles: [role('main', 'energy-meter'), role('sub', 'energy-meter')], rules: only('meter-plausibility'), meters });
    expect(r.findings).toEqual([]);
  });
});

describe('engine', () => {
  it('lists rules without matching roles as skipped and refuses bad parameters', () => {
    const r = evaluateRules({ aligned: aligned(m, { a: [1, 2] }), roles: [role('a', 'analog-sensor')] });
    expect(r.skipped.map((s) => s.rule)).toEqual(['operation-outside-schedule', 'simultaneous-heating-cooling', 'low-delta-t', 'setpoint-not-reached', 'short-cycling', 'meter-plausibility']);
    expect(r.evaluated['data-gap']).toBe(1);
    expect(() => evaluateRules({ aligned: aligned(m, { a: [1] }), roles: [role('a', 'analog-sensor')], parameters: { 'data-gap': { minMinutes: Number.NaN } } })).toThrow(OperationError);
  });
});
