// The rules of the standard on the decoded values, in the order of the reference parser's
// struct validation (its field order; within a field, the first failing rule only).
import {
  categories,
  developmentStatuses,
  italianExtensionVersions,
  maintenanceTypes,
  scopes,
  softwareTypes,
  supportAliases,
} from './data/vocabularies.js';
import {
  graphemeLength,
  isBcp47,
  isCountryCode,
  isDate,
  isEmail,
  isHttpUrl,
  isMediaType,
  isOrganisationUri,
  isSpdxExpression,
  isUrl,
} from './formats.js';
import type { IssueCode, IssueParams } from './issues.js';

/** An issue before its position in the file is known. */
export interface PendingIssue {
  readonly severity: 'error' | 'warning';
  readonly code: IssueCode;
  readonly key: string;
  readonly params: IssueParams;
}

type Obj = Readonly<Record<string, unknown>>;

const categorySet: ReadonlySet<string> = new Set(categories);
const scopeSet: ReadonlySet<string> = new Set(scopes);

/** Last segment of a key path: the field name the messages use. */
export const fieldOf = (key: string): string => key.split('.').pop() ?? key;

/** Key path of a description language block, in the reference parser's notation. */
export const descriptionKey = (lang: string): string => (/^[A-Za-z]+$/.test(lang) ? `description.${lang}` : `description[${lang}]`);

const oneOfText = (values: readonly string[]): string => {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) as string}` : (quoted[0] ?? '');
};

const asObj = (value: unknown): Obj | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined);
const asList = (value: unknown): readonly unknown[] | undefined => (Array.isArray(value) ? value : undefined);
const asStr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const empty = (value: unknown): boolean => value === undefined || value === '';

/** Options of the rule checks. */
export interface RuleOptions {
  /** Decides whether a code is a valid Italian iPA code. */
  readonly isItalianIpaCode: (code: string) => boolean;
}

/**
 * Checks the decoded document against the standard's rules.
 *
 * @returns errors in the reference parser's order, without positions
 */
export function validateRules(doc: Obj, options: RuleOptions): PendingIssue[] {
  const out: PendingIssue[] = [];
  const error = (code: IssueCode, key: string, params: IssueParams = {}): void => {
    out.push({ severity: 'error', code, key, params: { field: fieldOf(key), ...params } });
  };
  const required = (obj: Obj, name: string, prefix: string): boolean => {
    if (empty(obj[name])) {
      error('required', `${prefix}${name}`);
      return false;
    }
    return true;
  };
  const oneOf = (obj: Obj, name: string, prefix: string, allowed: readonly string[]): void => {
    if (!required(obj, name, prefix)) return;
    if (!allowed.includes(obj[name] as string)) error('one-of', `${prefix}${name}`, { allowed: oneOfText(allowed) });
  };
  const httpUrl = (obj: Obj, name: string, prefix: string): void => {
    const value = asStr(obj[name]);
    if (value !== undefined && !isHttpUrl(value)) error('http-url', `${prefix}${name}`);
  };
  const eachString = (obj: Obj, name: string, prefix: string, ok: (v: string) => boolean, code: IssueCode): void => {
    const list = asList(obj[name]);
    list?.forEach((item, i) => {
      if (!ok(asStr(item) ?? '')) error(code, `${prefix}${name}[${i}]`);
    });
  };
  const organisationUri = (value: unknown): boolean => {
    const uri = asStr(value);
    return uri === undefined || uri === '' || isOrganisationUri(uri, options.isItalianIpaCode);
  };

  required(doc, 'name', '');
  if (doc['url'] === undefined) error('required', 'url');
  else if (!isUrl(asStr(doc['url']) ?? '')) error('url', 'url');
  httpUrl(doc, 'landingURL', '');
  eachString(doc, 'isBasedOn', '', isUrl, 'url');
  const releaseDate = asStr(doc['releaseDate']);
  if (releaseDate !== undefined && !isDate(releaseDate)) error('date', 'releaseDate');

  const organisation = asObj(doc['organisation']);
  if (organisation && required(organisation, 'uri', 'organisation.') && !organisationUri(organisation['uri'])) {
    error('uri', 'organisation.uri');
  }
  eachString(doc, 'inputTypes', '', isMediaType, 'mime');
  eachString(doc, 'outputTypes', '', isMediaType, 'mime');
  if ((asList(doc['platforms'])?.length ?? 0) === 0) error('min-items', 'platforms');
  eachString(doc, 'categories', '', (v) => categorySet.has(v), 'category');
  asList(doc['fundedBy'])?.forEach((item, i) => {
    const funder = asObj(item) ?? {};
    if (required(funder, 'uri', `fundedBy[${i}].`) && !organisationUri(funder['uri'])) error('uri', `fundedBy[${i}].uri`);
  });
  httpUrl(doc, 'roadmap', '');
  oneOf(doc, 'developmentStatus', '', developmentStatuses);
  oneOf(doc, 'softwareType', '', softwareTypes);
  asList(doc['supports'])?.forEach((item, i) => {
    const support = asObj(item) ?? {};
    if (!required(support, 'id', `supports[${i}].`)) return;
    const id = support['id'] as string;
    const known = id.startsWith('alias:') ? (supportAliases as readonly string[]).includes(id) : isOrganisationUri(id, () => true);
    if (!known) error('support-id', `supports[${i}].id`, { aliases: supportAliases.join(', ') });
  });

  const audience = asObj(doc['intendedAudience']);
  if (audience) {
    eachString(audience, 'scope', 'intendedAudience.', (v) => scopeSet.has(v), 'scope');
    eachString(audience, 'countries', 'intendedAudience.', isCountryCode, 'country');
    eachString(audience, 'unsupportedCountries', 'intendedAudience.', isCountryCode, 'country');
  }

  const description = asObj(doc['description']);
  const languages = description ? Object.keys(description) : [];
  if (!description || languages.length === 0) error('min-items', 'description');
  else if (!languages.every(isBcp47)) error('bcp47', 'description');
  else {
    for (const lang of languages) {
      const block = asObj(description[lang]) ?? {};
      const prefix = `${descriptionKey(lang)}.`;
      const generic = asStr(block['genericName']);
      if (generic !== undefined && graphemeLength(generic) > 35) error('max-length', `${prefix}genericName`, { limit: 35 });
      if (required(block, 'shortDescription', prefix) && graphemeLength(block['shortDescription'] as string) > 150) {
        error('max-length', `${prefix}shortDescription`, { limit: 150 });
      }
      if (required(block, 'longDescription', prefix)) {
        const length = graphemeLength(block['longDescription'] as string);
        if (length < 150) error('min-length', `${prefix}longDescription`, { limit: 150 });
        else if (length > 10000) error('max-length', `${prefix}longDescription`, { limit: 10000 });
      }
      httpUrl(block, 'documentation', prefix);
      httpUrl(block, 'apiDocumentation', prefix);
      if ((asList(block['features'])?.length ?? 0) === 0) error('min-items', `${prefix}features`);
      eachString(block, 'videos', prefix, isHttpUrl, 'http-url');
    }
  }

  const legal = asObj(doc['legal']) ?? {};
  if (required(legal, 'license', 'legal.') && !isSpdxExpression(legal['license'] as string)) error('spdx', 'legal.license');

  const maintenance = asObj(doc['maintenance']) ?? {};
  oneOf(maintenance, 'type', 'maintenance.', maintenanceTypes);
  const type = asStr(maintenance['type']) ?? '';
  if (type === 'contract' && maintenance['contractors'] === undefined) {
    error('required-if', 'maintenance.contractors', { when: 'contract' });
  } else if (type !== 'contract' && maintenance['contractors'] !== undefined) {
    error('excluded-unless', 'maintenance.contractors', { unless: 'contract' });
  } else {
    asList(maintenance['contractors'])?.forEach((item, i) => {
      const contractor = asObj(item) ?? {};
      const prefix = `maintenance.contractors[${i}].`;
      required(contractor, 'name', prefix);
      const email = asStr(contractor['email']);
      if (email && !isEmail(email)) error('email', `${prefix}email`);
      httpUrl(contractor, 'website', prefix);
      if (required(contractor, 'until', prefix) && !isDate(contractor['until'] as string)) error('date', `${prefix}until`);
    });
  }
  if ((type === 'community' || type === 'internal') && maintenance['contacts'] === undefined) {
    error('required-if', 'maintenance.contacts', { when: type });
  } else {
    asList(maintenance['contacts'])?.forEach((item, i) => {
      const contact = asObj(item) ?? {};
      const prefix = `maintenance.contacts[${i}].`;
      required(contact, 'name', prefix);
      const email = asStr(contact['email']);
      if (email && !isEmail(email)) error('email', `${prefix}email`);
    });
  }

  const localisation = asObj(doc['localisation']) ?? {};
  if (localisation['localisationReady'] === undefined) error('required', 'localisation.localisationReady');
  const available = asList(localisation['availableLanguages']);
  if (available === undefined) error('required', 'localisation.availableLanguages');
  else if (available.length === 0) error('min-items', 'localisation.availableLanguages');
  else eachString(localisation, 'availableLanguages', 'localisation.', isBcp47, 'bcp47');

  const dependsOn = asObj(doc['dependsOn']);
  if (dependsOn) {
    for (const kind of ['open', 'proprietary', 'hardware']) {
      asList(dependsOn[kind])?.forEach((item, i) => required(asObj(item) ?? {}, 'name', `dependsOn.${kind}[${i}].`));
    }
  }

  for (const sectionName of ['IT', 'it']) {
    const section = asObj(doc[sectionName]);
    if (!section) continue;
    const version = asStr(section['countryExtensionVersion']);
    if (version !== undefined && !(italianExtensionVersions as readonly string[]).includes(version)) {
      error('one-of', `${sectionName}.countryExtensionVersion`, { allowed: oneOfText(italianExtensionVersions) });
    }
    const code = asStr(asObj(section['riuso'])?.['codiceIPA']);
    if (code && !options.isItalianIpaCode(code)) error('ipa', `${sectionName}.riuso.codiceIPA`);
  }
  return out;
}
