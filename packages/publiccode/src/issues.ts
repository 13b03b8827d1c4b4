import type { Language } from '@foederal/core';
// Validation issues: stable codes, their parameters, and the English (reference parser's wording)
// and German texts.

/**
 * Stable codes of validation issues.
 *
 * @example
 * ```ts
 * const onlyMissing = result.errors.filter((issue) => issue.code === 'required');
 * ```
 */
export type IssueCode =
  | 'yaml-syntax'
  | 'multiple-documents'
  | 'wrong-type'
  | 'unknown-field'
  | 'unsupported-version'
  | 'old-version'
  | 'required'
  | 'required-if'
  | 'excluded-unless'
  | 'min-items'
  | 'one-of'
  | 'max-length'
  | 'min-length'
  | 'date'
  | 'url'
  | 'http-url'
  | 'email'
  | 'phone'
  | 'feature-length'
  | 'bcp47'
  | 'country'
  | 'category'
  | 'scope'
  | 'spdx'
  | 'uri'
  | 'ipa'
  | 'mime'
  | 'support-id'
  | 'deprecated'
  | 'lowercase-country'
  | 'lowercase-section'
  | 'duplicate-section'
  | 'absolute-path'
  | 'file-url'
  | 'file-missing'
  | 'bad-extension'
  | 'not-image'
  | 'image-too-small'
  | 'download-failed'
  | 'unreachable'
  | 'not-repository'
  | 'oembed';

/** Parameters of an issue's text. */
export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * One error or warning, with the key path (`description.en.features`, `categories[0]`) and the
 * 1-based line and column in the file (0,0 when the key is not in the file).
 *
 * @example
 * ```ts
 * const issue: PubliccodeIssue = {
 *   severity: 'error', code: 'required', key: 'name', line: 1, column: 1,
 *   message: 'name is a required field', params: { field: 'name' },
 * };
 * ```
 */
export interface PubliccodeIssue {
  readonly severity: 'error' | 'warning';
  readonly code: IssueCode;
  /** Key path in the reference parser's notation; `""` for the whole file. */
  readonly key: string;
  /** English text, worded as publiccode-parser-go words it. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Values in the text (field name, limit, list, URL …), for other languages. */
  readonly params: IssueParams;
}

const categoriesList = 'https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst';
const scopeList = 'https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst';
const ipaList = 'https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary';

type Texts = Readonly<Record<IssueCode, (p: Readonly<Record<string, string>>) => string>>;

/** English texts (the reference parser's wording). */
export const englishTexts: Texts = {
  'yaml-syntax': (p) => p['detail'] ?? 'invalid YAML',
  'multiple-documents': () => 'multiple YAML documents in one file are not supported',
  'wrong-type': () => 'wrong type for this field',
  'unknown-field': (p) => `unknown field "${p['name']}"`,
  'unsupported-version': (p) => `unsupported version: '${p['value']}'. Supported versions: ${p['supported']}`,
  'old-version': (p) => `v${p['value']} is not the latest version, use '0'. Parsing this file as v${p['current']}.`,
  required: (p) => `${p['field']} is a required field`,
  'required-if': (p) => `${p['field']} is a required field when "type" is "${p['when']}"`,
  'excluded-unless': (p) => `${p['field']} must not be present unless "type" is "${p['unless']}"`,
  'min-items': (p) => `${p['field']} must contain more than 0 items`,
  'one-of': (p) => `${p['field']} must be one of the following: ${p['allowed']}`,
  'max-length': (p) => `${p['field']} must be a maximum of ${p['limit']} characters in length`,
  'min-length': (p) => `${p['field']} must be at least ${p['limit']} characters in length`,
  date: (p) => `${p['field']} must be a date with format 'YYYY-MM-DD'`,
  url: (p) => `${p['field']} must be a valid URL`,
  'http-url': (p) => `${p['field']} must be an HTTP URL`,
  email: (p) => `${p['field']} must be a valid email address`,
  phone: (p) => `${p['field']} should be a telephone number in international format (e.g. +49 30 1234567)`,
  'feature-length': (p) => `${p['field']} should use at most 100 characters (it has ${p['length']})`,
  bcp47: (p) => `${p['field']} must be a valid BCP 47 language`,
  country: (p) => `${p['field']} must be a valid ISO 3166-1 alpha-2 two-letter country code`,
  category: (p) => `${p['field']} must be a valid category (see ${categoriesList})`,
  scope: (p) => `${p['field']} must be a valid scope (see ${scopeList})`,
  spdx: (p) => `${p['field']} must be a valid license (see https://spdx.org/licenses)`,
  uri: (p) => `${p['field']} is not a valid URI`,
  ipa: (p) => `${p['field']} must be a valid Italian Public Administration Code (iPA) (see ${ipaList})`,
  mime: (p) => `${p['field']} is not a valid MIME type`,
  'support-id': (p) => `${p['field']} must be a known alias (${p['aliases']}) or a valid URI`,
  deprecated: (p) =>
    `This key is DEPRECATED and will be removed in the future. ${p['replacement'] ? `Use ${p['replacement']} instead` : "It's safe to drop it"}`,
  'lowercase-country': (p) => `Lowercase country codes are DEPRECATED. Use uppercase instead ('${p['upper']}')`,
  'lowercase-section': (p) => `Lowercase country codes are DEPRECATED and will be removed in the future. Use '${p['upper']}' instead`,
  'duplicate-section': (p) => `'${p['upper']}' key already present. Remove this key`,
  'absolute-path': () => 'is an absolute path. Only relative paths or HTTP(s) URLs allowed',
  'file-url': () => 'is a file:// URL. Only relative paths or HTTP(s) URLs allowed',
  'file-missing': (p) =>
    p['role'] === 'screenshot'
      ? `'${p['value']}' is not an image: no such file: ${p['target']}`
      : p['role'] === 'authors'
        ? `'${p['target']}' does not exist: no such file: ${p['target']}`
        : `no such file: ${p['target']}`,
  'bad-extension': (p) =>
    p['role'] === 'screenshot'
      ? `'${p['value']}' is not an image: invalid file extension for: ${p['target']}`
      : `invalid file extension for: ${p['target']}`,
  'not-image': (p) => (p['role'] === 'screenshot' ? `'${p['value']}' is not an image: image: unknown format` : 'image: unknown format'),
  'image-too-small': (p) => `invalid image size of ${p['width']} (min ${p['limit']}px of width): ${p['target']}`,
  'download-failed': (p) => `HTTP GET failed for ${p['target']}: ${p['reason']}`,
  unreachable: (p) => `'${p['target']}' not reachable: ${p['reason']}`,
  'not-repository': () => 'is not a valid code repository',
  oembed: (p) => `'${p['target']}' is not a valid video URL supporting oEmbed: invalid oEmbed link: ${p['target']}`,
};

/** German texts. */
export const germanTexts: Texts = {
  'yaml-syntax': (p) => `Kein gültiges YAML: ${p['detail'] ?? ''}`.trim(),
  'multiple-documents': () => 'Mehrere YAML-Dokumente in einer Datei werden nicht unterstützt',
  'wrong-type': () => 'Falscher Typ für dieses Feld',
  'unknown-field': (p) => `Unbekanntes Feld „${p['name']}“`,
  'unsupported-version': (p) => `Nicht unterstützte Version „${p['value']}“; unterstützt: ${p['supported']}`,
  'old-version': (p) => `v${p['value']} ist nicht die aktuelle Version, „0“ verwenden; die Datei wird als v${p['current']} gelesen.`,
  required: (p) => `${p['field']} ist ein Pflichtfeld`,
  'required-if': (p) => `${p['field']} ist Pflicht, wenn „type“ „${p['when']}“ ist`,
  'excluded-unless': (p) => `${p['field']} darf nur angegeben werden, wenn „type“ „${p['unless']}“ ist`,
  'min-items': (p) => `${p['field']} muss mindestens einen Eintrag enthalten`,
  'one-of': (p) => `${p['field']} muss einer dieser Werte sein: ${p['allowed']}`,
  'max-length': (p) => `${p['field']} darf höchstens ${p['limit']} Zeichen lang sein`,
  'min-length': (p) => `${p['field']} muss mindestens ${p['limit']} Zeichen lang sein`,
  date: (p) => `${p['field']} muss ein Datum im Format JJJJ-MM-TT sein`,
  url: (p) => `${p['field']} muss eine gültige URL sein`,
  'http-url': (p) => `${p['field']} muss eine HTTP(S)-URL sein`,
  email: (p) => `${p['field']} muss eine gültige E-Mail-Adresse sein`,
  phone: (p) => `${p['field']} sollte eine Telefonnummer im internationalen Format sein (z. B. +49 30 1234567)`,
  'feature-length': (p) => `${p['field']} sollte höchstens 100 Zeichen lang sein (hat ${p['length']})`,
  bcp47: (p) => `${p['field']} muss eine gültige Sprachangabe nach BCP 47 sein`,
  country: (p) => `${p['field']} muss ein Ländercode nach ISO 3166-1 alpha-2 sein`,
  category: (p) => `${p['field']} muss eine Kategorie aus der Liste des Standards sein (${categoriesList})`,
  scope: (p) => `${p['field']} muss ein Anwendungsbereich aus der Liste des Standards sein (${scopeList})`,
  spdx: (p) => `${p['field']} muss ein gültiger SPDX-Lizenzausdruck sein (siehe https://spdx.org/licenses)`,
  uri: (p) => `${p['field']} ist keine gültige URI`,
  ipa: (p) => `${p['field']} muss ein gültiger Code einer italienischen Verwaltung (iPA) sein (${ipaList})`,
  mime: (p) => `${p['field']} ist kein gültiger MIME-Typ`,
  'support-id': (p) => `${p['field']} muss ein bekannter Alias (${p['aliases']}) oder eine gültige URI sein`,
  deprecated: (p) =>
    `Dieses Feld ist veraltet und wird künftig entfernt. ${p['replacement'] ? `Stattdessen ${p['replacement']} verwenden` : 'Es kann gefahrlos entfallen'}`,
  'lowercase-country': (p) => `Ländercodes in Kleinbuchstaben sind veraltet; Großbuchstaben verwenden („${p['upper']}“)`,
  'lowercase-section': (p) => `Länderabschnitte in Kleinbuchstaben sind veraltet; „${p['upper']}“ verwenden`,
  'duplicate-section': (p) => `Der Abschnitt „${p['upper']}“ ist schon vorhanden; diesen Schlüssel entfernen`,
  'absolute-path': () => 'ist ein absoluter Pfad; erlaubt sind nur relative Pfade oder HTTP(S)-URLs',
  'file-url': () => 'ist eine file://-URL; erlaubt sind nur relative Pfade oder HTTP(S)-URLs',
  'file-missing': (p) => `Datei nicht gefunden: ${p['target']}`,
  'bad-extension': (p) => `Unzulässige Dateiendung: ${p['target']}`,
  'not-image': (p) => `Kein lesbares Bild${p['value'] ? `: ${p['value']}` : ''}`,
  'image-too-small': (p) => `Bild zu schmal: ${p['width']} px (mindestens ${p['limit']} px): ${p['target']}`,
  'download-failed': (p) => `Abruf fehlgeschlagen: ${p['target']} (${p['reason']})`,
  unreachable: (p) => `Nicht erreichbar: ${p['target']} (${p['reason']})`,
  'not-repository': () => 'ist kein gültiges Code-Repository',
  oembed: (p) => `${p['target']} ist keine Video-URL eines oEmbed-Anbieters`,
};

const asStrings = (params: IssueParams): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

/** Builds an issue with its English message. */
export function makeIssue(
  severity: PubliccodeIssue['severity'],
  code: IssueCode,
  key: string,
  params: IssueParams,
  position: { line: number; column: number } = { line: 0, column: 0 },
): PubliccodeIssue {
  return { severity, code, key, message: englishTexts[code](asStrings(params)), line: position.line, column: position.column, params };
}

/** The text of an issue in German or English. */
export function issueText(issue: PubliccodeIssue, lang: Language): string {
  return lang === 'en' ? issue.message : germanTexts[issue.code](asStrings(issue.params));
}
