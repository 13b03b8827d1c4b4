import * as z from 'zod/mini';
import { QUALITY_FILLED, QUALITY_FLAGGED, QUALITY_PRESENT } from '../trend/series.js';
import type { TrendSeries } from '../trend/series.js';

/**
 * One value of one data point at one time, as stored and as delivered by the live sources.
 *
 * @example
 * ```ts
 * const sample: Sample = { pointId: 'HZG.WE01.VL.TEMP', time: Date.UTC(2026, 0, 5, 6), value: 61.5, quality: 0 };
 * ```
 */
export interface Sample {
  /** Data point id (e.g. an AKS key or `device:object`), 1 to 200 characters. */
  readonly pointId: string;
  /** Time in milliseconds since 1970-01-01 UTC (an integer). */
  readonly time: number;
  /** Value; booleans and states are numbers (0/1, state index). */
  readonly value: number;
  /** Quality flag, see {@link sampleQuality}. */
  readonly quality: number;
}

/**
 * The {@link Sample} as a data contract (zod/mini), for samples arriving as JSON (an HTTP API, a
 * queue): the same rules the stores apply, so a sample that passes is never refused by a store.
 * The stores check with a hand-written loop instead, which is many times faster per sample.
 *
 * @example
 * ```ts
 * const sample: Sample = sampleSchema.parse(JSON.parse(body));
 * ```
 */
export const sampleSchema = z.object({
  pointId: z.string().check(
    z.minLength(1),
    z.maxLength(200),
    z.refine((id) => !id.includes('\u0000') && !/\p{Cs}/u.test(id), 'kein NUL und kein einzelnes Surrogat / no NUL and no lone surrogate'),
  ),
  time: z.int().check(z.gte(0), z.lt(Date.UTC(2200, 0, 1))),
  value: z.number().check(z.refine(Number.isFinite, 'endliche Zahl / finite number')),
  // A sample without a quality is stored as good (0), as the stores do.
  quality: z._default(z.int().check(z.gte(0), z.lte(255)), 0),
});

/**
 * Quality flags of a sample (one byte): `good` measured normally, `uncertain` (overridden, out of
 * service, substituted), `bad` (sensor fault, communication fault; the value is not usable).
 *
 * @example
 * ```ts
 * if (sample.quality === sampleQuality.bad) console.log('Messwert unbrauchbar / value unusable');
 * ```
 */
export const sampleQuality = { good: 0, uncertain: 1, bad: 2 } as const;

/**
 * Samples of one data point in columns: the form the store reads and writes fastest.
 *
 * @example
 * ```ts
 * const batch: SeriesBatch = {
 *   pointId: 'HZG.WE01.VL.TEMP',
 *   times: [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 0, 1)],
 *   values: [60.1, 60.4],
 * };
 * ```
 */
export interface SeriesBatch {
  readonly pointId: string;
  /** Times in ms since 1970-01-01 UTC. */
  readonly times: ArrayLike<number>;
  /** Values, as many as times. */
  readonly values: ArrayLike<number>;
  /** Quality flags, as many as times; all `good` when absent. */
  readonly qualities?: ArrayLike<number>;
}

/**
 * Quality byte of a store sample from the flags of a trend series: flagged by the source → `bad`,
 * carried forward (filled) → `uncertain`, else `good`.
 *
 * @example
 * ```ts
 * qualityFromTrendFlags(QUALITY_PRESENT | QUALITY_FLAGGED); // sampleQuality.bad
 * ```
 */
export function qualityFromTrendFlags(flags: number): number {
  if (flags & QUALITY_FLAGGED) return sampleQuality.bad;
  if (flags & QUALITY_FILLED) return sampleQuality.uncertain;
  return sampleQuality.good;
}

/**
 * Trend flags of a stored sample: every stored sample is present; `uncertain` and `bad` are
 * flagged, so the monitoring rules treat them as the trend reader's flagged values.
 *
 * @example
 * ```ts
 * trendFlagsFromQuality(sampleQuality.good); // QUALITY_PRESENT
 * ```
 */
export function trendFlagsFromQuality(quality: number): number {
  return quality === sampleQuality.good ? QUALITY_PRESENT : QUALITY_PRESENT | QUALITY_FLAGGED;
}

/**
 * A stored series as a {@link TrendSeries} for alignment and the monitoring rules.
 *
 * @example
 * ```ts
 * const trend = toTrendSeries(await store.read('HZG.VL', from, to), '°C');
 * ```
 */
export function toTrendSeries(stored: StoredSeries, unit?: string): TrendSeries {
  const quality = new Uint8Array(stored.qualities.length);
  for (let i = 0; i < quality.length; i++) quality[i] = trendFlagsFromQuality(stored.qualities[i] as number);
  return {
    point: unit === undefined ? { id: stored.pointId } : { id: stored.pointId, unit },
    times: stored.times,
    values: stored.values,
    quality,
    length: stored.times.length,
  };
}

/**
 * Samples of one data point read back from a store, ordered by time.
 *
 * @example
 * ```ts
 * const series: StoredSeries = await store.read('HZG.WE01.VL.TEMP', from, to);
 * for (let i = 0; i < series.times.length; i++) console.log(series.times[i], series.values[i]);
 * ```
 */
export interface StoredSeries {
  readonly pointId: string;
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly qualities: Uint8Array;
}

/**
 * Why a sample was refused by a store (it is counted, never silently dropped).
 *
 * @example
 * ```ts
 * const reason: SampleRejection = 'invalid-time';
 * ```
 */
export type SampleRejection = 'invalid-point' | 'invalid-time' | 'invalid-value' | 'invalid-quality';

/**
 * Earliest time a store accepts: 1970-01-01 UTC.
 *
 * @example
 * ```ts
 * if (time < minSampleTime) console.log('zu früh / too early');
 * ```
 */
export const minSampleTime = 0;
/**
 * Latest time (exclusive) a store accepts: 2200-01-01 UTC (a typo in a year is refused instead
 * of creating partitions for centuries).
 *
 * @example
 * ```ts
 * if (time >= maxSampleTime) console.log('zu spät / too late');
 * ```
 */
export const maxSampleTime = Date.UTC(2200, 0, 1);

/** Checked samples in columns, with the point ids as indexes into `pointIds`. @internal */
export interface SampleColumns {
  readonly pointIds: readonly string[];
  readonly point: Int32Array;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly quality: Uint8Array;
  readonly length: number;
  readonly rejected: number;
  readonly reasons: Partial<Record<SampleRejection, number>>;
  readonly examples: readonly RejectedSample[];
}

/**
 * One refused sample, as an example in a {@link WriteResult}.
 *
 * @example
 * ```ts
 * const example: RejectedSample = { index: 3, pointId: 'X', reason: 'invalid-value' };
 * ```
 */
export interface RejectedSample {
  /** Position in the input (for series: counted over all series in order). */
  readonly index: number;
  readonly pointId: string;
  readonly reason: SampleRejection;
}

const maxExamples = 10;

/** A number, or NaN for anything else (no coercion: `Number(x)` can run user code or throw). */
function num(x: unknown): number {
  return typeof x === 'number' ? x : Number.NaN;
}

function seriesLength(s: SeriesBatch | TrendSeries): number {
  const n = 'point' in s ? num(s.length) : num(s.times?.length);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function rejectionOf(pointOk: boolean, time: number, value: number, quality: number): SampleRejection | undefined {
  if (!pointOk) return 'invalid-point';
  if (!Number.isInteger(time) || time < minSampleTime || time >= maxSampleTime) return 'invalid-time';
  if (!Number.isFinite(value)) return 'invalid-value';
  if (!Number.isInteger(quality) || quality < 0 || quality > 255) return 'invalid-quality';
  return undefined;
}

function validPointId(id: unknown): id is string {
  // No NUL (PostgreSQL text cannot hold it) and no lone surrogate (it would be stored as U+FFFD,
  // so two different ids could become one).
  return typeof id === 'string' && id.length > 0 && id.length <= 200 && !id.includes('\u0000') && !/\p{Cs}/u.test(id);
}

/**
 * Check samples and put them into columns: refused samples are counted by reason (with up to ten
 * examples), never silently dropped.
 *
 * @internal
 */
export function toColumns(input: readonly Sample[] | readonly (SeriesBatch | TrendSeries)[]): SampleColumns {
  let total = 0;
  const isSeries = input.length > 0 && typeof input[0] === 'object' && input[0] !== null && 'times' in input[0];
  if (isSeries) for (const s of input as readonly (SeriesBatch | TrendSeries)[]) total += seriesLength(s);
  else total = input.length;
  const point = new Int32Array(total);
  const time = new Float64Array(total);
  const value = new Float64Array(total);
  const quality = new Uint8Array(total);
  const pointIds: string[] = [];
  const index = new Map<string, number>();
  const reasons: Partial<Record<SampleRejection, number>> = {};
  const examples: RejectedSample[] = [];
  let n = 0;
  let rejected = 0;
  let position = 0;
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = pointIds.length;
      pointIds.push(id);
      index.set(id, i);
    }
    return i;
  };
  const take = (id: unknown, pointOk: boolean, t: number, v: number, q: number, pointIndex: number) => {
    const reason = rejectionOf(pointOk, t, v, q);
    if (reason !== undefined) {
      rejected++;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (examples.length < maxExamples) examples.push({ index: position, pointId: typeof id === 'string' ? id : `(${typeof id})`, reason });
    } else {
      point[n] = pointIndex;
      time[n] = t;
      value[n] = v + 0; // -0 becomes 0, as SQLite stores it: both backends give the same back
      quality[n] = q;
      n++;
    }
    position++;
  };
  if (isSeries) {
    for (const s of input as readonly (SeriesBatch | TrendSeries)[]) {
      if ('point' in s) {
        // A trend series: its own flags; cells without a value are refused, not dropped.
        const id = s.point?.id;
        const n = seriesLength(s);
        const ok = validPointId(id) && num(s.times?.length) >= n && num(s.values?.length) >= n && num(s.quality?.length) >= n;
        const pi = ok ? indexOf(id) : -1;
        for (let i = 0; i < n; i++) {
          const flags = s.quality[i] ?? 0;
          take(id, ok, num(s.times[i]), flags & QUALITY_PRESENT ? num(s.values[i]) : Number.NaN, qualityFromTrendFlags(num(flags)), pi);
        }
        continue;
      }
      const n = seriesLength(s);
      const ok = validPointId(s.pointId) && num(s.values?.length) === n && (s.qualities === undefined || num(s.qualities?.length) === n);
      const pi = ok ? indexOf(s.pointId) : -1;
      const qs = s.qualities;
      for (let i = 0; i < n; i++) {
        take(s.pointId, ok, num(s.times[i]), ok ? num(s.values[i]) : Number.NaN, qs === undefined || !ok ? 0 : num(qs[i]), pi);
      }
    }
  } else {
    for (const s of input as readonly Sample[]) {
      const ok = typeof s === 'object' && s !== null && validPointId(s.pointId);
      const record = (ok ? s : {}) as Partial<Sample>;
      take(
        ok ? s.pointId : (s as Partial<Sample> | null)?.pointId,
        ok,
        num(record.time),
        num(record.value),
        record.quality === undefined ? 0 : num(record.quality),
        ok ? indexOf(s.pointId) : -1,
      );
    }
  }
  return {
    pointIds,
    point: point.subarray(0, n),
    time: time.subarray(0, n),
    value: value.subarray(0, n),
    quality: quality.subarray(0, n),
    length: n,
    rejected,
    reasons,
    examples,
  };
}
