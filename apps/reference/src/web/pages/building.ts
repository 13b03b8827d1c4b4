import type { Din277AreaKey } from '@foederal/building-data';
import { html } from 'hono/html';
import { shippedDocument } from '../../api/publishing.js';
import type { AppContext } from '../../context.js';
import { schoolIds, schoolIdsName } from '../../demo/school-ids.js';
import { areaLabel, checkReportHtml, getCheck, getModel, listModels, requestCheck, storeModel, type ModelSummary } from '../../domain/models.js';
import { pageNumberOf } from '../../domain/paging.js';
import { attachmentFile, idsAttachments } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { hasRole } from '../../auth/roles.js';
import { formatDate, formatNumber, t, type Language } from '../i18n.js';
import { alert, csrfField } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { render, type Routes } from '../routing.js';
import { operationPages } from './operation.js';
import { buildingText } from '../strings/building.js';

const areaOrder: Din277AreaKey[] = ['nuf1', 'nuf2', 'nuf3', 'nuf4', 'nuf5', 'nuf6', 'nuf7', 'nuf', 'tf', 'vf', 'nrf'];

/** IDS files the check can use: the app's demo IDS and every data-requirements attachment. */
async function idsSources(ctx: AppContext): Promise<Array<{ key: string; label: string; load: () => Promise<Uint8Array | string | undefined> }>> {
  const sources: Array<{ key: string; label: string; load: () => Promise<Uint8Array | string | undefined> }> = [
    { key: 'demo', label: schoolIdsName, load: async () => schoolIds() },
  ];
  for (const { recommendation: rec, attachment: a } of await idsAttachments(ctx.repo)) {
    sources.push({
      key: `${rec.id}/${a.id}`,
      label: `${rec.shortTitle.de} ${rec.edition}: ${a.title.de}`,
      load: async () => {
        const stored = await attachmentFile(ctx.repo, rec.id, a.id);
        if (stored) return stored.bytes;
        const shipped = a.downloadUrl.startsWith(`${ctx.baseUrl}/dokumente/`) ? shippedDocument(a.downloadUrl.slice(`${ctx.baseUrl}/dokumente/`.length)) : undefined;
        return shipped?.bytes;
      },
    });
  }
  return sources;
}

function areasTable(m: ModelSummary, lang: Language) {
  const rows = areaOrder.filter((k) => m.areas[k] !== undefined);
  return html`<table class="kern-table">
<caption class="kern-title">${buildingText(lang, 'areasByDin277')}</caption>
<thead class="kern-table__header"><tr><th scope="col">${buildingText(lang, 'area')}</th><th scope="col" class="kern-table__header--numeric">m²</th></tr></thead>
<tbody class="kern-table__body">${rows.map((k) => html`<tr><th scope="row">${areaLabel(k, lang)}</th><td class="kern-table__cell--numeric">${formatNumber(lang, m.areas[k] ?? 0, 2)}</td></tr>`)}</tbody>
</table>
${m.spacesWithoutArea > 0 ? html`<p class="kern-body">${buildingText(lang, 'spaceSWithoutA', { spacesWithoutArea: m.spacesWithoutArea })}</p>` : ''}`;
}

/** The building-data pilot: upload an IFC model, watch it being read, see storeys, spaces and areas, check it against an IDS. */
export function buildingPages(ctx: AppContext, routes: Routes): void {
  routes.get('/gebaeudedaten', 'public', async (c) => {
    const url = new URL(c.req.url);
    const result = await listModels(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const models = result.items.map((d) => d.data);
    const canUpload = hasRole(c.get('role'), 'member');
    return render(c, (lang) => t(lang, 'navBuilding'), (page) => {
      const { lang } = page;
      return html`
<h1 class="kern-heading-x-large">${buildingText(lang, 'buildingDataPilot')}</h1>
<p class="kern-body">${buildingText(lang, 'pilotMunicipalitiesUploadIfc')}</p>
<h2 class="kern-heading-medium">${buildingText(lang, 'models')}</h2>
<ul class="kern-list">${models.map((m) => html`<li><a class="kern-link" href="/gebaeudedaten/${m.id}">${m.name}</a> (${m.fileName}, ${formatNumber(lang, m.bytes / 1024, 1)} KiB, ${formatDate(lang, m.uploadedAt)})</li>`)}</ul>
${pager(lang, '/gebaeudedaten', url.searchParams, result)}
<h2 class="kern-heading-medium">${buildingText(lang, 'uploadAModel')}</h2>
${canUpload ? html`<form method="post" action="/gebaeudedaten" enctype="multipart/form-data" class="stack">
  ${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="name">${buildingText(lang, 'name')}</label><input class="kern-form-input__input" id="name" name="name" required maxlength="200"></div>
  <div class="kern-form-input"><label class="kern-label" for="model">${buildingText(lang, 'ifcFileIfcOr')}</label>
    <div class="kern-hint" id="model-hint">${buildingText(lang, 'atMostMib', { uploadLimitBytes: formatNumber(lang, ctx.config.uploadLimitBytes / 1024 / 1024, 0) })}</div>
    <input class="kern-form-input__input" id="model" name="model" type="file" accept=".ifc,.ifczip" required aria-describedby="model-hint"></div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${buildingText(lang, 'uploadAndRead')}</span></button>
</form>` : html`<p class="kern-body"><a class="kern-link" href="/anmelden?next=/gebaeudedaten">${buildingText(lang, 'pleaseSignInTo')}</a></p>`}`;
    });
  });

  routes.upload('/gebaeudedaten', 'member', async (c) => {
    const body = await c.req.parseBody();
    const file = body['model'];
    if (!(file instanceof File) || file.size === 0) throw new AppError('validation', 'Bitte eine IFC-Datei wählen / please choose an IFC file');
    if (file.size > ctx.config.uploadLimitBytes) throw new AppError('payload-too-large', `Höchstens ${ctx.config.uploadLimitBytes} Byte / at most ${ctx.config.uploadLimitBytes} bytes`);
    const name = typeof body['name'] === 'string' && body['name'].trim() ? body['name'].trim().slice(0, 200) : file.name;
    const doc = await storeModel(ctx.repo, { name, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()), uploadedBy: c.get('user')?.displayName ?? '', now: ctx.now() });
    // Read by a worker (ADR 0141); the model page shows the progress it stores.
    await ctx.jobs.send({ kind: 'analyse-model', modelId: doc.id });
    return c.redirect(`/gebaeudedaten/${doc.id}`, 303);
  });

  routes.get('/gebaeudedaten/:id', 'public', async (c) => {
    // A model stays "reading" while its job waits or runs; a lost worker's job is retried, and a
    // job whose retries are used up marks the model failed.
    const m = (await getModel(ctx.repo, c.req.param('id') ?? '')).data;
    const sources = m.state === 'ready' ? await idsSources(ctx) : [];
    const canCheck = hasRole(c.get('role'), 'member');
    const head = m.state === 'reading' ? html`<meta http-equiv="refresh" content="1">` : undefined;
    return render(c, () => m.name, (page) => {
      const { lang } = page;
      if (m.state === 'reading') {
        return html`<h1 class="kern-heading-x-large">${m.name}</h1>
<label class="kern-label" for="fortschritt">${buildingText(lang, 'readingTheModel')}</label>
<progress id="fortschritt" max="100" value="${m.progress}">${m.progress} %</progress>
<p class="kern-body" role="status">${m.progress} % · ${buildingText(lang, 'thisPageRefreshesItself')}</p>`;
      }
      if (m.state === 'failed') return html`<h1 class="kern-heading-x-large">${m.name}</h1>${alert('danger', buildingText(lang, 'theModelCouldNot'), m.error ?? '')}`;
      return html`
<h1 class="kern-heading-x-large">${m.name}</h1>
<p class="kern-body">${m.fileName} · ${m.schema} · ${formatNumber(lang, m.entities)} ${buildingText(lang, 'entities')} · SHA-256 <code>${m.sha256.slice(0, 16)}…</code></p>
${areasTable(m, lang)}
${m.buildings.map((b) => html`<h2 class="kern-heading-medium">${b.name ?? buildingText(lang, 'building')}</h2>
${b.storeys.map((s) => html`<h3 class="kern-heading-small">${s.name}${s.longName ? ` – ${s.longName}` : ''}${s.elevation !== null ? ` (${buildingText(lang, 'elevation')} ${formatNumber(lang, s.elevation, 2)} m)` : ''}</h3>
<table class="kern-table kern-table--small">
  <thead class="kern-table__header"><tr><th scope="col">${buildingText(lang, 'space')}</th><th scope="col">${buildingText(lang, 'name')}</th><th scope="col">DIN 277</th><th scope="col" class="kern-table__header--numeric">${buildingText(lang, 'areaM')}</th></tr></thead>
  <tbody class="kern-table__body">${s.spaces.map((sp) => html`<tr><td>${sp.name}</td><td>${sp.longName ?? ''}</td><td>${sp.din277 ?? '–'}</td><td class="kern-table__cell--numeric">${sp.netArea === null ? buildingText(lang, 'missing') : formatNumber(lang, sp.netArea, 2)}</td></tr>`)}</tbody>
</table>
<p class="kern-body--small">${formatNumber(lang, s.elements)} ${buildingText(lang, 'elementsInTheStorey')}</p>`)}`)}
<p class="kern-body"><a class="kern-link" href="/gebaeudedaten/${m.id}/betrieb">${buildingText(lang, 'operationDataPointsTrend')}</a></p>
<h2 class="kern-heading-medium">${buildingText(lang, 'checkAgainstDataRequirements')}</h2>
${m.checks.length > 0 ? html`<ul class="kern-list">${m.checks.map((x) => html`<li><a class="kern-link" href="/gebaeudedaten/${m.id}/pruefungen/${x.id}">${x.ids}</a>: ${x.state === 'queued' ? buildingText(lang, 'checkRunning') : x.state === 'failed' ? buildingText(lang, 'checkFailed') : html`${x.passed ? buildingText(lang, 'specPassed') : buildingText(lang, 'specFailed')} (${x.summary.passed}/${x.summary.specifications})`}</li>`)}</ul>` : ''}
${canCheck ? html`<form method="post" action="/gebaeudedaten/${m.id}/pruefung" enctype="multipart/form-data" class="stack">
  ${csrfField(page)}
  <div class="kern-form-input"><label class="kern-label" for="source">${buildingText(lang, 'dataRequirements')}</label><div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="source" name="source">
    ${sources.map((s) => html`<option value="${s.key}">${s.label}</option>`)}<option value="upload">${buildingText(lang, 'ownIdsFileBelow')}</option></select></div></div>
  <div class="kern-form-input"><label class="kern-label" for="ids">${buildingText(lang, 'ownIdsFileOptional')}</label><input class="kern-form-input__input" id="ids" name="ids" type="file" accept=".ids,.xml"></div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${buildingText(lang, 'checkTheModel')}</span></button>
</form>` : ''}`;
    }, 200, head);
  });

  routes.upload('/gebaeudedaten/:id/pruefung', 'member', async (c) => {
    const id = c.req.param('id') ?? '';
    const body = await c.req.parseBody();
    const source = typeof body['source'] === 'string' ? body['source'] : 'demo';
    let xml: Uint8Array | string | undefined;
    let name: string;
    const upload = body['ids'];
    if (source === 'upload' || (upload instanceof File && upload.size > 0)) {
      if (!(upload instanceof File) || upload.size === 0) throw new AppError('validation', 'Bitte eine IDS-Datei wählen / please choose an IDS file');
      if (upload.size > 5 * 1024 * 1024) throw new AppError('payload-too-large', 'IDS-Datei höchstens 5 MiB / IDS file at most 5 MiB');
      xml = new Uint8Array(await upload.arrayBuffer());
      name = upload.name.slice(0, 200);
    } else {
      const found = (await idsSources(ctx)).find((s) => s.key === source);
      if (!found) throw new AppError('validation', `Unbekannte IDS / unknown IDS: ${source}`);
      xml = await found.load();
      name = found.label;
    }
    if (xml === undefined) throw new AppError('not-found', 'IDS-Datei nicht verfügbar / IDS file not available');
    const { checkId } = await requestCheck(ctx.repo, id, xml, name, ctx.now());
    await ctx.jobs.send({ kind: 'check-model', modelId: id, checkId });
    return c.redirect(`/gebaeudedaten/${id}/pruefungen/${checkId}`, 303);
  });

  routes.get('/gebaeudedaten/:id/pruefungen/:checkId', 'public', async (c) => {
    const id = c.req.param('id') ?? '';
    const checkId = c.req.param('checkId') ?? '';
    const m = (await getModel(ctx.repo, id)).data;
    const entry = m.checks.find((x) => x.id === checkId);
    if (entry?.state === 'queued' || entry?.state === 'failed') {
      const running = entry.state === 'queued';
      return render(c, (lang) => buildingText(lang, 'checkReport'), ({ lang }) => html`
<p class="kern-preline"><a class="kern-link" href="/gebaeudedaten/${id}">${m.name}</a></p>
<h1 class="kern-heading-x-large">${buildingText(lang, 'checkReport')}: ${entry.ids}</h1>
${running ? html`<p class="kern-body" role="status">${buildingText(lang, 'theCheckIsRunning')}</p>` : alert('danger', buildingText(lang, 'theCheckFailed'), entry.error ?? '')}`, 200, running ? html`<meta http-equiv="refresh" content="1">` : undefined);
    }
    const report = await getCheck(ctx.repo, id, checkId);
    return render(c, (lang) => buildingText(lang, 'checkReport'), ({ lang }) => html`
<p class="kern-preline"><a class="kern-link" href="/gebaeudedaten/${id}">${m.name}</a></p>
<h1 class="kern-heading-x-large">${buildingText(lang, 'checkReport')}: ${report.ids.title}</h1>
${alert(report.passed ? 'success' : 'warning', report.passed ? buildingText(lang, 'allRequirementsMet') : buildingText(lang, 'ofRequirementsNotMet', { failed: report.summary.failed, specifications: report.summary.specifications }))}
<table class="kern-table">
  <thead class="kern-table__header"><tr><th scope="col">${buildingText(lang, 'requirement')}</th><th scope="col">${buildingText(lang, 'result')}</th><th scope="col" class="kern-table__header--numeric">${buildingText(lang, 'entitiesPassed')}</th><th scope="col" class="kern-table__header--numeric">${buildingText(lang, 'entitiesFailed')}</th></tr></thead>
  <tbody class="kern-table__body">${report.specifications.map((s) => html`<tr><td>${s.name}<br><span class="kern-body--small">${s.applicability.map((a) => a[lang]).join('; ')}</span></td><td>${s.status === 'pass' ? buildingText(lang, 'specPassed') : s.status === 'fail' ? buildingText(lang, 'specFailed') : s.status}</td><td class="kern-table__cell--numeric">${s.passedEntities}</td><td class="kern-table__cell--numeric">${s.failedEntities}</td></tr>
  ${s.requirements.flatMap((r) => r.failures.slice(0, 20).map((f) => html`<tr><td colspan="4" class="kern-body--small">↳ #${f.entity.id} ${f.entity.type}${f.entity.name ? ` „${f.entity.name}“` : ''}: ${f.reason[lang]}</td></tr>`))}`)}</tbody>
</table>
<p class="kern-body"><a class="kern-link" href="/gebaeudedaten/${id}/pruefungen/${checkId}/bericht?lang=${lang}">${buildingText(lang, 'fullReportHtmlFoederal')}</a></p>`);
  });

  routes.get('/gebaeudedaten/:id/pruefungen/:checkId/bericht', 'public', async (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'de';
    const bytes = await checkReportHtml(ctx.repo, c.req.param('id') ?? '', c.req.param('checkId') ?? '', lang);
    if (!bytes) throw new AppError('not-found', 'Bericht nicht gefunden / report not found');
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  });

  // The Betrieb page of each building (ADR 0160).
  operationPages(ctx, routes);
}
