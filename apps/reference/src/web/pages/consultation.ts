import { randomBytes } from 'node:crypto';
import { synopsisTable, type Consultation, type Contribution } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { getConsultation, listConsultations, submitContribution, type Submission } from '../../domain/consultations.js';
import { getRecommendation } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { rateLimit } from '../../rate-limit.js';
import { formatDate, textOf, t, type Language } from '../i18n.js';
import { recommendationLabel } from '../labels.js';
import { alert, csrfField, type Markup, type PageContext } from '../layout.js';
import { pageOf, pager } from '../pager.js';
import { pagerText } from '../strings/pager.js';
import { formOf, render, type Routes } from '../routing.js';
import { consultationText, consultationPair } from '../strings/consultation.js';

const answered = ['accepted', 'partially-accepted', 'rejected', 'duplicate'];

/** The version of the privacy notice at `/datenschutz`, recorded with each consent. */
export const privacyNoticeVersion = '/datenschutz#konsultation-2026-12';

interface FormState {
  readonly values: Record<string, string>;
  readonly errors: Array<{ field: string; de: string; en: string }>;
}

function authorOf(c: Contribution, lang: Language): string {
  if (c.author.kind === 'anonymous') return consultationText(lang, 'anonymous');
  return c.author.kind === 'person' && c.author.organisation ? `${c.author.name} (${c.author.organisation})` : c.author.name;
}

function contributionForm(page: PageContext, consultation: Consultation, recId: string, state: FormState): Markup {
  const { lang } = page;
  const v = state.values;
  const err = (field: string) => state.errors.find((e) => e.field === field);
  const fieldError = (field: string) => {
    const e = err(field);
    return e ? html`<p class="kern-error" id="${field}-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${e[lang]}</span></p>` : '';
  };
  const describedBy = (field: string, hint?: string) => raw(` aria-describedby="${[hint, err(field) ? `${field}-error` : ''].filter(Boolean).join(' ')}"`);
  const kind = v['authorKind'] ?? 'anonymous';
  return html`
<form method="post" action="/empfehlungen/${recId}/konsultation" class="stack" novalidate>
  ${csrfField(page)}
  <input type="hidden" name="submissionKey" value="${v['submissionKey'] ?? randomBytes(16).toString('hex')}">
  ${state.errors.length > 0 ? html`<div class="kern-alert kern-alert--danger" role="alert" tabindex="-1" id="fehler">
    <div class="kern-alert__header"><span class="kern-icon kern-icon--danger" aria-hidden="true"></span><span class="kern-title">${consultationText(lang, 'pleaseCorrectYourInput')}</span></div>
    <div class="kern-alert__body"><ul class="kern-list">${state.errors.map((e) => html`<li><a class="kern-link" href="#${e.field}">${e[lang]}</a></li>`)}</ul></div></div>` : ''}
  <div class="kern-form-input">
    <label class="kern-label" for="section">${consultationText(lang, 'sectionOfTheDraft')}</label>
    <div class="kern-form-input__select-wrapper">
      <select class="kern-form-input__select" id="section" name="section"${describedBy('section')}>
        ${consultation.sections.map((s) => html`<option value="${s.anchor}"${v['section'] === s.anchor ? raw(' selected') : ''}>${s.anchor} ${textOf(lang, s.title)}</option>`)}
      </select>
    </div>
    ${fieldError('section')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="text">${consultationText(lang, 'yourContribution')}</label>
    <div class="kern-hint" id="text-hint">${consultationText(lang, 'textLimitHint')}</div>
    <textarea class="kern-form-input__input${err('text') ? ' kern-form-input__input--error' : ''}" id="text" name="text" rows="8" maxlength="20000" required${describedBy('text', 'text-hint')}${err('text') ? raw(' aria-invalid="true"') : ''}>${v['text'] ?? ''}</textarea>
    ${fieldError('text')}
  </div>
  <fieldset class="kern-fieldset">
    <legend class="kern-label">${consultationText(lang, 'whoSubmits')}</legend>
    <div class="kern-fieldset__body">
      ${(['anonymous', 'person', 'organisation'] as const).map((k) => html`<div class="kern-form-check"><input class="kern-form-check__radio" type="radio" id="author-${k}" name="authorKind" value="${k}"${kind === k ? raw(' checked') : ''}><label class="kern-label" for="author-${k}">${{ anonymous: consultationPair('anonymous'), person: consultationPair('asAPerson'), organisation: consultationPair('forAnOrganisation') }[k][lang]}</label></div>`)}
    </div>
  </fieldset>
  <div class="kern-form-input">
    <label class="kern-label" for="name">${consultationText(lang, 'nameForAPerson')}</label>
    <input class="kern-form-input__input${err('name') ? ' kern-form-input__input--error' : ''}" id="name" name="name" type="text" maxlength="300" autocomplete="name" value="${v['name'] ?? ''}"${describedBy('name')}${err('name') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('name')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="organisation">${consultationText(lang, 'organisationOptionalForA')}</label>
    <input class="kern-form-input__input" id="organisation" name="organisation" type="text" maxlength="300" autocomplete="organization" value="${v['organisation'] ?? ''}">
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="level">${consultationText(lang, 'levelYouWriteFor')}</label>
    <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="level" name="level">
      ${([['', consultationText(lang, 'levelNotStated')], ...(['federal', 'state', 'administrativeDistrict', 'municipality'] as const).map((level) => [level, recommendationLabel(lang, 'level', level)])] as const).map(([value, text]) => html`<option value="${value}"${(v['level'] ?? '') === value ? raw(' selected') : ''}>${text}</option>`)}
    </select></div>
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="jurisdiction">${consultationText(lang, 'stateDistrictOrMunicipality')}</label>
    <input class="kern-form-input__input${err('jurisdiction') ? ' kern-form-input__input--error' : ''}" id="jurisdiction" name="jurisdiction" type="text" maxlength="300" value="${v['jurisdiction'] ?? ''}"${describedBy('jurisdiction')}${err('jurisdiction') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('jurisdiction')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="email">${consultationText(lang, 'eMailForQuestions')}</label>
    <div class="kern-hint" id="email-hint">${consultationText(lang, 'neverPublishedOnlyFor')}</div>
    <input class="kern-form-input__input${err('email') ? ' kern-form-input__input--error' : ''}" id="email" name="email" type="email" maxlength="254" autocomplete="email" value="${v['email'] ?? ''}"${describedBy('email', 'email-hint')}${err('email') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('email')}
  </div>
  <div class="kern-form-check">
    <input class="kern-form-check__checkbox" type="checkbox" id="publishName" name="publishName" value="ja"${v['publishName'] === 'ja' ? raw(' checked') : ''} aria-describedby="publishName-hint">
    <label class="kern-label" for="publishName">${consultationText(lang, 'publishMyNameAnd')}</label>
    <div class="kern-hint" id="publishName-hint">${consultationText(lang, 'withoutThisTickThe')}</div>
  </div>
  <div class="kern-form-check">
    <input class="kern-form-check__checkbox" type="checkbox" id="consent" name="consent" value="ja"${v['consent'] === 'ja' ? raw(' checked') : ''}${describedBy('consent', 'consent-hint')}${err('consent') ? raw(' aria-invalid="true"') : ''}>
    <label class="kern-label" for="consent">${consultationText(lang, 'iAgreeThatMy')}</label>
    <div class="kern-hint" id="consent-hint"><a class="kern-link" href="/datenschutz">${consultationText(lang, 'privacyNoticeOfThe')}</a></div>
    ${fieldError('consent')}
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${consultationText(lang, 'submitContribution')}</span></button>
</form>`;
}

function validateForm(form: Record<string, string>): { submission?: Submission; errors: FormState['errors'] } {
  const errors: FormState['errors'] = [];
  const text = (form['text'] ?? '').trim();
  if (text.length === 0) errors.push({ field: 'text', de: 'Bitte geben Sie Ihren Beitrag ein.', en: 'Please enter your contribution.' });
  if (text.length > 20_000) errors.push({ field: 'text', de: 'Der Beitrag ist länger als 20.000 Zeichen.', en: 'The contribution is longer than 20,000 characters.' });
  const kind = form['authorKind'] === 'person' || form['authorKind'] === 'organisation' ? form['authorKind'] : 'anonymous';
  const name = (form['name'] ?? '').trim();
  if (kind !== 'anonymous' && name.length === 0) errors.push({ field: 'name', de: 'Bitte geben Sie einen Namen an oder wählen Sie „anonym“.', en: 'Please give a name or choose "anonymous".' });
  const organisation = (form['organisation'] ?? '').trim();
  const level = (['federal', 'state', 'administrativeDistrict', 'municipality'] as const).find((l) => l === form['level']);
  const jurisdictionName = (form['jurisdiction'] ?? '').trim() || (level === 'federal' ? 'Bund' : '');
  if (level && !jurisdictionName) errors.push({ field: 'jurisdiction', de: 'Bitte Land, Kreis oder Kommune zur gewählten Ebene nennen.', en: 'Please name the state, district or municipality of the chosen level.' });
  if (!level && jurisdictionName) errors.push({ field: 'jurisdiction', de: 'Bitte auch die Ebene wählen.', en: 'Please choose the level as well.' });
  const email = (form['email'] ?? '').trim();
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.push({ field: 'email', de: 'Bitte eine gültige E-Mail-Adresse angeben oder das Feld leer lassen.', en: 'Please enter a valid e-mail address or leave the field empty.' });
  if (form['consent'] !== 'ja') errors.push({ field: 'consent', de: 'Bitte stimmen Sie der Veröffentlichung zu.', en: 'Please agree to the publication.' });
  if (errors.length > 0) return { errors };
  const jurisdiction = level ? { jurisdiction: { level, name: jurisdictionName } } : {};
  const author: Submission['author'] =
    kind === 'anonymous' ? { kind, ...jurisdiction } : kind === 'organisation' ? { kind, name, ...jurisdiction } : { kind, name, ...(organisation ? { organisation } : {}), ...jurisdiction };
  return {
    submission: {
      anchor: { section: form['section'] ?? '' },
      text: { de: text },
      author,
      ...(email ? { contact: { email } } : {}),
      consent: { publication: kind !== 'anonymous' && form['publishName'] === 'ja', privacyNotice: privacyNoticeVersion },
    },
    errors,
  };
}

function contributionList(items: readonly Contribution[], consultation: Consultation, lang: Language): Markup {
  const section = (a: string) => consultation.sections.find((s) => s.anchor === a);
  return html`<ul class="kern-list stack">${items.map((c) => html`<li><article class="kern-card"><div class="kern-card__container"><div class="kern-card__header"><h3 class="kern-title kern-title--small">${consultationText(lang, 'section')} ${c.anchor.section}${section(c.anchor.section) ? ` – ${textOf(lang, section(c.anchor.section)?.title)}` : ''}</h3></div>
<div class="kern-card__body"><p class="kern-body contribution-text">${textOf(lang, c.text)}</p>
<p class="kern-body--small">${authorOf(c, lang)} · ${formatDate(lang, c.submittedAt)} · ${recommendationLabel(lang, 'contribution', c.state)}</p></div></div></article></li>`)}</ul>`;
}

/** The query parameter of the synopsis's page; the contribution list above it pages with `seite`. */
const synopsisPageParameter = 'abwaegung';

/** The label of one of the page's two pagers: "Seiten: Abwägung" / "Pages: Dispositions". */
const pagerLabel = (lang: Language, list: 'publishedContributions' | 'dispositions') => `${pagerText(lang, 'pages')}: ${consultationText(lang, list)}`;

/**
 * The synopsis (Abwägungstabelle) from `synopsisTable` of `@foederal/recommendations`, public
 * view, one page of its rows (numbers and order as in the whole table and its exports).
 */
function synopsis(consultation: Consultation, lang: Language, path: string, query: URLSearchParams): Markup {
  const table = synopsisTable(consultation, { audience: 'public', language: lang });
  const columns = table.columns.filter((c) => ['number', 'anchor', 'author', 'text', 'state', 'reason'].includes(c.key));
  const rows = pageOf(table.rows, query, synopsisPageParameter);
  return html`<table class="kern-table" id="abwaegung">
<caption class="kern-title">${table.title}</caption>
<thead class="kern-table__header"><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody class="kern-table__body">${rows.items.map((row) => html`<tr>${columns.map((c) => {
    const value = c.key === 'state' ? row.stateLabel : c.key === 'anchor' ? `${row.anchor}${row.anchorTitle ? ` ${row.anchorTitle}` : ''}` : row[c.key as keyof typeof row];
    return html`<td class="${c.key === 'text' ? 'contribution-text' : ''}">${value === undefined ? '–' : String(value)}</td>`;
  })}</tr>`)}</tbody>
</table>
${pager(lang, path, query, rows, { parameter: synopsisPageParameter, label: pagerLabel(lang, 'dispositions') })}`;
}

/** The consultation of a recommendation: the form, published contributions and the synopsis. */
export function consultationPages(ctx: AppContext, routes: Routes): void {
  const load = async (recId: string, role: Parameters<typeof getConsultation>[2]) => {
    const rec = (await getRecommendation(ctx.repo, recId, role)).data;
    const first = (await listConsultations(ctx.repo, { parentId: rec.id, order: 'desc', limit: 1 }))[0];
    if (!first) throw new AppError('not-found', `Keine Konsultation / no consultation for ${recId}`);
    const consultation = (await getConsultation(ctx.repo, first.id, 'public')).data;
    return { rec, consultation };
  };
  const show = async (c: Parameters<Parameters<Routes['get']>[2]>[0], state: FormState, status = 200, submitted?: string) => {
    const { rec, consultation } = await load(c.req.param('id') ?? '', c.get('role'));
    const now = ctx.now().getTime();
    const open = now >= Date.parse(consultation.opens) && now <= Date.parse(consultation.closes);
    const published = consultation.contributions;
    const answeredItems = published.filter((x) => answered.includes(x.state));
    const url = new URL(c.req.url);
    const listed = pageOf(published, url.searchParams);
    return render(
      c,
      (lang) => `${consultationText(lang, 'consultation')}: ${textOf(lang, rec.shortTitle)} ${rec.edition}`,
      (page) => {
        const { lang } = page;
        return html`
<p class="kern-preline"><a class="kern-link" href="/empfehlungen/${rec.id}">${textOf(lang, rec.shortTitle)} ${rec.edition}</a></p>
<h1 class="kern-heading-x-large">${textOf(lang, consultation.title)}</h1>
<p class="kern-body">${consultationText(lang, 'draftVersion')} ${consultation.draftVersion} · ${formatDate(lang, consultation.opens)} – ${formatDate(lang, consultation.closes)}</p>
${submitted ? alert('success', consultationText(lang, 'thankYouYourContribution'), consultationText(lang, 'referenceItIsPublished', { submitted })) : ''}
<h2 class="kern-heading-medium">${consultationText(lang, 'submitAContribution')}</h2>
${open ? contributionForm(page, consultation, rec.id, state) : html`<p class="kern-body">${consultationText(lang, 'theConsultationIsClosed')}</p>`}
<h2 class="kern-heading-medium">${consultationText(lang, 'publishedContributions')} (${published.length})</h2>
${contributionList(listed.items, consultation, lang)}
${pager(lang, url.pathname, url.searchParams, listed, { label: pagerLabel(lang, 'publishedContributions') })}
<h2 class="kern-heading-medium">${consultationText(lang, 'dispositions')}</h2>
${answeredItems.length > 0 ? synopsis(consultation, lang, url.pathname, url.searchParams) : html`<p class="kern-body">${consultationText(lang, 'noDispositionsPublishedYet')}</p>`}
<p class="kern-body--small"><a class="kern-link" href="/api/v1/consultations/${consultation.id}">JSON</a></p>`;
      },
      status,
    );
  };
  routes.get('/datenschutz', 'public', (c) => render(c, (lang) => consultationText(lang, 'privacyNotice'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${consultationText(lang, 'privacyNotice')}</h1>
<h2 class="kern-heading-medium" id="konsultation-2026-12">${consultationText(lang, 'privacyContributions')}</h2>
<p class="kern-body">${consultationText(lang, 'privacyController')}</p>
<ul class="kern-list">
  <li>${consultationText(lang, 'privacyPublication')}</li>
  <li>${consultationText(lang, 'privacyEmail')}</li>
  <li>${consultationText(lang, 'privacyErasure')}</li>
  <li>${consultationText(lang, 'privacyRights')}</li>
</ul>`));
  routes.get('/empfehlungen/:id/konsultation', 'public', (c) => show(c, { values: {}, errors: [] }, 200, /^beitrag-[0-9a-f]{16}$/.test(c.req.query('eingereicht') ?? '') ? c.req.query('eingereicht') : undefined));
  routes.post('/empfehlungen/:id/konsultation', 'public', async (c) => {
    const form = await formOf(c);
    const { submission, errors } = validateForm(form);
    if (!submission) return show(c, { values: form, errors }, 422);
    try {
      await rateLimit(ctx, c, 'contribution', ctx.config.contributionLimitPerHour, 3600);
    } catch (error) {
      if (AppError.isInstance(error) && error.code === 'rate-limited') {
        return show(c, { values: form, errors: [{ field: 'text', de: t('de', 'tooManyRequests'), en: t('en', 'tooManyRequests') }] }, 429);
      }
      throw error;
    }
    const { consultation } = await load(c.req.param('id') ?? '', c.get('role'));
    const key = /^[0-9a-f]{32}$/.test(form['submissionKey'] ?? '') ? form['submissionKey'] : undefined;
    try {
      const { doc } = await submitContribution(ctx.repo, consultation.id, submission, ctx.now(), key);
      return c.redirect(`/empfehlungen/${c.req.param('id')}/konsultation?eingereicht=${doc.data.id}`, 303);
    } catch (error) {
      if (AppError.isInstance(error) && (error.code === 'validation' || error.code === 'conflict')) {
        return show(c, { values: form, errors: [{ field: 'text', de: error.message, en: error.message }] }, error.status);
      }
      throw error;
    }
  });
}
