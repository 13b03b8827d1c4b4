import { findingsToCsv, lands, type Finding } from '@foederal/operation';
import { states } from '@foederal/membership';
import { html, raw } from 'hono/html';
import { hasRole } from '../../auth/roles.js';
import type { AppContext } from '../../context.js';
import { getModel, type ModelSummary } from '../../domain/models.js';
import {
  chartedFindings, edeLimitBytes, findingsDocument, getOperation, markSent, needsSending, operationChart, parseUsage, requestTrendCheck, storeEde,
  type OperationState, type TrendRun,
} from '../../domain/operation.js';
import { AppError } from '../../errors.js';
import { formatNumber, localeOf, type Language } from '../i18n.js';
import { alert, csrfField, type Markup, type PageContext } from '../layout.js';
import { render, type Routes } from '../routing.js';
import { operationText } from '../strings/operation.js';

/** Findings shown as cards and data points listed on the page; everything is in the open data. */
const shownFindings = 100;
const shownPoints = 500;

const berlin = (lang: Language, t: number) =>
  new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t));

const severityText = (lang: Language, s: Finding['severity']) => operationText(lang, s === 'critical' ? 'severityCritical' : s === 'warning' ? 'severityWarning' : 'severityInfo');

function findingView(f: Finding, n: number, svg: string | undefined, lang: Language): Markup {
  const shown = f.intervals.slice(0, 5);
  return html`<article class="kern-card" id="befund-${n}"><div class="kern-card__container">
<div class="kern-card__header"><h3 class="kern-title">${f.title[lang]}</h3></div>
<div class="kern-card__body">
<p class="kern-body">${f.explanation[lang]}</p>
<p class="kern-body--small">${operationText(lang, 'severity')}: ${severityText(lang, f.severity)} · ${operationText(lang, 'points')}: ${f.points.join(', ')}${f.wastedHours !== undefined ? ` · ${formatNumber(lang, f.wastedHours, 1)} ${operationText(lang, 'wastedHours')}` : ''}${f.wastedKwh !== undefined ? ` · ${formatNumber(lang, f.wastedKwh, 1)} ${operationText(lang, 'wastedKwh')}` : ''}</p>
<p class="kern-body--small">${operationText(lang, 'intervals')}: ${shown.map((i) => `${berlin(lang, i.start)} – ${berlin(lang, i.end)}`).join('; ')}${f.intervals.length > shown.length ? ` (+${f.intervals.length - shown.length} ${operationText(lang, 'moreIntervals')})` : ''}</p>
${svg ? html`<figure class="operation-chart">${raw(svg)}<figcaption class="kern-body--small">${operationText(lang, 'chartAlternative')}: <a class="kern-link" href="#befund-${n}-desc-text">${f.title[lang]}</a></figcaption></figure>
<p class="kern-body--small" id="befund-${n}-desc-text">${chartDescription(svg)}</p>` : ''}
</div></div></article>`;
}

/** The chart's own `<desc>` as visible text (the text alternative for everyone, not only screen readers). */
function chartDescription(svg: string): string {
  const m = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg);
  return (m?.[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function runView(state: OperationState, modelId: string, charts: readonly (string | undefined)[], lang: Language): Markup {
  const run = state.run;
  if (!run) return html`<p class="kern-body">${operationText(lang, 'noRun')}</p>`;
  // No automatic refresh (axe meta-refresh, WCAG 2.2.1): the reader asks for the state.
  if (run.state === 'queued') return html`<p class="kern-body" role="status">${operationText(lang, 'running')}</p><p><a class="kern-btn kern-btn--secondary" href="/gebaeudedaten/${modelId}/betrieb"><span class="kern-label">${operationText(lang, 'reload')}</span></a></p>`;
  if (run.state === 'failed') return alert('danger', operationText(lang, 'failed'), run.error ?? '');
  const r = run.report;
  return html`
<p class="kern-body">${run.source === 'demo' ? operationText(lang, 'demo') : run.fileName}${r?.from !== undefined && r.to !== undefined ? ` · ${operationText(lang, 'period')}: ${berlin(lang, r.from)} – ${berlin(lang, r.to)}` : ''} · ${formatNumber(lang, r?.points ?? 0)} ${operationText(lang, 'points')} · ${formatNumber(lang, r?.rejected ?? 0)} ${operationText(lang, 'rejected')}${r && r.rejected > 0 ? ` (${Object.entries(r.rejectedByReason).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}</p>
${r && r.unmatched.length > 0 ? html`<p class="kern-body--small">${operationText(lang, 'unmatched')}: ${r.unmatched.join(', ')}</p>` : ''}
<p class="kern-body">${operationText(lang, 'openData')}: <a class="kern-link" href="/gebaeudedaten/${modelId}/betrieb/befunde.json">JSON</a> · <a class="kern-link" href="/gebaeudedaten/${modelId}/betrieb/befunde.csv?lang=${lang}">CSV</a></p>
${run.findings.length === 0 ? alert('success', operationText(lang, 'none')) : html`<p class="kern-body" role="status">${formatNumber(lang, run.findings.length)} ${operationText(lang, 'findings')}</p>
<div class="stack">${run.findings.slice(0, shownFindings).map((f, n) => findingView(f, n, charts[n], lang))}</div>
${run.findings.length > shownFindings ? html`<p class="kern-body">${formatNumber(lang, run.findings.length - shownFindings)} ${operationText(lang, 'moreFindings')}</p>` : ''}
${run.findings.length > chartedFindings ? html`<p class="kern-body--small">${operationText(lang, 'noChart')}</p>` : ''}`}
${run.skipped.length > 0 ? html`<h3 class="kern-heading-small">${operationText(lang, 'skipped')}</h3><ul class="kern-list">${run.skipped.map((s) => html`<li><code>${s.rule}</code>: ${s.reason[lang]}</li>`)}</ul>` : ''}`;
}

function pointsView(state: OperationState, lang: Language): Markup {
  const ede = state.ede;
  if (!ede) return html`<p class="kern-body">${operationText(lang, 'noEde')}</p>`;
  return html`<p class="kern-body">${ede.project ? `${ede.project} · ` : ''}${ede.fileName} · ${formatNumber(lang, ede.points.length)} ${operationText(lang, 'points')}</p>
<table class="kern-table kern-table--small">
  <caption class="kern-title">${operationText(lang, 'dataPoints')}</caption>
  <thead class="kern-table__header"><tr><th scope="col">${operationText(lang, 'colName')}</th><th scope="col">${operationText(lang, 'colDescription')}</th><th scope="col">${operationText(lang, 'colObject')}</th><th scope="col">${operationText(lang, 'colRole')}</th></tr></thead>
  <tbody class="kern-table__body">${ede.points.slice(0, shownPoints).map((p) => html`<tr><td>${p.name}</td><td>${p.description ?? ''}</td><td>${p.objectType} ${p.instance}</td><td>${p.role ? html`<code>${p.role}</code>` : '–'}</td></tr>`)}</tbody>
</table>
${ede.points.length > shownPoints ? html`<p class="kern-body--small">${formatNumber(lang, ede.points.length - shownPoints)} ${operationText(lang, 'morePoints')}</p>` : ''}
${ede.rejected.length > 0 ? html`<h3 class="kern-heading-small">${operationText(lang, 'edeRejected')}</h3><ul class="kern-list">${ede.rejected.map((r) => html`<li>${operationText(lang, 'line')} ${r.line}: ${r.reason[lang]}</li>`)}</ul>` : ''}`;
}

function uploadForms(ctx: AppContext, page: PageContext, modelId: string, state: OperationState): Markup {
  const { lang } = page;
  const usage = state.run?.usage ?? { land: 'BY', from: '07:00', to: '16:00' };
  const mib = (bytes: number) => formatNumber(lang, bytes / 1024 / 1024, 0);
  return html`<h2 class="kern-heading-medium">${operationText(lang, 'upload')}</h2>
<form method="post" action="/gebaeudedaten/${modelId}/betrieb/ede" enctype="multipart/form-data" class="stack">
  ${csrfField(page)}
  <h3 class="kern-heading-small">${operationText(lang, 'uploadEde')}</h3>
  <div class="kern-form-input"><label class="kern-label" for="ede">${operationText(lang, 'edeFile')}</label><div class="kern-hint" id="ede-hint">${operationText(lang, 'edeHint')}</div>
    <input class="kern-form-input__input" id="ede" name="ede" type="file" accept=".csv,.txt" required aria-describedby="ede-hint"></div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${operationText(lang, 'submitEde')}</span></button>
</form>
${state.ede ? html`<form method="post" action="/gebaeudedaten/${modelId}/betrieb/trends" enctype="multipart/form-data" class="stack">
  ${csrfField(page)}
  <h3 class="kern-heading-small">${operationText(lang, 'uploadTrends')}</h3>
  <div class="kern-form-input"><label class="kern-label" for="trends">${operationText(lang, 'trendsFile')}</label><div class="kern-hint" id="trends-hint">${operationText(lang, 'atMostMib', { value: mib(ctx.config.uploadLimitBytes) })}</div>
    <input class="kern-form-input__input" id="trends" name="trends" type="file" accept=".csv,.txt" required aria-describedby="trends-hint"></div>
  <div class="kern-form-input"><label class="kern-label" for="land">${operationText(lang, 'land')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="land" name="land">
    ${lands.map((l) => html`<option value="${l}"${l === usage.land ? raw(' selected') : ''}>${states.find((s) => s.iso === `DE-${l}`)?.name ?? l}</option>`)}</select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="from">${operationText(lang, 'usageFrom')}</label><div class="kern-hint" id="usage-hint">${operationText(lang, 'usageHint')}</div><input class="kern-form-input__input" id="from" name="from" type="time" required value="${usage.from}" aria-describedby="usage-hint"></div>
  <div class="kern-form-input"><label class="kern-label" for="to">${operationText(lang, 'usageTo')}</label><input class="kern-form-input__input" id="to" name="to" type="time" required value="${usage.to}"></div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${operationText(lang, 'submitTrends')}</span></button>
</form>` : html`<p class="kern-body">${operationText(lang, 'edeFirst')}</p>`}`;
}

async function modelOf(ctx: AppContext, id: string): Promise<ModelSummary> {
  return (await getModel(ctx.repo, id)).data;
}

async function fileField(body: Record<string, unknown>, name: string, limit: number, what: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = body[name];
  if (!(file instanceof File) || file.size === 0) throw new AppError('validation', `Bitte eine Datei wählen / please choose a file: ${what}`);
  if (file.size > limit) throw new AppError('payload-too-large', `Höchstens ${limit} Byte / at most ${limit} bytes`, { details: { limit } });
  return { fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * The Betrieb page of a building (ADR 0160): its data points from the EDE list, the findings of
 * the Technisches-Monitoring checks of its trend data with a server-rendered chart each, the
 * findings as open data (JSON, CSV), and for the secretariat the EDE and trend uploads.
 */
export function operationPages(ctx: AppContext, routes: Routes): void {
  routes.get('/gebaeudedaten/:id/betrieb', 'public', async (c) => {
    const id = c.req.param('id') ?? '';
    const model = await modelOf(ctx, id);
    let state = await getOperation(ctx.repo, id);
    const now = ctx.now();
    // Demo data and checks whose job got lost (a restart on SQLite) are handed to the queue here.
    if (state.run && needsSending(state.run, now) && (await markSent(ctx.repo, id, state.run.id, now))) {
      await ctx.jobs.send({ kind: 'check-trends', modelId: id, runId: state.run.id });
      state = await getOperation(ctx.repo, id);
    }
    const run = state.run as TrendRun | undefined;
    const charts = async (l: Language) =>
      run?.state === 'done'
        ? Promise.all(run.findings.slice(0, chartedFindings).map(async (_, n) => {
            const bytes = await operationChart(ctx.repo, id, run.id, n, l);
            return bytes ? new TextDecoder().decode(bytes) : undefined;
          }))
        : [];
    const chartsByLang = { de: await charts('de'), en: await charts('en') };
    const canUpload = hasRole(c.get('role'), 'secretariat');
    return render(c, (l) => `${operationText(l, 'title')}: ${model.name}`, (page) => {
      const l = page.lang;
      return html`
<p class="kern-preline"><a class="kern-link" href="/gebaeudedaten/${id}">${operationText(l, 'back')}: ${model.name}</a></p>
<h1 class="kern-heading-x-large">${operationText(l, 'title')}: ${model.name}</h1>
<p class="kern-body">${operationText(l, 'intro')}</p>
<h2 class="kern-heading-medium">${operationText(l, 'findings')}</h2>
${runView(state, id, chartsByLang[l], l)}
<h2 class="kern-heading-medium">${operationText(l, 'dataPoints')}</h2>
${pointsView(state, l)}
${canUpload ? uploadForms(ctx, page, id, state) : html`<p class="kern-body"><a class="kern-link" href="/anmelden?next=/gebaeudedaten/${id}/betrieb">${operationText(l, 'signInToUpload')}</a></p>`}`;
    });
  });

  routes.upload('/gebaeudedaten/:id/betrieb/ede', 'secretariat', async (c) => {
    const id = c.req.param('id') ?? '';
    const body = await c.req.parseBody();
    const file = await fileField(body, 'ede', edeLimitBytes, 'EDE');
    await storeEde(ctx.repo, id, { ...file, uploadedBy: c.get('user')?.displayName ?? '', now: ctx.now() });
    return c.redirect(`/gebaeudedaten/${id}/betrieb`, 303);
  });

  routes.upload('/gebaeudedaten/:id/betrieb/trends', 'secretariat', async (c) => {
    const id = c.req.param('id') ?? '';
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const usage = parseUsage(str('land'), str('from'), str('to'));
    const file = await fileField(body, 'trends', ctx.config.uploadLimitBytes, 'Trendexport / trend export');
    const run = await requestTrendCheck(ctx.repo, id, { ...file, usage, now: ctx.now() });
    // Read and checked by a worker (ADR 0141, 0160); the page shows the state it stores.
    await ctx.jobs.send({ kind: 'check-trends', modelId: id, runId: run.id });
    return c.redirect(`/gebaeudedaten/${id}/betrieb`, 303);
  });

  routes.get('/gebaeudedaten/:id/betrieb/befunde.json', 'public', async (c) => {
    const id = c.req.param('id') ?? '';
    const model = await modelOf(ctx, id);
    const { run } = await getOperation(ctx.repo, id);
    if (!run || run.state !== 'done') throw new AppError('not-found', 'Noch keine Befunde / no findings yet');
    return c.json(findingsDocument(ctx.baseUrl, id, model.name, run));
  });

  routes.get('/gebaeudedaten/:id/betrieb/befunde.csv', 'public', async (c) => {
    const id = c.req.param('id') ?? '';
    await modelOf(ctx, id);
    const { run } = await getOperation(ctx.repo, id);
    if (!run || run.state !== 'done') throw new AppError('not-found', 'Noch keine Befunde / no findings yet');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'de';
    return new Response(findingsToCsv(run.findings, lang), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="befunde-${id}.csv"` },
    });
  });
}
