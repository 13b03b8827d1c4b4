import { shareCosts, type CostParticipant, type CostShareResult, type RulesOfProcedure } from '@foederal/membership';
import type { LocalizedText } from '@foederal/recommendations';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';

/** A joint project whose costs the participants share. */
export interface JointProject {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Total in euro cents. */
  readonly total: number;
  /** Date that picks the Königsteiner Schlüssel table. */
  readonly date: string;
  readonly participants: readonly CostParticipant[];
  /** Optional link to the pilot or recommendation the project implements. */
  readonly pilot?: string;
}

/** Compute the shares with `shareCosts` of `@foederal/membership` under the body's rules. */
export function computeShares(project: Pick<JointProject, 'total' | 'date' | 'participants'>, rules: RulesOfProcedure): CostShareResult {
  try {
    return shareCosts({ total: project.total, rules, date: project.date, participants: project.participants });
  } catch (error) {
    throw new AppError('validation', error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export async function saveProject(repo: Repository, project: JointProject): Promise<Versioned<JointProject>> {
  return (await repo.projects.create(project.id, project, { sortKey: `${project.date}|${project.id}`, search: `${project.title.de} ${project.title.en ?? ''}` })) as Versioned<JointProject>;
}
