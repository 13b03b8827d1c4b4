import type { Din277AreaKey } from '@foederal/building-data';
import type { IdsReport } from '@foederal/ids';

// A leaf module (no import of the repository): the table-to-type map of the db layer
// (`src/db/documents.ts`) names these types without an import cycle (ADR 0170).

/** A space as the building-data page shows it. */
export interface SpaceSummary {
  readonly name: string;
  readonly longName: string | null;
  readonly globalId: string | null;
  /** Net floor area (m²) from `Qto_SpaceBaseQuantities.NetFloorArea`, when present. */
  readonly netArea: number | null;
  /** DIN 277 category from the space's classification, e.g. `NUF 5`. */
  readonly din277: string | null;
}

/** What the app keeps about an uploaded model. */
export interface ModelSummary {
  readonly id: string;
  /** `reading` while the model is indexed, then `ready` or `failed`. */
  readonly state: 'reading' | 'ready' | 'failed';
  /** Percent of bytes read so far. */
  readonly progress: number;
  readonly error?: string;
  readonly name: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
  readonly schema: string;
  readonly entities: number;
  readonly buildings: ReadonlyArray<{ name: string | null; storeys: ReadonlyArray<{ name: string | null; longName: string | null; elevation: number | null; elements: number; spaces: SpaceSummary[] }> }>;
  /** Net room area per DIN 277 key (`nuf1`…`nuf7`, `tf`, `vf`, `nuf`, `nrf`), m². */
  readonly areas: Partial<Record<Din277AreaKey, number>>;
  /** Spaces without a net floor area (not in the sums). */
  readonly spacesWithoutArea: number;
  readonly checks: ReadonlyArray<ModelCheck>;
}

/** One IDS check of a model: queued (a job runs it), done (report stored) or failed. */
export interface ModelCheck {
  readonly id: string;
  readonly ids: string;
  readonly at: string;
  /** Absent on checks stored before checks became jobs: those are done. */
  readonly state?: 'queued' | 'done' | 'failed';
  readonly error?: string;
  readonly passed: boolean;
  readonly summary: IdsReport['summary'];
}
