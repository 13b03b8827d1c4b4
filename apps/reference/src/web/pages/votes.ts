import type { DecisionResult } from '@foederal/membership';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import { getBody, membersOf } from '../../domain/body.js';
import { pageNumberOf } from '../../domain/paging.js';
import { recommendationChoices } from '../../domain/recommendations.js';
import { getVote, listVotes, recordVote } from '../../domain/votes.js';
import { AppError } from '../../errors.js';
import { formatDate, textOf, t, type Language } from '../i18n.js';
import { memberLabel } from '../labels.js';
import { csrfField, type Markup } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { formOf, render, type Routes } from '../routing.js';
import { votesText } from '../strings/votes.js';

/** Counts per level and option, the outcome and every reason from `evaluateDecision`. */
export function resultView(result: DecisionResult, lang: Language): Markup {
  const groups = [...new Set(result.counts.filter((x) => x.group).map((x) => x.group?.id as string))];
  const options = ['yes', 'no', 'abstain', 'absent'] as const;
  const value = (option: string, group?: string) => result.counts.find((x) => x.option === option && (group ? x.group?.id === group : !x.group))?.value ?? 0;
  return html`
<p class="kern-heading-medium ${result.result === 'pass' ? 'result-pass' : 'result-fail'}">${memberLabel(lang, 'decisionOutcome', result.result)}${result.quorate ? '' : ` – ${votesText(lang, 'notQuorate')}`}</p>
<table class="kern-table">
  <caption class="kern-title">${votesText(lang, 'votesPerLevel')}</caption>
  <thead class="kern-table__header"><tr><th scope="col">${votesText(lang, 'level')}</th>${options.map((o) => html`<th scope="col" class="kern-table__header--numeric">${memberLabel(lang, 'countOption', o)}</th>`)}</tr></thead>
  <tbody class="kern-table__body">
    ${groups.map((g) => html`<tr><th scope="row">${memberLabel(lang, 'memberLevel', g)}</th>${options.map((o) => html`<td class="kern-table__cell--numeric">${value(o, g)}</td>`)}</tr>`)}
    <tr><th scope="row">${votesText(lang, 'total')}</th>${options.map((o) => html`<td class="kern-table__cell--numeric">${value(o)}</td>`)}</tr>
  </tbody>
</table>
<h2 class="kern-heading-medium">${votesText(lang, 'explanationUnderTheRules')}</h2>
<ul class="kern-list">${result.reasons.map((r) => html`<li>${r.satisfied === undefined ? '' : r.satisfied ? votesText(lang, 'met') : votesText(lang, 'notMet')}${r[lang]}</li>`)}</ul>`;
}

/** Votes: the list, one result with its explanation, and the secretariat's form to record one. */
export function votePages(ctx: AppContext, routes: Routes): void {
  routes.get('/abstimmungen', 'public', async (c) => {
    const url = new URL(c.req.url);
    const result = await listVotes(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const votes = result.items.map((d) => ({ id: d.id, v: d.data }));
    const canRecord = c.get('role') === 'secretariat' || c.get('role') === 'admin';
    return render(c, (lang) => t(lang, 'navVotes'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${t(lang, 'navVotes')}</h1>
${canRecord ? html`<p><a class="kern-btn kern-btn--secondary" href="/abstimmungen/neu"><span class="kern-label">${votesText(lang, 'recordAVote')}</span></a></p>` : ''}
<table class="kern-table kern-table--striped">
  <thead class="kern-table__header"><tr><th scope="col">${votesText(lang, 'decision')}</th><th scope="col">${votesText(lang, 'date')}</th><th scope="col">${votesText(lang, 'subject')}</th><th scope="col">${votesText(lang, 'result')}</th></tr></thead>
  <tbody class="kern-table__body">${votes.map(({ id, v }) => html`<tr><td><a class="kern-link" href="/abstimmungen/${id}">${v.decision.id}</a></td><td>${formatDate(lang, v.decision.date)}</td><td>${textOf(lang, v.title)}</td><td>${memberLabel(lang, 'decisionOutcome', v.result.result)}</td></tr>`)}</tbody>
</table>
${pager(lang, '/abstimmungen', url.searchParams, result)}`);
  });

  routes.get('/abstimmungen/neu', 'secretariat', async (c) => {
    const body = (await getBody(ctx.repo)).data;
    const today = ctx.now().toISOString().slice(0, 10);
    const members = membersOf(body, today).filter((m) => m.membership.kind !== 'guest');
    const recs = await recommendationChoices(ctx.repo);
    return render(c, (lang) => votesText(lang, 'recordAVote'), (page) => {
      const { lang } = page;
      return html`
<h1 class="kern-heading-x-large">${votesText(lang, 'recordAVote')}</h1>
<form method="post" action="/abstimmungen/neu" class="stack">
  ${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="title">${votesText(lang, 'subject')}</label><input class="kern-form-input__input" id="title" name="title" required maxlength="300"></div>
  <div class="kern-form-input"><label class="kern-label" for="motionKind">${votesText(lang, 'kindOfMotion')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="motionKind" name="motionKind">
    ${['recommendation', 'procedural'].map((k) => html`<option value="${k}">${memberLabel(lang, 'motionKind', k)}</option>`)}</select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="date">${votesText(lang, 'date')}</label><input class="kern-form-input__input" id="date" name="date" type="date" value="${today}" required></div>
  <div class="kern-form-input"><label class="kern-label" for="recommendation">${votesText(lang, 'recommendationOptional')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="recommendation" name="recommendation"><option value="">–</option>
    ${recs.map((r) => html`<option value="${r.id}">${r.number} ${textOf(lang, r.shortTitle)} ${r.edition}</option>`)}</select></div></div>
  <table class="kern-table">
    <caption class="kern-title">${votesText(lang, 'presenceAndBallots')}</caption>
    <thead class="kern-table__header"><tr><th scope="col">${votesText(lang, 'member')}</th><th scope="col">${votesText(lang, 'present')}</th><th scope="col">${votesText(lang, 'ballot')}</th></tr></thead>
    <tbody class="kern-table__body">${members.map((m) => html`<tr><th scope="row">${textOf(lang, m.jurisdiction.name)} (${memberLabel(lang, 'membershipKind', m.membership.kind)})</th>
      <td><div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="present-${m.membership.id}" name="present-${m.membership.id}" value="1" checked><label class="kern-label" for="present-${m.membership.id}"><span class="kern-sr-only">${textOf(lang, m.jurisdiction.name)} </span>${votesText(lang, 'present')}</label></div></td>
      <td>${m.membership.votingRight ? html`<div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" name="ballot-${m.membership.id}" aria-label="${votesText(lang, 'ballot')} ${textOf(lang, m.jurisdiction.name)}">
        <option value="yes">${memberLabel(lang, 'ballotOption', 'yes')}</option><option value="no">${memberLabel(lang, 'ballotOption', 'no')}</option><option value="abstain">${memberLabel(lang, 'ballotOption', 'abstain')}</option><option value="">${votesText(lang, 'none')}</option></select></div>` : html`<span class="kern-body--small">${votesText(lang, 'noVote')}</span>`}</td></tr>`)}</tbody>
  </table>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${votesText(lang, 'evaluateAndSave')}</span></button>
</form>`;
    });
  });

  routes.post('/abstimmungen/neu', 'secretariat', async (c) => {
    const form = await formOf(c);
    const title = (form['title'] ?? '').trim();
    if (!title) throw new AppError('validation', 'Gegenstand fehlt / subject missing');
    const present = Object.keys(form).filter((k) => k.startsWith('present-')).map((k) => k.slice('present-'.length));
    const ballots: Record<string, 'yes' | 'no' | 'abstain'> = {};
    for (const [k, v] of Object.entries(form)) {
      const id = k.slice('ballot-'.length);
      if (k.startsWith('ballot-') && present.includes(id) && (v === 'yes' || v === 'no' || v === 'abstain')) ballots[id] = v;
    }
    const date = /^\d{4}-\d{2}-\d{2}$/.test(form['date'] ?? '') ? (form['date'] as string) : ctx.now().toISOString().slice(0, 10);
    const doc = await recordVote(ctx.repo, { title: { de: title }, motionKind: form['motionKind'] === 'recommendation' ? 'recommendation' : 'procedural', date, recommendation: form['recommendation'] || undefined, present, ballots });
    return c.redirect(`/abstimmungen/${doc.id}`, 303);
  });

  routes.get('/abstimmungen/:id', 'public', async (c) => {
    const v = (await getVote(ctx.repo, c.req.param('id') ?? '')).data;
    return render(c, (lang) => `${votesText(lang, 'decision')} ${v.decision.id}`, ({ lang }) => html`
<p class="kern-preline">${votesText(lang, 'decision')} ${v.decision.id} · ${formatDate(lang, v.decision.date)}</p>
<h1 class="kern-heading-x-large">${textOf(lang, v.title)}</h1>
<p class="kern-body">${memberLabel(lang, 'motionKind', v.motionKind)}${v.recommendation ? html` · <a class="kern-link" href="/empfehlungen/${v.recommendation}">${v.recommendation}</a>` : ''}</p>
${resultView(v.result, lang)}
<p class="kern-body--small">${v.scenario ? votesText(lang, 'evaluatedFromBallots') : votesText(lang, 'importedDecision')}
<a class="kern-link" href="/api/v1/decisions/${v.decision.id}">JSON</a></p>`);
  });
}
