import { isPresetId, presets, shareCosts, type CostParticipant, type CostShareResult, type RulesOfProcedure } from '@foederal/membership';
import { jointProjectSchema, type Body, type JointProject } from '@foederal/publication';
import * as z from 'zod/mini';
import type { ListOptions, Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { bodyId } from './body.js';
import { boundedPageSize, defaultPageSize, maxPageSize, numberedPage, type NumberedPage, type PageRequest } from './paging.js';

/** A joint project whose costs the participants share: the contract's `JointProject` of `@foederal/publication`. */
export type { JointProject };

function projectFields(project: JointProject) {
  return { sortKey: `${project.date}|${project.id}`, search: `${project.title.de} ${project.title.en ?? ''}` };
}

/** Validate a joint project with the contract's schema; problems become a 422 with JSON paths. */
export function checkProject(input: unknown, prefix = '$.body'): JointProject {
  const parsed = z.safeParse(jointProjectSchema, input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({
    path: prefix + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join(''),
    message: i.message,
  }));
  throw new AppError('validation', `Ungültiges Vorhaben / invalid joint project: ${errors[0]?.path ?? ''}: ${errors[0]?.message ?? ''}`, {
    details: { errors },
  });
}

/**
 * The rules a project names: a rules object of the body with that id first, else one of the
 * presets of `@foederal/membership`. Unknown ids are `undefined`.
 */
export function resolveRules(project: Pick<JointProject, 'rules'>, body: Body | undefined): RulesOfProcedure | undefined {
  const own = body?.rules.find((r) => r.id === project.rules);
  if (own) return own;
  return isPresetId(project.rules) ? presets[project.rules] : undefined;
}

/**
 * Compute the shares with `shareCosts` of `@foederal/membership` under `rules`. A project the
 * rules cannot share (unknown rules, no cost sharing, a participant twice …) is `code` (422 while
 * writing, 409 for a stored project whose rules changed since).
 */
export function computeShares(
  project: Pick<JointProject, 'total' | 'date' | 'participants' | 'koenigsteinYear'> & { readonly rules: string },
  rules: RulesOfProcedure | undefined,
  code: 'validation' | 'conflict' = 'validation',
): CostShareResult {
  if (!rules) {
    throw new AppError(code, `Unbekannte Geschäftsordnung / unknown rules of procedure: ${project.rules}`, {
      details: { errors: [{ path: '$.body.rules', message: `Weder Regeln des Gremiums noch Vorlage / neither rules of the body nor a preset: ${project.rules}` }] },
    });
  }
  try {
    return shareCosts({
      total: project.total,
      rules,
      date: project.date,
      participants: project.participants as readonly CostParticipant[],
      ...(project.koenigsteinYear === undefined ? {} : { koenigsteinYear: project.koenigsteinYear }),
    });
  } catch (error) {
    const path = (error as { path?: unknown } | null)?.path;
    const where = Array.isArray(path) ? `$.body${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}` : '$.body';
    throw new AppError(code, error instanceof Error ? error.message : String(error), {
      cause: error,
      details: { errors: [{ path: where, message: error instanceof Error ? error.message : String(error) }] },
    });
  }
}

/** The body, or undefined before it is set up (projects may name preset rules only then). */
export async function bodyOrUndefined(repo: Repository): Promise<Body | undefined> {
  return (await repo.bodies.get(bodyId))?.data;
}

/** Validate a project and check that its costs can be shared, then store it as version 1 (409 if the id exists). */
export async function createProject(repo: Repository, input: unknown): Promise<Versioned<JointProject>> {
  const project = checkProject(input);
  computeShares(project, resolveRules(project, await bodyOrUndefined(repo)));
  return repo.projects.create(project.id, project, projectFields(project));
}

/** Replace a project at `expectedVersion` (412 when another writer was first). */
export async function updateProject(repo: Repository, id: string, expectedVersion: number, input: unknown): Promise<Versioned<JointProject>> {
  const project = checkProject(input);
  if (project.id !== id) {
    throw new AppError('validation', 'Kennung im Inhalt weicht vom Pfad ab / id in body differs from path', {
      details: { errors: [{ path: '$.body.id', message: `erwartet / expected ${id}` }] },
    });
  }
  computeShares(project, resolveRules(project, await bodyOrUndefined(repo)));
  return repo.projects.update(id, expectedVersion, project, projectFields(project));
}

/** One page of projects, ordered by date and id: at most `limit` (and never more than one row beyond the longest page). */
export async function listProjects(repo: Repository, options: ListOptions = {}): Promise<Array<Versioned<JointProject> & { sortKey: string }>> {
  return repo.projects.list({ ...options, limit: Math.min(maxPageSize + 1, Math.max(1, Math.floor(options.limit ?? maxPageSize))) });
}

/** The cost shares of a stored project under the rules it names (409 if they no longer share it). */
export async function projectShares(repo: Repository, id: string): Promise<CostShareResult> {
  const project = (await repo.projects.require(id)).data;
  return computeShares(project, resolveRules(project, await bodyOrUndefined(repo)), 'conflict');
}

/** Store a project without the API (demo data). */
export async function saveProject(repo: Repository, project: JointProject): Promise<Versioned<JointProject>> {
  return createProject(repo, project);
}

/** One joint project (404 when missing). */
export async function getProject(repo: Repository, id: string): Promise<Versioned<JointProject>> {
  return repo.projects.require(id);
}

/** One numbered page of joint projects, by date. */
export async function projectPage(repo: Repository, request: PageRequest): Promise<NumberedPage<JointProject>> {
  return numberedPage(repo.projects, {}, request);
}

/** The `limit` newest joint projects (the shortcuts to edit on the form page). */
export async function recentProjects(repo: Repository, limit = defaultPageSize): Promise<JointProject[]> {
  return (await repo.projects.list({ order: 'desc', limit: boundedPageSize(limit) })).map((d) => d.data);
}

/**
 * Save a joint project from the back office's form: create it, or update `editing` at
 * `expectedVersion`; audited in the same transaction.
 */
export async function saveProjectAudited(
  repo: Repository,
  input: unknown,
  editing: Versioned<JointProject> | undefined,
  expectedVersion: number,
  who: Omit<AuditContext, 'repo'>,
): Promise<Versioned<JointProject>> {
  return repo.transaction(async (tx) => {
    const doc = editing ? await updateProject(tx, editing.id, expectedVersion, input) : await createProject(tx, input);
    await audit({ ...who, repo: tx }, editing ? 'project.update' : 'project.create', `projects/${doc.id}`, editing ?? null, doc);
    return doc;
  });
}
