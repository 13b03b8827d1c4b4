import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { CurrentUser } from '../auth/session.js';
import { hasRole } from '../auth/roles.js';
import { t, type Language } from './i18n.js';

/** Markup produced by `html```; interpolated values are escaped by hono/html. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every page gets from the request. */
export interface PageContext {
  readonly lang: Language;
  readonly user: CurrentUser | null;
  readonly csrf: string;
  /** Current path (language switch, active navigation entry). */
  readonly path: string;
  /** Current query string without `lang`, with leading `?` or empty. */
  readonly query: string;
}

/** A page's title and body, plus optional extras in `<head>`. */
export interface PageOptions {
  readonly title: string;
  readonly body: Markup;
  readonly head?: Markup;
}

/** The language the switch in the header offers. */
const otherLanguage: Record<Language, Language> = { de: 'en', en: 'de' };

const nav = [
  ['/', 'navHome'],
  ['/arbeitskreis', 'navBody'],
  ['/empfehlungen', 'navCatalogue'],
  ['/abstimmungen', 'navVotes'],
  ['/gebaeudedaten', 'navBuilding'],
  ['/pilotvorhaben', 'navPilots'],
  ['/kostenteilung', 'navCosts'],
] as const;

/** The hidden CSRF field every form carries. */
export function csrfField(page: PageContext): Markup {
  return html`<input type="hidden" name="_csrf" value="${page.csrf}">`;
}

/**
 * The page frame: KERN UX header bar ("Kopfzeile"), navigation, language switch, sign-in state,
 * main landmark and footer. Works without JavaScript; the components bundle only enhances.
 */
export function layout(page: PageContext, options: PageOptions): Markup {
  const { lang, user } = page;
  const other = otherLanguage[lang];
  const sep = page.query ? '&' : '?';
  const switchHref = `/sprache?lang=${other}&next=${encodeURIComponent(page.path + page.query)}`;
  const active = (href: string) => (href === '/' ? page.path === '/' : page.path === href || page.path.startsWith(`${href}/`));
  void sep;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – ${t(lang, 'appName')}</title>
<link rel="stylesheet" href="/assets/fonts/fira-sans.css">
<link rel="stylesheet" href="/assets/kern.min.css">
<link rel="stylesheet" href="/assets/app.css">
<link rel="alternate" type="application/atom+xml" href="/feed.atom" title="Atom">
<link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON Feed">
${options.head ?? ''}
</head>
<body>
<a class="skip-link kern-link" href="#inhalt">${t(lang, 'skipToContent')}</a>
<div class="kern-kopfzeile">
  <div class="kern-container">
    <div class="kern-kopfzeile__content">
      <span class="kern-kopfzeile__flagge" aria-hidden="true"></span>
      <span class="kern-kopfzeile__label">${t(lang, 'officialSite')}</span>
    </div>
  </div>
</div>
<header class="app-header">
  <div class="kern-container app-header__bar">
    <a class="app-brand kern-link" href="/">${t(lang, 'appName')}</a>
    <div class="app-header__tools">
      <a class="kern-link" href="${switchHref}" lang="${other}" hreflang="${other}">${t(lang, 'otherLanguage')}<span class="kern-sr-only"> (${t(lang, 'otherLanguageLabel')})</span></a>
      ${user
        ? html`<span class="kern-body--small">${t(lang, 'signedInAs')} <a class="kern-link" href="/konto"><strong>${user.displayName}</strong></a></span>
          <form method="post" action="/abmelden" class="inline-form">${csrfField(page)}<button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit"><span class="kern-label">${t(lang, 'signOut')}</span></button></form>`
        : html`<a class="kern-link" href="/anmelden">${t(lang, 'signIn')}</a>`}
    </div>
  </div>
  <nav class="kern-container app-nav" aria-label="${t(lang, 'navMain')}">
    <ul class="kern-list kern-list--horizontal">
      ${nav.map(([href, key]) => html`<li><a class="kern-link" href="${href}"${active(href) ? raw(' aria-current="page"') : ''}>${t(lang, key)}</a></li>`)}
      ${user && hasRole(user.role, 'secretariat') ? html`<li><a class="kern-link" href="/verwaltung"${active('/verwaltung') ? raw(' aria-current="page"') : ''}>${t(lang, 'navAdmin')}</a></li>` : ''}
    </ul>
  </nav>
</header>
<main id="inhalt" class="kern-container app-main" tabindex="-1">
${options.body}
</main>
<footer class="app-footer">
  <div class="kern-container">
    <p class="kern-body--small">${t(lang, 'footerNote')}</p>
    <ul class="kern-list kern-list--horizontal kern-body--small">
      <li><a class="kern-link" href="/openapi.json">${t(lang, 'apiDocs')}</a></li>
      <li><a class="kern-link" href="/feed.atom">Atom</a></li>
      <li><a class="kern-link" href="/feed.json">JSON Feed</a></li>
      <li><a class="kern-link" href="/catalog.ttl">${t(lang, 'catalogueData')}</a></li>
      <li><a class="kern-link" href="/oparl/v1">OParl</a></li>
      <li><a class="kern-link" href="/einbetten">${t(lang, 'embed')}</a></li>
    </ul>
  </div>
</footer>
</body>
</html>`;
}

/** A KERN alert box. */
export function alert(kind: 'info' | 'success' | 'warning' | 'danger', title: string, body?: Markup | string): Markup {
  return html`<div class="kern-alert kern-alert--${kind}" role="${kind === 'danger' ? 'alert' : 'status'}">
  <div class="kern-alert__header"><span class="kern-icon kern-icon--${kind === 'danger' ? 'danger' : kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'info'}" aria-hidden="true"></span><span class="kern-title">${title}</span></div>
  ${body ? html`<div class="kern-alert__body"><p class="kern-body">${body}</p></div>` : ''}
</div>`;
}
