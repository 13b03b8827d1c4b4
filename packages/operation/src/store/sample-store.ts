import { OperationError } from '../errors.js';
import type { TrendSeries } from '../trend/series.js';
import type { RejectedSample, Sample, SampleRejection, SeriesBatch, StoredSeries } from './sample.js';

/**
 * What happens when a sample for a (data point, time) that is already stored arrives again:
 * `replace` keeps the newer value (a corrected export replaces the old one), `keep` keeps the
 * stored one. Within one batch the last sample wins under `replace`, the first under `keep`.
 *
 * @example
 * ```ts
 * const store = await openSqliteSampleStore({ file: 'trend.sqlite', onDuplicate: 'keep' });
 * ```
 */
export type DuplicatePolicy = 'replace' | 'keep';

/**
 * Outcome of one write: every input sample is counted exactly once as written (new), duplicate
 * (already there or repeated in the batch; replaced or kept by the policy) or rejected.
 *
 * @example
 * ```ts
 * const r = await store.write(samples);
 * console.log(r.written + r.duplicates + r.rejected === samples.length); // true
 * ```
 */
export interface WriteResult {
  /** New (data point, time) pairs stored. */
  readonly written: number;
  /** Samples for a (data point, time) already stored or repeated in the batch. */
  readonly duplicates: number;
  /** Samples refused because they were invalid. */
  readonly rejected: number;
  /** Refused samples by reason. */
  readonly reasons: Partial<Record<SampleRejection, number>>;
  /** Up to ten refused samples, with their position in the input. */
  readonly examples: readonly RejectedSample[];
}

/**
 * Outcome of {@link SampleStore.applyRetention}.
 *
 * @example
 * ```ts
 * const { droppedMonths } = await store.applyRetention(retentionCutoff(Date.now(), 36));
 * ```
 */
export interface RetentionResult {
  /** Months (`YYYY-MM`, UTC) whose samples were removed, oldest first. */
  readonly droppedMonths: readonly string[];
  /** Samples removed. */
  readonly deletedSamples: number;
  /**
   * True when `deletedSamples` is an estimate (PostgreSQL: `reltuples` after `ANALYZE` of each
   * dropped partition, which samples a fixed number of rows: exact for small partitions, close
   * for large ones), false when counted (SQLite).
   */
  readonly estimated: boolean;
}

/**
 * Options for a store operation.
 *
 * @example
 * ```ts
 * await store.write(samples, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface StoreCallOptions {
  readonly signal?: AbortSignal;
}

/**
 * A store of samples, the same on PostgreSQL ({@link openPostgresSampleStore}, time-partitioned,
 * for many buildings) and SQLite ({@link openSqliteSampleStore}, one file, the single-machine
 * default).
 *
 * Retention rule (both backends): whole UTC months are removed. `applyRetention(cutoff)` removes
 * every month that ends at or before `cutoff`; samples of the month that contains `cutoff` stay
 * until that month has passed entirely. On PostgreSQL a month is one partition, so this is a
 * `DROP TABLE` and costs no vacuum.
 *
 * @example
 * ```ts
 * const store = await openSqliteSampleStore({ file: ':memory:' });
 * await store.write([{ pointId: 'A', time: Date.UTC(2026, 0, 1), value: 1, quality: 0 }]);
 * const series = await store.read('A', Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1));
 * await store.close();
 * ```
 */
export interface SampleStore {
  readonly backend: 'postgres' | 'sqlite';
  /** Store samples (one object each), counting written, duplicate and rejected ones. */
  write(samples: readonly Sample[], options?: StoreCallOptions): Promise<WriteResult>;
  /**
   * Store series in columns (faster for trend imports), counting like {@link SampleStore.write}.
   * Accepts the {@link TrendSeries} of the trend reader as they are (flags become qualities, see
   * {@link qualityFromTrendFlags}).
   */
  writeSeries(series: readonly (SeriesBatch | TrendSeries)[], options?: StoreCallOptions): Promise<WriteResult>;
  /** Samples of one data point with `from <= time < to`, ordered by time. */
  read(pointId: string, from: number, to: number, options?: StoreCallOptions): Promise<StoredSeries>;
  /** Data point ids known to the store, sorted. */
  points(): Promise<string[]>;
  /** Delete the samples of one data point with `from <= time < to`; returns how many. */
  deleteRange(pointId: string, from: number, to: number): Promise<number>;
  /** Remove every whole UTC month that ends at or before `cutoff` (see the retention rule). */
  applyRetention(cutoff: number): Promise<RetentionResult>;
  /** Release connections or the file (an injected PostgreSQL pool stays open). */
  close(): Promise<void>;
}

/**
 * The retention cutoff that keeps `months` whole months before the month of `now` (UTC) plus the
 * running month.
 *
 * @example
 * ```ts
 * retentionCutoff(Date.UTC(2026, 4, 17), 24); // Date.UTC(2024, 4, 1): May 2024 onwards is kept
 * ```
 */
export function retentionCutoff(now: number, months: number): number {
  if (!Number.isFinite(now) || !Number.isInteger(months) || months < 0) {
    throw new OperationError('invalid-input', 'Aufbewahrung: Zeitpunkt und Monate müssen gültig sein / retention: time and months must be valid', {
      location: { segment: 'months' },
    });
  }
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1);
}

/** Month number since 1970-01 (UTC) of a time in ms. @internal */
export function monthIndex(time: number): number {
  const d = new Date(time);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** Start (ms, UTC) of a month number since 1970-01. @internal */
export function monthStart(index: number): number {
  return Date.UTC(1970 + Math.floor(index / 12), ((index % 12) + 12) % 12, 1);
}

/** `YYYY-MM` of a month number. @internal */
export function monthLabel(index: number): string {
  const year = 1970 + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Throw `aborted` when the signal fired. @internal */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new OperationError('aborted', 'Abgebrochen / aborted', { cause: signal.reason });
  }
}

/** Check a read or delete range. @internal */
export function checkRange(pointId: string, from: number, to: number): void {
  if (typeof pointId !== 'string' || pointId.length === 0 || pointId.length > 200) {
    throw new OperationError('invalid-input', 'Ungültige Datenpunkt-ID / invalid data point id', {
      location: { segment: 'pointId' },
    });
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new OperationError('invalid-input', 'Ungültiger Zeitbereich / invalid time range', {
      location: { point: pointId, segment: Number.isFinite(from) ? 'to' : 'from' },
    });
  }
}
