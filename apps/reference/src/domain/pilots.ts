import { randomBytes } from 'node:crypto';
import type { ExperienceReport, Pilot } from '@foederal/recommendations';
import { hasRole, type Role } from '../auth/roles.js';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { check } from './validation.js';

function pilotFields(p: Pilot) {
  const levels = [...new Set(p.participants.map((x) => x.jurisdiction.level))];
  const states = [...new Set(p.participants.map((x) => (x.jurisdiction.key ?? '').slice(0, 2)).filter(Boolean))];
  const subject = p.subject.kind === 'recommendation' ? `rec:${p.subject.recommendation}` : `oss:${p.subject.name}`;
  // The search column carries tokens for the level, Land and subject filters.
  return {
    status: p.status,
    sortKey: `${p.start}|${p.id}`,
    search: [p.title.de, p.title.en ?? '', subject, ...levels.map((l) => `level:${l}`), ...states.map((s) => `land:${s}`), ...p.participants.map((x) => x.organisation)].join(' '),
  };
}

function reportFields(pilotId: string, r: ExperienceReport) {
  return { parentId: pilotId, status: r.status.state, sortKey: `${r.date}|${r.id}`, search: `${r.title.de} ${r.author.organisation}` };
}

/** Pilot filters of the register and the API. */
export interface PilotFilter {
  readonly status?: string | undefined;
  readonly level?: string | undefined;
  readonly state?: string | undefined;
  readonly recommendation?: string | undefined;
}

/** Pilots matching every given filter. */
export async function listPilots(repo: Repository, filter: PilotFilter, page: { after?: { sortKey: string; id: string }; limit?: number } = {}) {
  const all = (await repo.pilots.list({
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(page.after ? { after: page.after } : {}),
  })) as Array<Versioned<Pilot> & { sortKey: string }>;
  const matches = all.filter((d) => {
    const p = d.data;
    if (filter.level && !p.participants.some((x) => x.jurisdiction.level === filter.level)) return false;
    if (filter.state && !p.participants.some((x) => (x.jurisdiction.key ?? '').startsWith(filter.state as string))) return false;
    if (filter.recommendation && !(p.subject.kind === 'recommendation' && p.subject.recommendation === filter.recommendation)) return false;
    return true;
  });
  return page.limit === undefined ? matches : matches.slice(0, page.limit);
}

export async function createPilot(repo: Repository, input: unknown): Promise<Versioned<Pilot>> {
  const pilot = check('Pilot', input);
  return (await repo.pilots.create(pilot.id, pilot, pilotFields(pilot))) as Versioned<Pilot>;
}

export async function updatePilot(repo: Repository, id: string, expectedVersion: number, input: unknown): Promise<Versioned<Pilot>> {
  const pilot = check('Pilot', input);
  if (pilot.id !== id) throw new AppError('validation', 'Kennung im Inhalt weicht vom Pfad ab / id in body differs from path');
  return (await repo.pilots.update(id, expectedVersion, pilot, pilotFields(pilot))) as Versioned<Pilot>;
}

/** Report states `role` may see: the public sees published reports only. */
export function visibleReportStates(role: Role): string[] | undefined {
  return hasRole(role, 'secretariat') ? undefined : ['published'];
}

export async function listReports(repo: Repository, pilotId: string, role: Role, page: { after?: { sortKey: string; id: string }; limit?: number } = {}) {
  await repo.pilots.require(pilotId);
  const states = visibleReportStates(role);
  return (await repo.reports.list({ parentId: pilotId, ...(states ? { status: states } : {}), ...page })) as Array<Versioned<ExperienceReport> & { sortKey: string }>;
}

export async function getReport(repo: Repository, pilotId: string, reportId: string, role: Role): Promise<Versioned<ExperienceReport>> {
  const doc = (await repo.reports.require(`${pilotId}/${reportId}`)) as Versioned<ExperienceReport>;
  const states = visibleReportStates(role);
  if (states && !states.includes(doc.data.status.state)) throw new AppError('not-found', `Nicht gefunden / not found: ${reportId}`);
  return doc;
}

/** Store a report in state `submitted`; the secretariat reviews it before publication. */
export async function submitReport(repo: Repository, pilotId: string, submission: Record<string, unknown>): Promise<Versioned<ExperienceReport>> {
  await repo.pilots.require(pilotId);
  const id = `bericht-${randomBytes(6).toString('hex')}`;
  const report = check('ExperienceReport', { ...submission, id, pilot: pilotId, status: { state: 'submitted' } });
  return (await repo.reports.create(`${pilotId}/${id}`, report, reportFields(pilotId, report))) as Versioned<ExperienceReport>;
}

/** Store a complete report as it is (demo data). */
export async function importReport(repo: Repository, report: ExperienceReport): Promise<void> {
  const r = check('ExperienceReport', report);
  await repo.reports.create(`${r.pilot}/${r.id}`, r, reportFields(r.pilot, r));
}

/** Publish or reject a submitted report. */
export async function reviewReport(
  repo: Repository,
  pilotId: string,
  reportId: string,
  expectedVersion: number | undefined,
  status: ExperienceReport['status'],
): Promise<Versioned<ExperienceReport>> {
  const storeId = `${pilotId}/${reportId}`;
  const doc = (await repo.reports.require(storeId)) as Versioned<ExperienceReport>;
  if (doc.data.status.state !== 'submitted') {
    throw new AppError('invalid-transition', `Bericht ist bereits ${doc.data.status.state} / report is already ${doc.data.status.state}`);
  }
  const next = check('ExperienceReport', { ...doc.data, status });
  return (await repo.reports.update(storeId, expectedVersion ?? doc.version, next, reportFields(pilotId, next))) as Versioned<ExperienceReport>;
}
