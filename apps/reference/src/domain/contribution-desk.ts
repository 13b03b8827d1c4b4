import {
  answeredStates,
  erasePersonalData,
  synopsisCsv,
  type AdministrativeLevel,
  type Consultation,
  type Contribution,
  type ContributionState,
} from '@foederal/recommendations';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { contributionFields, contributionFilterFields } from './consultations.js';
import { allDocuments } from './paging.js';
import { check } from './validation.js';

/** Sort orders of the back office's contribution list. */
export const contributionSorts = ['newest', 'oldest', 'section', 'state'] as const;
/** A sort order. */
export type ContributionSort = (typeof contributionSorts)[number];

/** What the secretariat filters the contributions of one consultation by. */
export interface ContributionQuery {
  readonly state?: ContributionState | undefined;
  readonly section?: string | undefined;
  readonly submitter?: Contribution['author']['kind'] | undefined;
  readonly level?: AdministrativeLevel | undefined;
  /** Case-insensitive text in text, author and section. */
  readonly q?: string | undefined;
  readonly sort?: ContributionSort | undefined;
  /** 1-based page number. */
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

/** One page of contributions with the numbers a pager needs. */
export interface ContributionPage {
  readonly items: ReadonlyArray<Versioned<Contribution>>;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
}

const maxPageSize = 200;

/**
 * One page of the contributions of a consultation for the secretariat (all states, all data),
 * filtered in the database by state, section, kind of submitter, level and text, sorted by
 * submission time (newest or oldest first), section or state. A page beyond the last one answers
 * the last page.
 *
 * @example
 * const page = await queryContributions(repo, 'konsultation-1', { state: 'submitted', section: '3.2', page: 2, pageSize: 50 });
 */
export async function queryContributions(repo: Repository, consultationId: string, query: ContributionQuery): Promise<ContributionPage> {
  await repo.consultations.require(consultationId);
  const pageSize = Math.min(maxPageSize, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const filter = {
    parentId: consultationId,
    ...(query.state ? { status: [query.state] } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    fields: contributionFilterFields(query),
  };
  const total = await repo.contributions.count(filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.max(1, Math.floor(query.page ?? 1)));
  const sort = query.sort ?? 'newest';
  const items = await repo.contributions.list({
    ...filter,
    order: sort === 'newest' ? 'desc' : 'asc',
    ...(sort === 'section' ? { sortField: 'anchor.section' } : sort === 'state' ? { sortField: 'state' } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: items as Array<Versioned<Contribution>>, total, page, pageSize, pages };
}

function auditView(doc: Versioned<Contribution>): { version: number; data: unknown } {
  return { version: doc.version, data: { state: doc.data.state, ...(doc.data.disposition ? { disposition: doc.data.disposition } : {}) } };
}

/** The decision applied to several contributions at once. */
export interface BulkDisposition {
  readonly state: ContributionState;
  /** Required for answered states (accepted, partially accepted, rejected, duplicate). */
  readonly reason?: { readonly de: string; readonly en?: string | undefined } | undefined;
  /** For `duplicate`: the contribution they repeat. */
  readonly duplicateOf?: string | undefined;
  /** Publish the answer right away (otherwise it is given but not yet published). */
  readonly publish?: boolean | undefined;
}

/**
 * Give several contributions of one consultation the same state and disposition in one
 * transaction: each is named with the version the secretariat saw, a changed one stops the
 * whole batch (`precondition-failed`, nothing written), and every change is audited with its
 * before and after version. Returns the updated contributions in the given order.
 *
 * @example
 * await disposeContributions(repo, 'konsultation-1', [{ id: 'beitrag-1', version: 1 }], { state: 'rejected', reason: { de: 'Außerhalb des Gegenstands' }, publish: true }, auditContext);
 */
export async function disposeContributions(
  repo: Repository,
  consultationId: string,
  targets: ReadonlyArray<{ readonly id: string; readonly version: number }>,
  change: BulkDisposition,
  who: Omit<AuditContext, 'repo'>,
): Promise<Array<Versioned<Contribution>>> {
  if (targets.length === 0) throw new AppError('validation', 'Keine Beiträge ausgewählt / no contributions selected', { details: { errors: [{ path: 'ids', message: 'Bitte mindestens einen Beitrag auswählen / select at least one contribution' }] } });
  if (new Set(targets.map((t) => t.id)).size !== targets.length) throw new AppError('validation', 'Beitrag doppelt ausgewählt / contribution selected twice');
  const answered = (answeredStates as readonly string[]).includes(change.state);
  const reason = change.reason?.de.trim();
  if (answered && !reason) {
    throw new AppError('validation', 'Begründung fehlt / reason missing', { details: { errors: [{ path: 'reason', message: 'Für diese Entscheidung ist eine Begründung nötig / this decision needs a reason' }] } });
  }
  if (change.state === 'duplicate' && !change.duplicateOf) {
    throw new AppError('validation', 'Original fehlt / original missing', { details: { errors: [{ path: 'duplicateOf', message: 'Bei Dubletten das Original angeben / name the original of duplicates' }] } });
  }
  const at = who.now().toISOString();
  return repo.transaction(async (tx) => {
    if (change.state === 'duplicate' && !(await tx.contributions.get(`${consultationId}/${change.duplicateOf}`))) {
      throw new AppError('validation', `Original ${change.duplicateOf} gibt es nicht / original does not exist`, { details: { errors: [{ path: 'duplicateOf', message: `unbekannt / unknown: ${change.duplicateOf}` }] } });
    }
    const out: Array<Versioned<Contribution>> = [];
    for (const target of targets) {
      const storeId = `${consultationId}/${target.id}`;
      const before = await tx.contributions.require(storeId);
      if (before.version !== target.version) {
        throw new AppError('precondition-failed', `Beitrag ${target.id} wurde inzwischen geändert / contribution ${target.id} was changed meanwhile`, {
          details: { id: target.id, current: before.version, expected: target.version },
        });
      }
      const { disposition: _old, ...rest } = before.data;
      const en = change.reason?.en?.trim();
      const disposition = answered
        ? { reason: { de: reason as string, ...(en ? { en } : {}) }, answeredAt: at, ...(change.publish ? { publishedAt: at } : {}), ...(change.state === 'duplicate' ? { duplicateOf: change.duplicateOf as string } : {}) }
        : undefined;
      const next = check('Contribution', { ...rest, state: change.state, ...(disposition ? { disposition } : {}) }, `$.${target.id}`);
      const after = await tx.contributions.update(storeId, before.version, next, contributionFields(consultationId, next));
      // Only state and disposition go into the log: personal data of contributions must stay erasable.
      await audit({ ...who, repo: tx }, 'contribution.dispose', `contributions/${storeId}`, auditView(before), auditView(after));
      out.push(after);
    }
    return out;
  });
}

/**
 * Delete the personal data of one contribution on request: name, organisation and contact go,
 * the text, the jurisdiction and the disposition stay (`erasePersonalData` of
 * `@foederal/recommendations`). The audit entry keeps only versions, not the erased data.
 *
 * @example
 * await eraseContribution(repo, 'konsultation-1', 'beitrag-1', 3, auditContext);
 */
export async function eraseContribution(
  repo: Repository,
  consultationId: string,
  contributionId: string,
  expectedVersion: number | undefined,
  who: Omit<AuditContext, 'repo'>,
): Promise<Versioned<Contribution>> {
  const storeId = `${consultationId}/${contributionId}`;
  return repo.transaction(async (tx) => {
    const before = await tx.contributions.require(storeId);
    const next = check('Contribution', erasePersonalData(before.data, who.now().toISOString()));
    const after = await tx.contributions.update(storeId, expectedVersion ?? before.version, next, contributionFields(consultationId, next));
    // The log must not keep what was erased: versions only.
    await audit({ ...who, repo: tx }, 'contribution.erase-personal-data', `contributions/${storeId}`, { version: before.version, data: null }, { version: after.version, data: null });
    return after;
  });
}

/**
 * The consultation with every contribution (secretariat view), for the synopsis exports: a whole
 * synopsis on purpose, read in keyset pages.
 */
export async function consultationWithAll(repo: Repository, consultationId: string): Promise<Consultation> {
  const doc = await repo.consultations.require(consultationId);
  const contributions = await allDocuments(repo.contributions, { parentId: consultationId });
  return { ...doc.data, contributions };
}

/** Options of the synopsis exports. */
export interface SynopsisExportOptions {
  readonly audience: 'public' | 'internal';
  readonly language: 'de' | 'en';
}

/**
 * The synopsis as CSV for spreadsheets: `;`-separated with a byte order mark (German spreadsheet
 * defaults), with the level column. Contact e-mails are never in it.
 *
 * @example
 * const csv = synopsisCsvExport(consultation, { audience: 'internal', language: 'de' });
 */
export function synopsisCsvExport(consultation: Consultation, options: SynopsisExportOptions): string {
  return synopsisCsv(consultation, { ...options, withLevel: true, delimiter: ';', bom: true });
}
