import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../errors.js';
import { berlinDay, berlinOffset, berlinWallToUtc, formatBerlin } from './berlin.js';
import { easterSunday, holidayOn, landOfAgs, lands, publicHolidays } from './holidays.js';
import { operatingMask } from './schedule.js';

describe('Berlin local time', () => {
  it('changes at 01:00 UTC on the last Sundays of March and October', () => {
    expect(berlinOffset(Date.UTC(2025, 2, 30, 0, 59))).toBe(3_600_000);
    expect(berlinOffset(Date.UTC(2025, 2, 30, 1, 0))).toBe(7_200_000);
    expect(berlinOffset(Date.UTC(2025, 9, 26, 0, 59))).toBe(7_200_000);
    expect(berlinOffset(Date.UTC(2025, 9, 26, 1, 0))).toBe(3_600_000);
  });
  it('marks the skipped March hour as nonexistent and the repeated October hour as ambiguous', () => {
    expect(berlinWallToUtc(Date.UTC(2025, 2, 30, 2, 30)).kind).toBe('nonexistent');
    const fold = berlinWallToUtc(Date.UTC(2025, 9, 26, 2, 30));
    expect(fold).toEqual({ kind: 'ambiguous', earlier: Date.UTC(2025, 9, 26, 0, 30), later: Date.UTC(2025, 9, 26, 1, 30) });
    expect(berlinWallToUtc(Date.UTC(2025, 9, 26, 3, 0))).toEqual({ kind: 'normal', earlier: Date.UTC(2025, 9, 26, 2), later: Date.UTC(2025, 9, 26, 2) });
  });
  it('gives days of 23 and 25 hours', () => {
    const march = berlinDay(Date.UTC(2025, 2, 30, 12));
    const next = berlinDay(march.start + 26 * 3_600_000);
    expect(next.start - march.start).toBe(23 * 3_600_000);
    const october = berlinDay(Date.UTC(2025, 9, 26, 12));
    expect(berlinDay(october.start + 26 * 3_600_000).start - october.start).toBe(25 * 3_600_000);
    expect(formatBerlin(Date.UTC(2025, 6, 1, 10), true)).toBe('2025-07-01 12:00 MESZ');
  });
  it('round-trips every UTC minute of a year through wall time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 525_599 }), (m) => {
        const utc = Date.UTC(2025, 0, 1) + m * 60_000;
        const r = berlinWallToUtc(utc + berlinOffset(utc));
        expect(r.kind).not.toBe('nonexistent');
        expect([r.earlier, r.later]).toContain(utc);
      }),
    );
  });
});

describe('public holidays', () => {
  it('computes Easter by the anonymous Gregorian algorithm', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2038)).toEqual([4, 25]);
    expect(easterSunday(2285)).toEqual([3, 22]);
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (y) => {
        const [m, d] = easterSunday(y);
        const date = new Date(Date.UTC(y, m - 1, d));
        expect(date.getUTCDay()).toBe(0);
        expect(m * 100 + d).toBeGreaterThanOrEqual(322);
        expect(m * 100 + d).toBeLessThanOrEqual(425);
      }),
    );
    expect(() => easterSunday(1500)).toThrow(OperationError);
  });
  it('lists the statewide holidays of Bayern and Berlin in 2025', () => {
    expect(publicHolidays(2025, 'BY').map((h) => h.date)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-06-19', '2025-10-03', '2025-11-01', '2025-12-25', '2025-12-26',
    ]);
    expect(publicHolidays(2025, 'BE').map((h) => h.id)).toEqual([
      'new-year', 'womens-day', 'good-friday', 'easter-monday', 'labour-day', 'liberation-day', 'ascension', 'whit-monday', 'german-unity', 'christmas-day', 'boxing-day',
    ]);
  });
  it('follows the years in which Land-specific holidays apply', () => {
    expect(holidayOn('2025-11-19', 'SN')?.id).toBe('repentance-day');
    expect(holidayOn('2024-11-20', 'SN')?.id).toBe('repentance-day');
    expect(holidayOn('2025-11-19', 'BY')).toBeUndefined();
    expect(holidayOn('2019-03-08', 'BE')?.id).toBe('womens-day');
    expect(holidayOn('2018-03-08', 'BE')).toBeUndefined();
    expect(holidayOn('2023-03-08', 'MV')?.id).toBe('womens-day');
    expect(holidayOn('2022-03-08', 'MV')).toBeUndefined();
    expect(holidayOn('2025-09-20', 'TH')?.id).toBe('childrens-day');
    expect(holidayOn('2017-10-31', 'BY')?.id).toBe('reformation');
    expect(holidayOn('2018-10-31', 'BY')).toBeUndefined();
    expect(holidayOn('2018-10-31', 'NI')?.id).toBe('reformation');
    expect(holidayOn('2016-10-31', 'NI')).toBeUndefined();
    expect(holidayOn('2025-10-31', 'SN')?.id).toBe('reformation');
    expect(holidayOn('2025-06-19', 'SN')).toBeUndefined();
    expect(holidayOn('2025-08-15', 'SL')?.id).toBe('assumption');
    expect(holidayOn('2025-04-20', 'BB')?.id).toBe('easter-sunday');
  });
  it('gives every Land the nine nationwide holidays and Buß- und Bettag always a Wednesday 16-22 November', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1995, max: 2199 }), fc.constantFrom(...lands), (y, land) => {
        const list = publicHolidays(y, land);
        for (const id of ['new-year', 'good-friday', 'easter-monday', 'labour-day', 'ascension', 'whit-monday', 'german-unity', 'christmas-day', 'boxing-day']) {
          expect(list.some((h) => h.id === id)).toBe(true);
        }
        const bb = publicHolidays(y, 'SN').find((h) => h.id === 'repentance-day') as { date: string };
        const d = new Date(`${bb.date}T00:00:00Z`);
        expect(d.getUTCDay()).toBe(3);
        expect(d.getUTCDate()).toBeGreaterThanOrEqual(16);
        expect(d.getUTCDate()).toBeLessThanOrEqual(22);
      }),
    );
  });
  it('finds the Land of an AGS', () => {
    expect(landOfAgs('09162000')).toBe('BY');
    expect(landOfAgs('11000000')).toBe('BE');
    expect(landOfAgs('14')).toBe('SN');
    expect(() => landOfAgs('99000000')).toThrow(OperationError);
    expect(() => landOfAgs('x')).toThrow(OperationError);
  });
  it('refuses unknown Länder and years outside the rules', () => {
    expect(() => publicHolidays(1990, 'BY')).toThrow(/1995/);
    expect(() => publicHolidays(2025, 'XX' as 'BY')).toThrow(OperationError);
  });
});

describe('operating mask', () => {
  const grid = { start: Date.UTC(2025, 0, 5, 23), step: 3_600_000, length: 48 }; // Mon 6 and Tue 7 January 2025, Berlin
  it('marks usage times with allowances, skips the holiday of the Land', () => {
    const schedule = { weekly: { 1: ['07:00-16:00'], 2: ['07:00-16:00'] }, before: 60, after: 60 } as const;
    const by = operatingMask(grid, { ...schedule, land: 'BY' }); // 6 January is Heilige Drei Könige in Bayern
    const be = operatingMask(grid, { ...schedule, land: 'BE' });
    const on = (m: Uint8Array): number[] => [...m].flatMap((v, i) => (v ? [i] : []));
    expect(on(be)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(on(by)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(on(operatingMask(grid, { ...schedule, land: 'BE', closed: ['2025-01-07'] }))).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });
  it('refuses malformed periods and closed dates', () => {
    expect(() => operatingMask(grid, { weekly: { 1: ['7-16'] } })).toThrow(OperationError);
    expect(() => operatingMask(grid, { weekly: { 1: ['16:00-07:00'] } })).toThrow(/ungültig/);
    expect(() => operatingMask(grid, { weekly: {}, closed: ['2025-13'] })).toThrow(OperationError);
  });
});
