export { BuildingDataError } from './errors.js';
export type { BuildingDataErrorCode, ErrorLocation, ErrorLocationInput, ErrorMessages } from './errors.js';
export { textOf } from '@foederal/core';
export type { Language, LocalizedText } from '@foederal/core';
export { localizedTextSchema } from '@foederal/core/text-schema';

export { din277AreasSchema, din277AreaKeys, din277AreaLabels, nufGroupKeys } from './physical/areas.js';
export type { Din277Areas, Din277AreaKey } from './physical/areas.js';
export {
  siteSchema,
  buildingSchema,
  storeySchema,
  spaceSchema,
  addressSchema,
  agsSchema,
  ifcGlobalIdSchema,
  jurisdictionRefSchema,
} from './physical/spatial.js';
export type { Site, Building, Storey, Space, Address, JurisdictionRef } from './physical/spatial.js';
export { rollUpAreas } from './physical/area-rollup.js';
export type {
  AreaIssue,
  AreaIssueLocation,
  AreaRollUp,
  AreaRollUpResult,
  AreaTolerance,
  SpatialKind,
} from './physical/area-rollup.js';

export {
  createVocabulary,
  checkVocabularyStructure,
  vocabularyDataSchema,
  vocabularyEntrySchema,
} from './vocabularies/vocabulary.js';
export type {
  Vocabulary,
  VocabularyData,
  VocabularyEntry,
  VocabularyInfo,
  VocabularyProblem,
} from './vocabularies/vocabulary.js';
export { din277UsageCategories } from './vocabularies/din277.js';
export type { Din277UsageCategory } from './vocabularies/din277.js';
export { din276CostGroups } from './vocabularies/din276.js';
export { loadBwzk, bwzkParent } from './vocabularies/bwzk.js';
export type { BwzkRow, BwzkSource } from './vocabularies/bwzk.js';
export { germanStates, jurisdictionLevels, meterMedia, parseAgs } from './vocabularies/code-lists.js';
export type { GermanState, JurisdictionLevel, MeterMedium } from './vocabularies/code-lists.js';
export { createKeyGrammar, keyGrammarSchema, keySegmentSchema, keyCharsets } from './keys/key-grammar.js';
export type { KeyGrammar, KeyGrammarData, KeyParts, KeyProblem, KeySegment, KeyCharset } from './keys/key-grammar.js';
export { genericAksProfile, bactwinInspiredProfile } from './keys/key-profiles.js';
export {
  bacnetObjectTypes,
  bacnetEngineeringUnits,
  bacnetEngineeringUnitByNumber,
  resolveBacnetObjectType,
  bacnetObjectIdentifierSchema,
  maxBacnetInstance,
} from './operation/bacnet.js';
export type { BacnetObjectType, BacnetEngineeringUnit, BacnetObjectIdentifier } from './operation/bacnet.js';
export { dataPointSchema } from './operation/data-point.js';
export type { DataPoint } from './operation/data-point.js';
export { importEde, readEde, formatEdeReport } from './operation/ede.js';
export type {
  EdeSource,
  EdeOptions,
  EdeEncoding,
  EdeSeparator,
  EdeEvent,
  EdeRejectedRow,
  EdeImportResult,
} from './operation/ede.js';
export { parseObis, formatObis, isObis } from './operation/obis.js';
export type { ObisCode } from './operation/obis.js';
export { meterSchema, checkMeterTree, buildMeterTree } from './operation/meter.js';
export type { Meter, MeterTree, MeterTreeProblem } from './operation/meter.js';
export { readingSchema, meterConsumption } from './operation/reading.js';
export type { Reading } from './operation/reading.js';
export { consumptionIndicators, indicatorsFromMeters, consumptionInputSchema } from './operation/consumption.js';
export type { ConsumptionIndicators, ConsumptionInput } from './operation/consumption.js';
export { mapDataPoint, pointSemantics, pointSemanticsSchema, pointSemanticsMarkdown } from './mappings/point-semantics.js';
export type { PointMapping, PointMappingOptions, PointSemantics } from './mappings/point-semantics.js';
export { jsonSchemaOf, jsonSchemaNames } from './json-schemas.js';
export type { JsonSchemaName } from './json-schemas.js';
