import { ifcSchema } from '@foederal/ifc';
import type { IfcSchema } from '@foederal/ifc';
import type { IssueSink } from './structure.js';
import type { Facet, IdsDocument, IdsValue, IfcVersion, Specification } from './model.js';
import { ifc2x3Occurrence } from './ifc2x3-mapping.js';
import { TOLERANCE, describeValue, matchesText, parseXsdDouble, xsdLexical } from './values.js';

/** How a value of an attribute or a property data type is compared. */
export type ValueKind = 'string' | 'double' | 'integer' | 'boolean' | 'logical' | 'entity' | 'select' | 'aggregate' | 'binary';

/** Resolve a declared attribute type (`IfcLabel`, `[IfcCartesianPoint]`, `IfcWallTypeEnum`) to a value kind. */
export function valueKindOf(schema: IfcSchema, declared: string): ValueKind {
  if (declared.startsWith('[')) return 'aggregate';
  const t = schema.type(declared);
  if (!t) {
    if (schema.entity(declared)) return 'entity';
    return baseKind(declared.toUpperCase()) ?? 'string';
  }
  if (t.kind === 'select') return 'select';
  if (t.kind === 'enumeration') return 'string';
  const base = schema.baseType(declared);
  if (base) return baseKind(base) ?? 'string';
  // A defined type over an aggregate (e.g. IfcComplexNumber) or another non-simple type.
  return 'aggregate';
}

function baseKind(base: string): ValueKind | undefined {
  switch (base) {
    case 'STRING':
      return 'string';
    case 'REAL':
    case 'NUMBER':
      return 'double';
    case 'INTEGER':
      return 'integer';
    case 'BOOLEAN':
      return 'boolean';
    case 'LOGICAL':
      return 'logical';
    case 'BINARY':
      return 'binary';
    default:
      return undefined;
  }
}

const LEXICAL: Partial<Record<ValueKind, RegExp | undefined>> = {
  double: xsdLexical['xs:double'],
  integer: xsdLexical['xs:integer'],
  boolean: /^(true|false|0|1)$/,
};

/** Why an IDS value can never match a value of this kind, or undefined when it can. */
export function valueProblem(value: IdsValue, kind: ValueKind): string | undefined {
  if (kind === 'entity' || kind === 'select' || kind === 'aggregate' || kind === 'binary') {
    return `Werte von Objekten, Selects und Listen sind nicht prüfbar / values of objects, selects and lists cannot be checked (${kind})`;
  }
  const lexical = LEXICAL[kind];
  const texts = value.kind === 'simple' ? [value.value] : (value.enumeration ?? []);
  for (const t of texts) {
    if (lexical && !lexical.test(t.trim())) {
      return `„${t}“ ist kein gültiger Wert vom Typ ${kind} / "${t}" is not a valid ${kind} value`;
    }
  }
  if (value.kind === 'restriction') {
    if (value.patterns && kind !== 'string' && kind !== 'logical') {
      return `Muster gelten nur für Texte, der Wert ist vom Typ ${kind} / patterns only apply to text, the value is of type ${kind}`;
    }
  }
  return undefined;
}

/**
 * Upper-case entity names of `schema` that a facet's entity name value selects. In IFC2X3, IFC4
 * occurrence names that only exist as type objects there (IFCAIRTERMINAL) select their generic
 * occurrence class (IFCFLOWTERMINAL).
 */
export function entitiesMatching(schema: IfcSchema, name: IdsValue): string[] {
  const texts = name.kind === 'simple' ? [name.value.trim()] : (name.enumeration ?? []);
  const out = new Set<string>();
  for (const t of texts) {
    const mapped = ifc2x3Occurrence(schema, t);
    if (mapped) out.add(mapped.occurrence);
  }
  if (name.kind === 'simple') {
    const e = schema.entity(name.value.trim());
    if (e) out.add(e.upperName);
    return [...out];
  }
  for (const e of schema.entities()) if (matchesText(name, e.upperName)) out.add(e.upperName);
  return [...out];
}

function supportsPredefinedType(schema: IfcSchema, entity: string): boolean {
  if (schema.attributeIndex(entity, 'PredefinedType') >= 0) return true;
  // IFC2X3 occurrences take their predefined type from the type object (IfcWall → IfcWallType).
  for (const typeName of [`${entity}TYPE`, `${entity}STYLE`]) {
    if (schema.entity(typeName) && schema.attributeIndex(typeName, 'PredefinedType') >= 0) return true;
  }
  return false;
}

function describe(v: IdsValue): string {
  return v.kind === 'simple' ? `„${v.value}“` : `[${describeValue(v)}]`;
}

/** Semantic rules of IDS 1.0 that need the IFC schema (entity, attribute and data type names, types). */
export function auditSemantics(doc: IdsDocument, sink: IssueSink): void {
  doc.specifications.forEach((spec, index) => auditSpecification(spec, `/ids/specifications/specification[${index + 1}]`, sink));
}

function auditSpecification(spec: Specification, path: string, sink: IssueSink): void {
  const at = (line: number) => ({ line, column: 0 });
  if (spec.usage === 'prohibited' && spec.requirements.length > 0) {
    sink.error(at(spec.line), path, 'specification-prohibited-with-requirements', 'Eine verbotene Spezifikation (maxOccurs=0) darf keine Anforderungen haben / a prohibited specification (maxOccurs=0) must not have requirements');
  }
  const appEntity = spec.applicability.find((f) => f.facet === 'entity');
  for (const version of spec.ifcVersion) {
    const schema = ifcSchema(version);
    let candidates: string[] | undefined;
    if (appEntity && appEntity.facet === 'entity') {
      candidates = entitiesMatching(schema, appEntity.name);
    }
    const all = [...spec.applicability.map((f) => ['applicability', f] as const), ...spec.requirements.map((f) => ['requirements', f] as const)];
    for (const [section, f] of all) {
      auditFacet(schema, version, f, section === 'applicability' ? candidates : candidates, `${path}/${section}/${f.facet}`, sink, section === 'requirements' ? candidates : undefined);
    }
  }
  for (const f of [...spec.applicability, ...spec.requirements]) {
    auditBounds(f, `${path}/${f.facet}`, sink);
    auditEntityCase(f, `${path}/${f.facet}`, sink);
  }
}

function auditEntityCase(f: Facet, path: string, sink: IssueSink): void {
  if (f.facet !== 'entity' && f.facet !== 'partOf') return;
  const ent = f.facet === 'entity' ? f : f.entity;
  const at = { line: f.line, column: 0 };
  // IDS 1.0, entity facet, parameter Name: "A valid IFC class from the IFC schema. — The IFC
  // Class must match exactly"; IDS writes IFC classes in upper case (Name="IFCWALL" in every
  // example), as the STEP file does. A name in any other case (IfcWall) therefore never
  // matches exactly: the IDS is invalid, in applicability and requirements alike, and for the
  // entity of a partOf facet too (ADR 0064).
  const texts = ent.name.kind === 'simple' ? [ent.name.value.trim()] : (ent.name.enumeration ?? []).map((t) => t.trim());
  const mixed = texts.filter((t) => t !== t.toUpperCase());
  if (mixed.length > 0) {
    sink.error(
      at,
      path,
      'entity-case',
      `Entitätsnamen müssen in Großbuchstaben stehen: ${mixed.map((t) => `„${t}“ → ${t.toUpperCase()}`).join(', ')} / entity names must be upper case: ${mixed.map((t) => `"${t}" → ${t.toUpperCase()}`).join(', ')}`,
    );
  }
}

function auditFacet(
  schema: IfcSchema,
  version: IfcVersion,
  f: Facet,
  candidates: string[] | undefined,
  path: string,
  sink: IssueSink,
  applicable: string[] | undefined,
): void {
  const at = { line: f.line, column: 0 };
  switch (f.facet) {
    case 'entity':
    case 'partOf': {
      const ent = f.facet === 'entity' ? f : f.entity;
      const names = entitiesMatching(schema, ent.name);
      if (names.length === 0) {
        sink.error(at, path, 'entity-unknown', `${describe(ent.name)} bezeichnet keine Entität von ${version} / ${describe(ent.name)} names no entity of ${version}`);
        return;
      }
      const mappedType = ent.name.kind === 'simple' ? ifc2x3Occurrence(schema, ent.name.value.trim())?.type : undefined;
      const canHavePredefinedType = mappedType ? schema.attributeIndex(mappedType, 'PredefinedType') >= 0 : names.some((n) => supportsPredefinedType(schema, n));
      if (ent.predefinedType && !canHavePredefinedType) {
        sink.error(at, path, 'entity-no-predefined-type', `${names.slice(0, 3).join(', ')} hat in ${version} keinen PredefinedType / has no PredefinedType in ${version}`);
      }
      if (f.facet === 'entity' && applicable) {
        const want = new Set(names);
        if (!applicable.some((n) => want.has(n))) {
          sink.error(at, path, 'entity-requirement-unsatisfiable', `Die geforderte Entität passt zu keiner anwendbaren Entität (${applicable.slice(0, 3).join(', ')}); Untertypen zählen nicht / the required entity matches none of the applicable entities; subtypes do not count`);
        }
      }
      return;
    }
    case 'attribute': {
      if (candidates && candidates.length === 0) return;
      const pool = candidates ?? [...schema.entities()].map((e) => e.upperName);
      const kinds: ValueKind[] = [];
      for (const entity of pool) {
        const info = schema.entity(entity);
        if (!info) continue;
        for (const a of info.attributes) {
          if (!matchesText(f.name, a.name)) continue;
          kinds.push(valueKindOf(schema, a.type));
        }
      }
      if (kinds.length === 0) {
        const on = candidates ? candidates.slice(0, 3).join(', ') : version;
        sink.error(at, path, 'attribute-unknown', `${describe(f.name)} ist kein (direktes, nicht abgeleitetes, nicht inverses) Attribut von ${on} / ${describe(f.name)} is no explicit attribute of ${on}`);
        return;
      }
      if (f.value) {
        const problems = kinds.map((k) => valueProblem(f.value as IdsValue, k));
        if (problems.every((p) => p !== undefined)) {
          sink.error(at, path, 'attribute-value-type', problems[0] as string);
        }
      }
      return;
    }
    case 'property': {
      if (f.dataType === undefined) return;
      const t = schema.type(f.dataType);
      if (!t || t.kind === 'select') {
        sink.error(at, path, 'property-unknown-datatype', `dataType „${f.dataType}“ ist kein Datentyp von ${version} / dataType "${f.dataType}" is no data type of ${version}`);
        return;
      }
      if (f.value) {
        const kind = t.kind === 'enumeration' ? 'string' : valueKindOf(schema, f.dataType);
        const problem = valueProblem(f.value, kind === 'logical' ? 'string' : kind);
        if (problem) sink.error(at, path, 'property-value-type', problem);
      }
      return;
    }
    default:
      return;
  }
}

function auditBounds(f: Facet, path: string, sink: IssueSink): void {
  const values: IdsValue[] = [];
  for (const key of ['name', 'value', 'predefinedType', 'propertySet', 'baseName', 'system'] as const) {
    const v = (f as Partial<Record<typeof key, IdsValue>>)[key];
    if (v) values.push(v);
  }
  for (const v of values) {
    if (v.kind !== 'restriction') continue;
    const lo = parseXsdDouble(v.minInclusive ?? v.minExclusive ?? '');
    const hi = parseXsdDouble(v.maxInclusive ?? v.maxExclusive ?? '');
    if (lo === undefined || hi === undefined) continue;
    if (hi < lo) {
      sink.error({ line: f.line, column: 0 }, path, 'restriction-empty-range', `Bereich leer: ${lo} > ${hi} / empty range`);
    } else if (hi - lo < Math.abs(lo) * TOLERANCE + TOLERANCE) {
      sink.warning({ line: f.line, column: 0 }, path, 'restriction-narrow-range', 'Bereich schmaler als die Toleranz 1e-6 / range narrower than the 1e-6 tolerance');
    }
  }
}
