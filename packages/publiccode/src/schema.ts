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

const organisationSchema = z.strictObject({ name: z.optional(text), uri: z.string().check(z.minLength(1)) });

/**
 * One localised description block (`description.de`, `description.en`, …).
 *
 * @example
 * ```ts
 * const block: PubliccodeDescription = descriptionSchema.parse({ shortDescription: 'Kurz', longDescription: '…', features: ['A'] });
 * ```
 */
export const descriptionSchema = z.strictObject({
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

const dependencySchema = z.strictObject({
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
export const italySchema = z.strictObject({
  countryExtensionVersion: z.optional(z.enum(italianExtensionVersions)),
  conforme: z.optional(
    z.strictObject({
      lineeGuidaDesign: z.optional(z.boolean()),
      modelloInteroperabilita: z.optional(z.boolean()),
      misureMinimeSicurezza: z.optional(z.boolean()),
      gdpr: z.optional(z.boolean()),
    }),
  ),
  riuso: z.optional(z.strictObject({ codiceIPA: z.optional(text) })),
  piattaforme: z.optional(
    z.strictObject({
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
export const publiccodeSchema = z.strictObject({
  publiccodeYmlVersion: z.string().check(z.describe('Version des Standards, z. B. "0" / version of the standard, e.g. "0"')),
  name: z.string().check(z.minLength(1)).check(z.describe('Name der Software / name of the software')),
  applicationSuite: z.optional(text).check(z.describe('Suite, zu der die Software gehört / suite the software belongs to')),
  url: url.check(z.describe('URL des Quellcode-Repositorys / URL of the source code repository')),
  landingURL: z.optional(httpUrl).check(z.describe('Einstiegsseite für Menschen / landing page for people')),
  isBasedOn: z.optional(z.union([url, z.array(url)])).check(z.describe('Repository-URL(s) der Vorlage einer Variante / repository URL(s) a variant is based on')),
  softwareVersion: z.optional(text).check(z.describe('letzte stabile Version / latest stable version')),
  releaseDate: z.optional(date).check(z.describe('Datum dieser Version (JJJJ-MM-TT) / release date (YYYY-MM-DD)')),
  logo: z.optional(text).check(z.describe('Logo: relativer Pfad oder URL, SVG/SVGZ/PNG / logo: relative path or URL, SVG/SVGZ/PNG')),
  monochromeLogo: z.optional(text).check(z.describe('veraltet: einfarbiges Logo / deprecated: monochrome logo')),
  organisation: z.optional(organisationSchema).check(z.describe('veröffentlichende Organisation / publishing organisation')),
  inputTypes: z.optional(z.array(text)).check(z.describe('veraltet: Eingabe-MIME-Typen / deprecated: input media types')),
  outputTypes: z.optional(z.array(text)).check(z.describe('veraltet: Ausgabe-MIME-Typen / deprecated: output media types')),
  platforms: z.array(text).check(z.minLength(1)).check(z.describe('Plattformen (web, windows, mac, linux, ios, android oder andere) / platforms')),
  categories: z.optional(z.array(z.enum(categories))).check(z.describe('Kategorien aus der Liste des Standards / categories from the standard\'s list')),
  usedBy: z.optional(z.array(text)).check(z.describe('nutzende Verwaltungen / administrations using the software')),
  fundedBy: z.optional(z.array(organisationSchema)).check(z.describe('fördernde Organisationen / funding organisations')),
  roadmap: z.optional(httpUrl).check(z.describe('öffentliche Roadmap / public roadmap')),
  developmentStatus: z.enum(developmentStatuses).check(z.describe('Entwicklungsstand / development status')),
  softwareType: z.enum(softwareTypes).check(z.describe('Art der Software / type of software')),
  supports: z.optional(z.array(z.strictObject({ id: z.string().check(z.minLength(1)) }))).check(z.describe('unterstützte Standards und Regelungen (alias:… oder URI) / supported standards and regulations (alias:… or URI)')),
  intendedAudience: z.optional(
    z.strictObject({
      scope: z.optional(z.array(z.enum(scopes))),
      countries: z.optional(z.array(country)),
      unsupportedCountries: z.optional(z.array(country)),
    }),
  ).check(z.describe('Zielgruppe: Länder und Anwendungsbereiche / intended audience: countries and scopes')),
  description: z.record(z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)), descriptionSchema).check(z.describe('Beschreibung je Sprache (BCP-47-Schlüssel) / description per language (BCP 47 keys)')),
  legal: z.strictObject({
    license: z.string().check(z.minLength(1)),
    mainCopyrightOwner: z.optional(text),
    repoOwner: z.optional(text),
    authorsFile: z.optional(text),
  }).check(z.describe('Rechtliches: Lizenz als SPDX-Ausdruck / legal: licence as an SPDX expression')),
  maintenance: z.strictObject({
    type: z.enum(maintenanceTypes),
    contractors: z.optional(
      z.array(z.strictObject({ name: z.string().check(z.minLength(1)), email: z.optional(text), website: z.optional(httpUrl), until: date })),
    ),
    contacts: z.optional(
      z.array(z.strictObject({ name: z.string().check(z.minLength(1)), email: z.optional(text), affiliation: z.optional(text), phone: z.optional(text) })),
    ),
  }).check(z.describe('Wartung: Art, Auftragnehmer, Kontakte / maintenance: type, contractors, contacts')),
  localisation: z.strictObject({ localisationReady: z.boolean(), availableLanguages: z.array(text).check(z.minLength(1)) }).check(z.describe('Lokalisierung / localisation')),
  dependsOn: z.optional(
    z.strictObject({
      open: z.optional(z.array(dependencySchema)),
      proprietary: z.optional(z.array(dependencySchema)),
      hardware: z.optional(z.array(dependencySchema)),
    }),
  ).check(z.describe('Abhängigkeiten zur Laufzeit / runtime dependencies')),
  IT: z.optional(italySchema).check(z.describe('Abschnitt für Italien (veraltet in 0.7) / Italian section (deprecated in 0.7)')),
  it: z.optional(italySchema).check(z.describe('veraltet: Abschnitt für Italien in Kleinbuchstaben / deprecated: lowercase Italian section')),
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
