import type { IfcModelCore } from './model-types.js';
import type { RelationIndex } from './relations.js';
import type { StepValue } from './step/values.js';

/**
 * A node of the spatial structure: project, site, building, storey, space, facility, zone…
 *
 * @example
 * const storey: SpatialNode = model.spatialTree().projects[0]!.children[0]!.children[0]!.children[0]!;
 */
export interface SpatialNode {
  /** Express id. */
  readonly id: number;
  /** Upper-case type, e.g. `IFCBUILDINGSTOREY`. */
  readonly type: string;
  readonly globalId: string | null;
  readonly name: string | null;
  readonly longName: string | null;
  /** Storeys only: Elevation as a number (project length unit), or null when unset. */
  readonly elevation?: number | null;
  /** Storeys only: the Elevation token as written. */
  readonly elevationRaw?: string | null;
  /** Number of distinct elements contained through IfcRelContainedInSpatialStructure. */
  readonly containedElements: number;
  /** Number of IfcRelContainedInSpatialStructure instances relating to this node. */
  readonly containmentRels: number;
  /** Contained elements per upper-case type. */
  readonly containedByType: Readonly<Record<string, number>>;
  /** Non-spatial objects aggregated under this node (e.g. an IfcAlignment), per type. */
  readonly aggregatedNonSpatial: Readonly<Record<string, number>>;
  /** Spatial children through IfcRelAggregates, by express id. */
  readonly children: readonly SpatialNode[];
}

/**
 * The spatial structure of a model.
 *
 * @example
 * const { projects, unattached } = model.spatialTree();
 */
export interface SpatialTree {
  /** Every IfcProject with its tree, by express id. */
  readonly projects: readonly SpatialNode[];
  /** Spatial elements not reachable from a project (e.g. a free IfcSpatialZone), with their trees. */
  readonly unattached: readonly SpatialNode[];
}

const str = (v: StepValue | undefined): string | null => (typeof v === 'string' ? v : null);

/** The supertype of all spatial elements in the model's schema. */
export function spatialRoot(model: IfcModelCore): string {
  return model.schema === 'IFC2X3' ? 'IfcSpatialStructureElement' : 'IfcSpatialElement';
}

/** Builds the spatial tree. */
export function buildSpatialTree(model: IfcModelCore, rel: RelationIndex): SpatialTree {
  const root = spatialRoot(model);
  const isSpatial = (id: number): boolean => model.isA(id, root);
  const visited = new Set<number>();

  const node = (id: number, depth: number): SpatialNode => {
    visited.add(id);
    const e = model.get(id);
    const type = e?.type ?? '';
    const a = e?.attributes ?? {};
    const contained = [...new Set(rel.contains.get(id) ?? [])];
    const containedByType: Record<string, number> = {};
    for (const c of contained) {
      const t = model.typeOf(c) ?? '?';
      containedByType[t] = (containedByType[t] ?? 0) + 1;
    }
    const parts = [...new Set(rel.aggregates.get(id) ?? [])].sort((x, y) => x - y);
    const aggregatedNonSpatial: Record<string, number> = {};
    const children: SpatialNode[] = [];
    for (const p of parts) {
      if (isSpatial(p) && !visited.has(p) && depth < 64) children.push(node(p, depth + 1));
      else if (!isSpatial(p)) {
        const t = model.typeOf(p) ?? '?';
        aggregatedNonSpatial[t] = (aggregatedNonSpatial[t] ?? 0) + 1;
      }
    }
    const out: SpatialNode = {
      id,
      type,
      globalId: str(a['GlobalId']),
      name: str(a['Name']),
      longName: str(a['LongName']),
      containedElements: contained.length,
      containmentRels: rel.containmentRels.get(id) ?? 0,
      containedByType,
      aggregatedNonSpatial,
      children,
    };
    if (model.schemaInfo.isSubtypeOf(type, 'IfcBuildingStorey')) {
      const k = model.schemaInfo.attributeIndex(type, 'Elevation');
      const v = e?.args[k];
      const raw = v === null || v === undefined ? null : (model.rawArgs(id)?.[k] ?? null);
      return { ...out, elevation: typeof v === 'number' ? v : null, elevationRaw: raw };
    }
    return out;
  };

  const projects = model.ofType('IfcProject', { includeSubtypes: true }).sort((x, y) => x - y).map((p) => node(p, 0));
  const unattached: SpatialNode[] = [];
  const rest = model
    .ofType(root, { includeSubtypes: true })
    .filter((id) => !visited.has(id))
    .sort((x, y) => x - y);
  const restSet = new Set(rest);
  for (const id of rest) {
    if (visited.has(id)) continue;
    // start from the top of a detached tree only
    const up = rel.aggregatedIn.get(id);
    if (up !== undefined && restSet.has(up)) continue;
    unattached.push(node(id, 0));
  }
  for (const id of rest) if (!visited.has(id)) unattached.push(node(id, 0));
  return { projects, unattached };
}

/** Number of spatial elements per upper-case type. */
export function spatialCounts(model: IfcModelCore): Record<string, number> {
  const out: Record<string, number> = {};
  const counts = model.typeCounts();
  for (const [t, n] of Object.entries(counts)) {
    if (model.schemaInfo.isSubtypeOf(t, spatialRoot(model))) out[t] = n;
  }
  return out;
}
