// CKAN Action API v3 shapes as GovData serves them (docs.ckan.org, "API guide"): every answer is
// `{ help, success, result }` or `{ help, success: false, error }`. Loose objects: CKAN
// extensions (ckanext-dcatde) add fields.
import * as z from 'zod/mini';

/**
 * A CKAN tag.
 *
 * @example
 * ckanTagSchema.parse({ name: 'energie' });
 */
export const ckanTagSchema = z.looseObject({
  name: z.string(),
  display_name: z.optional(z.string()),
  id: z.optional(z.string()),
});

/**
 * A CKAN resource (a distribution: file or API of a dataset).
 *
 * @example
 * ckanResourceSchema.parse({ id: 'r-1', url: 'https://example.org/a.csv', format: 'CSV' });
 */
export const ckanResourceSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  name: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  format: z.optional(z.nullable(z.string())),
  mimetype: z.optional(z.nullable(z.string())),
  size: z.optional(z.nullable(z.number())),
  created: z.optional(z.nullable(z.string())),
  last_modified: z.optional(z.nullable(z.string())),
});

/**
 * The organisation that publishes a dataset.
 *
 * @example
 * ckanOrganizationSchema.parse({ id: 'o-1', name: 'bmwsb', title: 'BMWSB' });
 */
export const ckanOrganizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.nullable(z.string())),
});

/**
 * A CKAN package (a dataset on GovData). `metadata_created`/`metadata_modified` are CKAN's
 * timestamps (UTC without offset); DCAT-AP.de fields arrive as `extras`.
 *
 * @example
 * const extras = ckanExtras(pkg); extras['politicalGeocodingLevelURI'];
 */
export const ckanPackageSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.optional(z.nullable(z.string())),
  notes: z.optional(z.nullable(z.string())),
  url: z.optional(z.nullable(z.string())),
  state: z.optional(z.string()),
  type: z.optional(z.string()),
  license_id: z.optional(z.nullable(z.string())),
  license_title: z.optional(z.nullable(z.string())),
  metadata_created: z.optional(z.string()),
  metadata_modified: z.optional(z.string()),
  organization: z.optional(z.nullable(ckanOrganizationSchema)),
  resources: z._default(z.array(ckanResourceSchema), []),
  tags: z._default(z.array(ckanTagSchema), []),
  groups: z._default(z.array(z.looseObject({ name: z.string(), title: z.optional(z.string()) })), []),
  extras: z._default(z.array(z.looseObject({ key: z.string(), value: z.unknown() })), []),
});
/**
 * A CKAN package.
 *
 * @example
 * const dataset: CkanPackage = await govData.packageShow('energieverbrauch-landesliegenschaften');
 */
export type CkanPackage = z.output<typeof ckanPackageSchema>;

/**
 * The result of `package_search`.
 *
 * @example
 * ckanSearchResultSchema.parse({ count: 0, results: [] });
 */
export const ckanSearchResultSchema = z.looseObject({
  count: z.int().check(z.nonnegative()),
  results: z.array(ckanPackageSchema),
  sort: z.optional(z.string()),
  facets: z.optional(z.record(z.string(), z.unknown())),
  search_facets: z.optional(z.record(z.string(), z.unknown())),
});
/**
 * A `package_search` result page.
 *
 * @example
 * for await (const page of govData.packageSearch({ q: 'Schule' }).pages()) console.log(page.count);
 */
export type CkanSearchResult = z.output<typeof ckanSearchResultSchema>;

/** A CKAN action response envelope around `result`. */
export function ckanEnvelope<S extends z.core.$ZodType>(result: S) {
  return z.looseObject({ help: z.optional(z.string()), success: z.literal(true), result });
}

/**
 * The `extras` of a package as a record (DCAT-AP.de fields such as `politicalGeocodingLevelURI`).
 *
 * @example
 * ckanExtras(pkg)['contributorID'];
 */
export function ckanExtras(pkg: Pick<CkanPackage, 'extras'>): Record<string, unknown> {
  return Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]));
}
