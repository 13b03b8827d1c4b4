import { citation, toCreativeWork } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { listConsultations } from '../../domain/consultations.js';
import { listPilots } from '../../domain/pilots.js';
import { maxPageSize, pageNumberOf } from '../../domain/paging.js';
import { getRecommendation, listEditions, listRecommendations, visibleRecommendationStates } from '../../domain/recommendations.js';
import { votesOnRecommendation } from '../../domain/votes.js';
import { formatDate, formatNumber, textOf, t } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { pageParameter, pager } from '../pager.js';
import { render, type Routes } from '../routing.js';
import { catalogueText } from '../strings/catalogue.js';

const states = ['consultation', 'adopted', 'published', 'superseded', 'withdrawn'];

/** The catalogue (filter by state, full-text search) and one page per recommendation. */
export function cataloguePages(ctx: AppContext, routes: Routes): void {
  routes.get('/empfehlungen', 'public', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const status = c.req.query('status') ?? '';
    const visible = visibleRecommendationStates(c.get('role'));
    const filter = status && (!visible || visible.includes(status)) ? [status] : status ? [] : visible;
    const url = new URL(c.req.url);
    const result = await listRecommendations(ctx.repo, { status: filter, q, page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const items = result.items.map((d) => d.data);
    return render(c, (lang) => t(lang, 'navCatalogue'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${t(lang, 'navCatalogue')}</h1>
<form method="get" action="/empfehlungen" class="filters" role="search">
  <div class="kern-form-input">
    <label class="kern-label" for="q">${catalogueText(lang, 'search')}</label>
    <input class="kern-form-input__input" id="q" name="q" type="search" value="${q}">
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="status">${catalogueText(lang, 'status')}</label>
    <div class="kern-form-input__select-wrapper">
      <select class="kern-form-input__select" id="status" name="status">
        <option value="">${catalogueText(lang, 'all')}</option>
        ${(visible ? states : ['draft', ...states]).map((s) => html`<option value="${s}"${s === status ? raw(' selected') : ''}>${recommendationLabel(lang, 'state', s)}</option>`)}
      </select>
    </div>
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${catalogueText(lang, 'filter')}</span></button>
</form>
<p class="kern-body" role="status">${catalogueText(lang, result.total === 1 ? 'countOne' : 'countOther', { count: formatNumber(lang, result.total) })}</p>
<table class="kern-table kern-table--striped">
  <thead class="kern-table__header"><tr><th scope="col">${catalogueText(lang, 'no')}</th><th scope="col">${catalogueText(lang, 'shortTitle')}</th><th scope="col">${catalogueText(lang, 'title')}</th><th scope="col">${catalogueText(lang, 'status')}</th></tr></thead>
  <tbody class="kern-table__body">
  ${items.map((r) => html`<tr><td>${r.number}</td><td><a class="kern-link" href="/empfehlungen/${r.id}">${textOf(lang, r.shortTitle)} ${r.edition}</a></td><td>${textOf(lang, r.title)}</td><td>${recommendationLabel(lang, 'state', r.status.state)}</td></tr>`)}
  </tbody>
</table>
${pager(lang, '/empfehlungen', url.searchParams, result)}`);
  });

  routes.get('/empfehlungen/:id', 'public', async (c) => {
    const doc = await getRecommendation(ctx.repo, c.req.param('id') ?? '', c.get('role'));
    const rec = doc.data;
    const url = `${ctx.baseUrl}/empfehlungen/${rec.id}`;
    const editions = await listEditions(ctx.repo, rec.id);
    const consultations = await listConsultations(ctx.repo, { parentId: rec.id, limit: 1 });
    const votes = await votesOnRecommendation(ctx.repo, rec.id);
    const pilots = (await listPilots(ctx.repo, { recommendation: rec.id }, { limit: maxPageSize })).map((d) => d.data);
    const jsonLd = JSON.stringify(toCreativeWork(rec, { url, pageOf: (id) => `${ctx.baseUrl}/empfehlungen/${id}` })).replace(/</g, '\\u003c');
    const status = rec.status;
    return render(
      c,
      (lang) => `${textOf(lang, rec.shortTitle)} ${rec.edition}`,
      ({ lang }) => html`
<p class="kern-preline">${catalogueText(lang, 'recommendationNo')} ${rec.number}</p>
<h1 class="kern-heading-x-large">${textOf(lang, rec.shortTitle)} ${rec.edition}</h1>
<p class="kern-body kern-body--large">${textOf(lang, rec.title)}</p>
<p><span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">${recommendationLabel(lang, 'state', status.state)}</span></span>
${status.state === 'consultation' ? html` ${catalogueText(lang, 'until')} ${formatDate(lang, status.closes)}` : ''}
${status.state === 'superseded' ? html` ${catalogueText(lang, 'by')} <a class="kern-link" href="/empfehlungen/${status.by}">${status.by}</a>` : ''}</p>
<p class="kern-body">${textOf(lang, rec.description)}</p>
${consultations.length > 0 ? html`<p><a class="kern-link" href="/empfehlungen/${rec.id}/konsultation">${catalogueText(lang, 'toTheConsultationContributions')}</a></p>` : ''}
<dl class="kern-description-list">
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'version')}</dt><dd class="kern-description-list-item__value">${rec.version}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'publisher')}</dt><dd class="kern-description-list-item__value">${textOf(lang, rec.publisher.name)}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'workingGroup')}</dt><dd class="kern-description-list-item__value">${textOf(lang, rec.workingGroup.name)}, ${catalogueText(lang, 'lead')}: ${rec.workingGroup.lead.name} (${rec.workingGroup.lead.jurisdiction.name})</dd></div>
  ${rec.issued ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'issued')}</dt><dd class="kern-description-list-item__value">${formatDate(lang, rec.issued)}</dd></div>` : ''}
  ${rec.license ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'licence')}</dt><dd class="kern-description-list-item__value"><a class="kern-link" href="${rec.license.iri}">${rec.license.id}</a> – ${rec.license.attribution}</dd></div>` : ''}
  ${rec.decision ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${catalogueText(lang, 'decision')}</dt><dd class="kern-description-list-item__value"><a class="kern-link" href="/abstimmungen/${rec.decision.id.replace('/', '-')}">${rec.decision.id}</a> (${formatDate(lang, rec.decision.date)})</dd></div>` : ''}
</dl>
<h2 class="kern-heading-medium">${catalogueText(lang, 'documents')}</h2>
${rec.attachments.length === 0 ? html`<p class="kern-body">${catalogueText(lang, 'noDocumentsYet')}</p>` : html`
<table class="kern-table">
  <thead class="kern-table__header"><tr><th scope="col">${catalogueText(lang, 'document')}</th><th scope="col">${catalogueText(lang, 'role')}</th><th scope="col" class="kern-table__header--numeric">${catalogueText(lang, 'size')}</th><th scope="col">SHA-256</th></tr></thead>
  <tbody class="kern-table__body">${rec.attachments.map((a) => html`<tr><td><a class="kern-link" href="${a.downloadUrl}">${textOf(lang, a.title)}</a> (${a.mediaType})</td><td>${recommendationLabel(lang, 'role', a.role)}</td><td class="kern-table__cell--numeric">${formatNumber(lang, a.byteSize)} B</td><td><code>${a.sha256.slice(0, 16)}…</code></td></tr>`)}</tbody>
</table>`}
<h2 class="kern-heading-medium">${catalogueText(lang, 'editions')}</h2>
<ul class="kern-list">${editions.map((e) => html`<li><a class="kern-link" href="/api/v1/recommendations/${rec.id}/editions/${e.version}">${catalogueText(lang, 'version')} ${e.version}</a> – ${recommendationLabel(lang, 'state', e.status.state)}</li>`)}</ul>
${rec.supersedes ? html`<p class="kern-body">${catalogueText(lang, 'supersedes')}: <a class="kern-link" href="/empfehlungen/${rec.supersedes}">${rec.supersedes}</a></p>` : ''}
${votes.length > 0 ? html`<h2 class="kern-heading-medium">${catalogueText(lang, 'votes')}</h2><ul class="kern-list">${votes.map((v) => html`<li><a class="kern-link" href="/abstimmungen/${v.decision.id.replace('/', '-')}">${v.decision.id}</a>: ${textOf(lang, v.title)}</li>`)}</ul>` : ''}
${pilots.length > 0 ? html`<h2 class="kern-heading-medium">${catalogueText(lang, 'pilotsOfThisRecommendation')}</h2><ul class="kern-list">${pilots.map((p) => html`<li><a class="kern-link" href="/pilotvorhaben/${p.id}">${textOf(lang, p.title)}</a> (${p.participants.map((x) => x.organisation).join(', ')})</li>`)}</ul>` : ''}
${rec.adoptions.length > 0 ? html`<h2 class="kern-heading-medium">${catalogueText(lang, 'adoptionByJurisdictions')}</h2><ul class="kern-list">${rec.adoptions.map((a) => html`<li>${a.jurisdiction.name}: ${a.reference} (${formatDate(lang, a.date)}, ${a.bindingness})</li>`)}</ul>` : ''}
<h2 class="kern-heading-medium">${catalogueText(lang, 'howToCite')}</h2>
<p class="kern-body"><q>${citation(rec, { language: lang, url, accessed: ctx.now().toISOString().slice(0, 10) })}</q></p>
<p class="kern-body--small"><a class="kern-link" href="/api/v1/recommendations/${rec.id}">JSON</a></p>`,
      200,
      html`<script type="application/ld+json">${raw(jsonLd)}</script>`,
    );
  });
}
