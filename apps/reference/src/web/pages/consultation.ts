import { randomBytes } from 'node:crypto';
import { synopsisTable, type Consultation, type Contribution } from '@foederal/recommendations';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { getConsultation, listConsultations, submitContribution, type Submission } from '../../domain/consultations.js';
import { getRecommendation } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { rateLimit } from '../../rate-limit.js';
import { formatDate, pick, t, type Lang } from '../i18n.js';
import { contributionStateLabels, lbl } from '../labels.js';
import { alert, csrfField, type Markup, type PageContext } from '../layout.js';
import { formOf, render, type Routes } from '../routing.js';

const answered = ['accepted', 'partially-accepted', 'rejected', 'duplicate'];

/** The version of the privacy notice at `/datenschutz`, recorded with each consent. */
export const privacyNoticeVersion = '/datenschutz#konsultation-2026-12';

interface FormState {
  readonly values: Record<string, string>;
  readonly errors: Array<{ field: string; de: string; en: string }>;
}

function authorOf(c: Contribution, lang: Lang): string {
  if (c.author.kind === 'anonymous') return lang === 'de' ? 'anonym' : 'anonymous';
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
    <div class="kern-alert__header"><span class="kern-icon kern-icon--danger" aria-hidden="true"></span><span class="kern-title">${lang === 'de' ? 'Bitte korrigieren Sie die Eingaben' : 'Please correct your input'}</span></div>
    <div class="kern-alert__body"><ul class="kern-list">${state.errors.map((e) => html`<li><a class="kern-link" href="#${e.field}">${e[lang]}</a></li>`)}</ul></div></div>` : ''}
  <div class="kern-form-input">
    <label class="kern-label" for="section">${lang === 'de' ? 'Abschnitt des Entwurfs' : 'Section of the draft'}</label>
    <div class="kern-form-input__select-wrapper">
      <select class="kern-form-input__select" id="section" name="section"${describedBy('section')}>
        ${consultation.sections.map((s) => html`<option value="${s.anchor}"${v['section'] === s.anchor ? raw(' selected') : ''}>${s.anchor} ${pick(lang, s.title)}</option>`)}
      </select>
    </div>
    ${fieldError('section')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="text">${lang === 'de' ? 'Ihr Beitrag' : 'Your contribution'}</label>
    <div class="kern-hint" id="text-hint">${lang === 'de' ? 'Höchstens 20.000 Zeichen. Der Text wird nach Prüfung mit der Abwägung veröffentlicht.' : 'At most 20,000 characters. The text is published with its disposition after review.'}</div>
    <textarea class="kern-form-input__input${err('text') ? ' kern-form-input__input--error' : ''}" id="text" name="text" rows="8" maxlength="20000" required${describedBy('text', 'text-hint')}${err('text') ? raw(' aria-invalid="true"') : ''}>${v['text'] ?? ''}</textarea>
    ${fieldError('text')}
  </div>
  <fieldset class="kern-fieldset">
    <legend class="kern-label">${lang === 'de' ? 'Wer reicht ein?' : 'Who submits?'}</legend>
    <div class="kern-fieldset__body">
      ${(['anonymous', 'person', 'organisation'] as const).map((k) => html`<div class="kern-form-check"><input class="kern-form-check__radio" type="radio" id="author-${k}" name="authorKind" value="${k}"${kind === k ? raw(' checked') : ''}><label class="kern-label" for="author-${k}">${{ anonymous: { de: 'anonym', en: 'anonymous' }, person: { de: 'als Person', en: 'as a person' }, organisation: { de: 'für eine Organisation', en: 'for an organisation' } }[k][lang]}</label></div>`)}
    </div>
  </fieldset>
  <div class="kern-form-input">
    <label class="kern-label" for="name">${lang === 'de' ? 'Name (bei Person oder Organisation)' : 'Name (for a person or organisation)'}</label>
    <input class="kern-form-input__input${err('name') ? ' kern-form-input__input--error' : ''}" id="name" name="name" type="text" maxlength="300" autocomplete="name" value="${v['name'] ?? ''}"${describedBy('name')}${err('name') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('name')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="organisation">${lang === 'de' ? 'Organisation (optional, bei Person)' : 'Organisation (optional, for a person)'}</label>
    <input class="kern-form-input__input" id="organisation" name="organisation" type="text" maxlength="300" autocomplete="organization" value="${v['organisation'] ?? ''}">
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="level">${lang === 'de' ? 'Ebene, für die Sie schreiben (optional)' : 'Level you write for (optional)'}</label>
    <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="level" name="level">
      ${([['', 'keine Angabe', 'not stated'], ['federal', 'Bund', 'Federal'], ['state', 'Land', 'State (Land)'], ['administrativeDistrict', 'Kreis', 'District'], ['municipality', 'Kommune', 'Municipality']] as const).map(([value, de, en]) => html`<option value="${value}"${(v['level'] ?? '') === value ? raw(' selected') : ''}>${lang === 'de' ? de : en}</option>`)}
    </select></div>
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="jurisdiction">${lang === 'de' ? 'Land, Kreis oder Kommune (bei gewählter Ebene)' : 'State, district or municipality (with a level)'}</label>
    <input class="kern-form-input__input${err('jurisdiction') ? ' kern-form-input__input--error' : ''}" id="jurisdiction" name="jurisdiction" type="text" maxlength="300" value="${v['jurisdiction'] ?? ''}"${describedBy('jurisdiction')}${err('jurisdiction') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('jurisdiction')}
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="email">${lang === 'de' ? 'E-Mail für Rückfragen (optional)' : 'E-mail for questions (optional)'}</label>
    <div class="kern-hint" id="email-hint">${lang === 'de' ? 'Wird nie veröffentlicht; nur für Rückfragen der Geschäftsstelle.' : 'Never published; only for questions of the secretariat.'}</div>
    <input class="kern-form-input__input${err('email') ? ' kern-form-input__input--error' : ''}" id="email" name="email" type="email" maxlength="254" autocomplete="email" value="${v['email'] ?? ''}"${describedBy('email', 'email-hint')}${err('email') ? raw(' aria-invalid="true"') : ''}>
    ${fieldError('email')}
  </div>
  <div class="kern-form-check">
    <input class="kern-form-check__checkbox" type="checkbox" id="publishName" name="publishName" value="ja"${v['publishName'] === 'ja' ? raw(' checked') : ''} aria-describedby="publishName-hint">
    <label class="kern-label" for="publishName">${lang === 'de' ? 'Meinen Namen und meine Organisation mit dem Beitrag veröffentlichen' : 'Publish my name and organisation with the contribution'}</label>
    <div class="kern-hint" id="publishName-hint">${lang === 'de' ? 'Ohne dieses Häkchen erscheint der Beitrag ohne Namen (mit Ebene).' : 'Without this tick the contribution appears without a name (with its level).'}</div>
  </div>
  <div class="kern-form-check">
    <input class="kern-form-check__checkbox" type="checkbox" id="consent" name="consent" value="ja"${v['consent'] === 'ja' ? raw(' checked') : ''}${describedBy('consent', 'consent-hint')}${err('consent') ? raw(' aria-invalid="true"') : ''}>
    <label class="kern-label" for="consent">${lang === 'de' ? 'Ich bin einverstanden, dass mein Beitrag mit der Abwägung veröffentlicht wird.' : 'I agree that my contribution is published with its disposition.'}</label>
    <div class="kern-hint" id="consent-hint"><a class="kern-link" href="/datenschutz">${lang === 'de' ? 'Datenschutzhinweise zur Konsultation' : 'Privacy notice of the consultation'}</a></div>
    ${fieldError('consent')}
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${lang === 'de' ? 'Beitrag einreichen' : 'Submit contribution'}</span></button>
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

function contributionList(items: Contribution[], consultation: Consultation, lang: Lang): Markup {
  const section = (a: string) => consultation.sections.find((s) => s.anchor === a);
  return html`<ul class="kern-list stack">${items.map((c) => html`<li><article class="kern-card"><div class="kern-card__container"><div class="kern-card__header"><h3 class="kern-title kern-title--small">${lang === 'de' ? 'Abschnitt' : 'Section'} ${c.anchor.section}${section(c.anchor.section) ? ` – ${pick(lang, section(c.anchor.section)?.title)}` : ''}</h3></div>
<div class="kern-card__body"><p class="kern-body contribution-text">${pick(lang, c.text)}</p>
<p class="kern-body--small">${authorOf(c, lang)} · ${formatDate(lang, c.submittedAt)} · ${lbl(contributionStateLabels, c.state, lang)}</p></div></div></article></li>`)}</ul>`;
}

/** The synopsis (Abwägungstabelle) from `synopsisTable` of `@foederal/recommendations`, public view. */
function synopsis(consultation: Consultation, lang: Lang): Markup {
  const table = synopsisTable(consultation, { audience: 'public', language: lang });
  const columns = table.columns.filter((c) => ['number', 'anchor', 'author', 'text', 'state', 'reason'].includes(c.key));
  return html`<table class="kern-table">
<caption class="kern-title">${table.title}</caption>
<thead class="kern-table__header"><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody class="kern-table__body">${table.rows.map((row) => html`<tr>${columns.map((c) => {
    const value = c.key === 'state' ? row.stateLabel : c.key === 'anchor' ? `${row.anchor}${row.anchorTitle ? ` ${row.anchorTitle}` : ''}` : row[c.key as keyof typeof row];
    return html`<td class="${c.key === 'text' ? 'contribution-text' : ''}">${value === undefined ? '–' : String(value)}</td>`;
  })}</tr>`)}</tbody>
</table>`;
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
    return render(
      c,
      (lang) => `${lang === 'de' ? 'Konsultation' : 'Consultation'}: ${pick(lang, rec.shortTitle)} ${rec.edition}`,
      (page) => {
        const { lang } = page;
        return html`
<p class="kern-preline"><a class="kern-link" href="/empfehlungen/${rec.id}">${pick(lang, rec.shortTitle)} ${rec.edition}</a></p>
<h1 class="kern-heading-x-large">${pick(lang, consultation.title)}</h1>
<p class="kern-body">${lang === 'de' ? 'Entwurfsfassung' : 'Draft version'} ${consultation.draftVersion} · ${formatDate(lang, consultation.opens)} – ${formatDate(lang, consultation.closes)}</p>
${submitted ? alert('success', lang === 'de' ? 'Vielen Dank, Ihr Beitrag ist eingegangen.' : 'Thank you, your contribution has been received.', lang === 'de' ? `Kennung ${submitted}. Er wird nach Prüfung durch die Geschäftsstelle veröffentlicht.` : `Reference ${submitted}. It is published after review by the secretariat.`) : ''}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Beitrag einreichen' : 'Submit a contribution'}</h2>
${open ? contributionForm(page, consultation, rec.id, state) : html`<p class="kern-body">${lang === 'de' ? 'Die Konsultation ist geschlossen.' : 'The consultation is closed.'}</p>`}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Veröffentlichte Beiträge' : 'Published contributions'} (${published.length})</h2>
${contributionList(published, consultation, lang)}
<h2 class="kern-heading-medium">${lang === 'de' ? 'Abwägung' : 'Dispositions'}</h2>
${answeredItems.length > 0 ? synopsis(consultation, lang) : html`<p class="kern-body">${lang === 'de' ? 'Noch keine Abwägung veröffentlicht.' : 'No dispositions published yet.'}</p>`}
<p class="kern-body--small"><a class="kern-link" href="/api/v1/consultations/${consultation.id}">JSON</a></p>`;
      },
      status,
    );
  };
  routes.get('/datenschutz', 'public', (c) => render(c, (lang) => (lang === 'de' ? 'Datenschutzhinweise' : 'Privacy notice'), ({ lang }) => lang === 'de' ? html`
<h1 class="kern-heading-x-large">Datenschutzhinweise</h1>
<h2 class="kern-heading-medium" id="konsultation-2026-12">Beiträge zu Konsultationen (Fassung Dezember 2026)</h2>
<p class="kern-body">Verantwortlich ist die Geschäftsstelle des Arbeitskreises. Wir verarbeiten Ihren Beitrag, den gewählten Abschnitt und die von Ihnen freiwillig gemachten Angaben (Name, Organisation, Ebene und Gebietskörperschaft, E-Mail-Adresse), um die Konsultation auszuwerten und die Abwägung zu veröffentlichen (Art. 6 Abs. 1 Buchst. a und e DSGVO).</p>
<ul class="kern-list">
  <li>Ihr Beitrag wird nach Prüfung mit seiner Abwägung veröffentlicht. Name und Organisation erscheinen nur, wenn Sie dem zugestimmt haben; sonst erscheint der Beitrag ohne Namen, mit der Ebene.</li>
  <li>Die E-Mail-Adresse wird nie veröffentlicht und nur für Rückfragen der Geschäftsstelle zu Ihrem Beitrag genutzt.</li>
  <li>Auf Antrag löscht die Geschäftsstelle Ihre personenbezogenen Daten (Name, Organisation, E-Mail-Adresse); Text und Abwägung bleiben ohne Namen erhalten.</li>
  <li>Sie haben die Rechte auf Auskunft, Berichtigung, Löschung, Einschränkung und Widerspruch sowie das Recht auf Beschwerde bei einer Datenschutzaufsichtsbehörde.</li>
</ul>` : html`
<h1 class="kern-heading-x-large">Privacy notice</h1>
<h2 class="kern-heading-medium" id="konsultation-2026-12">Contributions to consultations (version December 2026)</h2>
<p class="kern-body">The secretariat of the working group is the controller. We process your contribution, the chosen section and what you give voluntarily (name, organisation, level and jurisdiction, e-mail address) to evaluate the consultation and to publish the dispositions (Art. 6(1)(a) and (e) GDPR).</p>
<ul class="kern-list">
  <li>Your contribution is published with its disposition after review. Name and organisation appear only if you agreed; otherwise it appears without a name, with its level.</li>
  <li>The e-mail address is never published and only used for questions of the secretariat about your contribution.</li>
  <li>On request the secretariat erases your personal data (name, organisation, e-mail address); text and disposition stay without a name.</li>
  <li>You have the rights of access, rectification, erasure, restriction and objection, and the right to lodge a complaint with a supervisory authority.</li>
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
