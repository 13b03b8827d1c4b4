import type { Language } from '@foederal/core';
import type { IdsValue, RestrictionValue } from './model.js';
import { xsdPatternMatcher } from './xsd-regex.js';

/**
 * A primitive IFC value as the checker compares it: text (labels, identifiers, enumeration
 * values), a number (integer or real, already converted to SI units), a boolean, or the logical
 * `UNKNOWN`.
 *
 * @example
 * matchesValue({ kind: 'simple', value: 'true' }, { kind: 'boolean', value: true } satisfies IfcScalar); // true
 */
export type IfcScalar =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'unknown' };

/**
 * Relative and absolute tolerance of IDS 1.0 for real numbers.
 *
 * @example
 * TOLERANCE; // 1e-6
 */
export const TOLERANCE = 1e-6;

/**
 * Lexical forms of XSD base types, as listed by the IDS documentation (DataTypes, XML base types).
 *
 * @example
 * xsdLexical['xs:integer']?.test('42'); // true
 */
export const xsdLexical: Readonly<Record<string, RegExp>> = {
  'xs:boolean': /^(true|false|0|1)$/,
  'xs:date': /^\d{4}-\d{2}-\d{2}(Z|([+-]\d{2}:\d{2}))?$/,
  'xs:dateTime': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|([+-]\d{2}:\d{2}))?$/,
  'xs:double': /^([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN|\+?INF|-INF)$/,
  'xs:float': /^([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN|\+?INF|-INF)$/,
  'xs:decimal': /^[-+]?(\d+\.?\d*|\.\d+)$/,
  'xs:duration': /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  'xs:integer': /^[+-]?\d+$/,
  'xs:string': /^[\s\S]*$/,
  'xs:time': /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|([+-]\d{2}:\d{2}))?$/,
};

/**
 * Parse an `xs:double` lexical form; undefined when it is not one.
 *
 * @example
 * parseXsdDouble('1.2345E3'); // 1234.5
 * parseXsdDouble('1,5'); // undefined
 */
export function parseXsdDouble(text: string): number | undefined {
  const t = text.trim();
  if (!xsdLexical['xs:double']?.test(t)) return undefined;
  if (t === 'NaN') return Number.NaN;
  if (t === 'INF' || t === '+INF') return Number.POSITIVE_INFINITY;
  if (t === '-INF') return Number.NEGATIVE_INFINITY;
  return Number(t);
}

/**
 * Parse an `xs:integer` lexical form; undefined when it is not one.
 *
 * @example
 * parseXsdInteger('+42'); // 42
 */
export function parseXsdInteger(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
}

/**
 * Equality of reals with the IDS tolerance: `x` equals `v` when
 * `v - |v|·1e-6 - 1e-6 <= x <= v + |v|·1e-6 + 1e-6`. The bounds are inclusive (the official test
 * cases put values exactly on them and expect a pass); a few ulps of slack absorb the rounding of
 * the bound itself.
 *
 * @example
 * realEquals(1.000002, 1); // true
 * realEquals(1.0000021, 1); // false
 */
export function realEquals(x: number, v: number): boolean {
  const d = Math.abs(v) * TOLERANCE + TOLERANCE;
  const slack = (Math.abs(v) + d) * 4 * Number.EPSILON;
  return v - d - slack <= x && x <= v + d + slack;
}

/** Compare the text of an IDS simple value with an IFC scalar, casting the text to the scalar's type. */
function equalsText(text: string, ifc: IfcScalar): boolean {
  switch (ifc.kind) {
    case 'string':
      return ifc.value === text;
    case 'boolean':
      return (ifc.value ? /^(true|1)$/ : /^(false|0)$/).test(text);
    case 'unknown':
      return false;
    case 'number': {
      if (ifc.integer) {
        const n = parseXsdInteger(text);
        return n !== undefined && n === ifc.value;
      }
      const n = parseXsdDouble(text);
      if (n === undefined || Number.isNaN(n)) return false;
      if (!Number.isFinite(n)) return n === ifc.value;
      return realEquals(ifc.value, n);
    }
  }
}

function numericBound(text: string): number | undefined {
  const n = parseXsdDouble(text);
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

/** The text form used for length restrictions. */
function textForm(ifc: IfcScalar): string | undefined {
  switch (ifc.kind) {
    case 'string':
      return ifc.value;
    case 'number':
      return String(ifc.value);
    case 'boolean':
      return ifc.value ? 'true' : 'false';
    case 'unknown':
      return undefined;
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/**
 * Whether an IFC scalar satisfies every constraint of an `xs:restriction`.
 *
 * @example
 * matchesRestriction({ kind: 'restriction', base: 'xs:string', enumeration: ['A'] }, { kind: 'string', value: 'A' }); // true
 */
export function matchesRestriction(r: RestrictionValue, ifc: IfcScalar): boolean {
  if (ifc.kind === 'unknown') return false;
  if (r.enumeration && !r.enumeration.some((e) => equalsText(e, ifc))) return false;
  if (r.patterns && r.patterns.length > 0) {
    // Patterns only apply to text values.
    if (ifc.kind !== 'string') return false;
    if (!r.patterns.some((p) => xsdPatternMatcher(p).test(ifc.value))) return false;
  }
  const bounds: [string | undefined, (x: number, b: number, d: number) => boolean][] = [
    [r.minInclusive, (x, b, d) => x >= b - d],
    [r.maxInclusive, (x, b, d) => x <= b + d],
    [r.minExclusive, (x, b, d) => x > b + d],
    [r.maxExclusive, (x, b, d) => x < b - d],
  ];
  for (const [text, ok] of bounds) {
    if (text === undefined) continue;
    if (ifc.kind !== 'number') return false;
    const b = numericBound(text);
    if (b === undefined) return false;
    // Inclusive ranges are stretched and exclusive ranges shrunk by the tolerance (reals only).
    const d = ifc.integer || !Number.isFinite(b) ? 0 : Math.abs(b) * TOLERANCE + TOLERANCE;
    if (!ok(ifc.value, b, d)) return false;
  }
  if (r.length !== undefined || r.minLength !== undefined || r.maxLength !== undefined) {
    const t = textForm(ifc);
    if (t === undefined) return false;
    const n = codePoints(t);
    if (r.length !== undefined && n !== r.length) return false;
    if (r.minLength !== undefined && n < r.minLength) return false;
    if (r.maxLength !== undefined && n > r.maxLength) return false;
  }
  return true;
}

/**
 * Whether an IFC scalar satisfies an IDS value (simple value or restriction). Simple values are
 * cast to the scalar's type: text compares case-sensitively, booleans accept `true`/`false`,
 * integers compare exactly, reals within the 1e-6 tolerance.
 *
 * @example
 * matchesValue({ kind: 'simple', value: '2' }, { kind: 'number', value: 2.0000001, integer: false }); // true
 */
export function matchesValue(value: IdsValue, ifc: IfcScalar): boolean {
  if (value.kind === 'simple') return equalsText(value.value, ifc);
  return matchesRestriction(value, ifc);
}

/**
 * Whether a plain text (an entity name, a property set name…) satisfies an IDS value.
 *
 * @example
 * matchesText({ kind: 'restriction', base: 'xs:string', patterns: ['Pset_.*'] }, 'Pset_WallCommon'); // true
 */
export function matchesText(value: IdsValue, text: string): boolean {
  return matchesValue(value, { kind: 'string', value: text });
}

/**
 * Readable form of an IDS value for reports, e.g. `"IFCWALL"`, `["A", "B"]`, `/DT[0-9]{2}/`,
 * `>= 0`; German uses German quotation marks.
 *
 * @example
 * describeValue({ kind: 'restriction', base: 'xs:double', minInclusive: '0' }); // '>= 0'
 * describeValue({ kind: 'simple', value: 'F90' }, 'de'); // '„F90“'
 */
export function describeValue(value: IdsValue, lang: Language = 'en'): string {
  const q = (t: string) => (lang === 'de' ? `„${t}“` : JSON.stringify(t));
  if (value.kind === 'simple') return q(value.value);
  const parts: string[] = [];
  if (value.enumeration) parts.push(`[${value.enumeration.map(q).join(', ')}]`);
  if (value.patterns) parts.push(...value.patterns.map((p) => `/${p}/`));
  if (value.minInclusive !== undefined) parts.push(`>= ${value.minInclusive}`);
  if (value.minExclusive !== undefined) parts.push(`> ${value.minExclusive}`);
  if (value.maxInclusive !== undefined) parts.push(`<= ${value.maxInclusive}`);
  if (value.maxExclusive !== undefined) parts.push(`< ${value.maxExclusive}`);
  const length = lang === 'de' ? 'Länge' : 'length';
  if (value.length !== undefined) parts.push(`${length} = ${value.length}`);
  if (value.minLength !== undefined) parts.push(`${length} >= ${value.minLength}`);
  if (value.maxLength !== undefined) parts.push(`${length} <= ${value.maxLength}`);
  return parts.join(' & ');
}
