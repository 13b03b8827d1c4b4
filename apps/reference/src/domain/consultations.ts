import { randomBytes } from 'node:crypto';
import { publicContribution, type AdministrativeLevel, type Consultation, type Contribution } from '@foederal/recommendations';
import { hasRole, type Role } from '../auth/roles.js';
import type { ListOptions, Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { claimIdempotencyKey } from './idempotency.js';
import { allDocuments, maxPageSize, numberedPage, type NumberedPage, type PageRequest } from './paging.js';
import { check } from './validation.js';

/** Contribution states the public sees: published ones and those with a disposition. */
export const publicContributionStates = ['published', 'accepted', 'partially-accepted', 'rejected', 'duplicate'];

/** The contribution states `role` may list. */
export function visibleContributionStates(role: Role): string[] | undefined {
  return hasRole(role, 'secretariat') ? undefined : publicContributionStates;
}

/** A contribution as `role` may read it: the public never sees the contact, nor names without consent. */
export function contributionFor(role: Role, c: Contribution): Contribution {
  return hasRole(role, 'secretariat') ? c : publicContribution(c);
}

/** @internal Copied columns of a stored contribution. */
export function contributionFields(consultationId: string, c: Contribution, uniqueKey?: string) {
  const author = c.author.kind === 'anonymous' ? '' : c.author.name;
  return {
    parentId: consultationId,
    status: c.state,
    sortKey: `${c.submittedAt}|${c.id}`,
    search: `${c.text.de} ${c.text.en ?? ''} ${author} ${c.anchor.section}`,
    ...(uniqueKey ? { uniqueKey } : {}),
  };
}

function consultationFields(c: Consultation) {
  return { parentId: c.recommendation, status: null, sortKey: `${c.opens}|${c.id}`, search: `${c.title.de} ${c.title.en ?? ''}` };
}

/** Store a consultation; its contributions go to their own table. */
export async function createConsultation(repo: Repository, input: unknown): Promise<Versioned<Consultation>> {
  const consultation = check('Consultation', input);
  return repo.transaction(async (tx) => {
    const doc = await tx.consultations.create(consultation.id, { ...consultation, contributions: [] }, consultationFields(consultation));
    for (const contribution of consultation.contributions) {
      await tx.contributions.create(`${consultation.id}/${contribution.id}`, contribution, contributionFields(consultation.id, contribution));
    }
    return { ...doc, data: consultation };
  });
}

/**
 * A consultation with every contribution `role` may see: the whole synopsis on purpose (the
 * contract's consultation embeds its contributions, and the public page publishes the synopsis
 * with every answer), read in keyset pages. Lists to page through use {@link listContributions}
 * (API) or `queryContributions` (the contribution desk).
 */
export async function getConsultation(repo: Repository, id: string, role: Role): Promise<Versioned<Consultation>> {
  const doc = await repo.consultations.require(id);
  const states = visibleContributionStates(role);
  const contributions = (await allDocuments(repo.contributions, { parentId: id, ...(states ? { status: states } : {}) })).map((c) => contributionFor(role, c));
  return { ...doc, data: { ...doc.data, contributions } };
}

/** One consultation as stored (its contributions live in their own table); 404 when missing. */
export async function requireConsultation(repo: Repository, id: string): Promise<Versioned<Consultation>> {
  return repo.consultations.require(id);
}

/** One page of consultations (newest first), each with the number of its contributions. */
export async function consultationOverview(repo: Repository, request: PageRequest): Promise<NumberedPage<Consultation> & { readonly counts: readonly number[] }> {
  const page = await numberedPage(repo.consultations, {}, request, 'desc');
  const counts = await Promise.all(page.items.map((d) => repo.contributions.count({ parentId: d.id })));
  return { ...page, counts };
}

/** One page of consultations, optionally of one recommendation: at most `limit` (and never more than one row beyond the longest page). */
export async function listConsultations(repo: Repository, options: ListOptions): Promise<Array<Versioned<Consultation> & { sortKey: string }>> {
  return repo.consultations.list({ ...options, limit: Math.min(maxPageSize + 1, Math.max(1, Math.floor(options.limit ?? maxPageSize))) });
}

/** Contributions of a consultation visible to `role`, one page. */
export async function listContributions(
  repo: Repository,
  consultationId: string,
  role: Role,
  options: {
    state?: string;
    section?: string;
    submitter?: Contribution['author']['kind'];
    level?: AdministrativeLevel;
    q?: string;
    after?: { sortKey: string; id: string };
    limit?: number;
  },
): Promise<Array<Versioned<Contribution> & { sortKey: string }>> {
  await repo.consultations.require(consultationId);
  const visible = visibleContributionStates(role);
  let states = visible;
  if (options.state) states = visible && !visible.includes(options.state) ? [] : [options.state];
  return (await repo.contributions.list({
    parentId: consultationId,
    ...(states ? { status: states } : {}),
    ...(options.q ? { q: options.q } : {}),
    fields: contributionFilterFields(options),
    ...(options.after ? { after: options.after } : {}),
    limit: Math.min(maxPageSize + 1, Math.max(1, Math.floor(options.limit ?? maxPageSize))),
  })).map((d) => ({ ...d, data: contributionFor(role, d.data) }));
}

/** JSON-field filters of a contribution query: section, kind of submitter, level of the jurisdiction. */
export function contributionFilterFields(options: { section?: string | undefined; submitter?: string | undefined; level?: string | undefined }): Record<string, string> {
  return {
    ...(options.section ? { 'anchor.section': options.section } : {}),
    ...(options.submitter ? { 'author.kind': options.submitter } : {}),
    ...(options.level ? { 'author.jurisdiction.level': options.level } : {}),
  };
}

/** One contribution; `submitted` ones are readable by their id (the submitter got it), others by state. */
export async function getContribution(repo: Repository, consultationId: string, contributionId: string, role: Role): Promise<Versioned<Contribution>> {
  const doc = await repo.contributions.require(`${consultationId}/${contributionId}`);
  const visible = visibleContributionStates(role);
  if (visible && !visible.includes(doc.data.state) && doc.data.state !== 'submitted') {
    throw new AppError('not-found', `Nicht gefunden / not found: ${contributionId}`);
  }
  return { ...doc, data: contributionFor(role, doc.data) };
}

/** A contribution as submitted through the form or the API. */
export interface Submission {
  readonly anchor: Contribution['anchor'];
  readonly text: Contribution['text'];
  readonly author: Contribution['author'];
  /** Never published. */
  readonly contact?: Contribution['contact'] | undefined;
  readonly consent?: Contribution['consent'] | undefined;
}

/**
 * Store a public contribution in state `submitted`. The consultation must be open at `now` and
 * the anchor must name one of its sections. With an idempotency key (the `Idempotency-Key`
 * header, or the form's one-time token) a retried submission is stored once and answered
 * with the first result.
 */
export async function submitContribution(
  repo: Repository,
  consultationId: string,
  submission: Submission,
  now: Date,
  idempotencyKey?: string,
): Promise<{ created: boolean; doc: Versioned<Contribution> }> {
  const consultation = (await repo.consultations.require(consultationId)).data;
  const at = now.toISOString();
  if (now.getTime() < Date.parse(consultation.opens) || now.getTime() > Date.parse(consultation.closes)) {
    throw new AppError('conflict', `Die Konsultation ist nicht geöffnet (${consultation.opens} bis ${consultation.closes}) / the consultation is not open`);
  }
  if (consultation.sections.length > 0 && !consultation.sections.some((s) => s.anchor === submission.anchor.section)) {
    throw new AppError('validation', `Unbekannter Abschnitt / unknown section: ${submission.anchor.section}`, {
      details: { errors: [{ path: '$.body.anchor.section', message: `one of ${consultation.sections.map((s) => s.anchor).join(', ')}` }] },
    });
  }
  const id = `beitrag-${randomBytes(8).toString('hex')}`;
  const { contact, consent, ...required } = submission;
  const contribution = check('Contribution', { id, ...required, ...(contact ? { contact } : {}), ...(consent ? { consent } : {}), submittedAt: at, state: 'submitted' });
  const storeId = `${consultationId}/${id}`;
  if (idempotencyKey) {
    const uniqueKey = await claimIdempotencyKey(repo, `${consultationId}:${idempotencyKey}`, submission, now);
    const result = await repo.contributions.createOnce(storeId, contribution, { ...contributionFields(consultationId, contribution), uniqueKey });
    return result;
  }
  const doc = await repo.contributions.create(storeId, contribution, contributionFields(consultationId, contribution));
  return { created: true, doc };
}

/**
 * Import a contribution made elsewhere (an issue on openCode, a letter) under the id the
 * secretariat chose: validated like every contribution, its anchor must name a section of the
 * consultation, and its `externalRef` (the issue URL) is kept. Create-only: the same id, or the
 * same `externalRef` in this consultation, a second time is a 409 conflict.
 */
export async function importContribution(repo: Repository, consultationId: string, contributionId: string, input: unknown): Promise<Versioned<Contribution>> {
  const consultation = (await repo.consultations.require(consultationId)).data;
  const contribution = check('Contribution', input);
  if (contribution.id !== contributionId) {
    throw new AppError('validation', 'Kennung im Inhalt weicht vom Pfad ab / id in body differs from path', {
      details: { errors: [{ path: '$.body.id', message: `erwartet / expected ${contributionId}` }] },
    });
  }
  if (consultation.sections.length > 0 && !consultation.sections.some((s) => s.anchor === contribution.anchor.section)) {
    throw new AppError('validation', `Unbekannter Abschnitt / unknown section: ${contribution.anchor.section}`, {
      details: { errors: [{ path: '$.body.anchor.section', message: `one of ${consultation.sections.map((s) => s.anchor).join(', ')}` }] },
    });
  }
  const uniqueKey = contribution.externalRef ? `${consultationId}:ref:${contribution.externalRef}` : undefined;
  const storeId = `${consultationId}/${contributionId}`;
  return repo.contributions.create(storeId, contribution, contributionFields(consultationId, contribution, uniqueKey));
}

/** Set a contribution's state and disposition (secretariat), at `expectedVersion`. */
export async function disposeContribution(
  repo: Repository,
  consultationId: string,
  contributionId: string,
  expectedVersion: number | undefined,
  change: { state: Contribution['state']; disposition?: Contribution['disposition'] | undefined },
): Promise<Versioned<Contribution>> {
  const storeId = `${consultationId}/${contributionId}`;
  const doc = await repo.contributions.require(storeId);
  const { disposition: _old, ...rest } = doc.data;
  const next = check('Contribution', { ...rest, state: change.state, ...(change.disposition ? { disposition: change.disposition } : {}) });
  return repo.contributions.update(storeId, expectedVersion ?? doc.version, next, contributionFields(consultationId, next));
}
