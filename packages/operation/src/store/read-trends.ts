import type { TrendPoint, TrendSeries } from '../trend/series.js';
import { toTrendSeries } from './sample.js';
import type { SampleStore, StoreCallOptions } from './sample-store.js';

/**
 * Read stored samples of several data points as {@link TrendSeries}, ready for `alignSeries` and
 * the monitoring rules: the way from the store (filled by trend uploads or live sources) to
 * findings. Points without samples give empty series.
 *
 * @example
 * ```ts
 * const series = await readStoredTrends(store, [{ id: 'HZG.VL', unit: '°C' }], Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
 * const aligned = alignSeries(series, gridBetween(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1), 60_000));
 * ```
 */
export async function readStoredTrends(
  store: SampleStore,
  points: readonly TrendPoint[],
  from: number,
  to: number,
  options: StoreCallOptions = {},
): Promise<TrendSeries[]> {
  const result: TrendSeries[] = [];
  for (const point of points) {
    result.push(toTrendSeries(await store.read(point.id, from, to, options), point.unit));
  }
  return result;
}
