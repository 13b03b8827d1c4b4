import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { componentsBundle } from '../assets.js';
import type { Lang } from '../i18n.js';
import { render, type Routes } from '../routing.js';

const elements = (api: string, lang: Lang) => [
  {
    title: lang === 'de' ? 'Empfehlungskatalog' : 'Catalogue of recommendations',
    snippet: `<foederal-recommendation-list api="${api}" page-size="5" href-template="${api}/empfehlungen/{id}"></foederal-recommendation-list>`,
  },
  {
    title: lang === 'de' ? 'Konsultationsformular' : 'Consultation form',
    snippet: `<foederal-consultation-form api="${api}" consultation-id="konsultation-gebaeudedaten-2027"></foederal-consultation-form>`,
  },
  {
    title: lang === 'de' ? 'Mitglieder und Sitzverteilung' : 'Members and seat balance',
    snippet: `<foederal-roster api="${api}"></foederal-roster>`,
  },
];

/**
 * How an administration embeds the `@foederal/components` elements in its own site, shown live
 * against this app's API (the only page that loads the components bundle; every other page works
 * without JavaScript).
 */
export function embedPage(ctx: AppContext, routes: Routes): void {
  routes.get('/einbetten', 'public', (c) => {
    // The configured base URL, never the request's Host header: the snippets go out unescaped.
    const api = ctx.baseUrl;
    const bundle = componentsBundle() !== undefined;
    return render(
      c,
      (lang) => (lang === 'de' ? 'Einbetten' : 'Embed'),
      ({ lang }) => html`
<h1 class="kern-heading-x-large">${lang === 'de' ? 'In die eigene Website einbetten' : 'Embed in your own website'}</h1>
<p class="kern-body">${lang === 'de' ? 'Verwaltungen binden Katalog, Konsultationsformular und Mitgliederliste mit einem Skript und einem HTML-Element in ihr CMS ein. Die Elemente lesen diese Anwendung über ihre API.' : 'Administrations put the catalogue, the consultation form and the member list into their CMS with one script and one HTML element. The elements read this app through its API.'}</p>
<pre class="code" tabindex="0"><code>&lt;script type="module" src="${api}/assets/components.js"&gt;&lt;/script&gt;</code></pre>
${bundle ? '' : html`<p class="kern-body">${lang === 'de' ? 'Das Komponentenpaket ist in dieser Installation nicht gebaut; die Beispiele zeigen nur den Code.' : 'The components package is not built in this installation; the examples show the code only.'}</p>`}
${elements(api, lang).map((e) => html`<section class="stack"><h2 class="kern-heading-medium">${e.title}</h2><pre class="code" tabindex="0"><code>${e.snippet}</code></pre>${bundle ? html`<div lang="${lang}">${raw(e.snippet)}</div>` : ''}</section>`)}`,
      200,
      bundle ? html`<script type="module" src="/assets/components.js"></script>` : undefined,
    );
  });
}
