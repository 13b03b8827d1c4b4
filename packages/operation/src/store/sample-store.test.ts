import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/store-backends.js';
import type { StoreFixture } from '../../test/store-backends.js';
import { OperationError } from '../errors.js';
import { QUALITY_FILLED, QUALITY_FLAGGED, QUALITY_PRESENT, seriesOf } from '../trend/series.js';
import { toTrendSeries } from './sample.js';
import type { Sample } from './sample.js';
import { retentionCutoff } from './sample-store.js';

const jan1 = Date.UTC(2026, 0, 1);
const minute = 60_000;
const s = (pointId: string, time: number, value: number, quality = 0): Sample => ({ pointId, time, value, quality });

describe('retentionCutoff', () => {
  it('keeps the given whole months before the running one', () => {
    expect(retentionCutoff(Date.UTC(2026, 4, 17, 13), 24)).toBe(Date.UTC(2024, 4, 1));
    expect(retentionCutoff(Date.UTC(2026, 0, 1), 1)).toBe(Date.UTC(2025, 11, 1));
    expect(retentionCutoff(Date.UTC(2026, 2, 31), 0)).toBe(Date.UTC(2026, 2, 1));
  });
  it('refuses negative or fractional months', () => {
    expect(() => retentionCutoff(jan1, -1)).toThrow(OperationError);
    expect(() => retentionCutoff(jan1, 1.5)).toThrow(/retention/);
  });
});

for (const backend of storeBackends) {
  describe.skipIf(!backend.available)(`SampleStore on ${backend.name}`, () => {
    let fixture: StoreFixture | undefined;
    const open = async (policy: 'replace' | 'keep' = 'replace') => {
      fixture = await backend.create(policy);
      return fixture.store;
    };
    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    it('writes samples and reads one point back in time order, from inclusive, to exclusive', async () => {
      const store = await open();
      const result = await store.write([
        s('HZG.VL', jan1 + 2 * minute, 61.5),
        s('HZG.VL', jan1, 60),
        s('HZG.RL', jan1, 40.25, 1),
        s('HZG.VL', Date.UTC(2026, 1, 1), 58, 2), // February: a second partition on PostgreSQL
        s('HZG.VL', jan1 + minute, 60.75),
      ]);
      expect(result).toEqual({ written: 5, duplicates: 0, rejected: 0, reasons: {}, examples: [] });
      const vl = await store.read('HZG.VL', jan1, Date.UTC(2026, 1, 1));
      expect([...vl.times]).toEqual([jan1, jan1 + minute, jan1 + 2 * minute]);
      expect([...vl.values]).toEqual([60, 60.75, 61.5]);
      expect([...vl.qualities]).toEqual([0, 0, 0]);
      const all = await store.read('HZG.VL', 0, Date.UTC(2027, 0, 1));
      expect([...all.values]).toEqual([60, 60.75, 61.5, 58]);
      expect(all.qualities[3]).toBe(2);
      const rl = await store.read('HZG.RL', jan1, jan1 + 1);
      expect([...rl.values]).toEqual([40.25]);
      expect([...rl.qualities]).toEqual([1]);
      expect(await store.points()).toEqual(['HZG.RL', 'HZG.VL']);
      expect((await store.read('unknown', 0, Date.UTC(2027, 0, 1))).times.length).toBe(0);
    });

    it('writes series in columns with default quality good', async () => {
      const store = await open();
      const times = Array.from({ length: 5 }, (_, i) => jan1 + i * minute);
      const result = await store.writeSeries([
        { pointId: 'A', times, values: [1, 2, 3, 4, 5] },
        { pointId: 'B', times: new Float64Array(times), values: new Float64Array([5, 4, 3, 2, 1]), qualities: new Uint8Array([0, 1, 2, 1, 0]) },
      ]);
      expect(result.written).toBe(10);
      const b = await store.read('B', jan1, jan1 + 5 * minute);
      expect([...b.values]).toEqual([5, 4, 3, 2, 1]);
      expect([...b.qualities]).toEqual([0, 1, 2, 1, 0]);
      expect([...(await store.read('A', jan1 + minute, jan1 + 3 * minute)).values]).toEqual([2, 3]);
    });

    it('stores trend series of the trend reader and gives them back as trend series', async () => {
      const store = await open();
      const P = QUALITY_PRESENT;
      const trend = seriesOf({ id: 'HZG.VL', unit: '°C' }, [jan1, jan1 + minute, jan1 + 2 * minute, jan1 + 3 * minute], [60, 61, 62, 63], [P, P | QUALITY_FLAGGED, P | QUALITY_FILLED, 0]);
      const result = await store.writeSeries([trend]);
      // the last cell holds no value (flags 0): refused and counted, not stored
      expect(result).toMatchObject({ written: 3, rejected: 1, reasons: { 'invalid-value': 1 } });
      const stored = await store.read('HZG.VL', jan1, jan1 + 4 * minute);
      expect([...stored.qualities]).toEqual([0, 2, 1]); // good, bad (flagged), uncertain (filled)
      const back = toTrendSeries(stored, '°C');
      expect(back.point).toEqual({ id: 'HZG.VL', unit: '°C' });
      expect(back.length).toBe(3);
      expect([...back.values]).toEqual([60, 61, 62]);
      expect([...back.quality]).toEqual([P, P | QUALITY_FLAGGED, P | QUALITY_FLAGGED]);
    });

    it('replaces stored and repeated (point, time) pairs by the newest sample and counts them', async () => {
      const store = await open('replace');
      expect((await store.write([s('A', jan1, 1), s('A', jan1 + minute, 2)])).written).toBe(2);
      const second = await store.write([s('A', jan1, 10), s('A', jan1 + 2 * minute, 3), s('A', jan1 + 2 * minute, 30)]);
      // jan1 is stored already, jan1+2min is repeated in the batch: 1 new, 2 duplicates
      expect(second).toMatchObject({ written: 1, duplicates: 2, rejected: 0 });
      const a = await store.read('A', jan1, jan1 + 3 * minute);
      expect([...a.values]).toEqual([10, 2, 30]);
    });

    it('keeps the stored and the first repeated sample under onDuplicate keep', async () => {
      const store = await open('keep');
      await store.write([s('A', jan1, 1)]);
      const second = await store.write([s('A', jan1, 10), s('A', jan1 + minute, 3), s('A', jan1 + minute, 30)]);
      expect(second).toMatchObject({ written: 1, duplicates: 2 });
      expect([...(await store.read('A', jan1, jan1 + 2 * minute)).values]).toEqual([1, 3]);
    });

    it('counts refused samples by reason with examples and stores the valid ones', async () => {
      const store = await open();
      const input = [
        s('A', jan1, Number.NaN),
        s('A', jan1 + minute, Number.POSITIVE_INFINITY),
        s('A', jan1 + 0.5, 1),
        s('A', -1, 1),
        s('A', Date.UTC(2200, 0, 1), 1),
        s('', jan1, 1),
        s('A', jan1 + 2 * minute, 1, 300),
        s('A', jan1 + 3 * minute, 7),
        null as unknown as Sample,
        s('A\uD800', jan1, 1), // a lone surrogate would be stored as U+FFFD
        s('A\u0000', jan1, 1),
      ];
      const result = await store.write(input);
      expect(result.written).toBe(1);
      expect(result.rejected).toBe(10);
      expect(result.reasons).toEqual({ 'invalid-value': 2, 'invalid-time': 3, 'invalid-point': 4, 'invalid-quality': 1 });
      expect(result.examples.map((e) => [e.index, e.reason])).toEqual([
        [0, 'invalid-value'],
        [1, 'invalid-value'],
        [2, 'invalid-time'],
        [3, 'invalid-time'],
        [4, 'invalid-time'],
        [5, 'invalid-point'],
        [6, 'invalid-quality'],
        [8, 'invalid-point'],
        [9, 'invalid-point'],
        [10, 'invalid-point'],
      ]);
      expect([...(await store.read('A', 0, Date.UTC(2100, 0, 1))).values]).toEqual([7]);
      const series = await store.writeSeries([{ pointId: 'B', times: [jan1, jan1 + minute], values: [1] }]);
      expect(series).toMatchObject({ written: 0, rejected: 2, reasons: { 'invalid-point': 2 } });
    });

    it('deletes a range of one point', async () => {
      const store = await open();
      await store.writeSeries([
        { pointId: 'A', times: [jan1, jan1 + minute, jan1 + 2 * minute], values: [1, 2, 3] },
        { pointId: 'B', times: [jan1 + minute], values: [9] },
      ]);
      expect(await store.deleteRange('A', jan1 + minute, jan1 + 3 * minute)).toBe(2);
      expect(await store.deleteRange('nobody', 0, jan1)).toBe(0);
      expect([...(await store.read('A', 0, Date.UTC(2100, 0, 1))).values]).toEqual([1]);
      expect([...(await store.read('B', 0, Date.UTC(2100, 0, 1))).values]).toEqual([9]);
    });

    it('applies retention by whole UTC months', async () => {
      const store = await open();
      await store.writeSeries([
        {
          pointId: 'A',
          times: [Date.UTC(2025, 10, 3), Date.UTC(2025, 10, 30, 23, 59), Date.UTC(2025, 11, 31, 23, 59), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 20)],
          values: [1, 2, 3, 4, 5],
        },
      ]);
      // Cutoff in mid-January: November and December end before it, January stays whole.
      const result = await store.applyRetention(Date.UTC(2026, 0, 15, 12));
      expect(result.droppedMonths).toEqual(['2025-11', '2025-12']);
      expect(result.deletedSamples).toBe(3);
      expect([...(await store.read('A', 0, Date.UTC(2100, 0, 1))).values]).toEqual([4, 5]);
      expect((await store.applyRetention(Date.UTC(2026, 0, 15))).droppedMonths).toEqual([]);
      // Writing into a dropped month again works (the partition is created anew).
      expect((await store.write([s('A', Date.UTC(2025, 11, 5), 6)])).written).toBe(1);
      await expect(store.applyRetention(Number.NaN)).rejects.toMatchObject({ code: 'invalid-input' });
    });

    it('refuses an aborted write and bad ranges with typed errors, writing nothing', async () => {
      const store = await open();
      const controller = new AbortController();
      controller.abort();
      await expect(store.write([s('A', jan1, 1)], { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
      expect(await store.points()).toEqual([]);
      await expect(store.read('', 0, 1)).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.read('A', Number.NaN, 1)).rejects.toMatchObject({ code: 'invalid-input', segment: 'from' });
      await store.close();
      await expect(store.write([s('A', jan1, 1)])).rejects.toMatchObject({ code: 'store' });
    });

    it('stores a larger batch over three months exactly', async () => {
      const store = await open();
      const n = 140_000; // more than two read pages of the SQLite store
      const times = new Float64Array(n);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        times[i] = Date.UTC(2026, 0, 20) + i * 5 * minute; // 20 Jan 2026 to May 2027
        values[i] = (i % 100) / 4;
      }
      const result = await store.writeSeries([{ pointId: 'P', times, values }]);
      expect(result.written).toBe(n);
      const back = await store.read('P', 0, Date.UTC(2100, 0, 1));
      expect(back.times).toEqual(times);
      expect(back.values).toEqual(values);
      const feb = await store.read('P', Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1));
      expect(feb.times.length).toBe((28 * 24 * 60) / 5);
    });

    it('agrees with a model map for random batches with duplicates (property)', async () => {
      const store = await open('replace');
      const model = new Map<string, number>();
      const sample = fc.record({
        pointId: fc.constantFrom('A', 'B', 'C'),
        time: fc.integer({ min: 0, max: 20 }).map((k) => Date.UTC(2025, 11, 31, 23, 50) + k * minute),
        value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        quality: fc.constantFrom(0, 1, 2),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(sample, { maxLength: 30 }), async (batch) => {
          const before = model.size;
          const result = await store.write(batch);
          for (const x of batch) model.set(`${x.pointId}|${x.time}`, x.value + 0); // the store keeps -0 as 0
          expect(result.written + result.duplicates + result.rejected).toBe(batch.length);
          expect(result.written).toBe(model.size - before);
        }),
        { numRuns: backend.name === 'postgres' ? 15 : 60 },
      );
      for (const p of ['A', 'B', 'C']) {
        const back = await store.read(p, 0, Date.UTC(2100, 0, 1));
        const expected = [...model].filter(([k]) => k.startsWith(`${p}|`)).map(([k, v]) => [Number(k.slice(2)), v]).sort((x, y) => (x[0] as number) - (y[0] as number));
        expect([...back.times]).toEqual(expected.map((e) => e[0]));
        expect([...back.values]).toEqual(expected.map((e) => e[1]));
      }
    });

    it('counts any hostile input as written, duplicate or rejected and never throws otherwise (property)', async () => {
      const store = await open();
      const field = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: jan1, max: jan1 + 100 * minute }));
      const hostile = fc.oneof(
        fc.anything(),
        fc.record({ pointId: fc.oneof(fc.string({ maxLength: 3 }), fc.anything(), fc.constant({ toString: 0 })), time: field, value: field, quality: fc.oneof(field, fc.constantFrom(0, 1, 2)) }, { requiredKeys: [] }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(hostile, { maxLength: 20 }), async (batch) => {
          const r = await store.write(batch as unknown as Sample[]);
          expect(r.written + r.duplicates + r.rejected).toBe(batch.length);
          expect(Object.values(r.reasons).reduce((a, b) => a + (b ?? 0), 0)).toBe(r.rejected);
        }),
        { numRuns: backend.name === 'postgres' ? 20 : 100 },
      );
      const arrayish = fc.oneof(fc.anything(), fc.array(fc.oneof(fc.anything(), fc.integer({ min: jan1, max: jan1 + 10 * minute })), { maxLength: 5 }));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ pointId: fc.oneof(fc.constant('S'), fc.anything()), times: arrayish, values: arrayish, qualities: arrayish }, { requiredKeys: ['times'] }), { minLength: 1, maxLength: 4 }), async (series) => {
          const r = await store.writeSeries(series as never);
          for (const n of [r.written, r.duplicates, r.rejected]) expect(Number.isInteger(n) && n >= 0).toBe(true);
        }),
        { numRuns: backend.name === 'postgres' ? 20 : 100 },
      );
    });

    it('lets two stores on the same database write the same months concurrently', async () => {
      await open();
      const other = await fixture!.reopen();
      const batch = (pointId: string) => ({
        pointId,
        times: Array.from({ length: 1_000 }, (_, i) => Date.UTC(2026, 3, 1) + i * 90 * minute), // April-June
        values: Array.from({ length: 1_000 }, (_, i) => i),
      });
      const [a, b] = await Promise.all([fixture!.store.writeSeries([batch('X')]), other.writeSeries([batch('Y')])]);
      expect(a.written + b.written).toBe(2_000);
      expect((await other.read('X', 0, Date.UTC(2100, 0, 1))).times.length).toBe(1_000);
    });

    it('counts overlapping concurrent writes of two stores exactly once', async () => {
      await open();
      const other = await fixture!.reopen();
      const times = (from: number) => Array.from({ length: 2_000 }, (_, i) => Date.UTC(2026, 5, 1) + (from + i) * minute);
      // 0-1999 and 1000-2999: 3,000 distinct minutes, 1,000 of them written by both
      const [a, b] = await Promise.all([
        fixture!.store.writeSeries([{ pointId: 'Z', times: times(0), values: new Float64Array(2_000).fill(1) }]),
        other.writeSeries([{ pointId: 'Z', times: times(1_000), values: new Float64Array(2_000).fill(2) }]),
      ]);
      expect(a.written + b.written).toBe(3_000);
      expect(a.duplicates + b.duplicates).toBe(1_000);
      expect((await other.read('Z', 0, Date.UTC(2100, 0, 1))).times.length).toBe(3_000);
    });
  });
}

describe.skipIf(!storeBackends[1]!.available)('PostgreSQL layout', () => {
  it('rolls a write back completely when aborted in the middle of the COPY', async () => {
    const fixture = await storeBackends[1]!.create();
    try {
      let checks = 0;
      // Not aborted for the first checks (before the write and the first chunks), then aborted.
      const signal = { get aborted() { return ++checks > 4; }, reason: 'test' } as unknown as AbortSignal;
      const times = Float64Array.from({ length: 100_000 }, (_, i) => jan1 + i * minute);
      await expect(fixture.store.writeSeries([{ pointId: 'A', times, values: new Float64Array(100_000) }], { signal })).rejects.toMatchObject({ code: 'aborted' });
      expect(checks).toBeGreaterThan(4);
      expect((await fixture.store.read('A', 0, Date.UTC(2100, 0, 1))).times.length).toBe(0);
    } finally {
      await fixture.dispose();
    }
  });

  it('partitions by month with a BRIN index on time and drops partitions for retention', async () => {
    const fixture = await storeBackends[1]!.create();
    try {
      await fixture.store.writeSeries([{ pointId: 'A', times: [Date.UTC(2026, 0, 31, 23, 59), Date.UTC(2026, 1, 1)], values: [1, 2] }]);
      const client = new pg.Client({ connectionString: fixture.url });
      await client.connect();
      try {
        await client.query(`SET TimeZone = 'UTC'`);
        const parts = await client.query(
          `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'samples'::regclass ORDER BY 1`,
        );
        expect(parts.rows.map((r: { relname: string }) => r.relname)).toEqual(['samples_y2026m01', 'samples_y2026m02']);
        expect((parts.rows[0] as { bound: string }).bound).toBe("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')");
        const brin = await client.query(
          `SELECT indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            WHERE i.indrelid = 'samples_y2026m01'::regclass AND a.amname = 'brin'`,
        );
        expect(brin.rows.length).toBe(1);
        await fixture.store.applyRetention(Date.UTC(2026, 1, 1));
        const left = await client.query(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'samples'::regclass`);
        expect(left.rows.map((r: { relname: string }) => r.relname)).toEqual(['samples_y2026m02']);
      } finally {
        await client.end();
      }
    } finally {
      await fixture.dispose();
    }
  });
});
