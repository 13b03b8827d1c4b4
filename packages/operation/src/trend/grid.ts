import { OperationError } from '../errors.js';
import {
  type Aggregation,
  type AlignedTrends,
  checkGrid,
  QUALITY_FILLED,
  QUALITY_FLAGGED,
  QUALITY_PRESENT,
  type TimeGrid,
  type TrendPoint,
  type TrendSeries,
} from './series.js';

const aggregationCodes: ReadonlyMap<Aggregation, number> = new Map<Aggregation, number>([['mean', 0], ['sum', 1], ['last', 2], ['max', 3], ['min', 4]]);

/**
 * Options for aligning onto a grid.
 *
 * @example
 * ```ts
 * const options: AlignOptions = { aggregation: (p) => (p.unit === 'kWh' ? 'last' : 'mean'), holdMs: 15 * 60_000 };
 * ```
 */
export interface AlignOptions {
  /** Aggregation per point; default `mean`. */
  readonly aggregation?: Aggregation | ((point: TrendPoint, index: number) => Aggregation);
  /**
   * Carry the last value forward over empty cells for at most this long (for trend logs that
   * record on change of value); filled cells get {@link QUALITY_FILLED}. Default 0 (no hold).
   */
  readonly holdMs?: number;
}

/**
 * Aligns samples onto a grid while they stream in (each point's samples in increasing time):
 * per point only the open cell is kept, so memory is the output arrays plus a few numbers per
 * point. Used by the readers and by {@link alignSeries}.
 *
 * @example
 * ```ts
 * const acc = new GridAccumulator(grid, points, { aggregation: 'mean' });
 * acc.add(0, Date.UTC(2025, 0, 1, 0, 0, 30), 21.5, 1);
 * const aligned = acc.finish();
 * ```
 */
export class GridAccumulator {
  readonly grid: TimeGrid;
  private readonly points: TrendPoint[] = [];
  private readonly values: Float32Array[] = [];
  private readonly quality: Uint8Array[] = [];
  private readonly how: Aggregation[] = [];
  /** `how` as a number per point for the hot path: 0 mean, 1 sum, 2 last, 3 max, 4 min. */
  private code = new Uint8Array(16);
  private cell = new Int32Array(16).fill(-1);
  private acc = new Float64Array(16);
  private count = new Float64Array(16);
  private flags = new Uint8Array(16);
  private readonly holdCells: number;
  private readonly aggregation: AlignOptions['aggregation'];
  /** Samples before the grid's start or after its end, not counted into any cell. */
  outside = 0;

  constructor(grid: TimeGrid, points: readonly TrendPoint[] = [], options: AlignOptions = {}) {
    this.grid = checkGrid(grid);
    const hold = options.holdMs ?? 0;
    if (!(hold >= 0)) throw new OperationError('invalid-input', 'holdMs muss ≥ 0 sein / must be ≥ 0', { location: { segment: 'holdMs' } });
    this.holdCells = Math.floor(hold / grid.step);
    this.aggregation = options.aggregation;
    for (const p of points) this.addPoint(p);
  }

  /** Adds a data point and returns its index. */
  addPoint(point: TrendPoint): number {
    const i = this.points.length;
    this.points.push(point);
    const a = this.aggregation;
    const how = a === undefined ? 'mean' : typeof a === 'function' ? a(point, i) : a;
    if (!aggregationCodes.has(how)) {
      throw new OperationError('invalid-input', `unbekannte Aggregation "${String(how)}" / unknown aggregation`, { location: { point: point.id, segment: 'aggregation' } });
    }
    this.how.push(how);
    this.values.push(new Float32Array(this.grid.length));
    this.quality.push(new Uint8Array(this.grid.length));
    if (i >= this.cell.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const next = make(old.length * 2);
        next.set(old);
        return next;
      };
      this.cell = grow(this.cell, (n) => new Int32Array(n).fill(-1));
      this.acc = grow(this.acc, (n) => new Float64Array(n));
      this.count = grow(this.count, (n) => new Float64Array(n));
      this.flags = grow(this.flags, (n) => new Uint8Array(n));
      this.code = grow(this.code, (n) => new Uint8Array(n));
    }
    this.code[i] = aggregationCodes.get(how) as number;
    return i;
  }

  /** Adds one sample of point `p` (UTC ms, value, quality flags). Times per point must not decrease. */
  add(p: number, time: number, value: number, quality: number): void {
    const c = Math.floor((time - this.grid.start) / this.grid.step);
    if (c < 0 || c >= this.grid.length) {
      this.outside++;
      return;
    }
    this.put(p, c, value, quality);
  }

  /** Adds samples of one time for several points (see `TrendSink.addRow`). */
  addRow(points: Int32Array, values: Float64Array, count: number, time: number, quality: number): void {
    const c = Math.floor((time - this.grid.start) / this.grid.step);
    if (c < 0 || c >= this.grid.length) {
      this.outside += count;
      return;
    }
    for (let k = 0; k < count; k++) this.put(points[k] as number, c, values[k] as number, quality);
  }

  /**
   * Puts a sample into cell `c` of point `p`. The cell's value in the output is kept current on
   * every sample (so nothing needs closing later, and a point with one sample per cell costs one
   * write); the running sum or extreme stays in the per-point state.
   */
  private put(p: number, c: number, value: number, quality: number): void {
    const out = this.values[p] as Float32Array;
    const q = this.quality[p] as Uint8Array;
    const open = this.cell[p] as number;
    if (c !== open) {
      if (open >= 0 && this.holdCells > 0) this.hold(p, open, c);
      this.cell[p] = c;
      this.count[p] = 1;
      this.acc[p] = value;
      this.flags[p] = quality;
      out[c] = value;
      q[c] = (quality & QUALITY_FLAGGED) | QUALITY_PRESENT;
      return;
    }
    const how = this.code[p] as number;
    const n = (this.count[p] as number) + 1;
    this.count[p] = n;
    const flags = (this.flags[p] as number) | quality;
    this.flags[p] = flags;
    let acc = this.acc[p] as number;
    if (how <= 1) acc += value; // mean, sum
    else if (how === 2) acc = value; // last
    else if (how === 3) {
      if (value > acc) acc = value;
    } else if (value < acc) acc = value;
    this.acc[p] = acc;
    out[c] = how === 0 ? acc / n : acc;
    q[c] = (flags & QUALITY_FLAGGED) | QUALITY_PRESENT;
  }

  /** Carries the value of cell `c` forward into the empty cells before `next`, at most `holdCells`. */
  private hold(p: number, c: number, next: number): void {
    if (this.how[p] === 'sum') return;
    const values = this.values[p] as Float32Array;
    const quality = this.quality[p] as Uint8Array;
    const end = Math.min(next, c + 1 + this.holdCells, this.grid.length);
    for (let k = c + 1; k < end; k++) {
      values[k] = values[c] as number;
      quality[k] = (quality[c] as number) | QUALITY_FILLED;
    }
  }

  /** Closes the open cells and returns the aligned data. */
  finish(): AlignedTrends {
    this.cell.fill(-1);
    return {
      grid: this.grid,
      points: this.points,
      index: new Map(this.points.map((p, i) => [p.id, i])),
      values: this.values,
      quality: this.quality,
      aggregation: this.how,
    };
  }
}

/**
 * Aligns several series onto one grid (mean, last, sum, max or min per cell, optional hold).
 *
 * @example
 * ```ts
 * const aligned = alignSeries(series, gridBetween(from, to, 15 * 60_000), { aggregation: (p) => (p.unit === 'kWh' ? 'sum' : 'mean') });
 * ```
 */
export function alignSeries(series: readonly TrendSeries[], grid: TimeGrid, options: AlignOptions = {}): AlignedTrends {
  const acc = new GridAccumulator(grid, series.map((s) => s.point), options);
  series.forEach((s, p) => {
    for (let i = 0; i < s.length; i++) acc.add(p, s.times[i] as number, s.values[i] as number, s.quality[i] as number);
  });
  return acc.finish();
}
