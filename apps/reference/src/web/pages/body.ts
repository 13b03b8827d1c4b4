import { chairFor, type CompositionReport } from '@foederal/membership';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { composition, getBody, membersOf, rulesOf } from '../../domain/body.js';
import { textOf, t, type Language } from '../i18n.js';
import { memberLabel } from '../labels.js';
import type { Markup } from '../layout.js';
import { render, type Routes } from '../routing.js';
import { bodyText } from '../strings/body.js';

/** A horizontal bar chart of voting and advisory seats per level, as SVG with a text alternative. */
export function seatChart(report: CompositionReport, lang: Language): Markup {
  const rows = report.seats.filter((s) => s.voting + s.advisory > 0);
  const max = Math.max(1, ...rows.map((s) => s.voting + s.advisory));
  const barWidth = 300;
  const rowHeight = 34;
  const height = rows.length * rowHeight + 10;
  const title = bodyText(lang, 'seatsPerLevelVoting');
  const desc = rows
    .map((s) => `${textOf(lang, s.label)}: ${s.voting} ${bodyText(lang, 'voting')}, ${s.advisory} ${bodyText(lang, 'advisory')}`)
    .join('; ');
  const bars = rows.map((s, i) => {
    const y = i * rowHeight + 5;
    const wv = (s.voting / max) * barWidth;
    const wa = (s.advisory / max) * barWidth;
    const cls = s.level === 'federal' || s.level === 'state' || s.level === 'municipality' ? s.level : 'advisory';
    return raw(`<text x="0" y="${y + 20}">${textOf(lang, s.label).replace(/[<&]/g, '')}</text>
<rect class="${cls}" x="170" y="${y + 4}" width="${wv.toFixed(1)}" height="22"></rect>
<rect class="advisory" x="${(170 + wv).toFixed(1)}" y="${y + 4}" width="${wa.toFixed(1)}" height="22" opacity="0.6"></rect>
<text x="${(176 + wv + wa).toFixed(1)}" y="${y + 20}">${s.voting}${s.advisory ? ` + ${s.advisory}` : ''}</text>`);
  });
  return html`<figure class="chart">
<svg role="img" aria-labelledby="seat-chart-title seat-chart-desc" viewBox="0 0 520 ${height}" width="100%">
<title id="seat-chart-title">${title}</title>
<desc id="seat-chart-desc">${desc}</desc>
${bars}
</svg>
<figcaption class="kern-body--small">${bodyText(lang, 'solidBarsVotingSeats')}</figcaption>
</figure>`;
}

/** The body: members by level, seat balance (chart and table), violations, chair and rules. */
export function bodyPage(ctx: AppContext, routes: Routes): void {
  routes.get('/arbeitskreis', 'public', async (c) => {
    const body = (await getBody(ctx.repo)).data;
    const today = ctx.now().toISOString().slice(0, 10);
    const report = composition(body, today);
    const rules = rulesOf(body);
    const members = membersOf(body, today);
    const chair = chairFor({ rules, date: today });
    return render(c, (lang) => t(lang, 'navBody'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${textOf(lang, body.organizations[0]?.name ?? { de: t(lang, 'navBody') })}</h1>
<p class="kern-body">${bodyText(lang, 'rulesOfProcedure')}: <strong>${textOf(lang, rules.name)}</strong>. ${bodyText(lang, 'chairCurrently')}: <strong>${chair.startsWith('DE-') ? chair : memberLabel(lang, 'chairLevel', chair)}</strong>.</p>
<h2 class="kern-heading-medium">${bodyText(lang, 'seatBalance')}</h2>
${seatChart(report, lang)}
<table class="kern-table">
  <caption class="kern-title">${bodyText(lang, 'seatsPerLevel')}</caption>
  <thead class="kern-table__header"><tr><th scope="col">${bodyText(lang, 'level')}</th><th scope="col" class="kern-table__header--numeric">${bodyText(lang, 'voting')}</th><th scope="col" class="kern-table__header--numeric">${bodyText(lang, 'advisory')}</th></tr></thead>
  <tbody class="kern-table__body">${report.seats.map((s) => html`<tr><th scope="row">${textOf(lang, s.label)}</th><td class="kern-table__cell--numeric">${s.voting}</td><td class="kern-table__cell--numeric">${s.advisory}</td></tr>`)}</tbody>
</table>
${report.ok
  ? html`<p class="kern-body">${bodyText(lang, 'theCompositionCompliesWith')}</p>`
  : html`<h3 class="kern-heading-small">${bodyText(lang, 'deviationsFromTheRules')}</h3><ul class="kern-list">${report.violations.map((v) => html`<li>${v[lang]} <code>${v.code}</code></li>`)}</ul>`}
<h2 class="kern-heading-medium">${bodyText(lang, 'membersOfThePlenary')}</h2>
<table class="kern-table kern-table--striped">
  <thead class="kern-table__header"><tr><th scope="col">${bodyText(lang, 'onBehalfOf')}</th><th scope="col">${bodyText(lang, 'person')}</th><th scope="col">${bodyText(lang, 'level')}</th><th scope="col">${bodyText(lang, 'membership')}</th></tr></thead>
  <tbody class="kern-table__body">${members.map((m) => html`<tr><td>${textOf(lang, m.jurisdiction.name)}</td><td>${m.personName}</td><td>${memberLabel(lang, 'memberLevel', m.level)}</td><td>${memberLabel(lang, 'membershipKind', m.membership.kind)}${m.membership.role === 'chair' ? html` (${memberLabel(lang, 'membershipRole', 'chair')})` : ''}</td></tr>`)}</tbody>
</table>
<h2 class="kern-heading-medium">${bodyText(lang, 'organs')}</h2>
<ul class="kern-list">${body.organizations.map((o) => html`<li>${textOf(lang, o.name)} (${memberLabel(lang, 'organizationClassification', o.classification)})</li>`)}</ul>
<p class="kern-body--small">${bodyText(lang, 'machineReadable')}: <a class="kern-link" href="/oparl/v1/body/arbeitskreis">OParl 1.1</a> · <a class="kern-link" href="/api/v1/body">JSON</a></p>`);
  });
}
