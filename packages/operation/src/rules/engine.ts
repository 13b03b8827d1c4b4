import type { Language } from '@foederal/core';
import type { Meter } from '@foederal/building-data';
import type { LocalizedText } from '@foederal/core';
import { OperationError } from '../errors.js';
import { berlinDay, formatBerlin } from '../time/berlin.js';
import { type OperatingSchedule, operatingMask } from '../time/schedule.js';
import type { AlignedTrends } from '../trend/series.js';
import type { PointRole, RoleAssignment } from './roles.js';
import { type MonitoringRule, monitoringRules } from './rules.js';

/**
 * A time interval in UTC milliseconds, `[start, end)`.
 *
 * @example
 * ```ts
 * const night: Interval = { start: Date.UTC(2025, 0, 6, 21), end: Date.UTC(2025, 0, 7, 5) };
 * ```
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * What a rule found: the rule, the data points, the intervals, a severity, an explanation in
 * German and English and, where the data allows, the wasted operating hours or energy.
 *
 * @example
 * ```ts
 * for (const f of findings) console.log(f.rule, f.points.join(', '), f.explanation.de, f.wastedHours);
 * ```
 */
export interface Finding {
  readonly rule: string;
  readonly check: MonitoringRule['check'];
  readonly title: Required<LocalizedText>;
  readonly severity: MonitoringRule['severity'];
  readonly group: string;
  readonly points: readonly string[];
  readonly intervals: readonly Interval[];
  readonly explanation: Required<LocalizedText>;
  /** Hours of operation or of the fault condition that should not have been. */
  readonly wastedHours?: number;
  /** Energy wasted, where a meter or a rated power allows an estimate. */
  readonly wastedKwh?: number;
  /** Figures behind the explanation (`starts`, `maxDeltaK`, …). */
  readonly figures?: Readonly<Record<string, number>>;
}

/**
 * A rule that could not be applied, with the reason (usually a role no data point has).
 *
 * @example
 * ```ts
 * for (const s of result.skipped) console.log(s.rule, s.reason.de);
 * ```
 */
export interface SkippedRule {
  readonly rule: string;
  readonly reason: Required<LocalizedText>;
}

/**
 * Input of {@link evaluateRules}.
 *
 * @example
 * ```ts
 * evaluateRules({ aligned, roles: deriveRoles(dataPoints), schedule: school, parameters: { 'low-delta-t': { minDeltaK: 5 } } });
 * ```
 */
export interface EvaluateInput {
  readonly aligned: AlignedTrends;
  readonly roles: readonly RoleAssignment[];
  /** Default {@link monitoringRules}. */
  readonly rules?: readonly MonitoringRule[];
  /** Parameter overrides per rule id. */
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Needed by `schedule` rules and by `setpoint` rules with `onlyOperatingTime`. */
  readonly schedule?: OperatingSchedule;
  /** Meters with `dataPointKey` and `parentId`, for the sub-meter sum check. */
  readonly meters?: readonly Meter[];
  /** Rated electrical power in kW per point (pumps, fans), to estimate wasted kWh. */
  readonly ratedPowerKw?: ReadonlyMap<string, number>;
}

/**
 * Result of {@link evaluateRules}.
 *
 * @example
 * ```ts
 * const { findings, skipped, evaluated } = evaluateRules(input);
 * ```
 */
export interface EvaluateResult {
  readonly findings: Finding[];
  readonly skipped: SkippedRule[];
  /** Per rule id: how many points or groups it was applied to. */
  readonly evaluated: Record<string, number>;
}

type Column = { readonly v: Float32Array; readonly q: Uint8Array; readonly a: RoleAssignment };

/** Runs of cells where `test(i)` holds, at least `min` long, as [start, end) cell pairs. */
function runs(n: number, min: number, test: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (test(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= min) out.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0 && n - start >= min) out.push([start, n]);
  return out;
}

const hoursText = (h: number): string => (h >= 10 ? h.toFixed(0) : h.toFixed(1));

/**
 * Evaluates Technisches-Monitoring rules on aligned trend data: binds each rule to the points
 * (`anyOf`) or groups (`allOf`) that have its roles, runs its check and returns the findings,
 * the rules that could not be applied and why, and how often each rule was applied.
 *
 * @example
 * ```ts
 * const { findings } = evaluateRules({ aligned, roles, schedule: { land: 'BE', weekly: { 1: ['07:00-16:00'] } } });
 * ```
 */
export function evaluateRules(input: EvaluateInput): EvaluateResult {
  const { aligned } = input;
  const grid = aligned.grid;
  const step = grid.step;
  const stepH = step / 3_600_000;
  const cells = (minutes: number): number => Math.max(1, Math.ceil((minutes * 60_000) / step));
  const toInterval = ([a, b]: [number, number]): Interval => ({ start: grid.start + a * step, end: grid.start + b * step });
  const columns: Column[] = [];
  for (const a of input.roles) {
    const i = aligned.index.get(a.point);
    if (i !== undefined) columns.push({ v: aligned.values[i] as Float32Array, q: aligned.quality[i] as Uint8Array, a });
  }
  const findings: Finding[] = [];
  const skipped: SkippedRule[] = [];
  const evaluated: Record<string, number> = {};
  let mask: Uint8Array | undefined;
  const operating = (): Uint8Array | undefined => {
    if (!input.schedule) return undefined;
    mask ??= operatingMask(grid, input.schedule);
    return mask;
  };
  const n = grid.length;

  for (const rule of input.rules ?? monitoringRules) {
    const p = { ...rule.parameters, ...input.parameters?.[rule.id] };
    for (const [k, v] of Object.entries(p)) {
      if (!Number.isFinite(v)) throw new OperationError('invalid-rule', `Regel ${rule.id}: Parameter ${k} ist keine Zahl / parameter is not a number`, { location: { segment: k } });
    }
    const num = (k: string): number => {
      const v = p[k];
      if (v === undefined) throw new OperationError('invalid-rule', `Regel ${rule.id}: Parameter ${k} fehlt / parameter missing`, { location: { segment: k } });
      return v;
    };
    const base = { rule: rule.id, check: rule.check, title: rule.title, severity: rule.severity };
    const push = (f: Omit<Finding, 'rule' | 'check' | 'title' | 'severity'>): void => {
      findings.push({ ...base, ...f });
    };
    const anyOf = rule.roles.anyOf;
    const single = anyOf ? columns.filter((c) => anyOf.includes('*') || anyOf.includes(c.a.role)) : [];
    const groups = new Map<string, Partial<Record<PointRole, Column>>>();
    if (rule.roles.allOf) {
      for (const c of columns) {
        let g = groups.get(c.a.group);
        if (!g) groups.set(c.a.group, (g = {}));
        g[c.a.role] ??= c;
      }
      for (const [k, g] of groups) if (!rule.roles.allOf.every((r) => g[r] !== undefined)) groups.delete(k);
    }
    const applied = anyOf ? single.length : groups.size;
    evaluated[rule.id] = applied;
    if (applied === 0) {
      const roles = (anyOf ?? rule.roles.allOf ?? []).join(', ');
      skipped.push({ rule: rule.id, reason: { de: `kein Datenpunkt mit Rolle ${roles}`, en: `no data point with role ${roles}` } });
      continue;
    }
    switch (rule.check) {
      case 'gap': {
        // identical gaps of several points (a logger outage) become one finding
        const min = cells(num('minMinutes'));
        const byIntervals = new Map<string, { points: string[]; intervals: Interval[]; group: string }>();
        for (const c of single) {
          let first = -1;
          let last = -1;
          for (let i = 0; i < n; i++) if (c.q[i] !== 0) { if (first < 0) first = i; last = i; }
          if (first < 0) continue;
          const found = runs(last - first, min, (i) => c.q[first + i] === 0).map(([a, b]) => toInterval([a + first, b + first]));
          if (found.length === 0) continue;
          const key = found.map((x) => `${x.start}-${x.end}`).join(',');
          const e = byIntervals.get(key);
          if (e) e.points.push(c.a.point);
          else byIntervals.set(key, { points: [c.a.point], intervals: found, group: c.a.group });
        }
        for (const e of byIntervals.values()) {
          const h = e.intervals.reduce((s, x) => s + (x.end - x.start), 0) / 3_600_000;
          push({
            group: e.points.length > 1 ? '' : e.group,
            points: e.points,
            intervals: e.intervals,
            explanation: {
              de: `${e.intervals.length} Datenlücke(n) von zusammen ${hoursText(h)} h, erste ab ${formatBerlin((e.intervals[0] as Interval).start, true)}.`,
              en: `${e.intervals.length} data gap(s), ${hoursText(h)} h in total, the first from ${formatBerlin((e.intervals[0] as Interval).start, true)}.`,
            },
            figures: { gaps: e.intervals.length, hours: h },
          });
        }
        break;
      }
      case 'frozen': {
        const min = cells(num('minMinutes'));
        const tol = num('tolerance');
        for (const c of single) {
          const found: [number, number][] = [];
          let start = -1;
          let ref = 0;
          const close = (end: number): void => {
            if (start >= 0 && end - start >= min) found.push([start, end]);
          };
          for (let i = 0; i < n; i++) {
            if (c.q[i] === 0) {
              close(i);
              start = -1;
              continue;
            }
            const v = c.v[i] as number;
            if (start >= 0 && Math.abs(v - ref) <= tol) continue;
            close(i);
            start = i;
            ref = v;
          }
          close(n);
          if (found.length === 0) continue;
          const intervals = found.map(toInterval);
          const h = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          const value = c.v[(found[0] as [number, number])[0]] as number;
          push({
            group: c.a.group,
            points: [c.a.point],
            intervals,
            explanation: {
              de: `Messwert bleibt ${hoursText(h)} h lang unverändert bei ${formatNumber(value, 'de')} (Fühler defekt oder Verbindung unterbrochen?).`,
              en: `Value stays at ${formatNumber(value, 'en')} for ${hoursText(h)} h (sensor broken or connection lost?).`,
            },
            figures: { hours: h, value },
          });
        }
        break;
      }
      case 'limit': {
        const min = cells(num('minMinutes'));
        for (const c of single) {
          const low = p[`low:${c.a.point}`] ?? c.a.limits?.low;
          const high = p[`high:${c.a.point}`] ?? c.a.limits?.high;
          if (low === undefined && high === undefined) continue;
          const lo = low ?? Number.NEGATIVE_INFINITY;
          const hi = high ?? Number.POSITIVE_INFINITY;
          const found = runs(n, min, (i) => c.q[i] !== 0 && ((c.v[i] as number) < lo || (c.v[i] as number) > hi));
          if (found.length === 0) continue;
          let worst = 0;
          for (const [a, b] of found) for (let i = a; i < b; i++) {
            const v = c.v[i] as number;
            const d = v > hi ? v - hi : lo - v;
            if (d > worst) worst = d;
          }
          const h = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          push({
            group: c.a.group,
            points: [c.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `Wert ${hoursText(h)} h außerhalb der Grenzen [${low ?? '–'}, ${high ?? '–'}], höchstens um ${formatNumber(worst, 'de')}.`,
              en: `Value outside the limits [${low ?? '–'}, ${high ?? '–'}] for ${hoursText(h)} h, by at most ${formatNumber(worst, 'en')}.`,
            },
            figures: { hours: h, maxExcess: worst },
          });
        }
        break;
      }
      case 'schedule': {
        const m = operating();
        if (!m) {
          skipped.push({ rule: rule.id, reason: { de: 'keine Nutzungszeiten angegeben', en: 'no operating schedule given' } });
          evaluated[rule.id] = 0;
          break;
        }
        const min = cells(num('minMinutes'));
        const share = num('onShare');
        for (const c of single) {
          const found = runs(n, min, (i) => m[i] === 0 && c.q[i] !== 0 && (c.v[i] as number) >= share);
          if (found.length === 0) continue;
          const h = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          const kw = input.ratedPowerKw?.get(c.a.point);
          const nights = new Set(found.map(([a]) => berlinDay(grid.start + a * step).date)).size;
          const f: Omit<Finding, 'rule' | 'check' | 'title' | 'severity'> = {
            group: c.a.group,
            points: [c.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `In Betrieb außerhalb der Nutzungszeit an ${nights} Tag(en), zusammen ${hoursText(h)} h${kw === undefined ? '' : ` (≈ ${Math.round(h * kw)} kWh bei ${kw} kW)`}.`,
              en: `Running outside operating times on ${nights} day(s), ${hoursText(h)} h in total${kw === undefined ? '' : ` (≈ ${Math.round(h * kw)} kWh at ${kw} kW)`}.`,
            },
            wastedHours: h,
            figures: { hours: h, days: nights },
          };
          push(kw === undefined ? f : { ...f, wastedKwh: h * kw });
        }
        break;
      }
      case 'simultaneous': {
        const min = cells(num('minMinutes'));
        const hp = num('heatingPercent');
        const cp = num('coolingPercent');
        for (const [group, g] of groups) {
          const h = g['heating-valve'] as Column;
          const k = g['cooling-valve'] as Column;
          const found = runs(n, min, (i) => h.q[i] !== 0 && k.q[i] !== 0 && (h.v[i] as number) > hp && (k.v[i] as number) > cp);
          if (found.length === 0) continue;
          const hours = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          const days = new Set(found.map(([a]) => berlinDay(grid.start + a * step).date)).size;
          push({
            group,
            points: [h.a.point, k.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `Heiz- und Kühlventil gleichzeitig offen (> ${hp} % und > ${cp} %) an ${days} Tag(en), zusammen ${hoursText(hours)} h.`,
              en: `Heating and cooling valve open at the same time (> ${hp} % and > ${cp} %) on ${days} day(s), ${hoursText(hours)} h in total.`,
            },
            wastedHours: hours,
            figures: { hours, days },
          });
        }
        break;
      }
      case 'delta-t': {
        const min = cells(num('minMinutes'));
        const dt = num('minDeltaK');
        const active = num('activeSupplyC');
        for (const [group, g] of groups) {
          const s = g['supply-temperature'] as Column;
          const r = g['return-temperature'] as Column;
          const pump = g['pump-status'];
          const found = runs(n, min, (i) => {
            if (s.q[i] === 0 || r.q[i] === 0) return false;
            const on = pump ? pump.q[i] !== 0 && (pump.v[i] as number) >= 0.5 : (s.v[i] as number) >= active;
            return on && Math.abs((s.v[i] as number) - (r.v[i] as number)) < dt;
          });
          if (found.length === 0) continue;
          const hours = found.reduce((sum, [a, b]) => sum + (b - a), 0) * stepH;
          push({
            group,
            points: pump ? [s.a.point, r.a.point, pump.a.point] : [s.a.point, r.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `Spreizung Vorlauf/Rücklauf unter ${dt} K bei laufender Anlage, zusammen ${hoursText(hours)} h (Pumpe fördert ohne Wärmeübertragung, hydraulischer Abgleich prüfen).`,
              en: `Supply/return difference below ${dt} K while running, ${hoursText(hours)} h in total (pump moves water without transferring heat; check the hydraulic balance).`,
            },
            wastedHours: hours,
            figures: { hours },
          });
        }
        break;
      }
      case 'setpoint': {
        const min = cells(num('minMinutes'));
        const tol = num('toleranceK');
        const m = num('onlyOperatingTime') !== 0 ? operating() : undefined;
        if (num('onlyOperatingTime') !== 0 && !m) {
          skipped.push({ rule: rule.id, reason: { de: 'keine Nutzungszeiten angegeben', en: 'no operating schedule given' } });
          evaluated[rule.id] = 0;
          break;
        }
        for (const [group, g] of groups) {
          const t = g['room-temperature'] as Column;
          const sp = g['temperature-setpoint'] as Column;
          const found = runs(n, min, (i) => (m === undefined || m[i] !== 0) && t.q[i] !== 0 && sp.q[i] !== 0 && (t.v[i] as number) < (sp.v[i] as number) - tol);
          if (found.length === 0) continue;
          let worst = 0;
          for (const [a, b] of found) for (let i = a; i < b; i++) worst = Math.max(worst, (sp.v[i] as number) - (t.v[i] as number));
          const hours = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          push({
            group,
            points: [t.a.point, sp.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `Raumtemperatur ${hoursText(hours)} h lang mehr als ${tol} K unter dem Sollwert, höchstens ${formatNumber(worst, 'de')} K.`,
              en: `Room temperature more than ${tol} K below its set point for ${hoursText(hours)} h, by at most ${formatNumber(worst, 'en')} K.`,
            },
            figures: { hours, maxDeviationK: worst },
          });
        }
        break;
      }
      case 'short-cycling': {
        const max = num('maxStartsPerHour');
        const hourCells = Math.max(1, Math.round(3_600_000 / step));
        for (const c of single) {
          // starts: off → on transitions between present cells
          const starts = new Uint8Array(n);
          let prev = -1;
          for (let i = 0; i < n; i++) {
            if (c.q[i] === 0) continue;
            const on = (c.v[i] as number) >= 0.5 ? 1 : 0;
            if (prev === 0 && on === 1) starts[i] = 1;
            prev = on;
          }
          // windows of one hour starting at each start: too many starts → the window is flagged
          const flagged = new Uint8Array(n);
          let total = 0;
          let worst = 0;
          let count = 0;
          let tail = 0;
          for (let i = 0; i < n; i++) {
            count += starts[i] as number;
            if (i - tail >= hourCells) {
              count -= starts[tail] as number;
              tail++;
            }
            if (count > max) {
              for (let k = tail; k <= i; k++) flagged[k] = 1;
              if (count > worst) worst = count;
            }
          }
          const found = runs(n, 1, (i) => flagged[i] === 1);
          if (found.length === 0) continue;
          for (const [a, b] of found) for (let i = a; i < b; i++) total += starts[i] as number;
          const hours = found.reduce((s, [a, b]) => s + (b - a), 0) * stepH;
          push({
            group: c.a.group,
            points: [c.a.point],
            intervals: found.map(toInterval),
            explanation: {
              de: `Taktet: bis zu ${worst} Starts je Stunde (erlaubt ${max}), ${total} Starts in ${hoursText(hours)} h.`,
              en: `Short cycling: up to ${worst} starts per hour (${max} allowed), ${total} starts in ${hoursText(hours)} h.`,
            },
            figures: { starts: total, maxStartsPerHour: worst, hours },
          });
        }
        break;
      }
      case 'meter': {
        meterChecks(single, num('jumpFactor'), num('subMeterTolerancePercent'), input.meters, n, toInterval, push, aligned);
        break;
      }
    }
  }
  return { findings, skipped, evaluated };
}

function formatNumber(v: number, lang: Language): string {
  const t = (Math.round(v * 100) / 100).toString();
  return lang === 'de' ? t.replace('.', ',') : t;
}

/** kWh per unit of a BACnet energy unit. */
const kwhPerUnit: Readonly<Record<number, number>> = { 18: 0.001, 19: 1, 146: 1000, 17: 1 / 3600, 126: 1 / 3.6 };

function meterChecks(
  meters: readonly Column[],
  jumpFactor: number,
  tolerancePercent: number,
  tree: readonly Meter[] | undefined,
  n: number,
  toInterval: (r: [number, number]) => Interval,
  push: (f: Omit<Finding, 'rule' | 'check' | 'title' | 'severity'>) => void,
  aligned: AlignedTrends,
): void {
  const grid = aligned.grid;
  for (const c of meters) {
    // consumption between consecutive readings; negative = register went back
    const negative: [number, number][] = [];
    const deltas: number[] = [];
    let prev = -1;
    for (let i = 0; i < n; i++) {
      if (c.q[i] === 0) continue;
      if (prev >= 0) {
        const d = (c.v[i] as number) - (c.v[prev] as number);
        if (d < 0) negative.push([prev + 1, i + 1]);
        else deltas.push(d / (i - prev));
      }
      prev = i;
    }
    if (negative.length > 0) {
      const sum = negative.reduce((s, [a, b]) => s + ((c.v[a - 1] as number) - (c.v[b - 1] as number)), 0);
      push({
        group: c.a.group,
        points: [c.a.point],
        intervals: negative.map(toInterval),
        explanation: {
          de: `Zählerstand sinkt ${negative.length}-mal (negativer Verbrauch, zusammen ${formatNumber(sum, 'de')}); Zählertausch, Überlauf oder Fehlablesung?`,
          en: `Meter register goes down ${negative.length} time(s) (negative consumption, ${formatNumber(sum, 'en')} in total); meter change, overflow or misreading?`,
        },
        figures: { negatives: negative.length, amount: sum },
      });
    }
    // jumps: a step far above the 99th percentile of the meter's own positive consumption
    const positive = deltas.filter((d) => d > 0);
    if (positive.length >= 100) {
      const sample = positive.length > 100_000 ? positive.filter((_, i) => i % Math.ceil(positive.length / 100_000) === 0) : positive;
      sample.sort((a, b) => a - b);
      const p99 = sample[Math.floor(sample.length * 0.99)] as number;
      const limit = p99 * jumpFactor;
      const jumps: [number, number][] = [];
      let last = -1;
      for (let i = 0; i < n; i++) {
        if (c.q[i] === 0) continue;
        if (last >= 0) {
          const d = ((c.v[i] as number) - (c.v[last] as number)) / (i - last);
          if (d > limit && limit > 0) jumps.push([last + 1, i + 1]);
        }
        last = i;
      }
      if (jumps.length > 0) {
        push({
          group: c.a.group,
          points: [c.a.point],
          intervals: jumps.map(toInterval),
          explanation: {
            de: `Zählerstand springt ${jumps.length}-mal um mehr als das ${jumpFactor}-Fache des üblichen Verbrauchs (99. Perzentil ${formatNumber(p99, 'de')} je Rasterschritt).`,
            en: `Meter register jumps ${jumps.length} time(s) by more than ${jumpFactor} times the usual consumption (99th percentile ${formatNumber(p99, 'en')} per grid step).`,
          },
          figures: { jumps: jumps.length, p99 },
        });
      }
    }
  }
  if (!tree) return;
  // sub-meters against their main meter, per Berlin day, in kWh
  const byKey = new Map<string, Column>();
  for (const c of meters) byKey.set(c.a.point, c);
  const column = (m: Meter): Column | undefined => (m.dataPointKey === undefined ? undefined : byKey.get(m.dataPointKey));
  const dayEdges: number[] = [];
  {
    let t = berlinDay(grid.start).start;
    const end = grid.start + n * grid.step;
    while (t < end) {
      const i = Math.max(0, Math.round((t - grid.start) / grid.step));
      dayEdges.push(i);
      t = berlinDay(t + 26 * 3_600_000).start;
    }
    dayEdges.push(n);
  }
  const daily = (c: Column, factor: number): Float64Array => {
    const out = new Float64Array(dayEdges.length - 1).fill(Number.NaN);
    for (let d = 0; d + 1 < dayEdges.length; d++) {
      let first = -1;
      let last = -1;
      for (let i = dayEdges[d] as number; i < (dayEdges[d + 1] as number); i++) if (c.q[i] !== 0) { if (first < 0) first = i; last = i; }
      if (first >= 0 && last > first) out[d] = ((c.v[last] as number) - (c.v[first] as number)) * factor;
    }
    return out;
  };
  for (const main of tree) {
    const subs = tree.filter((m) => m.parentId === main.id);
    const mc = column(main);
    const scs = subs.map(column);
    if (!mc || subs.length === 0 || scs.some((s) => s === undefined)) continue;
    const f = (c: Column, m: Meter): number => (kwhPerUnit[c.a.unit ?? 19] ?? 1) * m.conversionFactor;
    const md = daily(mc, f(mc, main));
    const sd = scs.map((s, k) => daily(s as Column, f(s as Column, subs[k] as Meter)));
    const bad: [number, number][] = [];
    let excess = 0;
    for (let d = 0; d < md.length; d++) {
      const m = md[d] as number;
      let sum = 0;
      let ok = !Number.isNaN(m);
      for (const s of sd) {
        if (Number.isNaN(s[d] as number)) ok = false;
        sum += s[d] as number;
      }
      if (ok && sum > m * (1 + tolerancePercent / 100) + 1e-9) {
        bad.push([dayEdges[d] as number, dayEdges[d + 1] as number]);
        excess += sum - m;
      }
    }
    if (bad.length === 0) continue;
    push({
      group: mc.a.group,
      points: [mc.a.point, ...scs.map((s) => (s as Column).a.point)],
      intervals: bad.map(toInterval),
      explanation: {
        de: `Summe der Unterzähler übersteigt an ${bad.length} Tag(en) den Hauptzähler ${main.id} um mehr als ${tolerancePercent} % (zusammen ${Math.round(excess)} kWh).`,
        en: `Sum of the sub-meters exceeds main meter ${main.id} by more than ${tolerancePercent} % on ${bad.length} day(s) (${Math.round(excess)} kWh in total).`,
      },
      figures: { days: bad.length, excessKwh: excess },
    });
  }
}
