import type { IfcModelCore } from './model-types.js';
import type { RelationIndex } from './relations.js';
import type { StepTyped, StepValue } from './step/values.js';

/**
 * Where a property set or property comes from: the object itself or its type object.
 *
 * @example
 * model.propertySets(wallId)[0]?.properties[0]?.source; // 'occurrence' or 'type'
 */
export type PropertySource = 'occurrence' | 'type';

/**
 * One property of a property set. Every property has the same fields (null where they do not apply).
 *
 * @example
 * const p = model.propertySets(wallId)[0]?.properties[0]; // { name: 'IsExternal', value: { kind: 'typed', … } }
 */
export interface IfcProperty {
  readonly id: number;
  /** Upper-case entity type, e.g. `IFCPROPERTYSINGLEVALUE` (`ATTRIBUTE` for predefined property sets). */
  readonly type: string;
  readonly name: string;
  readonly description: string | null;
  /**
   * The value: NominalValue (single), the list of EnumerationValues (enumerated) or ListValues
   * (list), SetPointValue (bounded), DefinedValues (table), the PropertyReference (reference);
   * null for complex properties. Typed values keep their type (`{ kind: 'typed', type: 'IFCLABEL', … }`).
   */
  readonly value: StepValue;
  /** Bounded values: LowerBoundValue and UpperBoundValue; else null. */
  readonly lowerBound: StepValue;
  readonly upperBound: StepValue;
  /** Table values: DefiningValues; else null. */
  readonly definingValues: StepValue;
  readonly unit: StepValue;
  /** Nested properties of an IfcComplexProperty (empty otherwise). */
  readonly properties: readonly IfcProperty[];
  readonly source: PropertySource;
}

/**
 * A property set: an IfcPropertySet, or a predefined property set (IFC4 IfcPreDefinedPropertySet,
 * IFC2X3 e.g. IfcDoorLiningProperties) named by its Name attribute (the class name when unset)
 * with its own attributes as properties.
 *
 * @example
 * model.propertySets(wallId).map((s: IfcPropertySet) => s.name); // ['Pset_WallCommon', …]
 */
export interface IfcPropertySet {
  readonly id: number;
  readonly type: string;
  readonly globalId: string | null;
  readonly name: string | null;
  readonly description: string | null;
  readonly properties: readonly IfcProperty[];
  /** `type` when the whole set comes from the type object. */
  readonly source: PropertySource;
  /** The type object the set or some of its properties come from. */
  readonly typeId?: number;
}

/**
 * A quantity of an IfcElementQuantity.
 *
 * @example
 * model.quantities(spaceId)[0]?.quantities[0]; // { name: 'NetFloorArea', kind: 'area', value: 21.4 }
 */
export interface IfcQuantity {
  readonly id: number;
  readonly type: string;
  /** `length`, `area`, `volume`, `count`, `weight`, `time`, `number`, `complex` or `other`. */
  readonly kind: string;
  readonly name: string;
  readonly description: string | null;
  readonly value: number | null;
  readonly unit: StepValue;
  readonly formula: string | null;
  /** Parts of an IfcPhysicalComplexQuantity (empty otherwise). */
  readonly quantities: readonly IfcQuantity[];
  readonly source: PropertySource;
}

/**
 * An element quantity set (IfcElementQuantity).
 *
 * @example
 * model.quantities(spaceId).map((q: IfcQuantitySet) => q.name); // ['Qto_SpaceBaseQuantities']
 */
export interface IfcQuantitySet {
  readonly id: number;
  readonly type: string;
  readonly globalId: string | null;
  readonly name: string | null;
  readonly description: string | null;
  readonly methodOfMeasurement: string | null;
  readonly quantities: readonly IfcQuantity[];
  readonly source: PropertySource;
  readonly typeId?: number;
}

/**
 * How one property or quantity set definition is linked to an object: through an
 * IfcRelDefinesByProperties (occurrences; IFC4 also type objects), through the HasPropertySets
 * attribute of a type object, and for an occurrence also through the IfcRelDefinesByType that
 * makes it inherit its type object's definitions.
 *
 * @example
 * for (const link of model.propertyDefinitions(wallId)) {
 *   console.log(link.definition, link.definitionType, link.via, link.relationship, link.source);
 * }
 * // 31 IFCPROPERTYSET HASPROPERTYSETS 30 type   (the wall type #30 carries Pset_WallCommon #31)
 * // 20 IFCPROPERTYSET IFCRELDEFINESBYPROPERTIES 23 occurrence
 */
export interface IfcPropertyDefinitionLink {
  /** Express id of the definition: IfcPropertySet, IfcElementQuantity or a predefined property set. */
  readonly definition: number;
  /** Upper-case entity type of the definition, e.g. `IFCPROPERTYSET`, `IFCELEMENTQUANTITY`. */
  readonly definitionType: string;
  /** The object the definition is attached to: the element itself, or its type object (`source: 'type'`). */
  readonly definedObject: number;
  /** `IFCRELDEFINESBYPROPERTIES`, or `HASPROPERTYSETS` for the attribute of a type object. */
  readonly via: 'IFCRELDEFINESBYPROPERTIES' | 'HASPROPERTYSETS';
  /** The relating object: the IfcRelDefinesByProperties instance, or the type object holding HasPropertySets. */
  readonly relationship: number;
  /** `occurrence` for the object's own definitions, `type` for those inherited from its type object. */
  readonly source: PropertySource;
  /** For inherited definitions: the IfcRelDefinesByType that links the object to `definedObject`. */
  readonly typeRelationship?: number;
}

/**
 * Options of `propertySets` and `quantities`.
 *
 * @example
 * model.propertySets(wallId, { inherit: false }); // the wall's own sets only
 */
export interface InheritOptions {
  /** Include sets and values of the type object (IfcRelDefinesByType), default true. */
  readonly inherit?: boolean;
}

const str = (v: StepValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: StepValue | undefined): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && (v as StepTyped).kind === 'typed') return num((v as StepTyped).value);
  return null;
};

function walkRefs(x: StepValue | undefined, out: number[]): void {
  if (typeof x !== 'object' || x === null) return;
  if (Array.isArray(x)) {
    for (let k = 0; k < x.length; k++) walkRefs(x[k] as StepValue, out);
    return;
  }
  const o = x as { kind: string; id?: number; value?: StepValue };
  if (o.kind === 'ref') out.push(o.id as number);
  else if (o.kind === 'typed') walkRefs(o.value, out);
}

function refList(v: StepValue | undefined): number[] {
  const out: number[] = [];
  walkRefs(v, out);
  return out;
}

const quantityKinds: Record<string, string> = {
  IFCQUANTITYLENGTH: 'length',
  IFCQUANTITYAREA: 'area',
  IFCQUANTITYVOLUME: 'volume',
  IFCQUANTITYCOUNT: 'count',
  IFCQUANTITYWEIGHT: 'weight',
  IFCQUANTITYTIME: 'time',
  IFCQUANTITYNUMBER: 'number',
  IFCPHYSICALCOMPLEXQUANTITY: 'complex',
};

/** Attribute positions of one entity type, looked up once per interned type. */
interface Positions {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}
const P_OTHER = 0;
const P_SINGLE = 1;
const P_ENUM = 2;
const P_LIST = 3;
const P_BOUNDED = 4;
const P_REFERENCE = 5;
const P_COMPLEX = 6;
const P_TABLE = 7;
const EMPTY: readonly never[] = Object.freeze([]);
/** At most this many type-object sets are kept decoded. */
const CACHE_LIMIT = 20_000;

function at(args: readonly StepValue[], k: number): StepValue {
  return k >= 0 ? (args[k] ?? null) : null;
}

function property(
  id: number,
  type: string,
  name: string,
  description: string | null,
  value: StepValue,
  lowerBound: StepValue,
  upperBound: StepValue,
  definingValues: StepValue,
  unit: StepValue,
  properties: readonly IfcProperty[],
  source: PropertySource,
): IfcProperty {
  return { id, type, name, description, value, lowerBound, upperBound, definingValues, unit, properties, source };
}

/** Decodes and caches property and quantity sets of one model. */
export class PropertyReader {
  readonly #model: IfcModelCore;
  readonly #rel: RelationIndex;
  readonly #psets = new Map<number, IfcPropertySet | null>();
  readonly #qsets = new Map<number, IfcQuantitySet | null>();
  readonly #positions: (Positions | undefined)[] = [];
  readonly #hasProperties: (number | undefined)[] = [];

  constructor(model: IfcModelCore, rel: RelationIndex) {
    this.#model = model;
    this.#rel = rel;
  }

  /** Type index of the entity last read by #read. */
  #t = 0;

  /** Arguments of `#id` (its type index in #t), or undefined when missing or malformed. */
  #read(id: number): StepValue[] | undefined {
    const index = this.#model.index;
    const i = index.indexOf(id);
    if (i < 0) return undefined;
    this.#t = index.types[i] as number;
    try {
      return index.argsAt(i);
    } catch {
      return undefined; // malformed entities are reported by validate(); skip them here
    }
  }

  /** Type index and arguments of `#id`, or undefined when missing or malformed. */
  #args(id: number): { t: number; args: StepValue[] } | undefined {
    const args = this.#read(id);
    return args ? { t: this.#t, args } : undefined;
  }

  /**
   * True for predefined property sets: IFC4 subtypes of IfcPreDefinedPropertySet, and in IFC2X3
   * the direct subtypes of IfcPropertySetDefinition other than IfcPropertySet and
   * IfcElementQuantity (e.g. IfcDoorLiningProperties, IfcWindowPanelProperties). Decided from the
   * generated schema tables.
   */
  #isPredefined(t: number): boolean {
    const m = this.#model;
    return (
      m.isTypeIndexA(t, 'IfcPropertySetDefinition') &&
      !m.isTypeIndexA(t, 'IfcPropertySet') &&
      !m.isTypeIndexA(t, 'IfcElementQuantity') &&
      !m.isTypeIndexA(t, 'IfcQuantitySet')
    );
  }

  #pos(t: number): Positions {
    let p = this.#positions[t];
    if (!p) {
      const m = this.#model;
      const type = m.index.typeNames[t] as string;
      const at = (n: string) => m.schemaInfo.attributeIndex(type, n);
      switch (type) {
        case 'IFCPROPERTYSINGLEVALUE':
          p = { kind: P_SINGLE, a: at('NominalValue'), b: at('Unit'), c: -1, d: -1 };
          break;
        case 'IFCPROPERTYENUMERATEDVALUE':
          p = { kind: P_ENUM, a: at('EnumerationValues'), b: -1, c: -1, d: -1 };
          break;
        case 'IFCPROPERTYLISTVALUE':
          p = { kind: P_LIST, a: at('ListValues'), b: at('Unit'), c: -1, d: -1 };
          break;
        case 'IFCPROPERTYBOUNDEDVALUE':
          p = { kind: P_BOUNDED, a: at('SetPointValue'), b: at('Unit'), c: at('LowerBoundValue'), d: at('UpperBoundValue') };
          break;
        case 'IFCPROPERTYREFERENCEVALUE':
          p = { kind: P_REFERENCE, a: at('PropertyReference'), b: -1, c: -1, d: -1 };
          break;
        case 'IFCCOMPLEXPROPERTY':
          p = { kind: P_COMPLEX, a: at('HasProperties'), b: -1, c: -1, d: -1 };
          break;
        case 'IFCPROPERTYTABLEVALUE':
          p = { kind: P_TABLE, a: at('DefinedValues'), b: at('DefinedUnit'), c: at('DefiningValues'), d: -1 };
          break;
        default:
          p = { kind: P_OTHER, a: -1, b: -1, c: -1, d: -1 };
      }
      this.#positions[t] = p;
    }
    return p;
  }

  #property(id: number, depth: number): IfcProperty | undefined {
    const args = this.#read(id);
    if (!args || depth > 16) return undefined;
    const t = this.#t;
    const p = this.#pos(t);
    const children =
      p.kind === P_COMPLEX
        ? refList(at(args, p.a))
            .map((c) => this.#property(c, depth + 1))
            .filter((c): c is IfcProperty => c !== undefined)
        : EMPTY;
    return property(
      id,
      this.#model.index.typeNames[t] as string,
      str(args[0]) ?? '',
      str(args[1]),
      p.kind === P_COMPLEX ? null : at(args, p.a),
      p.kind === P_BOUNDED ? at(args, p.c) : null,
      p.kind === P_BOUNDED ? at(args, p.d) : null,
      p.kind === P_TABLE ? at(args, p.c) : null,
      at(args, p.b),
      children,
      'occurrence',
    );
  }

  /**
   * The property set `#id`, or null when it is none. Sets of type objects are cached (they are
   * shared by many occurrences); occurrence sets are decoded on each call so that reading all
   * sets of a large model does not keep them all in memory.
   */
  propertySet(id: number, cache = false): IfcPropertySet | null {
    const cached = this.#psets.get(id);
    if (cached !== undefined) return cached;
    const m = this.#model;
    let out: IfcPropertySet | null = null;
    // look at the type in the index first: decode only property sets
    const i = m.index.indexOf(id);
    const t0 = i < 0 ? -1 : (m.index.types[i] as number);
    const wanted = t0 >= 0 && (m.isTypeIndexA(t0, 'IfcPropertySet') || this.#isPredefined(t0));
    const e = wanted ? this.#args(id) : undefined;
    if (e && m.isTypeIndexA(e.t, 'IfcPropertySet')) {
      const k = this.#hasProperties[e.t] ?? (this.#hasProperties[e.t] = m.schemaInfo.attributeIndex(m.index.typeNames[e.t] as string, 'HasProperties'));
      const refs = refList(e.args[k]);
      const properties: IfcProperty[] = [];
      for (const r of refs) {
        const p = this.#property(r, 0);
        if (p) properties.push(p);
      }
      out = {
        id,
        type: m.index.typeNames[e.t] as string,
        globalId: str(e.args[0]),
        name: str(e.args[2]),
        description: str(e.args[3]),
        properties,
        source: 'occurrence',
      };
    } else if (e && this.#isPredefined(e.t)) {
      const type = m.index.typeNames[e.t] as string;
      const names = m.schemaInfo.attributeNames(type);
      const properties: IfcProperty[] = [];
      // the set's own attributes follow those of IfcPropertySetDefinition (GlobalId … Description)
      for (let k = m.schemaInfo.attributeNames('IfcPropertySetDefinition').length; k < names.length; k++) {
        const v = e.args[k];
        if (v === null || v === undefined) continue;
        properties.push(property(id, 'ATTRIBUTE', names[k] as string, null, v, null, null, null, null, EMPTY, 'occurrence'));
      }
      out = {
        id,
        type,
        globalId: str(e.args[0]),
        // the Name attribute (e.g. 'Pset_DoorLining…' or a user's label); the class name only when unset
        name: str(e.args[2]) ?? m.schemaInfo.entity(type)?.name ?? type,
        description: str(e.args[3]),
        properties,
        source: 'occurrence',
      };
    }
    if (cache && this.#psets.size < CACHE_LIMIT) this.#psets.set(id, out);
    return out;
  }

  #quantity(id: number, depth: number): IfcQuantity | undefined {
    const args = this.#read(id);
    if (!args || depth > 16) return undefined;
    const type = this.#model.index.typeNames[this.#t] as string;
    const kind = quantityKinds[type] ?? 'other';
    if (kind === 'complex') {
      const k = this.#model.schemaInfo.attributeIndex(type, 'HasQuantities');
      return {
        id,
        type,
        kind,
        name: str(args[0]) ?? '',
        description: str(args[1]),
        value: null,
        unit: null,
        formula: null,
        quantities: refList(args[k])
          .map((q) => this.#quantity(q, depth + 1))
          .filter((q): q is IfcQuantity => q !== undefined),
        source: 'occurrence',
      };
    }
    return {
      id,
      type,
      kind,
      name: str(args[0]) ?? '',
      description: str(args[1]),
      value: num(args[3]),
      unit: args[2] ?? null,
      formula: str(args[4]),
      quantities: EMPTY,
      source: 'occurrence',
    };
  }

  /** The element quantity `#id`, or null (cached like property sets). */
  quantitySet(id: number, cache = false): IfcQuantitySet | null {
    const cached = this.#qsets.get(id);
    if (cached !== undefined) return cached;
    const m = this.#model;
    let out: IfcQuantitySet | null = null;
    const i = m.index.indexOf(id);
    const wanted = i >= 0 && m.isTypeIndexA(m.index.types[i] as number, 'IfcElementQuantity');
    const e = wanted ? this.#args(id) : undefined;
    if (e) {
      const quantities: IfcQuantity[] = [];
      for (const r of refList(e.args[5])) {
        const q = this.#quantity(r, 0);
        if (q) quantities.push(q);
      }
      out = {
        id,
        type: m.index.typeNames[e.t] as string,
        globalId: str(e.args[0]),
        name: str(e.args[2]),
        description: str(e.args[3]),
        methodOfMeasurement: str(e.args[4]),
        quantities,
        source: 'occurrence',
      };
    }
    if (cache && this.#qsets.size < CACHE_LIMIT) this.#qsets.set(id, out);
    return out;
  }

  readonly #typeSets = new Map<number, readonly number[]>();

  /** Upper-case type of `#id`, or undefined when it is not in the model. */
  #typeName(id: number): string | undefined {
    const index = this.#model.index;
    const i = index.indexOf(id);
    return i < 0 ? undefined : index.typeNames[index.types[i] as number];
  }

  /** Definitions attached to `id` itself (not its type): relationships first, then HasPropertySets. */
  #ownLinks(id: number, source: PropertySource, typeRelationship: number | undefined, out: IfcPropertyDefinitionLink[]): void {
    const add = (definition: number, via: IfcPropertyDefinitionLink['via'], relationship: number) => {
      const definitionType = this.#typeName(definition);
      if (definitionType === undefined) return; // dangling: reported among the model's warnings
      out.push(
        typeRelationship === undefined
          ? { definition, definitionType, definedObject: id, via, relationship, source }
          : { definition, definitionType, definedObject: id, via, relationship, source, typeRelationship },
      );
    };
    for (const l of this.#rel.propertyDefinitions.get(id) ?? EMPTY) add(l.id, 'IFCRELDEFINESBYPROPERTIES', l.rel);
    const m = this.#model;
    const i = m.index.indexOf(id);
    if (i >= 0 && m.isTypeIndexA(m.index.types[i] as number, 'IfcTypeObject')) {
      let sets = this.#typeSets.get(id);
      if (!sets) {
        const k = m.schemaInfo.attributeIndex(m.index.typeNames[m.index.types[i] as number] as string, 'HasPropertySets');
        const e = this.#args(id);
        sets = k >= 0 && e ? refList(e.args[k]) : EMPTY;
        if (this.#typeSets.size < CACHE_LIMIT) this.#typeSets.set(id, sets);
      }
      for (const s of sets) add(s, 'HASPROPERTYSETS', id);
    }
  }

  /** The property-definition links of `id`: its own, then (with `inherit`) its type object's. */
  definitions(id: number, options: InheritOptions = {}): IfcPropertyDefinitionLink[] {
    const out: IfcPropertyDefinitionLink[] = [];
    this.#ownLinks(id, 'occurrence', undefined, out);
    const typeId = (options.inherit ?? true) ? this.#rel.typedBy.get(id) : undefined;
    if (typeId !== undefined) this.#ownLinks(typeId, 'type', this.#rel.typedByRel.get(id), out);
    return out;
  }

  /** Definitions of `id` and of its type object. */
  #definitions(id: number, inherit: boolean): { own: number[]; inherited: number[]; typeId: number | undefined } {
    const own: number[] = [];
    const inherited: number[] = [];
    for (const l of this.definitions(id, { inherit })) (l.source === 'type' ? inherited : own).push(l.definition);
    const typeId = inherit ? this.#rel.typedBy.get(id) : undefined;
    return { own, inherited, typeId };
  }

  propertySets(id: number, options: InheritOptions = {}): IfcPropertySet[] {
    return this.#collect(id, options, (p, cache) => this.propertySet(p, cache), (s) => s.properties, (s, items) => ({
      ...s,
      properties: items,
    }));
  }

  quantities(id: number, options: InheritOptions = {}): IfcQuantitySet[] {
    return this.#collect(id, options, (p, cache) => this.quantitySet(p, cache), (s) => s.quantities, (s, items) => ({
      ...s,
      quantities: items,
    }));
  }

  /**
   * Reads the object's own definitions and those of its type object (cached: type objects are
   * shared by many occurrences), then merges them by name.
   */
  #collect<S extends { name: string | null; source: PropertySource }, I extends { name: string; source: PropertySource }>(
    id: number,
    options: InheritOptions,
    read: (definitionId: number, cache: boolean) => S | null,
    items: (s: S) => readonly I[],
    withItems: (s: S, items: I[]) => S,
  ): S[] {
    const { own, inherited, typeId } = this.#definitions(id, options.inherit ?? true);
    const pick = (ids: number[], cache: boolean): S[] => {
      const out: S[] = [];
      for (const p of unique(ids)) {
        const s = read(p, cache);
        if (s) out.push(s);
      }
      return out;
    };
    return merge(pick(own, false), pick(inherited, true), typeId, items, withItems);
  }
}

function unique(ids: number[]): number[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}

/**
 * Occurrence sets first; a type set with the same name adds the properties the occurrence lacks
 * (the occurrence value wins); other type sets follow with `source: 'type'`.
 */
function merge<S extends { name: string | null; source: PropertySource }, I extends { name: string; source: PropertySource }>(
  own: S[],
  fromType: S[],
  typeId: number | undefined,
  items: (s: S) => readonly I[],
  withItems: (s: S, items: I[]) => S,
): S[] {
  if (!fromType.length) return own;
  const out: S[] = [];
  const used = new Set<S>();
  for (const s of own) {
    const t = fromType.find((x) => x.name === s.name && !used.has(x));
    if (!t) {
      out.push(s);
      continue;
    }
    used.add(t);
    const have = new Set(items(s).map((p) => p.name));
    const extra = items(t)
      .filter((p) => !have.has(p.name))
      .map((p) => ({ ...p, source: 'type' as const }));
    out.push({ ...withItems(s, [...items(s), ...extra]), typeId } as S);
  }
  for (const t of fromType) {
    if (used.has(t)) continue;
    out.push({
      ...withItems(t, items(t).map((p) => ({ ...p, source: 'type' as const }))),
      source: 'type',
      typeId,
    } as S);
  }
  return out;
}
