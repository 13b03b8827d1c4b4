// The shape of a publiccode.yml v0 document as the decoder walks it: which keys exist, and
// whether each holds a string, a boolean, a list, a map or a nested section. It mirrors the
// structure of the standard (schema.core.rst, schema.it.rst) and of the reference parser.

/** One node of the document shape. */
export type Shape =
  | { readonly kind: 'string' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'stringOrList' }
  | { readonly kind: 'list'; readonly of: Shape }
  | { readonly kind: 'map'; readonly of: Shape }
  | {
      readonly kind: 'struct';
      /** A section that is absent stays `undefined`; a value section becomes `{}`. */
      readonly optional: boolean;
      readonly fields: Readonly<Record<string, Shape>>;
    };

const str: Shape = { kind: 'string' };
const bool: Shape = { kind: 'bool' };
const list = (of: Shape): Shape => ({ kind: 'list', of });
const section = (fields: Record<string, Shape>, optional = true): Shape => ({ kind: 'struct', optional, fields });

const organisation = section({ name: str, uri: str });
const dependency = section({ name: str, versionMin: str, versionMax: str, optional: bool, version: str });

const description = section({
  localisedName: str,
  genericName: str,
  shortDescription: str,
  longDescription: str,
  documentation: str,
  apiDocumentation: str,
  features: list(str),
  screenshots: list(str),
  videos: list(str),
  awards: list(str),
});

const italy = section({
  countryExtensionVersion: str,
  conforme: section({ lineeGuidaDesign: bool, modelloInteroperabilita: bool, misureMinimeSicurezza: bool, gdpr: bool }),
  riuso: section({ codiceIPA: str }, false),
  piattaforme: section({ spid: bool, pagopa: bool, cie: bool, anpr: bool, io: bool }, false),
});

/** The whole v0 document (publiccodeYmlVersion 0, 0.2 … 0.7). */
export const documentShape: Shape = section(
  {
    publiccodeYmlVersion: str,
    name: str,
    applicationSuite: str,
    url: str,
    landingURL: str,
    isBasedOn: { kind: 'stringOrList' },
    softwareVersion: str,
    releaseDate: str,
    logo: str,
    monochromeLogo: str,
    organisation,
    inputTypes: list(str),
    outputTypes: list(str),
    platforms: list(str),
    categories: list(str),
    usedBy: list(str),
    fundedBy: list(organisation),
    roadmap: str,
    developmentStatus: str,
    softwareType: str,
    supports: list(section({ id: str })),
    intendedAudience: section({ scope: list(str), countries: list(str), unsupportedCountries: list(str) }),
    description: { kind: 'map', of: description },
    legal: section({ license: str, mainCopyrightOwner: str, repoOwner: str, authorsFile: str }, false),
    maintenance: section(
      {
        type: str,
        contractors: list(section({ name: str, email: str, website: str, until: str })),
        contacts: list(section({ name: str, email: str, affiliation: str, phone: str })),
      },
      false,
    ),
    localisation: section({ localisationReady: bool, availableLanguages: list(str) }, false),
    dependsOn: section({ open: list(dependency), proprietary: list(dependency), hardware: list(dependency) }),
    IT: italy,
    it: italy,
  },
  false,
);
