import { allowedEvents, type Contribution, type ExperienceReport } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import { createApiToken, createUser } from '../../auth/session.js';
import { isRole, roleLabels, roles } from '../../auth/roles.js';
import type { AppContext } from '../../context.js';
import { listUsers } from '../../auth/accounts.js';
import { disposeContribution } from '../../domain/consultations.js';
import { openStandardConsultation } from '../../domain/drafts.js';
import { secretariatOverview } from '../../domain/overview.js';
import { pageNumberOf } from '../../domain/paging.js';
import { createPilot, reviewReport } from '../../domain/pilots.js';
import { applyEvent, createRecommendation } from '../../domain/recommendations.js';
import { getDecision } from '../../domain/votes.js';
import { AppError } from '../../errors.js';
import { textOf, t } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { alert, csrfField } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { formOf, render, type Routes } from '../routing.js';
import { adminText, adminPair } from '../strings/admin.js';

const dispositionStates = ['published', 'in-review', 'accepted', 'partially-accepted', 'rejected', 'withdrawn'];

/** Secretariat pages: answer contributions, review experience reports, move recommendations, issue API tokens, manage users. */
export function adminPages(ctx: AppContext, routes: Routes): void {
  routes.get('/verwaltung', 'secretariat', async (c) => {
    const url = new URL(c.req.url);
    const overview = await secretariatOverview(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const { pending, reports, decisions } = overview;
    const recs = overview.recommendations.items.map((d) => d.data);
    const isAdmin = c.get('role') === 'admin';
    const users = isAdmin ? await listUsers(ctx) : [];
    return render(c, (lang) => t(lang, 'navAdmin'), (page) => {
      const { lang } = page;
      return html`
<h1 class="kern-heading-x-large">${t(lang, 'navAdmin')}</h1>
<nav aria-label="${adminText(lang, 'secretariat')}"><ul class="kern-list kern-list--horizontal filters">
  <li><a class="kern-link" href="/verwaltung/gremium">${adminText(lang, 'bodyAndMembers')}</a></li>
  <li><a class="kern-link" href="/verwaltung/empfehlungen">${adminText(lang, 'recommendationDrafts')}</a></li>
  <li><a class="kern-link" href="/verwaltung/konsultationen">${adminText(lang, 'consultationsAndContributions')}</a></li>
  <li><a class="kern-link" href="/verwaltung/sitzungen">${adminText(lang, 'meetingsAndVotes')}</a></li>
</ul></nav>
${c.req.query('ok') ? alert('success', adminText(lang, 'saved')) : ''}
<h2 class="kern-heading-medium">${adminText(lang, 'answerContributions')} (${overview.pendingTotal})</h2>
${pending.map(({ storeId, c: x }) => html`<form method="post" action="/verwaltung/beitraege" class="kern-card stack"><div class="kern-card__container">
  ${csrfField(page)}<input type="hidden" name="id" value="${storeId}">
  <p class="kern-body contribution-text">${textOf(lang, x.text)}</p>
  <p class="kern-body--small">${adminText(lang, 'section')} ${x.anchor.section} · ${recommendationLabel(lang, 'contribution', x.state)}</p>
  <div class="kern-form-input"><label class="kern-label" for="state-${x.id}">${adminText(lang, 'newState')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="state-${x.id}" name="state">
    ${dispositionStates.map((s) => html`<option value="${s}">${recommendationLabel(lang, 'contribution', s)}</option>`)}</select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="reason-${x.id}">${adminText(lang, 'reasonForADisposition')}</label><textarea class="kern-form-input__input" id="reason-${x.id}" name="reason" rows="2"></textarea></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${adminText(lang, 'save')}</span></button>
</div></form>`)}
<h2 class="kern-heading-medium">${adminText(lang, 'reviewExperienceReports')} (${overview.reportsTotal})</h2>
${reports.map((r) => html`<form method="post" action="/verwaltung/berichte" class="kern-card stack"><div class="kern-card__container">
  ${csrfField(page)}<input type="hidden" name="pilot" value="${r.pilot}"><input type="hidden" name="report" value="${r.id}">
  <p class="kern-body"><strong>${textOf(lang, r.title)}</strong> – ${r.author.organisation} (<a class="kern-link" href="/pilotvorhaben/${r.pilot}">${r.pilot}</a>)</p>
  <div class="kern-form-input"><label class="kern-label" for="decision-${r.id}">${adminText(lang, 'decision')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="decision-${r.id}" name="decision"><option value="published">${adminText(lang, 'decisionPublish')}</option><option value="rejected">${adminText(lang, 'reject')}</option></select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="rreason-${r.id}">${adminText(lang, 'reasonWhenRejecting')}</label><input class="kern-form-input__input" id="rreason-${r.id}" name="reason"></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${adminText(lang, 'save')}</span></button>
</div></form>`)}
<h2 class="kern-heading-medium">${adminText(lang, 'lifecycleOfRecommendations')}</h2>
<table class="kern-table">
<thead class="kern-table__header"><tr><th scope="col">${adminText(lang, 'recommendation')}</th><th scope="col">${adminText(lang, 'status')}</th><th scope="col">${adminText(lang, 'nextStep')}</th></tr></thead>
<tbody class="kern-table__body">${recs.map((r) => {
  const events = (allowedEvents as Record<string, readonly string[]>)[r.status.state] ?? [];
  const options = [
    events.includes('open-consultation') ? html`<option value="open-consultation">${adminText(lang, 'openConsultation6Weeks')}</option>` : '',
    events.includes('close-consultation') ? html`<option value="close-consultation">${adminText(lang, 'closeConsultation')}</option>` : '',
    events.includes('publish') ? html`<option value="publish">${adminText(lang, 'publishStep')}</option>` : '',
    ...(events.includes('adopt') ? decisions.filter((d) => d.recommendation === r.id || !d.recommendation).map((d) => html`<option value="adopt:${d.decision.id}">${adminText(lang, 'adoptWith')} ${d.decision.id}</option>`) : []),
    events.includes('withdraw') ? html`<option value="withdraw">${adminText(lang, 'withdraw')}</option>` : '',
  ];
  return html`<tr><td><a class="kern-link" href="/empfehlungen/${r.id}">${r.number} ${textOf(lang, r.shortTitle)} ${r.edition}</a></td><td>${recommendationLabel(lang, 'state', r.status.state)}</td><td>
  <form method="post" action="/verwaltung/empfehlungen" class="filters">${csrfField(page)}<input type="hidden" name="id" value="${r.id}">
  <div class="kern-form-input"><label class="kern-label kern-sr-only" for="event-${r.id}">${adminText(lang, 'stepFor')} ${r.id}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="event-${r.id}" name="event"><option value="">–</option>${options}</select></div></div>
  <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit"><span class="kern-label">${adminText(lang, 'apply')}</span></button></form></td></tr>`;
})}</tbody></table>
${pager(lang, '/verwaltung', url.searchParams, overview.recommendations)}
<h2 class="kern-heading-medium">${adminText(lang, 'advancedImportARecord')}</h2>
<p class="kern-body">${adminText(lang, 'forDailyWorkUse')} <a class="kern-link" href="/verwaltung/pilotvorhaben/neu">${adminText(lang, 'newPilot')}</a> · <a class="kern-link" href="/verwaltung/gemeinschaftsvorhaben/neu">${adminText(lang, 'newJointProject')}</a></p>
<p class="kern-body">${adminText(lang, 'aRecommendationOrA')}</p>
<form method="post" action="/verwaltung/anlegen" class="stack">${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="kind">${adminText(lang, 'kind')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="kind" name="kind"><option value="recommendation">${adminText(lang, 'recommendation')}</option><option value="pilot">${adminText(lang, 'pilot')}</option></select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="record">JSON</label><textarea class="kern-form-input__input" id="record" name="record" rows="8" required></textarea></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${adminText(lang, 'validateAndCreate')}</span></button></form>
<h2 class="kern-heading-medium">${adminText(lang, 'apiTokens')}</h2>
<form method="post" action="/verwaltung/token" class="filters">${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="label">${adminText(lang, 'purpose')}</label><input class="kern-form-input__input" id="label" name="label" required maxlength="100"></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${adminText(lang, 'createToken')}</span></button></form>
${isAdmin ? html`<h2 class="kern-heading-medium">${adminText(lang, 'userAccounts')}</h2>
<ul class="kern-list">${users.map((u) => html`<li>${u.username} – ${u.display_name} (${isRole(u.role) ? roleLabels[u.role][lang] : u.role})</li>`)}</ul>
<form method="post" action="/verwaltung/benutzer" class="stack">${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="new-username">${t(lang, 'username')}</label><input class="kern-form-input__input" id="new-username" name="username" required pattern="[a-z0-9._-]{3,40}" autocomplete="off"></div>
  <div class="kern-form-input"><label class="kern-label" for="new-display">${adminText(lang, 'displayName')}</label><input class="kern-form-input__input" id="new-display" name="displayName" required></div>
  <div class="kern-form-input"><label class="kern-label" for="new-role">${adminText(lang, 'role')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="new-role" name="role">${roles.filter((r) => r !== 'public').map((r) => html`<option value="${r}">${roleLabels[r][lang]}</option>`)}</select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="new-password">${t(lang, 'password')}</label><input class="kern-form-input__input" id="new-password" name="password" type="password" required minlength="12" autocomplete="new-password"></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${adminText(lang, 'createAccount')}</span></button></form>` : ''}
${raw('')}`;
    });
  });

  routes.post('/verwaltung/beitraege', 'secretariat', async (c) => {
    const form = await formOf(c);
    const [consultationId, contributionId] = (form['id'] ?? '').split('/');
    const state = form['state'] ?? '';
    if (!consultationId || !contributionId || !dispositionStates.includes(state)) throw new AppError('validation', 'Ungültige Angaben / invalid input');
    const reason = (form['reason'] ?? '').trim();
    const answeredAt = ctx.now().toISOString();
    const needsDisposition = ['accepted', 'partially-accepted', 'rejected'].includes(state);
    if (needsDisposition && !reason) throw new AppError('validation', 'Begründung fehlt / reason missing');
    await disposeContribution(ctx.repo, consultationId, contributionId, undefined, {
      state: state as Contribution['state'],
      ...(needsDisposition ? { disposition: { reason: { de: reason }, answeredAt, publishedAt: answeredAt } } : {}),
    });
    return c.redirect('/verwaltung?ok=1', 303);
  });

  routes.post('/verwaltung/berichte', 'secretariat', async (c) => {
    const form = await formOf(c);
    const date = ctx.now().toISOString().slice(0, 10);
    const status: ExperienceReport['status'] =
      form['decision'] === 'rejected' ? { state: 'rejected', date, reason: { de: (form['reason'] ?? '').trim() || 'ohne Begründung' } } : { state: 'published', date };
    await reviewReport(ctx.repo, form['pilot'] ?? '', form['report'] ?? '', undefined, status);
    return c.redirect('/verwaltung?ok=1', 303);
  });

  routes.post('/verwaltung/empfehlungen', 'secretariat', async (c) => {
    const form = await formOf(c);
    const id = form['id'] ?? '';
    const event = form['event'] ?? '';
    if (event === 'open-consultation') {
      await openStandardConsultation(ctx.repo, id, ctx.now(), (rec) => ({
        title: { de: `Konsultation zum Entwurf „${rec.shortTitle.de} ${rec.edition}“`, en: `Consultation on the draft "${rec.shortTitle.en ?? rec.shortTitle.de} ${rec.edition}"` },
        sections: [{ anchor: '1', title: adminPair('wholeDraft') }],
      }));
    } else if (event === 'publish') await applyEvent(ctx.repo, id, undefined, { type: 'publish' }, ctx.now());
    else if (event === 'close-consultation') await applyEvent(ctx.repo, id, undefined, { type: 'close-consultation' }, ctx.now());
    else if (event === 'withdraw') await applyEvent(ctx.repo, id, undefined, { type: 'withdraw', reason: adminPair('withdrawnBySecretariat') }, ctx.now());
    else if (event.startsWith('adopt:')) {
      const vote = await getDecision(ctx.repo, event.slice('adopt:'.length));
      await applyEvent(ctx.repo, id, undefined, { type: 'adopt', decision: vote.data.decision }, ctx.now());
    } else throw new AppError('validation', 'Kein Schritt gewählt / no step chosen');
    return c.redirect('/verwaltung?ok=1', 303);
  });

  routes.post('/verwaltung/anlegen', 'secretariat', async (c) => {
    const form = await formOf(c);
    let value: unknown;
    try {
      value = JSON.parse(form['record'] ?? '');
    } catch (error) {
      throw new AppError('bad-request', `Kein gültiges JSON / not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const doc = form['kind'] === 'pilot' ? await createPilot(ctx.repo, value) : await createRecommendation(ctx.repo, value);
      return c.redirect(form['kind'] === 'pilot' ? `/pilotvorhaben/${doc.id}` : `/empfehlungen/${doc.id}`, 303);
    } catch (error) {
      if (!(AppError.isInstance(error) && error.code === 'validation')) throw error;
      const errors = ((error.details?.['errors'] ?? []) as Array<{ path: string; message: string }>).slice(0, 50);
      return render(c, (lang) => adminText(lang, 'invalidRecord'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${adminText(lang, 'invalidRecord')}</h1>
${alert('danger', adminText(lang, 'errorS', { length: errors.length }))}
<ul class="kern-list">${errors.map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}</ul>
<p><a class="kern-link" href="/verwaltung">${t(lang, 'navAdmin')}</a></p>`, 422);
    }
  });

  routes.post('/verwaltung/token', 'secretariat', async (c) => {
    const form = await formOf(c);
    const label = (form['label'] ?? '').trim().slice(0, 100);
    if (!label) throw new AppError('validation', 'Verwendungszweck fehlt / purpose missing');
    const secret = await createApiToken(ctx.repo, c.get('user')?.id ?? '', label);
    // Shown once in the response body, never in a URL (no logs, no Referer).
    return render(c, (lang) => adminText(lang, 'apiToken'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${adminText(lang, 'newApiToken')}</h1>
${alert('info', adminText(lang, 'theTokenIsShown'))}
<p class="kern-body"><label class="kern-label" for="token">${label}</label></p>
<input class="kern-form-input__input" id="token" readonly value="${secret}">
<p><a class="kern-link" href="/verwaltung">${t(lang, 'navAdmin')}</a></p>`);
  });

  routes.post('/verwaltung/benutzer', 'admin', async (c) => {
    const form = await formOf(c);
    const username = form['username'] ?? '';
    const role = form['role'] ?? '';
    if (!/^[a-z0-9._-]{3,40}$/.test(username) || !isRole(role) || role === 'public' || (form['password'] ?? '').length < 12 || !(form['displayName'] ?? '').trim()) {
      throw new AppError('validation', 'Ungültige Angaben (Passwort mindestens 12 Zeichen) / invalid input (password at least 12 characters)');
    }
    await createUser(ctx.repo, { username, displayName: (form['displayName'] as string).trim(), role, password: form['password'] as string });
    return c.redirect('/verwaltung?ok=1', 303);
  });
}
