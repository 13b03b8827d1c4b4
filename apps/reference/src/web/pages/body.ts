import { chairFor, type CompositionReport } from '@foederal/membership';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { composition, getBody, membersOf, rulesOf } from '../../domain/body.js';
import { pick, t, type Lang } from '../i18n.js';
import { memberLabel } from '../labels.js';
import type { Markup } from '../layout.js';
import { render, type Routes } from '../routing.js';

/** A horizontal bar chart of voting and advisory seats per level, as SVG with a text alternative. */
export function seatChart(report: CompositionReport, lang: Lang): Markup {
  const rows = report.seats.filter((s) => s.voting + s.advisory > 0);
  const max = Math.max(1, ...rows.map((s) => s.voting + s.advisory));
  const barWidth = 300;
  const rowHeight = 34;
  const height = rows.length * rowHeight + 10;
  const title = lang === 'de' ? 'Sitze je Ebene: stimmberechtigt und beratend' : 'Seats per level: voting and advisory';
  const desc = rows
    .map((s) => `${pick(lang, s.label)}: ${s.voting} ${lang === 'de' ? 'stimmberechtigt' : 'voting'}, ${s.advisory} ${lang === 'de' ? 'beratend' : 'advisory'}`)
    .join('; ');
  const bars = rows.map((s, i) => {
    const y = i * rowHeight + 5;
    const wv = (s.voting / max) * barWidth;
    const wa = (s.advisory / max) * barWidth;
    const cls = s.level === 'federal' || s.level === 'state' || s.level === 'municipality' ? s.level : 'advisory';
    return raw(`<text x="0" y="${y + 20}">${pick(lang, s.label).replace(/[<&]/g, '')}</text>
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
<figcaption class="kern-body--small">${lang === 'de' ? 'Volle Balken: stimmberechtigte Sitze; helle Balken: beratende Sitze. Die Tabelle unten enthält dieselben Zahlen.' : 'Solid bars: voting seats; light bars: advisory seats. The table below holds the same figures.'}</figcaption>
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
<h1 class="kern-heading-x-large">${pick(lang, body.organizations[0]?.name ?? { de: t(lang, 'navBody') })}</h1>
<p class="kern-body">${lang === 'de' ? 'Geschäftsordnung' : 'Rules of procedure'}: <strong>${pick(lang, rules.name)}</strong>. ${lang === 'de' ? 'Vorsitz derzeit' : 'Chair currently'}: <strong>${chair.startsWith('DE-') ? chair : memberLabel('chairLevel', chair, lang)}</strong>.</p>
<h2 class="kern-heading-medium">${lang === 'de' ? 'Sitzverteilung' : 'Seat balance'}</h2>
${seatChart(report, lang)}
<table class="kern-table">
  <caption class="kern-title">${lang === 'de' ? 'Sitze je Ebene' : 'Seats per level'}</caption>
  <thead class="kern-table__header"><tr><th scope="col">${lang === 'de' ? 'Ebene' : 'Level'}</th><th scope="col" class="kern-table__header--numeric">${lang === 'de' ? 'stimmberechtigt' : 'voting'}</th><th scope="col" class="kern-table__header--numeric">${lang === 'de' ? 'beratend' : 'advisory'}</th></tr></thead>
  <tbody class="kern-table__body">${report.seats.map((s) => html`<tr><th scope="row">${pick(lang, s.label)}</th><td class="kern-table__cell--numeric">${s.voting}</td><td class="kern-table__cell--numeric">${s.advisory}</td></tr>`)}</tbody>
</table>
${report.ok
  ? html`<p class="kern-body">${lang === 'de' ? 'Die Zusammensetzung entspricht der Geschäftsordnung.' : 'The composition complies with the rules of procedure.'}</p>`
  : html`<h3 class="kern-heading-small">${lang === 'de' ? 'Abweichungen von der Geschäftsordnung' : 'Deviations from the rules of procedure'}</h3><ul class="kern-list">${report.violations.map((v) => html`<li>${v[lang]} <code>${v.code}</code></li>`)}</ul>`}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Mitglieder des Plenums' : 'Members of the plenary'}</h2>
<table class="kern-table kern-table--striped">
  <thead class="kern-table__header"><tr><th scope="col">${lang === 'de' ? 'Für' : 'On behalf of'}</th><th scope="col">${lang === 'de' ? 'Person' : 'Person'}</th><th scope="col">${lang === 'de' ? 'Ebene' : 'Level'}</th><th scope="col">${lang === 'de' ? 'Mitgliedschaft' : 'Membership'}</th></tr></thead>
  <tbody class="kern-table__body">${members.map((m) => html`<tr><td>${pick(lang, m.jurisdiction.name)}</td><td>${m.personName}</td><td>${memberLabel('memberLevel', m.level, lang)}</td><td>${memberLabel('membershipKind', m.membership.kind, lang)}${m.membership.role === 'chair' ? html` (${memberLabel('membershipRole', 'chair', lang)})` : ''}</td></tr>`)}</tbody>
</table>
<h2 class="kern-heading-medium">${lang === 'de' ? 'Organe' : 'Organs'}</h2>
<ul class="kern-list">${body.organizations.map((o) => html`<li>${pick(lang, o.name)} (${memberLabel('organizationClassification', o.classification, lang)})</li>`)}</ul>
<p class="kern-body--small">${lang === 'de' ? 'Maschinenlesbar' : 'Machine-readable'}: <a class="kern-link" href="/oparl/v1/body/arbeitskreis">OParl 1.1</a> · <a class="kern-link" href="/api/v1/body">JSON</a></p>`);
  });
}
