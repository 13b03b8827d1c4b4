import { transition, type Attachment, type LifecycleEvent, type Recommendation } from '@foederal/recommendations';
import { hasRole, type Role } from '../auth/roles.js';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { allDocuments, boundedPageSize, eachDocument, numberedPage, type Cursor, type NumberedPage, type PageRequest } from './paging.js';
import { check } from './validation.js';

/** States only members and the secretariat see (drafts are work in progress). */
export function visibleRecommendationStates(role: Role): string[] | undefined {
  return hasRole(role, 'member') ? undefined : ['consultation', 'adopted', 'published', 'superseded', 'withdrawn'];
}

function fields(rec: Recommendation) {
  const words = [
    rec.number,
    rec.shortTitle.de,
    rec.shortTitle.en ?? '',
    String(rec.edition),
    rec.title.de,
    rec.title.en ?? '',
    rec.description.de,
    ...rec.keywords.flatMap((k) => [k.de, k.en ?? '']),
  ];
  return { sortKey: `${rec.number.padStart(6, '0')}|${rec.edition}`, search: words.join(' '), status: rec.status.state };
}

async function snapshotEdition(tx: Repository, rec: Recommendation): Promise<void> {
  const id = `${rec.id}@${rec.version}`;
  const existing = await tx.editions.get(id);
  const f = { sortKey: rec.version.split('.').map((p) => p.padStart(6, '0')).join('.'), search: '', parentId: rec.id, status: rec.status.state };
  if (existing) await tx.editions.update(id, existing.version, rec, f);
  else await tx.editions.create(id, rec, f);
}

/** Read one recommendation as `role` sees it. */
export async function getRecommendation(repo: Repository, id: string, role: Role): Promise<Versioned<Recommendation>> {
  const doc = await repo.recommendations.require(id);
  const visible = visibleRecommendationStates(role);
  if (visible && !visible.includes(doc.data.status.state)) throw new AppError('not-found', `Nicht gefunden / not found: ${id}`);
  return doc;
}

/** Store a new recommendation (validated) and its first edition snapshot. */
export async function createRecommendation(repo: Repository, input: unknown): Promise<Versioned<Recommendation>> {
  const rec = check('Recommendation', input);
  return repo.transaction(async (tx) => {
    const doc = await tx.recommendations.create(rec.id, rec, fields(rec));
    await snapshotEdition(tx, rec);
    return doc;
  });
}

/** Replace a recommendation at `expectedVersion` (412 when stale) and snapshot its edition. */
export async function updateRecommendation(repo: Repository, id: string, expectedVersion: number, input: unknown): Promise<Versioned<Recommendation>> {
  const rec = check('Recommendation', input);
  if (rec.id !== id) {
    throw new AppError('validation', 'Kennung im Inhalt weicht vom Pfad ab / id in body differs from path', { details: { errors: [{ path: '$.body.id', message: `expected ${id}` }] } });
  }
  return repo.transaction(async (tx) => {
    const doc = await tx.recommendations.update(id, expectedVersion, rec, fields(rec));
    await snapshotEdition(tx, rec);
    return doc;
  });
}

/**
 * Apply a lifecycle event with the guards of `@foederal/recommendations` (`transition`): a refused
 * guard becomes `invalid-transition` (409) naming the guard.
 */
export async function applyEvent(
  repo: Repository,
  id: string,
  expectedVersion: number | undefined,
  event: LifecycleEvent,
  now: Date,
): Promise<Versioned<Recommendation>> {
  return repo.transaction(async (tx) => {
    const doc = await tx.recommendations.require(id);
    const expected = expectedVersion ?? doc.version;
    if (expected !== doc.version) {
      throw new AppError('precondition-failed', `Veraltete Version / stale version: ${id}`, { details: { current: doc.version, expected } });
    }
    const known = new Map<string, Recommendation>();
    if (event.type === 'supersede') {
      const successor = await tx.recommendations.get(event.by);
      if (successor) known.set(event.by, successor.data);
    }
    const result = transition(doc.data, event, { now: now.toISOString(), find: (other) => known.get(other) });
    if (!result.ok) {
      throw new AppError('invalid-transition', `${result.error.message}`, { details: { guard: result.error.guard } });
    }
    const updated = await tx.recommendations.update(id, expected, result.record, fields(result.record));
    await snapshotEdition(tx, result.record);
    return updated;
  });
}

/**
 * All editions of a recommendation, oldest first. Read in keyset pages: the contract answers them
 * as one list, and a recommendation has one edition per published version.
 */
export async function listEditions(repo: Repository, id: string): Promise<Recommendation[]> {
  return allDocuments(repo.editions, { parentId: id });
}

/** One stored edition (`<id>@<version>`). */
export async function getEdition(repo: Repository, id: string, version: string): Promise<Versioned<Recommendation>> {
  return repo.editions.require(`${id}@${version}`);
}

/** What the catalogue list filters by, and which page it shows. */
export interface RecommendationQuery extends PageRequest {
  /** States to list (already narrowed to what the reader may see); all when undefined. */
  readonly status?: readonly string[] | undefined;
  /** Case-insensitive text in number, titles, description and keywords. */
  readonly q?: string | undefined;
}

/**
 * One numbered page of recommendations, by catalogue number.
 *
 * @example
 * const page = await listRecommendations(repo, { status: visibleRecommendationStates(role), q: 'wartung', page: 2 });
 */
export async function listRecommendations(repo: Repository, query: RecommendationQuery): Promise<NumberedPage<Recommendation>> {
  const q = query.q?.trim();
  return numberedPage(repo.recommendations, { ...(query.status ? { status: query.status } : {}), ...(q ? { q } : {}) }, query);
}

/** The newest `limit` recommendations in the given states (the home page's teaser). */
export async function latestRecommendations(repo: Repository, states: readonly string[], limit = 4): Promise<Recommendation[]> {
  return (await repo.recommendations.list({ status: states, order: 'desc', limit: boundedPageSize(limit) })).map((d) => d.data);
}

/**
 * Every recommendation (all states), by catalogue number: the choices of a select in the back
 * office's forms (votes, meetings, pilots, the "replaces" field of a draft). Read in keyset
 * pages; lists that people page through use {@link listRecommendations} instead.
 */
export async function recommendationChoices(repo: Repository): Promise<Recommendation[]> {
  return allDocuments(repo.recommendations, {});
}

/** One recommendation in any state (secretariat; 404 when missing). */
export async function requireRecommendation(repo: Repository, id: string): Promise<Versioned<Recommendation>> {
  return repo.recommendations.require(id);
}

/** One recommendation in any state, or undefined. */
export async function findRecommendation(repo: Repository, id: string): Promise<Recommendation | undefined> {
  return (await repo.recommendations.get(id))?.data;
}

/**
 * One keyset page of recommendations as their stored JSON text (the API passes validated
 * documents through unparsed).
 */
export async function listRecommendationsJson(
  repo: Repository,
  query: { readonly status?: readonly string[] | undefined; readonly q?: string | undefined; readonly after?: Cursor | undefined; readonly limit: number },
): Promise<{ items: string[]; next: Cursor | undefined }> {
  const limit = boundedPageSize(query.limit);
  const rows = await repo.recommendations.listRaw({
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.after ? { after: query.after } : {}),
    limit: limit + 1,
  });
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map((d) => d.json), next: rows.length > limit && last ? { sortKey: last.sortKey, id: last.id } : undefined };
}

/** One recommendation as its stored JSON text, if `role` may see it (404 otherwise). */
export async function getRecommendationJson(repo: Repository, id: string, role: Role): Promise<{ json: string; version: number }> {
  const doc = await repo.recommendations.getRaw(id);
  const visible = visibleRecommendationStates(role);
  if (!doc || (visible && !visible.includes(doc.status ?? ''))) throw new AppError('not-found', `Nicht gefunden / not found: ${id}`);
  return { json: doc.json, version: doc.version };
}

/**
 * Store an attachment's bytes and list it on the recommendation (replacing one with the same id),
 * in one transaction. Only before publication (draft, consultation, adopted), else `conflict`.
 */
export async function attachFile(repo: Repository, id: string, attachment: Attachment, bytes: Uint8Array, now: Date): Promise<Versioned<Recommendation>> {
  return repo.transaction(async (tx) => {
    const doc = await tx.recommendations.require(id);
    const rec = doc.data;
    if (rec.status.state !== 'draft' && rec.status.state !== 'consultation' && rec.status.state !== 'adopted') {
      throw new AppError('conflict', `Anlagen nur vor der Veröffentlichung / attachments only before publication (${rec.status.state})`);
    }
    await tx.files.put(`attachment:${id}/${attachment.id}`, attachment.mediaType, bytes);
    const attachments = [...rec.attachments.filter((a) => a.id !== attachment.id), attachment];
    return updateRecommendation(tx, id, doc.version, { ...rec, attachments, modified: now.toISOString() });
  });
}

/** The stored bytes of an attachment, or undefined. */
export async function attachmentFile(repo: Repository, id: string, attachmentId: string): Promise<{ mediaType: string; bytes: Uint8Array } | undefined> {
  return repo.files.get(`attachment:${id}/${attachmentId}`);
}

/** An attachment with the role `data-requirements` (an IDS file) and its recommendation. */
export interface IdsAttachment {
  readonly recommendation: Recommendation;
  readonly attachment: Attachment;
}

/** Every IDS attachment of every recommendation (the choices of the model check), read in keyset pages. */
export async function idsAttachments(repo: Repository): Promise<IdsAttachment[]> {
  const out: IdsAttachment[] = [];
  for await (const doc of eachDocument(repo.recommendations, {})) {
    for (const attachment of doc.data.attachments) if (attachment.role === 'data-requirements') out.push({ recommendation: doc.data, attachment });
  }
  return out;
}

