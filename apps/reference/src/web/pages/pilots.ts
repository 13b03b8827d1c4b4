import { states } from '@foederal/membership';
import { administrativeLevelSchema, type ExperienceReport, type Pilot } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import { hasRole } from '../../auth/roles.js';
import type { AppContext } from '../../context.js';
import { getBody } from '../../domain/body.js';
import { maxPageSize, pageNumberOf } from '../../domain/paging.js';
import { getPilot, listReports, pilotRegister, submitReport } from '../../domain/pilots.js';
import { computeShares, getProject, projectPage, resolveRules } from '../../domain/projects.js';
import { AppError } from '../../errors.js';
import { formatDate, formatNumber, textOf, t, type Language } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { alert, csrfField, type Markup } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { formOf, render, type Routes } from '../routing.js';
import { readSolution } from '../../domain/opencode-solution.js';
import { solutionView } from './opencode-solution.js';
import { formatEuro } from '@foederal/membership';
import type { CostParticipant } from '@foederal/membership';
import { pilotsText, type PilotsKey } from '../strings/pilots.js';

function subject(p: Pilot, lang: Language): Markup {
  return p.subject.kind === 'recommendation'
    ? html`${pilotsText(lang, 'recommendation')} <a class="kern-link" href="/empfehlungen/${p.subject.recommendation}">${p.subject.recommendation}</a> (${p.subject.version})`
    : html`${pilotsText(lang, 'openSourceSolution')} <a class="kern-link" href="${p.subject.repository}">${p.subject.name}</a>`;
}

function reportView(r: ExperienceReport, lang: Language): Markup {
  return html`<article class="kern-card" id="${r.id}"><div class="kern-card__container">
<div class="kern-card__header"><h3 class="kern-title">${textOf(lang, r.title)}</h3></div>
<div class="kern-card__body">
<p class="kern-body--small">${r.author.organisation} (${r.author.jurisdiction.name}) · ${formatDate(lang, r.date)} · ${recommendationLabel(lang, 'report', r.status.state)}</p>
<h4 class="kern-heading-small">${pilotsText(lang, 'whatWorked')}</h4><ul class="kern-list">${r.worked.map((w) => html`<li>${textOf(lang, w)}</li>`)}</ul>
<h4 class="kern-heading-small">${pilotsText(lang, 'whatDidNotWork')}</h4><ul class="kern-list">${r.didNotWork.length ? r.didNotWork.map((w) => html`<li>${textOf(lang, w)}</li>`) : html`<li>–</li>`}</ul>
<p class="kern-body">${pilotsText(lang, 'effort')}: ${formatNumber(lang, r.effortPersonDays, 1)} ${pilotsText(lang, 'personDays')} · ${pilotsText(lang, 'costs')}: ${formatEuro(lang, r.costs.amountCents)} · ${r.wouldRecommend ? pilotsText(lang, 'wouldRecommendIt') : pilotsText(lang, 'wouldNotRecommendIt')}</p>
${r.attachments.length ? html`<ul class="kern-list">${r.attachments.map((a) => html`<li><a class="kern-link" href="${a.downloadUrl}">${textOf(lang, a.title)}</a></li>`)}</ul>` : ''}
</div></div></article>`;
}

const lines = (text: string) => text.split(/\r?\n/).map((x) => x.trim()).filter(Boolean).slice(0, 50).map((de) => ({ de: de.slice(0, 2000) }));

/** Pilot register (filter by level and Land), pilot pages with reports, the report form, and cost sharing. */
export function pilotPages(ctx: AppContext, routes: Routes): void {
  routes.get('/pilotvorhaben', 'public', async (c) => {
    const level = c.req.query('level') || undefined;
    const state = c.req.query('land') || undefined;
    const url = new URL(c.req.url);
    const result = await pilotRegister(ctx.repo, { level, state }, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const pilots = result.items.map((d) => d.data);
    return render(c, (lang) => t(lang, 'navPilots'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${pilotsText(lang, 'registerOfPilots')}</h1>
<form method="get" action="/pilotvorhaben" class="filters">
  <div class="kern-form-input"><label class="kern-label" for="level">${pilotsText(lang, 'level')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="level" name="level"><option value="">${pilotsText(lang, 'all')}</option>
    ${administrativeLevelSchema.options.map((l) => html`<option value="${l}"${l === level ? raw(' selected') : ''}>${recommendationLabel(lang, 'level', l)}</option>`)}</select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="land">${pilotsText(lang, 'state')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="land" name="land"><option value="">${pilotsText(lang, 'all')}</option>
    ${states.map((s) => html`<option value="${s.key}"${s.key === state ? raw(' selected') : ''}>${s.name}</option>`)}</select></div></div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${pilotsText(lang, 'filter')}</span></button>
</form>
<p class="kern-body" role="status">${result.total} ${pilotsText(lang, 'pilots')}</p>
<ul class="kern-list stack">${pilots.map((p) => html`<li><a class="kern-link" href="/pilotvorhaben/${p.id}">${textOf(lang, p.title)}</a> – ${recommendationLabel(lang, 'pilot', p.status)}; ${subject(p, lang)}; ${p.participants.map((x) => x.organisation).join(', ')}</li>`)}</ul>
${pager(lang, '/pilotvorhaben', url.searchParams, result)}
<p class="kern-body--small"><a class="kern-link" href="/api/v1/pilots">JSON</a></p>`);
  });

  routes.get('/pilotvorhaben/:id', 'public', async (c) => {
    const pilot = (await getPilot(ctx.repo, c.req.param('id') ?? '')).data;
    const reports = (await listReports(ctx.repo, pilot.id, c.get('role'), { limit: maxPageSize })).map((d) => d.data);
    const canReport = hasRole(c.get('role'), 'member');
    // An open-source pilot shows its solution's publiccode.yml (ADR 0162); short timeout, cached.
    const solution = pilot.subject.kind === 'open-source' ? await readSolution(ctx, pilot.subject) : undefined;
    const repository = pilot.subject.kind === 'open-source' ? pilot.subject.repository : '';
    return render(c, (lang) => textOf(lang, pilot.title), ({ lang }) => html`
<h1 class="kern-heading-x-large">${textOf(lang, pilot.title)}</h1>
${c.req.query('eingereicht') ? alert('success', pilotsText(lang, 'yourReportWasReceived')) : ''}
<p class="kern-body">${textOf(lang, pilot.description)}</p>
<p class="kern-body">${subject(pilot, lang)} · ${recommendationLabel(lang, 'pilot', pilot.status)} · ${formatDate(lang, pilot.start)}${pilot.end ? ` – ${formatDate(lang, pilot.end)}` : ''}</p>
${solution ? solutionView(solution, repository, lang) : ''}
<h2 class="kern-heading-medium">${pilotsText(lang, 'participatingAdministrations')}</h2>
<ul class="kern-list">${pilot.participants.map((p) => html`<li>${p.organisation} (${recommendationLabel(lang, 'level', p.jurisdiction.level)} ${p.jurisdiction.name})${p.role === 'lead' ? pilotsText(lang, 'lead') : ''}</li>`)}</ul>
<h2 class="kern-heading-medium">${pilotsText(lang, 'experienceReports')} (${reports.length})</h2>
<div class="stack">${reports.map((r) => reportView(r, lang))}</div>
${canReport ? html`<p><a class="kern-btn kern-btn--secondary" href="/pilotvorhaben/${pilot.id}/bericht"><span class="kern-label">${pilotsText(lang, 'submitAnExperienceReport')}</span></a></p>` : ''}`);
  });

  routes.get('/pilotvorhaben/:id/bericht', 'member', async (c) => {
    const pilot = (await getPilot(ctx.repo, c.req.param('id') ?? '')).data;
    return render(c, (lang) => pilotsText(lang, 'submitAnExperienceReport'), (page) => {
      const { lang } = page;
      const field = (id: string, key: PilotsKey, input: Markup) => html`<div class="kern-form-input"><label class="kern-label" for="${id}">${pilotsText(lang, key)}</label>${input}</div>`;
      return html`
<p class="kern-preline"><a class="kern-link" href="/pilotvorhaben/${pilot.id}">${textOf(lang, pilot.title)}</a></p>
<h1 class="kern-heading-x-large">${pilotsText(lang, 'submitAnExperienceReport')}</h1>
<form method="post" action="/pilotvorhaben/${pilot.id}/bericht" class="stack">
  ${csrfField(page)}
  ${field('title', 'reportTitle', html`<input class="kern-form-input__input" id="title" name="title" required maxlength="300">`)}
  ${field('organisation', 'reportOrganisation', html`<input class="kern-form-input__input" id="organisation" name="organisation" required maxlength="300">`)}
  <div class="kern-form-input"><label class="kern-label" for="participant">${pilotsText(lang, 'jurisdiction')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="participant" name="participant">
    ${pilot.participants.map((p, i) => html`<option value="${i}">${p.jurisdiction.name}</option>`)}</select></div></div>
  ${field('date', 'reportDate', html`<input class="kern-form-input__input" id="date" name="date" type="date" required value="${ctx.now().toISOString().slice(0, 10)}">`)}
  ${field('worked', 'reportWorked', html`<textarea class="kern-form-input__input" id="worked" name="worked" rows="4"></textarea>`)}
  ${field('didNotWork', 'reportDidNotWork', html`<textarea class="kern-form-input__input" id="didNotWork" name="didNotWork" rows="4"></textarea>`)}
  ${field('effort', 'reportEffort', html`<input class="kern-form-input__input" id="effort" name="effort" type="number" min="0" step="0.5" required>`)}
  ${field('costs', 'reportCosts', html`<input class="kern-form-input__input" id="costs" name="costs" type="number" min="0" step="0.01" required>`)}
  <div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="recommend" name="recommend" value="1"><label class="kern-label" for="recommend">${pilotsText(lang, 'weWouldRecommendIt')}</label></div>
  <div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="licence" name="licence" value="1" required><label class="kern-label" for="licence">${pilotsText(lang, 'theReportMayBe')}</label></div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${pilotsText(lang, 'submitForReview')}</span></button>
</form>`;
    });
  });

  routes.post('/pilotvorhaben/:id/bericht', 'member', async (c) => {
    const pilot = (await getPilot(ctx.repo, c.req.param('id') ?? '')).data;
    const form = await formOf(c);
    const participant = pilot.participants[Number(form['participant'] ?? '0')] ?? pilot.participants[0];
    if (!participant) throw new AppError('validation', 'Keine Gebietskörperschaft / no jurisdiction');
    if (form['licence'] !== '1') throw new AppError('validation', 'Bitte der Veröffentlichung zustimmen / please agree to publication');
    const organisation = (form['organisation'] ?? '').trim();
    const report = await submitReport(ctx.repo, pilot.id, {
      title: { de: (form['title'] ?? '').trim() },
      author: { organisation, jurisdiction: participant.jurisdiction },
      date: form['date'] ?? '',
      worked: lines(form['worked'] ?? ''),
      didNotWork: lines(form['didNotWork'] ?? ''),
      effortPersonDays: Number(form['effort']),
      costs: { amountCents: Math.round(Number(form['costs']) * 100), currency: 'EUR' },
      wouldRecommend: form['recommend'] === '1',
      attachments: [],
      license: { id: 'CC-BY-4.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: organisation || participant.jurisdiction.name },
    });
    void report;
    return c.redirect(`/pilotvorhaben/${pilot.id}?eingereicht=1`, 303);
  });

  routes.get('/kostenteilung', 'public', async (c) => {
    const url = new URL(c.req.url);
    const result = await projectPage(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const projects = result.items.map((d) => d.data);
    return render(c, (lang) => t(lang, 'navCosts'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${pilotsText(lang, 'costSharingOfJoint')}</h1>
<p class="kern-body">${pilotsText(lang, 'theBundTheL')}</p>
<ul class="kern-list">${projects.map((p) => html`<li><a class="kern-link" href="/kostenteilung/${p.id}">${textOf(lang, p.title)}</a> – ${formatEuro(lang, p.total)}</li>`)}</ul>
${pager(lang, '/kostenteilung', url.searchParams, result)}`);
  });

  routes.get('/kostenteilung/:id', 'public', async (c) => {
    const project = (await getProject(ctx.repo, c.req.param('id') ?? '')).data;
    const rules = resolveRules(project, (await getBody(ctx.repo)).data);
    const requested = c.req.query('summe');
    const euros = requested !== undefined && /^\d{1,12}([.,]\d{1,2})?$/.test(requested) ? Math.round(Number(requested.replace(',', '.')) * 100) : project.total;
    const chosen = c.req.queries('teilnehmer');
    const participants: CostParticipant[] = chosen ? project.participants.filter((p) => chosen.includes(p.id)) : [...project.participants];
    const result = computeShares({ ...project, total: euros, participants }, rules);
    const sum = result.shares.reduce((a, s) => a + s.amount, 0);
    return render(c, (lang) => textOf(lang, project.title), ({ lang }) => html`
<h1 class="kern-heading-x-large">${textOf(lang, project.title)}</h1>
${project.description ? html`<p class="kern-body">${textOf(lang, project.description)}</p>` : ''}
<table class="kern-table">
  <caption class="kern-title">${pilotsText(lang, 'shares')}: ${formatEuro(lang, result.total)}</caption>
  <thead class="kern-table__header"><tr><th scope="col">${pilotsText(lang, 'participant')}</th><th scope="col" class="kern-table__header--numeric">${pilotsText(lang, 'amount')}</th><th scope="col">${pilotsText(lang, 'explanation')}</th></tr></thead>
  <tbody class="kern-table__body">${result.shares.map((s) => html`<tr><th scope="row">${project.participants.find((p) => p.id === s.id)?.name ?? s.id}</th><td class="kern-table__cell--numeric">${formatEuro(lang, s.amount)}</td><td>${s.explanation[lang]}</td></tr>`)}
  <tr><th scope="row">${pilotsText(lang, 'sum')}</th><td class="kern-table__cell--numeric">${formatEuro(lang, sum)}</td><td>${sum === result.total ? pilotsText(lang, 'equalsTheTotalExactly') : ''}</td></tr></tbody>
</table>
<h2 class="kern-heading-medium">${pilotsText(lang, 'howItWasComputed')}</h2>
<ul class="kern-list">${result.explanation.map((e) => html`<li>${e[lang]}</li>`)}</ul>
<h2 class="kern-heading-medium">${pilotsText(lang, 'tryAnotherTotalOr')}</h2>
<form method="get" action="/kostenteilung/${project.id}" class="stack">
  <div class="kern-form-input"><label class="kern-label" for="summe">${pilotsText(lang, 'totalInEuro')}</label><input class="kern-form-input__input" id="summe" name="summe" inputmode="decimal" value="${(euros / 100).toFixed(2)}"></div>
  <fieldset class="kern-fieldset"><legend class="kern-label">${pilotsText(lang, 'participants')}</legend><div class="kern-fieldset__body">
  ${project.participants.map((p) => html`<div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="p-${p.id}" name="teilnehmer" value="${p.id}"${participants.some((x) => x.id === p.id) ? raw(' checked') : ''}><label class="kern-label" for="p-${p.id}">${p.name ?? p.id}</label></div>`)}
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${pilotsText(lang, 'compute')}</span></button>
</form>`);
  });
}
