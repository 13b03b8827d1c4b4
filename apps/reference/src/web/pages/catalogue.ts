import { citation, toCreativeWork, type Recommendation } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { listConsultations } from '../../domain/consultations.js';
import { listPilots } from '../../domain/pilots.js';
import { getRecommendation, listEditions, visibleRecommendationStates } from '../../domain/recommendations.js';
import type { VoteRecord } from '../../domain/votes.js';
import { formatDate, formatNumber, pick, t } from '../i18n.js';
import { attachmentRoleLabels, lbl, recommendationStateLabels } from '../labels.js';
import { render, type Routes } from '../routing.js';

const states = ['consultation', 'adopted', 'published', 'superseded', 'withdrawn'];

/** The catalogue (filter by state, full-text search) and one page per recommendation. */
export function cataloguePages(ctx: AppContext, routes: Routes): void {
  routes.get('/empfehlungen', 'public', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const status = c.req.query('status') ?? '';
    const visible = visibleRecommendationStates(c.get('role'));
    const filter = status && (!visible || visible.includes(status)) ? [status] : status ? [] : visible;
    const items = (await ctx.repo.recommendations.list({ ...(filter ? { status: filter } : {}), ...(q ? { q } : {}) })).map((d) => d.data as Recommendation);
    return render(c, (lang) => t(lang, 'navCatalogue'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${t(lang, 'navCatalogue')}</h1>
<form method="get" action="/empfehlungen" class="filters" role="search">
  <div class="kern-form-input">
    <label class="kern-label" for="q">${lang === 'de' ? 'Suche' : 'Search'}</label>
    <input class="kern-form-input__input" id="q" name="q" type="search" value="${q}">
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="status">${lang === 'de' ? 'Status' : 'Status'}</label>
    <div class="kern-form-input__select-wrapper">
      <select class="kern-form-input__select" id="status" name="status">
        <option value="">${lang === 'de' ? 'alle' : 'all'}</option>
        ${(visible ? states : ['draft', ...states]).map((s) => html`<option value="${s}"${s === status ? raw(' selected') : ''}>${lbl(recommendationStateLabels, s, lang)}</option>`)}
      </select>
    </div>
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${lang === 'de' ? 'Filtern' : 'Filter'}</span></button>
</form>
<p class="kern-body" role="status">${formatNumber(lang, items.length)} ${lang === 'de' ? (items.length === 1 ? 'Empfehlung' : 'Empfehlungen') : items.length === 1 ? 'recommendation' : 'recommendations'}</p>
<table class="kern-table kern-table--striped">
  <thead class="kern-table__header"><tr><th scope="col">${lang === 'de' ? 'Nr.' : 'No.'}</th><th scope="col">${lang === 'de' ? 'Kurztitel' : 'Short title'}</th><th scope="col">${lang === 'de' ? 'Titel' : 'Title'}</th><th scope="col">${lang === 'de' ? 'Status' : 'Status'}</th></tr></thead>
  <tbody class="kern-table__body">
  ${items.map((r) => html`<tr><td>${r.number}</td><td><a class="kern-link" href="/empfehlungen/${r.id}">${pick(lang, r.shortTitle)} ${r.edition}</a></td><td>${pick(lang, r.title)}</td><td>${lbl(recommendationStateLabels, r.status.state, lang)}</td></tr>`)}
  </tbody>
</table>`);
  });

  routes.get('/empfehlungen/:id', 'public', async (c) => {
    const doc = await getRecommendation(ctx.repo, c.req.param('id') ?? '', c.get('role'));
    const rec = doc.data;
    const url = `${ctx.baseUrl}/empfehlungen/${rec.id}`;
    const editions = await listEditions(ctx.repo, rec.id);
    const consultations = await listConsultations(ctx.repo, { parentId: rec.id });
    const votes = (await ctx.repo.votes.list({ parentId: rec.id })).map((d) => d.data as VoteRecord);
    const pilots = (await listPilots(ctx.repo, { recommendation: rec.id })).map((d) => d.data);
    const jsonLd = JSON.stringify(toCreativeWork(rec, { url, pageOf: (id) => `${ctx.baseUrl}/empfehlungen/${id}` })).replace(/</g, '\\u003c');
    const status = rec.status;
    return render(
      c,
      (lang) => `${pick(lang, rec.shortTitle)} ${rec.edition}`,
      ({ lang }) => html`
<p class="kern-preline">${lang === 'de' ? 'Empfehlung Nr.' : 'Recommendation no.'} ${rec.number}</p>
<h1 class="kern-heading-x-large">${pick(lang, rec.shortTitle)} ${rec.edition}</h1>
<p class="kern-body kern-body--large">${pick(lang, rec.title)}</p>
<p><span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">${lbl(recommendationStateLabels, status.state, lang)}</span></span>
${status.state === 'consultation' ? html` ${lang === 'de' ? 'bis' : 'until'} ${formatDate(lang, status.closes)}` : ''}
${status.state === 'superseded' ? html` ${lang === 'de' ? 'durch' : 'by'} <a class="kern-link" href="/empfehlungen/${status.by}">${status.by}</a>` : ''}</p>
<p class="kern-body">${pick(lang, rec.description)}</p>
${consultations.length > 0 ? html`<p><a class="kern-link" href="/empfehlungen/${rec.id}/konsultation">${lang === 'de' ? 'Zur Konsultation: Beiträge, Abwägung und Formular' : 'To the consultation: contributions, dispositions and form'}</a></p>` : ''}
<dl class="kern-description-list">
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Version' : 'Version'}</dt><dd class="kern-description-list-item__value">${rec.version}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Herausgeber' : 'Publisher'}</dt><dd class="kern-description-list-item__value">${pick(lang, rec.publisher.name)}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Arbeitsgruppe' : 'Working group'}</dt><dd class="kern-description-list-item__value">${pick(lang, rec.workingGroup.name)}, ${lang === 'de' ? 'Leitung' : 'lead'}: ${rec.workingGroup.lead.name} (${rec.workingGroup.lead.jurisdiction.name})</dd></div>
  ${rec.issued ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Ausgabe' : 'Issued'}</dt><dd class="kern-description-list-item__value">${formatDate(lang, rec.issued)}</dd></div>` : ''}
  ${rec.license ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Lizenz' : 'Licence'}</dt><dd class="kern-description-list-item__value"><a class="kern-link" href="${rec.license.iri}">${rec.license.id}</a> – ${rec.license.attribution}</dd></div>` : ''}
  ${rec.decision ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${lang === 'de' ? 'Beschluss' : 'Decision'}</dt><dd class="kern-description-list-item__value"><a class="kern-link" href="/abstimmungen/${rec.decision.id.replace('/', '-')}">${rec.decision.id}</a> (${formatDate(lang, rec.decision.date)})</dd></div>` : ''}
</dl>
<h2 class="kern-heading-medium">${lang === 'de' ? 'Dokumente' : 'Documents'}</h2>
${rec.attachments.length === 0 ? html`<p class="kern-body">${lang === 'de' ? 'Noch keine Dokumente.' : 'No documents yet.'}</p>` : html`
<table class="kern-table">
  <thead class="kern-table__header"><tr><th scope="col">${lang === 'de' ? 'Dokument' : 'Document'}</th><th scope="col">${lang === 'de' ? 'Art' : 'Role'}</th><th scope="col" class="kern-table__header--numeric">${lang === 'de' ? 'Größe' : 'Size'}</th><th scope="col">SHA-256</th></tr></thead>
  <tbody class="kern-table__body">${rec.attachments.map((a) => html`<tr><td><a class="kern-link" href="${a.downloadUrl}">${pick(lang, a.title)}</a> (${a.mediaType})</td><td>${lbl(attachmentRoleLabels, a.role, lang)}</td><td class="kern-table__cell--numeric">${formatNumber(lang, a.byteSize)} B</td><td><code>${a.sha256.slice(0, 16)}…</code></td></tr>`)}</tbody>
</table>`}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Ausgaben' : 'Editions'}</h2>
<ul class="kern-list">${editions.map((e) => html`<li><a class="kern-link" href="/api/v1/recommendations/${rec.id}/editions/${e.version}">${lang === 'de' ? 'Version' : 'Version'} ${e.version}</a> – ${lbl(recommendationStateLabels, e.status.state, lang)}</li>`)}</ul>
${rec.supersedes ? html`<p class="kern-body">${lang === 'de' ? 'Ersetzt' : 'Supersedes'}: <a class="kern-link" href="/empfehlungen/${rec.supersedes}">${rec.supersedes}</a></p>` : ''}
${votes.length > 0 ? html`<h2 class="kern-heading-medium">${lang === 'de' ? 'Abstimmungen' : 'Votes'}</h2><ul class="kern-list">${votes.map((v) => html`<li><a class="kern-link" href="/abstimmungen/${v.decision.id.replace('/', '-')}">${v.decision.id}</a>: ${pick(lang, v.title)}</li>`)}</ul>` : ''}
${pilots.length > 0 ? html`<h2 class="kern-heading-medium">${lang === 'de' ? 'Pilotvorhaben zu dieser Empfehlung' : 'Pilots of this recommendation'}</h2><ul class="kern-list">${pilots.map((p) => html`<li><a class="kern-link" href="/pilotvorhaben/${p.id}">${pick(lang, p.title)}</a> (${p.participants.map((x) => x.organisation).join(', ')})</li>`)}</ul>` : ''}
${rec.adoptions.length > 0 ? html`<h2 class="kern-heading-medium">${lang === 'de' ? 'Einführung in den Gebietskörperschaften' : 'Adoption by jurisdictions'}</h2><ul class="kern-list">${rec.adoptions.map((a) => html`<li>${a.jurisdiction.name}: ${a.reference} (${formatDate(lang, a.date)}, ${a.bindingness})</li>`)}</ul>` : ''}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Zitiervorschlag' : 'How to cite'}</h2>
<p class="kern-body"><q>${citation(rec, { language: lang, url, accessed: ctx.now().toISOString().slice(0, 10) })}</q></p>
<p class="kern-body--small"><a class="kern-link" href="/api/v1/recommendations/${rec.id}">JSON</a></p>`,
      200,
      html`<script type="application/ld+json">${raw(jsonLd)}</script>`,
    );
  });
}
