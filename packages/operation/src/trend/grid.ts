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
    this.how.push(a === undefined ? 'mean' : typeof a === 'function' ? a(point, i) : a);
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
    }
    return i;
  }

  /** Adds one sample of point `p` (UTC ms, value, quality flags). Times per point must not decrease. */
  add(p: number, time: number, value: number, quality: number): void {
    const c = Math.floor((time - this.grid.start) / this.grid.step);
    if (c < 0 || c >= this.grid.length) {
      this.outside++;
      return;
    }
    const open = this.cell[p] as number;
    if (c !== open) {
      if (open >= 0) this.flush(p, open, c);
      this.cell[p] = c;
      this.count[p] = 1;
      this.acc[p] = value;
      this.flags[p] = quality;
      return;
    }
    const how = this.how[p];
    this.count[p] = (this.count[p] as number) + 1;
    this.flags[p] = (this.flags[p] as number) | quality;
    if (how === 'mean' || how === 'sum') this.acc[p] = (this.acc[p] as number) + value;
    else if (how === 'last') this.acc[p] = value;
    else if (how === 'max') {
      if (value > (this.acc[p] as number)) this.acc[p] = value;
    } else if (value < (this.acc[p] as number)) this.acc[p] = value;
  }

  /** Adds samples of one time for several points (see `TrendSink.addRow`). */
  addRow(points: Int32Array, values: Float64Array, count: number, time: number, quality: number): void {
    const c = Math.floor((time - this.grid.start) / this.grid.step);
    if (c < 0 || c >= this.grid.length) {
      this.outside += count;
      return;
    }
    const cell = this.cell;
    const acc = this.acc;
    const n = this.count;
    const flags = this.flags;
    for (let k = 0; k < count; k++) {
      const p = points[k] as number;
      const value = values[k] as number;
      const open = cell[p] as number;
      if (c !== open) {
        if (open >= 0) this.flush(p, open, c);
        cell[p] = c;
        n[p] = 1;
        acc[p] = value;
        flags[p] = quality;
        continue;
      }
      const how = this.how[p];
      n[p] = (n[p] as number) + 1;
      flags[p] = (flags[p] as number) | quality;
      if (how === 'mean' || how === 'sum') acc[p] = (acc[p] as number) + value;
      else if (how === 'last') acc[p] = value;
      else if (how === 'max') {
        if (value > (acc[p] as number)) acc[p] = value;
      } else if (value < (acc[p] as number)) acc[p] = value;
    }
  }

  private flush(p: number, c: number, next: number): void {
    const v = this.how[p] === 'mean' ? (this.acc[p] as number) / (this.count[p] as number) : (this.acc[p] as number);
    const values = this.values[p] as Float32Array;
    const quality = this.quality[p] as Uint8Array;
    values[c] = v;
    quality[c] = ((this.flags[p] as number) & QUALITY_FLAGGED) | QUALITY_PRESENT;
    if (this.holdCells > 0 && this.how[p] !== 'sum') {
      const end = Math.min(next, c + 1 + this.holdCells, this.grid.length);
      for (let k = c + 1; k < end; k++) {
        values[k] = v;
        quality[k] = (quality[c] as number) | QUALITY_FILLED;
      }
    }
  }

  /** Closes the open cells and returns the aligned data. */
  finish(): AlignedTrends {
    for (let p = 0; p < this.points.length; p++) {
      const open = this.cell[p] as number;
      if (open >= 0) this.flush(p, open, open + 1);
      this.cell[p] = -1;
    }
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
