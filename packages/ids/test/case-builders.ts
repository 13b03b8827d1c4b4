// Small builders for our own IDS + IFC case pairs (test/cases). Written for this project from the
// IDS 1.0 documentation's rules; not derived from any buildingSMART test file.

/** A facet parameter: a plain string is a simpleValue, else an xs:restriction. */
export type V = string | Restriction;

export interface Restriction {
  readonly base: string;
  readonly enumeration?: readonly string[];
  readonly pattern?: string;
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
  readonly minExclusive?: string;
  readonly maxExclusive?: string;
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function value(tag: string, v: V): string {
  if (typeof v === 'string') return `<${tag}><simpleValue>${esc(v)}</simpleValue></${tag}>`;
  const parts: string[] = [];
  for (const e of v.enumeration ?? []) parts.push(`<xs:enumeration value="${esc(e)}"/>`);
  if (v.pattern !== undefined) parts.push(`<xs:pattern value="${esc(v.pattern)}"/>`);
  for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const) {
    const b = v[k];
    if (b !== undefined) parts.push(`<xs:${k} value="${esc(b)}"/>`);
  }
  for (const k of ['length', 'minLength', 'maxLength'] as const) {
    const b = v[k];
    if (b !== undefined) parts.push(`<xs:${k} value="${b}"/>`);
  }
  return `<${tag}><xs:restriction base="${v.base}">${parts.join('')}</xs:restriction></${tag}>`;
}

export const enumeration = (base: string, ...values: string[]): Restriction => ({ base, enumeration: values });
export const pattern = (p: string): Restriction => ({ base: 'xs:string', pattern: p });
export const bounds = (base: string, b: Omit<Restriction, 'base'>): Restriction => ({ base, ...b });
export const length = (b: Pick<Restriction, 'length' | 'minLength' | 'maxLength'>): Restriction => ({ base: 'xs:string', ...b });

type Cardinality = 'required' | 'optional' | 'prohibited';
const card = (c: Cardinality | undefined, inRequirements: boolean) => (inRequirements && c ? ` cardinality="${c}"` : '');

/** A facet, rendered once it knows whether it sits in the requirements. */
export type Facet = (inRequirements: boolean) => string;

export const entity =
  (name: V, predefinedType?: V): Facet =>
  () =>
    `<entity>${value('name', name)}${predefinedType === undefined ? '' : value('predefinedType', predefinedType)}</entity>`;

export const attribute =
  (name: V, v?: V, c?: Cardinality): Facet =>
  (r) =>
    `<attribute${card(c, r)}>${value('name', name)}${v === undefined ? '' : value('value', v)}</attribute>`;

export const property =
  (pset: V, baseName: V, o: { dataType?: string; value?: V; cardinality?: Cardinality } = {}): Facet =>
  (r) =>
    `<property${o.dataType ? ` dataType="${o.dataType}"` : ''}${card(o.cardinality, r)}>${value('propertySet', pset)}${value('baseName', baseName)}${
      o.value === undefined ? '' : value('value', o.value)
    }</property>`;

export const classification =
  (o: { system?: V; value?: V; cardinality?: Cardinality } = {}): Facet =>
  (r) =>
    `<classification${card(o.cardinality, r)}>${o.value === undefined ? '' : value('value', o.value)}${o.system === undefined ? '' : value('system', o.system)}</classification>`;

export const material =
  (v?: V, c?: Cardinality): Facet =>
  (r) =>
    `<material${card(c, r)}>${v === undefined ? '' : value('value', v)}</material>`;

export const partOf =
  (name: V, o: { relation?: string; predefinedType?: V; cardinality?: Cardinality } = {}): Facet =>
  (r) =>
    `<partOf${o.relation ? ` relation="${o.relation}"` : ''}${card(o.cardinality, r)}>${entity(name, o.predefinedType)(false)}</partOf>`;

export interface IdsSpec {
  readonly title: string;
  readonly ifcVersion?: string;
  readonly applicability: readonly Facet[];
  readonly requirements?: readonly Facet[];
  /** `required` (default), `optional` (minOccurs 0) or `prohibited` (maxOccurs 0). */
  readonly usage?: 'required' | 'optional' | 'prohibited';
  /**
   * The `<applicability>` attributes written as given instead of those of `usage` (an omitted one
   * is left out, so the ids.xsd default applies).
   */
  readonly occurs?: { readonly minOccurs?: string; readonly maxOccurs?: string };
}

function occursAttributes(s: IdsSpec): string {
  if (s.occurs) {
    const { minOccurs, maxOccurs } = s.occurs;
    const attrs = [...(minOccurs === undefined ? [] : [`minOccurs="${esc(minOccurs)}"`]), ...(maxOccurs === undefined ? [] : [`maxOccurs="${esc(maxOccurs)}"`])];
    return attrs.map((a) => ` ${a}`).join('');
  }
  return ` ${s.usage === 'optional' ? 'minOccurs="0" maxOccurs="unbounded"' : s.usage === 'prohibited' ? 'minOccurs="0" maxOccurs="0"' : 'minOccurs="1" maxOccurs="unbounded"'}`;
}

/** One IDS document with one specification. */
export function ids(s: IdsSpec): string {
  const req = s.requirements ? `\n      <requirements>\n        ${s.requirements.map((f) => f(true)).join('\n        ')}\n      </requirements>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- foederal own IDS 1.0 case, EUPL-1.2 -->
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <info>
    <title>${esc(s.title)}</title>
  </info>
  <specifications>
    <specification name="${esc(s.title)}" ifcVersion="${s.ifcVersion ?? 'IFC4'}">
      <applicability${occursAttributes(s)}>
        ${s.applicability.map((f) => f(false)).join('\n        ')}
      </applicability>${req}
    </specification>
  </specifications>
</ids>
`;
}

/** A 22-character IFC GlobalId made from a number (valid characters, deterministic). */
export const gid = (n: number) => `'${String(n).padStart(22, '0')}'`;

export type Schema = 'IFC2X3' | 'IFC4' | 'IFC4X3_ADD2';

/** Project units: `[unitType, prefix or '$', name]` SI units, or whole STEP lines for other units (ids from #900). */
export interface Units {
  readonly si?: readonly (readonly [string, string, string])[];
  readonly other?: readonly string[];
}

/**
 * A STEP file: the project (#1) with its unit assignment (#2, units from #3) and the given DATA
 * lines. Without units the project has none (values are then taken as SI).
 */
export function ifc(schema: Schema, lines: readonly string[], units: Units = {}): string {
  const unitLines: string[] = [];
  const unitIds: number[] = [];
  (units.si ?? []).forEach(([type, prefix, name], k) => {
    unitLines.push(`#${3 + k}=IFCSIUNIT(*,.${type}.,${prefix === '$' ? '$' : `.${prefix}.`},.${name}.);`);
    unitIds.push(3 + k);
  });
  for (const l of units.other ?? []) {
    unitLines.push(l);
    const id = /^#(\d+)=IFC(CONVERSIONBASEDUNIT|CONVERSIONBASEDUNITWITHOFFSET|DERIVEDUNIT)\(/.exec(l);
    if (id) unitIds.push(Number(id[1]));
  }
  const assignment = unitIds.length > 0 ? `#2=IFCUNITASSIGNMENT((${unitIds.map((i) => `#${i}`).join(',')}));` : undefined;
  return `ISO-10303-21;
HEADER;
FILE_DESCRIPTION(('foederal own IDS 1.0 case, EUPL-1.2'),'2;1');
FILE_NAME('case.ifc','2026-12-04T00:00:00',('foederal'),('foederal'),'foederal','foederal','');
FILE_SCHEMA(('${schema}'));
ENDSEC;
DATA;
#1=IFCPROJECT(${gid(1)},$,'Projekt',$,$,$,$,$,${assignment ? '#2' : '$'});
${[...(assignment ? [assignment] : []), ...unitLines, ...lines].join('\n')}
ENDSEC;
END-ISO-10303-21;
`;
}

/** An IfcWall occurrence in the given schema (IFC2X3 has no PredefinedType attribute). */
export function wall(schema: Schema, id: number, name: string, predefinedType = '$', objectType = '$'): string {
  const ot = objectType === '$' ? '$' : `'${objectType}'`;
  return schema === 'IFC2X3'
    ? `#${id}=IFCWALL(${gid(id)},$,'${name}',$,${ot},$,$,$);`
    : `#${id}=IFCWALL(${gid(id)},$,'${name}',$,${ot},$,$,$,${predefinedType === '$' ? '$' : `.${predefinedType}.`});`;
}

/** An IfcWallType with its HasPropertySets. */
export function wallType(id: number, name: string, psets: readonly number[], predefinedType = 'NOTDEFINED', elementType = '$'): string {
  const sets = psets.length ? `(${psets.map((p) => `#${p}`).join(',')})` : '$';
  return `#${id}=IFCWALLTYPE(${gid(id)},$,'${name}',$,$,${sets},$,$,${elementType === '$' ? '$' : `'${elementType}'`},.${predefinedType}.);`;
}

export const pset = (id: number, name: string, props: readonly number[]) => `#${id}=IFCPROPERTYSET(${gid(id)},$,'${name}',$,(${props.map((p) => `#${p}`).join(',')}));`;
export const defines = (id: number, objects: readonly number[], definition: number) =>
  `#${id}=IFCRELDEFINESBYPROPERTIES(${gid(id)},$,$,$,(${objects.map((o) => `#${o}`).join(',')}),#${definition});`;
export const typedBy = (id: number, objects: readonly number[], type: number) =>
  `#${id}=IFCRELDEFINESBYTYPE(${gid(id)},$,$,$,(${objects.map((o) => `#${o}`).join(',')}),#${type});`;
export const single = (id: number, name: string, v: string) => `#${id}=IFCPROPERTYSINGLEVALUE('${name}',$,${v},$);`;
