import { OperationError } from '../errors.js';
import type { TimeGrid } from '../trend/series.js';
import { berlinDay, berlinWallToUtc } from './berlin.js';
import { holidayOn, type Land, lands } from './holidays.js';

/**
 * The usage times of a building: per weekday (0 = Sunday … 6 = Saturday) a list of local
 * `HH:MM`-`HH:MM` periods, the Land whose public holidays are closed days, extra closed dates
 * (school holidays, closures) as `YYYY-MM-DD` or ranges `YYYY-MM-DD/YYYY-MM-DD`, and allowances
 * before and after each period (pre-heating, run-on) in minutes.
 *
 * @example
 * ```ts
 * const school: OperatingSchedule = { land: 'SN', weekly: { 1: ['06:00-17:00'], 2: ['06:00-17:00'], 3: ['06:00-17:00'], 4: ['06:00-17:00'], 5: ['06:00-14:00'] }, closed: ['2025-07-14/2025-08-22'], before: 120, after: 60 };
 * ```
 */
export interface OperatingSchedule {
  readonly land?: Land;
  readonly weekly: Readonly<Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, readonly string[]>>>;
  readonly closed?: readonly string[];
  /** Minutes before a period that count as operating time (pre-heating); default 0. */
  readonly before?: number;
  /** Minutes after a period that count as operating time (run-on); default 0. */
  readonly after?: number;
}

const period = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const dateRe = /^\d{4}-\d{2}-\d{2}$/;

function parsePeriods(schedule: OperatingSchedule): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (const [day, list] of Object.entries(schedule.weekly)) {
    const d = Number(day);
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      throw new OperationError('invalid-input', `Wochentag ${day} ungültig (0-6) / weekday invalid`, { location: { segment: `weekly.${day}` } });
    }
    const periods: [number, number][] = [];
    for (const text of list ?? []) {
      const m = period.exec(text);
      const from = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
      const to = m ? Number(m[3]) * 60 + Number(m[4]) : Number.NaN;
      if (!m || from > 1440 || to > 1440 || from >= to) {
        throw new OperationError('invalid-input', `Nutzungszeit "${text}" ungültig (HH:MM-HH:MM) / operating period invalid`, { location: { segment: `weekly.${day}` } });
      }
      periods.push([from, to]);
    }
    out.set(d, periods);
  }
  return out;
}

function closedDates(schedule: OperatingSchedule): (date: string) => boolean {
  const single = new Set<string>();
  const ranges: [string, string][] = [];
  for (const c of schedule.closed ?? []) {
    const [a, b] = c.split('/');
    if (a === undefined || !dateRe.test(a) || (b !== undefined && (!dateRe.test(b) || b < a))) {
      throw new OperationError('invalid-input', `Schließtag "${c}" ungültig (YYYY-MM-DD oder YYYY-MM-DD/YYYY-MM-DD) / closed date invalid`, { location: { segment: 'closed' } });
    }
    if (b === undefined) single.add(a);
    else ranges.push([a, b]);
  }
  return (date) => single.has(date) || ranges.some(([a, b]) => date >= a && date <= b);
}

/**
 * One byte per grid cell: 1 where the cell lies (at least partly) in operating time including
 * the allowances, 0 outside; weekends without periods, public holidays of the Land and closed
 * dates are 0 all day. Local times follow Europe/Berlin, clock changes included.
 *
 * @example
 * ```ts
 * const mask = operatingMask(grid, school);
 * ```
 */
export function operatingMask(grid: TimeGrid, schedule: OperatingSchedule): Uint8Array {
  if (schedule.land !== undefined && !lands.includes(schedule.land)) {
    throw new OperationError('invalid-input', `unbekanntes Land "${String(schedule.land)}" / unknown Land`, { location: { segment: 'land' } });
  }
  const periods = parsePeriods(schedule);
  const isClosed = closedDates(schedule);
  const before = (schedule.before ?? 0) * 60_000;
  const after = (schedule.after ?? 0) * 60_000;
  const mask = new Uint8Array(grid.length);
  if (grid.length === 0) return mask;
  const end = grid.start + grid.length * grid.step;
  // days from the one before the grid (a run-on past midnight) to the one after
  let t = berlinDay(grid.start).start - 86_400_000;
  const mark = (from: number, to: number): void => {
    const a = Math.max(0, Math.floor((from - grid.start) / grid.step));
    const b = Math.min(grid.length, Math.ceil((to - grid.start) / grid.step));
    for (let i = a; i < b; i++) mask[i] = 1;
  };
  while (t < end + 86_400_000) {
    const day = berlinDay(t);
    const next = berlinDay(day.start + 26 * 3_600_000).start;
    const list = periods.get(day.weekday);
    const holiday = schedule.land !== undefined && day.year >= 1995 && day.year <= 2199 ? holidayOn(day.date, schedule.land) : undefined;
    if (list && list.length > 0 && !holiday && !isClosed(day.date)) {
      const midnightWall = Date.UTC(day.year, day.month - 1, day.day);
      for (const [from, to] of list) {
        const a = berlinWallToUtc(midnightWall + from * 60_000).later;
        const b = to === 1440 ? next : berlinWallToUtc(midnightWall + to * 60_000).later;
        mark(a - before, b + after);
      }
    }
    t = next;
  }
  return mask;
}
