/**
 * The compact form of a schema's generated tables (see `scripts/generate-schema.ts`).
 *
 * `entities` rows are `[name, supertype or '', abstract 0/1, own explicit attributes]`, the
 * attributes as `?Name:Type` joined by `;` (`?` marks OPTIONAL, `[T]` an aggregate of T).
 * `defined` maps a defined type to its underlying type, `enums` an enumeration to its values and
 * `selects` a select to its members (both comma-separated).
 */
export interface SchemaTables {
  readonly name: string;
  readonly entities: readonly (readonly [string, string, 0 | 1, string])[];
  readonly defined: Readonly<Record<string, string>>;
  readonly enums: Readonly<Record<string, string>>;
  readonly selects: Readonly<Record<string, string>>;
}
