import { randomBytes } from 'node:crypto';
import { genericAksProfile, importEde, type DataPoint, type LocalizedText, type Meter } from '@foederal/building-data';
import { checkTrends, deriveRoles, evaluateRules, lands, OperationError, renderFindingChart, type AlignedTrends, type Finding, type Land, type OperatingSchedule, type SkippedRule } from '@foederal/operation';
import { demoSchoolEde, demoSchoolMeters, demoSchoolSchedule, generateDemoTrends } from '@foederal/operation/examples';
import type { Repository } from '../db/repository.js';
import { AppError } from '../errors.js';

/**
 * Building operation ("Betrieb") of one building of the building-data pilot (ADR 0160): the data
 * points of its EDE list and the findings of the last trend check. Kept as one JSON file per
 * building (`operation:<modelId>/state.json`) next to the EDE list, the pending trend upload and
 * one SVG chart per finding and language; raw samples are not stored.
 */
export interface OperationState {
  readonly modelId: string;
  readonly ede?: OperationEde;
  readonly run?: TrendRun;
}

/** A data point as the Betrieb page lists it. */
export interface PointRow {
  readonly name: string;
  readonly key?: string;
  readonly description?: string;
  readonly objectType: string;
  readonly instance: number;
  readonly units?: number;
  /** Role for the checks (from `deriveRoles`), when one fits. */
  readonly role?: string;
  readonly group?: string;
}

/** The stored EDE list of a building. */
export interface OperationEde {
  readonly fileName: string;
  readonly project?: string;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
  readonly points: readonly PointRow[];
  readonly rejected: ReadonlyArray<{ readonly line: number; readonly reason: Required<LocalizedText> }>;
}

/** Usage times the schedule rule checks against: Land (public holidays), Monday to Friday from/to. */
export interface UsageTimes {
  readonly land: Land;
  readonly from: string;
  readonly to: string;
}

/** One trend check: queued (a job runs it), done (findings stored) or failed. */
export interface TrendRun {
  readonly id: string;
  /** `demo`: the demo school's generated year; `upload`: a trend export someone uploaded. */
  readonly source: 'demo' | 'upload';
  readonly fileName: string;
  readonly state: 'queued' | 'done' | 'failed';
  readonly requestedAt: string;
  /** When the job was last handed to the queue; null: not yet (demo data, checked on first view). */
  readonly sentAt: string | null;
  readonly finishedAt?: string;
  readonly error?: string;
  readonly usage: UsageTimes;
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedRule[];
  readonly report?: TrendRunReport;
}

/** What the trend reader reported: period, points, samples, rejected samples by reason. */
export interface TrendRunReport {
  readonly from?: number;
  readonly to?: number;
  readonly stepMinutes: number;
  readonly cells: number;
  readonly points: number;
  readonly rejected: number;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly unmatched: readonly string[];
}

/** Largest EDE list the page takes (bytes). */
export const edeLimitBytes = 5 * 1024 * 1024;
/** Findings that get a chart (the rest are listed and in the open data). */
export const chartedFindings = 50;
/** A queued check whose job was handed over longer ago than this is handed over again on view. */
export const resendAfterMs = 60_000;

const stateKey = (modelId: string) => `operation:${modelId}/state.json`;
const edeKey = (modelId: string) => `operation:${modelId}/ede.csv`;
const trendsKey = (modelId: string, runId: string) => `operation:${modelId}/${runId}/trends.csv`;
/** File id of the chart of finding `n` of a run, in one language. */
export const chartKey = (modelId: string, runId: string, n: number, lang: 'de' | 'en') => `operation:${modelId}/${runId}/chart-${n}.${lang}.svg`;

/** The stored SVG chart `n` of a trend run in one language, or undefined. */
export async function operationChart(repo: Repository, modelId: string, runId: string, n: number, lang: 'de' | 'en'): Promise<Uint8Array | undefined> {
  return (await repo.files.get(chartKey(modelId, runId, n, lang)))?.bytes;
}

const encoder = new TextEncoder();
const usageDefault: UsageTimes = { land: 'BY', from: '07:00', to: '16:00' };

/** Usage times from form fields; refused with a clear error when they make no sense. */
export function parseUsage(land: string | undefined, from: string | undefined, to: string | undefined): UsageTimes {
  const l = (land ?? usageDefault.land).toUpperCase();
  if (!(lands as readonly string[]).includes(l)) throw new AppError('validation', `Unbekanntes Land / unknown Land: ${l.slice(0, 10)}`);
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  const f = from ?? usageDefault.from;
  const t = to ?? usageDefault.to;
  if (!time.test(f) || !time.test(t) || f >= t) throw new AppError('validation', 'Nutzungszeit als HH:MM, Beginn vor Ende / usage time as HH:MM, start before end');
  return { land: l as Land, from: f, to: t };
}

/** The operating schedule of usage times: Monday to Friday, two hours pre-heating, one hour run-on. */
export function scheduleOf(usage: UsageTimes): OperatingSchedule {
  const span = [`${usage.from}-${usage.to}`];
  return { land: usage.land, weekly: { 1: span, 2: span, 3: span, 4: span, 5: span }, before: 120, after: 60 };
}

/** The operation state of a building (empty when nothing was uploaded). */
export async function getOperation(repo: Repository, modelId: string): Promise<OperationState> {
  const file = await repo.files.get(stateKey(modelId));
  return file ? (JSON.parse(new TextDecoder().decode(file.bytes)) as OperationState) : { modelId };
}

async function putOperation(repo: Repository, state: OperationState): Promise<void> {
  await repo.files.put(stateKey(state.modelId), 'application/json', encoder.encode(JSON.stringify(state)));
}

async function requireModel(repo: Repository, modelId: string): Promise<void> {
  if (!(await repo.models.get(modelId))) throw new AppError('not-found', `Gebäude nicht gefunden / building not found: ${modelId}`);
}

function withKeyParts(points: readonly DataPoint[]): DataPoint[] {
  return points.map((p) => {
    if (p.key === undefined || p.keyParts) return p;
    const r = genericAksProfile.validate(p.key);
    return r.ok ? { ...p, keyParts: r.parts } : p;
  });
}

/**
 * Store a building's EDE list: imported with `@foederal/building-data` (rows it cannot read are
 * listed with line and reason), roles derived for the checks. A list without any data point is
 * refused. Replaces an earlier list; the findings of an earlier check stay until the next one.
 */
export async function storeEde(repo: Repository, modelId: string, input: { fileName: string; bytes: Uint8Array; uploadedBy: string; now: Date }): Promise<OperationEde> {
  await requireModel(repo, modelId);
  let imported;
  try {
    imported = await importEde(input.bytes);
  } catch (error) {
    throw new AppError('validation', `EDE-Liste nicht lesbar / EDE list not readable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (imported.dataPoints.length === 0) {
    const first = imported.rejected[0];
    throw new AppError('validation', `EDE-Liste enthält keine Datenpunkte / EDE list holds no data points${first ? ` (Zeile / line ${first.line}: ${first.reason.de} / ${first.reason.en})` : ''}`);
  }
  const points = withKeyParts(imported.dataPoints);
  const roles = new Map(deriveRoles(points).map((r) => [r.point, r]));
  const project = imported.metadata['PROJECT_NAME'];
  const ede: OperationEde = {
    fileName: input.fileName.slice(0, 200),
    ...(project ? { project: project.slice(0, 200) } : {}),
    uploadedAt: input.now.toISOString(),
    uploadedBy: input.uploadedBy,
    points: points.map((p) => {
      const r = roles.get(p.name);
      return {
        name: p.name,
        ...(p.key !== undefined && p.key !== p.name ? { key: p.key } : {}),
        ...(p.description ? { description: p.description } : {}),
        objectType: String(p.objectIdentifier.type),
        instance: p.objectIdentifier.instance,
        ...(p.units !== undefined ? { units: p.units } : {}),
        ...(r ? { role: r.role, group: r.group } : {}),
      };
    }),
    rejected: imported.rejected.slice(0, 200).map((r) => ({ line: r.line, reason: r.reason })),
  };
  await repo.transaction(async (tx) => {
    await tx.files.put(edeKey(modelId), 'text/csv', input.bytes);
    const state = await getOperation(tx, modelId);
    await putOperation(tx, { ...state, ede });
  });
  return ede;
}

/**
 * Queue a check of an uploaded trend export against the building's EDE list: the export is
 * stored and the run is `queued`; {@link processTrendCheck} runs it as a job.
 */
export async function requestTrendCheck(repo: Repository, modelId: string, input: { fileName: string; bytes: Uint8Array; usage: UsageTimes; now: Date }): Promise<TrendRun> {
  await requireModel(repo, modelId);
  const state = await getOperation(repo, modelId);
  if (!state.ede) throw new AppError('conflict', 'Bitte zuerst die EDE-Liste hochladen / please upload the EDE list first');
  const run: TrendRun = {
    id: `lauf-${randomBytes(5).toString('hex')}`, source: 'upload', fileName: input.fileName.slice(0, 200), state: 'queued',
    requestedAt: input.now.toISOString(), sentAt: input.now.toISOString(), usage: input.usage, findings: [], skipped: [],
  };
  await repo.transaction(async (tx) => {
    await tx.files.put(trendsKey(modelId, run.id), 'text/csv', input.bytes);
    await putOperation(tx, { ...(await getOperation(tx, modelId)), run });
  });
  await dropOldFiles(repo, modelId, state.run);
  return run;
}

async function dropOldFiles(repo: Repository, modelId: string, run: TrendRun | undefined): Promise<void> {
  if (!run) return;
  await repo.files.delete(trendsKey(modelId, run.id));
  for (let n = 0; n < Math.min(chartedFindings, run.findings.length); n++) {
    for (const lang of ['de', 'en'] as const) await repo.files.delete(chartKey(modelId, run.id, n, lang));
  }
}

/**
 * Note that a queued run was handed to the job queue now. Returns false when the run is no
 * longer queued (or another run replaced it), so the caller does not send a job.
 */
export async function markSent(repo: Repository, modelId: string, runId: string, now: Date): Promise<boolean> {
  return repo.transaction(async (tx) => {
    const state = await getOperation(tx, modelId);
    if (state.run?.id !== runId || state.run.state !== 'queued') return false;
    await putOperation(tx, { ...state, run: { ...state.run, sentAt: now.toISOString() } });
    return true;
  });
}

/** Whether a queued run should be handed (again) to the job queue: never sent, or sent long ago. */
export function needsSending(run: TrendRun | undefined, now: Date): boolean {
  return run?.state === 'queued' && (run.sentAt === null || now.getTime() - Date.parse(run.sentAt) > resendAfterMs);
}

/** Options of {@link processTrendCheck}. */
export interface TrendCheckOptions {
  /** Days of generated demo data (default a year, 365). */
  readonly demoDays?: number;
  readonly now?: () => Date;
}

async function settle(repo: Repository, modelId: string, runId: string, change: (run: TrendRun) => TrendRun): Promise<boolean> {
  return repo.transaction(async (tx) => {
    const state = await getOperation(tx, modelId);
    if (state.run?.id !== runId || state.run.state !== 'queued') return false;
    await putOperation(tx, { ...state, run: change(state.run) });
    return true;
  });
}

async function demoResult(days: number): Promise<{ aligned: AlignedTrends; findings: Finding[]; skipped: SkippedRule[]; report: TrendRunReport }> {
  const { aligned } = generateDemoTrends({ seed: 1, days });
  const { dataPoints } = await importEde(demoSchoolEde);
  const roles = deriveRoles(withKeyParts(dataPoints)).filter((r) => aligned.index.has(r.point));
  const { findings, skipped } = evaluateRules({ aligned, roles, schedule: demoSchoolSchedule, meters: demoSchoolMeters as Meter[] });
  const { grid } = aligned;
  return {
    aligned, findings, skipped,
    report: { from: grid.start, to: grid.start + grid.length * grid.step, stepMinutes: grid.step / 60_000, cells: grid.length, points: aligned.points.length, rejected: 0, rejectedByReason: {}, unmatched: [] },
  };
}

/**
 * The job of a queued trend check: read the export (or generate the demo school's year), align,
 * evaluate every Technisches-Monitoring rule, store the findings and one SVG chart per finding
 * and language, and drop the export. Idempotent: a run that is no longer queued is left alone.
 * An unreadable export ends as a failed run with the reason; storage errors are thrown so the
 * queue retries.
 */
export async function processTrendCheck(repo: Repository, modelId: string, runId: string, options: TrendCheckOptions = {}): Promise<TrendRun | undefined> {
  const now = options.now ?? (() => new Date());
  const state = await getOperation(repo, modelId);
  const run = state.run;
  if (!run || run.id !== runId || run.state !== 'queued') return undefined;
  let result: { aligned: AlignedTrends; findings: Finding[]; skipped: SkippedRule[]; report: TrendRunReport };
  try {
    if (run.source === 'demo') {
      result = await demoResult(options.demoDays ?? 365);
    } else {
      const [ede, trends] = await Promise.all([repo.files.get(edeKey(modelId)), repo.files.get(trendsKey(modelId, runId))]);
      if (!ede || !trends) throw new AppError('validation', 'Datei fehlt / file missing');
      const checked = await checkTrends({ ede: ede.bytes, trends: trends.bytes, schedule: scheduleOf(run.usage) });
      const { grid } = checked.aligned;
      result = {
        aligned: checked.aligned, findings: checked.findings, skipped: checked.skipped,
        report: {
          ...(checked.report.from !== undefined ? { from: checked.report.from } : {}),
          ...(checked.report.to !== undefined ? { to: checked.report.to } : {}),
          stepMinutes: grid.step / 60_000, cells: grid.length, points: checked.aligned.points.length,
          rejected: checked.report.rejected.total, rejectedByReason: checked.report.rejected.byReason, unmatched: checked.unmatched.slice(0, 100),
        },
      };
    }
  } catch (error) {
    if (!(OperationError.isInstance(error) || (AppError.isInstance(error) && error.code === 'validation'))) throw error;
    const reason = `Trenddaten nicht auswertbar / trend data could not be checked: ${error.message}`.slice(0, 500);
    await settle(repo, modelId, runId, (r) => ({ ...r, state: 'failed', error: reason, finishedAt: now().toISOString() }));
    await repo.files.delete(trendsKey(modelId, runId));
    return undefined;
  }
  const charted = result.findings.slice(0, chartedFindings);
  for (const [n, finding] of charted.entries()) {
    for (const lang of ['de', 'en'] as const) {
      const svg = renderFindingChart(finding, result.aligned, lang, { idPrefix: `befund-${n}`, width: 720 });
      await repo.files.put(chartKey(modelId, runId, n, lang), 'image/svg+xml', encoder.encode(svg));
    }
  }
  const done: TrendRun = { ...run, state: 'done', finishedAt: now().toISOString(), findings: result.findings, skipped: result.skipped, report: result.report };
  if (!(await settle(repo, modelId, runId, () => done))) {
    // Replaced by a newer upload while this ran: its charts are nobody's. (A second run of the
    // same job finds the run done and leaves the charts, which are the same files.)
    if ((await getOperation(repo, modelId)).run?.id !== runId) await dropOldFiles(repo, modelId, done);
    return undefined;
  }
  await repo.files.delete(trendsKey(modelId, runId));
  return done;
}

/** Record that a trend check's job failed for good (its retries are used up). */
export async function failTrendCheck(repo: Repository, modelId: string, runId: string, reason: string): Promise<void> {
  await settle(repo, modelId, runId, (r) => ({ ...r, state: 'failed', error: reason, finishedAt: new Date().toISOString() }));
}

/**
 * The demo school's operation data: its EDE list, and a queued check of a generated year of
 * one-minute trends with four built-in faults. The check is not run here (the start stays fast):
 * the Betrieb page hands it to the job queue on its first view (ADR 0161).
 */
export async function seedDemoOperation(repo: Repository, modelId: string, now: Date): Promise<void> {
  await storeEde(repo, modelId, { fileName: 'grundschule-ede.csv', bytes: encoder.encode(demoSchoolEde), uploadedBy: 'Geschäftsstelle', now });
  const run: TrendRun = {
    id: 'lauf-demo', source: 'demo', fileName: 'demo-trends-2025.csv', state: 'queued', requestedAt: now.toISOString(), sentAt: null,
    usage: { land: demoSchoolSchedule.land ?? 'BY', from: '07:00', to: '16:00' }, findings: [], skipped: [],
  };
  await putOperation(repo, { ...(await getOperation(repo, modelId)), run });
}

/** Findings as open data (JSON): building, run, period, and every finding with ISO times. */
export function findingsDocument(baseUrl: string, modelId: string, name: string, run: TrendRun): Record<string, unknown> {
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
  return {
    building: { id: modelId, name, url: `${baseUrl}/gebaeudedaten/${modelId}/betrieb` },
    check: {
      id: run.id, source: run.source, file: run.fileName, state: run.state, checkedAt: run.finishedAt ?? null,
      period: { from: iso(run.report?.from), to: iso(run.report?.to) }, usage: run.usage,
      rejectedSamples: run.report?.rejected ?? 0,
    },
    licence: 'https://www.govdata.de/dl-de/by-2-0',
    findings: run.findings.map((f) => ({ ...f, intervals: f.intervals.map((i) => ({ start: iso(i.start), end: iso(i.end) })) })),
    skippedRules: run.skipped,
  };
}
