import type { IfcEntity, IfcModelCore } from './model-types.js';
import type { PropertySource } from './properties.js';
import type { RelationIndex, RelationLink } from './relations.js';
import { isReference, type StepValue } from './step/values.js';

/**
 * A classification of an object (IfcRelAssociatesClassification).
 *
 * @example
 * model.classifications(wallId)[0]?.identification; // 'EF_25_10'
 */
export interface IfcClassificationRef {
  /** Express id of the IfcClassificationReference, or of the IfcClassification when the object refers to the system itself. */
  readonly id: number;
  /** Express id of the IfcRelAssociatesClassification. */
  readonly rel: number;
  /** Upper-case type of `id`. */
  readonly type: string;
  /** Name of the classification system (IfcClassification.Name), e.g. `Uniclass 2015`. */
  readonly system: string | null;
  /** Express id of the IfcClassification, when found. */
  readonly systemId: number | undefined;
  readonly edition: string | null;
  /** IfcClassificationReference.Identification (IFC4) or ItemReference (IFC2X3), e.g. `EF_25_10`. */
  readonly identification: string | null;
  readonly name: string | null;
  readonly location: string | null;
  /** Identifications of parent references between this reference and the system, nearest first. */
  readonly parents: readonly string[];
  readonly source: PropertySource;
}

/**
 * One layer, profile or constituent of a material set.
 *
 * @example
 * model.materials(wallId)[0]?.parts.map((p) => [p.name, p.thickness]); // [['Core', 0.2], …]
 */
export interface IfcMaterialPart {
  readonly id: number;
  readonly type: string;
  readonly name: string | null;
  readonly category: string | null;
  readonly material: IfcMaterialInfo | null;
  /** Layer thickness (layers only). */
  readonly thickness?: number | null;
  /** Constituent fraction (constituents only). */
  readonly fraction?: number | null;
}

/**
 * An IfcMaterial.
 *
 * @example
 * model.materials(wallId)[0]?.materials[0]?.name; // 'Beton'
 */
export interface IfcMaterialInfo {
  readonly id: number;
  readonly name: string | null;
  readonly category: string | null;
  readonly description: string | null;
}

/**
 * A material assignment (IfcRelAssociatesMaterial), resolved through usages and sets.
 *
 * @example
 * model.materials(wallId)[0]?.kind; // 'layerSet'
 */
export interface IfcMaterialAssignment {
  /** Express id of the relating material definition (material, set, usage or list). */
  readonly id: number;
  readonly rel: number;
  readonly type: string;
  /** `material`, `list`, `layerSet`, `profileSet`, `constituentSet`, `layer`, `profile`, `constituent`. */
  readonly kind: string;
  /** Name of the set (LayerSetName, profile/constituent set Name) or of the single material. */
  readonly name: string | null;
  /** Every distinct IfcMaterial reached. */
  readonly materials: readonly IfcMaterialInfo[];
  /** Layers, profiles or constituents in order. */
  readonly parts: readonly IfcMaterialPart[];
  /** Express id of the layer/profile set usage, when the assignment went through one. */
  readonly usage?: number;
  readonly source: PropertySource;
}

const str = (v: StepValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: StepValue | undefined): number | null => (typeof v === 'number' ? v : null);
const ref = (v: StepValue | undefined): number | undefined => (isReference(v) ? v.id : undefined);
const refs = (v: StepValue | undefined): number[] =>
  Array.isArray(v) ? v.filter(isReference).map((r) => r.id) : isReference(v) ? [v.id] : [];

function safeGet(model: IfcModelCore, id: number | undefined): IfcEntity | undefined {
  if (id === undefined) return undefined;
  try {
    return model.get(id);
  } catch {
    return undefined;
  }
}

/** Links of `id`, then of its type object (marked `type`). */
function withType(
  rel: RelationIndex,
  map: Map<number, RelationLink[]>,
  id: number,
  inherit: boolean,
): { link: RelationLink; source: PropertySource }[] {
  const own = (map.get(id) ?? []).map((link) => ({ link, source: 'occurrence' as const }));
  const typeId = inherit ? rel.typedBy.get(id) : undefined;
  if (typeId === undefined) return own;
  return [...own, ...(map.get(typeId) ?? []).map((link) => ({ link, source: 'type' as const }))];
}

/** Resolves the classifications of `id` (and of its type object unless `inherit` is false). */
export function classificationsOf(model: IfcModelCore, rel: RelationIndex, id: number, inherit = true): IfcClassificationRef[] {
  const out: IfcClassificationRef[] = [];
  for (const { link, source } of withType(rel, rel.classifications, id, inherit)) {
    const e = safeGet(model, link.id);
    if (!e) continue;
    const a = e.attributes;
    const isSystem = model.schemaInfo.isSubtypeOf(e.type, 'IfcClassification');
    const parents: string[] = [];
    let systemEntity: IfcEntity | undefined = isSystem ? e : undefined;
    if (!isSystem) {
      // walk ReferencedSource up to the IfcClassification
      let next = ref(a['ReferencedSource']);
      const seen = new Set<number>([e.id]);
      while (next !== undefined && !seen.has(next)) {
        seen.add(next);
        const p = safeGet(model, next);
        if (!p) break;
        if (model.schemaInfo.isSubtypeOf(p.type, 'IfcClassification')) {
          systemEntity = p;
          break;
        }
        const pid = str(p.attributes['Identification']) ?? str(p.attributes['ItemReference']);
        if (pid !== null) parents.push(pid);
        next = ref(p.attributes['ReferencedSource']);
      }
    }
    let identification: string | null = null;
    if (!isSystem) {
      identification = str(a['Identification']) ?? str(a['ItemReference']);
      if (identification === null && e.type === 'IFCCLASSIFICATIONNOTATION') {
        identification = refs(a['NotationFacets'])
          .map((f) => str(safeGet(model, f)?.args[0]))
          .filter((s): s is string => s !== null)
          .join('.');
      }
    }
    out.push({
      id: e.id,
      rel: link.rel,
      type: e.type,
      system: systemEntity ? str(systemEntity.attributes['Name']) : null,
      systemId: systemEntity?.id,
      edition: systemEntity ? str(systemEntity.attributes['Edition']) : null,
      identification,
      name: isSystem ? str(a['Name']) : str(a['Name']),
      location: str(a['Location']) ?? (systemEntity ? str(systemEntity.attributes['Location']) : null),
      parents,
      source,
    });
  }
  return out;
}

function material(model: IfcModelCore, id: number | undefined): IfcMaterialInfo | null {
  const e = safeGet(model, id);
  if (!e || !model.schemaInfo.isSubtypeOf(e.type, 'IfcMaterial')) return null;
  return {
    id: e.id,
    name: str(e.attributes['Name']),
    category: str(e.attributes['Category']),
    description: str(e.attributes['Description']),
  };
}

function part(model: IfcModelCore, e: IfcEntity): IfcMaterialPart {
  const a = e.attributes;
  const base = {
    id: e.id,
    type: e.type,
    name: str(a['Name']),
    category: str(a['Category']),
    material: material(model, ref(a['Material'])),
  };
  if ('LayerThickness' in a) return { ...base, thickness: num(a['LayerThickness']) };
  if ('Fraction' in a) return { ...base, fraction: num(a['Fraction']) };
  return base;
}

/** Resolves one material definition into an assignment. */
function resolveMaterial(model: IfcModelCore, id: number, relId: number, source: PropertySource): IfcMaterialAssignment | null {
  const s = model.schemaInfo;
  let e = safeGet(model, id);
  if (!e) return null;
  const root = e;
  let usage: number | undefined;
  if (s.isSubtypeOf(e.type, 'IfcMaterialLayerSetUsage')) {
    usage = e.id;
    e = safeGet(model, ref(e.attributes['ForLayerSet']));
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialProfileSetUsage')) {
    usage = e.id;
    e = safeGet(model, ref(e.attributes['ForProfileSet']));
  }
  if (!e) return null;
  const a = e.attributes;
  let kind = 'material';
  let name: string | null = null;
  let parts: IfcMaterialPart[] = [];
  let materials: IfcMaterialInfo[] = [];
  const partsOf = (list: StepValue | undefined): IfcMaterialPart[] =>
    refs(list)
      .map((p) => safeGet(model, p))
      .filter((p): p is IfcEntity => p !== undefined)
      .map((p) => part(model, p));
  if (s.isSubtypeOf(e.type, 'IfcMaterial')) {
    const m = material(model, e.id);
    name = m?.name ?? null;
    materials = m ? [m] : [];
  } else if (e.type === 'IFCMATERIALLIST') {
    kind = 'list';
    materials = refs(a['Materials'])
      .map((m) => material(model, m))
      .filter((m): m is IfcMaterialInfo => m !== null);
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialLayerSet')) {
    kind = 'layerSet';
    name = str(a['LayerSetName']);
    parts = partsOf(a['MaterialLayers']);
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialProfileSet')) {
    kind = 'profileSet';
    name = str(a['Name']);
    parts = partsOf(a['MaterialProfiles']);
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialConstituentSet')) {
    kind = 'constituentSet';
    name = str(a['Name']);
    parts = partsOf(a['MaterialConstituents']);
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialLayer')) {
    kind = 'layer';
    parts = [part(model, e)];
    name = parts[0]?.name ?? null;
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialProfile')) {
    kind = 'profile';
    parts = [part(model, e)];
    name = parts[0]?.name ?? null;
  } else if (s.isSubtypeOf(e.type, 'IfcMaterialConstituent')) {
    kind = 'constituent';
    parts = [part(model, e)];
    name = parts[0]?.name ?? null;
  } else {
    return null;
  }
  if (parts.length) {
    const seen = new Set<number>();
    materials = parts
      .map((p) => p.material)
      .filter((m): m is IfcMaterialInfo => m !== null && !seen.has(m.id) && seen.add(m.id) !== undefined);
  }
  return {
    id: root.id,
    rel: relId,
    type: e.type,
    kind,
    name,
    materials,
    parts,
    ...(usage !== undefined ? { usage } : {}),
    source,
  };
}

/** Resolves the materials of `id` (and of its type object unless `inherit` is false). */
export function materialsOf(model: IfcModelCore, rel: RelationIndex, id: number, inherit = true): IfcMaterialAssignment[] {
  const out: IfcMaterialAssignment[] = [];
  for (const { link, source } of withType(rel, rel.materials, id, inherit)) {
    const m = resolveMaterial(model, link.id, link.rel, source);
    if (m) out.push(m);
  }
  return out;
}
