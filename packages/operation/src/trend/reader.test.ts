import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../errors.js';
import { findGaps, findSeriesGaps } from './gaps.js';
import { alignSeries, GridAccumulator } from './grid.js';
import { readTrendsAligned, readTrendSeries, type TrendProgress } from './reader.js';
import { QUALITY_FILLED, QUALITY_FLAGGED, QUALITY_PRESENT, seriesOf } from './series.js';

const iso = (t: number): string => new Date(t).toISOString();
const values = (s: { values: Float64Array; length: number }): number[] => [...s.values.slice(0, s.length)];
const times = (s: { times: Float64Array; length: number }): string[] => [...s.times.slice(0, s.length)].map(iso);

describe('readTrendSeries, wide layout', () => {
  it('reads German decimals, units in the header and the repeated October hour in order', async () => {
    const csv = [
      'Zeitstempel;VL [°C];Zähler [kWh]',
      '26.10.2025 01:30;1,5;1.234,5',
      '26.10.2025 02:00;2,5;1.235',
      '26.10.2025 02:30;3;1.236,25',
      '26.10.2025 02:00;4;1.237',
      '26.10.2025 02:30;5;1.238',
      '26.10.2025 03:00;6;',
    ].join('\r\n');
    const { series, report } = await readTrendSeries(csv);
    expect(report.layout).toBe('wide');
    expect(series.map((s) => s.point)).toEqual([{ id: 'VL', unit: '°C' }, { id: 'Zähler', unit: 'kWh' }]);
    expect(times(series[0]!)).toEqual([
      '2025-10-25T23:30:00.000Z', '2025-10-26T00:00:00.000Z', '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:00:00.000Z', '2025-10-26T01:30:00.000Z', '2025-10-26T02:00:00.000Z',
    ]);
    expect(values(series[0]!)).toEqual([1.5, 2.5, 3, 4, 5, 6]);
    expect(values(series[1]!)).toEqual([1234.5, 1.235, 1236.25, 1.237, 1.238]);
    expect(report.samples).toBe(11);
    expect(report.ambiguousResolved).toBe(8);
    expect(report.rejected.total).toBe(0);
  });
  it('rejects the skipped March hour, or shifts it when asked', async () => {
    const csv = 'Zeit;A\n30.03.2025 01:59;1\n30.03.2025 02:30;2\n30.03.2025 03:00;3\n';
    const rejected = await readTrendSeries(csv);
    expect(times(rejected.series[0]!)).toEqual(['2025-03-30T00:59:00.000Z', '2025-03-30T01:00:00.000Z']);
    expect(rejected.report.rejected.byReason).toEqual({ 'nonexistent-time': 1 });
    expect(rejected.report.issues[0]).toMatchObject({ kind: 'nonexistent-time', line: 3, time: '30.03.2025 02:30' });
    const shifted = await readTrendSeries(csv, { nonexistent: 'shift' });
    // 02:30 does not exist; a clock shows 03:30 CEST = 01:30 UTC, so the following 03:00 runs backwards
    expect(times(shifted.series[0]!)).toEqual(['2025-03-30T00:59:00.000Z', '2025-03-30T01:30:00.000Z']);
    expect(shifted.report.rejected.byReason).toEqual({ 'time-backwards': 1 });
  });
  it('counts broken lines, bad times, NaN, duplicates and clock jumps with line, point and time', async () => {
    const csv = [
      'Zeit;A;B [furlong]',
      '2025-01-01 00:00;1;2',
      '2025-01-01 00:01;1',
      'gestern;1;2',
      '2025-01-01 00:02;NaN;#WERT',
      '2025-01-01 00:02;7;8',
      '2025-01-01 00:03;3;4',
      '2025-01-01 00:01;9;9',
      '2025-01-01 00:04;5;',
    ].join('\n');
    const { series, report } = await readTrendSeries(csv, { timeZone: 'UTC' });
    expect(values(series[0]!)).toEqual([1, 7, 3, 5]);
    expect(values(series[1]!)).toEqual([2, 8, 4]);
    expect(report.rejected.byReason).toEqual({ 'broken-line': 1, 'bad-time': 2, 'not-a-number': 2, 'time-backwards': 2 });
    expect(report.rejected.total).toBe(7);
    const kinds = report.issues.map((i) => `${i.line}:${i.kind}:${i.point ?? ''}`);
    expect(kinds).toEqual([
      '1:unknown-unit:B', '3:broken-line:', '4:bad-time:', '5:not-a-number:A', '5:not-a-number:B', '8:clock-jump:', '8:time-backwards:A', '8:time-backwards:B',
    ]);
  });
  it('rejects samples outside the possible range and flags nothing else', async () => {
    const { series, report } = await readTrendSeries('Zeit;T\n2025-01-01T00:00Z;20\n2025-01-01T00:01Z;999\n2025-01-01T00:02+01:00;21\n', {
      ranges: new Map([['T', { min: -30, max: 130 }]]),
    });
    // 00:02+01:00 is 23:02 UTC the day before: earlier than the first sample
    expect(times(series[0]!)).toEqual(['2025-01-01T00:00:00.000Z']);
    expect(report.rejected.byReason).toEqual({ 'out-of-range': 1, 'time-backwards': 1 });
  });
  it('decodes Windows-1252 bytes and tab separators', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Zeit\tR'), 0xfc, ...new TextEncoder().encode('cklauf\n2025-01-01 00:00\t1,25\n')]);
    const { series, report } = await readTrendSeries(bytes);
    expect(report.encoding).toBe('windows-1252');
    expect(report.separator).toBe('\t');
    expect(series[0]!.point.id).toBe('Rücklauf');
    expect(values(series[0]!)).toEqual([1.25]);
  });
  it('throws a typed error for a file without header or content', async () => {
    await expect(readTrendSeries('')).rejects.toMatchObject({ code: 'trend-format' });
    await expect(readTrendSeries('01.01.2025 00:00;1;2\n')).rejects.toMatchObject({ code: 'trend-format', location: { line: 1 } });
    await expect(readTrendSeries('Zeit;A;A\n')).rejects.toMatchObject({ code: 'trend-format', location: { column: 3 } });
  });
  it('reports progress and stops on abort', async () => {
    const rows = ['Zeit;A', ...Array.from({ length: 10 }, (_, i) => `2025-01-01 00:0${i};${i}`)];
    const seen: TrendProgress[] = [];
    await readTrendSeries(rows.map((r) => `${r}\n`), { progressEvery: 4, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.lines)).toEqual([4, 8, 11]);
    expect(seen.at(-1)?.samples).toBe(10);
    const controller = new AbortController();
    controller.abort();
    await expect(readTrendSeries(rows.join('\n'), { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('readTrendSeries, long layout', () => {
  it('reads time, point, value, unit and status columns', async () => {
    const csv = 'Datum;Datenpunkt;Wert;Einheit;Status\n01.07.2025 12:00;VL;55,5;°C;OK\n01.07.2025 12:00;PU;Ein;;\n01.07.2025 12:15;VL;56;°C;Störung\n01.07.2025 12:15;PU;aus;;ok\n';
    const { series, report } = await readTrendSeries(csv);
    expect(report.layout).toBe('long');
    expect(series.map((s) => s.point)).toEqual([{ id: 'VL', unit: '°C' }, { id: 'PU' }]);
    expect(times(series[0]!)).toEqual(['2025-07-01T10:00:00.000Z', '2025-07-01T10:15:00.000Z']);
    expect([...series[0]!.quality]).toEqual([QUALITY_PRESENT, QUALITY_PRESENT | QUALITY_FLAGGED]);
    expect(values(series[1]!)).toEqual([1, 0]);
  });
  it('infers the repeated hour per point', async () => {
    const rows = ['02:30', '02:00', '02:30', '03:00'].map((t, i) => `26.10.2025 ${t};A;${i}`);
    const { series } = await readTrendSeries(`Zeit;Punkt;Wert\n26.10.2025 02:00;A;x\n${rows.join('\n')}`);
    expect(times(series[0]!)).toEqual(['2025-10-26T00:30:00.000Z', '2025-10-26T01:00:00.000Z', '2025-10-26T01:30:00.000Z', '2025-10-26T02:00:00.000Z']);
  });
});

describe('fuzzing the reader', () => {
  const valid = 'Zeitstempel;A [°C];B\n01.01.2025 00:00;1,5;2\n01.01.2025 00:01;1,6;3\n26.10.2025 02:30;1;1\n';
  it('never throws anything but OperationError on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        try {
          const { report } = await readTrendSeries(text);
          expect(report.samples + report.rejected.total).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(OperationError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('accounts for every value field of a mutated file: taken, rejected or empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), fc.string({ maxLength: 3 }), async (at, insert) => {
        const text = valid.slice(0, at) + insert + valid.slice(at + 1);
        try {
          const { report } = await readTrendSeries(text);
          expect(report.samples).toBeLessThanOrEqual(12);
        } catch (error) {
          expect(OperationError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('alignment and gaps', () => {
  const t0 = Date.UTC(2025, 0, 1);
  const m = 60_000;
  it('aggregates by mean, last, sum, max and min per cell', () => {
    const s = seriesOf({ id: 'x' }, [0, 5, 10, 15, 20].map((k) => t0 + k * m), [1, 2, 3, 4, 10]);
    const grid = { start: t0, step: 15 * m, length: 2 };
    const out = (how: 'mean' | 'last' | 'sum' | 'max' | 'min'): number[] => [...alignSeries([s], grid, { aggregation: how }).values[0]!];
    expect(out('mean')).toEqual([2, 7]);
    expect(out('last')).toEqual([3, 10]);
    expect(out('sum')).toEqual([6, 14]);
    expect(out('max')).toEqual([3, 10]);
    expect(out('min')).toEqual([1, 4]);
  });
  it('holds the last value for at most holdMs and counts samples outside the grid', () => {
    const acc = new GridAccumulator({ start: t0, step: m, length: 6 }, [{ id: 'x' }], { holdMs: 2 * m });
    acc.add(0, t0 - m, 9, 1);
    acc.add(0, t0, 5, 1);
    acc.add(0, t0 + 5 * m, 6, 1);
    acc.add(0, t0 + 6 * m, 7, 1);
    const a = acc.finish();
    expect([...a.values[0]!]).toEqual([5, 5, 5, 0, 0, 6]);
    expect([...a.quality[0]!]).toEqual([1, 1 | QUALITY_FILLED, 1 | QUALITY_FILLED, 0, 0, 1]);
    expect(acc.outside).toBe(2);
  });
  it('finds gaps between the first and last data only', () => {
    const s = seriesOf({ id: 'x' }, [2, 3, 9, 10].map((k) => t0 + k * m), [1, 1, 1, 1]);
    const a = alignSeries([s], { start: t0, step: m, length: 14 });
    expect(findGaps(a, 0, 5 * m)).toEqual([{ start: t0 + 4 * m, end: t0 + 9 * m }]);
    expect(findGaps(a, 0, 6 * m)).toEqual([]);
    expect(findSeriesGaps(s, 5 * m)).toEqual([{ start: t0 + 3 * m, end: t0 + 9 * m }]);
  });
  it('reads straight onto a grid', async () => {
    const { aligned, report, outside } = await readTrendsAligned('Zeit;A\n2025-01-01T00:00Z;1\n2025-01-01T00:01Z;3\n2025-01-01T00:30Z;5\n', { start: t0, step: 15 * m, length: 1 });
    expect([...aligned.values[0]!]).toEqual([2]);
    expect(report.samples).toBe(3);
    expect(outside).toBe(1);
  });
});

describe('round trip through a trend export', () => {
  it('reads back what trendsToCsv writes, across the October clock change, with and without quotes', async () => {
    const { trendsToCsv } = await import('../examples/demo-school.js');
    const start = Date.UTC(2025, 9, 25, 23, 30); // 26 October 2025 01:30 CEST, three hours of minutes
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.option(fc.integer({ min: -99_999, max: 99_999 }), { nil: null }), { minLength: 180, maxLength: 180 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (columns, quote) => {
          const aligned = {
            grid: { start, step: 60_000, length: 180 },
            points: columns.map((_, i) => ({ id: `P${i}`, unit: '°C' })),
            index: new Map(columns.map((_, i) => [`P${i}`, i])),
            values: columns.map((c) => Float32Array.from(c.map((v) => (v ?? 0) / 100))),
            quality: columns.map((c) => Uint8Array.from(c.map((v) => (v === null ? 0 : 1)))),
            aggregation: columns.map(() => 'mean' as const),
          };
          let csv = [...trendsToCsv(aligned)].join('');
          if (quote) csv = csv.replace(/;(-?\d+,\d+)/g, ';"$1"');
          const { aligned: back, report } = await readTrendsAligned(csv, aligned.grid);
          expect(report.rejected.total).toBe(0);
          columns.forEach((c, p) => {
            expect([...back.quality[p]!]).toEqual(c.map((v) => (v === null ? 0 : 1)));
            c.forEach((v, i) => {
              if (v !== null) expect(back.values[p]![i]).toBeCloseTo(v / 100, 2);
            });
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
