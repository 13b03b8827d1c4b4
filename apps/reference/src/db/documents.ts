import type { Body, JointProject } from '@foederal/publication';
import type { Consultation, Contribution, ExperienceReport, Pilot, Recommendation } from '@foederal/recommendations';
import type { Meeting } from '../domain/meeting-schema.js';
import type { ModelSummary } from '../domain/model-summary.js';
import type { VoteRecord } from '../domain/vote-record.js';

/**
 * What each document table holds: the type of `data` in every row (ADR 0170). The repository's
 * stores are typed from this map, so reads need no cast. The types are those the domain
 * validates before it writes (zod schemas of `@foederal/recommendations`, `@foederal/publication`
 * and the app's meeting schema) or builds itself (votes, models); rows written under an older
 * shape are brought forward by a migration (`migrations.ts`), never by a cast at a read.
 *
 * @example
 * type StoredVote = DocumentTypes['votes']; // VoteRecord
 */
export interface DocumentTypes {
  /** The current state of each recommendation (`@foederal/recommendations`, validated by `check('Recommendation')`). */
  readonly recommendations: Recommendation;
  /** One snapshot per published edition (`<id>@<version>`), the same shape as the recommendation. */
  readonly editions: Recommendation;
  /** A consultation without its contributions (`contributions: []`): they live in their own table. */
  readonly consultations: Consultation;
  /** One contribution per row (`<consultation>/<contribution>`). */
  readonly contributions: Contribution;
  /** A recorded or imported decision with its scenario and result. */
  readonly votes: VoteRecord;
  /** The one body (`arbeitskreis`), validated with the contract's body schema. */
  readonly bodies: Body;
  /** An uploaded IFC model: its analysis, progress and IDS checks. */
  readonly models: ModelSummary;
  readonly pilots: Pilot;
  /** Experience reports of pilots (`<pilot>/<report>`). */
  readonly reports: ExperienceReport;
  /** Joint projects whose costs the participants share (the contract's `JointProject`). */
  readonly projects: JointProject;
  /** Meetings of the body with their agenda. */
  readonly meetings: Meeting;
}
