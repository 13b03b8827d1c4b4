import type { Language } from '@foederal/core';
import type { StepValue } from '@foederal/ifc';
import type {
  AttributeFacet,
  ClassificationFacet,
  EntityFacet,
  Facet,
  IdsDocument,
  IdsValue,
  MaterialFacet,
  PartOfFacet,
  PartOfRelation,
  PropertyFacet,
  Specification,
} from './model.js';
import { ModelView } from './model-view.js';
import type { FoundValue, IdsModel, IdsModelEntity } from './model-view.js';
import type { EntityRef, IdsReport, RequirementResult, SpecificationResult } from './result.js';
import { ifc2x3Occurrence } from './ifc2x3-mapping.js';
import { describeValue, matchesText, matchesValue } from './values.js';

/**
 * Options of {@link checkIds}.
 *
 * @example
 * checkIds(ids, model, { maxFailures: 100 });
 */
export interface CheckIdsOptions {
  /** Failing entities kept per requirement (all are counted). Default 1000. */
  readonly maxFailures?: number;
}

interface Outcome {
  readonly ok: boolean;
  readonly de: string;
  readonly en: string;
}
const PASS: Outcome = { ok: true, de: '', en: '' };
const fail = (de: string, en: string): Outcome => ({ ok: false, de, en });

type Text = { de: string; en: string };

const show = (v: IdsValue) => describeValue(v, 'en');
const showDe = (v: IdsValue) => describeValue(v, 'de');

/** Readable statement of a facet in one language. */
function facetText(f: Facet, lang: Language): string {
  const q = (v: IdsValue) => describeValue(v, lang);
  const de = lang === 'de';
  switch (f.facet) {
    case 'entity': {
      const pt = f.predefinedType ? ` / PredefinedType ${q(f.predefinedType)}` : '';
      return `${de ? 'Entität' : 'entity'} ${q(f.name)}${pt}`;
    }
    case 'attribute':
      return `${de ? 'Attribut' : 'attribute'} ${q(f.name)}${f.value ? ` = ${q(f.value)}` : ''}`;
    case 'property': {
      const dt = f.dataType ? ` (${f.dataType})` : '';
      return `${de ? 'Eigenschaft' : 'property'} ${q(f.propertySet)}.${q(f.baseName)}${dt}${f.value ? ` = ${q(f.value)}` : ''}`;
    }
    case 'classification':
      return `${de ? 'Klassifikation' : 'classification'}${f.system ? ` ${q(f.system)}` : ''}${f.value ? ` ${q(f.value)}` : ''}`;
    case 'material':
      return `${de ? 'Material' : 'material'}${f.value ? ` ${q(f.value)}` : ''}`;
    case 'partOf': {
      const rel = f.relation ? ` (${f.relation})` : '';
      const pt = f.entity.predefinedType ? ` / ${q(f.entity.predefinedType)}` : '';
      return `${de ? 'Teil von' : 'part of'} ${q(f.entity.name)}${pt}${rel}`;
    }
  }
}

/**
 * Readable statement of a facet, German and English.
 *
 * @example
 * describeFacet(ids.specifications[0]!.requirements[0]!).de; // 'Eigenschaft „Pset_WallCommon“.„FireRating“'
 */
export function describeFacet(f: Facet): Text {
  return { de: facetText(f, 'de'), en: facetText(f, 'en') };
}

const str = (v: StepValue | undefined): string | null => {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'kind' in v && v.kind === 'typed') return str(v.value);
  return null;
};

const present = (v: FoundValue): boolean => v !== null && v.kind !== 'unknown';

/** Evaluates facets against entities of one model. */
class Checker {
  readonly view: ModelView;
  constructor(model: IdsModel) {
    this.view = new ModelView(model);
  }

  entityMatches(f: { name: IdsValue; predefinedType?: IdsValue | undefined }, e: IdsModelEntity): Outcome {
    // Entity names compare case-sensitively: IFC class names are written in upper case in IDS.
    if (!matchesText(f.name, e.type) && !this.ifc2x3Match(f.name, e)) {
      return fail(`ist ${e.type}, gefordert ${showDe(f.name)}`, `is ${e.type}, required ${show(f.name)}`);
    }
    if (f.predefinedType) {
      const pts = this.view.predefinedTypes(e.id);
      const wanted = f.predefinedType;
      if (!pts.some((pt) => matchesText(wanted, pt))) {
        const shown = pts.join(' / ') || '—';
        return fail(`PredefinedType ist ${shown}, gefordert ${showDe(wanted)}`, `PredefinedType is ${shown}, required ${show(wanted)}`);
      }
    }
    return PASS;
  }

  /** IFC2X3: IFCAIRTERMINAL matches an IfcFlowTerminal typed by an IfcAirTerminalType. */
  ifc2x3Match(name: IdsValue, e: IdsModelEntity): boolean {
    if (this.view.model.schema !== 'IFC2X3') return false;
    const texts = name.kind === 'simple' ? [name.value] : (name.enumeration ?? []);
    for (const t of texts) {
      const m = ifc2x3Occurrence(this.view.schema, t);
      if (!m || !this.view.schema.isSubtypeOf(e.type, m.occurrence)) continue;
      const typeId = this.view.typeObjectOf(e.id);
      const type = typeId === undefined ? undefined : this.view.get(typeId);
      if (type && this.view.schema.isSubtypeOf(type.type, m.type)) return true;
    }
    return false;
  }

  entity(f: EntityFacet, e: IdsModelEntity): Outcome {
    return this.entityMatches(f, e);
  }

  /** Attribute facet, evaluated as `required` (applicability uses the same test). */
  attribute(f: AttributeFacet, e: IdsModelEntity): { found: boolean; outcome: Outcome } {
    const info = this.view.schema.entity(e.type);
    const attrs = (info?.attributes ?? []).filter((a) => matchesText(f.name, a.name));
    const values: [string, FoundValue][] = [];
    for (const a of attrs) {
      const raw = e.attributes[a.name];
      if (raw === null || raw === undefined) continue;
      const v = this.view.scalar(raw, a.type.startsWith('[') ? undefined : a.type);
      const empty = raw === '' || (Array.isArray(raw) && raw.length === 0) || v === null || v.kind === 'unknown';
      if (empty) {
        return { found: true, outcome: fail(`${a.name} ist leer (leerer Text, leere Liste oder UNKNOWN)`, `${a.name} is empty (empty text, empty list or UNKNOWN)`) };
      }
      values.push([a.name, v]);
    }
    if (values.length === 0) {
      return {
        found: false,
        outcome: fail(`Attribut ${showDe(f.name)} fehlt oder ist leer`, `attribute ${show(f.name)} is missing or empty`),
      };
    }
    if (f.value) {
      for (const [name, v] of values) {
        if (v === null || v.kind === 'object') {
          return { found: true, outcome: fail(`${name} ist ein Objekt und nicht vergleichbar`, `${name} is an object and cannot be compared`) };
        }
        if (!matchesValue(f.value, v)) {
          const shown = v.kind === 'unknown' ? 'UNKNOWN' : String(v.value);
          return { found: true, outcome: fail(`${name} ist „${shown}“, gefordert ${showDe(f.value)}`, `${name} is "${shown}", required ${show(f.value)}`) };
        }
      }
    }
    return { found: true, outcome: PASS };
  }

  property(f: PropertyFacet, e: IdsModelEntity): { found: boolean; outcome: Outcome } {
    const sets = this.view.propertySets(e.id).filter((s) => matchesText(f.propertySet, s.name));
    const label = `${show(f.propertySet)}.${show(f.baseName)}`;
    const labelDe = `${showDe(f.propertySet)}.${showDe(f.baseName)}`;
    if (sets.length === 0) {
      return { found: false, outcome: fail(`Eigenschaftensatz ${showDe(f.propertySet)} fehlt`, `property set ${show(f.propertySet)} is missing`) };
    }
    let found = false;
    let outcome: Outcome = PASS;
    for (const set of sets) {
      const props = [...set.properties.values()].filter((p) => matchesText(f.baseName, p.name));
      if (props.length === 0) {
        if (outcome.ok) outcome = fail(`${set.name} hat keine Eigenschaft ${showDe(f.baseName)}`, `${set.name} has no property ${show(f.baseName)}`);
        continue;
      }
      found = true;
      for (const p of props) {
        if (!outcome.ok) break;
        const where = `${set.name}.${p.name}`;
        if (!p.supported) {
          outcome = fail(`${where} ist eine komplexe oder Referenz-Eigenschaft (nicht prüfbar)`, `${where} is a complex or reference property (cannot be checked)`);
          break;
        }
        const items = p.values
          .map((value, k) => ({ value, type: p.valueTypes[k] ?? p.dataType }))
          .filter(({ value: v }) => present(v) && !(v?.kind === 'string' && v.value === ''));
        if (items.length === 0) {
          outcome = fail(`${where} hat keinen Wert`, `${where} has no value`);
          break;
        }
        // With a data type only values of that type count: a table or list property may hold values
        // of several types, and any value of the required type may satisfy the value (ADR 0064).
        const wantedType = f.dataType?.toUpperCase();
        const typed = wantedType === undefined ? items : items.filter((i) => (i.type ?? '').toUpperCase() === wantedType);
        if (typed.length === 0) {
          const shown = [...new Set(items.map((i) => i.type ?? '—'))].join(', ');
          outcome = fail(`${where} hat den Datentyp ${shown}, gefordert ${f.dataType ?? ''}`, `${where} has data type ${shown}, required ${f.dataType ?? ''}`);
          break;
        }
        if (f.value) {
          const value = f.value;
          const ok = typed.some(({ value: v }) => v !== null && v.kind !== 'object' && matchesValue(value, v));
          if (!ok) {
            const shown = typed.map(({ value: v }) => (v === null || v.kind === 'object' ? 'Objekt/object' : v.kind === 'unknown' ? 'UNKNOWN' : String(v.value))).join(', ');
            outcome = fail(`${where} ist „${shown}“, gefordert ${showDe(value)}`, `${where} is "${shown}", required ${show(value)}`);
          }
        }
      }
    }
    if (!found && outcome.ok) outcome = fail(`${labelDe} fehlt`, `${label} is missing`);
    return { found, outcome };
  }

  classification(f: ClassificationFacet, e: IdsModelEntity): { found: boolean; outcome: Outcome } {
    const all = this.view.classifications(e.id);
    if (all.length === 0) return { found: false, outcome: fail('nicht klassifiziert', 'not classified') };
    const hit = all.some(
      (c) =>
        (!f.system || (c.system !== null && matchesText(f.system, c.system))) &&
        (!f.value || c.values.some((v) => matchesText(f.value as IdsValue, v))),
    );
    if (hit) return { found: true, outcome: PASS };
    const shown = all.map((c) => `${c.system ?? '—'}: ${c.values.join(' < ') || '—'}`).join('; ');
    return { found: true, outcome: fail(`Klassifikationen ${shown} passen nicht`, `classifications ${shown} do not match`) };
  }

  material(f: MaterialFacet, e: IdsModelEntity): { found: boolean; outcome: Outcome } {
    const names = this.view.materials(e.id);
    if (names.length === 0) return { found: false, outcome: fail('kein Material zugeordnet', 'no material assigned') };
    if (!f.value) return { found: true, outcome: PASS };
    const value = f.value;
    if (names.some((n) => n !== '' && matchesText(value, n))) return { found: true, outcome: PASS };
    const shown = names.filter(Boolean).join(', ') || '—';
    return { found: true, outcome: fail(`Materialien ${shown} passen nicht zu ${showDe(value)}`, `materials ${shown} do not match ${show(value)}`) };
  }

  partOf(f: PartOfFacet, e: IdsModelEntity): Outcome {
    const seen = new Set<number>([e.id]);
    let frontier: { id: number; via: PartOfRelation | undefined }[] = [{ id: e.id, via: undefined }];
    const follows = (rel: PartOfRelation, via: PartOfRelation | undefined): boolean => {
      if (!f.relation) return true;
      if (rel === f.relation) return true;
      // A spatial container is itself part of a larger one by aggregation.
      return f.relation === 'IFCRELCONTAINEDINSPATIALSTRUCTURE' && via !== undefined && rel === 'IFCRELAGGREGATES';
    };
    for (let depth = 0; frontier.length > 0 && depth < 256; depth++) {
      const next: typeof frontier = [];
      for (const node of frontier) {
        for (const parent of this.view.parents(node.id)) {
          if (!follows(parent.relation, node.via) || seen.has(parent.id)) continue;
          seen.add(parent.id);
          const whole = this.view.get(parent.id);
          if (whole && this.entityMatches(f.entity, whole).ok) return PASS;
          next.push({ id: parent.id, via: node.via ?? parent.relation });
        }
      }
      frontier = next;
    }
    return fail(`ist nicht Teil von ${showDe(f.entity.name)}`, `is not part of ${show(f.entity.name)}`);
  }

  /** Whether `e` satisfies an applicability facet. */
  applies(f: Facet, e: IdsModelEntity): boolean {
    switch (f.facet) {
      case 'entity':
        return this.entity(f, e).ok;
      case 'attribute':
        return this.attribute(f, e).outcome.ok;
      case 'property':
        return this.property(f, e).outcome.ok;
      case 'classification':
        return this.classification(f, e).outcome.ok;
      case 'material':
        return this.material(f, e).outcome.ok;
      case 'partOf':
        return this.partOf(f, e).ok;
    }
  }

  /** Whether `e` satisfies a requirement facet under its cardinality. */
  requirement(f: Facet, e: IdsModelEntity): Outcome {
    let found = true;
    let outcome: Outcome;
    switch (f.facet) {
      case 'entity':
        outcome = this.entity(f, e);
        break;
      case 'partOf':
        outcome = this.partOf(f, e);
        break;
      case 'attribute':
        ({ found, outcome } = this.attribute(f, e));
        break;
      case 'property':
        ({ found, outcome } = this.property(f, e));
        break;
      case 'classification':
        ({ found, outcome } = this.classification(f, e));
        break;
      case 'material':
        ({ found, outcome } = this.material(f, e));
        break;
    }
    if (f.cardinality === 'required') return outcome;
    if (f.cardinality === 'optional') return found ? outcome : PASS;
    if (!outcome.ok) return PASS;
    const d = describeFacet(f);
    return fail(`${d.de} ist vorhanden, aber verboten`, `${d.en} is present but prohibited`);
  }

  /** Candidate entity ids for an applicability: by the entity facet's names, else every entity. */
  candidates(spec: Specification): Iterable<number> {
    const ent = spec.applicability.find((f): f is EntityFacet => f.facet === 'entity');
    const model = this.view.model;
    const types = Object.keys(model.typeCounts());
    let wanted: string[];
    if (ent && ent.name.kind === 'simple') wanted = [ent.name.value];
    else if (ent) wanted = types.filter((t) => matchesText(ent.name, t));
    else wanted = types.filter((t) => this.typeMayApply(spec, t));
    const present = new Set(types);
    const lists = wanted.filter((t) => present.has(t)).map((t) => model.ofType(t));
    if (ent && model.schema === 'IFC2X3') {
      const texts = ent.name.kind === 'simple' ? [ent.name.value] : (ent.name.enumeration ?? []);
      for (const t of texts) {
        const m = ifc2x3Occurrence(this.view.schema, t);
        if (m) lists.push(model.ofType(m.occurrence, { includeSubtypes: true }));
      }
    }
    return (function* () {
      if (lists.length === 1) return yield* lists[0] as readonly number[];
      const seen = new Set<number>();
      for (const list of lists) {
        for (const id of list) {
          if (seen.has(id)) continue;
          seen.add(id);
          yield id;
        }
      }
    })();
  }

  /**
   * Without an entity facet every type is a candidate; types that can never satisfy the other
   * applicability facets are left out (no such attribute; properties, materials and wholes only
   * exist for object definitions).
   */
  typeMayApply(spec: Specification, type: string): boolean {
    const schema = this.view.schema;
    for (const f of spec.applicability) {
      if (f.facet === 'attribute' && f.name.kind === 'simple' && schema.attributeIndex(type, f.name.value) < 0) return false;
      if ((f.facet === 'property' || f.facet === 'material' || f.facet === 'partOf') && !schema.isSubtypeOf(type, 'IFCOBJECTDEFINITION')) {
        return false;
      }
    }
    return true;
  }

  /** Cheap tests on relation indexes before an entity is decoded. */
  mayApply(spec: Specification, id: number): boolean {
    for (const f of spec.applicability) {
      if (f.facet === 'property' && !this.view.hasPropertySets(id)) return false;
      if (f.facet === 'partOf' && this.view.parents(id).length === 0) return false;
      if (f.facet === 'classification' && this.view.classifications(id).length === 0) return false;
      if (f.facet === 'material' && this.view.materials(id).length === 0) return false;
    }
    return true;
  }

  ref(e: IdsModelEntity): EntityRef {
    return { id: e.id, type: e.type, globalId: str(e.attributes['GlobalId']), name: str(e.attributes['Name']) };
  }
}

/**
 * Check an IFC model against an IDS document: for each specification the applicable entities and,
 * for each requirement, which entities pass or fail and why. Every specification is evaluated, also
 * when its `ifcVersion` does not list the model's schema (as the official test cases expect).
 *
 * @example
 * const ids = parseIds(readFileSync('requirements.ids'));
 * const model = parseIfc(readFileSync('school.ifc'));
 * const report = checkIds(ids, model);
 * console.log(report.passed, report.summary);
 */
export function checkIds(ids: IdsDocument, model: IdsModel, options: CheckIdsOptions = {}): IdsReport {
  const maxFailures = options.maxFailures ?? 1000;
  const checker = new Checker(model);
  const specifications: SpecificationResult[] = [];
  let checked = 0;
  for (const spec of ids.specifications) {
    const applicabilityText = spec.applicability.map(describeFacet);
    const requirements: RequirementResult[] = spec.requirements.map((f) => ({
      facet: f.facet,
      cardinality: f.cardinality,
      description: describeFacet(f),
      ...(f.instructions !== undefined ? { instructions: f.instructions } : {}),
      line: f.line,
      passed: 0,
      failed: 0,
      failures: [],
    }));
    const base = {
      name: spec.name,
      ...(spec.identifier !== undefined ? { identifier: spec.identifier } : {}),
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      ...(spec.instructions !== undefined ? { instructions: spec.instructions } : {}),
      ifcVersion: spec.ifcVersion,
      usage: spec.usage,
      applicability: applicabilityText,
    };
    let applicable = 0;
    let passedEntities = 0;
    let failedEntities = 0;
    const prohibitedEntities: EntityRef[] = [];
    for (const id of checker.candidates(spec)) {
      checked += 1;
      if (!checker.mayApply(spec, id)) continue;
      const e = checker.view.get(id);
      if (!e) continue;
      if (!spec.applicability.every((f) => checker.applies(f, e))) continue;
      applicable += 1;
      if (spec.usage === 'prohibited') {
        if (prohibitedEntities.length < maxFailures) prohibitedEntities.push(checker.ref(e));
        continue;
      }
      let ok = true;
      spec.requirements.forEach((f, i) => {
        const r = requirements[i] as RequirementResult;
        const outcome = checker.requirement(f, e);
        if (outcome.ok) r.passed += 1;
        else {
          ok = false;
          r.failed += 1;
          if (r.failures.length < maxFailures) r.failures.push({ entity: checker.ref(e), reason: { de: outcome.de, en: outcome.en } });
        }
      });
      if (ok) passedEntities += 1;
      else failedEntities += 1;
    }
    let status: 'pass' | 'fail' = 'pass';
    let message: Text | undefined;
    if (spec.usage === 'prohibited') {
      if (applicable > 0) {
        status = 'fail';
        message = { de: `${applicable} Entitäten gefunden, die Spezifikation verbietet sie`, en: `${applicable} entities found, the specification prohibits them` };
      }
    } else if (failedEntities > 0) {
      status = 'fail';
    } else if (spec.usage === 'required' && applicable === 0) {
      status = 'fail';
      message = { de: 'keine anwendbare Entität gefunden, mindestens eine ist erforderlich', en: 'no applicable entity found, at least one is required' };
    }
    specifications.push({
      ...base,
      status,
      ...(message ? { message } : {}),
      applicable,
      passedEntities,
      failedEntities,
      prohibitedEntities,
      requirements,
    });
  }
  const count = (s: string) => specifications.filter((x) => x.status === s).length;
  const entities = Object.values(model.typeCounts()).reduce((a, b) => a + b, 0);
  return {
    title: ids.info.title,
    ids: {
      title: ids.info.title,
      ...(ids.info.version !== undefined ? { version: ids.info.version } : {}),
      ...(ids.info.author !== undefined ? { author: ids.info.author } : {}),
      ...(ids.info.date !== undefined ? { date: ids.info.date } : {}),
      ...(ids.info.description !== undefined ? { description: ids.info.description } : {}),
    },
    model: { schema: model.schema, entities },
    passed: count('fail') === 0,
    summary: {
      specifications: specifications.length,
      passed: count('pass'),
      failed: count('fail'),
      checkedEntities: checked,
    },
    specifications,
    problems: checker.view.problems,
  };
}

