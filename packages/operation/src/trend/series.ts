import { OperationError } from '../errors.js';

/** Quality flag: the cell or sample holds a value. */
export const QUALITY_PRESENT = 1;
/** Quality flag: the source marked the value as not OK (status column, fault, override). */
export const QUALITY_FLAGGED = 2;
/** Quality flag: the value was carried forward from an earlier sample (hold). */
export const QUALITY_FILLED = 4;

/**
 * A data point as named in a trend export: its column or point name and the unit text found.
 *
 * @example
 * ```ts
 * const point: TrendPoint = { id: 'L01.GS1.UG_HZG.HK01.TF01.MW', unit: '°C' };
 * ```
 */
export interface TrendPoint {
  readonly id: string;
  readonly unit?: string;
}

/**
 * The samples of one data point in columnar typed arrays, strictly increasing in time:
 * `times` in UTC milliseconds since 1970, `values`, and `quality` flags
 * ({@link QUALITY_PRESENT}, {@link QUALITY_FLAGGED}). Only the first `length` entries are used.
 *
 * @example
 * ```ts
 * for (let i = 0; i < s.length; i++) console.log(new Date(s.times[i]!), s.values[i]);
 * ```
 */
export interface TrendSeries {
  readonly point: TrendPoint;
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly quality: Uint8Array;
  readonly length: number;
}

/**
 * A regular time grid: `length` cells of `step` milliseconds from `start` (UTC ms); cell `i`
 * covers `[start + i·step, start + (i+1)·step)`.
 *
 * @example
 * ```ts
 * const grid: TimeGrid = { start: Date.UTC(2024, 11, 31, 23), step: 60_000, length: 525_600 };
 * ```
 */
export interface TimeGrid {
  readonly start: number;
  readonly step: number;
  readonly length: number;
}

/**
 * How samples falling into one grid cell become its value: `mean` (analog values; for on/off
 * points the share of time on), `last` (meter registers, states), `sum` (interval consumption),
 * `max`, `min`.
 *
 * @example
 * ```ts
 * const how: Aggregation = 'sum';
 * ```
 */
export type Aggregation = 'mean' | 'last' | 'sum' | 'max' | 'min';

/**
 * Several data points aligned onto one {@link TimeGrid}: per point a `Float32Array` of values
 * and a `Uint8Array` of quality flags (0 = no data). Timestamps are implicit, so the raw size is
 * 5 bytes per point and cell.
 *
 * @example
 * ```ts
 * const i = aligned.index.get('L01.GS1.UG_HZG.HK01.PU01.BM')!;
 * const on = aligned.values[i]![42]! > 0.5 && (aligned.quality[i]![42]! & QUALITY_PRESENT) !== 0;
 * ```
 */
export interface AlignedTrends {
  readonly grid: TimeGrid;
  readonly points: readonly TrendPoint[];
  readonly index: ReadonlyMap<string, number>;
  readonly values: readonly Float32Array[];
  readonly quality: readonly Uint8Array[];
  readonly aggregation: readonly Aggregation[];
}

/**
 * Checks a grid and returns it; throws `OperationError` `invalid-grid` for a step that is not a
 * positive whole number of milliseconds, or a length that is not a whole number up to 2^31.
 *
 * @example
 * ```ts
 * checkGrid({ start: 0, step: 60_000, length: 10 });
 * ```
 */
export function checkGrid(grid: TimeGrid): TimeGrid {
  if (!Number.isFinite(grid.start) || !Number.isInteger(grid.step) || grid.step <= 0 || !Number.isInteger(grid.length) || grid.length < 0 || grid.length > 2 ** 31 - 1) {
    throw new OperationError('invalid-grid', `ungültiges Zeitraster / invalid time grid: start ${grid.start}, step ${grid.step}, length ${grid.length}`, {
      location: { segment: 'grid' },
    });
  }
  return grid;
}

/**
 * A grid covering `[from, to)` in steps of `step` ms, `from` rounded down to a whole step.
 *
 * @example
 * ```ts
 * gridBetween(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2), 900_000).length; // 96
 * ```
 */
export function gridBetween(from: number, to: number, step: number): TimeGrid {
  const start = Math.floor(from / step) * step;
  return checkGrid({ start, step, length: Math.max(0, Math.ceil((to - start) / step)) });
}

/**
 * Builds a series from plain arrays (sorted by time, later duplicates dropped), for tests and
 * small inputs.
 *
 * @example
 * ```ts
 * const s = seriesOf({ id: 'T' }, [0, 60_000], [20.5, 20.7]);
 * ```
 */
export function seriesOf(point: TrendPoint, times: readonly number[], values: readonly number[], quality?: readonly number[]): TrendSeries {
  if (times.length !== values.length || (quality && quality.length !== times.length)) {
    throw new OperationError('invalid-input', 'Zeiten, Werte und Qualität verschieden lang / times, values and quality differ in length', {
      location: { point: point.id },
    });
  }
  const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
  const t = new Float64Array(times.length);
  const v = new Float64Array(times.length);
  const q = new Uint8Array(times.length);
  let n = 0;
  for (const i of order) {
    const time = times[i] as number;
    if (!Number.isFinite(time) || (n > 0 && time === t[n - 1])) continue;
    t[n] = time;
    v[n] = values[i] as number;
    q[n] = quality ? (quality[i] as number) : QUALITY_PRESENT;
    n++;
  }
  return { point, times: t, values: v, quality: q, length: n };
}
