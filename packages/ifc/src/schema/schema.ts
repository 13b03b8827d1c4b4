import { ifc2x3Tables } from './ifc2x3.generated.js';
import { ifc4Tables } from './ifc4.generated.js';
import { ifc4x3Tables } from './ifc4x3.generated.js';
import { entityRows, pairs, type SchemaTables } from './tables.js';

/**
 * The IFC schemas this reader knows.
 *
 * @example
 * const s: IfcSchemaName = model.schema; // 'IFC4'
 */
export type IfcSchemaName = 'IFC2X3' | 'IFC4' | 'IFC4X3_ADD2';

/**
 * One explicit attribute of an entity, in STEP order.
 *
 * @example
 * ifcSchema('IFC4').entity('IfcWall')?.attributes[2]; // { name: 'Name', type: 'IfcLabel', optional: true, declaredBy: 'IfcRoot' }
 */
export interface AttributeInfo {
  /** Attribute name as in the schema, e.g. `GlobalId`. */
  readonly name: string;
  /** Declared type, e.g. `IfcLabel`, `[IfcCartesianPoint]` for an aggregate. */
  readonly type: string;
  readonly optional: boolean;
  /** Entity that declares the attribute. */
  readonly declaredBy: string;
}

/**
 * An entity type of a schema.
 *
 * @example
 * ifcSchema('IFC4').entity('IfcWall')?.supertype?.name; // 'IfcBuildingElement'
 */
export interface EntityInfo {
  /** Name in schema spelling, e.g. `IfcWallStandardCase`. */
  readonly name: string;
  /** Upper-case name as written in STEP files, e.g. `IFCWALLSTANDARDCASE`. */
  readonly upperName: string;
  readonly supertype: EntityInfo | undefined;
  readonly abstract: boolean;
  /** All explicit attributes in STEP order, inherited ones first. */
  readonly attributes: readonly AttributeInfo[];
  /** Direct subtypes. */
  readonly subtypes: readonly EntityInfo[];
}

/**
 * The kind of a named non-entity type.
 *
 * @example
 * ifcSchema('IFC4').type('IfcValue')?.kind; // 'select'
 */
export type TypeKind = 'defined' | 'enumeration' | 'select';

/**
 * Schema facts: entity hierarchy, attribute names and positions, defined types, enumerations and
 * selects, derived from the EXPRESS schema. Names are matched case-insensitively.
 *
 * @example
 * const s = ifcSchema('IFC4');
 * s.isSubtypeOf('IFCWALLSTANDARDCASE', 'IfcWall'); // true
 * s.attributeNames('IfcWall'); // ['GlobalId', 'OwnerHistory', 'Name', ...]
 */
export class IfcSchema {
  readonly name: IfcSchemaName;
  readonly #entities = new Map<string, EntityInfo>();
  readonly #types = new Map<string, { kind: TypeKind; name: string; underlying: string; values: readonly string[] }>();
  readonly #indexCache = new Map<string, Map<string, number>>();

  constructor(tables: SchemaTables) {
    this.name = tables.name as IfcSchemaName;
    type Mutable = { -readonly [K in keyof EntityInfo]: EntityInfo[K] } & { subtypes: EntityInfo[] };
    const byName = new Map<string, Mutable>();
    const rows = entityRows(tables.entities);
    for (const [name] of rows) {
      byName.set(name.toUpperCase(), {
        name,
        upperName: name.toUpperCase(),
        supertype: undefined,
        abstract: false,
        attributes: [],
        subtypes: [],
      });
    }
    const own = new Map<string, AttributeInfo[]>();
    for (const [name, sup, abstract, attrs] of rows) {
      const e = byName.get(name.toUpperCase()) as Mutable;
      e.abstract = abstract === 1;
      if (sup) {
        const s = byName.get(sup.toUpperCase());
        if (s) {
          e.supertype = s;
          s.subtypes.push(e);
        }
      }
      own.set(
        e.upperName,
        attrs
          ? attrs.split(';').map((a) => {
              const optional = a.startsWith('?');
              const body = optional ? a.slice(1) : a;
              const colon = body.indexOf(':');
              return { name: body.slice(0, colon), type: body.slice(colon + 1), optional, declaredBy: name };
            })
          : [],
      );
    }
    const resolveAttrs = (e: Mutable): AttributeInfo[] => {
      if (e.attributes.length || !own.has(e.upperName)) return e.attributes as AttributeInfo[];
      const inherited = e.supertype ? resolveAttrs(e.supertype as Mutable) : [];
      e.attributes = [...inherited, ...(own.get(e.upperName) ?? [])];
      own.delete(e.upperName);
      return e.attributes as AttributeInfo[];
    };
    for (const e of byName.values()) {
      resolveAttrs(e);
      this.#entities.set(e.upperName, e);
    }
    for (const [name, underlying] of pairs(tables.defined)) {
      this.#types.set(name.toUpperCase(), { kind: 'defined', name, underlying, values: [] });
    }
    for (const [name, values] of pairs(tables.enums)) {
      this.#types.set(name.toUpperCase(), { kind: 'enumeration', name, underlying: '', values: values.split(',') });
    }
    for (const [name, values] of pairs(tables.selects)) {
      this.#types.set(name.toUpperCase(), { kind: 'select', name, underlying: '', values: values.split(',') });
    }
  }

  /** The entity type called `name` (any case), or undefined. */
  entity(name: string): EntityInfo | undefined {
    return this.#entities.get(name.toUpperCase());
  }

  /** All entity types of the schema. */
  entities(): IterableIterator<EntityInfo> {
    return this.#entities.values();
  }

  /** True when `type` is `supertype` or one of its subtypes (names in any case). */
  isSubtypeOf(type: string, supertype: string): boolean {
    const want = supertype.toUpperCase();
    for (let e = this.#entities.get(type.toUpperCase()); e; e = e.supertype) {
      if (e.upperName === want) return true;
    }
    return false;
  }

  /** Upper-case names of `type` and all its subtypes, transitively. */
  subtypesOf(type: string): string[] {
    const root = this.#entities.get(type.toUpperCase());
    if (!root) return [];
    const out: string[] = [];
    const stack: EntityInfo[] = [root];
    while (stack.length) {
      const e = stack.pop() as EntityInfo;
      out.push(e.upperName);
      stack.push(...e.subtypes);
    }
    return out;
  }

  /** Attribute names of `type` in STEP order (inherited first). */
  attributeNames(type: string): string[] {
    return (this.#entities.get(type.toUpperCase())?.attributes ?? []).map((a) => a.name);
  }

  /** Position of attribute `name` in the STEP arguments of `type`, or -1. */
  attributeIndex(type: string, name: string): number {
    const key = type.toUpperCase();
    let m = this.#indexCache.get(key);
    if (!m) {
      m = new Map();
      (this.#entities.get(key)?.attributes ?? []).forEach((a, i) => m?.set(a.name.toUpperCase(), i));
      this.#indexCache.set(key, m);
    }
    return m.get(name.toUpperCase()) ?? -1;
  }

  /**
   * A defined type, enumeration or select by name (any case): its kind, schema spelling,
   * underlying type (defined types) or values / members (enumerations, selects).
   */
  type(name: string): { kind: TypeKind; name: string; underlying: string; values: readonly string[] } | undefined {
    return this.#types.get(name.toUpperCase());
  }

  /**
   * The simple base type (`STRING`, `REAL`, `INTEGER`, `NUMBER`, `BOOLEAN`, `LOGICAL`, `BINARY`)
   * a defined type resolves to, following chains like IfcPositiveLengthMeasure → IfcLengthMeasure
   * → REAL; undefined for entities, enumerations, selects and aggregates.
   */
  baseType(name: string): string | undefined {
    let n = name;
    for (let i = 0; i < 16; i++) {
      const t = this.#types.get(n.toUpperCase());
      if (!t) return /^(STRING|REAL|INTEGER|NUMBER|BOOLEAN|LOGICAL|BINARY)$/.test(n) ? n : undefined;
      if (t.kind !== 'defined') return undefined;
      n = t.underlying;
    }
    return undefined;
  }
}

const cache = new Map<IfcSchemaName, IfcSchema>();
const tablesByName: Record<IfcSchemaName, SchemaTables> = {
  IFC2X3: ifc2x3Tables,
  IFC4: ifc4Tables,
  IFC4X3_ADD2: ifc4x3Tables,
};

/**
 * The schema helper for `IFC2X3`, `IFC4` or `IFC4X3_ADD2` (built once, then cached).
 *
 * @example
 * ifcSchema('IFC2X3').isSubtypeOf('IfcSpace', 'IfcSpatialStructureElement'); // true
 */
export function ifcSchema(name: IfcSchemaName): IfcSchema {
  let s = cache.get(name);
  if (!s) {
    s = new IfcSchema(tablesByName[name]);
    cache.set(name, s);
  }
  return s;
}

/**
 * Maps a FILE_SCHEMA identifier as written (`IFC4`, `IFC2X3_TC1`, `IFC4X3_ADD2`, `IFC4X3`) to
 * the schema tables used to read it, or undefined when it names no IFC schema.
 *
 * @example
 * schemaNameFor('IFC4X3_ADD1'); // 'IFC4X3_ADD2'
 */
export function schemaNameFor(identifier: string): IfcSchemaName | undefined {
  const id = identifier.trim().toUpperCase();
  if (/^IFC4X3/.test(id)) return 'IFC4X3_ADD2';
  if (/^IFC4(_ADD\d|_TC\d)?$/.test(id) || /^IFC4X[12]/.test(id)) return 'IFC4';
  if (/^IFC2X3/.test(id) || /^IFC2X2/.test(id)) return 'IFC2X3';
  return undefined;
}

/**
 * Whether `type` is `supertype` or a subtype of it in `schema` (names in any case).
 *
 * @example
 * isSubtypeOf('IFC4', 'IFCSPACE', 'IfcSpatialElement'); // true
 */
export function isSubtypeOf(schema: IfcSchemaName, type: string, supertype: string): boolean {
  return ifcSchema(schema).isSubtypeOf(type, supertype);
}
