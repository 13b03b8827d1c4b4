// The model's data types and the part of the model that the readers (relations, properties,
// associations, spatial structure, units) work on. Kept apart from the `IfcModel` class so that
// those readers do not import the class that imports them (no type-only import cycle, issue 20).
import type { IfcIndex } from './model-index.js';
import type { IfcSchema, IfcSchemaName } from './schema/schema.js';
import type { StepValue } from './step/values.js';
/**
 * The HEADER section: FILE_DESCRIPTION, FILE_NAME and FILE_SCHEMA.
 *
 * @example
 * console.log(model.header.originatingSystem, model.header.schemas); // 'ArchiCAD 20', ['IFC4']
 */
export interface IfcHeader {
  readonly description: readonly string[];
  readonly implementationLevel: string | null;
  readonly fileName: string | null;
  readonly timeStamp: string | null;
  readonly author: readonly string[];
  readonly organization: readonly string[];
  readonly preprocessorVersion: string | null;
  /** The authoring tool as written by it. */
  readonly originatingSystem: string | null;
  readonly authorization: string | null;
  /** FILE_SCHEMA entries as written, e.g. `['IFC4']`. */
  readonly schemas: readonly string[];
}

/**
 * A decoded entity instance.
 *
 * @example
 * const e = model.get(42); // { id: 42, type: 'IFCWALL', attributes: { GlobalId: '…', Name: 'W1', … }, args: [...] }
 */
export interface IfcEntity {
  /** Express id (`#id`). */
  readonly id: number;
  /** Upper-case type name as in the file, e.g. `IFCWALL`. */
  readonly type: string;
  /** Explicit attributes by schema name (`GlobalId`, `Name`, …) in STEP order. */
  readonly attributes: Readonly<Record<string, StepValue>>;
  /** The raw decoded arguments in STEP order. */
  readonly args: readonly StepValue[];
}

/**
 * Options of {@link IfcModel.ofType}.
 *
 * @example
 * model.ofType('IfcWall', { includeSubtypes: true });
 */
export interface OfTypeOptions {
  /** Also list instances of subtypes (`IfcWall` → `IfcWallStandardCase` too). Default false. */
  readonly includeSubtypes?: boolean;
}

/**
 * What the readers inside this package need of a model: the index, the schema and entity access.
 * {@link IfcModel} implements it.
 *
 * @internal
 */
export interface IfcModelCore {
  readonly schema: IfcSchemaName;
  readonly schemaInfo: IfcSchema;
  readonly index: IfcIndex;
  get(id: number): IfcEntity | undefined;
  typeOf(id: number): string | undefined;
  isA(id: number, type: string): boolean;
  isTypeIndexA(typeIndex: number, supertype: string): boolean;
  ofType(type: string, options?: OfTypeOptions): number[];
  rawArgs(id: number): string[] | undefined;
  typeCounts(): Record<string, number>;
}
