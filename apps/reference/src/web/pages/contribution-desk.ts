import type { Consultation, Contribution, ContributionState } from '@foederal/recommendations';
import { administrativeLevelSchema, contributionStateSchema } from '@foederal/recommendations';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { Versioned } from '../../db/repository.js';
import {
  consultationWithAll,
  contributionSorts,
  disposeContributions,
  eraseContribution,
  queryContributions,
  synopsisCsvExport,
  type ContributionQuery,
  type ContributionSort,
} from '../../domain/contribution-desk.js';
import { consultationOverview, requireConsultation } from '../../domain/consultations.js';
import { pageNumberOf } from '../../domain/paging.js';
import { synopsisDocx } from '../../domain/synopsis-docx.js';
import { AppError } from '../../errors.js';
import { formatDate, textOf, type Language, type LocalizedText } from '../i18n.js';
import { recommendationLabel, recommendationBilingual } from '../labels.js';
import { alert, csrfField, type Markup, type PageContext } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { render, type Env, type Routes } from '../routing.js';
import { checkboxField, errorSummary, fieldId, readForm, selectField, textField, type FieldError, type FormState } from '../forms/fields.js';
import { contributionDeskText, contributionDeskPair } from '../strings/contribution-desk.js';

const submitterLabels = {
  person: contributionDeskPair('person'),
  organisation: contributionDeskPair('organisation'),
  anonymous: recommendationBilingual('author', 'anonymous'),
} as const;
const sortLabels: Record<ContributionSort, Required<LocalizedText>> = {
  newest: contributionDeskPair('newestFirst'),
  oldest: contributionDeskPair('oldestFirst'),
  section: contributionDeskPair('bySection'),
  state: contributionDeskPair('byState'),
};
const bulkStates: ContributionState[] = ['published', 'in-review', 'accepted', 'partially-accepted', 'rejected', 'duplicate', 'withdrawn'];
const pageSizes = ['25', '50', '100', '200'];

/** The query of the list page, read leniently: unknown values are ignored. */
function queryOf(url: URL): ContributionQuery & { pageSize: number } {
  const p = url.searchParams;
  const state = contributionStateSchema.options.find((s) => s === p.get('status'));
  const submitter = (['person', 'organisation', 'anonymous'] as const).find((s) => s === p.get('einreichende'));
  const level = (['federal', 'state', 'administrativeDistrict', 'municipality'] as const).find((s) => s === p.get('ebene'));
  const sort = contributionSorts.find((s) => s === p.get('sortierung'));
  const section = p.get('abschnitt') ?? '';
  const page = Number(p.get('seite') ?? '1');
  const size = pageSizes.includes(p.get('je_seite') ?? '') ? Number(p.get('je_seite')) : 50;
  return {
    ...(state ? { state } : {}),
    ...(submitter ? { submitter } : {}),
    ...(level ? { level } : {}),
    ...(sort ? { sort } : {}),
    ...(section ? { section: section.slice(0, 64) } : {}),
    ...(p.get('q')?.trim() ? { q: p.get('q')!.trim().slice(0, 200) } : {}),
    page: Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1,
    pageSize: size,
  };
}

function queryString(q: ContributionQuery & { pageSize: number }, page?: number): string {
  const p = new URLSearchParams();
  if (q.state) p.set('status', q.state);
  if (q.section) p.set('abschnitt', q.section);
  if (q.submitter) p.set('einreichende', q.submitter);
  if (q.level) p.set('ebene', q.level);
  if (q.q) p.set('q', q.q);
  if (q.sort) p.set('sortierung', q.sort);
  if (q.pageSize !== 50) p.set('je_seite', String(q.pageSize));
  if (page && page > 1) p.set('seite', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function authorText(c: Contribution, lang: Language): string {
  const a = c.author;
  const who = a.kind === 'anonymous' ? submitterLabels.anonymous[lang] : a.kind === 'person' && a.organisation ? `${a.name}, ${a.organisation}` : a.name;
  return a.jurisdiction ? `${who} (${a.jurisdiction.name})` : who;
}

function filterForm(lang: Language, consultation: Consultation, q: ContributionQuery & { pageSize: number }, base: string): Markup {
  const state: FormState = {
    values: { status: q.state ?? '', abschnitt: q.section ?? '', einreichende: q.submitter ?? '', ebene: q.level ?? '', q: q.q ?? '', sortierung: q.sort ?? 'newest', je_seite: String(q.pageSize) },
    errors: [],
  };
  const any = { value: '', label: contributionDeskPair('all') };
  return html`<form method="get" action="${base}" class="filters" role="search" aria-label="${contributionDeskText(lang, 'filterContributions')}">
  ${selectField(lang, state, { name: 'status', label: contributionDeskPair('state'), options: [any, ...contributionStateSchema.options.map((s) => ({ value: s, label: recommendationBilingual('contribution', s) }))] })}
  ${selectField(lang, state, { name: 'abschnitt', label: contributionDeskPair('section'), options: [any, ...consultation.sections.map((s) => ({ value: s.anchor, label: `${s.anchor} ${textOf(lang, s.title)}` }))] })}
  ${selectField(lang, state, { name: 'einreichende', label: contributionDeskPair('submitter'), options: [any, ...Object.entries(submitterLabels).map(([value, label]) => ({ value, label }))] })}
  ${selectField(lang, state, { name: 'ebene', label: contributionDeskPair('level'), options: [any, ...administrativeLevelSchema.options.map((value) => ({ value, label: recommendationBilingual('level', value) }))] })}
  ${textField(lang, state, { name: 'q', label: contributionDeskPair('textSearch'), maxlength: 200 })}
  ${selectField(lang, state, { name: 'sortierung', label: contributionDeskPair('sort'), options: contributionSorts.map((s) => ({ value: s, label: sortLabels[s] })) })}
  ${selectField(lang, state, { name: 'je_seite', label: contributionDeskPair('perPage'), options: pageSizes.map((s) => ({ value: s, label: s })) })}
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${contributionDeskText(lang, 'filter')}</span></button>
</form>`;
}

interface DeskView {
  readonly consultation: Consultation;
  readonly query: ContributionQuery & { pageSize: number };
  readonly items: ReadonlyArray<Versioned<Contribution>>;
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly form: FormState;
  readonly done?: number;
  readonly erased?: string;
}

function deskBody(page: PageContext, v: DeskView): Markup {
  const { lang } = page;
  const c = v.consultation;
  const base = `/verwaltung/konsultationen/${c.id}/beitraege`;
  const selected = new Set(v.form.lists?.['auswahl'] ?? []);
  const bulkErrors = v.form.errors;
  return html`
<p class="kern-preline"><a class="kern-link" href="/verwaltung/konsultationen">${contributionDeskText(lang, 'consultations')}</a></p>
<h1 class="kern-heading-x-large">${contributionDeskText(lang, 'contributions')}: ${textOf(lang, c.title)}</h1>
<p class="kern-body"><a class="kern-link" href="/verwaltung/konsultationen/${c.id}/bearbeiten">${contributionDeskText(lang, 'changePeriodAndSections')}</a></p>
${v.done ? alert('success', contributionDeskText(lang, 'contributionsDisposed', { done: v.done })) : ''}
${v.erased ? alert('success', contributionDeskText(lang, 'personalDataOfErased', { erased: v.erased })) : ''}
<h2 class="kern-heading-medium">${contributionDeskText(lang, 'downloadTheSynopsis')}</h2>
<ul class="kern-list">
  <li><a class="kern-link" href="/verwaltung/konsultationen/${c.id}/abwaegung.docx?sicht=intern">${contributionDeskText(lang, 'wordDocumentDocxInternal')}</a></li>
  <li><a class="kern-link" href="/verwaltung/konsultationen/${c.id}/abwaegung.docx?sicht=oeffentlich">${contributionDeskText(lang, 'wordDocumentDocxFor')}</a></li>
  <li><a class="kern-link" href="/verwaltung/konsultationen/${c.id}/abwaegung.csv?sicht=intern">${contributionDeskText(lang, 'spreadsheetCsvInternal')}</a></li>
</ul>
<h2 class="kern-heading-medium">${contributionDeskText(lang, 'filterAndSort')}</h2>
${filterForm(lang, c, v.query, base)}
<p class="kern-body" role="status">${contributionDeskText(lang, 'contributionsFoundPageOf', { total: v.total, page: v.page, pages: v.pages })}</p>
<form method="post" action="${base}${queryString(v.query, v.page)}" class="stack" novalidate>
  ${csrfField(page)}
  ${errorSummary(lang, bulkErrors)}
  <table class="kern-table">
    <caption class="kern-sr-only">${contributionDeskText(lang, 'contributionsOnThisPage')}</caption>
    <thead class="kern-table__header"><tr>
      <th scope="col">${contributionDeskText(lang, 'selection')}</th><th scope="col">${contributionDeskText(lang, 'section')}</th><th scope="col">${contributionDeskText(lang, 'contribution')}</th>
      <th scope="col">${contributionDeskText(lang, 'submitter')}</th><th scope="col">${contributionDeskText(lang, 'received')}</th><th scope="col">${contributionDeskText(lang, 'state')}</th><th scope="col">${contributionDeskText(lang, 'disposition')}</th>
    </tr></thead>
    <tbody class="kern-table__body">${v.items.map((d) => {
      const x = d.data;
      const token = `${x.id}@${d.version}`;
      return html`<tr>
      <td><div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${fieldId(`auswahl-${x.id}`)}" name="auswahl" value="${token}"${selected.has(token) ? raw(' checked') : ''}><label class="kern-label" for="${fieldId(`auswahl-${x.id}`)}"><span class="kern-sr-only">${contributionDeskText(lang, 'selectContribution')} </span>${x.id}</label></div></td>
      <td>${x.anchor.section}</td>
      <td class="contribution-text">${textOf(lang, x.text)}</td>
      <td>${authorText(x, lang)}${x.contact ? html`<br><span class="kern-body--small">${contributionDeskText(lang, 'contactNotPublic')}: ${x.contact.email}</span>` : ''}${x.consent && !x.consent.publication ? html`<br><span class="kern-body--small">${contributionDeskText(lang, 'publishWithoutName')}</span>` : ''}${x.erasedAt ? html`<br><span class="kern-body--small">${contributionDeskText(lang, 'personalDataErased')}</span>` : ''}</td>
      <td>${formatDate(lang, x.submittedAt)}</td>
      <td>${recommendationLabel(lang, 'contribution', x.state)}</td>
      <td>${x.disposition ? textOf(lang, x.disposition.reason) : '–'}</td>
    </tr>`;
    })}</tbody>
  </table>
  ${pager(lang, base, new URLSearchParams(queryString(v.query)), v)}
  <fieldset class="kern-fieldset">
    <legend class="kern-label">${contributionDeskText(lang, 'disposeOfTheSelected')}</legend>
    <div class="kern-fieldset__body stack">
      ${selectField(lang, v.form, { name: 'stand', label: contributionDeskPair('newState'), options: bulkStates.map((s) => ({ value: s, label: recommendationBilingual('contribution', s) })), fallback: 'accepted' })}
      ${textField(lang, v.form, { name: 'begruendung', label: contributionDeskPair('reasonGerman'), hint: contributionDeskPair('reasonRequiredHint'), rows: 3, maxlength: 20000 })}
      ${textField(lang, v.form, { name: 'begruendung_en', label: contributionDeskPair('reasonEnglish'), rows: 2, maxlength: 20000 })}
      ${textField(lang, v.form, { name: 'dublette_von', label: contributionDeskPair('duplicateOfLabel'), maxlength: 120 })}
      ${checkboxField(lang, v.form, { name: 'veroeffentlichen', label: contributionDeskPair('publishTheAnswerRight'), fallback: true })}
      <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${contributionDeskText(lang, 'disposeOfSelection')}</span></button>
    </div>
  </fieldset>
</form>
<h2 class="kern-heading-medium">${contributionDeskText(lang, 'erasePersonalData')}</h2>
<p class="kern-body">${contributionDeskText(lang, 'onRequestNameOrganisation')}</p>
<form method="post" action="/verwaltung/konsultationen/${c.id}/personendaten" class="filters">
  ${csrfField(page)}
  ${textField(lang, { values: {}, errors: [] }, { name: 'beitrag', label: contributionDeskPair('contributionId'), required: true, maxlength: 120 })}
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${contributionDeskText(lang, 'erasePersonalData')}</span></button>
</form>`;
}

const bulkFieldOf: Record<string, string> = { ids: 'auswahl', reason: 'begruendung', duplicateOf: 'dublette_von' };

/** The secretariat's work on many contributions: list with paging and filters, disposition of several at once, synopsis exports, erasure. */
export function contributionDeskPages(ctx: AppContext, routes: Routes): void {
  const show = async (c: Context<Env>, form: FormState, status = 200) => {
    const consultationId = c.req.param('cid') ?? '';
    const consultation = (await requireConsultation(ctx.repo, consultationId)).data;
    const query = queryOf(new URL(c.req.url));
    const result = await queryContributions(ctx.repo, consultationId, query);
    const done = Number(c.req.query('erledigt') ?? '0');
    const erased = c.req.query('geloescht');
    return render(
      c,
      (lang) => `${contributionDeskText(lang, 'contributions')}: ${textOf(lang, consultation.title)}`,
      (page) => deskBody(page, { consultation, query, items: result.items, total: result.total, page: result.page, pages: result.pages, form, ...(done > 0 ? { done } : {}), ...(erased ? { erased } : {}) }),
      status,
    );
  };

  routes.get('/verwaltung/konsultationen', 'secretariat', async (c) => {
    const url = new URL(c.req.url);
    const result = await consultationOverview(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const all = result.items.map((d) => d.data);
    const { counts } = result;
    return render(c, (lang) => contributionDeskText(lang, 'consultations'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${contributionDeskText(lang, 'consultations')}</h1>
<ul class="kern-list stack">${all.map((x, i) => html`<li><a class="kern-link" href="/verwaltung/konsultationen/${x.id}/beitraege">${textOf(lang, x.title)}</a> – ${formatDate(lang, x.opens)} – ${formatDate(lang, x.closes)}, ${counts[i]} ${contributionDeskText(lang, 'contributionsCount')}</li>`)}</ul>
${pager(lang, '/verwaltung/konsultationen', url.searchParams, result)}`);
  });

  routes.get('/verwaltung/konsultationen/:cid/beitraege', 'secretariat', (c) => show(c, { values: {}, errors: [] }));

  routes.post('/verwaltung/konsultationen/:cid/beitraege', 'secretariat', async (c) => {
    const { values, lists } = await readForm(c);
    const consultationId = c.req.param('cid') ?? '';
    const targets: Array<{ id: string; version: number }> = [];
    const errors: FieldError[] = [];
    for (const token of lists['auswahl'] ?? []) {
      const m = /^([0-9A-Za-z][0-9A-Za-z._-]{0,119})@([1-9]\d{0,8})$/.exec(token);
      if (m) targets.push({ id: m[1]!, version: Number(m[2]) });
    }
    const state = contributionStateSchema.options.find((s) => s === values['stand'] && bulkStates.includes(s));
    if (!state) errors.push({ field: 'stand', de: 'Bitte einen Stand wählen.', en: 'Please choose a state.' });
    if (targets.length === 0) errors.push({ field: 'auswahl', de: 'Bitte mindestens einen Beitrag auswählen.', en: 'Please select at least one contribution.' });
    if (errors.length > 0 || !state) return show(c, { values, lists, errors }, 422);
    const user = c.get('user');
    try {
      const done = await disposeContributions(ctx.repo, consultationId, targets, {
        state,
        reason: { de: values['begruendung'] ?? '', en: values['begruendung_en'] ?? '' },
        duplicateOf: values['dublette_von']?.trim() || undefined,
        publish: values['veroeffentlichen'] === 'ja',
      }, { now: ctx.now, user: user ? { id: user.id, username: user.username } : null });
      const back = new URL(c.req.url);
      back.searchParams.set('erledigt', String(done.length));
      return c.redirect(`${back.pathname}${back.search}`, 303);
    } catch (error) {
      if (!AppError.isInstance(error) || !['validation', 'precondition-failed', 'not-found'].includes(error.code)) throw error;
      const details = (error.details?.['errors'] ?? []) as Array<{ path: string; message: string }>;
      const mapped: FieldError[] = details.length > 0
        ? details.map((d) => {
          const [de, en] = d.message.split(' / ');
          return { field: bulkFieldOf[d.path] ?? 'begruendung', de: de ?? d.message, en: en ?? d.message };
        })
        : [{ field: 'auswahl', de: error.message.split(' / ')[0] ?? error.message, en: error.message.split(' / ')[1] ?? error.message }];
      return show(c, { values, lists, errors: mapped }, error.status);
    }
  });

  routes.post('/verwaltung/konsultationen/:cid/personendaten', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const consultationId = c.req.param('cid') ?? '';
    const id = (values['beitrag'] ?? '').trim();
    const user = c.get('user');
    await eraseContribution(ctx.repo, consultationId, id, undefined, { now: ctx.now, user: user ? { id: user.id, username: user.username } : null });
    return c.redirect(`/verwaltung/konsultationen/${consultationId}/beitraege?geloescht=${encodeURIComponent(id)}`, 303);
  });

  const exportOptions = (c: Context<Env>) => ({
    audience: c.req.query('sicht') === 'oeffentlich' ? ('public' as const) : ('internal' as const),
    language: c.req.query('sprache') === 'en' ? ('en' as const) : ('de' as const),
  });
  routes.get('/verwaltung/konsultationen/:cid/abwaegung.csv', 'secretariat', async (c) => {
    const consultation = await consultationWithAll(ctx.repo, c.req.param('cid') ?? '');
    const options = exportOptions(c);
    return c.body(synopsisCsvExport(consultation, options), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="abwaegung-${consultation.id}-${options.audience}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
  routes.get('/verwaltung/konsultationen/:cid/abwaegung.docx', 'secretariat', async (c) => {
    const consultation = await consultationWithAll(ctx.repo, c.req.param('cid') ?? '');
    const options = exportOptions(c);
    const bytes = await synopsisDocx(consultation, options);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="abwaegung-${consultation.id}-${options.audience}.docx"`,
      'Cache-Control': 'no-store',
    });
  });
}
