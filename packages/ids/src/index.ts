export { IdsError } from './errors.js';
export type { IdsErrorCode, IdsIssue } from './errors.js';
export { parseXml, defaultXmlLimits } from './xml.js';
export type { XmlAttribute, XmlElement, XmlLimits } from './xml.js';
export { parseIds, auditIds } from './parse.js';
export type { IdsAudit, ParseIdsOptions } from './parse.js';
export { checkIds, describeFacet } from './check.js';
export type { CheckIdsOptions } from './check.js';
export type { IdsModel, IdsModelEntity } from './model-view.js';
