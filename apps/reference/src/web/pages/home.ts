import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import { latestRecommendations } from '../../domain/recommendations.js';
import { textOf, t, type Language } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { render, type Routes } from '../routing.js';
import { homeText, type HomeKey } from '../strings/home.js';

const steps: ReadonlyArray<{ text: HomeKey; href: string; link: HomeKey }> = [
  { text: 'stepBody', href: '/arbeitskreis', link: 'workingGroupAndSeat' },
  { text: 'stepDraft', href: '/empfehlungen', link: 'catalogueOfRecommendations' },
  { text: 'stepConsultation', href: '/empfehlungen/gebaeudedaten-2027/konsultation', link: 'runningConsultation' },
  { text: 'stepVote', href: '/abstimmungen', link: 'votes' },
  { text: 'stepPublication', href: '/catalog.ttl', link: 'dcatApDeCatalogue' },
  { text: 'stepBuildingData', href: '/gebaeudedaten', link: 'buildingDataPilot' },
  { text: 'stepPilots', href: '/pilotvorhaben', link: 'pilots' },
];

function intro(lang: Language) {
  return homeText(lang, 'thisReferenceAppShows');
}

/** The start page: what the app shows, the flow step by step, the latest recommendations. */
export function homePage(ctx: AppContext, routes: Routes): void {
  routes.get('/', 'public', async (c) => {
    const latest = await latestRecommendations(ctx.repo, ['consultation', 'published'], 4);
    return render(c, (lang) => t(lang, 'navHome'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${t(lang, 'appName')}</h1>
<p class="kern-body kern-body--large">${intro(lang)}</p>
<h2 class="kern-heading-medium">${homeText(lang, 'theFlowInSeven')}</h2>
<ol class="kern-list kern-list--number">
  ${steps.map((s) => html`<li class="kern-body">${homeText(lang, s.text)} <a class="kern-link" href="${s.href}">${homeText(lang, s.link)}</a></li>`)}
</ol>
<h2 class="kern-heading-medium">${homeText(lang, 'currentRecommendations')}</h2>
<ul class="kern-list">
  ${latest.map((r) => html`<li><a class="kern-link" href="/empfehlungen/${r.id}">${r.number} ${textOf(lang, r.shortTitle)} ${r.edition}</a> – ${recommendationLabel(lang, 'state', r.status.state)}</li>`)}
</ul>`);
  });
}
