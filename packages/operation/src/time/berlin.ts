/**
 * Local time of Germany (Europe/Berlin) by the EU summer-time rule (Directive 2000/84/EC, in
 * force for Germany since 1996): summer time (UTC+2) from the last Sunday of March 01:00 UTC to
 * the last Sunday of October 01:00 UTC, otherwise UTC+1. Computed, not looked up, so it is fast
 * enough for hundreds of millions of trend samples and needs no time-zone database.
 */

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** How a local time falls on the clock-change days. */
export type LocalTimeKind = 'normal' | 'ambiguous' | 'nonexistent';

/**
 * What to do with a local time of the repeated hour in October (02:00-02:59 happens twice).
 * `infer` takes the first occurrence until the series has passed it, then the second.
 *
 * @example
 * ```ts
 * const policy: AmbiguousTimePolicy = 'infer';
 * ```
 */
export type AmbiguousTimePolicy = 'infer' | 'earlier' | 'later' | 'reject';

/**
 * What to do with a local time in the skipped hour in March (02:00-02:59 does not exist):
 * `reject` counts the sample as rejected, `shift` moves it one hour forward (what a clock does).
 *
 * @example
 * ```ts
 * const policy: NonexistentTimePolicy = 'reject';
 * ```
 */
export type NonexistentTimePolicy = 'reject' | 'shift';

/** Day of month of the last Sunday of a month (month 1-12). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

interface YearRule {
  /** UTC ms when summer time starts (01:00 UTC). */
  readonly summerStart: number;
  /** UTC ms when summer time ends (01:00 UTC). */
  readonly summerEnd: number;
  /** Local wall-clock ms (as if UTC) of 02:00 on the spring day: [this, +1h) does not exist. */
  readonly gapStart: number;
  /** Local wall-clock ms of 02:00 on the autumn day: [this, +1h) happens twice. */
  readonly foldStart: number;
}

const rules = new Map<number, YearRule>();

function rule(year: number): YearRule {
  let r = rules.get(year);
  if (!r) {
    const march = Date.UTC(year, 2, lastSunday(year, 3));
    const october = Date.UTC(year, 9, lastSunday(year, 10));
    r = { summerStart: march + hourMs, summerEnd: october + hourMs, gapStart: march + 2 * hourMs, foldStart: october + 2 * hourMs };
    rules.set(year, r);
  }
  return r;
}

/**
 * Offset of Berlin local time from UTC in milliseconds at a UTC instant (3 600 000 or 7 200 000).
 *
 * @example
 * ```ts
 * berlinOffset(Date.UTC(2025, 6, 1)); // 7200000 (summer time)
 * ```
 */
export function berlinOffset(utcMs: number): number {
  const r = rule(new Date(utcMs).getUTCFullYear());
  return utcMs >= r.summerStart && utcMs < r.summerEnd ? 2 * hourMs : hourMs;
}

/**
 * Berlin wall-clock time of a UTC instant, as milliseconds "as if UTC" (use `getUTC*` on it).
 *
 * @example
 * ```ts
 * new Date(utcToBerlinWall(Date.UTC(2025, 0, 1, 12))).getUTCHours(); // 13
 * ```
 */
export function utcToBerlinWall(utcMs: number): number {
  return utcMs + berlinOffset(utcMs);
}

/**
 * Classifies a Berlin wall-clock time (milliseconds "as if UTC") and gives both UTC readings:
 * `earlier` and `later` differ only for the repeated October hour; for the skipped March hour
 * both are the reading with the winter offset, which is the time a clock shifted one hour
 * forward shows (02:30 → 03:30 CEST = 01:30 UTC).
 *
 * @example
 * ```ts
 * berlinWallToUtc(Date.UTC(2025, 9, 26, 2, 30)).kind; // 'ambiguous'
 * ```
 */
export function berlinWallToUtc(wallMs: number): { kind: LocalTimeKind; earlier: number; later: number } {
  const r = rule(new Date(wallMs).getUTCFullYear());
  if (wallMs >= r.gapStart && wallMs < r.gapStart + hourMs) {
    return { kind: 'nonexistent', earlier: wallMs - hourMs, later: wallMs - hourMs };
  }
  if (wallMs >= r.foldStart && wallMs < r.foldStart + hourMs) {
    return { kind: 'ambiguous', earlier: wallMs - 2 * hourMs, later: wallMs - hourMs };
  }
  const summer = wallMs >= r.gapStart + hourMs && wallMs < r.foldStart;
  const utc = wallMs - (summer ? 2 : 1) * hourMs;
  return { kind: 'normal', earlier: utc, later: utc };
}

/**
 * Start (UTC ms) of the Berlin calendar day that contains a UTC instant, and that day as
 * `YYYY-MM-DD` parts; days have 23, 24 or 25 hours.
 *
 * @example
 * ```ts
 * berlinDay(Date.UTC(2025, 0, 1, 23, 30)).date; // '2025-01-02'
 * ```
 */
export function berlinDay(utcMs: number): { start: number; date: string; weekday: number; year: number; month: number; day: number } {
  const wall = utcToBerlinWall(utcMs);
  const wallMidnight = Math.floor(wall / dayMs) * dayMs;
  const d = new Date(wallMidnight);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const start = berlinWallToUtc(wallMidnight).earlier;
  return { start, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, weekday: d.getUTCDay(), year, month, day };
}

/**
 * Formats a UTC instant as Berlin local time `YYYY-MM-DD HH:MM` (with ` (MEZ)`/` (MESZ)` when
 * `zone` is true), for explanations and charts.
 *
 * @example
 * ```ts
 * formatBerlin(Date.UTC(2025, 0, 1, 12)); // '2025-01-01 13:00'
 * ```
 */
export function formatBerlin(utcMs: number, zone = false): string {
  const offset = berlinOffset(utcMs);
  const iso = new Date(utcMs + offset).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${zone ? (offset === hourMs ? ' MEZ' : ' MESZ') : ''}`;
}
