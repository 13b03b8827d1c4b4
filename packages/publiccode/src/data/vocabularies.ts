// The standard's own lists. Source: publiccodeyml/publiccode.yml, docs/standard/
// (schema.core.rst, categories-list.rst, scope-list.rst, schema.it.rst), as read in 2026-12;
// `other` is accepted as a category as the reference parser (publiccode-parser-go) does.

/**
 * `publiccodeYmlVersion` values the parser accepts, oldest first (the last is the current one).
 *
 * @example
 * ```ts
 * supportedVersions.includes('0.4'); // true
 * ```
 */
export const supportedVersions = [
  '0',
  '0.2',
  '0.2.0',
  '0.2.1',
  '0.2.2',
  '0.3',
  '0.3.0',
  '0.4',
  '0.4.0',
  '0.5.0',
  '0.5',
  '0.7.0',
  '0.7',
] as const;

/**
 * The current version of the standard, as the reference parser names it.
 *
 * @example
 * ```ts
 * currentVersion; // '0.7'
 * ```
 */
export const currentVersion = '0.7';

/**
 * Allowed values of `developmentStatus`.
 *
 * @example
 * ```ts
 * developmentStatuses[0]; // 'concept'
 * ```
 */
export const developmentStatuses = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;

/**
 * Allowed values of `softwareType`.
 *
 * @example
 * ```ts
 * softwareTypes.includes('library'); // true
 * ```
 */
export const softwareTypes = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
] as const;

/**
 * Allowed values of `maintenance.type`.
 *
 * @example
 * ```ts
 * maintenanceTypes; // ['internal', 'contract', 'community', 'none']
 * ```
 */
export const maintenanceTypes = ['internal', 'contract', 'community', 'none'] as const;

/**
 * Predefined `platforms` (other human-readable values are allowed).
 *
 * @example
 * ```ts
 * predefinedPlatforms.includes('linux'); // true
 * ```
 */
export const predefinedPlatforms = ['web', 'windows', 'mac', 'linux', 'ios', 'android'] as const;

/**
 * Allowed `IT.countryExtensionVersion` values.
 *
 * @example
 * ```ts
 * italianExtensionVersions; // ['0.2', '1.0']
 * ```
 */
export const italianExtensionVersions = ['0.2', '1.0'] as const;

/**
 * The controlled vocabulary of `categories` (categories-list.rst).
 *
 * @example
 * ```ts
 * categories.includes('document-management'); // true
 * ```
 */
export const categories = [
  'accounting', 'agile-project-management', 'applicant-tracking', 'application-development',
  'appointment-scheduling', 'backup', 'billing-and-invoicing', 'blog', 'budgeting',
  'business-intelligence', 'business-process-management', 'cad', 'call-center-management',
  'cloud-management', 'collaboration', 'communications', 'compliance-management',
  'contact-management', 'content-management', 'crm', 'customer-service-and-support',
  'data-analytics', 'data-collection', 'data-visualization', 'design', 'design-system',
  'digital-asset-management', 'digital-citizenship', 'document-management', 'donor-management',
  'e-commerce', 'e-signature', 'educational-content', 'email-management', 'email-marketing',
  'employee-management', 'enterprise-project-management', 'enterprise-social-networking', 'erp',
  'event-management', 'facility-management', 'feedback-and-reviews-management',
  'financial-reporting', 'fleet-management', 'fundraising', 'gamification',
  'geographic-information-systems', 'grant-management', 'graphic-design', 'help-desk', 'hr', 'ide',
  'identity-management', 'instant-messaging', 'integrated-library-system', 'inventory-management', 'it-asset-management',
  'it-development', 'it-management', 'it-security', 'it-service-management', 'knowledge-management',
  'learning-management-system', 'marketing', 'mind-mapping', 'mobile-marketing', 'mobile-payment',
  'network-management', 'office', 'online-booking', 'online-community', 'other', 'payment-gateway',
  'payroll', 'predictive-analysis', 'procurement', 'productivity-suite', 'project-collaboration',
  'project-management', 'property-management', 'real-estate-management', 'regulations-and-directives', 'remote-support',
  'resource-management', 'sales-management', 'seo', 'service-desk', 'social-media-management',
  'survey', 'talent-management', 'task-management', 'taxes-management', 'test-management',
  'time-management', 'time-tracking', 'translation', 'video-conferencing', 'video-editing',
  'visitor-management', 'voip', 'warehouse-management', 'web-collaboration', 'web-conferencing',
  'website-builder', 'whistleblowing', 'workflow-management',
] as const;

/**
 * The controlled vocabulary of `intendedAudience.scope` (scope-list.rst).
 *
 * @example
 * ```ts
 * scopes.includes('local-authorities'); // true
 * ```
 */
export const scopes = [
  'agriculture', 'culture', 'defence', 'education', 'emergency-services', 'employment', 'energy',
  'environment', 'finance-and-economic-development', 'foreign-affairs', 'government', 'healthcare',
  'infrastructures', 'justice', 'local-authorities', 'manufacturing', 'research',
  'science-and-technology', 'security', 'society', 'sport', 'tourism', 'transportation', 'welfare',
] as const;

/**
 * Known aliases of `supports[].id` (standard 0.7); any other value must be a URI.
 *
 * @example
 * ```ts
 * supportAliases.includes('alias:gdpr'); // true
 * ```
 */
export const supportAliases = [
  'alias:gdpr', 'alias:eidas', 'alias:nis2', 'alias:cra', 'alias:spid', 'alias:cie', 'alias:anpr', 'alias:pagopa', 'alias:io',
] as const;
