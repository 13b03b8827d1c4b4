import {
  administrativeLevelSchema,
  allowedEvents,
  licenseFor,
  licenseIdSchema,
  type AttachmentRole,
  type Consultation,
  type DataTheme,
  type LicenseId,
  type Recommendation,
} from '@foederal/recommendations';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { catalogueHeader } from '../../api/publishing.js';
import type { AppContext } from '../../context.js';
import type { Versioned } from '../../db/repository.js';
import { berlinDay, berlinInstant } from '../../domain/berlin-time.js';
import { requireConsultation } from '../../domain/consultations.js';
import { keepUpload, openConsultation, saveDraft, updateConsultation, type DraftAttachment, type PendingUpload } from '../../domain/drafts.js';
import { pageNumberOf } from '../../domain/paging.js';
import { listRecommendations, recommendationChoices, requireRecommendation } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { textOf, type Language } from '../i18n.js';
import { recommendationBilingual, recommendationLabel } from '../labels.js';
import { csrfField, type Markup, type PageContext } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { render, type Env, type Routes } from '../routing.js';
import {
  errorSummary,
  fieldId,
  fileField,
  readForm,
  selectField,
  textField,
  validateRecord,
  type Bilingual,
  type FieldError,
  type FormState,
} from '../forms/fields.js';
import { draftsText, draftsPair } from '../strings/drafts.js';

const levels = administrativeLevelSchema.options.map((value) => ({ value, label: recommendationBilingual('level', value) }));
/** The themes a draft's form offers, labelled by `@foederal/recommendations`. */
const formThemes: readonly DataTheme[] = ['TECH', 'GOVE', 'ENER', 'ENVI', 'EDUC', 'REGI'];
const themeLabels: Partial<Record<DataTheme, Bilingual>> = Object.fromEntries(formThemes.map((theme) => [theme, recommendationBilingual('theme', theme)]));
const licenceLabels: Record<LicenseId, string> = {
  'DL-DE-BY-2.0': 'Datenlizenz Deutschland – Namensnennung – 2.0',
  'DL-DE-ZERO-2.0': 'Datenlizenz Deutschland – Zero – 2.0',
  'CC-BY-4.0': 'Creative Commons Namensnennung 4.0 (CC BY 4.0)',
  'CC0-1.0': 'CC0 1.0',
};

const L = {
  id: draftsPair('identifierPartOfThe'),
  number: draftsPair('runningNumber'),
  shortTitleDe: draftsPair('shortTitleGerman'),
  shortTitleEn: draftsPair('shortTitleEnglish'),
  edition: draftsPair('editionYear'),
  titleDe: draftsPair('titleGerman'),
  titleEn: draftsPair('titleEnglish'),
  descriptionDe: draftsPair('summaryGerman'),
  descriptionEn: draftsPair('summaryEnglish'),
  version: draftsPair('versionSemver'),
  keywords: draftsPair('subjectKeywordsSeparatedBy'),
  wgName: draftsPair('workingGroup'),
  leadName: draftsPair('leadName'),
  leadOrganisation: draftsPair('leadOrganisation'),
  leadLevel: draftsPair('leadLevel'),
  leadJurisdiction: draftsPair('leadJurisdiction'),
  license: draftsPair('licence'),
  attribution: draftsPair('attribution'),
  supersedes: draftsPair('replacesTheEdition'),
  main: draftsPair('mainDocument'),
  annexes: draftsPair('furtherDocumentsAnnexes'),
  ids: draftsPair('idsFileRequirementsFor'),
} satisfies Record<string, Bilingual>;

/** JSON path of a recommendation issue → form field. */
function fieldOf(path: string): string | undefined {
  const map: Array<[RegExp, string]> = [
    [/^\$\.id$/, 'id'], [/^\$\.number$/, 'number'], [/^\$\.shortTitle\.de/, 'shortTitleDe'], [/^\$\.shortTitle\.en/, 'shortTitleEn'], [/^\$\.shortTitle$/, 'shortTitleDe'],
    [/^\$\.edition/, 'edition'], [/^\$\.title\.en/, 'titleEn'], [/^\$\.title/, 'titleDe'], [/^\$\.description\.en/, 'descriptionEn'], [/^\$\.description/, 'descriptionDe'],
    [/^\$\.version/, 'version'], [/^\$\.keywords/, 'keywords'], [/^\$\.themes/, 'themes'], [/^\$\.workingGroup\.name/, 'wgName'],
    [/^\$\.workingGroup\.lead\.name/, 'leadName'], [/^\$\.workingGroup\.lead\.organisation/, 'leadOrganisation'], [/^\$\.workingGroup\.lead\.jurisdiction/, 'leadJurisdiction'],
    [/^\$\.license\.attribution/, 'attribution'], [/^\$\.license/, 'license'], [/^\$\.supersedes/, 'supersedes'], [/^\$\.attachments/, 'main'],
  ];
  return map.find(([re]) => re.test(path))?.[1];
}

/** Form values of a stored record (for editing). */
function valuesOf(r: Recommendation): Record<string, string> {
  return {
    id: r.id, number: r.number, shortTitleDe: r.shortTitle.de, shortTitleEn: r.shortTitle.en ?? '', edition: String(r.edition),
    titleDe: r.title.de, titleEn: r.title.en ?? '', descriptionDe: r.description.de, descriptionEn: r.description.en ?? '', version: r.version,
    keywords: r.keywords.map((k) => k.de).join(', '), wgName: r.workingGroup.name.de, leadName: r.workingGroup.lead.name,
    leadOrganisation: r.workingGroup.lead.organisation ?? '', leadLevel: r.workingGroup.lead.jurisdiction.level, leadJurisdiction: r.workingGroup.lead.jurisdiction.name,
    license: r.license?.id ?? '', attribution: r.license?.attribution ?? '', supersedes: r.supersedes ?? '',
  };
}

function slug(text: string): string {
  return text.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/** Kept uploads travel as hidden fields `role|token|size|mediaType|fileName`. */
function encodeKept(role: AttachmentRole, u: PendingUpload): string {
  return [role, u.token, String(u.byteSize), u.mediaType, u.fileName].join('|');
}
function decodeKept(value: string): DraftAttachment | undefined {
  const [role, token, size, mediaType, ...name] = value.split('|');
  if (!['main', 'annex', 'data-requirements'].includes(role ?? '') || !/^[0-9a-f]{32}$/.test(token ?? '')) return undefined;
  const fileName = name.join('|');
  return { role: role as AttachmentRole, title: fileName, upload: { token: token!, byteSize: Number(size), mediaType: mediaType ?? '', fileName } };
}

interface DraftView {
  readonly existing?: Versioned<Recommendation>;
  readonly form: FormState;
  readonly kept: readonly DraftAttachment[];
  readonly others: ReadonlyArray<Recommendation>;
}

function draftForm(page: PageContext, v: DraftView): Markup {
  const { lang } = page;
  const f = v.form;
  const rec = v.existing?.data;
  const action = rec ? `/verwaltung/empfehlungen/${rec.id}/bearbeiten` : '/verwaltung/empfehlungen/neu';
  const chosenThemes = new Set(f.lists?.['themes'] ?? (rec ? rec.themes : ['TECH']));
  const keptOf = (role: AttachmentRole) => v.kept.filter((k) => k.role === role);
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="stack" novalidate>
  ${csrfField(page)}
  ${rec ? html`<input type="hidden" name="_version" value="${f.values['_version'] ?? String(v.existing?.version)}">` : ''}
  ${v.kept.map((k) => html`<input type="hidden" name="kept" value="${encodeKept(k.role, k.upload)}">`)}
  ${errorSummary(lang, f.errors)}
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'titleAndEdition')}</legend><div class="kern-fieldset__body stack">
    ${rec ? html`<p class="kern-body">${L.id[lang]}: <code>${rec.id}</code></p>` : textField(lang, f, { name: 'id', label: L.id, hint: draftsPair('lowerCaseLettersDigits'), maxlength: 120 })}
    ${textField(lang, f, { name: 'number', label: L.number, hint: draftsPair('threeOrFourDigits'), required: true, maxlength: 7 })}
    ${textField(lang, f, { name: 'shortTitleDe', label: L.shortTitleDe, required: true, maxlength: 300 })}
    ${textField(lang, f, { name: 'shortTitleEn', label: L.shortTitleEn, maxlength: 300 })}
    ${textField(lang, f, { name: 'edition', label: L.edition, type: 'number', required: true, fallback: String(new Date().getFullYear() + 1) })}
    ${textField(lang, f, { name: 'version', label: L.version, required: true, fallback: '0.1.0', maxlength: 64 })}
    ${textField(lang, f, { name: 'titleDe', label: L.titleDe, required: true, maxlength: 1000 })}
    ${textField(lang, f, { name: 'titleEn', label: L.titleEn, maxlength: 1000 })}
    ${selectField(lang, f, { name: 'supersedes', label: L.supersedes, options: [{ value: '', label: draftsPair('noneFirstEdition') }, ...v.others.filter((o) => o.id !== rec?.id).map((o) => ({ value: o.id, label: `${o.number} ${o.shortTitle.de} ${o.edition}` }))], fallback: '' })}
  </div></fieldset>
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'contentAndSubject')}</legend><div class="kern-fieldset__body stack">
    ${textField(lang, f, { name: 'descriptionDe', label: L.descriptionDe, rows: 5, required: true, maxlength: 20000 })}
    ${textField(lang, f, { name: 'descriptionEn', label: L.descriptionEn, rows: 3, maxlength: 20000 })}
    ${textField(lang, f, { name: 'keywords', label: L.keywords, maxlength: 2000 })}
    <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'themesDcat')}</legend><div class="kern-fieldset__body">
      ${Object.entries(themeLabels).map(([value, label]) => html`<div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${fieldId(`theme-${value}`)}" name="themes" value="${value}"${chosenThemes.has(value) ? raw(' checked') : ''}><label class="kern-label" for="${fieldId(`theme-${value}`)}">${label![lang]}</label></div>`)}
    </div></fieldset>
  </div></fieldset>
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'workingGroup')}</legend><div class="kern-fieldset__body stack">
    ${textField(lang, f, { name: 'wgName', label: L.wgName, required: true, maxlength: 300 })}
    ${textField(lang, f, { name: 'leadName', label: L.leadName, required: true, maxlength: 300 })}
    ${textField(lang, f, { name: 'leadOrganisation', label: L.leadOrganisation, maxlength: 300 })}
    ${selectField(lang, f, { name: 'leadLevel', label: L.leadLevel, options: levels, fallback: 'state' })}
    ${textField(lang, f, { name: 'leadJurisdiction', label: L.leadJurisdiction, required: true, maxlength: 300 })}
  </div></fieldset>
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'licence')}</legend><div class="kern-fieldset__body stack">
    ${selectField(lang, f, { name: 'license', label: L.license, hint: draftsPair('neededForPublication'), options: [{ value: '', label: draftsPair('noneYet') }, ...licenseIdSchema.options.map((id) => ({ value: id, label: licenceLabels[id] }))], fallback: 'DL-DE-BY-2.0' })}
    ${textField(lang, f, { name: 'attribution', label: L.attribution, hint: draftsPair('emptyThePublisherS'), maxlength: 2000 })}
  </div></fieldset>
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'documents')}</legend><div class="kern-fieldset__body stack">
    ${rec && rec.attachments.length > 0 ? html`<p class="kern-body">${draftsText(lang, 'stored')}</p><ul class="kern-list">${rec.attachments.map((a) => html`<li><div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${fieldId(`remove-${a.id}`)}" name="remove" value="${a.id}"><label class="kern-label" for="${fieldId(`remove-${a.id}`)}">${textOf(lang, a.title)} (${a.role}, ${a.mediaType}) ${draftsText(lang, 'remove')}</label></div></li>`)}</ul>` : ''}
    ${fileField(lang, f, { name: 'main', label: L.main, hint: draftsPair('pdfOdtDocxOr'), kept: keptOf('main').map((k) => k.upload.fileName) })}
    ${fileField(lang, f, { name: 'annexes', label: L.annexes, multiple: true, kept: keptOf('annex').map((k) => k.upload.fileName) })}
    ${fileField(lang, f, { name: 'ids', label: L.ids, accept: '.ids,.xml', kept: keptOf('data-requirements').map((k) => k.upload.fileName) })}
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${draftsText(lang, 'saveDraft')}</span></button>
</form>`;
}

function consultationForm(page: PageContext, rec: Recommendation, f: FormState, rows: number, edit?: { id: string; version: number }): Markup {
  const { lang } = page;
  return html`<form method="post" action="${edit ? `/verwaltung/konsultationen/${edit.id}/bearbeiten` : `/verwaltung/empfehlungen/${rec.id}/konsultation`}" class="stack" novalidate>
  ${csrfField(page)}
  ${edit ? html`<input type="hidden" name="_version" value="${f.values['_version'] ?? String(edit.version)}">` : ''}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'titleDe', label: draftsPair('titleGerman'), required: true, maxlength: 1000, fallback: `Konsultation zum Entwurf „${rec.shortTitle.de} ${rec.edition}“` })}
  ${textField(lang, f, { name: 'titleEn', label: draftsPair('titleEnglish'), maxlength: 1000, fallback: `Consultation on the draft "${rec.shortTitle.en ?? rec.shortTitle.de} ${rec.edition}"` })}
  ${textField(lang, f, { name: 'draftVersion', label: draftsPair('draftVersion'), required: true, maxlength: 64, fallback: rec.version })}
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'period')}</legend><div class="kern-fieldset__body stack">
    ${textField(lang, f, { name: 'opens', label: draftsPair('opensDayMidnight'), type: 'date', required: true })}
    ${textField(lang, f, { name: 'closes', label: draftsPair('closesDayEnd'), type: 'date', required: true })}
  </div></fieldset>
  <fieldset class="kern-fieldset"><legend class="kern-label">${draftsText(lang, 'sectionsOfTheDraft')}</legend><div class="kern-fieldset__body stack">
    <p class="kern-hint">${draftsText(lang, 'contributionsReferToThese')}</p>
    ${Array.from({ length: rows }, (_, i) => html`<div class="filters">
      ${textField(lang, f, { name: `anchor-${i}`, label: { de: `Abschnitt ${i + 1}: Nummer`, en: `Section ${i + 1}: number` }, maxlength: 64 })}
      ${textField(lang, f, { name: `sectionTitle-${i}`, label: { de: `Abschnitt ${i + 1}: Titel`, en: `Section ${i + 1}: title` }, maxlength: 300 })}
    </div>`)}
    <input type="hidden" name="rows" value="${rows}">
    <button class="kern-btn kern-btn--secondary" type="submit" name="_action" value="more"><span class="kern-label">${draftsText(lang, 'moreSections')}</span></button>
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${edit ? draftsText(lang, 'saveConsultation') : draftsText(lang, 'openConsultation')}</span></button>
</form>`;
}

/** Forms for recommendation drafts (with documents and IDS) and for opening their consultation. */
export function draftPages(ctx: AppContext, routes: Routes): void {
  const who = (c: Context<Env>) => {
    const user = c.get('user');
    return { now: ctx.now, user: user ? { id: user.id, username: user.username } : null };
  };
  const others = () => recommendationChoices(ctx.repo);
  const showDraft = async (c: Context<Env>, view: Omit<DraftView, 'others'>, status = 200) => {
    const all = await others();
    const title = (lang: Language) => (view.existing ? `${draftsText(lang, 'editDraft')}: ${textOf(lang, view.existing.data.shortTitle)} ${view.existing.data.edition}` : draftsText(lang, 'newRecommendationDraft'));
    return render(c, title, (page) => html`<p class="kern-preline"><a class="kern-link" href="/verwaltung/empfehlungen">${draftsText(page.lang, 'drafts')}</a></p>
<h1 class="kern-heading-x-large">${title(page.lang)}</h1>
${draftForm(page, { ...view, others: all })}`, status);
  };

  routes.get('/verwaltung/empfehlungen', 'secretariat', async (c) => {
    const url = new URL(c.req.url);
    const result = await listRecommendations(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const all = result.items.map((d) => d.data);
    return render(c, (lang) => draftsText(lang, 'editRecommendations'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${draftsText(lang, 'editRecommendations')}</h1>
<p><a class="kern-link" href="/verwaltung/empfehlungen/neu">${draftsText(lang, 'createANewDraft')}</a></p>
<table class="kern-table"><thead class="kern-table__header"><tr><th scope="col">${draftsText(lang, 'recommendation')}</th><th scope="col">${draftsText(lang, 'status')}</th><th scope="col">${draftsText(lang, 'actions')}</th></tr></thead>
<tbody class="kern-table__body">${all.map((r) => html`<tr><td><a class="kern-link" href="/empfehlungen/${r.id}">${r.number} ${textOf(lang, r.shortTitle)} ${r.edition}</a></td><td>${recommendationLabel(lang, 'state', r.status.state)}</td><td>
${r.status.state === 'draft' || r.status.state === 'consultation' ? html`<a class="kern-link" href="/verwaltung/empfehlungen/${r.id}/bearbeiten">${draftsText(lang, 'edit')}<span class="kern-sr-only"> ${r.id}</span></a>` : ''}
${(allowedEvents as Record<string, readonly string[]>)[r.status.state]?.includes('open-consultation') ? html` · <a class="kern-link" href="/verwaltung/empfehlungen/${r.id}/konsultation">${draftsText(lang, 'openConsultation')}<span class="kern-sr-only"> ${r.id}</span></a>` : ''}
</td></tr>`)}</tbody></table>
${pager(lang, '/verwaltung/empfehlungen', url.searchParams, result)}`);
  });

  routes.get('/verwaltung/empfehlungen/neu', 'secretariat', async (c) => {
    const header = await catalogueHeader(ctx);
    return showDraft(c, { form: { values: { attribution: header.publisher.name.de }, errors: [] }, kept: [] });
  });
  routes.get('/verwaltung/empfehlungen/:id/bearbeiten', 'secretariat', async (c) => {
    const existing = await requireRecommendation(ctx.repo, c.req.param('id') ?? '');
    return showDraft(c, { existing, form: { values: valuesOf(existing.data), errors: [] }, kept: [] });
  });

  const saveDraftForm = async (c: Context<Env>, existing: Versioned<Recommendation> | undefined) => {
    const { values, lists, files } = await readForm(c);
    const errors: FieldError[] = [];
    // Files first: stored even when other fields are wrong, so the form never loses them.
    const kept: DraftAttachment[] = (lists['kept'] ?? []).map(decodeKept).filter((k): k is DraftAttachment => k !== undefined);
    const take = async (field: string, role: AttachmentRole) => {
      for (const file of files[field] ?? []) {
        try {
          const upload = await keepUpload(ctx.repo, file, role);
          if (role !== 'annex') for (let i = kept.length - 1; i >= 0; i--) if (kept[i]!.role === role) kept.splice(i, 1);
          kept.push({ upload, role, title: file.name });
        } catch (error) {
          if (!AppError.isInstance(error)) throw error;
          const [de, en] = error.message.split(' / ');
          errors.push({ field, de: `${file.name}: ${de ?? error.message}`, en: `${file.name}: ${en ?? error.message}` });
        }
      }
    };
    await take('main', 'main');
    await take('annexes', 'annex');
    await take('ids', 'data-requirements');
    const header = await catalogueHeader(ctx);
    const shortTitle = (values['shortTitleDe'] ?? '').trim();
    const edition = Number((values['edition'] ?? '').trim());
    const id = existing?.data.id ?? ((values['id'] ?? '').trim() || slug(`${shortTitle}-${values['edition'] ?? ''}`));
    const en = (key: string) => ((values[key] ?? '').trim() ? { en: (values[key] ?? '').trim() } : {});
    const licenseId = licenseIdSchema.options.find((l) => l === values['license']);
    const lead = {
      name: (values['leadName'] ?? '').trim(),
      ...((values['leadOrganisation'] ?? '').trim() ? { organisation: (values['leadOrganisation'] ?? '').trim() } : {}),
      jurisdiction: { level: values['leadLevel'] ?? 'state', name: (values['leadJurisdiction'] ?? '').trim() },
    };
    const removed = new Set(lists['remove'] ?? []);
    const base = existing?.data;
    const themes = (lists['themes'] ?? []).filter((t) => t in themeLabels);
    const record = {
      ...(base ?? { status: { state: 'draft' }, references: [], adoptions: [], attachments: [], publisher: header.publisher }),
      id,
      number: (values['number'] ?? '').trim(),
      shortTitle: { de: shortTitle, ...en('shortTitleEn') },
      edition: Number.isFinite(edition) ? edition : Number.NaN,
      title: { de: (values['titleDe'] ?? '').trim(), ...en('titleEn') },
      description: { de: (values['descriptionDe'] ?? '').trim(), ...en('descriptionEn') },
      version: (values['version'] ?? '').trim(),
      modified: ctx.now().toISOString(),
      workingGroup: { name: { de: (values['wgName'] ?? '').trim() }, lead, contributors: base?.workingGroup.contributors ?? [] },
      keywords: (values['keywords'] ?? '').split(',').map((k) => k.trim()).filter(Boolean).map((k) => ({ de: k })),
      themes,
      attachments: (base?.attachments ?? []).filter((a) => !removed.has(a.id)),
    } as Record<string, unknown>;
    delete record['license'];
    if (licenseId) record['license'] = licenseFor((values['attribution'] ?? '').trim() || header.publisher.name.de, licenseId);
    delete record['supersedes'];
    if (values['supersedes']) record['supersedes'] = values['supersedes'];
    const checked = validateRecord('Recommendation', record, fieldOf, 'titleDe');
    if (!checked.ok) errors.push(...checked.errors);
    if (errors.length > 0 || !checked.ok) {
      return showDraft(c, { ...(existing ? { existing } : {}), form: { values, lists, errors }, kept }, 422);
    }
    try {
      const expected = existing ? Number(values['_version']) : undefined;
      const saved = await saveDraft(ctx.repo, checked.data, kept, expected, who(c), ctx.baseUrl);
      return c.redirect(`/empfehlungen/${saved.id}?gespeichert=1`, 303);
    } catch (error) {
      if (!AppError.isInstance(error) || !['conflict', 'precondition-failed', 'validation'].includes(error.code)) throw error;
      const [de, en2] = error.message.split(' / ');
      const field = error.code === 'conflict' ? 'id' : 'titleDe';
      return showDraft(c, { ...(existing ? { existing } : {}), form: { values, lists, errors: [{ field, de: de ?? error.message, en: en2 ?? error.message }] }, kept }, error.status);
    }
  };
  routes.upload('/verwaltung/empfehlungen/neu', 'secretariat', (c) => saveDraftForm(c, undefined));
  routes.upload('/verwaltung/empfehlungen/:id/bearbeiten', 'secretariat', async (c) => saveDraftForm(c, await requireRecommendation(ctx.repo, c.req.param('id') ?? '')));

  // ------------------------------------------------------------------ consultation
  const showConsultation = async (c: Context<Env>, f: FormState, rows: number, status = 200) => {
    const rec = (await requireRecommendation(ctx.repo, c.req.param('id') ?? '')).data;
    return render(c, (lang) => `${draftsText(lang, 'openConsultation')}: ${textOf(lang, rec.shortTitle)} ${rec.edition}`, (page) => html`
<h1 class="kern-heading-x-large">${draftsText(page.lang, 'openConsultation')}: ${textOf(page.lang, rec.shortTitle)} ${rec.edition}</h1>
${consultationForm(page, rec, f, rows)}`, status);
  };
  routes.get('/verwaltung/empfehlungen/:id/konsultation', 'secretariat', (c) => {
    const today = berlinDay(ctx.now().toISOString());
    const in6weeks = berlinDay(new Date(ctx.now().getTime() + 42 * 86_400_000).toISOString());
    return showConsultation(c, { values: { opens: today, closes: in6weeks, 'anchor-0': '1', 'sectionTitle-0': 'Gesamter Entwurf' }, errors: [] }, 4);
  });
  routes.post('/verwaltung/empfehlungen/:id/konsultation', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const rows = Math.min(200, Math.max(1, Number(values['rows']) || 4));
    if (values['_action'] === 'more') return showConsultation(c, { values, errors: [] }, rows + 5);
    const rec = (await requireRecommendation(ctx.repo, c.req.param('id') ?? '')).data;
    const parsed = consultationFromForm(values, rows, rec, `konsultation-${rec.id}`.slice(0, 120));
    const errors = parsed.errors;
    if (errors.length === 0 && parsed.consultation) {
      try {
        await openConsultation(ctx.repo, rec.id, parsed.consultation, who(c));
        return c.redirect(`/verwaltung/konsultationen/${parsed.consultation.id}/beitraege`, 303);
      } catch (error) {
        if (!AppError.isInstance(error) || !['conflict', 'invalid-transition', 'validation', 'precondition-failed'].includes(error.code)) throw error;
        const [de, en] = error.message.split(' / ');
        errors.push({ field: 'opens', de: de ?? error.message, en: en ?? error.message });
      }
    }
    return showConsultation(c, { values, errors }, rows, 422);
  });

  const showEdit = async (c: Context<Env>, f: FormState | undefined, rows: number | undefined, status = 200) => {
    const doc = await requireConsultation(ctx.repo, c.req.param('cid') ?? '');
    const rec = (await requireRecommendation(ctx.repo, doc.data.recommendation)).data;
    const fresh: Record<string, string> = {
      titleDe: doc.data.title.de, titleEn: doc.data.title.en ?? '', draftVersion: doc.data.draftVersion, opens: berlinDay(doc.data.opens), closes: berlinDay(doc.data.closes), _version: String(doc.version),
    };
    doc.data.sections.forEach((s, i) => {
      fresh[`anchor-${i}`] = s.anchor;
      fresh[`sectionTitle-${i}`] = s.title.de;
    });
    return render(c, (lang) => `${draftsText(lang, 'editConsultation')}: ${textOf(lang, doc.data.title)}`, (page) => html`
<p class="kern-preline"><a class="kern-link" href="/verwaltung/konsultationen/${doc.data.id}/beitraege">${draftsText(page.lang, 'contributions')}</a></p>
<h1 class="kern-heading-x-large">${draftsText(page.lang, 'editConsultation')}: ${textOf(page.lang, doc.data.title)}</h1>
${consultationForm(page, rec, f ?? { values: fresh, errors: [] }, rows ?? doc.data.sections.length + 2, { id: doc.data.id, version: doc.version })}`, status);
  };
  routes.get('/verwaltung/konsultationen/:cid/bearbeiten', 'secretariat', (c) => showEdit(c, undefined, undefined));
  routes.post('/verwaltung/konsultationen/:cid/bearbeiten', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const rows = Math.min(200, Math.max(1, Number(values['rows']) || 4));
    if (values['_action'] === 'more') return showEdit(c, { values, errors: [] }, rows + 5);
    const doc = await requireConsultation(ctx.repo, c.req.param('cid') ?? '');
    const rec = (await requireRecommendation(ctx.repo, doc.data.recommendation)).data;
    const parsed = consultationFromForm(values, rows, rec, doc.data.id);
    const errors = parsed.errors;
    if (errors.length === 0 && parsed.consultation) {
      try {
        await updateConsultation(ctx.repo, doc.data.id, Number(values['_version']), parsed.consultation, who(c));
        return c.redirect(`/verwaltung/konsultationen/${doc.data.id}/beitraege`, 303);
      } catch (error) {
        if (!AppError.isInstance(error) || !['validation', 'precondition-failed'].includes(error.code)) throw error;
        const [de, en] = error.message.split(' / ');
        errors.push({ field: error.code === 'validation' ? 'anchor-0' : 'titleDe', de: de ?? error.message, en: en ?? error.message });
      }
    }
    return showEdit(c, { values, errors }, rows, 422);
  });
}

/** The consultation the form describes, or the errors of its fields. */
function consultationFromForm(values: Record<string, string>, rows: number, rec: Recommendation, id: string): { consultation?: Consultation; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const opens = berlinInstant(values['opens'] ?? '');
  const closes = berlinInstant(values['closes'] ?? '', '23:59:59');
  if (!opens) errors.push({ field: 'opens', de: 'Bitte den ersten Tag als Datum angeben.', en: 'Please give the first day as a date.' });
  if (!closes) errors.push({ field: 'closes', de: 'Bitte den letzten Tag als Datum angeben.', en: 'Please give the last day as a date.' });
  const sections: Array<{ anchor: string; title: { de: string } }> = [];
  const rowOf: number[] = [];
  for (let i = 0; i < rows; i++) {
    const anchor = (values[`anchor-${i}`] ?? '').trim();
    const title = (values[`sectionTitle-${i}`] ?? '').trim();
    if (!anchor && !title) continue;
    if (!anchor) errors.push({ field: `anchor-${i}`, de: `Abschnitt ${i + 1}: Nummer fehlt.`, en: `Section ${i + 1}: number missing.` });
    if (!title) errors.push({ field: `sectionTitle-${i}`, de: `Abschnitt ${i + 1}: Titel fehlt.`, en: `Section ${i + 1}: title missing.` });
    if (anchor && sections.some((s) => s.anchor === anchor)) errors.push({ field: `anchor-${i}`, de: `Abschnitt ${anchor} doppelt.`, en: `Section ${anchor} twice.` });
    sections.push({ anchor, title: { de: title } });
    rowOf.push(i);
  }
  const consultation = {
    id,
    recommendation: rec.id,
    draftVersion: (values['draftVersion'] ?? '').trim(),
    title: { de: (values['titleDe'] ?? '').trim(), ...((values['titleEn'] ?? '').trim() ? { en: (values['titleEn'] ?? '').trim() } : {}) },
    opens: opens ?? '',
    closes: closes ?? '',
    sections,
    contributions: [],
  };
  if (errors.length === 0) {
    const checked = validateRecord('Consultation', consultation, (path) => {
      const m = /^\$\.sections\[(\d+)\]\.(anchor|title)/.exec(path);
      if (m) return `${m[2] === 'anchor' ? 'anchor' : 'sectionTitle'}-${rowOf[Number(m[1])] ?? 0}`;
      return path.startsWith('$.title.en') ? 'titleEn' : path.startsWith('$.title') ? 'titleDe' : path.startsWith('$.draftVersion') ? 'draftVersion' : path.startsWith('$.closes') ? 'closes' : path.startsWith('$.opens') ? 'opens' : undefined;
    }, 'titleDe');
    if (!checked.ok) errors.push(...checked.errors);
    else return { consultation: checked.data, errors };
  }
  return { errors };
}
