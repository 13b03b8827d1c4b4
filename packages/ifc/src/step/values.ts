/**
 * A reference to another entity: `#12`.
 *
 * @example
 * const owner = model.get(42)?.attributes['OwnerHistory']; // { kind: 'ref', id: 12 }
 */
export interface StepReference {
  readonly kind: 'ref';
  readonly id: number;
}
/**
 * An enumeration value other than `.T.`/`.F.`: `.ELEMENT.`, `.U.`.
 *
 * @example
 * model.get(5)?.attributes['PredefinedType']; // { kind: 'enum', value: 'FLOOR' }
 */
export interface StepEnum {
  readonly kind: 'enum';
  readonly value: string;
}
/**
 * A typed value in a select: `IFCLABEL('x')` → `{ kind: 'typed', type: 'IFCLABEL', value: 'x' }`.
 *
 * @example
 * prop.value; // { kind: 'typed', type: 'IFCLABEL', value: 'F90' }
 */
export interface StepTyped {
  readonly kind: 'typed';
  /** Upper-case type name as written. */
  readonly type: string;
  readonly value: StepValue;
}
/**
 * A binary literal `"0FF"` (hex digits as written, the first digit counts unused bits).
 *
 * @example
 * // "0FF" in the file → { kind: 'binary', value: '0FF' }
 */
export interface StepBinary {
  readonly kind: 'binary';
  readonly value: string;
}
/**
 * `*`: the value is derived from other attributes.
 *
 * @example
 * model.get(13)?.args[0]; // { kind: 'derived' } for `*`
 */
export interface StepDerived {
  readonly kind: 'derived';
}

/**
 * A decoded STEP argument. `$` is `null`; `.T.`/`.F.` are booleans; integers and reals are
 * numbers; strings are decoded (`''`, `\X\`, `\X2\`, `\X4\`, `\S\`, `\P.\` resolved).
 *
 * @example
 * const name: StepValue = model.get(42)?.attributes['Name'] ?? null;
 */
export type StepValue =
  | null
  | boolean
  | number
  | string
  | StepReference
  | StepEnum
  | StepTyped
  | StepBinary
  | StepDerived
  | readonly StepValue[];

/**
 * The one `*` value (an attribute derived from others).
 *
 * @example
 * model.get(id)?.args[0] === DERIVED;
 */
export const DERIVED: StepDerived = Object.freeze({ kind: 'derived' });

/**
 * True when `v` is a reference `#id`.
 *
 * @example
 * const wall = model.get(42);
 * if (wall && isReference(wall.attributes['OwnerHistory'])) console.log(wall.attributes['OwnerHistory'].id);
 */
export function isReference(v: StepValue | undefined): v is StepReference {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as StepReference).kind === 'ref';
}

/**
 * The plain value inside a typed value (`IFCLABEL('x')` → `'x'`), or the value itself; enums
 * give their name.
 *
 * @example
 * unwrap({ kind: 'typed', type: 'IFCREAL', value: 2.5 }); // 2.5
 */
export function unwrap(v: StepValue | undefined): StepValue | undefined {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as StepTyped | StepEnum;
    if (o.kind === 'typed') return unwrap(o.value);
    if (o.kind === 'enum') return o.value;
  }
  return v;
}
