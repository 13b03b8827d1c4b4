// The publiccode.yml document (standard 0.2 … 0.7, the "v0" family) as zod/mini schemas: the
// type of a validated document and the source of the shipped JSON Schema. The parser's own rules
// (validate.ts) are stricter in places a JSON Schema cannot express: lengths in grapheme
// clusters, BCP 47 subtags from the IANA registry, SPDX expressions, conditional maintenance keys.
import * as z from 'zod/mini';
import {
  categories,
  developmentStatuses,
  italianExtensionVersions,
  maintenanceTypes,
  scopes,
  softwareTypes,
} from './data/vocabularies.js';

const text = z.string();
const url = z.string().check(z.minLength(1), z.regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/));
const httpUrl = z.string().check(z.regex(/^https?:\/\/\S+$/));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const country = z.string().check(z.regex(/^([A-Z]{2}|[a-z]{2})$/));

const organisationSchema = z.object({ name: z.optional(text), uri: z.string().check(z.minLength(1)) });

/**
 * One localised description block (`description.de`, `description.en`, …).
 *
 * @example
 * ```ts
 * const block: PubliccodeDescription = descriptionSchema.parse({ shortDescription: 'Kurz', longDescription: '…', features: ['A'] });
 * ```
 */
export const descriptionSchema = z.object({
  localisedName: z.optional(text),
  genericName: z.optional(text),
  shortDescription: z.string().check(z.minLength(1)),
  longDescription: z.string().check(z.minLength(150)),
  documentation: z.optional(httpUrl),
  apiDocumentation: z.optional(httpUrl),
  features: z.array(text).check(z.minLength(1)),
  screenshots: z.optional(z.array(text)),
  videos: z.optional(z.array(httpUrl)),
  awards: z.optional(z.array(text)),
});

const dependencySchema = z.object({
  name: z.string().check(z.minLength(1)),
  versionMin: z.optional(text),
  versionMax: z.optional(text),
  optional: z.optional(z.boolean()),
  version: z.optional(text),
});

/**
 * The Italian country section (`IT`, formerly `it`).
 *
 * @example
 * ```ts
 * italySchema.parse({ countryExtensionVersion: '1.0', piattaforme: { spid: true } });
 * ```
 */
export const italySchema = z.object({
  countryExtensionVersion: z.optional(z.enum(italianExtensionVersions)),
  conforme: z.optional(
    z.object({
      lineeGuidaDesign: z.optional(z.boolean()),
      modelloInteroperabilita: z.optional(z.boolean()),
      misureMinimeSicurezza: z.optional(z.boolean()),
      gdpr: z.optional(z.boolean()),
    }),
  ),
  riuso: z.optional(z.object({ codiceIPA: z.optional(text) })),
  piattaforme: z.optional(
    z.object({
      spid: z.optional(z.boolean()),
      pagopa: z.optional(z.boolean()),
      cie: z.optional(z.boolean()),
      anpr: z.optional(z.boolean()),
      io: z.optional(z.boolean()),
    }),
  ),
});

/**
 * A publiccode.yml document of the standard's versions 0.2 to 0.7.
 *
 * @example
 * ```ts
 * const result = await parsePubliccode(text);
 * if (result.data) console.log(result.data.legal.license);
 * ```
 */
export const publiccodeSchema = z.object({
  publiccodeYmlVersion: z.string(),
  name: z.string().check(z.minLength(1)),
  applicationSuite: z.optional(text),
  url,
  landingURL: z.optional(httpUrl),
  isBasedOn: z.optional(z.union([url, z.array(url)])),
  softwareVersion: z.optional(text),
  releaseDate: z.optional(date),
  logo: z.optional(text),
  monochromeLogo: z.optional(text),
  organisation: z.optional(organisationSchema),
  inputTypes: z.optional(z.array(text)),
  outputTypes: z.optional(z.array(text)),
  platforms: z.array(text).check(z.minLength(1)),
  categories: z.optional(z.array(z.enum(categories))),
  usedBy: z.optional(z.array(text)),
  fundedBy: z.optional(z.array(organisationSchema)),
  roadmap: z.optional(httpUrl),
  developmentStatus: z.enum(developmentStatuses),
  softwareType: z.enum(softwareTypes),
  supports: z.optional(z.array(z.object({ id: z.string().check(z.minLength(1)) }))),
  intendedAudience: z.optional(
    z.object({
      scope: z.optional(z.array(z.enum(scopes))),
      countries: z.optional(z.array(country)),
      unsupportedCountries: z.optional(z.array(country)),
    }),
  ),
  description: z.record(z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)), descriptionSchema),
  legal: z.object({
    license: z.string().check(z.minLength(1)),
    mainCopyrightOwner: z.optional(text),
    repoOwner: z.optional(text),
    authorsFile: z.optional(text),
  }),
  maintenance: z.object({
    type: z.enum(maintenanceTypes),
    contractors: z.optional(
      z.array(z.object({ name: z.string().check(z.minLength(1)), email: z.optional(text), website: z.optional(httpUrl), until: date })),
    ),
    contacts: z.optional(
      z.array(z.object({ name: z.string().check(z.minLength(1)), email: z.optional(text), affiliation: z.optional(text), phone: z.optional(text) })),
    ),
  }),
  localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(text).check(z.minLength(1)) }),
  dependsOn: z.optional(
    z.object({
      open: z.optional(z.array(dependencySchema)),
      proprietary: z.optional(z.array(dependencySchema)),
      hardware: z.optional(z.array(dependencySchema)),
    }),
  ),
  IT: z.optional(italySchema),
  it: z.optional(italySchema),
});

/** A validated publiccode.yml document. */
export type Publiccode = z.infer<typeof publiccodeSchema>;
/** One localised description block. */
export type PubliccodeDescription = z.infer<typeof descriptionSchema>;
/** The Italian country section. */
export type PubliccodeItaly = z.infer<typeof italySchema>;

/**
 * The JSON Schema (draft 2020-12) of a publiccode.yml document, generated from
 * {@link publiccodeSchema}; also shipped as `@foederal/publiccode/schemas/publiccode.schema.json`.
 *
 * @example
 * ```ts
 * const schema = publiccodeJsonSchema();
 * console.log(schema.$schema);
 * ```
 */
export function publiccodeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(publiccodeSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://gitlab.opencode.de/foederal/foederal/-/raw/main/packages/publiccode/schemas/publiccode.schema.json',
    title: 'publiccode.yml (0.2–0.7)',
  } as Record<string, unknown>;
}
