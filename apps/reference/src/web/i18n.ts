import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/** Page languages: German first, English second. */
export type Lang = 'de' | 'en';

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
};

const tables: Record<Lang, Record<LabelKey, string>> = { de, en };

/** A label in a language. */
export function t(lang: Lang, key: LabelKey): string {
  return tables[lang][key];
}

/** Pick the German or English variant of an inline text. */
export function pick(lang: Lang, text: { de: string; en?: string | undefined } | string | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? text.de) : text.de;
}

/** The request's language: `?lang=` wins, then the `lang` cookie, then German. */
export function langOf(c: Context): Lang {
  const query = c.req.query('lang');
  if (query === 'en' || query === 'de') return query;
  return getCookie(c, 'lang') === 'en' ? 'en' : 'de';
}

/** Format a date (YYYY-MM-DD or ISO timestamp) for the language, in Europe/Berlin. */
export function formatDate(lang: Lang, value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);
}

/** Format a number for the language. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
