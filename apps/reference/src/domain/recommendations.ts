import { transition, type LifecycleEvent, type Recommendation } from '@foederal/recommendations';
import { hasRole, type Role } from '../auth/roles.js';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
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
  const doc = (await repo.recommendations.require(id)) as Versioned<Recommendation>;
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
    return doc as Versioned<Recommendation>;
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
    return doc as Versioned<Recommendation>;
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
    const doc = (await tx.recommendations.require(id)) as Versioned<Recommendation>;
    const expected = expectedVersion ?? doc.version;
    if (expected !== doc.version) {
      throw new AppError('precondition-failed', `Veraltete Version / stale version: ${id}`, { details: { current: doc.version, expected } });
    }
    const known = new Map<string, Recommendation>();
    if (event.type === 'supersede') {
      const successor = await tx.recommendations.get(event.by);
      if (successor) known.set(event.by, successor.data as Recommendation);
    }
    const result = transition(doc.data, event, { now: now.toISOString(), find: (other) => known.get(other) });
    if (!result.ok) {
      throw new AppError('invalid-transition', `${result.error.message}`, { details: { guard: result.error.guard } });
    }
    const updated = await tx.recommendations.update(id, expected, result.record, fields(result.record));
    await snapshotEdition(tx, result.record);
    return updated as Versioned<Recommendation>;
  });
}

/** All editions of a recommendation, oldest first. */
export async function listEditions(repo: Repository, id: string): Promise<Recommendation[]> {
  return (await repo.editions.list({ parentId: id })).map((d) => d.data as Recommendation);
}
