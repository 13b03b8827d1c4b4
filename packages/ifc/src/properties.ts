import type { IfcEntity, IfcModel } from './model.js';
import type { RelationIndex } from './relations.js';
import { isReference, type StepTyped, type StepValue } from './step/values.js';

/** Where a property set or property comes from: the object itself or its type object. */
export type PropertySource = 'occurrence' | 'type';

/** One property of a property set. */
export interface IfcProperty {
  readonly id: number;
  /** Upper-case entity type, e.g. `IFCPROPERTYSINGLEVALUE`. */
  readonly type: string;
  readonly name: string;
  readonly description: string | null;
  /**
   * The value: NominalValue (single), the list of EnumerationValues (enumerated) or ListValues
   * (list), SetPointValue (bounded), the PropertyReference (reference); null for tables and
   * complex properties. Typed values keep their type (`{ kind: 'typed', type: 'IFCLABEL', … }`).
   */
  readonly value: StepValue;
  /** Bounded values only. */
  readonly lowerBound?: StepValue;
  readonly upperBound?: StepValue;
  readonly unit: StepValue;
  /** Nested properties of an IfcComplexProperty. */
  readonly properties?: readonly IfcProperty[];
  /** All attributes of the property entity by schema name. */
  readonly attributes: Readonly<Record<string, StepValue>>;
  readonly source: PropertySource;
}

/** A property set (IfcPropertySet, or an IFC4 predefined property set with attributes as properties). */
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

/** A quantity of an IfcElementQuantity. */
export interface IfcQuantity {
  readonly id: number;
  readonly type: string;
  /** `length`, `area`, `volume`, `count`, `weight`, `time`, `number` or `complex`. */
  readonly kind: string;
  readonly name: string;
  readonly description: string | null;
  readonly value: number | null;
  readonly unit: StepValue;
  readonly formula: string | null;
  readonly quantities?: readonly IfcQuantity[];
  readonly source: PropertySource;
}

/** An element quantity set (IfcElementQuantity). */
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

/** Options of `propertySets` and `quantities`. */
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

function refList(v: StepValue | undefined): number[] {
  const out: number[] = [];
  const walk = (x: StepValue | undefined): void => {
    if (isReference(x)) out.push(x.id);
    else if (Array.isArray(x)) for (const y of x) walk(y as StepValue);
    else if (typeof x === 'object' && x !== null && (x as StepTyped).kind === 'typed') walk((x as StepTyped).value);
  };
  walk(v);
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

/** Decodes and caches property and quantity sets of one model. */
export class PropertyReader {
  readonly #model: IfcModel;
  readonly #rel: RelationIndex;
  readonly #psets = new Map<number, IfcPropertySet | null>();
  readonly #qsets = new Map<number, IfcQuantitySet | null>();

  constructor(model: IfcModel, rel: RelationIndex) {
    this.#model = model;
    this.#rel = rel;
  }

  #entity(id: number): IfcEntity | undefined {
    try {
      return this.#model.get(id);
    } catch {
      return undefined; // malformed entities are reported by validate(); skip them here
    }
  }

  #property(id: number, depth: number): IfcProperty | undefined {
    const e = this.#entity(id);
    if (!e || depth > 16) return undefined;
    const a = e.attributes;
    const args = e.args;
    const base = {
      id,
      type: e.type,
      name: str(args[0]) ?? '',
      description: str(args[1]),
      attributes: a,
      source: 'occurrence' as PropertySource,
    };
    switch (e.type) {
      case 'IFCPROPERTYSINGLEVALUE':
        return { ...base, value: a['NominalValue'] ?? null, unit: a['Unit'] ?? null };
      case 'IFCPROPERTYENUMERATEDVALUE':
        return { ...base, value: a['EnumerationValues'] ?? null, unit: null };
      case 'IFCPROPERTYLISTVALUE':
        return { ...base, value: a['ListValues'] ?? null, unit: a['Unit'] ?? null };
      case 'IFCPROPERTYBOUNDEDVALUE':
        return {
          ...base,
          value: a['SetPointValue'] ?? null,
          lowerBound: a['LowerBoundValue'] ?? null,
          upperBound: a['UpperBoundValue'] ?? null,
          unit: a['Unit'] ?? null,
        };
      case 'IFCPROPERTYREFERENCEVALUE':
        return { ...base, value: a['PropertyReference'] ?? null, unit: null };
      case 'IFCCOMPLEXPROPERTY':
        return {
          ...base,
          value: null,
          unit: null,
          properties: refList(a['HasProperties'])
            .map((p) => this.#property(p, depth + 1))
            .filter((p): p is IfcProperty => p !== undefined),
        };
      default:
        return { ...base, value: null, unit: null };
    }
  }

  /** The property set `#id`, or null when it is none. */
  propertySet(id: number): IfcPropertySet | null {
    if (this.#psets.has(id)) return this.#psets.get(id) ?? null;
    const m = this.#model;
    let out: IfcPropertySet | null = null;
    const type = m.typeOf(id);
    if (type && m.schemaInfo.isSubtypeOf(type, 'IfcPropertySet')) {
      const e = this.#entity(id);
      if (e) {
        out = {
          id,
          type: e.type,
          globalId: str(e.args[0]),
          name: str(e.args[2]),
          description: str(e.args[3]),
          properties: refList(e.attributes['HasProperties'])
            .map((p) => this.#property(p, 0))
            .filter((p): p is IfcProperty => p !== undefined),
          source: 'occurrence',
        };
      }
    } else if (type && m.schemaInfo.isSubtypeOf(type, 'IfcPreDefinedPropertySet')) {
      const e = this.#entity(id);
      if (e) {
        const names = Object.keys(e.attributes);
        out = {
          id,
          type: e.type,
          globalId: str(e.args[0]),
          name: m.schemaInfo.entity(e.type)?.name ?? e.type,
          description: str(e.args[3]),
          properties: names.slice(4).flatMap((name, k) => {
            const v = e.args[k + 4];
            if (v === null || v === undefined) return [];
            return [{ id, type: 'ATTRIBUTE', name, description: null, value: v, unit: null, attributes: {}, source: 'occurrence' as const }];
          }),
          source: 'occurrence',
        };
      }
    }
    this.#psets.set(id, out);
    return out;
  }

  #quantity(id: number, depth: number): IfcQuantity | undefined {
    const e = this.#entity(id);
    if (!e || depth > 16) return undefined;
    const kind = quantityKinds[e.type] ?? 'other';
    const base = {
      id,
      type: e.type,
      kind,
      name: str(e.args[0]) ?? '',
      description: str(e.args[1]),
      source: 'occurrence' as PropertySource,
    };
    if (kind === 'complex') {
      return {
        ...base,
        value: null,
        unit: null,
        formula: null,
        quantities: refList(e.attributes['HasQuantities'])
          .map((q) => this.#quantity(q, depth + 1))
          .filter((q): q is IfcQuantity => q !== undefined),
      };
    }
    return {
      ...base,
      value: num(e.args[3]),
      unit: e.args[2] ?? null,
      formula: str(e.attributes['Formula']),
    };
  }

  /** The element quantity `#id`, or null. */
  quantitySet(id: number): IfcQuantitySet | null {
    if (this.#qsets.has(id)) return this.#qsets.get(id) ?? null;
    const m = this.#model;
    let out: IfcQuantitySet | null = null;
    const type = m.typeOf(id);
    if (type && m.schemaInfo.isSubtypeOf(type, 'IfcElementQuantity')) {
      const e = this.#entity(id);
      if (e) {
        out = {
          id,
          type: e.type,
          globalId: str(e.args[0]),
          name: str(e.args[2]),
          description: str(e.args[3]),
          methodOfMeasurement: str(e.attributes['MethodOfMeasurement']),
          quantities: refList(e.attributes['Quantities'])
            .map((q) => this.#quantity(q, 0))
            .filter((q): q is IfcQuantity => q !== undefined),
          source: 'occurrence',
        };
      }
    }
    this.#qsets.set(id, out);
    return out;
  }

  /** Property definitions attached to `id` itself (not its type). */
  #ownDefinitions(id: number): number[] {
    const out = (this.#rel.propertyDefinitions.get(id) ?? []).map((l) => l.id);
    const m = this.#model;
    const type = m.typeOf(id);
    if (type && m.schemaInfo.isSubtypeOf(type, 'IfcTypeObject')) {
      const k = m.schemaInfo.attributeIndex(type, 'HasPropertySets');
      if (k >= 0) {
        try {
          out.push(...refList(m.args(id)?.[k]));
        } catch {
          // malformed type object: reported by validate()
        }
      }
    }
    return out;
  }

  /** Definitions of `id` and of its type object. */
  #definitions(id: number, inherit: boolean): { own: number[]; inherited: number[]; typeId: number | undefined } {
    const own = this.#ownDefinitions(id);
    const typeId = inherit ? this.#rel.typedBy.get(id) : undefined;
    const inherited = typeId === undefined ? [] : this.#ownDefinitions(typeId);
    return { own, inherited, typeId };
  }

  propertySets(id: number, options: InheritOptions = {}): IfcPropertySet[] {
    const { own, inherited, typeId } = this.#definitions(id, options.inherit ?? true);
    const mine = unique(own).map((p) => this.propertySet(p)).filter((p): p is IfcPropertySet => p !== null);
    const fromType = unique(inherited)
      .map((p) => this.propertySet(p))
      .filter((p): p is IfcPropertySet => p !== null);
    return merge(mine, fromType, typeId, (s) => s.properties, (s, items) => ({ ...s, properties: items }));
  }

  quantities(id: number, options: InheritOptions = {}): IfcQuantitySet[] {
    const { own, inherited, typeId } = this.#definitions(id, options.inherit ?? true);
    const mine = unique(own).map((p) => this.quantitySet(p)).filter((p): p is IfcQuantitySet => p !== null);
    const fromType = unique(inherited)
      .map((p) => this.quantitySet(p))
      .filter((p): p is IfcQuantitySet => p !== null);
    return merge(mine, fromType, typeId, (s) => s.quantities, (s, items) => ({ ...s, quantities: items }));
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
