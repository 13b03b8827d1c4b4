import type { IdsIssue } from './errors.js';
import type {
  Cardinality,
  Facet,
  IdsDocument,
  IdsInfo,
  IdsValue,
  IfcVersion,
  PartOfRelation,
  RestrictionValue,
  Specification,
} from './model.js';
import { xsdLexical } from './values.js';
import type { XmlElement } from './xml.js';
import { XsdRegexSyntaxError, xsdPatternMatcher, xsdPatternToRegExp } from './xsd-regex.js';

/** Namespace of IDS 1.0 documents. */
export const IDS_NS = 'http://standards.buildingsmart.org/IDS';
const XS_NS = 'http://www.w3.org/2001/XMLSchema';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const IFC_VERSIONS: readonly IfcVersion[] = ['IFC2X3', 'IFC4', 'IFC4X3_ADD2'];
const RELATIONS: readonly PartOfRelation[] = [
  'IFCRELAGGREGATES',
  'IFCRELASSIGNSTOGROUP',
  'IFCRELCONTAINEDINSPATIALSTRUCTURE',
  'IFCRELNESTS',
  'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT',
];
const BASES = new Set([
  'string', 'normalizedString', 'token', 'double', 'float', 'decimal', 'integer', 'boolean', 'date',
  'dateTime', 'time', 'duration', 'anyURI', 'nonNegativeInteger', 'positiveInteger', 'int', 'long',
]);

/** Collects audit issues while walking the element tree. */
export class IssueSink {
  readonly issues: IdsIssue[] = [];
  error(el: { line: number; column: number }, path: string, rule: string, message: string): void {
    this.issues.push({ line: el.line, column: el.column, path, severity: 'error', rule, message });
  }
  warning(el: { line: number; column: number }, path: string, rule: string, message: string): void {
    this.issues.push({ line: el.line, column: el.column, path, severity: 'warning', rule, message });
  }
}

interface Ctx {
  readonly sink: IssueSink;
}

const isIds = (el: XmlElement) => el.uri === IDS_NS;
const isXs = (el: XmlElement) => el.uri === XS_NS;

function attr(el: XmlElement, name: string): string | undefined {
  return el.attributes.find((a) => a.uri === '' && a.local === name)?.value;
}

/** Reports attributes that the schema does not allow on this element. */
function checkAttributes(ctx: Ctx, el: XmlElement, path: string, allowed: readonly string[]): void {
  for (const a of el.attributes) {
    if (a.uri === XMLNS_NS || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    if (a.uri === XSI_NS) continue;
    if (a.uri === '' && allowed.includes(a.local)) continue;
    ctx.sink.error(el, path, 'xsd-unexpected-attribute', `Attribut „${a.name}“ ist hier nicht erlaubt / attribute "${a.name}" is not allowed here`);
  }
}

function checkNoText(ctx: Ctx, el: XmlElement, path: string): void {
  if (el.text.trim() !== '') {
    ctx.sink.error(el, path, 'xsd-unexpected-text', `Text ist in <${el.local}> nicht erlaubt / text is not allowed in <${el.local}>`);
  }
}

interface Slot {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/**
 * Match the children of `el` against an XSD sequence of IDS-namespace elements; reports missing,
 * unexpected, repeated and misordered elements. Returns the children per slot name.
 */
function sequence(ctx: Ctx, el: XmlElement, path: string, slots: readonly Slot[]): Map<string, XmlElement[]> {
  const found = new Map<string, XmlElement[]>();
  let slot = 0;
  for (const child of el.children) {
    const childPath = `${path}/${child.local}`;
    if (!isIds(child)) {
      ctx.sink.error(child, childPath, 'xsd-unexpected-element', `Element <${child.name}> ist hier nicht erlaubt (falscher Namensraum?) / element <${child.name}> is not allowed here (wrong namespace?)`);
      continue;
    }
    let i = slot;
    while (i < slots.length && slots[i]?.name !== child.local) i += 1;
    if (i === slots.length) {
      const earlier = slots.findIndex((s) => s.name === child.local);
      if (earlier >= 0) ctx.sink.error(child, childPath, 'xsd-element-order', `<${child.local}> steht an der falschen Stelle / <${child.local}> is out of order`);
      else ctx.sink.error(child, childPath, 'xsd-unexpected-element', `Element <${child.local}> ist hier nicht erlaubt / element <${child.local}> is not allowed here`);
      continue;
    }
    slot = i;
    const list = found.get(child.local) ?? [];
    list.push(child);
    found.set(child.local, list);
    const def = slots[i] as Slot;
    if (list.length > def.max) {
      ctx.sink.error(child, childPath, 'xsd-too-many', `<${child.local}> darf höchstens ${def.max}-mal vorkommen / <${child.local}> may occur at most ${def.max} time(s)`);
    }
  }
  for (const def of slots) {
    if ((found.get(def.name)?.length ?? 0) < def.min) {
      ctx.sink.error(el, path, 'xsd-missing-element', `Element <${def.name}> fehlt in <${el.local}> / element <${def.name}> is missing in <${el.local}>`);
    }
  }
  return found;
}

function one(map: Map<string, XmlElement[]>, name: string): XmlElement | undefined {
  return map.get(name)?.[0];
}

/** XML Schema whitespace `collapse` at the ends (the four XML space characters only). */
const collapse = (text: string) => text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '').replace(/[ \t\n\r]+/g, ' ');

/**
 * The value of an `xs:nonNegativeInteger` literal, or undefined if the text is not one: digits
 * with an optional `+`; a `-` only before a zero (`-0`), as XML Schema Part 2 allows.
 */
function nonNegativeIntegerValue(text: string): bigint | undefined {
  const t = collapse(text);
  if (/^\+?\d+$/.test(t)) return BigInt(t.replace('+', ''));
  if (/^-0+$/.test(t)) return 0n;
  return undefined;
}

function nonNegativeInteger(ctx: Ctx, el: XmlElement, path: string, text: string): number | undefined {
  const n = nonNegativeIntegerValue(text);
  if (n === undefined) {
    ctx.sink.error(el, path, 'xsd-invalid-value', `„${text}“ ist keine nicht-negative ganze Zahl / "${text}" is not a non-negative integer`);
    return undefined;
  }
  return Number(n);
}

/** `Infinity` stands for `unbounded`. */
type Occurs = bigint | typeof Infinity;

/**
 * The usage of a specification from the `minOccurs`/`maxOccurs` of its `<applicability>`
 * (ADR 0067). ids.xsd gives the applicability the attribute group `xs:occurs`: both attributes are
 * optional, `minOccurs` an `xs:nonNegativeInteger`, `maxOccurs` an `xs:allNNI` (a non-negative
 * integer or `unbounded`), both with the default 1. The IDS 1.0 documentation allows three
 * combinations only: 1/unbounded (required), 0/unbounded (optional) and 0/0 (prohibited).
 */
function applicabilityUsage(ctx: Ctx, el: XmlElement, path: string): Cardinality | undefined {
  const minAttr = attr(el, 'minOccurs');
  const maxAttr = attr(el, 'maxOccurs');
  const min: Occurs | undefined = minAttr === undefined ? 1n : nonNegativeIntegerValue(minAttr);
  const max: Occurs | undefined = maxAttr === undefined ? 1n : collapse(maxAttr) === 'unbounded' ? Infinity : nonNegativeIntegerValue(maxAttr);
  if (min === undefined) {
    ctx.sink.error(el, path, 'xsd-invalid-occurs', `minOccurs „${minAttr}“ ist keine nicht-negative ganze Zahl / minOccurs "${minAttr}" is not a non-negative integer`);
  }
  if (max === undefined) {
    ctx.sink.error(el, path, 'xsd-invalid-occurs', `maxOccurs „${maxAttr}“ ist weder eine nicht-negative ganze Zahl noch „unbounded“ / maxOccurs "${maxAttr}" is neither a non-negative integer nor "unbounded"`);
  }
  if (min === undefined || max === undefined) return undefined;
  const shown = (name: string, given: string | undefined, de: boolean) =>
    given !== undefined ? `${name}="${given}"` : de ? `${name} fehlt (Vorgabe 1)` : `${name} missing (default 1)`;
  const both = (de: boolean) => `${shown('minOccurs', minAttr, de)}, ${shown('maxOccurs', maxAttr, de)}`;
  if (max !== Infinity && min > max) {
    ctx.sink.error(el, path, 'specification-occurs-range', `${both(true)}: minOccurs ist größer als maxOccurs / ${both(false)}: minOccurs is greater than maxOccurs`);
    return undefined;
  }
  if (min === 1n && max === Infinity) return 'required';
  if (min === 0n && max === Infinity) return 'optional';
  if (min === 0n && max === 0n) return 'prohibited';
  ctx.sink.error(
    el,
    path,
    'specification-occurs',
    `${both(true)} ist nicht erlaubt; erlaubt sind minOccurs/maxOccurs 1/unbounded (erforderlich), 0/unbounded (optional), 0/0 (verboten) / ${both(false)} is not allowed; use minOccurs/maxOccurs 1/unbounded (required), 0/unbounded (optional) or 0/0 (prohibited)`,
  );
  return undefined;
}

/** `ids:idsValue`: exactly one of simpleValue or xs:restriction. */
function idsValue(ctx: Ctx, el: XmlElement, path: string): IdsValue | undefined {
  checkAttributes(ctx, el, path, []);
  checkNoText(ctx, el, path);
  const valid = el.children.filter((c) => (isIds(c) && c.local === 'simpleValue') || (isXs(c) && c.local === 'restriction'));
  for (const c of el.children) {
    if (!valid.includes(c)) ctx.sink.error(c, `${path}/${c.local}`, 'xsd-unexpected-element', `Element <${c.name}> ist hier nicht erlaubt / element <${c.name}> is not allowed here`);
  }
  if (valid.length !== 1) {
    ctx.sink.error(el, path, 'xsd-value-choice', `<${el.local}> braucht genau ein <simpleValue> oder <xs:restriction> / <${el.local}> needs exactly one <simpleValue> or <xs:restriction>`);
    if (valid.length === 0) return undefined;
  }
  const v = valid[0] as XmlElement;
  if (v.local === 'simpleValue') {
    const p = `${path}/simpleValue`;
    checkAttributes(ctx, v, p, []);
    for (const c of v.children) ctx.sink.error(c, `${p}/${c.local}`, 'xsd-unexpected-element', `<simpleValue> enthält nur Text / <simpleValue> holds text only`);
    return { kind: 'simple', value: v.text };
  }
  return restriction(ctx, v, `${path}/xs:restriction`);
}

const FACETS = new Set([
  'enumeration', 'pattern', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'length',
  'minLength', 'maxLength', 'totalDigits', 'fractionDigits', 'whiteSpace',
]);

function restriction(ctx: Ctx, el: XmlElement, path: string): RestrictionValue {
  checkAttributes(ctx, el, path, ['base', 'id']);
  checkNoText(ctx, el, path);
  const baseAttr = attr(el, 'base');
  let base = 'xs:string';
  if (baseAttr === undefined) {
    ctx.sink.error(el, path, 'restriction-missing-base', 'xs:restriction braucht ein Attribut base / xs:restriction needs a base attribute');
  } else {
    const local = baseAttr.includes(':') ? baseAttr.slice(baseAttr.indexOf(':') + 1) : baseAttr;
    if (!BASES.has(local)) {
      ctx.sink.error(el, path, 'restriction-unknown-base', `unbekannter Basistyp „${baseAttr}“ / unknown base type "${baseAttr}"`);
    } else base = `xs:${local}`;
  }
  const r: { -readonly [K in keyof RestrictionValue]: RestrictionValue[K] } = { kind: 'restriction', base };
  const lexical = xsdLexical[base];
  for (const c of el.children) {
    const p = `${path}/${c.name}`;
    if (isXs(c) && c.local === 'annotation') continue;
    if (!isXs(c) || !FACETS.has(c.local)) {
      ctx.sink.error(c, p, 'xsd-unexpected-element', `Element <${c.name}> ist in xs:restriction nicht erlaubt / element <${c.name}> is not allowed in xs:restriction`);
      continue;
    }
    checkAttributes(ctx, c, p, ['value', 'fixed', 'id']);
    const value = attr(c, 'value');
    if (value === undefined) {
      ctx.sink.error(c, p, 'xsd-missing-attribute', `<${c.name}> braucht ein Attribut value / <${c.name}> needs a value attribute`);
      continue;
    }
    switch (c.local) {
      case 'enumeration':
        if (lexical && !lexical.test(value)) {
          ctx.sink.error(c, p, 'restriction-value-lexical', `„${value}“ passt nicht zum Basistyp ${base} / "${value}" does not fit base type ${base}`);
        }
        (r.enumeration ??= []).push(value);
        break;
      case 'pattern':
        try {
          xsdPatternToRegExp(value);
          xsdPatternMatcher(value);
        } catch (error) {
          const reason = error instanceof XsdRegexSyntaxError ? error.message : String(error);
          ctx.sink.error(c, p, 'restriction-invalid-pattern', `ungültiges XSD-Muster „${value}“: ${reason} / invalid XSD pattern "${value}"`);
        }
        (r.patterns ??= []).push(value);
        break;
      case 'minInclusive':
      case 'maxInclusive':
      case 'minExclusive':
      case 'maxExclusive':
        if (lexical && !lexical.test(value)) {
          ctx.sink.error(c, p, 'restriction-value-lexical', `Grenze „${value}“ passt nicht zum Basistyp ${base} / bound "${value}" does not fit base type ${base}`);
        }
        if (r[c.local] !== undefined) ctx.sink.error(c, p, 'restriction-duplicate', `<${c.name}> doppelt / duplicate <${c.name}>`);
        r[c.local] = value;
        break;
      case 'length':
      case 'minLength':
      case 'maxLength': {
        const n = nonNegativeInteger(ctx, c, p, value);
        if (r[c.local] !== undefined) ctx.sink.error(c, p, 'restriction-duplicate', `<${c.name}> doppelt / duplicate <${c.name}>`);
        if (n !== undefined) r[c.local] = n;
        break;
      }
      default:
        ctx.sink.error(c, p, 'restriction-unsupported', `<${c.name}> wird von IDS 1.0 nicht unterstützt / <${c.name}> is not supported by IDS 1.0`);
    }
  }
  if (r.minLength !== undefined && r.maxLength !== undefined && r.minLength > r.maxLength) {
    ctx.sink.error(el, path, 'restriction-empty-range', 'minLength > maxLength');
  }
  return r;
}

function cardinality(ctx: Ctx, el: XmlElement, path: string, allowed: readonly Cardinality[]): Cardinality {
  const v = attr(el, 'cardinality');
  if (v === undefined) return 'required';
  if (!(allowed as readonly string[]).includes(v)) {
    ctx.sink.error(el, path, 'xsd-invalid-cardinality', `cardinality „${v}“ ist hier nicht erlaubt (erlaubt: ${allowed.join(', ')}) / cardinality "${v}" is not allowed here (allowed: ${allowed.join(', ')})`);
    return 'required';
  }
  return v as Cardinality;
}

function optionalAttrs<T extends Record<string, string | undefined>>(obj: T): { [K in keyof T]?: string } {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: string };
}

function entityParts(ctx: Ctx, el: XmlElement, path: string): { name: IdsValue; predefinedType?: IdsValue } | undefined {
  checkNoText(ctx, el, path);
  const m = sequence(ctx, el, path, [
    { name: 'name', min: 1, max: 1 },
    { name: 'predefinedType', min: 0, max: 1 },
  ]);
  const nameEl = one(m, 'name');
  const name = nameEl && idsValue(ctx, nameEl, `${path}/name`);
  const ptEl = one(m, 'predefinedType');
  const predefinedType = ptEl && idsValue(ctx, ptEl, `${path}/predefinedType`);
  if (!name) return undefined;
  return predefinedType ? { name, predefinedType } : { name };
}

/** One facet element of an applicability (`inRequirements` false) or requirements section. */
function facet(ctx: Ctx, el: XmlElement, path: string, inRequirements: boolean): Facet | undefined {
  const instructions = inRequirements ? attr(el, 'instructions') : undefined;
  const common = (card: Cardinality) => ({ cardinality: card, line: el.line, ...optionalAttrs({ instructions }) });
  checkNoText(ctx, el, path);
  switch (el.local) {
    case 'entity': {
      checkAttributes(ctx, el, path, inRequirements ? ['instructions'] : []);
      const parts = entityParts(ctx, el, path);
      return parts && { facet: 'entity', ...parts, ...common('required') };
    }
    case 'partOf': {
      checkAttributes(ctx, el, path, inRequirements ? ['relation', 'cardinality', 'instructions'] : ['relation']);
      const card = inRequirements ? cardinality(ctx, el, path, ['required', 'prohibited']) : 'required';
      const rel = attr(el, 'relation');
      if (rel !== undefined && !(RELATIONS as readonly string[]).includes(rel)) {
        ctx.sink.error(el, path, 'xsd-invalid-relation', `unbekannte Beziehung „${rel}“ / unknown relation "${rel}"`);
      }
      const m = sequence(ctx, el, path, [{ name: 'entity', min: 1, max: 1 }]);
      const entEl = one(m, 'entity');
      if (entEl) checkAttributes(ctx, entEl, `${path}/entity`, []);
      const parts = entEl && entityParts(ctx, entEl, `${path}/entity`);
      if (!parts) return undefined;
      const relation = rel !== undefined && (RELATIONS as readonly string[]).includes(rel) ? (rel as PartOfRelation) : undefined;
      return { facet: 'partOf', entity: parts, ...(relation ? { relation } : {}), ...common(card) };
    }
    case 'classification': {
      checkAttributes(ctx, el, path, inRequirements ? ['uri', 'cardinality', 'instructions'] : []);
      const card = inRequirements ? cardinality(ctx, el, path, ['required', 'optional', 'prohibited']) : 'required';
      const m = sequence(ctx, el, path, [
        { name: 'value', min: 0, max: 1 },
        { name: 'system', min: 1, max: 1 },
      ]);
      const valueEl = one(m, 'value');
      const systemEl = one(m, 'system');
      const value = valueEl && idsValue(ctx, valueEl, `${path}/value`);
      const system = systemEl && idsValue(ctx, systemEl, `${path}/system`);
      return {
        facet: 'classification',
        ...(system ? { system } : {}),
        ...(value ? { value } : {}),
        ...optionalAttrs({ uri: inRequirements ? attr(el, 'uri') : undefined }),
        ...common(card),
      };
    }
    case 'attribute': {
      checkAttributes(ctx, el, path, inRequirements ? ['cardinality', 'instructions'] : []);
      const card = inRequirements ? cardinality(ctx, el, path, ['required', 'optional', 'prohibited']) : 'required';
      const m = sequence(ctx, el, path, [
        { name: 'name', min: 1, max: 1 },
        { name: 'value', min: 0, max: 1 },
      ]);
      const nameEl = one(m, 'name');
      const valueEl = one(m, 'value');
      const name = nameEl && idsValue(ctx, nameEl, `${path}/name`);
      const value = valueEl && idsValue(ctx, valueEl, `${path}/value`);
      if (!name) return undefined;
      return { facet: 'attribute', name, ...(value ? { value } : {}), ...common(card) };
    }
    case 'property': {
      checkAttributes(ctx, el, path, inRequirements ? ['dataType', 'uri', 'cardinality', 'instructions'] : ['dataType']);
      const card = inRequirements ? cardinality(ctx, el, path, ['required', 'optional', 'prohibited']) : 'required';
      const dataType = attr(el, 'dataType');
      if (dataType !== undefined && !/^[A-Z]+$/.test(dataType.trim())) {
        ctx.sink.error(el, path, 'xsd-invalid-datatype', `dataType „${dataType}“ muss aus Großbuchstaben bestehen / dataType "${dataType}" must be upper-case letters`);
      }
      const m = sequence(ctx, el, path, [
        { name: 'propertySet', min: 1, max: 1 },
        { name: 'baseName', min: 1, max: 1 },
        { name: 'value', min: 0, max: 1 },
      ]);
      const psEl = one(m, 'propertySet');
      const bnEl = one(m, 'baseName');
      const valueEl = one(m, 'value');
      const propertySet = psEl && idsValue(ctx, psEl, `${path}/propertySet`);
      const baseName = bnEl && idsValue(ctx, bnEl, `${path}/baseName`);
      const value = valueEl && idsValue(ctx, valueEl, `${path}/value`);
      if (!propertySet || !baseName) return undefined;
      return {
        facet: 'property',
        propertySet,
        baseName,
        ...(value ? { value } : {}),
        ...optionalAttrs({ dataType: dataType?.trim(), uri: inRequirements ? attr(el, 'uri') : undefined }),
        ...common(card),
      };
    }
    case 'material': {
      checkAttributes(ctx, el, path, inRequirements ? ['uri', 'cardinality', 'instructions'] : []);
      const card = inRequirements ? cardinality(ctx, el, path, ['required', 'optional', 'prohibited']) : 'required';
      const m = sequence(ctx, el, path, [{ name: 'value', min: 0, max: 1 }]);
      const valueEl = one(m, 'value');
      const value = valueEl && idsValue(ctx, valueEl, `${path}/value`);
      return {
        facet: 'material',
        ...(value ? { value } : {}),
        ...optionalAttrs({ uri: inRequirements ? attr(el, 'uri') : undefined }),
        ...common(card),
      };
    }
    default:
      return undefined;
  }
}

const FACET_ORDER = ['entity', 'partOf', 'classification', 'attribute', 'property', 'material'];

function specification(ctx: Ctx, el: XmlElement, path: string): Specification | undefined {
  checkAttributes(ctx, el, path, ['name', 'ifcVersion', 'identifier', 'description', 'instructions']);
  checkNoText(ctx, el, path);
  const name = attr(el, 'name');
  if (name === undefined) ctx.sink.error(el, path, 'xsd-missing-attribute', 'Attribut name fehlt / attribute name is missing');
  const versionText = attr(el, 'ifcVersion');
  const ifcVersion: IfcVersion[] = [];
  if (versionText === undefined) {
    ctx.sink.error(el, path, 'xsd-missing-attribute', 'Attribut ifcVersion fehlt / attribute ifcVersion is missing');
  } else {
    const tokens = versionText.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) ctx.sink.error(el, path, 'xsd-invalid-ifc-version', 'ifcVersion ist leer / ifcVersion is empty');
    for (const t of tokens) {
      if ((IFC_VERSIONS as readonly string[]).includes(t)) {
        if (!ifcVersion.includes(t as IfcVersion)) ifcVersion.push(t as IfcVersion);
      } else ctx.sink.error(el, path, 'xsd-invalid-ifc-version', `unbekannte IFC-Version „${t}“ (erlaubt: ${IFC_VERSIONS.join(', ')}) / unknown IFC version "${t}"`);
    }
  }
  const m = sequence(ctx, el, path, [
    { name: 'applicability', min: 1, max: 1 },
    { name: 'requirements', min: 0, max: 1 },
  ]);
  const appEl = one(m, 'applicability');
  const reqEl = one(m, 'requirements');
  let usage: Cardinality = 'required';
  const applicability: Facet[] = [];
  if (appEl) {
    const p = `${path}/applicability`;
    checkAttributes(ctx, appEl, p, ['minOccurs', 'maxOccurs']);
    checkNoText(ctx, appEl, p);
    usage = applicabilityUsage(ctx, appEl, p) ?? 'required';
    const slots: Slot[] = [
      { name: 'entity', min: 0, max: 1 },
      { name: 'partOf', min: 0, max: Infinity },
      { name: 'classification', min: 0, max: Infinity },
      { name: 'attribute', min: 0, max: Infinity },
      { name: 'property', min: 0, max: Infinity },
      { name: 'material', min: 0, max: Infinity },
    ];
    const found = sequence(ctx, appEl, p, slots);
    for (const kind of FACET_ORDER) {
      (found.get(kind) ?? []).forEach((f, i) => {
        const parsed = facet(ctx, f, `${p}/${kind}[${i + 1}]`, false);
        if (parsed) applicability.push(parsed);
      });
    }
  }
  const requirements: Facet[] = [];
  let requirementsDescription: string | undefined;
  if (reqEl) {
    const p = `${path}/requirements`;
    checkAttributes(ctx, reqEl, p, ['description']);
    checkNoText(ctx, reqEl, p);
    requirementsDescription = attr(reqEl, 'description');
    const counts = new Map<string, number>();
    for (const c of reqEl.children) {
      if (!isIds(c) || !FACET_ORDER.includes(c.local)) {
        ctx.sink.error(c, `${p}/${c.local}`, 'xsd-unexpected-element', `Element <${c.name}> ist in <requirements> nicht erlaubt / element <${c.name}> is not allowed in <requirements>`);
        continue;
      }
      const n = (counts.get(c.local) ?? 0) + 1;
      counts.set(c.local, n);
      const parsed = facet(ctx, c, `${p}/${c.local}[${n}]`, true);
      if (parsed) requirements.push(parsed);
    }
    if (reqEl.children.length === 0) {
      // Valid against ids.xsd (every facet is optional), but says nothing.
      ctx.sink.warning(reqEl, p, 'requirements-empty', '<requirements> ohne Facette hat keine Wirkung / <requirements> without a facet has no effect');
    }
  }
  if (name === undefined) return undefined;
  return {
    name,
    ifcVersion,
    ...optionalAttrs({ identifier: attr(el, 'identifier'), description: attr(el, 'description'), instructions: attr(el, 'instructions') }),
    usage,
    applicability,
    requirements,
    ...optionalAttrs({ requirementsDescription }),
    line: el.line,
  };
}

const INFO_SLOTS: Slot[] = ['title', 'copyright', 'version', 'description', 'author', 'date', 'purpose', 'milestone'].map(
  (name) => ({ name, min: name === 'title' ? 1 : 0, max: 1 }),
);

function info(ctx: Ctx, el: XmlElement, path: string): IdsInfo {
  checkAttributes(ctx, el, path, []);
  checkNoText(ctx, el, path);
  const m = sequence(ctx, el, path, INFO_SLOTS);
  const out: Record<string, string> = {};
  for (const { name } of INFO_SLOTS) {
    const e = one(m, name);
    if (!e) continue;
    const p = `${path}/${name}`;
    checkAttributes(ctx, e, p, []);
    for (const c of e.children) ctx.sink.error(c, `${p}/${c.local}`, 'xsd-unexpected-element', `<${name}> enthält nur Text / <${name}> holds text only`);
    out[name] = e.text;
  }
  if (out['author'] !== undefined && !/^[^@]+@[^.]+\..+$/.test(out['author'])) {
    const e = one(m, 'author') as XmlElement;
    ctx.sink.error(e, `${path}/author`, 'xsd-invalid-value', `author „${out['author']}“ ist keine E-Mail-Adresse / author "${out['author']}" is not an e-mail address`);
  }
  if (out['date'] !== undefined && !xsdLexical['xs:date']?.test(out['date'].trim())) {
    const e = one(m, 'date') as XmlElement;
    ctx.sink.error(e, `${path}/date`, 'xsd-invalid-value', `date „${out['date']}“ ist kein xs:date / date "${out['date']}" is not an xs:date`);
  }
  return { title: out['title'] ?? '', ...out };
}

/**
 * Check the element tree against the structure of `ids.xsd` (as code) and build the typed
 * document; every deviation becomes an issue with its line.
 */
export function readIdsStructure(root: XmlElement, sink: IssueSink): IdsDocument {
  const ctx: Ctx = { sink };
  const path = '/ids';
  if (!isIds(root) || root.local !== 'ids') {
    sink.error(root, `/${root.local}`, 'xsd-root', `Wurzelelement muss <ids> im Namensraum ${IDS_NS} sein, gefunden <${root.name}> (${root.uri || 'ohne Namensraum / no namespace'}) / root must be <ids> in namespace ${IDS_NS}`);
    return { info: { title: '' }, specifications: [] };
  }
  checkAttributes(ctx, root, path, []);
  checkNoText(ctx, root, path);
  const m = sequence(ctx, root, path, [
    { name: 'info', min: 1, max: 1 },
    { name: 'specifications', min: 1, max: 1 },
  ]);
  const infoEl = one(m, 'info');
  const docInfo = infoEl ? info(ctx, infoEl, `${path}/info`) : { title: '' };
  const specsEl = one(m, 'specifications');
  const specifications: Specification[] = [];
  if (specsEl) {
    const p = `${path}/specifications`;
    checkAttributes(ctx, specsEl, p, []);
    checkNoText(ctx, specsEl, p);
    const s = sequence(ctx, specsEl, p, [{ name: 'specification', min: 1, max: Infinity }]);
    (s.get('specification') ?? []).forEach((specEl, i) => {
      const spec = specification(ctx, specEl, `${p}/specification[${i + 1}]`);
      if (spec) specifications.push(spec);
    });
  }
  return { info: docInfo, specifications };
}
