/**
 * The compact form of a schema's generated tables (see `scripts/generate-schema.ts`): one string
 * per table, a line per row, split when the schema is first used.
 *
 * `entities` rows are `name|supertype or empty|abstract 0/1|own explicit attributes`, the
 * attributes as `?Name:Type` joined by `;` (`?` marks OPTIONAL, `[T]` an aggregate of T).
 * `defined` rows are `Type=Underlying`, `enums` rows `Enum=A,B,C`, `selects` rows `Select=X,Y`.
 */
export interface SchemaTables {
  readonly name: string;
  readonly entities: string;
  readonly defined: string;
  readonly enums: string;
  readonly selects: string;
}

/** Splits a `key=value` table into pairs. */
export function pairs(table: string): [string, string][] {
  return table.split('\n').map((row) => {
    const eq = row.indexOf('=');
    return [row.slice(0, eq), row.slice(eq + 1)];
  });
}

/** Splits the entity table into rows. */
export function entityRows(table: string): [string, string, 0 | 1, string][] {
  return table.split('\n').map((row) => {
    const [name = '', sup = '', abstract = '0', attrs = ''] = row.split('|');
    return [name, sup, abstract === '1' ? 1 : 0, attrs];
  });
}
