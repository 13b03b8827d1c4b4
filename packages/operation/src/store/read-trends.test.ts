import { afterEach, describe, expect, it } from 'vitest';
import { alignSeries } from '../trend/grid.js';
import { gridBetween, QUALITY_FLAGGED, QUALITY_PRESENT } from '../trend/series.js';
import { readStoredTrends } from './read-trends.js';
import type { SampleStore } from './sample-store.js';
import { openSqliteSampleStore } from './sqlite.js';

let store: SampleStore | undefined;
afterEach(async () => {
  await store?.close();
});

describe('readStoredTrends', () => {
  it('reads stored points as trend series that align onto a grid', async () => {
    store = await openSqliteSampleStore({ file: ':memory:' });
    const t0 = Date.UTC(2026, 0, 5, 6);
    const minute = 60_000;
    const times = Array.from({ length: 30 }, (_, i) => t0 + i * minute);
    await store.writeSeries([
      { pointId: 'HZG.VL', times, values: times.map((_, i) => i) },
      { pointId: 'HZG.RL', times: [t0 + 20 * minute], values: [40], qualities: [2] },
    ]);
    const series = await readStoredTrends(store, [{ id: 'HZG.VL', unit: '°C' }, { id: 'HZG.RL' }, { id: 'FEHLT' }], t0, t0 + 30 * minute);
    expect(series.map((s) => [s.point.id, s.length])).toEqual([['HZG.VL', 30], ['HZG.RL', 1], ['FEHLT', 0]]);
    expect(series[0]!.point.unit).toBe('°C');
    const aligned = alignSeries(series, gridBetween(t0, t0 + 30 * minute, 15 * minute));
    // means of minutes 0-14 and 15-29: 7 and 22
    expect([...aligned.values[0]!]).toEqual([7, 22]);
    // the bad sample is present but flagged, in the second cell; the first cell has no data
    expect(aligned.quality[1]![0]).toBe(0);
    expect(aligned.quality[1]![1]! & (QUALITY_PRESENT | QUALITY_FLAGGED)).toBe(QUALITY_PRESENT | QUALITY_FLAGGED);
    expect(aligned.quality[2]![0]).toBe(0);
  });
});
