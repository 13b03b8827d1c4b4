export { IdsError } from './errors.js';
export type { IdsErrorCode, IdsIssue, ErrorLocation, ErrorMessages } from './errors.js';
export { parseXml, defaultXmlLimits } from './xml.js';
export type { XmlAttribute, XmlElement, XmlLimits } from './xml.js';
export { parseIds, auditIds } from './parse.js';
export type { IdsAudit, ParseIdsOptions } from './parse.js';
export { checkIds, describeFacet } from './check.js';
export type { CheckIdsOptions } from './check.js';
export type {
  IdsModel,
  IdsModelEntity,
  IdsModelClassification,
  IdsModelMaterial,
  IdsModelPartOf,
  IdsModelPropertyDefinition,
} from './model-view.js';
export { toHtmlReport, escapeHtml } from './report-html.js';
export type { HtmlReportOptions } from './report-html.js';
export { toBcf } from './report-bcf.js';
export type { BcfOptions } from './report-bcf.js';
export { labels } from './labels.js';
export type { Labels } from './labels.js';
export type { Language } from '@foederal/core';
export {
  idsReportSchema,
  specificationResultSchema,
  requirementResultSchema,
  requirementFailureSchema,
  entityRefSchema,
  specificationStatusSchema,
} from './result.js';
export type { IdsReport, SpecificationResult, RequirementResult, RequirementFailure, EntityRef, SpecificationStatus } from './result.js';
export {
  idsDocumentSchema,
  specificationSchema,
  facetSchema,
  idsValueSchema,
  cardinalitySchema,
  ifcVersionSchema,
  partOfRelationSchema,
} from './model.js';
export type {
  IdsDocument,
  IdsInfo,
  Specification,
  Facet,
  FacetKind,
  EntityFacet,
  AttributeFacet,
  PropertyFacet,
  ClassificationFacet,
  MaterialFacet,
  PartOfFacet,
  IdsValue,
  RestrictionValue,
  Cardinality,
  IfcVersion,
  PartOfRelation,
} from './model.js';
export { matchesValue, realEquals, TOLERANCE } from './values.js';
export type { IfcScalar } from './values.js';
export { xsdPatternToRegExp, xsdPatternMatcher, XsdRegexSyntaxError } from './xsd-regex.js';
export type { XsdPatternMatcher } from './xsd-regex.js';
export { jsonSchemas } from './json-schema.js';
