import { type DataPoint, type EdeRejectedRow, genericAksProfile, importEde, type KeyGrammar, type Language, type Meter } from '@foederal/building-data';
import { OperationError } from './errors.js';
import { type EvaluateResult, evaluateRules, type Finding } from './rules/engine.js';
import { deriveRoles, type DeriveRolesOptions, type RoleAssignment } from './rules/roles.js';
import type { MonitoringRule } from './rules/rules.js';
import { formatBerlin } from './time/berlin.js';
import type { OperatingSchedule } from './time/schedule.js';
import { alignSeries } from './trend/grid.js';
import { readTrendsAligned, readTrendSeries, type TrendReadOptions, type TrendReadReport } from './trend/reader.js';
import { type Aggregation, type AlignedTrends, gridBetween, type TimeGrid, type TrendPoint, type TrendSeries } from './trend/series.js';
import type { TextSource } from './trend/source.js';

/**
 * Input of {@link checkTrends}: an EDE list and a trend export are all that is needed; the rest
 * refines the result.
 *
 * @example
 * ```ts
 * const input: CheckTrendsInput = { ede: edeText, trends: fs.createReadStream('trends.csv'), schedule: { land: 'BE', weekly: { 1: ['07:00-16:00'] } } };
 * ```
 */
export interface CheckTrendsInput {
  readonly ede: TextSource;
  readonly trends: TextSource;
  /** Grammar of the EDE key names; default `genericAksProfile`. Keys that do not fit keep no parts (roles then come from descriptions). */
  readonly keyGrammar?: KeyGrammar | null;
  /** Usage times and Land; without it the schedule rule is skipped. */
  readonly schedule?: OperatingSchedule;
  readonly meters?: readonly Meter[];
  readonly ratedPowerKw?: ReadonlyMap<string, number>;
  readonly rules?: readonly MonitoringRule[];
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly roles?: DeriveRolesOptions;
  /**
   * The grid to check on. Given: the export is read straight onto it (low memory). Otherwise
   * the samples are read first and the grid spans them with `stepMinutes`, or the median
   * sampling interval.
   */
  readonly grid?: TimeGrid;
  readonly stepMinutes?: number;
  readonly read?: Omit<TrendReadOptions, 'ranges' | 'signal' | 'onProgress'>;
  readonly signal?: AbortSignal;
  readonly onProgress?: TrendReadOptions['onProgress'];
}

/**
 * Result of {@link checkTrends}.
 *
 * @example
 * ```ts
 * const { findings, report, edeRejected, unmatched } = await checkTrends(input);
 * ```
 */
export interface CheckTrendsResult extends EvaluateResult {
  readonly dataPoints: readonly DataPoint[];
  readonly roles: readonly RoleAssignment[];
  readonly edeRejected: readonly EdeRejectedRow[];
  readonly report: TrendReadReport;
  readonly aligned: AlignedTrends;
  /** Trend columns without a data point in the EDE list. */
  readonly unmatched: readonly string[];
}

function median(series: readonly TrendSeries[]): number {
  const diffs: number[] = [];
  for (const s of series) {
    for (let i = 1; i < Math.min(s.length, 2000); i++) diffs.push((s.times[i] as number) - (s.times[i - 1] as number));
    if (diffs.length > 20_000) break;
  }
  if (diffs.length === 0) return 60_000;
  diffs.sort((a, b) => a - b);
  return diffs[Math.floor(diffs.length / 2)] as number;
}

/**
 * From an EDE list and a trend export to findings: imports the data points, derives their roles
 * (building-data's semantic mapping and the role table), reads and aligns the trends (samples
 * outside the EDE `min/max-present-value` are rejected), and evaluates the rules. This is what
 * `foederal operation check <ede.csv> <trends.csv>` runs.
 *
 * @example
 * ```ts
 * const result = await checkTrends({ ede: await readFile('ede.csv'), trends: createReadStream('trends.csv'), schedule: { land: 'SN', weekly: { 1: ['06:00-17:00'] } } });
 * process.stdout.write(findingsToCsv(result.findings));
 * ```
 */
export async function checkTrends(input: CheckTrendsInput): Promise<CheckTrendsResult> {
  const ede = await importEde(input.ede);
  const grammar = input.keyGrammar === undefined ? genericAksProfile : input.keyGrammar;
  const dataPoints: DataPoint[] = ede.dataPoints.map((p) => {
    if (!grammar || p.key === undefined || p.keyParts) return p;
    const r = grammar.validate(p.key);
    return r.ok ? { ...p, keyParts: r.parts } : p;
  });
  if (dataPoints.length === 0) {
    throw new OperationError('invalid-input', 'EDE-Liste enthält keine Datenpunkte / EDE list holds no data points', { location: { segment: 'ede' } });
  }
  const byId = new Map<string, DataPoint>();
  for (const p of dataPoints) {
    byId.set(p.name, p);
    if (p.key !== undefined) byId.set(p.key, p);
  }
  const roles = deriveRoles(dataPoints, input.roles);
  const roleByName = new Map(roles.map((r) => [r.point, r]));
  const ranges = new Map<string, { min?: number; max?: number }>();
  for (const [id, p] of byId) {
    const l = p.limits;
    if (l && (l.min !== undefined || l.max !== undefined)) ranges.set(id, { ...(l.min === undefined ? {} : { min: l.min }), ...(l.max === undefined ? {} : { max: l.max }) });
  }
  const aggregation = (t: TrendPoint): Aggregation => {
    const p = byId.get(t.id);
    const r = p ? roleByName.get(p.name) : undefined;
    return r?.role === 'energy-meter' ? 'last' : 'mean';
  };
  const readOptions: TrendReadOptions = {
    ...input.read,
    ranges,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };
  let aligned: AlignedTrends;
  let report: TrendReadReport;
  if (input.grid) {
    ({ aligned, report } = await readTrendsAligned(input.trends, input.grid, { ...readOptions, aggregation }));
  } else {
    const read = await readTrendSeries(input.trends, readOptions);
    report = read.report;
    const step = input.stepMinutes !== undefined ? input.stepMinutes * 60_000 : Math.max(60_000, Math.round(median(read.series) / 60_000) * 60_000);
    const grid = report.from === undefined ? { start: 0, step, length: 0 } : gridBetween(report.from, (report.to as number) + 1, step);
    aligned = alignSeries(read.series, grid, { aggregation });
  }
  // roles name EDE object names; the export may use keys: name the roles by the export's column
  const trendRoles: RoleAssignment[] = [];
  const unmatched: string[] = [];
  const byPointName = new Map(roles.map((r) => [r.point, r]));
  for (const t of aligned.points) {
    const p = byId.get(t.id);
    if (!p) {
      unmatched.push(t.id);
      continue;
    }
    const r = byPointName.get(p.name);
    if (r) trendRoles.push(r.point === t.id ? r : { ...r, point: t.id });
  }
  const evaluated = evaluateRules({
    aligned,
    roles: trendRoles,
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.parameters ? { parameters: input.parameters } : {}),
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(input.meters ? { meters: input.meters } : {}),
    ...(input.ratedPowerKw ? { ratedPowerKw: input.ratedPowerKw } : {}),
  });
  return { ...evaluated, dataPoints, roles: trendRoles, edeRejected: ede.rejected, report, aligned, unmatched };
}

const quote = (s: string): string => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Findings as semicolon-separated CSV (German headers and decimal commas, or English with
 * points), one row per finding: rule, title, severity, group, points (`|`-separated), first
 * start and last end (Berlin local time), interval count, wasted hours and kWh, explanation.
 *
 * @example
 * ```ts
 * await writeFile('befunde.csv', findingsToCsv(result.findings));
 * ```
 */
export function findingsToCsv(findings: readonly Finding[], language: Language = 'de'): string {
  const de = language === 'de';
  const num = (v: number | undefined): string => (v === undefined ? '' : de ? (Math.round(v * 100) / 100).toString().replace('.', ',') : (Math.round(v * 100) / 100).toString());
  const head = de
    ? ['Regel', 'Titel', 'Schwere', 'Gruppe', 'Datenpunkte', 'Beginn', 'Ende', 'Intervalle', 'Stunden', 'kWh', 'Erläuterung']
    : ['rule', 'title', 'severity', 'group', 'points', 'start', 'end', 'intervals', 'hours', 'kWh', 'explanation'];
  const rows = [head.join(';')];
  for (const f of findings) {
    const first = f.intervals[0];
    const last = f.intervals[f.intervals.length - 1];
    rows.push(
      [
        f.rule,
        f.title[language],
        f.severity,
        f.group,
        f.points.join('|'),
        first ? formatBerlin(first.start) : '',
        last ? formatBerlin(last.end) : '',
        String(f.intervals.length),
        num(f.wastedHours ?? f.figures?.hours),
        num(f.wastedKwh),
        f.explanation[language],
      ].map(quote).join(';'),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
