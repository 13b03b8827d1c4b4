import { formatDate as formatDay, formatNumber, isLanguage, textOf as packageTextOf, type Language, type LocalizedText } from '@foederal/recommendations';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

// Page languages and texts are the packages' (ADR 0122): German first, English second.
export type { Language, LocalizedText };
export { formatNumber };

/** German labels: the source of the label type; English is checked against it. */
export const de = {
  appName: 'Föderaler Arbeitskreis Gebäudedaten',
  appTagline: 'Referenzanwendung: Bund, Länder und Kommunen beschließen gemeinsam Empfehlungen',
  skipToContent: 'Zum Inhalt springen',
  navMain: 'Hauptnavigation',
  navHome: 'Start',
  navBody: 'Arbeitskreis',
  navCatalogue: 'Empfehlungen',
  navVotes: 'Abstimmungen',
  navBuilding: 'Gebäudedaten',
  navPilots: 'Pilotvorhaben',
  navCosts: 'Kostenteilung',
  navAdmin: 'Verwaltung',
  signIn: 'Anmelden',
  signOut: 'Abmelden',
  signedInAs: 'Angemeldet als',
  otherLanguage: 'English',
  otherLanguageLabel: 'Switch to English',
  username: 'Benutzername',
  password: 'Passwort',
  loginFailed: 'Benutzername oder Passwort ist falsch.',
  loginTitle: 'Anmeldung',
  loginHint: 'Für Mitglieder, Geschäftsstelle und Administration. Beiträge zu Konsultationen sind ohne Anmeldung möglich.',
  errorTitle: 'Fehler',
  notFoundTitle: 'Seite nicht gefunden',
  backHome: 'Zur Startseite',
  footerNote: 'Offene Bausteine für die föderale Zusammenarbeit. Lizenz EUPL-1.2.',
  apiDocs: 'API (OpenAPI)',
  feeds: 'Feeds',
  catalogueData: 'DCAT-AP.de-Katalog',
  tooManyRequests: 'Zu viele Beiträge von dieser Adresse. Bitte später erneut versuchen.',
  officialSite: 'Offizielle Website – Referenzanwendung',
  embed: 'Einbetten',
  signInWithPassword: 'Oder mit Benutzername und Passwort:',
  signInSingleSignOn: 'Mit Single Sign-on anmelden',
  correctInput: 'Bitte korrigieren Sie die Eingaben ({count})',
  optional: '(optional)',
  alreadyUploaded: 'Bereits hochgeladen, bleibt erhalten: {files}',
  requiredField: 'Bitte „{label}“ angeben.',
} as const;

/** The label keys. */
export type LabelKey = keyof typeof de;

/** English labels, complete by type. */
export const en: Record<LabelKey, string> = {
  appName: 'Federal Working Group on Building Data',
  appTagline: 'Reference app: federal, state and municipal administrations adopt recommendations together',
  skipToContent: 'Skip to content',
  navMain: 'Main navigation',
  navHome: 'Home',
  navBody: 'Working group',
  navCatalogue: 'Recommendations',
  navVotes: 'Votes',
  navBuilding: 'Building data',
  navPilots: 'Pilots',
  navCosts: 'Cost sharing',
  navAdmin: 'Administration',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as',
  otherLanguage: 'Deutsch',
  otherLanguageLabel: 'Auf Deutsch umschalten',
  username: 'User name',
  password: 'Password',
  loginFailed: 'User name or password is wrong.',
  loginTitle: 'Sign in',
  loginHint: 'For members, the secretariat and administrators. Contributions to consultations need no account.',
  errorTitle: 'Error',
  notFoundTitle: 'Page not found',
  backHome: 'Back to the home page',
  footerNote: 'Open building blocks for federal cooperation. Licence EUPL-1.2.',
  apiDocs: 'API (OpenAPI)',
  feeds: 'Feeds',
  catalogueData: 'DCAT-AP.de catalogue',
  tooManyRequests: 'Too many contributions from this address. Please try again later.',
  officialSite: 'Official website – reference app',
  embed: 'Embed',
  signInWithPassword: 'Or with user name and password:',
  signInSingleSignOn: 'Sign in with single sign-on',
  correctInput: 'Please correct your input ({count})',
  optional: '(optional)',
  alreadyUploaded: 'Already uploaded, kept: {files}',
  requiredField: 'Please enter "{label}".',
};

/** The `{name}` placeholders of a text, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a text needs: none for a plain text, one object with every placeholder otherwise. */
export type ValuesOf<S extends string> = [Placeholders<S>] extends [never] ? [] : [values: { readonly [P in Placeholders<S>]: string | number }];

/**
 * Fill the `{name}` placeholders of a text; a placeholder without a value stays as written.
 *
 * @example
 * format('{count} Empfehlungen', { count: 3 }); // '3 Empfehlungen'
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** A German table (the type source, `as const`) and the English table checked against it. */
export interface StringTables<T extends Readonly<Record<string, string>>> {
  readonly de: T;
  readonly en: Readonly<Record<keyof T, string>>;
}

/** Looks up a key in a language and fills its placeholders (typed from the German text). */
export type Translate<T extends Readonly<Record<string, string>>> = <K extends keyof T & string>(language: Language, key: K, ...values: ValuesOf<T[K]>) => string;

/**
 * The lookup function of a pair of tables: `language` first, then the key, then the values of
 * its placeholders, which the German text's literal type names.
 *
 * @example
 * const text = translate({ de: { count: '{count} Treffer' }, en: { count: '{count} results' } });
 * text('en', 'count', { count: 2 }); // '2 results'
 */
export function translate<const T extends Readonly<Record<string, string>>>(tables: StringTables<T>): Translate<T> {
  return (language, key, ...values) => {
    const text = (language === 'en' ? tables.en : tables.de)[key];
    return values[0] ? format(text, values[0]) : text;
  };
}

/**
 * Both languages of a key, for helpers that take a `{ de, en }` pair (form labels and hints,
 * field errors).
 *
 * @example
 * const pair = bilingual({ de: { save: 'Speichern' }, en: { save: 'Save' } });
 * pair('save'); // { de: 'Speichern', en: 'Save' }
 */
export function bilingual<const T extends Readonly<Record<string, string>>>(tables: StringTables<T>): (key: keyof T & string) => Required<LocalizedText> {
  return (key) => {
    const german: string = tables.de[key] ?? key;
    return { de: german, en: tables.en[key] ?? german };
  };
}

/** A label of the app frame (header, navigation, sign-in, errors) in a language. */
export const t: Translate<typeof de> = translate({ de, en });

/** A text in German and, where given, English (a plain string is language-neutral). */
export type Text = LocalizedText | string | undefined;

/** The text of a bilingual value in a language, falling back to German; nothing for no text. */
export function textOf(language: Language, text: Text): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : packageTextOf(language, text);
}

/** The request's language: `?lang=` wins, then the `lang` cookie, then German. */
export function requestLanguage(c: Context): Language {
  const query = c.req.query('lang');
  if (isLanguage(query)) return query;
  return getCookie(c, 'lang') === 'en' ? 'en' : 'de';
}

/** The BCP 47 locale used for dates and numbers in a language. */
const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** The `Intl` locale of a language (`de-DE`, `en-GB`). */
export function localeOf(language: Language): string {
  return locales[language];
}

/**
 * A date for the language (the packages' rule: a calendar day as written, a UTC timestamp as its
 * day in Europe/Berlin); nothing for no date.
 */
export function formatDate(language: Language, value: string | undefined): string {
  return value ? formatDay(language, value) : '';
}
