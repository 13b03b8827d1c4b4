import type { IfcWarning } from './errors.js';
import type { IfcModelCore } from './model-types.js';

/** The relationship kinds indexed in the single pass over all IfcRel* instances. */
export type RelationKind =
  | 'aggregates'
  | 'nests'
  | 'contained'
  | 'referenced'
  | 'voids'
  | 'fills'
  | 'group'
  | 'properties'
  | 'type'
  | 'classification'
  | 'material';

/** IFC entity (in schema spelling) whose instances and subtypes make up each kind. */
const relationEntities: readonly (readonly [RelationKind, string, string, string])[] = [
  // kind, entity, relating attribute, related attribute
  ['aggregates', 'IfcRelAggregates', 'RelatingObject', 'RelatedObjects'],
  ['nests', 'IfcRelNests', 'RelatingObject', 'RelatedObjects'],
  ['contained', 'IfcRelContainedInSpatialStructure', 'RelatingStructure', 'RelatedElements'],
  ['referenced', 'IfcRelReferencedInSpatialStructure', 'RelatingStructure', 'RelatedElements'],
  ['voids', 'IfcRelVoidsElement', 'RelatingBuildingElement', 'RelatedOpeningElement'],
  ['fills', 'IfcRelFillsElement', 'RelatingOpeningElement', 'RelatedBuildingElement'],
  ['group', 'IfcRelAssignsToGroup', 'RelatingGroup', 'RelatedObjects'],
  ['properties', 'IfcRelDefinesByProperties', 'RelatingPropertyDefinition', 'RelatedObjects'],
  ['type', 'IfcRelDefinesByType', 'RelatingType', 'RelatedObjects'],
  ['classification', 'IfcRelAssociatesClassification', 'RelatingClassification', 'RelatedObjects'],
  ['material', 'IfcRelAssociatesMaterial', 'RelatingMaterial', 'RelatedObjects'],
];

/** A link from one entity to another through a relationship instance. */
export interface RelationLink {
  /** Express id of the relationship instance (e.g. the IfcRelAssociatesMaterial). */
  readonly rel: number;
  /** Express id of the entity at the other end. */
  readonly id: number;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/**
 * Inverse relations of a model, built once in a single pass over every relationship instance.
 * Maps from an entity to the entities related to it, in both directions.
 */
export class RelationIndex {
  /** part → whole (IfcRelAggregates). */
  readonly aggregatedIn = new Map<number, number>();
  /** whole → parts (IfcRelAggregates). */
  readonly aggregates = new Map<number, number[]>();
  readonly nestedIn = new Map<number, number>();
  readonly nests = new Map<number, number[]>();
  /** element → spatial structure (IfcRelContainedInSpatialStructure). */
  readonly containedIn = new Map<number, number>();
  /** structure → elements, in relation order, possibly repeated across relations. */
  readonly contains = new Map<number, number[]>();
  /** structure → number of IfcRelContainedInSpatialStructure instances relating to it. */
  readonly containmentRels = new Map<number, number>();
  readonly referencedIn = new Map<number, number[]>();
  readonly references = new Map<number, number[]>();
  /** opening → element it voids. */
  readonly voids = new Map<number, number>();
  /** element → openings. */
  readonly openings = new Map<number, number[]>();
  /** element → opening it fills. */
  readonly fills = new Map<number, number>();
  /** opening → filling elements. */
  readonly fillings = new Map<number, number[]>();
  readonly groups = new Map<number, number[]>();
  readonly members = new Map<number, number[]>();
  /** object → property definitions (IfcRelDefinesByProperties). */
  readonly propertyDefinitions = new Map<number, RelationLink[]>();
  /** occurrence → type object (IfcRelDefinesByType). */
  readonly typedBy = new Map<number, number>();
  /** occurrence → the IfcRelDefinesByType instance that links it to its type object. */
  readonly typedByRel = new Map<number, number>();
  readonly instances = new Map<number, number[]>();
  readonly classifications = new Map<number, RelationLink[]>();
  readonly materials = new Map<number, RelationLink[]>();
  /** Number of relationship instances read. */
  relationCount = 0;

  constructor(model: IfcModelCore, warn: (w: Omit<IfcWarning, 'line'> & { offset: number }) => void) {
    const { index, schemaInfo } = model;
    const kinds: (readonly [RelationKind, number, number] | undefined)[] = index.typeNames.map((name) => {
      for (const [kind, entity, relating, related] of relationEntities) {
        if (schemaInfo.isSubtypeOf(name, entity)) {
          return [kind, schemaInfo.attributeIndex(name, relating), schemaInfo.attributeIndex(name, related)] as const;
        }
      }
      return undefined;
    });
    if (!kinds.some(Boolean)) return;
    const { count, types, ids, starts } = index;
    for (let i = 0; i < count; i++) {
      const k = kinds[types[i] as number];
      if (!k) continue;
      const [kind, ia, ib] = k;
      const rel = ids[i] as number;
      const relating: number[] = [];
      const related: number[] = [];
      try {
        index.decoder.refsAt(starts[i] as number, index.ends[i] as number, rel, ia, ib, relating, related);
      } catch (e) {
        const err = e as { code?: IfcWarning['code']; message: string; offset?: number };
        warn({ code: err.code ?? 'syntax', message: err.message, offset: err.offset ?? (starts[i] as number), entityId: rel });
        continue;
      }
      this.relationCount++;
      for (const list of [relating, related]) {
        for (let r = 0; r < list.length; r++) {
          const id = list[r] as number;
          if (index.indexOf(id) >= 0) continue;
          warn({
            code: 'dangling-reference',
            message: `Beziehung verweist auf fehlende Entität #${id} / relationship refers to missing entity #${id}`,
            offset: starts[i] as number,
            entityId: rel,
          });
        }
      }
      const a = relating[0];
      if (a === undefined) continue;
      switch (kind) {
        case 'aggregates':
        case 'nests': {
          const up = kind === 'aggregates' ? this.aggregatedIn : this.nestedIn;
          const down = kind === 'aggregates' ? this.aggregates : this.nests;
          for (const b of related) {
            up.set(b, a);
            push(down, a, b);
          }
          break;
        }
        case 'contained':
          this.containmentRels.set(a, (this.containmentRels.get(a) ?? 0) + 1);
          for (const b of related) {
            this.containedIn.set(b, a);
            push(this.contains, a, b);
          }
          break;
        case 'referenced':
          for (const b of related) {
            push(this.referencedIn, b, a);
            push(this.references, a, b);
          }
          break;
        case 'voids':
          for (const b of related) {
            this.voids.set(b, a);
            push(this.openings, a, b);
          }
          break;
        case 'fills':
          for (const b of related) {
            this.fills.set(b, a);
            push(this.fillings, a, b);
          }
          break;
        case 'group':
          for (const b of related) {
            push(this.groups, b, a);
            push(this.members, a, b);
          }
          break;
        case 'properties':
          for (const b of related) for (const p of relating) push(this.propertyDefinitions, b, { rel, id: p });
          break;
        case 'type':
          for (const b of related) {
            this.typedBy.set(b, a);
            this.typedByRel.set(b, rel);
            push(this.instances, a, b);
          }
          break;
        case 'classification':
          for (const b of related) push(this.classifications, b, { rel, id: a });
          break;
        case 'material':
          for (const b of related) push(this.materials, b, { rel, id: a });
          break;
      }
    }
  }
}

/**
 * Direct relations of one entity (see `IfcModel.relations`).
 *
 * @example
 * model.relations(doorId).fills; // the opening the door fills
 */
export interface EntityRelations {
  /** The whole this is a part of, through IfcRelAggregates. */
  readonly aggregatedIn: number | undefined;
  /** Its parts through IfcRelAggregates. */
  readonly aggregates: readonly number[];
  /** The object this is nested in, through IfcRelNests. */
  readonly nestedIn: number | undefined;
  /** Objects nested in this one through IfcRelNests. */
  readonly nests: readonly number[];
  /** The spatial structure element containing this element (IfcRelContainedInSpatialStructure). */
  readonly containedIn: number | undefined;
  /** Elements contained in this spatial structure element, distinct. */
  readonly contains: readonly number[];
  /** Spatial structure elements referencing this element (IfcRelReferencedInSpatialStructure). */
  readonly referencedIn: readonly number[];
  /** For an opening: the element it voids (IfcRelVoidsElement). */
  readonly voids: number | undefined;
  /** For an element: its openings (IfcRelVoidsElement). */
  readonly openings: readonly number[];
  /** For a door or window: the opening it fills (IfcRelFillsElement). */
  readonly fills: number | undefined;
  /** For an opening: the elements filling it (IfcRelFillsElement). */
  readonly fillings: readonly number[];
  /** Groups (IfcGroup, IfcSystem, IfcZone …) this object is assigned to (IfcRelAssignsToGroup). */
  readonly groups: readonly number[];
  /** For a group: its members. */
  readonly members: readonly number[];
  /** The type object (IfcRelDefinesByType). */
  readonly type: number | undefined;
  /** For a type object: its occurrences. */
  readonly instances: readonly number[];
}

const none: readonly number[] = Object.freeze([]);

/** Reads the direct relations of `id` from the index. */
export function relationsOf(r: RelationIndex, id: number): EntityRelations {
  const contains = r.contains.get(id);
  return {
    aggregatedIn: r.aggregatedIn.get(id),
    aggregates: r.aggregates.get(id) ?? none,
    nestedIn: r.nestedIn.get(id),
    nests: r.nests.get(id) ?? none,
    containedIn: r.containedIn.get(id),
    contains: contains ? [...new Set(contains)] : none,
    referencedIn: r.referencedIn.get(id) ?? none,
    voids: r.voids.get(id),
    openings: r.openings.get(id) ?? none,
    fills: r.fills.get(id),
    fillings: r.fillings.get(id) ?? none,
    groups: r.groups.get(id) ?? none,
    members: r.members.get(id) ?? none,
    type: r.typedBy.get(id),
    instances: r.instances.get(id) ?? none,
  };
}

/**
 * The relationship entities understood by `IfcModel.partOf`, as named in IDS 1.0.
 *
 * @example
 * model.partOf(spaceId, 'IFCRELAGGREGATES' satisfies PartOfRelation);
 */
export type PartOfRelation =
  | 'IFCRELAGGREGATES'
  | 'IFCRELASSIGNSTOGROUP'
  | 'IFCRELCONTAINEDINSPATIALSTRUCTURE'
  | 'IFCRELNESTS'
  | 'IFCRELVOIDSELEMENT'
  | 'IFCRELFILLSELEMENT';

/** The direct wholes of `id` through one relationship. */
export function wholesOf(r: RelationIndex, id: number, relation: PartOfRelation): number[] {
  const one = (v: number | undefined): number[] => (v === undefined ? [] : [v]);
  switch (relation) {
    case 'IFCRELAGGREGATES':
      return one(r.aggregatedIn.get(id));
    case 'IFCRELNESTS':
      return one(r.nestedIn.get(id));
    case 'IFCRELCONTAINEDINSPATIALSTRUCTURE':
      return one(r.containedIn.get(id));
    case 'IFCRELVOIDSELEMENT':
      return one(r.voids.get(id));
    case 'IFCRELFILLSELEMENT':
      return one(r.fills.get(id));
    case 'IFCRELASSIGNSTOGROUP':
      return [...(r.groups.get(id) ?? [])];
  }
}
