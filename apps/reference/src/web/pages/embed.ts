import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { componentsBundle } from '../assets.js';
import type { Language } from '../i18n.js';
import { render, type Routes } from '../routing.js';
import { embedText } from '../strings/embed.js';

const elements = (api: string, lang: Language) => [
  {
    title: embedText(lang, 'catalogueOfRecommendations'),
    snippet: `<foederal-recommendation-list api="${api}" page-size="5" href-template="${api}/empfehlungen/{id}"></foederal-recommendation-list>`,
  },
  {
    title: embedText(lang, 'consultationForm'),
    snippet: `<foederal-consultation-form api="${api}" consultation-id="konsultation-gebaeudedaten-2027"></foederal-consultation-form>`,
  },
  {
    title: embedText(lang, 'membersAndSeatBalance'),
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
      (lang) => embedText(lang, 'embed'),
      ({ lang }) => html`
<h1 class="kern-heading-x-large">${embedText(lang, 'embedInYourOwn')}</h1>
<p class="kern-body">${embedText(lang, 'administrationsPutTheCatalogue')}</p>
<pre class="code" tabindex="0"><code>&lt;script type="module" src="${api}/assets/components.js"&gt;&lt;/script&gt;</code></pre>
${bundle ? '' : html`<p class="kern-body">${embedText(lang, 'theComponentsPackageIs')}</p>`}
${elements(api, lang).map((e) => html`<section class="stack"><h2 class="kern-heading-medium">${e.title}</h2><pre class="code" tabindex="0"><code>${e.snippet}</code></pre>${bundle ? html`<div lang="${lang}">${raw(e.snippet)}</div>` : ''}</section>`)}`,
      200,
      bundle ? html`<script type="module" src="/assets/components.js"></script>` : undefined,
    );
  });
}
