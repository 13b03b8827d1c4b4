import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { Recommendation } from '@foederal/recommendations';
import { textOf, t, type Language } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { render, type Routes } from '../routing.js';
import { homeText } from '../strings/home.js';

const steps: Array<{ de: string; en: string; href: string; link: { de: string; en: string } }> = [
  { de: 'Die Geschäftsstelle richtet den Arbeitskreis mit Bund, Ländern, Kommunen und beratenden Gästen ein; die Sitzverteilung wird geprüft.', en: 'The secretariat sets up the working group with the Bund, Länder, municipalities and advisory guests; the seat balance is checked.', href: '/arbeitskreis', link: { de: 'Arbeitskreis und Sitzverteilung', en: 'Working group and seat balance' } },
  { de: 'Eine Arbeitsgruppe entwirft eine Empfehlung mit Dokumenten und maschinenlesbaren Datenanforderungen (IDS).', en: 'A working group drafts a recommendation with documents and machine-readable data requirements (IDS).', href: '/empfehlungen', link: { de: 'Empfehlungskatalog', en: 'Catalogue of recommendations' } },
  { de: 'Der Entwurf geht in die öffentliche Konsultation; jeder Beitrag erhält eine begründete Abwägung.', en: 'The draft goes to public consultation; every contribution gets a reasoned disposition.', href: '/empfehlungen/gebaeudedaten-2027/konsultation', link: { de: 'Laufende Konsultation', en: 'Running consultation' } },
  { de: 'Das Plenum stimmt föderal ausgewogen ab; das Ergebnis wird nach der Geschäftsordnung erklärt.', en: 'The plenary votes in a federally balanced way; the result is explained under the rules of procedure.', href: '/abstimmungen', link: { de: 'Abstimmungen', en: 'Votes' } },
  { de: 'Die beschlossene Empfehlung wird offen veröffentlicht: Webseite, JSON-API, Feeds und DCAT-AP.de-Katalog.', en: 'The adopted recommendation is published openly: web page, JSON API, feeds and a DCAT-AP.de catalogue.', href: '/catalog.ttl', link: { de: 'DCAT-AP.de-Katalog', en: 'DCAT-AP.de catalogue' } },
  { de: 'Eine Pilotkommune lädt das IFC-Modell einer Schule hoch und prüft es gegen die IDS der Empfehlung.', en: 'A pilot municipality uploads the IFC model of a school and checks it against the recommendation\'s IDS.', href: '/gebaeudedaten', link: { de: 'Gebäudedaten-Pilot', en: 'Building-data pilot' } },
  { de: 'Verwaltungen erproben Empfehlungen und offene Lösungen und berichten ihre Erfahrungen; gemeinsame Kosten werden fair geteilt.', en: 'Administrations pilot recommendations and open solutions and report their experience; joint costs are shared fairly.', href: '/pilotvorhaben', link: { de: 'Pilotvorhaben', en: 'Pilots' } },
];

function intro(lang: Language) {
  return homeText(lang, 'thisReferenceAppShows');
}

/** The start page: what the app shows, the flow step by step, the latest recommendations. */
export function homePage(ctx: AppContext, routes: Routes): void {
  routes.get('/', 'public', async (c) => {
    const latest = (await ctx.repo.recommendations.list({ status: ['consultation', 'published'], order: 'desc', limit: 4 })).map((d) => d.data as Recommendation);
    return render(c, (lang) => t(lang, 'navHome'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${t(lang, 'appName')}</h1>
<p class="kern-body kern-body--large">${intro(lang)}</p>
<h2 class="kern-heading-medium">${homeText(lang, 'theFlowInSeven')}</h2>
<ol class="kern-list kern-list--number">
  ${steps.map((s) => html`<li class="kern-body">${s[lang]} <a class="kern-link" href="${s.href}">${s.link[lang]}</a></li>`)}
</ol>
<h2 class="kern-heading-medium">${homeText(lang, 'currentRecommendations')}</h2>
<ul class="kern-list">
  ${latest.map((r) => html`<li><a class="kern-link" href="/empfehlungen/${r.id}">${r.number} ${textOf(lang, r.shortTitle)} ${r.edition}</a> – ${recommendationLabel(lang, 'state', r.status.state)}</li>`)}
</ul>`);
  });
}
