import {
  classificationsOf,
  materialsOf,
  type IfcClassificationRef,
  type IfcMaterialAssignment,
} from './associations.js';
import type { IfcBuildingData } from './building-data.js';
import type { Din277AreasOptions, IfcDin277Areas } from './din277.js';
import { IfcError, type IfcWarning } from './errors.js';
import {
  PropertyReader,
  type IfcPropertyDefinitionLink,
  type IfcPropertySet,
  type IfcQuantitySet,
  type InheritOptions,
} from './properties.js';
import { RelationIndex, relationsOf, wholesOf, type EntityRelations, type PartOfRelation } from './relations.js';
import { buildSpatialTree, spatialCounts, type SpatialTree } from './spatial.js';
import { IfcIndex } from './model-index.js';
import type { IfcEntity, IfcHeader, IfcModelCore, OfTypeOptions } from './model-types.js';
import { ifcSchema, type IfcSchema, type IfcSchemaName } from './schema/schema.js';
import { ArgumentDecoder } from './step/decode.js';
import type { Scanner } from './step/scanner.js';
import { isReference, type StepTyped, type StepValue } from './step/values.js';

export { IfcIndex };
export type { IfcEntity, IfcHeader, OfTypeOptions };


function str(v: StepValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}
function strList(v: StepValue | undefined): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}


/**
 * An opened IFC model: an index of every entity, decoded lazily. Create it with `openIfc`,
 * `parseIfc` or `openIfcFile`.
 *
 * @example
 * const model = parseIfc(bytes);
 * console.log(model.schema, model.size, model.typeCounts()['IFCWALL']);
 * for (const id of model.ofType('IfcSpace')) console.log(model.get(id)?.attributes['Name']);
 */
export class IfcModel implements IfcModelCore {
  /** Schema whose tables are used: `IFC2X3`, `IFC4` or `IFC4X3_ADD2`. */
  readonly schema: IfcSchemaName;
  /** The first FILE_SCHEMA entry as written (e.g. `IFC4X3_ADD2`, `IFC2X3`). */
  readonly schemaIdentifier: string;
  readonly header: IfcHeader;
  /** Schema facts (hierarchy, attribute names) for this model's schema. */
  readonly schemaInfo: IfcSchema;
  readonly #warnings: IfcWarning[];
  /** Number of DATA sections. */
  readonly dataSections: number;
  /** Size of the STEP text in bytes. */
  readonly byteLength: number;
  /** @internal */
  readonly index: IfcIndex;
  readonly #attrNames: (readonly string[] | undefined)[] = [];
  #byType: { offsets: Uint32Array; order: Uint32Array } | undefined;
  #rel: RelationIndex | undefined;
  #props: PropertyReader | undefined;

  /** @internal */
  constructor(init: {
    index: IfcIndex;
    header: IfcHeader;
    schema: IfcSchemaName;
    schemaIdentifier: string;
    warnings: IfcWarning[];
    dataSections: number;
    byteLength: number;
  }) {
    this.index = init.index;
    this.header = init.header;
    this.schema = init.schema;
    this.schemaIdentifier = init.schemaIdentifier;
    this.schemaInfo = ifcSchema(init.schema);
    this.#warnings = init.warnings;
    this.dataSections = init.dataSections;
    this.byteLength = init.byteLength;
  }

  /**
   * Problems met while reading that did not stop it (duplicate ids, unknown types, truncation…),
   * with byte offset, line and entity id. Problems found while building the relation index
   * (dangling references, malformed relationships) are appended when it is first used.
   */
  get warnings(): readonly IfcWarning[] {
    return this.#warnings;
  }

  /** The inverse relation index, built on first use in one pass over all relationships. */
  #relations(): RelationIndex {
    if (!this.#rel) {
      const found: (Omit<IfcWarning, 'line'> & { offset: number })[] = [];
      this.#rel = new RelationIndex(this, (w) => {
        if (found.length < 1000) found.push(w);
      });
      this.#warnings.push(...withLines(this.index.bytes, found));
    }
    return this.#rel;
  }

  #reader(): PropertyReader {
    this.#props ??= new PropertyReader(this, this.#relations());
    return this.#props;
  }

  /**
   * Direct relations of `#id`: aggregation, nesting, containment, voids and fills, groups and
   * type objects, in both directions.
   *
   * @example
   * const r = model.relations(doorId);
   * console.log(r.fills, r.containedIn, r.type);
   */
  relations(id: number): EntityRelations {
    return relationsOf(this.#relations(), id);
  }

  /**
   * The direct wholes of `#id` through one relationship, as the IDS partOf facet names them:
   * the aggregate (IFCRELAGGREGATES), the groups (IFCRELASSIGNSTOGROUP), the spatial structure
   * (IFCRELCONTAINEDINSPATIALSTRUCTURE), the nesting object (IFCRELNESTS), the voided element of
   * an opening (IFCRELVOIDSELEMENT) or the opening a door or window fills (IFCRELFILLSELEMENT).
   *
   * @example
   * model.partOf(spaceId, 'IFCRELAGGREGATES'); // [storeyId]
   */
  partOf(id: number, relation: PartOfRelation): number[] {
    return wholesOf(this.#relations(), id, relation);
  }

  /**
   * The spatial structure: project → sites → buildings (facilities) → storeys → spaces through
   * IfcRelAggregates, with names, long names, storey elevations and contained element counts.
   *
   * @example
   * for (const site of model.spatialTree().projects[0]?.children ?? []) console.log(site.name);
   */
  spatialTree(): SpatialTree {
    return buildSpatialTree(this, this.#relations());
  }

  /** Number of spatial elements per upper-case type (IfcSpatialElement, IFC2X3: IfcSpatialStructureElement). */
  spatialCounts(): Record<string, number> {
    return spatialCounts(this);
  }

  /**
   * Property sets of `#id`, including those of its type object (IfcRelDefinesByType and the
   * type's HasPropertySets): a type set of the same name fills in properties the occurrence lacks;
   * other type sets follow with `source: 'type'`. `{ inherit: false }` gives the object's own.
   *
   * @example
   * const common = model.propertySets(wallId).find((p) => p.name === 'Pset_WallCommon');
   * console.log(common?.properties.find((p) => p.name === 'IsExternal')?.value);
   */
  propertySets(id: number, options: InheritOptions = {}): IfcPropertySet[] {
    return this.#reader().propertySets(id, options);
  }

  /**
   * The property-definition relations of `#id`: which property sets, quantity sets and predefined
   * property sets are attached to it and through what. Its own come first (each
   * IfcRelDefinesByProperties naming it, then, for a type object, its HasPropertySets), then those
   * of its type object (`source: 'type'`, with the IfcRelDefinesByType in `typeRelationship`).
   * Nothing is decoded except a type object's HasPropertySets; `propertySets` and `quantities`
   * read the sets through the same links. `{ inherit: false }` gives the object's own only.
   *
   * @example
   * const links = model.propertyDefinitions(wallId);
   * const fromType = links.filter((l) => l.source === 'type').map((l) => l.definition);
   * console.log(links[0]?.via, links[0]?.relationship); // 'IFCRELDEFINESBYPROPERTIES', 23
   */
  propertyDefinitions(id: number, options: InheritOptions = {}): IfcPropertyDefinitionLink[] {
    return this.#reader().definitions(id, options);
  }

  /**
   * Quantity sets (IfcElementQuantity) of `#id`, including those of its type object.
   *
   * @example
   * const area = model.quantities(spaceId).flatMap((q) => q.quantities).find((q) => q.name === 'NetFloorArea');
   */
  quantities(id: number, options: InheritOptions = {}): IfcQuantitySet[] {
    return this.#reader().quantities(id, options);
  }

  /**
   * Classification references of `#id` (and of its type object), with system, edition and
   * identification.
   *
   * @example
   * model.classifications(wallId).map((c) => `${c.system}: ${c.identification}`);
   */
  classifications(id: number, options: InheritOptions = {}): IfcClassificationRef[] {
    return classificationsOf(this, this.#relations(), id, options.inherit ?? true);
  }

  /**
   * Materials of `#id` (and of its type object): single materials, lists, layer sets (through
   * usages), profile sets and constituent sets, with every IfcMaterial reached.
   *
   * @example
   * model.materials(wallId).flatMap((m) => m.materials.map((x) => x.name));
   */
  materials(id: number, options: InheritOptions = {}): IfcMaterialAssignment[] {
    return materialsOf(this, this.#relations(), id, options.inherit ?? true);
  }

  /**
   * The spatial structure as `@foederal/building-data` sites, buildings, storeys and spaces,
   * with DIN 277 areas of spaces from their quantity sets when present. Loads the mapping (and
   * zod) on first use, so opening a model stays light; `toBuildingData(model)` from
   * `@foederal/ifc/building-data` is the synchronous form.
   *
   * @example
   * const { sites, problems } = await model.toBuildingData();
   * console.log(sites[0]?.buildings[0]?.storeys.map((s) => s.name));
   */
  async toBuildingData(): Promise<IfcBuildingData> {
    const { toBuildingData } = await import('./building-data.js');
    return toBuildingData(this);
  }

  /**
   * DIN 277 areas of the model: the building data, with usage categories also from DIN 277
   * classification references, rolled up per site and building and in total. Loads the mapping
   * on first use; `din277Areas(model, options)` from `@foederal/ifc/building-data` is the
   * synchronous form.
   *
   * @example
   * const { areas, classifiedSpaces } = await model.din277Areas();
   * console.log(areas.nrf, areas.nuf5, classifiedSpaces);
   */
  async din277Areas(options: Din277AreasOptions = {}): Promise<IfcDin277Areas> {
    const { din277Areas } = await import('./din277.js');
    return din277Areas(this, options);
  }

  /** Number of entity instances. */
  get size(): number {
    return this.index.count;
  }

  /** The highest express id. */
  get maxExpressId(): number {
    return this.index.maxId;
  }

  /** True when an entity `#id` exists. */
  has(id: number): boolean {
    return this.index.indexOf(id) >= 0;
  }

  /** Upper-case type of `#id` without decoding it, or undefined. */
  typeOf(id: number): string | undefined {
    const i = this.index.indexOf(id);
    return i < 0 ? undefined : this.index.typeNames[this.index.types[i] as number];
  }

  readonly #isA = new Map<string, Int8Array>();

  /**
   * Whether the interned type `t` is `supertype` or one of its subtypes (cached per supertype).
   * @internal
   */
  isTypeIndexA(t: number, supertype: string): boolean {
    let cache = this.#isA.get(supertype);
    if (!cache || cache.length < this.index.typeNames.length) {
      cache = new Int8Array(this.index.typeNames.length);
      this.#isA.set(supertype, cache);
    }
    let v = cache[t] as number;
    if (v === 0) {
      v = this.schemaInfo.isSubtypeOf(this.index.typeNames[t] as string, supertype) ? 1 : -1;
      cache[t] = v;
    }
    return v === 1;
  }

  /** True when `#id` is of type `type` or a subtype of it. */
  isA(id: number, type: string): boolean {
    const t = this.typeOf(id);
    return t !== undefined && this.schemaInfo.isSubtypeOf(t, type);
  }

  /** Attribute names for the interned type index. */
  #names(t: number): readonly string[] {
    let names = this.#attrNames[t];
    if (!names) {
      names = this.schemaInfo.attributeNames(this.index.typeNames[t] as string);
      this.#attrNames[t] = names;
    }
    return names;
  }

  /**
   * Decodes `#id`: its type, attributes named by the schema and raw arguments; undefined when
   * there is no such entity. Throws an {@link IfcError} (`syntax`) with offset and id when its
   * text is malformed.
   */
  get(id: number): IfcEntity | undefined {
    const i = this.index.indexOf(id);
    if (i < 0) return undefined;
    const t = this.index.types[i] as number;
    const args = this.index.argsAt(i);
    const names = this.#names(t);
    const attributes: Record<string, StepValue> = {};
    const n = Math.min(names.length, args.length);
    for (let k = 0; k < n; k++) attributes[names[k] as string] = args[k] as StepValue;
    return { id, type: this.index.typeNames[t] as string, attributes, args };
  }

  /** The raw decoded arguments of `#id`, or undefined. */
  args(id: number): StepValue[] | undefined {
    const i = this.index.indexOf(id);
    return i < 0 ? undefined : this.index.argsAt(i);
  }

  /** One attribute of `#id` by schema name (any case), or undefined. */
  attribute(id: number, name: string): StepValue | undefined {
    const t = this.typeOf(id);
    if (t === undefined) return undefined;
    const k = this.schemaInfo.attributeIndex(t, name);
    if (k < 0) return undefined;
    return this.args(id)?.[k];
  }

  /**
   * The source text of each top-level argument of `#id`, exactly as written (e.g. an elevation
   * `-1.8047785488306545E-12`).
   */
  rawArgs(id: number): string[] | undefined {
    const i = this.index.indexOf(id);
    if (i < 0) return undefined;
    const d = this.index.decoder;
    const spans: number[] = [];
    d.spans = spans;
    try {
      this.index.argsAt(i);
    } finally {
      d.spans = undefined;
    }
    const out: string[] = [];
    const td = new TextDecoder();
    for (let k = 0; k < spans.length; k += 2) {
      out.push(td.decode(this.index.bytes.subarray(spans[k] as number, spans[k + 1] as number)));
    }
    return out;
  }

  #typeOrder(): { offsets: Uint32Array; order: Uint32Array } {
    if (!this.#byType) {
      const { count, types, typeNames } = this.index;
      const offsets = new Uint32Array(typeNames.length + 1);
      for (let i = 0; i < count; i++) {
        const t = (types[i] as number) + 1;
        offsets[t] = (offsets[t] as number) + 1;
      }
      for (let t = 0; t < typeNames.length; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
      const fill = offsets.slice(0, typeNames.length);
      const order = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const t = types[i] as number;
        order[fill[t] as number] = i;
        fill[t] = (fill[t] as number) + 1;
      }
      this.#byType = { offsets, order };
    }
    return this.#byType;
  }

  /**
   * Express ids of all instances of `type` (any case), in file order; with
   * `{ includeSubtypes: true }` also of its subtypes.
   */
  ofType(type: string, options: OfTypeOptions = {}): number[] {
    const wanted = new Set(
      options.includeSubtypes ? this.schemaInfo.subtypesOf(type) : [type.toUpperCase()],
    );
    wanted.add(type.toUpperCase());
    const { offsets, order } = this.#typeOrder();
    const { typeNames, ids } = this.index;
    const positions: number[] = [];
    typeNames.forEach((name, t) => {
      if (!wanted.has(name)) return;
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k++) positions.push(order[k] as number);
    });
    if (wanted.size > 1) positions.sort((a, b) => a - b);
    return positions.map((i) => ids[i] as number);
  }

  /** Upper-case type name → number of instances. */
  typeCounts(): Record<string, number> {
    const counts = new Uint32Array(this.index.typeNames.length);
    const { types, count } = this.index;
    for (let i = 0; i < count; i++) {
      const t = types[i] as number;
      counts[t] = (counts[t] as number) + 1;
    }
    const out: Record<string, number> = {};
    this.index.typeNames.forEach((name, t) => {
      if (counts[t]) out[name] = counts[t] as number;
    });
    return out;
  }

  /** Every express id in file order. */
  *ids(): IterableIterator<number> {
    const { ids, count } = this.index;
    for (let i = 0; i < count; i++) yield ids[i] as number;
  }

  /**
   * Decodes every entity and checks every reference and the number of arguments against the
   * schema: returns the problems found (syntax errors, dangling references, argument counts, with
   * offset, line and entity id). Takes time on big models.
   */
  validate(options: { maxProblems?: number } = {}): IfcWarning[] {
    const max = options.maxProblems ?? 1000;
    const problems: (Omit<IfcWarning, 'line'> & { offset: number })[] = [];
    const { count, ids, starts } = this.index;
    const visit = (v: StepValue, id: number, offset: number): void => {
      if (isReference(v)) {
        if (this.index.indexOf(v.id) < 0 && problems.length < max) {
          problems.push({
            code: 'dangling-reference',
            message: `Verweis auf fehlende Entität #${v.id} / reference to missing entity #${v.id}`,
            offset,
            entityId: id,
          });
        }
      } else if (Array.isArray(v)) {
        for (const x of v) visit(x as StepValue, id, offset);
      } else if (typeof v === 'object' && v !== null && (v as StepTyped).kind === 'typed') visit((v as StepTyped).value, id, offset);
    };
    for (let i = 0; i < count && problems.length < max; i++) {
      try {
        const args = this.index.argsAt(i);
        for (const a of args) visit(a, ids[i] as number, starts[i] as number);
        const t = this.index.types[i] as number;
        const want = this.#names(t).length;
        if (want > 0 && args.length !== want && problems.length < max) {
          const type = this.index.typeNames[t] as string;
          problems.push({
            code: 'argument-count',
            message: `${type} hat ${args.length} statt ${want} Argumente / ${type} has ${args.length} arguments instead of ${want}`,
            offset: starts[i] as number,
            entityId: ids[i] as number,
          });
        }
      } catch (e) {
        if (!IfcError.isInstance(e)) throw e;
        problems.push({ code: e.code, message: e.message, offset: e.offset ?? (starts[i] as number), entityId: ids[i] as number });
      }
    }
    return withLines(this.index.bytes, problems);
  }

  /** The line (1-based) of a byte offset. */
  lineOf(offset: number): number {
    return withLines(this.index.bytes, [{ code: 'syntax', message: '', offset }])[0]?.line ?? 1;
  }
}

/** Adds line numbers to located problems in one pass. */
export function withLines(
  bytes: Uint8Array,
  items: readonly (Omit<IfcWarning, 'line'> & { offset: number })[],
): IfcWarning[] {
  const order = items.map((_, k) => k).sort((a, b) => (items[a]?.offset ?? 0) - (items[b]?.offset ?? 0));
  const out: IfcWarning[] = new Array<IfcWarning>(items.length);
  let line = 1;
  let p = 0;
  for (const k of order) {
    const w = items[k] as Omit<IfcWarning, 'line'> & { offset: number };
    for (;;) {
      const nl = bytes.indexOf(0x0a, p);
      if (nl < 0 || nl >= w.offset) break;
      line++;
      p = nl + 1;
    }
    out[k] = { ...w, line };
  }
  return out;
}

/** Reads the header entities into an {@link IfcHeader}. */
export function readHeader(bytes: Uint8Array, entities: Scanner['header']): IfcHeader {
  const d = new ArgumentDecoder(bytes);
  const get = (name: string): StepValue[] => {
    const e = entities.find((h) => h.name === name);
    if (!e) return [];
    return d.decodeList(e.start, e.end);
  };
  const desc = get('FILE_DESCRIPTION');
  const fn = get('FILE_NAME');
  const fs = get('FILE_SCHEMA');
  return {
    description: strList(desc[0]),
    implementationLevel: str(desc[1]),
    fileName: str(fn[0]),
    timeStamp: str(fn[1]),
    author: strList(fn[2]),
    organization: strList(fn[3]),
    preprocessorVersion: str(fn[4]),
    originatingSystem: str(fn[5]),
    authorization: str(fn[6]),
    schemas: strList(fs[0]),
  };
}
