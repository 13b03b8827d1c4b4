import type { Catalogue } from './catalogue-schema.js';
import type { AdministrativeLevel } from './common-schemas.js';
import type { ExperienceReport, Pilot, PilotStatus } from './pilot-schema.js';

/** Filter of {@link findPilots}. @example const f: PilotFilter = { recommendation: 'wartung-2026', level: 'municipality' }; */
export interface PilotFilter {
  /** Only pilots of this recommendation (by id). */
  readonly recommendation?: string;
  /** Only pilots with a participant at this level. */
  readonly level?: AdministrativeLevel;
  /** Only pilots with a participant in this Land (two-digit state key, e.g. `14`); municipality and district keys start with it. */
  readonly stateKey?: string;
  /** Only pilots in these states. */
  readonly status?: readonly PilotStatus[];
}

/**
 * The pilots of a catalogue that match a filter, each with its published experience reports.
 *
 * @example
 * findPilots(exampleCatalogue, { recommendation: 'wartung-2026' }).map((p) => p.pilot.id); // ['pilot-wartung-2026-sachsen']
 */
export function findPilots(catalogue: Catalogue, filter: PilotFilter = {}): { readonly pilot: Pilot; readonly reports: readonly ExperienceReport[] }[] {
  return catalogue.pilots
    .filter((p) => filter.recommendation === undefined || (p.subject.kind === 'recommendation' && p.subject.recommendation === filter.recommendation))
    .filter((p) => filter.level === undefined || p.participants.some((x) => x.jurisdiction.level === filter.level))
    .filter((p) => filter.stateKey === undefined || p.participants.some((x) => x.jurisdiction.key?.startsWith(filter.stateKey ?? '') === true))
    .filter((p) => filter.status === undefined || filter.status.includes(p.status))
    .map((pilot) => ({
      pilot,
      reports: catalogue.experienceReports.filter((r) => r.pilot === pilot.id && r.status.state === 'published'),
    }));
}
