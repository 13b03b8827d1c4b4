import type { Interval } from '../rules/engine.js';
import type { AlignedTrends, TrendSeries } from './series.js';

/**
 * Gaps of one point on a grid: runs of cells without data of at least `minMs`, between the
 * point's first and last data (the edges of an export are not gaps).
 *
 * @example
 * ```ts
 * findGaps(aligned, aligned.index.get('T1')!, 60 * 60_000); // [{ start, end }, …]
 * ```
 */
export function findGaps(aligned: AlignedTrends, point: number, minMs: number): Interval[] {
  const q = aligned.quality[point];
  if (!q) return [];
  const { start, step } = aligned.grid;
  const min = Math.max(1, Math.ceil(minMs / step));
  let first = -1;
  let last = -1;
  for (let i = 0; i < q.length; i++) if (q[i] !== 0) { if (first < 0) first = i; last = i; }
  const out: Interval[] = [];
  let run = -1;
  for (let i = first + 1; first >= 0 && i <= last; i++) {
    if (q[i] === 0) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      if (i - run >= min) out.push({ start: start + run * step, end: start + i * step });
      run = -1;
    }
  }
  return out;
}

/**
 * Gaps of a raw series: consecutive samples further apart than `maxMs`; the interval runs from
 * the sample before the gap to the sample after it.
 *
 * @example
 * ```ts
 * findSeriesGaps(series, 15 * 60_000);
 * ```
 */
export function findSeriesGaps(series: TrendSeries, maxMs: number): Interval[] {
  const out: Interval[] = [];
  for (let i = 1; i < series.length; i++) {
    const a = series.times[i - 1] as number;
    const b = series.times[i] as number;
    if (b - a > maxMs) out.push({ start: a, end: b });
  }
  return out;
}
