import type { IfcPropertyDefinitionLink, IfcSchema, IfcSchemaName, StepValue } from '@foederal/ifc';
import type { PartOfRelation } from './model.js';
import type { IfcScalar } from './values.js';

/**
 * One decoded entity as the checker needs it (a subset of `@foederal/ifc`'s `IfcEntity`).
 *
 * @example
 * const wall: IdsModelEntity | undefined = model.get(42); // { id: 42, type: 'IFCWALL', attributes: { Name: 'W1', … } }
 */
export interface IdsModelEntity {
  readonly id: number;
  /** Upper-case type name as written, e.g. `IFCWALL`. */
  readonly type: string;
  /** Explicit attributes by schema name. */
  readonly attributes: Readonly<Record<string, StepValue>>;
}

/**
 * A classification of an entity as `@foederal/ifc` resolves it (the fields the checker reads).
 *
 * @example
 * model.classifications(42); // [{ system: 'DIN 276', identification: '331', parents: ['330'], source: 'occurrence' }]
 */
export interface IdsModelClassification {
  /** Name of the IfcClassification at the root, null when the chain has none. */
  readonly system: string | null;
  /** Identification (IFC4) or ItemReference (IFC2X3) of the reference itself. */
  readonly identification: string | null;
  /** Identifications of the parent references, nearest first. */
  readonly parents: readonly string[];
  /** Whether it is the entity's own or inherited from its type object. */
  readonly source: 'occurrence' | 'type';
}

/**
 * A material assignment as `@foederal/ifc` resolves it (the fields the checker reads).
 *
 * @example
 * model.materials(42).flatMap((m) => m.materials.map((x) => x.name)); // ['Beton C25/30']
 */
export interface IdsModelMaterial {
  /** Name of the set (layer set name, profile set or constituent set name) or material. */
  readonly name: string | null;
  /** Every IfcMaterial reached. */
  readonly materials: readonly { readonly name: string | null; readonly category: string | null }[];
  /** Layers, profiles or constituents. */
  readonly parts: readonly { readonly name: string | null; readonly category: string | null }[];
  readonly source: 'occurrence' | 'type';
}

/**
 * The relations the partOf facet walks, as `@foederal/ifc` names them.
 *
 * @example
 * model.partOf(42, 'IFCRELCONTAINEDINSPATIALSTRUCTURE'); // [7] (the storey)
 */
export type IdsModelPartOf =
  | 'IFCRELAGGREGATES'
  | 'IFCRELASSIGNSTOGROUP'
  | 'IFCRELCONTAINEDINSPATIALSTRUCTURE'
  | 'IFCRELNESTS'
  | 'IFCRELVOIDSELEMENT'
  | 'IFCRELFILLSELEMENT';

/**
 * A property-definition link as `@foederal/ifc` gives it (the fields the checker reads).
 *
 * @example
 * model.propertyDefinitions(42); // [{ definition: 20, source: 'occurrence', … }, { definition: 31, source: 'type', … }]
 */
export type IdsModelPropertyDefinition = Pick<IfcPropertyDefinitionLink, 'definition' | 'source'>;

/**
 * What {@link checkIds} needs from an IFC model: entities and type lists, the type object of an
 * entity, the property definitions attached to it (own and inherited from the type object), the
 * wholes it is part of, its classifications and materials. `@foederal/ifc`'s
 * `IfcModel` (from `parseIfc` / `openIfc`) satisfies it as is; other readers can be adapted.
 *
 * @example
 * const model: IdsModel = parseIfc(readFileSync('schule.ifc'));
 * checkIds(ids, model);
 */
export interface IdsModel {
  readonly schema: IfcSchemaName;
  readonly schemaInfo: IfcSchema;
  get(id: number): IdsModelEntity | undefined;
  ofType(type: string, options?: { readonly includeSubtypes?: boolean }): readonly number[];
  typeCounts(): Record<string, number>;
  /** Direct relations; the checker reads the type object (IfcRelDefinesByType). */
  relations(id: number): { readonly type: number | undefined };
  /**
   * Property, quantity and predefined property sets attached to `id`: its own (IfcRelDefinesByProperties;
   * for a type object also HasPropertySets) and, with `source: 'type'`, its type object's.
   */
  propertyDefinitions(id: number): readonly IdsModelPropertyDefinition[];
  /** Direct wholes of `id` through one relationship. */
  partOf(id: number, relation: IdsModelPartOf): readonly number[];
  /** Classifications of `id`, its own and its type object's. */
  classifications(id: number): readonly IdsModelClassification[];
  /** Material assignments of `id`, its own and its type object's. */
  materials(id: number): readonly IdsModelMaterial[];
}

/** A value found in the model: a scalar, `null` (unset or empty), or a non-scalar (object, list, select of an object). */
export type FoundValue = IfcScalar | null | { readonly kind: 'object' };

/** One property (or quantity) with its values, its data type (e.g. `IFCLABEL`) and its source. */
export interface FoundProperty {
  readonly name: string;
  readonly values: readonly FoundValue[];
  /**
   * The IFC type of each value (same order as `values`): a list or table property may mix types,
   * e.g. an IfcPropertyTableValue with IfcLabel defining and IfcLengthMeasure defined values.
   */
  readonly valueTypes: readonly (string | undefined)[];
  /** The first value's type, for reports. */
  readonly dataType: string | undefined;
  /** False for complex and reference properties, which IDS cannot check. */
  readonly supported: boolean;
}

/** A property set or quantity set as seen on one element (type sets merged, occurrence wins). */
export interface FoundPropertySet {
  readonly name: string;
  readonly properties: ReadonlyMap<string, FoundProperty>;
}

/** A classification of an element: its system name and reference codes (with the ancestors'). */
export interface FoundClassification {
  readonly system: string | null;
  readonly values: readonly string[];
}

const QUANTITY_TYPES: Record<string, [string, string]> = {
  IFCQUANTITYLENGTH: ['LengthValue', 'IFCLENGTHMEASURE'],
  IFCQUANTITYAREA: ['AreaValue', 'IFCAREAMEASURE'],
  IFCQUANTITYVOLUME: ['VolumeValue', 'IFCVOLUMEMEASURE'],
  IFCQUANTITYCOUNT: ['CountValue', 'IFCCOUNTMEASURE'],
  IFCQUANTITYWEIGHT: ['WeightValue', 'IFCMASSMEASURE'],
  IFCQUANTITYTIME: ['TimeValue', 'IFCTIMEMEASURE'],
  IFCQUANTITYNUMBER: ['NumberValue', 'IFCNUMERICMEASURE'],
};

const SI_PREFIX: Record<string, number> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

const MEASURE_ALIASES: Record<string, string> = {
  IFCPOSITIVELENGTHMEASURE: 'IFCLENGTHMEASURE',
  IFCNONNEGATIVELENGTHMEASURE: 'IFCLENGTHMEASURE',
  IFCPOSITIVEPLANEANGLEMEASURE: 'IFCPLANEANGLEMEASURE',
};

interface Conversion {
  readonly scale: number;
  readonly offset: number;
}

const isObj = (v: StepValue | undefined): v is Exclude<StepValue, null | boolean | number | string | readonly StepValue[]> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const refId = (v: StepValue | undefined): number | undefined => (isObj(v) && v.kind === 'ref' ? v.id : undefined);
/** Referenced ids in a value: `#1`, `(#1,#2)`, or a typed list such as `IFCPROPERTYSETDEFINITIONSET((#1,#2))`. */
const refs = (v: StepValue | undefined): number[] => {
  if (isObj(v) && v.kind === 'typed') return refs(v.value);
  if (Array.isArray(v)) return (v as readonly StepValue[]).map(refId).filter((x): x is number => x !== undefined);
  const one = refId(v);
  return one === undefined ? [] : [one];
};
const str = (v: StepValue | undefined): string | null => {
  if (typeof v === 'string') return v;
  if (isObj(v) && v.kind === 'typed') return str(v.value);
  if (isObj(v) && v.kind === 'enum') return v.value;
  return null;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Read-only views over an {@link IdsModel} with IDS semantics: type objects, wholes, the
 * property-definition links (own and inherited), classifications and materials come from the
 * model (`@foederal/ifc`), with the IDS override rules applied; the property sets those links name
 * (values with their IFC types and units, predefined sets) and the project units are decoded here,
 * each property set once per set id.
 */
export class ModelView {
  readonly model: IdsModel;
  readonly schema: IfcSchema;
  #externalRefs?: Map<number, number[]>;
  #units?: Map<string, Conversion>;
  /** Decoded property sets by their id: sets are shared by many elements (type objects). */
  readonly #setById = new Map<number, { name: string; properties: Map<string, FoundProperty> } | null>();
  #lastPsets: { id: number; sets: FoundPropertySet[] } | undefined;

  constructor(model: IdsModel) {
    this.model = model;
    this.schema = model.schemaInfo;
  }

  /** Entities that could not be decoded (malformed STEP), at most 100, each once. */
  readonly problems: { id: number; message: string }[] = [];
  readonly #failed = new Set<number>();

  get(id: number): IdsModelEntity | undefined {
    // No generic cache: decoding is cheap, and holding many decoded entities costs more in GC.
    try {
      return this.model.get(id);
    } catch (error) {
      if (!this.#failed.has(id)) {
        this.#failed.add(id);
        if (this.problems.length < 100) this.problems.push({ id, message: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    }
  }

  #ofType(type: string): readonly number[] {
    return this.schema.entity(type) ? this.model.ofType(type, { includeSubtypes: true }) : [];
  }

  /** The type object of an occurrence (IfcRelDefinesByType), if any. */
  typeObjectOf(id: number): number | undefined {
    return this.model.relations(id).type;
  }

  /**
   * Predefined type as IDS defines it: the type object's wins over the occurrence's; `USERDEFINED`
   * also matches the custom name (ObjectType, ElementType or ProcessType). Returns the candidate
   * values (empty when none is set).
   */
  predefinedTypes(id: number): string[] {
    const own = (eid: number): string[] => {
      const e = this.get(eid);
      if (!e) return [];
      const pt = str(e.attributes['PredefinedType']);
      const out: string[] = pt === null ? [] : [pt];
      if (pt === 'USERDEFINED' || pt === null) {
        const custom = str(e.attributes['ObjectType']) ?? str(e.attributes['ElementType']) ?? str(e.attributes['ProcessType']);
        if (custom !== null && custom !== '') out.push(custom);
      }
      return out;
    };
    const type = this.typeObjectOf(id);
    if (type !== undefined) {
      const fromType = own(type);
      if (fromType.length > 0 && !(fromType.length === 1 && fromType[0] === 'NOTDEFINED')) return fromType;
    }
    return own(id);
  }

  /** Whether an element has any property or quantity set, its own or its type object's (no decoding). */
  hasPropertySets(id: number): boolean {
    return this.model.propertyDefinitions(id).length > 0;
  }

  /**
   * Property and quantity sets of an element, including those of its type object: IDS reads them
   * through `@foederal/ifc`'s `propertyDefinitions` (one view of IfcRelDefinesByProperties,
   * HasPropertySets and IfcRelDefinesByType for both packages). Sets of the same name merge, and
   * an occurrence's property overrides its type's property of the same name.
   */
  propertySets(id: number): FoundPropertySet[] {
    if (this.#lastPsets?.id === id) return this.#lastPsets.sets;
    const merged = new Map<string, Map<string, FoundProperty>>();
    const add = (setId: number) => {
      const set = this.#set(setId);
      if (!set) return;
      const props = merged.get(set.name);
      if (!props) merged.set(set.name, set.properties);
      else merged.set(set.name, new Map([...props, ...set.properties]));
    };
    const links = this.model.propertyDefinitions(id);
    // Type sets first so that the occurrence's own properties, added after, win.
    for (const l of links) if (l.source === 'type') add(l.definition);
    for (const l of links) if (l.source !== 'type') add(l.definition);
    const sets = [...merged].map(([name, properties]) => ({ name, properties }));
    this.#lastPsets = { id, sets };
    return sets;
  }

  /** One property set, quantity set or predefined property set, decoded once. */
  #set(setId: number): { name: string; properties: Map<string, FoundProperty> } | null {
    const cached = this.#setById.get(setId);
    if (cached !== undefined) return cached;
    const set = this.get(setId);
    const name = set ? str(set.attributes['Name']) : null;
    if (!set || name === null) {
      this.#setById.set(setId, null);
      return null;
    }
    const props = new Map<string, FoundProperty>();
    if (set.type !== 'IFCPROPERTYSET' && set.type !== 'IFCELEMENTQUANTITY') {
      // Predefined property sets (IfcDoorPanelProperties …): their own attributes are the properties.
      const info = this.schema.entity(set.type);
      for (const a of info?.attributes ?? []) {
        if (['GlobalId', 'OwnerHistory', 'Name', 'Description'].includes(a.name)) continue;
        const raw = set.attributes[a.name];
        const scalarType = a.type.startsWith('[') || this.schema.entity(a.type) ? undefined : a.type;
        const value = scalarType ? this.scalar(raw, scalarType) : raw == null ? null : ({ kind: 'object' } as const);
        const dataType = scalarType?.toUpperCase();
        props.set(a.name, { name: a.name, values: [value], valueTypes: [dataType], dataType, supported: scalarType !== undefined });
      }
    } else {
      const members = set.type === 'IFCELEMENTQUANTITY' ? refs(set.attributes['Quantities']) : refs(set.attributes['HasProperties']);
      for (const pid of members) {
        const p = this.#property(pid);
        if (p) props.set(p.name, p);
      }
    }
    const out = { name, properties: props };
    this.#setById.set(setId, out);
    return out;
  }

  #property(pid: number): FoundProperty | undefined {
    const p = this.get(pid);
    if (!p) return undefined;
    const name = str(p.attributes['Name']);
    if (name === null) return undefined;
    // A property or quantity may name its own unit, which then replaces the project's unit for
    // its values (IDS 1.0 units.md: values are converted to the IDS unit before comparison).
    const own = (attr: string, on: IdsModelEntity = p): Conversion | undefined => {
      const u = refId(on.attributes[attr]);
      return u === undefined ? undefined : this.#unitScale(u, 0);
    };
    const q = QUANTITY_TYPES[p.type];
    if (q) {
      const v = p.attributes[q[0]];
      return { name, values: [this.scalar(v, q[1], own('Unit'))], valueTypes: [q[1]], dataType: q[1], supported: true };
    }
    const typed = (v: StepValue | undefined, unit?: Conversion): { value: FoundValue; type: string | undefined } => {
      if (isObj(v) && v.kind === 'typed') return { value: this.scalar(v.value, v.type, unit), type: v.type };
      return { value: this.scalar(v, undefined, unit), type: undefined };
    };
    const many = (list: StepValue | undefined, unit?: Conversion) =>
      (Array.isArray(list) ? (list as readonly StepValue[]) : list == null ? [] : [list]).map((v) => typed(v, unit));
    let items: { value: FoundValue; type: string | undefined }[];
    switch (p.type) {
      case 'IFCPROPERTYSINGLEVALUE':
        items = [typed(p.attributes['NominalValue'], own('Unit'))];
        break;
      case 'IFCPROPERTYENUMERATEDVALUE': {
        const ref = refId(p.attributes['EnumerationReference']);
        const enumeration = ref === undefined ? undefined : this.get(ref);
        items = many(p.attributes['EnumerationValues'], enumeration ? own('Unit', enumeration) : undefined);
        break;
      }
      case 'IFCPROPERTYLISTVALUE':
        items = many(p.attributes['ListValues'], own('Unit'));
        break;
      case 'IFCPROPERTYBOUNDEDVALUE': {
        const unit = own('Unit');
        items = [p.attributes['UpperBoundValue'], p.attributes['LowerBoundValue'], p.attributes['SetPointValue']]
          .filter((v) => v != null)
          .map((v) => typed(v, unit));
        break;
      }
      case 'IFCPROPERTYTABLEVALUE':
        // IDS 1.0 property facet: "Value … The value of the property must match"; a table holds
        // several values, and, as for lists, enumerations and bounds, any one of them that matches
        // satisfies the requirement. Defining and defined values usually differ in type (IfcLabel
        // keys, IfcLengthMeasure results), so each keeps its own type (`valueTypes`) and the data
        // type requirement selects among them (ADR 0064).
        items = [...many(p.attributes['DefiningValues'], own('DefiningUnit')), ...many(p.attributes['DefinedValues'], own('DefinedUnit'))];
        break;
      default:
        // IfcComplexProperty, IfcPropertyReferenceValue: objects, not checkable by IDS.
        return { name, values: [{ kind: 'object' }], valueTypes: [undefined], dataType: undefined, supported: false };
    }
    if (items.length === 0) return { name, values: [null], valueTypes: [undefined], dataType: undefined, supported: true };
    const valueTypes = items.map((i) => i.type?.toUpperCase());
    return { name, values: items.map((i) => i.value), valueTypes, dataType: valueTypes.find((t) => t !== undefined), supported: true };
  }

  /**
   * Convert a STEP value to a comparable scalar; `declared` is the (defined) type name, used to
   * tell integers from reals and booleans from logicals and to convert measures to SI units.
   */
  scalar(v: StepValue | undefined, declared: string | undefined, unit?: Conversion): FoundValue {
    if (v === undefined || v === null) return null;
    if (Array.isArray(v)) return (v as readonly StepValue[]).length === 0 ? null : { kind: 'object' };
    if (isObj(v)) {
      switch (v.kind) {
        case 'typed':
          return this.scalar(v.value, v.type, unit);
        case 'enum':
          if (v.value === 'U' && declared && this.#base(declared) === 'LOGICAL') return { kind: 'unknown' };
          if ((v.value === 'T' || v.value === 'F') && declared && /^(BOOLEAN|LOGICAL)$/.test(this.#base(declared) ?? '')) {
            return { kind: 'boolean', value: v.value === 'T' };
          }
          return { kind: 'string', value: v.value };
        case 'binary':
          return { kind: 'string', value: v.value };
        case 'derived':
          return null;
        default:
          return { kind: 'object' };
      }
    }
    if (typeof v === 'boolean') return { kind: 'boolean', value: v };
    if (typeof v === 'string') return v === '' ? null : { kind: 'string', value: v };
    if (typeof v !== 'number') return { kind: 'object' };
    const base = declared ? this.#base(declared) : undefined;
    const integer = base === 'INTEGER' || (base === undefined && Number.isInteger(v) && declared === undefined);
    // A unit of the property itself wins over the project's unit for this measure.
    const conv = unit ? (unit.scale === 1 && unit.offset === 0 ? undefined : unit) : declared ? this.unitConversion(declared) : undefined;
    const value = conv ? v * conv.scale + conv.offset : v;
    return { kind: 'number', value, integer: integer && !conv };
  }

  #base(declared: string): string | undefined {
    return this.schema.baseType(declared) ?? (/^(BOOLEAN|LOGICAL|INTEGER|REAL|NUMBER|STRING)$/.test(declared) ? declared : undefined);
  }

  /**
   * Classifications of an element: its own, and its type's for systems it does not classify
   * itself; resources (materials, profiles) also through IfcExternalReferenceRelationship.
   */
  classifications(id: number): FoundClassification[] {
    const all = this.model.classifications(id);
    const toFound = (c: IdsModelClassification): FoundClassification => ({
      system: c.system,
      values: [c.identification, ...c.parents].filter((v): v is string => v !== null && v !== ''),
    });
    const own = all.filter((c) => c.source === 'occurrence').map(toFound);
    const systems = new Set(own.map((c) => c.system));
    const inherited = all.filter((c) => c.source === 'type').map(toFound).filter((c) => !systems.has(c.system));
    return [...own, ...inherited, ...this.#externalClassifications(id)];
  }

  #externalClassifications(id: number): FoundClassification[] {
    if (!this.#externalRefs) {
      this.#externalRefs = new Map();
      for (const relId of this.#ofType('IFCEXTERNALREFERENCERELATIONSHIP')) {
        const rel = this.get(relId);
        const c = refId(rel?.attributes['RelatingReference']);
        if (c === undefined) continue;
        const target = this.get(c);
        if (!target || !/^IFCCLASSIFICATION/.test(target.type)) continue;
        for (const obj of refs(rel?.attributes['RelatedResourceObjects'])) push(this.#externalRefs, obj, c);
      }
    }
    return (this.#externalRefs.get(id) ?? []).map((cid) => {
      const values: string[] = [];
      let system: string | null = null;
      let cur: number | undefined = cid;
      for (let guard = 0; cur !== undefined && guard < 64; guard++) {
        const e = this.get(cur);
        if (!e) break;
        if (e.type === 'IFCCLASSIFICATION') {
          system = str(e.attributes['Name']);
          break;
        }
        const code = str(e.attributes['Identification']) ?? str(e.attributes['ItemReference']);
        if (code !== null && code !== '') values.push(code);
        cur = refId(e.attributes['ReferencedSource']);
      }
      return { system, values };
    });
  }

  /**
   * Names and categories of every material of an element: its own assignments, else its type's
   * (an occurrence overrides the materials of its type). An association without any name counts
   * as one nameless material.
   */
  materials(id: number): string[] {
    const all = this.model.materials(id);
    const own = all.filter((m) => m.source === 'occurrence');
    const used = own.length > 0 ? own : all.filter((m) => m.source === 'type');
    if (used.length === 0) return [];
    const names: string[] = [];
    const add = (v: string | null) => {
      if (v !== null && v !== '') names.push(v);
    };
    for (const m of used) {
      add(m.name);
      for (const p of m.parts) {
        add(p.name);
        add(p.category);
      }
      for (const x of m.materials) {
        add(x.name);
        add(x.category);
      }
    }
    if (names.length === 0) names.push('');
    return names;
  }

  /** The direct wholes of an element per partOf relation (as IDS groups them). */
  parents(id: number): { id: number; relation: PartOfRelation }[] {
    const out: { id: number; relation: PartOfRelation }[] = [];
    const add = (rel: IdsModelPartOf, as: PartOfRelation) => {
      for (const w of this.model.partOf(id, rel)) out.push({ id: w, relation: as });
    };
    add('IFCRELAGGREGATES', 'IFCRELAGGREGATES');
    add('IFCRELNESTS', 'IFCRELNESTS');
    add('IFCRELASSIGNSTOGROUP', 'IFCRELASSIGNSTOGROUP');
    add('IFCRELCONTAINEDINSPATIALSTRUCTURE', 'IFCRELCONTAINEDINSPATIALSTRUCTURE');
    add('IFCRELVOIDSELEMENT', 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT');
    add('IFCRELFILLSELEMENT', 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT');
    return out;
  }

  /** Factor and offset that convert a value of a measure type in project units to SI units. */
  unitConversion(measure: string): Conversion | undefined {
    if (!this.#units) this.#units = this.#readUnits();
    const key = measure.toUpperCase();
    return this.#units.get(MEASURE_ALIASES[key] ?? key);
  }

  #readUnits(): Map<string, Conversion> {
    const out = new Map<string, Conversion>();
    const project = this.#ofType('IFCPROJECT')[0];
    const assignment = project === undefined ? undefined : refId(this.get(project)?.attributes['UnitsInContext']);
    const units = assignment === undefined ? [] : refs(this.get(assignment)?.attributes['Units']);
    for (const u of units) {
      const e = this.get(u);
      const unitType = e ? str(e.attributes['UnitType']) : null;
      if (!e || unitType === null || unitType === 'USERDEFINED') continue;
      const conv = this.#unitScale(u, 0);
      if (!conv || (conv.scale === 1 && conv.offset === 0)) continue;
      const measure = unitType === 'THERMALCONDUCTANCEUNIT' ? 'IFCTHERMALCONDUCTIVITYMEASURE' : `IFC${unitType.replace(/UNIT$/, '')}MEASURE`;
      if (!out.has(measure)) out.set(measure, conv);
    }
    return out;
  }

  #unitScale(uid: number, depth: number): Conversion | undefined {
    if (depth > 8) return undefined;
    const e = this.get(uid);
    if (!e) return undefined;
    if (e.type === 'IFCSIUNIT') {
      const name = str(e.attributes['Name']) ?? '';
      const prefix = SI_PREFIX[str(e.attributes['Prefix']) ?? ''] ?? 1;
      const power = name.startsWith('SQUARE_') ? 2 : name.startsWith('CUBIC_') ? 3 : 1;
      let scale = prefix ** power;
      if (name === 'GRAM') scale *= 1e-3;
      return { scale, offset: name === 'DEGREE_CELSIUS' ? 273.15 : 0 };
    }
    if (e.type === 'IFCCONVERSIONBASEDUNIT' || e.type === 'IFCCONVERSIONBASEDUNITWITHOFFSET') {
      const factor = refId(e.attributes['ConversionFactor']);
      const m = factor === undefined ? undefined : this.get(factor);
      if (!m) return undefined;
      const raw = m.attributes['ValueComponent'];
      const value = isObj(raw) && raw.kind === 'typed' ? raw.value : raw;
      const base = refId(m.attributes['UnitComponent']);
      const inner = base === undefined ? { scale: 1, offset: 0 } : this.#unitScale(base, depth + 1);
      if (typeof value !== 'number' || !inner) return undefined;
      const extra = typeof e.attributes['ConversionOffset'] === 'number' ? (e.attributes['ConversionOffset'] as number) : 0;
      return { scale: value * inner.scale, offset: extra * value * inner.scale + inner.offset };
    }
    if (e.type === 'IFCDERIVEDUNIT') {
      let scale = 1;
      for (const el of refs(e.attributes['Elements'])) {
        const de = this.get(el);
        const unit = refId(de?.attributes['Unit']);
        const exp = de?.attributes['Exponent'];
        const inner = unit === undefined ? undefined : this.#unitScale(unit, depth + 1);
        if (!inner || typeof exp !== 'number') return undefined;
        scale *= inner.scale ** exp;
      }
      return { scale, offset: 0 };
    }
    return undefined;
  }
}

/** The schema name of an IDS `ifcVersion` entry as `@foederal/ifc` names it. */
export type { IfcSchemaName };
