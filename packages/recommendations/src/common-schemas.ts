import { jurisdictionLevelSchema } from '@foederal/membership';
import * as z from 'zod/mini';

/** Bilingual custom issue: German first, English second; read back by `validate`. */
export function bilingual(de: string, en: string): { message: string; params: { de: string; en: string } } {
  return { message: `${de} / ${en}`, params: { de, en } };
}


import { localizedTextSchema } from '@foederal/core/text-schema';

export { localizedTextSchema };
export type { LocalizedText } from '@foederal/core';

/**
 * A stable, URL-safe identifier: lower-case letters, digits and single hyphens.
 *
 * @example
 * slugSchema.parse('wartung-2018');
 */
export const slugSchema = z.string().check(
  z.minLength(1),
  z.maxLength(120),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, bilingual(
    'Kennung: nur Kleinbuchstaben, Ziffern und einzelne Bindestriche',
    'identifier: lower-case letters, digits and single hyphens only',
  )),
);

/** An ISO 8601 calendar date (`2027-04-15`). @example isoDateSchema.parse('2027-04-15'); */
export const isoDateSchema = z.iso.date();
/** An ISO 8601 date-time with offset (`2027-04-15T10:00:00Z`). @example isoDateTimeSchema.parse('2027-04-15T10:00:00Z'); */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** An absolute http(s) URL. @example httpUrlSchema.parse('https://example.org/a.pdf'); */
export const httpUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * Administrative levels as named by DCAT-AP.de (`politicalGeocodingLevel`); the same schema as
 * `jurisdictionLevelSchema` of `@foederal/membership`.
 *
 * @example
 * administrativeLevelSchema.parse('municipality');
 */
export const administrativeLevelSchema = jurisdictionLevelSchema;
/** One of `federal`, `state`, `administrativeDistrict`, `municipality`. @example const l: AdministrativeLevel = 'state'; */
export type AdministrativeLevel = z.infer<typeof administrativeLevelSchema>;

const keyPattern: Record<AdministrativeLevel, RegExp | undefined> = {
  federal: undefined,
  state: /^\d{2}$/,
  administrativeDistrict: /^\d{5}$/,
  municipality: /^\d{8}$/,
};

/**
 * A reference to a jurisdiction (Gebietskörperschaft) or a body acting for one level (such as a
 * kommunaler Spitzenverband): its level, optionally its official key (state key `02`, district key
 * `08128`, municipality key `01054015`; never for the Bund) and its name.
 *
 * @example
 * jurisdictionRefSchema.parse({ level: 'state', key: '09', name: 'Bayern' });
 */
export const jurisdictionRefSchema = z.strictObject({
  level: administrativeLevelSchema,
  key: z.exactOptional(z.string().check(z.regex(/^\d{2,12}$/))),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
}).check(
  z.superRefine((value, ctx) => {
    const pattern = keyPattern[value.level];
    if (pattern === undefined && value.key !== undefined) {
      ctx.addIssue({
        code: 'custom', path: ['key'], input: value.key,
        ...bilingual('Der Bund hat keinen Gebietsschlüssel', 'the Bund has no regional key'),
      });
    } else if (pattern !== undefined && value.key !== undefined && !pattern.test(value.key)) {
      ctx.addIssue({
        code: 'custom', path: ['key'], input: value.key,
        ...bilingual(
          `Gebietsschlüssel passt nicht zur Ebene ${value.level} (${String(pattern)})`,
          `regional key does not fit level ${value.level} (${String(pattern)})`,
        ),
      });
    }
  }),
);
/** A jurisdiction reference. @example const by: JurisdictionRef = { level: 'state', key: '09', name: 'Bayern' }; */
export type JurisdictionRef = z.infer<typeof jurisdictionRefSchema>;

/**
 * A person named in a record (working-group lead or member, report author): name, optional
 * organisation and the jurisdiction the person represents.
 *
 * @example
 * personSchema.parse({ name: 'Dr. Anna Beispiel', jurisdiction: { level: 'federal', name: 'Bund' } });
 */
export const personSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  organisation: z.exactOptional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  jurisdiction: jurisdictionRefSchema,
});
/** A person with the jurisdiction they represent. @example const p: Person = { name: 'A', jurisdiction: { level: 'federal', name: 'Bund' } }; */
export type Person = z.infer<typeof personSchema>;

/** SPDX identifiers of the supported licences. @example licenseIdSchema.parse('CC-BY-4.0'); */
export const licenseIdSchema = z.enum(['CC-BY-4.0', 'DL-DE-BY-2.0', 'DL-DE-ZERO-2.0', 'CC0-1.0']);
/** A supported SPDX licence id. @example const id: LicenseId = 'DL-DE-BY-2.0'; */
export type LicenseId = z.infer<typeof licenseIdSchema>;

/**
 * The DCAT-AP.de licence IRI (`http://dcat-ap.de/def/licenses/…`) for each supported SPDX id.
 *
 * @example
 * licenseIris['DL-DE-BY-2.0']; // 'http://dcat-ap.de/def/licenses/dl-by-de/2.0'
 */
export const licenseIris = {
  'CC-BY-4.0': 'http://dcat-ap.de/def/licenses/cc-by/4.0',
  'DL-DE-BY-2.0': 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  'DL-DE-ZERO-2.0': 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
  'CC0-1.0': 'http://dcat-ap.de/def/licenses/cc-zero',
} as const satisfies Record<LicenseId, string>;

/**
 * A licence: SPDX id, the matching DCAT-AP.de IRI and the attribution text to show.
 *
 * @example
 * licenseSchema.parse({ id: 'CC-BY-4.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: 'Arbeitskreis …' });
 */
export const licenseSchema = z.strictObject({
  id: licenseIdSchema,
  iri: z.string(),
  attribution: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
}).check(
  z.superRefine((value, ctx) => {
    const expected = licenseIris[value.id];
    if (value.iri !== expected) {
      ctx.addIssue({
        code: 'custom', path: ['iri'], input: value.iri,
        ...bilingual(
          `Lizenz-IRI passt nicht zu ${value.id}: erwartet ${expected}`,
          `licence IRI does not match ${value.id}: expected ${expected}`,
        ),
      });
    }
  }),
);
/** A licence with IRI and attribution. @example const l: License = licenseFor('AK', 'CC-BY-4.0'); */
export type License = z.infer<typeof licenseSchema>;

/**
 * Build a licence record; the default is CC-BY-4.0.
 *
 * @example
 * licenseFor('Arbeitskreis Gebäudedaten, dl-de/by-2-0', 'DL-DE-BY-2.0');
 */
export function licenseFor(attribution: string, id: LicenseId = 'CC-BY-4.0'): License {
  return { id, iri: licenseIris[id], attribution };
}

/** Roles an attached document plays. @example attachmentRoleSchema.parse('main'); */
export const attachmentRoleSchema = z.enum(['main', 'annex', 'template', 'data-requirements']);
/** Attachment role. @example const r: AttachmentRole = 'annex'; */
export type AttachmentRole = z.infer<typeof attachmentRoleSchema>;

/**
 * A document attached to a record, with its checksum so a download can be verified.
 *
 * @example
 * attachmentSchema.parse({ id: 'main', title: { de: 'Empfehlung' }, role: 'main', mediaType: 'text/markdown',
 *   byteSize: 1024, sha256: 'e3b0…', downloadUrl: 'https://example.org/a.md' });
 */
export const attachmentSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  role: attachmentRoleSchema,
  mediaType: z.string().check(z.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i, bilingual(
    'Medientyp der Form typ/untertyp erwartet', 'media type of the form type/subtype expected',
  ))),
  byteSize: z.int().check(z.nonnegative()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, bilingual(
    'SHA-256-Prüfsumme: 64 Hexadezimalziffern in Kleinbuchstaben', 'SHA-256 checksum: 64 lower-case hex digits',
  ))),
  downloadUrl: httpUrlSchema,
  language: z.exactOptional(z.enum(['de', 'en'])),
});
/** An attached document. @example const a: Attachment = exampleCatalogue.recommendations[0]!.attachments[0]!; */
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * An organisation that publishes (DCAT-AP.de `dct:publisher`), with its administrative level for
 * `dcatde:politicalGeocodingLevelURI` and a contact (e-mail or URL).
 *
 * @example
 * publisherSchema.parse({ id: 'https://example.org/ak', name: { de: 'Arbeitskreis' },
 *   jurisdiction: { level: 'federal', name: 'Bund' }, email: 'info@example.org' });
 */
export const publisherSchema = z.strictObject({
  id: httpUrlSchema,
  name: localizedTextSchema,
  jurisdiction: jurisdictionRefSchema,
  email: z.exactOptional(z.email()),
  homepage: z.exactOptional(httpUrlSchema),
}).check(
  z.superRefine((value, ctx) => {
    if (value.email === undefined && value.homepage === undefined) {
      ctx.addIssue({
        code: 'custom', path: ['email'], input: value,
        ...bilingual('Kontakt: E-Mail oder Homepage angeben', 'contact: give an e-mail or a homepage'),
      });
    }
  }),
);
/** A publishing organisation. @example const p: Publisher = exampleCatalogue.publisher; */
export type Publisher = z.infer<typeof publisherSchema>;

/** Data themes of the EU authority table (DCAT `dcat:theme`). @example dataThemeSchema.parse('GOVE'); */
export const dataThemeSchema = z.enum([
  'AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'OP_DATPRO', 'REGI', 'SOCI', 'TECH', 'TRAN',
]);
/** An EU data theme code. @example const t: DataTheme = 'TECH'; */
export type DataTheme = z.infer<typeof dataThemeSchema>;
