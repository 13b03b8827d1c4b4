import { randomBytes } from 'node:crypto';
import type { ExperienceReport, Pilot } from '@foederal/recommendations';
import { hasRole, type Role } from '../auth/roles.js';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { boundedPageSize, defaultPageSize, maxPageSize, numberedPage, type Cursor, type NumberedPage, type PageRequest } from './paging.js';
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

function matches(p: Pilot, filter: PilotFilter): boolean {
  if (filter.level && !p.participants.some((x) => x.jurisdiction.level === filter.level)) return false;
  if (filter.state && !p.participants.some((x) => (x.jurisdiction.key ?? '').startsWith(filter.state as string))) return false;
  if (filter.recommendation && !(p.subject.kind === 'recommendation' && p.subject.recommendation === filter.recommendation)) return false;
  return true;
}

/**
 * Pilots matching every given filter, by start date: at most `limit` after `after`. State and
 * recommendation are filtered in the database; level and Land (inside the participants) while
 * reading in keyset batches, so a page never reads more than it needs. Without `limit`, every
 * match (one recommendation's pilots on its page are few; the register pages).
 */
export async function listPilots(repo: Repository, filter: PilotFilter, page: { after?: Cursor; limit?: number } = {}): Promise<Array<Versioned<Pilot> & { sortKey: string }>> {
  const base = {
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(filter.recommendation ? { fields: { 'subject.recommendation': filter.recommendation } } : {}),
  };
  const out: Array<Versioned<Pilot> & { sortKey: string }> = [];
  let after = page.after;
  for (;;) {
    const rows = await repo.pilots.list({ ...base, ...(after ? { after } : {}), limit: maxPageSize });
    for (const d of rows) {
      if (!matches(d.data, filter)) continue;
      out.push(d);
      if (page.limit !== undefined && out.length >= page.limit) return out;
    }
    const last = rows[rows.length - 1];
    if (rows.length < maxPageSize || !last) return out;
    after = { sortKey: last.sortKey, id: last.id };
  }
}

/**
 * One numbered page of the pilot register. Without level and Land filters the database counts
 * and pages; with them the matches are counted while reading in keyset batches.
 */
export async function pilotRegister(repo: Repository, filter: PilotFilter, request: PageRequest): Promise<NumberedPage<Pilot>> {
  if (!filter.level && !filter.state) {
    return numberedPage(repo.pilots, {
      ...(filter.status ? { status: [filter.status] } : {}),
      ...(filter.recommendation ? { fields: { 'subject.recommendation': filter.recommendation } } : {}),
    }, request);
  }
  const all = await listPilots(repo, filter);
  const pageSize = boundedPageSize(request.pageSize);
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const n = Math.min(pages, Math.max(1, Math.floor(request.page ?? 1)));
  return { items: all.slice((n - 1) * pageSize, n * pageSize), total: all.length, page: n, pageSize, pages };
}

/** One pilot (404 when missing). */
export async function getPilot(repo: Repository, id: string): Promise<Versioned<Pilot>> {
  return repo.pilots.require(id);
}

/** The `limit` pilots that started last, newest first (the shortcuts to edit on the form page). */
export async function recentPilots(repo: Repository, limit = defaultPageSize): Promise<Pilot[]> {
  return (await repo.pilots.list({ order: 'desc', limit: boundedPageSize(limit) })).map((d) => d.data);
}

export async function createPilot(repo: Repository, input: unknown): Promise<Versioned<Pilot>> {
  const pilot = check('Pilot', input);
  return repo.pilots.create(pilot.id, pilot, pilotFields(pilot));
}

export async function updatePilot(repo: Repository, id: string, expectedVersion: number, input: unknown): Promise<Versioned<Pilot>> {
  const pilot = check('Pilot', input);
  if (pilot.id !== id) throw new AppError('validation', 'Kennung im Inhalt weicht vom Pfad ab / id in body differs from path');
  return repo.pilots.update(id, expectedVersion, pilot, pilotFields(pilot));
}

/** Report states `role` may see: the public sees published reports only. */
export function visibleReportStates(role: Role): string[] | undefined {
  return hasRole(role, 'secretariat') ? undefined : ['published'];
}

export async function listReports(repo: Repository, pilotId: string, role: Role, page: { after?: { sortKey: string; id: string }; limit?: number } = {}) {
  await repo.pilots.require(pilotId);
  const states = visibleReportStates(role);
  return repo.reports.list({ parentId: pilotId, ...(states ? { status: states } : {}), ...(page.after ? { after: page.after } : {}), limit: Math.min(maxPageSize + 1, Math.max(1, Math.floor(page.limit ?? maxPageSize))) });
}

export async function getReport(repo: Repository, pilotId: string, reportId: string, role: Role): Promise<Versioned<ExperienceReport>> {
  const doc = await repo.reports.require(`${pilotId}/${reportId}`);
  const states = visibleReportStates(role);
  if (states && !states.includes(doc.data.status.state)) throw new AppError('not-found', `Nicht gefunden / not found: ${reportId}`);
  return doc;
}

/** Store a report in state `submitted`; the secretariat reviews it before publication. */
export async function submitReport(repo: Repository, pilotId: string, submission: Record<string, unknown>): Promise<Versioned<ExperienceReport>> {
  await repo.pilots.require(pilotId);
  const id = `bericht-${randomBytes(6).toString('hex')}`;
  const report = check('ExperienceReport', { ...submission, id, pilot: pilotId, status: { state: 'submitted' } });
  return repo.reports.create(`${pilotId}/${id}`, report, reportFields(pilotId, report));
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
  const doc = await repo.reports.require(storeId);
  if (doc.data.status.state !== 'submitted') {
    throw new AppError('invalid-transition', `Bericht ist bereits ${doc.data.status.state} / report is already ${doc.data.status.state}`);
  }
  const next = check('ExperienceReport', { ...doc.data, status });
  return repo.reports.update(storeId, expectedVersion ?? doc.version, next, reportFields(pilotId, next));
}

/**
 * Save a pilot from the back office's form: create it, or update `editing` at `expectedVersion`;
 * audited in the same transaction.
 */
export async function savePilotAudited(
  repo: Repository,
  input: unknown,
  editing: Versioned<Pilot> | undefined,
  expectedVersion: number,
  who: Omit<AuditContext, 'repo'>,
): Promise<Versioned<Pilot>> {
  return repo.transaction(async (tx) => {
    const doc = editing ? await updatePilot(tx, editing.id, expectedVersion, input) : await createPilot(tx, input);
    await audit({ ...who, repo: tx }, editing ? 'pilot.update' : 'pilot.create', `pilots/${doc.id}`, editing ?? null, doc);
    return doc;
  });
}
