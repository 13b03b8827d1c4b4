// Our own cases for the rules of the publiccode.yml standard (schema.core.rst, schema.it.rst of
// the standard 0.2–0.4 and 0.7 texts, as published on yml.publiccode.tools / docs.italia.it), one
// row per variant the conformance corpus does not pin down. Expectations are the standard's rule
// applied by hand to the base document of test/fixtures.ts: outcome and `severity:code:key` list.
// Rules where we knowingly follow the reference parser rather than a recommendation of the
// standard's text are listed in ADR 0107.
import { describe, expect, it } from 'vitest';
import { yamlWith } from '../test/fixtures.js';
import { parsePubliccode } from './parse.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit nested keys of a plain document freely
type D = Record<string, any>;
type Row = readonly [name: string, change: (d: D) => void, outcome: 'valid' | 'valid-with-warnings' | 'invalid', issues: readonly string[]];

async function check([, change, outcome, issues]: Row): Promise<void> {
  const result = await parsePubliccode(yamlWith(change));
  expect(result.issues.map((i) => `${i.severity[0]}:${i.code}:${i.key}`)).toEqual(issues);
  expect(result.outcome).toBe(outcome);
}

describe("Dates: `releaseDate` and `maintenance.contractors[].until` are `YYYY-MM-DD` (ISO 8601 calendar dates, schema.core: releaseDate)", () => {
  const rows: readonly Row[] = [
    ["date 2020-02-30", (d) => (d.releaseDate = '2020-02-30'), 'invalid', ["e:date:releaseDate"]],
    ["date 2019-02-29", (d) => (d.releaseDate = '2019-02-29'), 'invalid', ["e:date:releaseDate"]],
    ["date 2020-02-29", (d) => (d.releaseDate = '2020-02-29'), 'valid', []],
    ["date 2020-2-3", (d) => (d.releaseDate = '2020-2-3'), 'invalid', ["e:date:releaseDate"]],
    ["date with time", (d) => (d.releaseDate = '2020-02-03T10:00:00Z'), 'invalid', ["e:date:releaseDate"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("URLs: `url` any URL of the repository, `landingURL`, `roadmap`, `documentation`, `apiDocumentation`, `contractors[].website` HTTP(S) URLs (schema.core)", () => {
  const rows: readonly Row[] = [
    ["landing ftp", (d) => (d.landingURL = 'ftp://x.org/'), 'invalid', ["e:http-url:landingURL"]],
    ["landing bare", (d) => (d.landingURL = 'x.org'), 'invalid', ["e:http-url:landingURL"]],
    ["url bad", (d) => (d.url = 'not a url'), 'invalid', ["e:url:url"]],
    ["roadmap mailto", (d) => (d.roadmap = 'mailto:a@b.org'), 'invalid', ["e:http-url:roadmap"]],
    ["doc ftp", (d) => (d.description.de.documentation = 'ftp://x.org/'), 'invalid', ["e:http-url:description.de.documentation"]],
    ["apidoc ok", (d) => (d.description.de.apiDocumentation = 'https://x.org/api'), 'valid', []],
    ["isBasedOn str", (d) => (d.isBasedOn = 'https://x.org/a.git'), 'valid', []],
    ["isBasedOn bad", (d) => (d.isBasedOn = ['nope']), 'invalid', ["e:url:isBasedOn[0]"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`maintenance.type` and its contacts/contractors (schema.core: maintenance; contacts mandatory for internal/community, contractors for contract only)", () => {
  const rows: readonly Row[] = [
    ["none+contacts", (d) => (d.maintenance = { type: 'none', contacts: [{ name: 'A' }] }), 'valid', []],
    ["none", (d) => (d.maintenance = { type: 'none' }), 'valid', []],
    ["community contacts []", (d) => (d.maintenance = { type: 'community', contacts: [] }), 'valid', []],
    ["community no contacts", (d) => (d.maintenance = { type: 'community' }), 'invalid', ["e:required-if:maintenance.contacts"]],
    ["internal no contacts", (d) => (d.maintenance = { type: 'internal' }), 'invalid', ["e:required-if:maintenance.contacts"]],
    ["contract no contractors", (d) => (d.maintenance = { type: 'contract' }), 'invalid', ["e:required-if:maintenance.contractors"]],
    ["internal+contractors", (d) => (d.maintenance = { type: 'internal', contacts: [{ name: 'A' }], contractors: [{ name: 'B', until: '2030-01-01' }] }), 'invalid', ["e:excluded-unless:maintenance.contractors"]],
    ["contract ok", (d) => (d.maintenance = { type: 'contract', contractors: [{ name: 'B', until: '2030-01-01', email: 'b@example.org', website: 'https://b.example' }] }), 'valid', []],
    ["contract bad contractor", (d) => (d.maintenance = { type: 'contract', contractors: [{ until: '31/12/2030', email: 'nope', website: 'ftp://b' }] }), 'invalid', ["e:required:maintenance.contractors[0].name", "e:email:maintenance.contractors[0].email", "e:http-url:maintenance.contractors[0].website", "e:date:maintenance.contractors[0].until"]],
    ["contact bad email", (d) => (d.maintenance.contacts[0].email = 'nope'), 'invalid', ["e:email:maintenance.contacts[0].email"]],
    ["maint type bad", (d) => (d.maintenance.type = 'outsourced'), 'invalid', ["e:one-of:maintenance.type"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`legal.license` is an SPDX licence expression (schema.core: legal/license)", () => {
  const rows: readonly Row[] = [
    ["license OR", (d) => (d.legal.license = 'EUPL-1.2 OR MIT'), 'valid', []],
    ["license bad", (d) => (d.legal.license = 'EUPL-1.2 OR'), 'invalid', ["e:spdx:legal.license"]],
    ["license lowercase", (d) => (d.legal.license = 'eupl-1.2'), 'invalid', ["e:spdx:legal.license"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`localisation`: `localisationReady` and `availableLanguages` (BCP 47, at least one) are mandatory", () => {
  const rows: readonly Row[] = [
    ["langs de-DE", (d) => (d.localisation.availableLanguages = ['de-DE', 'en', 'sr-Latn']), 'valid', []],
    ["langs deutsch", (d) => (d.localisation.availableLanguages = ['deutsch']), 'invalid', ["e:bcp47:localisation.availableLanguages[0]"]],
    ["langs empty", (d) => (d.localisation.availableLanguages = []), 'invalid', ["e:min-items:localisation.availableLanguages"]],
    ["langs missing", (d) => delete d.localisation.availableLanguages, 'invalid', ["e:required:localisation.availableLanguages"]],
    ["locready missing", (d) => delete d.localisation.localisationReady, 'invalid', ["e:required:localisation.localisationReady"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`intendedAudience`: ISO 3166-1 alpha-2 countries (lower case deprecated), scopes from the scope list", () => {
  const rows: readonly Row[] = [
    ["countries", (d) => (d.intendedAudience = { countries: ['DE', 'it'], unsupportedCountries: ['XX'], scope: ['government', 'magic'] }), 'invalid', ["e:scope:intendedAudience.scope[1]", "e:country:intendedAudience.unsupportedCountries[0]", "w:lowercase-country:intendedAudience.countries[1]"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("Italian section `IT` (schema.it): `countryExtensionVersion` 0.2/1.0, iPA code, known keys only; `it` deprecated; `conforme` deprecated", () => {
  const rows: readonly Row[] = [
    ["IT ok", (d) => (d.IT = { countryExtensionVersion: '1.0', riuso: { codiceIPA: 'c_h501' }, piattaforme: { spid: true } }), 'valid-with-warnings', ["w:deprecated:IT.riuso.codiceIPA"]],
    ["IT bad", (d) => (d.IT = { countryExtensionVersion: '0.3', riuso: { codiceIPA: 'BAD!' } }), 'invalid', ["e:one-of:IT.countryExtensionVersion", "e:ipa:IT.riuso.codiceIPA"]],
    ["IT unknown", (d) => (d.IT = { foo: 1 }), 'invalid', ["e:unknown-field:IT.foo"]],
    ["IT conforme", (d) => (d.IT = { conforme: { gdpr: true } }), 'valid-with-warnings', ["w:deprecated:IT.conforme"]],
    ["it lower", (d) => (d.it = { countryExtensionVersion: '0.2' }), 'valid-with-warnings', ["w:lowercase-section:it"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("Description lengths in grapheme clusters: shortDescription \u2264 150, 150 \u2264 longDescription \u2264 10 000, genericName \u2264 35 (deprecated)", () => {
  const rows: readonly Row[] = [
    ["short 150", (d) => (d.description.de.shortDescription = 'a'.repeat(150)), 'valid', []],
    ["short 151", (d) => (d.description.de.shortDescription = 'a'.repeat(151)), 'invalid', ["e:max-length:description.de.shortDescription"]],
    ["short 150 emoji", (d) => (d.description.de.shortDescription = '👩‍👩‍👧'.repeat(150)), 'valid', []],
    ["long 149", (d) => (d.description.de.longDescription = 'a'.repeat(149)), 'invalid', ["e:min-length:description.de.longDescription"]],
    ["long 150", (d) => (d.description.de.longDescription = 'a'.repeat(150)), 'valid', []],
    ["long 10001", (d) => (d.description.de.longDescription = 'a'.repeat(10001)), 'invalid', ["e:max-length:description.de.longDescription"]],
    ["long 10000", (d) => (d.description.de.longDescription = 'a'.repeat(10000)), 'valid', []],
    ["generic 36", (d) => (d.description.de.genericName = 'a'.repeat(36)), 'invalid', ["e:max-length:description.de.genericName", "w:deprecated:description.de.genericName"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("Description lists and languages: features mandatory (\u2265 1), awards free text, language keys BCP 47", () => {
  const rows: readonly Row[] = [
    ["features []", (d) => (d.description.de.features = []), 'invalid', ["e:min-items:description.de.features"]],
    ["features missing", (d) => delete d.description.de.features, 'invalid', ["e:min-items:description.de.features"]],
    ["awards", (d) => (d.description.de.awards = ['Preis 2024']), 'valid', []],
    ["screenshots: a GIF is no screenshot format", (d) => (d.description.de.screenshots = ['a.gif']), 'invalid', ["e:bad-extension:description.de.screenshots[0]"]],
    ["lang bad key", (d) => (d.description['deutsch'] = d.description.de), 'invalid', ["e:bcp47:description"]],
    ["lang de-CH", (d) => (d.description['de-CH'] = d.description.de), 'valid', []],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`softwareType`, `developmentStatus`, `platforms`, `categories` from the standard's lists", () => {
  const rows: readonly Row[] = [
    ["swtype other", (d) => (d.softwareType = 'standalone/other'), 'valid', []],
    ["swtype cfg", (d) => (d.softwareType = 'configurationFiles'), 'valid', []],
    ["swtype bad", (d) => (d.softwareType = 'standalone'), 'invalid', ["e:one-of:softwareType"]],
    ["devstatus bad", (d) => (d.developmentStatus = 'alpha'), 'invalid', ["e:one-of:developmentStatus"]],
    ["platforms []", (d) => (d.platforms = []), 'invalid', ["e:min-items:platforms"]],
    ["platforms amiga", (d) => (d.platforms = ['amiga']), 'valid', []],
    ["platforms missing", (d) => delete d.platforms, 'invalid', ["e:min-items:platforms"]],
    ["categories bad", (d) => (d.categories = ['magic']), 'invalid', ["e:category:categories[0]"]],
    ["categories missing", (d) => delete d.categories, 'valid', []],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("`dependsOn`: each dependency needs a `name`; versionMin/versionMax/version are free strings, `optional` a boolean", () => {
  const rows: readonly Row[] = [
    ["dependsOn", (d) => (d.dependsOn = { open: [{ name: 'PostgreSQL', versionMin: '14', versionMax: '17', optional: false }], hardware: [{ version: '1' }] }), 'invalid', ["e:required:dependsOn.hardware[0].name"]],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("Types, deprecated keys and versions", () => {
  const rows: readonly Row[] = [
    ["usedBy string", (d) => (d.usedBy = 'Stadt'), 'invalid', ["e:wrong-type:usedBy"]],
    ["deprecated", (d) => { d.monochromeLogo = 'm.png'; d.inputTypes = ['text/plain']; d.outputTypes = ['application/xml']; d.legal.repoOwner = 'X'; d.legal.authorsFile = 'AUTHORS'; }, 'valid-with-warnings', ["w:deprecated:monochromeLogo", "w:deprecated:legal.authorsFile", "w:deprecated:legal.repoOwner", "w:deprecated:inputTypes", "w:deprecated:outputTypes"]],
    ["v0.2", (d) => (d.publiccodeYmlVersion = '0.2'), 'valid-with-warnings', ["w:old-version:publiccodeYmlVersion"]],
    ["v0.7", (d) => (d.publiccodeYmlVersion = '0.7'), 'valid', []],
    ["v 0.4 number", (d) => (d.publiccodeYmlVersion = 0.4), 'invalid', ["e:wrong-type:publiccodeYmlVersion"]],
    ["v missing", (d) => delete d.publiccodeYmlVersion, 'invalid', ["e:required:publiccodeYmlVersion"]],
    ["name missing", (d) => delete d.name, 'invalid', ["e:required:name"]],
    ["mime bad", (d) => (d.inputTypes = ['text']), 'invalid', ["e:mime:inputTypes[0]", "w:deprecated:inputTypes"]],
    ["organisation", (d) => (d.organisation = { name: 'X' }), 'invalid', ["e:required:organisation.uri"]],
    ["softwareVersion", (d) => (d.softwareVersion = '1.2.3'), 'valid', []],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe("Optional keys, nested sections and their types: dependsOn, IT/it, fundedBy, contacts, legal; a wrong type makes its top-level key count as missing (reference parser)", () => {
  const rows: readonly Row[] = [
    ["IT and it", (d) => {
        d.IT = { countryExtensionVersion: '1.0' };
        d.it = { countryExtensionVersion: '1.0' };
      }, 'invalid', ["w:lowercase-section:it", "e:duplicate-section:it"]],
    ["dep optional str", (d) => (d.dependsOn = { open: [{ name: 'X', optional: 'yes' }] }), 'invalid', ["e:wrong-type:dependsOn.open[0].optional"]],
    ["dep version and range", (d) => (d.dependsOn = { proprietary: [{ name: 'Oracle', version: '19c', versionMin: '12', versionMax: '21' }] }), 'valid', []],
    ["dep unknown key", (d) => (d.dependsOn = { open: [{ name: 'X', range: '>=1' }] }), 'invalid', ["e:unknown-field:dependsOn.open[0].range"]],
    ["dep unknown kind", (d) => (d.dependsOn = { closed: [{ name: 'X' }] }), 'invalid', ["e:unknown-field:dependsOn.closed"]],
    ["scope upper", (d) => (d.intendedAudience = { scope: ['Government'] }), 'invalid', ["e:scope:intendedAudience.scope[0]"]],
    ["category upper", (d) => (d.categories = ['Accounting']), 'invalid', ["e:category:categories[0]"]],
    ["lang en-GB block", (d) => (d.description['en-GB'] = { shortDescription: 'x'.repeat(151), longDescription: d.description.de.longDescription, features: ['a'] }), 'invalid', ["e:max-length:description[en-GB].shortDescription"]],
    ["fundedBy", (d) => (d.fundedBy = [{ name: 'EU' }, { name: 'Bund', uri: 'https://www.bund.de' }]), 'invalid', ["e:required:fundedBy[0].uri"]],
    ["awards str", (d) => (d.description.de.awards = 'Preis'), 'invalid', ["e:wrong-type:description.de.awards", "e:min-items:description"]],
    ["localisedName", (d) => (d.description.de.localisedName = 'Muster'), 'valid', []],
    ["piattaforme str", (d) => (d.IT = { piattaforme: { spid: 'yes' } }), 'invalid', ["e:wrong-type:IT.piattaforme.spid"]],
    ["contact phone bad", (d) => (d.maintenance.contacts[0].phone = 'call me'), 'valid-with-warnings', ["w:phone:maintenance.contacts[0].phone"]],
    ["contact affiliation", (d) => (d.maintenance.contacts[0].affiliation = 'Stadt'), 'valid', []],
    ["mainCopyrightOwner", (d) => (d.legal.mainCopyrightOwner = 'Stadt Musterstadt'), 'valid', []],
    ["legal unknown", (d) => (d.legal.copyright = 'x'), 'invalid', ["e:unknown-field:legal.copyright", "e:required:legal.license"]],
    ["countries lower only", (d) => (d.intendedAudience = { countries: ['de'] }), 'valid-with-warnings', ["w:lowercase-country:intendedAudience.countries[0]"]],
    ["applicationSuite", (d) => (d.applicationSuite = 'Suite'), 'valid', []],
    ["logo svg", (d) => (d.logo = 'logo.svg'), 'valid', []],
    ["usedBy list", (d) => (d.usedBy = ['Stadt A', 'Stadt B']), 'valid', []],
    ["roadmap ok", (d) => (d.roadmap = 'https://x.org/roadmap'), 'valid', []],
    ["until 2030-13-01", (d) => (d.maintenance = { type: 'contract', contractors: [{ name: 'B', until: '2030-13-01' }] }), 'invalid', ["e:date:maintenance.contractors[0].until"]],
    ["license LicenseRef-", (d) => (d.legal.license = 'LicenseRef-Proprietary'), 'valid', []],
    ["license with", (d) => (d.legal.license = 'GPL-2.0-or-later WITH Classpath-exception-2.0'), 'valid', []],
  ];
  for (const row of rows) it(row[0], () => check(row));
});

describe('description features: at most 100 characters each (standard text), a warning since the reference parser accepts longer ones', () => {
  const rows: readonly Row[] = [
    ['feature of 100 characters', (d) => (d.description.de.features = ['a'.repeat(100)]), 'valid', []],
    ['feature of 101 characters', (d) => (d.description.de.features = ['kurz', 'a'.repeat(101)]), 'valid-with-warnings', ['w:feature-length:description.de.features[1]']],
    ['100 family emoji are 100 grapheme clusters', (d) => (d.description.de.features = ['👩‍👩‍👧'.repeat(100)]), 'valid', []],
    ['in a second language block, with its own key', (d) => (d.description['en-GB'] = { shortDescription: 'Example', longDescription: d.description.de.longDescription, features: ['b'.repeat(150)] }), 'valid-with-warnings', ['w:feature-length:description[en-GB].features[0]']],
  ];
  for (const row of rows) it(row[0], () => check(row));

  it('says how long the feature is, in German and English', async () => {
    const { issueText, parsePubliccode: parse } = await import('./index.js');
    const [issue] = (await parse(yamlWith((d) => (d.description.de.features = ['a'.repeat(120)])))).warnings;
    expect(issue?.message).toBe('features[0] should use at most 100 characters (it has 120)');
    expect(issue && issueText(issue, 'de')).toBe('features[0] sollte höchstens 100 Zeichen lang sein (hat 120)');
  });
});

describe('logo and screenshot file endings are checked without baseUrl too (the file itself is then skipped)', () => {
  const rows: readonly Row[] = [
    ['logo.png and logo.svg', (d) => (d.logo = 'img/logo.svg'), 'valid', []],
    ['logo.gif', (d) => (d.logo = 'img/logo.gif'), 'invalid', ['e:bad-extension:logo']],
    ['screenshot .jpg and .png', (d) => (d.description.de.screenshots = ['a.jpg', 'b.PNG']), 'valid', []],
    ['screenshot .gif', (d) => (d.description.de.screenshots = ['a.png', 'b.gif']), 'invalid', ['e:bad-extension:description.de.screenshots[1]']],
  ];
  for (const row of rows) it(row[0], () => check(row));

  it('names the relative path and still lists the file check as skipped', async () => {
    const result = await parsePubliccode(yamlWith((d) => (d.description.de.screenshots = ['shots/b.gif'])));
    expect(result.errors.map((e) => e.message)).toEqual(["'shots/b.gif' is not an image: invalid file extension for: shots/b.gif"]);
    expect(result.skippedChecks).toContainEqual({ check: 'file', key: 'description.de.screenshots[0]', target: 'shots/b.gif' });
  });
});

describe('More variants: versions, BCP 47 spelling, optional lists, supports aliases, scalars read as strings', () => {
  const rows: readonly Row[] = [
    ['en_US is no BCP 47 tag (the separator is a hyphen)', (d) => (d.localisation.availableLanguages = ['en_US']), 'invalid', ['e:bcp47:localisation.availableLanguages[0]']],
    ['0.8 is no released version', (d) => (d.publiccodeYmlVersion = '0.8'), 'invalid', ['e:unsupported-version:publiccodeYmlVersion']],
    ['0.6 was never released', (d) => (d.publiccodeYmlVersion = '0.6'), 'invalid', ['e:unsupported-version:publiccodeYmlVersion']],
    ['0.4 is supported but old', (d) => (d.publiccodeYmlVersion = '0.4'), 'valid-with-warnings', ['w:old-version:publiccodeYmlVersion']],
    ['0.7.0 is the current version', (d) => (d.publiccodeYmlVersion = '0.7.0'), 'valid', []],
    ['categories may be an empty list (optional in the reference parser)', (d) => (d.categories = []), 'valid', []],
    ['supports: known and unknown alias', (d) => (d.supports = [{ id: 'alias:gdpr' }, { id: 'alias:nope' }]), 'invalid', ['e:support-id:supports[1].id']],
    ['landingURL over plain http is an HTTP URL', (d) => (d.landingURL = 'http://x.org/'), 'valid', []],
    ['a number as a feature is read as its text', (d) => (d.description.de.features = [1]), 'valid', []],
    ['an empty contact e-mail counts as absent', (d) => (d.maintenance.contacts[0].email = ''), 'valid', []],
  ];
  for (const row of rows) it(row[0], () => check(row));
});
