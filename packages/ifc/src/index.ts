export { IfcError } from './errors.js';
export type { IfcErrorCode, IfcLocation, IfcWarning, ErrorLocation, ErrorMessages } from './errors.js';
export { IfcModel } from './model.js';
export type { IfcEntity, IfcHeader, OfTypeOptions } from './model.js';
export { openIfc, parseIfc, isZip, unzipIfc, MAX_INPUT_BYTES, DEFAULT_MAX_UNZIPPED_BYTES } from './open.js';
export type { IfcProgress, IfcSource, OpenIfcOptions, UnzipIfcOptions } from './open.js';
export type {
  IfcProperty,
  IfcPropertyDefinitionLink,
  IfcPropertySet,
  IfcQuantity,
  IfcQuantitySet,
  InheritOptions,
  PropertySource,
} from './properties.js';
export type { IfcClassificationRef, IfcMaterialAssignment, IfcMaterialInfo, IfcMaterialPart } from './associations.js';
export type { EntityRelations, PartOfRelation } from './relations.js';
export type { SpatialNode, SpatialTree } from './spatial.js';
export type { BuildingDataProblem, IfcBuildingData } from './building-data.js';
export type { Din277AreasOptions, IfcDin277Areas } from './din277.js';
export { IfcSchema, ifcSchema, isSubtypeOf, schemaNameFor } from './schema/schema.js';
export type { AttributeInfo, EntityInfo, IfcSchemaName, TypeKind } from './schema/schema.js';
export { DERIVED, isReference, unwrap } from './step/values.js';
export type { StepBinary, StepDerived, StepEnum, StepReference, StepTyped, StepValue } from './step/values.js';
