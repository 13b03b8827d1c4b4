import type { LocalizedText } from '@foederal/core';
import { bacnetEngineeringUnits } from '@foederal/building-data';
import { OperationError } from '../errors.js';
import { type AmbiguousTimePolicy, berlinWallToUtc, type NonexistentTimePolicy } from '../time/berlin.js';
import { type AlignOptions, GridAccumulator } from './grid.js';
import { type AlignedTrends, QUALITY_FLAGGED, QUALITY_PRESENT, type TimeGrid, type TrendPoint, type TrendSeries } from './series.js';
import { byteChunks, type TextEncodingName, type TextSource } from './source.js';

/**
 * Why a sample was not taken.
 *
 * @example
 * ```ts
 * const why: RejectReason = 'duplicate-time';
 * ```
 */
export type RejectReason =
  | 'broken-line'
  | 'bad-time'
  | 'nonexistent-time'
  | 'ambiguous-time'
  | 'not-a-number'
  | 'out-of-range'
  | 'duplicate-time'
  | 'time-backwards';

/**
 * Something noticed while reading, with where it happened: a rejected sample or line, a clock
 * jump, an unknown unit.
 *
 * @example
 * ```ts
 * for (const i of report.issues) console.log(`Zeile ${i.line}: ${i.message.de}`);
 * ```
 */
export interface TrendIssue {
  readonly kind: RejectReason | 'clock-jump' | 'unknown-unit';
  /** 1-based line in the input. */
  readonly line: number;
  readonly point?: string;
  /** The time as written in the input. */
  readonly time?: string;
  readonly message: Required<LocalizedText>;
}

/**
 * Progress of a reader, reported every `progressEvery` lines and at the end.
 *
 * @example
 * ```ts
 * const onProgress = (p: TrendProgress) => console.log(`${(p.bytes / 1e6).toFixed(0)} MB, ${p.samples} samples`);
 * ```
 */
export interface TrendProgress {
  /** Bytes read (UTF-8 bytes for text input). */
  readonly bytes: number;
  readonly lines: number;
  readonly samples: number;
  readonly rejected: number;
}

/**
 * Options of the trend readers.
 *
 * @example
 * ```ts
 * const options: TrendReadOptions = { timeZone: 'Europe/Berlin', ambiguous: 'infer', signal: AbortSignal.timeout(60_000) };
 * ```
 */
export interface TrendReadOptions {
  /** `wide`: a time column and one column per point; `long`: time, point, value[, unit][, status]. Default `auto`. */
  readonly layout?: 'auto' | 'wide' | 'long';
  /** Default `auto` (from the header line). */
  readonly separator?: 'auto' | ';' | ',' | '\t';
  readonly encoding?: TextEncodingName;
  /** Zone of times without an offset; default `Europe/Berlin`. Times with `Z` or `±hh:mm` are absolute. */
  readonly timeZone?: 'Europe/Berlin' | 'UTC';
  /** The repeated hour in October; default `infer`. */
  readonly ambiguous?: AmbiguousTimePolicy;
  /** The skipped hour in March; default `reject`. */
  readonly nonexistent?: NonexistentTimePolicy;
  /** Physically possible range per point id (e.g. from the EDE `min/max-present-value`); samples outside are rejected. */
  readonly ranges?: ReadonlyMap<string, { readonly min?: number; readonly max?: number }>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TrendProgress) => void;
  /** Default 100 000. */
  readonly progressEvery?: number;
  /** Issues kept in the report (all are counted); default 1 000. */
  readonly maxIssues?: number;
}

/**
 * What a reader found: layout, counts, rejected samples by reason and the first issues.
 *
 * @example
 * ```ts
 * console.log(report.samples, report.rejected.total, report.rejected.byReason['duplicate-time']);
 * ```
 */
export interface TrendReadReport {
  readonly layout: 'wide' | 'long';
  readonly separator: ';' | ',' | '\t';
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly lines: number;
  readonly samples: number;
  readonly rejected: { readonly total: number; readonly byReason: Partial<Record<RejectReason, number>> };
  /** Samples of the repeated October hour placed by `infer`, `earlier` or `later`. */
  readonly ambiguousResolved: number;
  readonly issues: readonly TrendIssue[];
  readonly issueCount: number;
  readonly points: readonly TrendPoint[];
  /** First and last accepted sample time (UTC ms), if any. */
  readonly from: number | undefined;
  readonly to: number | undefined;
}

/**
 * Receives what a reader reads: the points as they are announced and every accepted sample.
 * {@link GridAccumulator} is one.
 *
 * @example
 * ```ts
 * const sink: TrendSink = { addPoint: (p) => names.push(p.id) - 1, add: (p, t, v) => console.log(p, t, v) };
 * ```
 */
export interface TrendSink {
  addPoint(point: TrendPoint): number;
  add(point: number, time: number, value: number, quality: number): void;
  /**
   * Optional: `count` samples of one time at once (`points[k]`, `values[k]`); readers of wide
   * exports use it so that values need not be passed one call at a time.
   */
  addRow?(points: Int32Array, values: Float64Array, count: number, time: number, quality: number): void;
}

const reasonText: Record<RejectReason, Required<LocalizedText>> = {
  'broken-line': { de: 'Zeile nicht lesbar (falsche Spaltenzahl)', en: 'line unreadable (wrong number of fields)' },
  'bad-time': { de: 'Zeitstempel nicht lesbar', en: 'time stamp unreadable' },
  'nonexistent-time': { de: 'Ortszeit existiert nicht (Umstellung auf Sommerzeit)', en: 'local time does not exist (start of summer time)' },
  'ambiguous-time': { de: 'Ortszeit mehrdeutig (Umstellung auf Winterzeit)', en: 'local time ambiguous (end of summer time)' },
  'not-a-number': { de: 'Wert ist keine Zahl', en: 'value is not a number' },
  'out-of-range': { de: 'Wert außerhalb des möglichen Bereichs', en: 'value outside the possible range' },
  'duplicate-time': { de: 'Zeitstempel doppelt', en: 'duplicate time stamp' },
  'time-backwards': { de: 'Zeit läuft rückwärts', en: 'time runs backwards' },
};

/** Unit texts accepted without an `unknown-unit` issue: BACnet symbols and codes plus common spellings. */
const knownUnits: ReadonlySet<string> = /* @__PURE__ */ (() => {
  const set = new Set<string>(['', '-', '°c', 'grad c', 'degc', 'k', '%', 'kwh', 'mwh', 'wh', 'kw', 'w', 'mw', 'm3', 'm³', 'm3/h', 'm³/h', 'l/h', 'l/s', 'ppm', 'pa', 'kpa', 'bar', 'h', 'min', 's', 'rpm', '1/min', '%rf', '% rf', '% r. f.', 'lx', 'on/off', 'ein/aus', 'bool', 'binary']);
  for (const e of bacnetEngineeringUnits.entries) {
    set.add(e.code.toLowerCase());
    const symbol = (e as unknown as { symbol: string }).symbol;
    if (symbol) set.add(symbol.toLowerCase());
  }
  return set;
})();

const headerUnit = /^(.*?)\s*[[(]([^\])]*)[\])]\s*$/;

function splitHeader(cell: string): TrendPoint {
  const text = cell.trim().replace(/^"(.*)"$/, '$1').trim();
  const m = headerUnit.exec(text);
  return m ? { id: (m[1] as string).trim(), unit: (m[2] as string).trim() } : { id: text };
}

function splitQuoted(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === sep) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

const pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Result state of {@link parseNumber}: 0 number, 1 empty, 2 not a number. */
let numberState = 0;

/**
 * Parses a decimal number from `s[a, b)`: decimal comma or point (a comma makes points thousands
 * separators), sign, exponent, and the on/off words of trend exports. Sets `numberState`.
 */
function parseNumber(s: string, a: number, b: number): number {
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 13)) b--;
  if (a < b && s.charCodeAt(a) === 34 && s.charCodeAt(b - 1) === 34 && b - a >= 2) {
    a++;
    b--;
  }
  if (a === b) {
    numberState = 1;
    return 0;
  }
  let i = a;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  // one pass: digits, and where the separators are; a comma makes earlier points thousands separators
  let mantissa = 0;
  let digits = 0;
  let afterSep = 0;
  let commas = 0;
  let dots = 0;
  let lastSep = 0;
  for (; i < b; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      afterSep++;
    } else if (c === 44) {
      commas++;
      afterSep = 0;
      lastSep = 44;
    } else if (c === 46) {
      dots++;
      afterSep = 0;
      lastSep = 46;
    } else break;
  }
  if (i === b && digits > 0 && digits <= 15) {
    let frac = -1;
    if (commas === 0 && dots === 0) frac = 0;
    else if (commas === 0 && dots === 1) frac = afterSep;
    else if (commas === 1 && lastSep === 44) frac = afterSep;
    if (frac >= 0) {
      numberState = 0;
      const v = frac === 0 ? mantissa : mantissa / (pow10[frac] as number);
      return neg ? -v : v;
    }
  }
  // slow path: exponents, long numbers, words
  const text = s.slice(a, b).trim();
  const lower = text.toLowerCase();
  switch (lower) {
    case 'ein': case 'an': case 'on': case 'true': case 'wahr': case 'ja': case 'yes': case 'active': case 'aktiv':
      numberState = 0;
      return 1;
    case 'aus': case 'off': case 'false': case 'falsch': case 'nein': case 'no': case 'inactive': case 'inaktiv':
      numberState = 0;
      return 0;
  }
  let t = text;
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    const v = Number(t);
    if (Number.isFinite(v)) {
      numberState = 0;
      return v;
    }
  }
  numberState = 2;
  return Number.NaN;
}

/** Parses `s[a, b)` as a time. Returns wall ms (as if UTC) or, when `absolute` is set, UTC ms; NaN if unreadable. */
let timeAbsolute = false;
let cachedDateText = '';
let cachedDateMs = Number.NaN;

function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function parseTime(s: string, a: number, b: number): number {
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 34)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 34 || s.charCodeAt(b - 1) === 13)) b--;
  timeAbsolute = false;
  if (b - a < 10) return Number.NaN;
  const dateText = s.slice(a, a + 10);
  let dayMs: number;
  if (dateText === cachedDateText) dayMs = cachedDateMs;
  else {
    let y: number;
    let mo: number;
    let d: number;
    if (s.charCodeAt(a + 2) === 46 && s.charCodeAt(a + 5) === 46) {
      d = digitsAt(s, a, 2);
      mo = digitsAt(s, a + 3, 2);
      y = digitsAt(s, a + 6, 4);
    } else if (s.charCodeAt(a + 4) === 45 && s.charCodeAt(a + 7) === 45) {
      y = digitsAt(s, a, 4);
      mo = digitsAt(s, a + 5, 2);
      d = digitsAt(s, a + 8, 2);
    } else return Number.NaN;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
    dayMs = Date.UTC(y, mo - 1, d);
    if (new Date(dayMs).getUTCDate() !== d) return Number.NaN;
    cachedDateText = dateText;
    cachedDateMs = dayMs;
    cachedDateBytes.fill(0);
  }
  let i = a + 10;
  if (i === b) return dayMs;
  const sepC = s.charCodeAt(i);
  if (sepC !== 32 && sepC !== 84) return Number.NaN;
  i++;
  while (i < b && s.charCodeAt(i) === 32) i++;
  const h = digitsAt(s, i, 2);
  if (h < 0 || h > 23 || s.charCodeAt(i + 2) !== 58) return Number.NaN;
  const mi = digitsAt(s, i + 3, 2);
  if (mi < 0 || mi > 59) return Number.NaN;
  i += 5;
  let sec = 0;
  let ms = 0;
  if (i < b && s.charCodeAt(i) === 58) {
    sec = digitsAt(s, i + 1, 2);
    if (sec < 0 || sec > 59) return Number.NaN;
    i += 3;
    if (i < b && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
      i++;
      let scale = 100;
      while (i < b) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
    }
  }
  let t = dayMs + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
  if (i === b) return t;
  const z = s.charCodeAt(i);
  if (z === 90 && i + 1 === b) {
    timeAbsolute = true;
    return t;
  }
  if ((z === 43 || z === 45) && b - i === 6 && s.charCodeAt(i + 3) === 58) {
    const oh = digitsAt(s, i + 1, 2);
    const om = digitsAt(s, i + 4, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return Number.NaN;
    const offset = (oh * 60 + om) * 60_000 * (z === 43 ? 1 : -1);
    timeAbsolute = true;
    t -= offset;
    return t;
  }
  return Number.NaN;
}

const cachedDateBytes = new Uint8Array(10);

function bytesAt(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = (b[i + k] ?? 0) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** {@link parseTime} on bytes for the common forms `dd.mm.yyyy HH:MM[:SS]` and `yyyy-mm-dd[T ]HH:MM[:SS][Z]`; NaN sends the row to the text path. */
function parseTimeBytes(s: Uint8Array, a: number, b: number): number {
  timeAbsolute = false;
  if (b - a < 16) return Number.NaN;
  let same = true;
  for (let k = 0; k < 10; k++) {
    if (s[a + k] !== cachedDateBytes[k]) {
      same = false;
      break;
    }
  }
  let dayMs: number;
  if (same && !Number.isNaN(cachedDateMs)) dayMs = cachedDateMs;
  else {
    let y: number;
    let mo: number;
    let d: number;
    if (s[a + 2] === 46 && s[a + 5] === 46) {
      d = bytesAt(s, a, 2);
      mo = bytesAt(s, a + 3, 2);
      y = bytesAt(s, a + 6, 4);
    } else if (s[a + 4] === 45 && s[a + 7] === 45) {
      y = bytesAt(s, a, 4);
      mo = bytesAt(s, a + 5, 2);
      d = bytesAt(s, a + 8, 2);
    } else return Number.NaN;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
    dayMs = Date.UTC(y, mo - 1, d);
    if (new Date(dayMs).getUTCDate() !== d) return Number.NaN;
    cachedDateBytes.set(s.subarray(a, a + 10));
    cachedDateMs = dayMs;
    cachedDateText = '';
  }
  let i = a + 10;
  if (s[i] !== 32 && s[i] !== 84) return Number.NaN;
  i++;
  const h = bytesAt(s, i, 2);
  if (h < 0 || h > 23 || s[i + 2] !== 58) return Number.NaN;
  const mi = bytesAt(s, i + 3, 2);
  if (mi < 0 || mi > 59) return Number.NaN;
  i += 5;
  let sec = 0;
  if (i < b && s[i] === 58) {
    sec = bytesAt(s, i + 1, 2);
    if (sec < 0 || sec > 59) return Number.NaN;
    i += 3;
  }
  const t = dayMs + h * 3_600_000 + mi * 60_000 + sec * 1000;
  if (i === b) return t;
  if (s[i] === 90 && i + 1 === b) {
    timeAbsolute = true;
    return t;
  }
  return Number.NaN;
}

function detectSeparator(line: string): ';' | ',' | '\t' {
  let best: ';' | ',' | '\t' = ';';
  let bestCount = -1;
  for (const sep of [';', '\t', ','] as const) {
    const n = line.split(sep).length - 1;
    if (n > bestCount) {
      best = sep;
      bestCount = n;
    }
  }
  return best;
}

const longTime = /^(zeit|zeitstempel|datum|date|time|timestamp|datetime|datum\/zeit|datum ?uhrzeit)$/;
const longPoint = /^(datenpunkt|punkt|point|name|objekt|object|objektname|object-name|kanal|channel|id|key|keyname|adresse)$/;
const longValue = /^(wert|value|messwert|present-value|presentvalue)$/;
const longUnit = /^(einheit|unit|units)$/;
const longStatus = /^(status|qualität|qualitaet|quality|flag|flags)$/;
const okStatus = new Set(['', '0', 'ok', 'good', 'gut', 'normal', 'valid', 'gültig', '{}', 'none']);

/**
 * Reads a trend export into any {@link TrendSink}, streaming: semicolon, comma or tab
 * separated; decimal comma or point; local time of Europe/Berlin (the repeated October hour and
 * the skipped March hour handled by policy) or absolute ISO times; wide or long layout; units
 * in the header (`Name [°C]`) or a unit column. Bad lines and samples are counted by reason with
 * line, point and time, never dropped silently; only an unreadable file (no header, no time
 * column) throws `OperationError` `trend-format`. Honors `signal` (`aborted`).
 *
 * @example
 * ```ts
 * const report = await readTrendsInto(fs.createReadStream('trends.csv'), mySink, { onProgress: console.log });
 * ```
 */
export async function readTrendsInto(source: TextSource, sink: TrendSink, options: TrendReadOptions = {}): Promise<TrendReadReport> {
  const signal = options.signal;
  const aborted = (): OperationError => new OperationError('aborted', 'Lesen abgebrochen / reading aborted', { cause: signal?.reason });
  if (signal?.aborted) throw aborted();
  const zoneUtc = options.timeZone === 'UTC';
  const ambiguous = options.ambiguous ?? 'infer';
  const nonexistent = options.nonexistent ?? 'reject';
  const progressEvery = Math.max(1, options.progressEvery ?? 100_000);
  const maxIssues = options.maxIssues ?? 1000;
  let bytes = 0;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  let layout: 'wide' | 'long' | undefined = options.layout === 'auto' ? undefined : options.layout;
  let sep: ';' | ',' | '\t' = ';';
  let line = 0;
  let samples = 0;
  let rejectedTotal = 0;
  const byReason: Partial<Record<RejectReason, number>> = {};
  const issues: TrendIssue[] = [];
  let issueCount = 0;
  let ambiguousResolved = 0;
  const bounds = new Float64Array([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  const points: TrendPoint[] = [];
  const sinkIndex: number[] = [];
  let last = new Float64Array(0);
  let lo = new Float64Array(0);
  let hi = new Float64Array(0);
  const byName = new Map<string, number>();
  let columns = 0;
  let col = { time: 0, point: 1, value: 2, unit: -1, status: -1 };
  let prevRowUtc = Number.NEGATIVE_INFINITY;

  const issue = (kind: TrendIssue['kind'], message: Required<LocalizedText>, point?: string, time?: string): void => {
    issueCount++;
    if (issues.length >= maxIssues) return;
    const i: { -readonly [K in keyof TrendIssue]: TrendIssue[K] } = { kind, line, message };
    if (point !== undefined) i.point = point;
    if (time !== undefined) i.time = time;
    issues.push(i);
  };
  const reject = (reason: RejectReason, n: number, point?: string, time?: string, detail?: string): void => {
    rejectedTotal += n;
    byReason[reason] = (byReason[reason] ?? 0) + n;
    const text = reasonText[reason];
    issue(reason, detail === undefined ? text : { de: `${text.de}: ${detail}`, en: `${text.en}: ${detail}` }, point, time);
  };
  const addPoint = (p: TrendPoint): number => {
    const i = points.length;
    points.push(p);
    byName.set(p.id, i);
    sinkIndex.push(sink.addPoint(p));
    if (i >= last.length) {
      const next = new Float64Array(Math.max(16, last.length * 2)).fill(Number.NEGATIVE_INFINITY);
      next.set(last);
      last = next;
      const nlo = new Float64Array(next.length);
      nlo.set(lo);
      lo = nlo;
      const nhi = new Float64Array(next.length);
      nhi.set(hi);
      hi = nhi;
    }
    const r = options.ranges?.get(p.id);
    lo[i] = r?.min ?? Number.NEGATIVE_INFINITY;
    hi[i] = r?.max ?? Number.POSITIVE_INFINITY;
    if (p.unit !== undefined && !knownUnits.has(p.unit.toLowerCase())) {
      issue('unknown-unit', { de: `unbekannte Einheit "${p.unit}"`, en: `unknown unit "${p.unit}"` }, p.id);
    }
    return i;
  };

  /** Converts the parsed time to UTC for a stream whose previous time is `prev`; NaN when rejected. */
  const toUtc = (wall: number, prev: number, count: () => number, point: string | undefined, text: () => string): number => {
    if (timeAbsolute || zoneUtc) return wall;
    const r = berlinWallToUtc(wall);
    if (r.kind === 'normal') return r.earlier;
    if (r.kind === 'nonexistent') {
      if (nonexistent === 'shift') return r.earlier; // the winter-offset reading is the clock's shifted time
      const n = count();
      if (n > 0) reject('nonexistent-time', n, point, text());
      return Number.NaN;
    }
    const n = count();
    if (ambiguous === 'reject') {
      if (n > 0) reject('ambiguous-time', n, point, text());
      return Number.NaN;
    }
    ambiguousResolved += n;
    if (ambiguous === 'earlier') return r.earlier;
    if (ambiguous === 'later') return r.later;
    return prev >= r.earlier ? r.later : r.earlier;
  };

  /** Takes one sample of point `p`; returns false if rejected. */
  const take = (p: number, utc: number, value: number, quality: number, timeText: () => string): void => {
    const prev = last[p] as number;
    if (utc <= prev) {
      const name = (points[p] as TrendPoint).id;
      if (utc === prev) reject('duplicate-time', 1, name, timeText());
      else reject('time-backwards', 1, name, timeText());
      return;
    }
    if (value < (lo[p] as number) || value > (hi[p] as number)) {
      reject('out-of-range', 1, (points[p] as TrendPoint).id, timeText(), `${value} ∉ [${lo[p]}, ${hi[p]}]`);
      return;
    }
    last[p] = utc;
    sink.add(sinkIndex[p] as number, utc, value, quality);
    samples++;
    // a typed array, not `let` numbers: closures keep those boxed and every write would allocate
    if (utc < (bounds[0] as number)) bounds[0] = utc;
    if (utc > (bounds[1] as number)) bounds[1] = utc;
  };

  const header = (text: string): void => {
    sep = options.separator === undefined || options.separator === 'auto' ? detectSeparator(text) : options.separator;
    const cells = text.includes('"') ? splitQuoted(text, sep) : text.split(sep);
    const names = cells.map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
    const isLong = names.some((n) => longPoint.test(n)) && names.some((n) => longValue.test(n));
    layout ??= isLong ? 'long' : 'wide';
    columns = cells.length;
    if (layout === 'long') {
      const find = (re: RegExp): number => names.findIndex((n) => re.test(n));
      col = { time: find(longTime), point: find(longPoint), value: find(longValue), unit: find(longUnit), status: find(longStatus) };
      if (col.time < 0 || col.point < 0 || col.value < 0) {
        throw new OperationError('trend-format', `Zeile ${line}: langes Format braucht Spalten Zeit, Datenpunkt, Wert / long layout needs time, point and value columns`, {
          location: { line },
        });
      }
      return;
    }
    if (cells.length < 2) {
      throw new OperationError('trend-format', `Zeile ${line}: Kopfzeile ohne Datenpunkt-Spalten / header has no point columns`, { location: { line } });
    }
    if (!Number.isNaN(parseTime(cells[0] as string, 0, (cells[0] as string).length))) {
      throw new OperationError('trend-format', `Zeile ${line}: Kopfzeile fehlt, die erste Zeile enthält schon Daten / header missing, the first line holds data`, {
        location: { line },
      });
    }
    const seen = new Set<string>();
    for (let c = 1; c < cells.length; c++) {
      const p = splitHeader(cells[c] as string);
      if (p.id === '' || seen.has(p.id)) {
        throw new OperationError('trend-format', `Zeile ${line}, Spalte ${c + 1}: Datenpunktname leer oder doppelt "${p.id}" / point name empty or repeated`, {
          location: { line, column: c + 1, point: p.id },
        });
      }
      seen.add(p.id);
      addPoint(p);
    }
  };

  // field boundaries of the current line, reused
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let rowValues = new Float64Array(64);
  let rowStates = new Uint8Array(64);

  let quoteText = '';
  let quoteAt = -1;
  const wideRow = (s: string, a: number, b: number): void => {
    let n: number;
    let p = a;
    // the next quote in this chunk, searched once per chunk rather than once per line
    if (s !== quoteText || (quoteAt >= 0 && quoteAt < a)) {
      quoteText = s;
      quoteAt = s.indexOf('"', a);
    }
    if (quoteAt >= 0 && quoteAt < b) {
      const cells = splitQuoted(s.slice(a, b), sep);
      const joined = cells.join('\u0000');
      wideFields(joined, 0, joined.length, '\u0000');
      return;
    }
    // time field, then each value field scanned once: digits and separators are read while
    // looking for the field's end; anything unusual goes to parseNumber
    const sepCode = sep.charCodeAt(0);
    let q = s.indexOf(sep, p);
    if (q < 0 || q > b) q = b;
    starts[0] = p;
    ends[0] = q;
    n = 1;
    p = q + 1;
    while (q < b) {
      if (n >= starts.length) grow(n);
      let i = p;
      let c = 0;
      let neg = false;
      if (i < b && s.charCodeAt(i) === 45) {
        neg = true;
        i++;
      }
      let mantissa = 0;
      let digits = 0;
      let afterSep = 0;
      let commas = 0;
      let dots = 0;
      let lastSep = 0;
      for (; i < b; i++) {
        c = s.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          mantissa = mantissa * 10 + (c - 48);
          digits++;
          afterSep++;
        } else if (c === sepCode) break;
        else if (c === 44) {
          commas++;
          afterSep = 0;
          lastSep = 44;
        } else if (c === 46) {
          dots++;
          afterSep = 0;
          lastSep = 46;
        } else break;
      }
      let end: number;
      let state = 2;
      let v = 0;
      if (i === b || c === sepCode) {
        end = i;
        if (i === p) state = 1;
        else if (digits > 0 && digits <= 15) {
          const frac = commas === 0 && dots === 0 ? 0 : commas === 0 && dots === 1 ? afterSep : commas === 1 && lastSep === 44 ? afterSep : -1;
          if (frac >= 0) {
            v = frac === 0 ? mantissa : mantissa / (pow10[frac] as number);
            if (neg) v = -v;
            state = 0;
          }
        }
        if (state === 2) {
          v = parseNumber(s, p, end);
          state = numberState;
        }
      } else {
        end = s.indexOf(sep, i);
        if (end < 0 || end > b) end = b;
        v = parseNumber(s, p, end);
        state = numberState;
      }
      starts[n] = p;
      ends[n] = end;
      rowValues[n] = v;
      rowStates[n] = state;
      n++;
      q = end;
      p = end + 1;
    }
    wideDone(s, n);
  };
  const grow = (n: number): void => {
    const ns = new Int32Array(n * 2);
    ns.set(starts);
    starts = ns;
    const ne = new Int32Array(n * 2);
    ne.set(ends);
    ends = ne;
    const nv = new Float64Array(n * 2);
    nv.set(rowValues);
    rowValues = nv;
    const nst = new Uint8Array(n * 2);
    nst.set(rowStates);
    rowStates = nst;
  };
  const wideFields = (s: string, a: number, b: number, separator: string): void => {
    let n = 0;
    let p = a;
    for (;;) {
      const q = s.indexOf(separator, p);
      const end = q < 0 || q >= b ? b : q;
      if (n >= starts.length) grow(n);
      starts[n] = p;
      ends[n] = end;
      if (n > 0) {
        rowValues[n] = parseNumber(s, p, end);
        rowStates[n] = numberState;
      }
      n++;
      if (end === b) break;
      p = end + 1;
    }
    wideDone(s, n);
  };
  // the row being read, for messages (no closure per row)
  let rowText = '';
  let rowT0 = 0;
  let rowT1 = 0;
  let rowFields = 0;
  const rowTime = (): string => rowText.slice(rowT0, rowT1).trim();
  /** Value fields of the current row that are not empty (only needed when a whole row is rejected). */
  const rowNonEmpty = (): number => {
    let count = 0;
    for (let c = 1; c < rowFields; c++) {
      for (let k = starts[c] as number; k < (ends[c] as number); k++) {
        const ch = rowText.charCodeAt(k);
        if (ch !== 32 && ch !== 13 && ch !== 34) {
          count++;
          break;
        }
      }
    }
    return count;
  };
  const wideDone = (s: string, n: number): void => {
    rowText = s;
    rowT0 = starts[0] as number;
    rowT1 = ends[0] as number;
    rowFields = n;
    if (n !== columns) {
      // a line that ends early or has extra fields: every value on it is rejected
      reject('broken-line', Math.max(1, rowNonEmpty()), undefined, rowTime(), `${n} statt ${columns} Felder / ${n} instead of ${columns} fields`);
      return;
    }
    const wall = parseTime(s, rowT0, rowT1);
    if (Number.isNaN(wall)) {
      const count = rowNonEmpty();
      if (count > 0) reject('bad-time', count, undefined, rowTime());
      return;
    }
    const utc = toUtc(wall, prevRowUtc, rowNonEmpty, undefined, rowTime);
    if (Number.isNaN(utc)) return;
    if (utc < prevRowUtc) {
      if (rowNonEmpty() === 0) return;
      issue('clock-jump', { de: `Zeit springt um ${Math.round((prevRowUtc - utc) / 1000)} s zurück`, en: `time jumps back by ${Math.round((prevRowUtc - utc) / 1000)} s` }, undefined, rowTime());
    } else prevRowUtc = utc;
    for (let c = 1; c < n; c++) {
      const state = rowStates[c];
      if (state === 1) continue;
      const v = rowValues[c] as number;
      if (state === 2) {
        reject('not-a-number', 1, (points[c - 1] as TrendPoint).id, rowTime(), `"${s.slice(starts[c], ends[c]).trim().slice(0, 40)}"`);
        continue;
      }
      take(c - 1, utc, v, QUALITY_PRESENT, rowTime);
    }
  };

  const one = (): number => 1;
  const longRow = (text: string): void => {
    const cells = text.includes('"') ? splitQuoted(text, sep) : text.split(sep);
    const timeText = (): string => (cells[col.time] ?? '').trim();
    if (cells.length < Math.max(col.time, col.point, col.value) + 1) {
      if (text.trim() !== '') reject('broken-line', 1, undefined, timeText(), `${cells.length} statt ${columns} Felder / ${cells.length} instead of ${columns} fields`);
      return;
    }
    const name = (cells[col.point] as string).trim();
    const unit = col.unit >= 0 ? cells[col.unit]?.trim() : undefined;
    let p = byName.get(name);
    if (p === undefined) {
      if (name === '') {
        reject('broken-line', 1, undefined, timeText(), 'Datenpunkt leer / point empty');
        return;
      }
      p = addPoint(unit === undefined || unit === '' ? { id: name } : { id: name, unit });
    }
    const valueText = cells[col.value] as string;
    const v = parseNumber(valueText, 0, valueText.length);
    if (numberState === 1) return;
    if (numberState === 2) {
      reject('not-a-number', 1, name, timeText(), `"${valueText.trim().slice(0, 40)}"`);
      return;
    }
    const tt = cells[col.time] as string;
    const wall = parseTime(tt, 0, tt.length);
    if (Number.isNaN(wall)) {
      reject('bad-time', 1, name, timeText());
      return;
    }
    const prev = last[p] as number;
    const utc = toUtc(wall, prev, one, name, timeText);
    if (Number.isNaN(utc)) return;
    if (utc < prev) issue('clock-jump', { de: `Zeit springt um ${Math.round((prev - utc) / 1000)} s zurück`, en: `time jumps back by ${Math.round((prev - utc) / 1000)} s` }, name, timeText());
    const status = col.status >= 0 ? (cells[col.status] ?? '').trim().toLowerCase() : '';
    take(p, utc, v, okStatus.has(status) ? QUALITY_PRESENT : QUALITY_PRESENT | QUALITY_FLAGGED, timeText);
  };

  const progress = (): void => options.onProgress?.({ bytes, lines: line, samples, rejected: rejectedTotal });
  let headerDone = false;
  cachedDateText = '';
  cachedDateBytes.fill(0);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const text = (buf: Uint8Array, a: number, b: number): string => {
    decoder ??= new TextDecoder(encoding);
    return decoder.decode(buf.subarray(a, b));
  };
  // the accepted samples of the row being read: point, sink index, value
  let rowP = new Int32Array(64);
  let rowIdx = new Int32Array(64);
  let rowAcc = new Float64Array(64);
  let quoteBuf: Uint8Array = new Uint8Array(0);
  let quoteByte = -1;
  /**
   * The common row on bytes: every field empty or a plain number, as many fields as columns, a
   * readable unambiguous time after the previous row. Anything else is decoded and read by the
   * text path, which knows every message.
   */
  const wideRowBytes = (buf: Uint8Array, a: number, b: number): void => {
    if (buf !== quoteBuf || (quoteByte >= 0 && quoteByte < a)) {
      quoteBuf = buf;
      quoteByte = buf.indexOf(34, a);
    }
    const fallback = (): void => {
      const t = text(buf, a, b);
      wideRow(t, 0, t.length);
    };
    if (quoteByte >= 0 && quoteByte < b) return fallback();
    const sepCode = sep.charCodeAt(0);
    let q = buf.indexOf(sepCode, a);
    if (q < 0 || q > b) q = b;
    // the time first, so that each value can be checked and collected in the same pass
    const wall = parseTimeBytes(buf, a, q);
    if (Number.isNaN(wall)) return fallback();
    let utc = wall;
    if (!timeAbsolute && !zoneUtc) {
      const r = berlinWallToUtc(wall);
      if (r.kind !== 'normal') return fallback();
      utc = r.earlier;
    }
    if (utc <= prevRowUtc) return fallback();
    if (rowIdx.length < columns) {
      rowIdx = new Int32Array(columns * 2);
      rowAcc = new Float64Array(columns * 2);
      rowP = new Int32Array(columns * 2);
    }
    let n = 1;
    let k = 0;
    let p = q + 1;
    while (q < b) {
      let i = p;
      let neg = false;
      if (i < b && buf[i] === 45) {
        neg = true;
        i++;
      }
      let mantissa = 0;
      let digits = 0;
      let afterSep = 0;
      let commas = 0;
      let dots = 0;
      let lastSep = 0;
      for (; i < b; i++) {
        const c = buf[i] as number;
        if (c >= 48 && c <= 57) {
          mantissa = mantissa * 10 + (c - 48);
          digits++;
          afterSep++;
        } else if (c === sepCode) break;
        else if (c === 44) {
          commas++;
          afterSep = 0;
          lastSep = 44;
        } else if (c === 46) {
          dots++;
          afterSep = 0;
          lastSep = 46;
        } else return fallback();
      }
      if (i !== p) {
        const frac = commas === 0 && dots === 0 ? 0 : commas === 0 && dots === 1 ? afterSep : commas === 1 && lastSep === 44 ? afterSep : -1;
        if (digits === 0 || digits > 15 || frac < 0 || n >= columns) return fallback();
        let v = frac === 0 ? mantissa : mantissa / (pow10[frac] as number);
        if (neg) v = -v;
        const point = n - 1;
        // duplicates, backward steps and impossible values are reported by the text path
        if (utc <= (last[point] as number) || v < (lo[point] as number) || v > (hi[point] as number)) return fallback();
        rowP[k] = point;
        rowIdx[k] = sinkIndex[point] as number;
        rowAcc[k] = v;
        k++;
      }
      n++;
      q = i;
      p = i + 1;
    }
    if (n !== columns) return fallback();
    prevRowUtc = utc;
    if (k === 0) return;
    for (let j = 0; j < k; j++) last[rowP[j] as number] = utc;
    samples += k;
    if (utc < (bounds[0] as number)) bounds[0] = utc;
    if (utc > (bounds[1] as number)) bounds[1] = utc;
    if (sink.addRow) sink.addRow(rowIdx, rowAcc, k, utc, QUALITY_PRESENT);
    else for (let j = 0; j < k; j++) sink.add(rowIdx[j] as number, utc, rowAcc[j] as number, QUALITY_PRESENT);
  };
  const handleLine = (buf: Uint8Array, a: number, b: number): void => {
    line++;
    if (line % progressEvery === 0) progress();
    if (b > a && buf[b - 1] === 13) b--;
    if (!headerDone) {
      const t = text(buf, a, b);
      if (t.trim() === '' || t.trimStart().startsWith('#')) return;
      header(t);
      headerDone = true;
      return;
    }
    if (b === a) return;
    if (buf[a] === 35) return;
    if (layout === 'wide') wideRowBytes(buf, a, b);
    else longRow(text(buf, a, b));
  };
  let rest: Uint8Array = new Uint8Array(0);
  for await (const chunk of byteChunks(source, options.encoding ?? 'auto', (e) => (encoding = e))) {
    if (signal?.aborted) throw aborted();
    bytes += chunk.length;
    let buf = chunk;
    if (rest.length > 0) {
      buf = new Uint8Array(rest.length + chunk.length);
      buf.set(rest);
      buf.set(chunk, rest.length);
    }
    let a = 0;
    for (;;) {
      const nl = buf.indexOf(10, a);
      if (nl < 0) break;
      handleLine(buf, a, nl);
      a = nl + 1;
    }
    rest = buf.slice(a);
    if (rest.length > 16 * 1024 * 1024) {
      throw new OperationError('trend-format', `Zeile ${line + 1}: länger als 16 MiB / line longer than 16 MiB`, { location: { line: line + 1 } });
    }
  }
  if (rest.length > 0) handleLine(rest, 0, rest.length);
  if (!headerDone) throw new OperationError('trend-format', 'Trenddatei ist leer / trend file is empty', { location: { line: Math.max(1, line) } });
  progress();
  return {
    layout: layout ?? 'wide',
    separator: sep,
    encoding,
    lines: line,
    samples,
    rejected: { total: rejectedTotal, byReason },
    ambiguousResolved,
    issues,
    issueCount,
    points,
    from: samples > 0 ? bounds[0] : undefined,
    to: samples > 0 ? bounds[1] : undefined,
  };
}

class SeriesCollector implements TrendSink {
  readonly points: TrendPoint[] = [];
  times: Float64Array[] = [];
  values: Float64Array[] = [];
  quality: Uint8Array[] = [];
  length: number[] = [];
  addPoint(point: TrendPoint): number {
    this.points.push(point);
    this.times.push(new Float64Array(1024));
    this.values.push(new Float64Array(1024));
    this.quality.push(new Uint8Array(1024));
    this.length.push(0);
    return this.points.length - 1;
  }
  add(p: number, time: number, value: number, quality: number): void {
    const n = this.length[p] as number;
    let t = this.times[p] as Float64Array;
    if (n === t.length) {
      const grow = <T extends Float64Array | Uint8Array>(old: T, next: T): T => {
        next.set(old);
        return next;
      };
      t = this.times[p] = grow(t, new Float64Array(n * 2));
      this.values[p] = grow(this.values[p] as Float64Array, new Float64Array(n * 2));
      this.quality[p] = grow(this.quality[p] as Uint8Array, new Uint8Array(n * 2));
    }
    t[n] = time;
    (this.values[p] as Float64Array)[n] = value;
    (this.quality[p] as Uint8Array)[n] = quality;
    this.length[p] = n + 1;
  }
  series(): TrendSeries[] {
    return this.points.map((point, p) => {
      const n = this.length[p] as number;
      return {
        point,
        times: (this.times[p] as Float64Array).slice(0, n),
        values: (this.values[p] as Float64Array).slice(0, n),
        quality: (this.quality[p] as Uint8Array).slice(0, n),
        length: n,
      };
    });
  }
}

/**
 * Reads a trend export into one {@link TrendSeries} per data point (see {@link readTrendsInto}
 * for formats, time handling and the report).
 *
 * @example
 * ```ts
 * const { series, report } = await readTrendSeries(await fs.promises.readFile('trends.csv'));
 * console.log(series.length, report.rejected.total);
 * ```
 */
export async function readTrendSeries(source: TextSource, options: TrendReadOptions = {}): Promise<{ series: TrendSeries[]; report: TrendReadReport }> {
  const collector = new SeriesCollector();
  const report = await readTrendsInto(source, collector, options);
  return { series: collector.series(), report };
}

/**
 * Reads a trend export straight onto a time grid, without keeping the raw samples: memory is
 * the aligned arrays (5 bytes per point and cell) plus a few numbers per point.
 *
 * @example
 * ```ts
 * const grid = gridBetween(Date.UTC(2024, 11, 31, 23), Date.UTC(2025, 11, 31, 23), 60_000);
 * const { aligned, report } = await readTrendsAligned(fs.createReadStream('trends.csv'), grid);
 * ```
 */
export async function readTrendsAligned(
  source: TextSource,
  grid: TimeGrid,
  options: TrendReadOptions & AlignOptions = {},
): Promise<{ aligned: AlignedTrends; report: TrendReadReport; outside: number }> {
  const acc = new GridAccumulator(grid, [], options);
  const report = await readTrendsInto(source, acc, options);
  return { aligned: acc.finish(), report, outside: acc.outside };
}
