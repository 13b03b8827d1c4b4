export { parsePubliccode } from './parse.js';
export type { ParsePubliccodeOptions, PubliccodeResult } from './parse.js';
export { formatReport, formatIssue } from './format.js';
export type { FormatReportOptions } from './format.js';
export { issueText } from './issues.js';
export type { IssueCode, IssueParams, PubliccodeIssue } from './issues.js';
export type { SkippedCheck } from './checks.js';
export { PubliccodeError } from './errors.js';
export type { ErrorLocation, ErrorMessages, PubliccodeErrorCode, PubliccodeErrorOptions } from './errors.js';
export { publiccodeSchema, descriptionSchema, italySchema, publiccodeJsonSchema } from './schema.js';
export type { Publiccode, PubliccodeDescription, PubliccodeItaly } from './schema.js';
export {
  categories,
  scopes,
  softwareTypes,
  developmentStatuses,
  maintenanceTypes,
  predefinedPlatforms,
  supportedVersions,
  currentVersion,
  supportAliases,
  italianExtensionVersions,
} from './data/vocabularies.js';
export {
  isBcp47,
  isCountryCode,
  isSpdxExpression,
  isDate,
  isEmail,
  isPhoneNumber,
  isHttpUrl,
  isUrl,
  graphemeLength,
  isOrganisationUri,
  isItalianIpaCode,
  isMediaType,
} from './formats.js';
export type { Language } from '@foederal/core';
