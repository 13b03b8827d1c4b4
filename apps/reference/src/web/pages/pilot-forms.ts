import { presets, states } from '@foederal/membership';
import type { Pilot } from '@foederal/recommendations';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { Versioned } from '../../db/repository.js';
import { getPilot, recentPilots, savePilotAudited } from '../../domain/pilots.js';
import { bodyOrUndefined, checkProject, getProject, recentProjects, saveProjectAudited, type JointProject } from '../../domain/projects.js';
import { findRecommendation, recommendationChoices } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { csrfField, type Markup, type PageContext } from '../layout.js';
import { render, type Env, type Routes } from '../routing.js';
import { errorSummary, readForm, required, selectField, textField, validateRecord, type FieldError, type FormState } from '../forms/fields.js';
import { pilotFormsText, pilotFormsPair } from '../strings/pilot-forms.js';

const levelOptions = [
  { value: 'federal', label: pilotFormsPair('federal') },
  { value: 'state', label: pilotFormsPair('stateLand') },
  { value: 'administrativeDistrict', label: pilotFormsPair('district') },
  { value: 'municipality', label: pilotFormsPair('municipality') },
];

function slug(text: string): string {
  return text.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue').replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

function participantRows(lang: PageContext['lang'], f: FormState, rows: number, withRole: boolean): Markup {
  return html`${Array.from({ length: rows }, (_, i) => html`<div class="filters">
    ${textField(lang, f, { name: `pName-${i}`, label: { de: `Beteiligte ${i + 1}: Verwaltung`, en: `Participant ${i + 1}: administration` }, maxlength: 300 })}
    ${selectField(lang, f, { name: `pLevel-${i}`, label: { de: `Beteiligte ${i + 1}: Ebene`, en: `Participant ${i + 1}: level` }, options: levelOptions, fallback: 'municipality' })}
    ${withRole
      ? html`${textField(lang, f, { name: `pJurisdiction-${i}`, label: { de: `Beteiligte ${i + 1}: Gebietskörperschaft`, en: `Participant ${i + 1}: jurisdiction` }, maxlength: 300 })}
        ${selectField(lang, f, { name: `pRole-${i}`, label: { de: `Beteiligte ${i + 1}: Rolle`, en: `Participant ${i + 1}: role` }, options: [{ value: 'participant', label: pilotFormsPair('participant') }, { value: 'lead', label: pilotFormsPair('lead') }], fallback: i === 0 ? 'lead' : 'participant' })}`
      : html`${selectField(lang, f, { name: `pState-${i}`, label: { de: `Beteiligte ${i + 1}: Land (bei Ebene Land)`, en: `Participant ${i + 1}: Land (for level state)` }, options: [{ value: '', label: '–' }, ...states.map((s) => ({ value: s.iso, label: s.name }))], fallback: '' })}`}
  </div>`)}
  <input type="hidden" name="rows" value="${rows}">
  <button class="kern-btn kern-btn--secondary" type="submit" name="_action" value="more"><span class="kern-label">${pilotFormsText(lang, 'moreParticipants')}</span></button>`;
}

/** Forms for pilots (Pilotvorhaben) and joint projects (Gemeinschaftsvorhaben) instead of JSON. */
export function pilotFormPages(ctx: AppContext, routes: Routes): void {
  const who = (c: Context<Env>) => {
    const user = c.get('user');
    return { now: ctx.now, user: user ? { id: user.id, username: user.username } : null };
  };

  // ---------------------------------------------------------------- pilots
  const showPilot = async (c: Context<Env>, f: FormState, rows: number, status = 200, editing?: Versioned<Pilot>) => {
    const recs = await recommendationChoices(ctx.repo);
    const existing = editing ? [] : await recentPilots(ctx.repo);
    const heading = (lang: 'de' | 'en') => (editing ? `${pilotFormsText(lang, 'editPilot')}: ${editing.data.title.de}` : pilotFormsText(lang, 'newPilot'));
    return render(c, heading, (page) => {
      const { lang } = page;
      return html`<h1 class="kern-heading-x-large">${heading(lang)}</h1>
${existing.length > 0 ? html`<p class="kern-body">${pilotFormsText(lang, 'editExisting')}</p><ul class="kern-list">${existing.map((x) => html`<li><a class="kern-link" href="/verwaltung/pilotvorhaben/${x.id}/bearbeiten">${x.title.de}</a></li>`)}</ul>` : ''}
<form method="post" action="${editing ? `/verwaltung/pilotvorhaben/${editing.id}/bearbeiten` : '/verwaltung/pilotvorhaben/neu'}" class="stack" novalidate>${csrfField(page)}
  ${editing ? html`<input type="hidden" name="_version" value="${f.values['_version'] ?? String(editing.version)}">` : ''}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'titleDe', label: pilotFormsPair('title'), required: true, maxlength: 1000 })}
  ${textField(lang, f, { name: 'descriptionDe', label: pilotFormsPair('description'), required: true, rows: 4, maxlength: 20000 })}
  ${selectField(lang, f, { name: 'subjectKind', label: pilotFormsPair('subject'), options: [{ value: 'recommendation', label: pilotFormsPair('aRecommendation') }, { value: 'open-source', label: pilotFormsPair('anOpenSourceSolution') }], fallback: 'recommendation' })}
  ${selectField(lang, f, { name: 'recommendation', label: pilotFormsPair('subjectRecommendation'), options: recs.map((r) => ({ value: r.id, label: `${r.number} ${r.shortTitle.de} ${r.edition} (${r.version})` })) })}
  ${textField(lang, f, { name: 'osName', label: pilotFormsPair('nameOfTheSolution'), maxlength: 300 })}
  ${textField(lang, f, { name: 'repository', label: pilotFormsPair('repositoryOnOpencode'), type: 'url', maxlength: 500 })}
  ${textField(lang, f, { name: 'start', label: pilotFormsPair('start'), type: 'date', required: true })}
  ${textField(lang, f, { name: 'end', label: pilotFormsPair('end'), type: 'date' })}
  ${selectField(lang, f, { name: 'status', label: pilotFormsPair('state'), options: [{ value: 'planned', label: pilotFormsPair('planned') }, { value: 'running', label: pilotFormsPair('running') }, { value: 'completed', label: pilotFormsPair('completed') }, { value: 'stopped', label: pilotFormsPair('stopped') }], fallback: 'planned' })}
  ${textField(lang, f, { name: 'contact', label: pilotFormsPair('contactEMail'), type: 'email', maxlength: 254 })}
  <fieldset class="kern-fieldset"><legend class="kern-label">${pilotFormsText(lang, 'participatingAdministrations')}</legend><div class="kern-fieldset__body stack">
    ${participantRows(lang, f, rows, true)}
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${editing ? pilotFormsText(lang, 'savePilot') : pilotFormsText(lang, 'createPilot')}</span></button>
</form>`;
    }, status);
  };
  routes.get('/verwaltung/pilotvorhaben/neu', 'secretariat', (c) => showPilot(c, { values: {}, errors: [] }, 2));
  routes.get('/verwaltung/pilotvorhaben/:id/bearbeiten', 'secretariat', async (c) => {
    const doc = await getPilot(ctx.repo, c.req.param('id') ?? '');
    const p = doc.data;
    const values: Record<string, string> = {
      _version: String(doc.version), titleDe: p.title.de, descriptionDe: p.description.de, subjectKind: p.subject.kind, start: p.start, end: p.end ?? '', status: p.status, contact: p.contact ?? '',
      ...(p.subject.kind === 'recommendation' ? { recommendation: p.subject.recommendation } : { osName: p.subject.name, repository: p.subject.repository }),
    };
    p.participants.forEach((x, i) => Object.assign(values, { [`pName-${i}`]: x.organisation, [`pLevel-${i}`]: x.jurisdiction.level, [`pJurisdiction-${i}`]: x.jurisdiction.name, [`pRole-${i}`]: x.role }));
    return showPilot(c, { values, errors: [] }, p.participants.length + 1, 200, doc);
  });
  const savePilot = async (c: Context<Env>, editing: Versioned<Pilot> | undefined) => {
    const { values } = await readForm(c);
    const rows = Math.min(200, Math.max(1, Number(values['rows']) || 2));
    if (values['_action'] === 'more') return showPilot(c, { values, errors: [] }, rows + 3, 200, editing);
    const errors: FieldError[] = [];
    const title = required(values, 'titleDe', pilotFormsPair('title'), errors);
    const participants: unknown[] = [];
    const rowOf: number[] = [];
    for (let i = 0; i < rows; i++) {
      const organisation = (values[`pName-${i}`] ?? '').trim();
      if (!organisation) continue;
      participants.push({ organisation, jurisdiction: { level: values[`pLevel-${i}`] ?? 'municipality', name: (values[`pJurisdiction-${i}`] ?? '').trim() || organisation }, role: values[`pRole-${i}`] === 'lead' ? 'lead' : 'participant' });
      rowOf.push(i);
    }
    if (participants.length === 0) errors.push({ field: 'pName-0', de: 'Bitte mindestens eine beteiligte Verwaltung angeben.', en: 'Please name at least one participating administration.' });
    const rec = values['subjectKind'] === 'open-source' ? undefined : await findRecommendation(ctx.repo, values['recommendation'] ?? '');
    const subject = values['subjectKind'] === 'open-source'
      ? { kind: 'open-source', name: (values['osName'] ?? '').trim(), repository: (values['repository'] ?? '').trim() }
      : { kind: 'recommendation', recommendation: rec?.id ?? '', version: rec?.version ?? '' };
    const pilot = {
      id: editing?.id ?? (slug(title) || 'pilot'), title: { de: title }, description: { de: (values['descriptionDe'] ?? '').trim() }, subject, participants,
      start: values['start'] ?? '', ...(values['end'] ? { end: values['end'] } : {}), status: values['status'] ?? 'planned',
      ...((values['contact'] ?? '').trim() ? { contact: (values['contact'] ?? '').trim() } : {}),
    };
    const fieldOf = (path: string): string | undefined => {
      const m = /^\$\.participants\[(\d+)\]\.(organisation|jurisdiction|role)/.exec(path);
      if (m) return `${{ organisation: 'pName', jurisdiction: 'pJurisdiction', role: 'pRole' }[m[2] as 'role']}-${rowOf[Number(m[1])] ?? 0}`;
      if (path.startsWith('$.participants')) return 'pRole-0';
      if (path.startsWith('$.subject.recommendation') || path.startsWith('$.subject.version')) return 'recommendation';
      if (path.startsWith('$.subject.name')) return 'osName';
      if (path.startsWith('$.subject.repository')) return 'repository';
      return ({ '$.title': 'titleDe', '$.description': 'descriptionDe', '$.start': 'start', '$.end': 'end', '$.status': 'status', '$.contact': 'contact', '$.id': 'titleDe' } as Record<string, string>)[path.replace(/\.(de|en)$/, '')];
    };
    if (errors.length === 0) {
      const checked = validateRecord('Pilot', pilot, fieldOf, 'titleDe');
      if (!checked.ok) errors.push(...checked.errors);
      else {
        try {
          await savePilotAudited(ctx.repo, checked.data, editing, Number(values['_version']), who(c));
          return c.redirect(`/pilotvorhaben/${checked.data.id}`, 303);
        } catch (error) {
          if (!AppError.isInstance(error) || !['conflict', 'precondition-failed'].includes(error.code)) throw error;
          errors.push(error.code === 'conflict'
            ? { field: 'titleDe', de: 'Ein Pilotvorhaben mit diesem Titel gibt es schon.', en: 'A pilot with this title exists already.' }
            : { field: 'titleDe', de: 'Das Pilotvorhaben wurde inzwischen geändert; bitte neu laden.', en: 'The pilot was changed meanwhile; please reload.' });
        }
      }
    }
    return showPilot(c, { values, errors }, rows, 422, editing);
  };
  routes.post('/verwaltung/pilotvorhaben/neu', 'secretariat', (c) => savePilot(c, undefined));
  routes.post('/verwaltung/pilotvorhaben/:id/bearbeiten', 'secretariat', async (c) => savePilot(c, await getPilot(ctx.repo, c.req.param('id') ?? '')));

  // ---------------------------------------------------------------- joint projects
  const showProject = async (c: Context<Env>, f: FormState, rows: number, status = 200, editing?: Versioned<JointProject>) => {
    const body = await bodyOrUndefined(ctx.repo);
    const rules = [...(body?.rules ?? []).map((r) => r.id), ...Object.keys(presets)].filter((v, i, a) => a.indexOf(v) === i);
    const existing = editing ? [] : await recentProjects(ctx.repo);
    const heading = (lang: 'de' | 'en') => (editing ? `${pilotFormsText(lang, 'editJointProject')}: ${editing.data.title.de}` : pilotFormsText(lang, 'newJointProject'));
    return render(c, heading, (page) => {
      const { lang } = page;
      return html`<h1 class="kern-heading-x-large">${heading(lang)}</h1>
${existing.length > 0 ? html`<p class="kern-body">${pilotFormsText(lang, 'editExisting')}</p><ul class="kern-list">${existing.map((x) => html`<li><a class="kern-link" href="/verwaltung/gemeinschaftsvorhaben/${x.id}/bearbeiten">${x.title.de}</a></li>`)}</ul>` : ''}
<form method="post" action="${editing ? `/verwaltung/gemeinschaftsvorhaben/${editing.id}/bearbeiten` : '/verwaltung/gemeinschaftsvorhaben/neu'}" class="stack" novalidate>${csrfField(page)}
  ${editing ? html`<input type="hidden" name="_version" value="${f.values['_version'] ?? String(editing.version)}">` : ''}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'titleDe', label: pilotFormsPair('title'), required: true, maxlength: 1000 })}
  ${textField(lang, f, { name: 'descriptionDe', label: pilotFormsPair('description'), rows: 3, maxlength: 20000 })}
  ${textField(lang, f, { name: 'total', label: pilotFormsPair('totalCostInEuro'), hint: pilotFormsPair('amountExample'), required: true, maxlength: 30 })}
  ${selectField(lang, f, { name: 'rules', label: pilotFormsPair('costSharingUnder'), options: rules.map((r) => ({ value: r, label: r })), fallback: rules[0] ?? '' })}
  ${textField(lang, f, { name: 'date', label: pilotFormsPair('referenceDateSelectsThe'), type: 'date', required: true })}
  <fieldset class="kern-fieldset"><legend class="kern-label">${pilotFormsText(lang, 'participants')}</legend><div class="kern-fieldset__body stack">
    ${participantRows(lang, f, rows, false)}
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${editing ? pilotFormsText(lang, 'saveProject') : pilotFormsText(lang, 'createProject')}</span></button>
</form>`;
    }, status);
  };
  routes.get('/verwaltung/gemeinschaftsvorhaben/neu', 'secretariat', (c) => showProject(c, { values: {}, errors: [] }, 3));
  routes.get('/verwaltung/gemeinschaftsvorhaben/:id/bearbeiten', 'secretariat', async (c) => {
    const doc = await getProject(ctx.repo, c.req.param('id') ?? '');
    const p = doc.data;
    const euro = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(p.total / 100);
    const values: Record<string, string> = { _version: String(doc.version), titleDe: p.title.de, descriptionDe: p.description?.de ?? '', total: euro, rules: p.rules, date: p.date };
    p.participants.forEach((x, i) => Object.assign(values, { [`pName-${i}`]: x.name ?? x.id, [`pLevel-${i}`]: x.level, [`pState-${i}`]: x.state ?? '' }));
    return showProject(c, { values, errors: [] }, p.participants.length + 1, 200, doc);
  });
  const saveProjectForm = async (c: Context<Env>, editing: Versioned<JointProject> | undefined) => {
    const { values } = await readForm(c);
    const rows = Math.min(500, Math.max(1, Number(values['rows']) || 3));
    if (values['_action'] === 'more') return showProject(c, { values, errors: [] }, rows + 5, 200, editing);
    const errors: FieldError[] = [];
    const title = required(values, 'titleDe', pilotFormsPair('title'), errors);
    const totalText = (values['total'] ?? '').trim().replace(/\s|€/g, '');
    const total = /^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(totalText) ? Math.round(Number(totalText.replace(/\./g, '').replace(',', '.')) * 100) : Number.NaN;
    if (!Number.isSafeInteger(total)) errors.push({ field: 'total', de: 'Bitte einen Betrag in Euro angeben, z. B. 1.250.000,00.', en: 'Please enter an amount in euro, e.g. 1.250.000,00.' });
    const participants: unknown[] = [];
    const rowOf: number[] = [];
    for (let i = 0; i < rows; i++) {
      const name = (values[`pName-${i}`] ?? '').trim();
      if (!name) continue;
      participants.push({ id: slug(name) || `p-${i}`, level: values[`pLevel-${i}`] ?? 'municipality', name, ...(values[`pState-${i}`] ? { state: values[`pState-${i}`] } : {}) });
      rowOf.push(i);
    }
    if (participants.length === 0) errors.push({ field: 'pName-0', de: 'Bitte mindestens eine beteiligte Verwaltung angeben.', en: 'Please name at least one participant.' });
    const project = { id: editing?.id ?? (slug(title) || 'vorhaben'), title: { de: title }, ...((values['descriptionDe'] ?? '').trim() ? { description: { de: (values['descriptionDe'] ?? '').trim() } } : {}), total, rules: values['rules'] ?? '', date: values['date'] ?? '', participants };
    if (errors.length === 0) {
      try {
        // Validated against the contract and checked to be shareable under its rules by createProject.
        const checked = checkProject(project, '$');
        await saveProjectAudited(ctx.repo, checked, editing, Number(values['_version']), who(c));
        return c.redirect(`/kostenteilung/${checked.id}`, 303);
      } catch (error) {
        if (!AppError.isInstance(error) || !['validation', 'conflict', 'precondition-failed'].includes(error.code)) throw error;
        const details = (error.details?.['errors'] ?? []) as Array<{ path: string; message: string }>;
        const mapped = details.length > 0
          ? details.map((raw) => {
            const d = { ...raw, path: raw.path.replace(/^\$\.body/, '$') };
            const m = /^\$\.participants\[(\d+)\]\.?(\w*)/.exec(d.path);
            const field = m ? `${m[2] === 'state' ? 'pState' : m[2] === 'level' ? 'pLevel' : 'pName'}-${rowOf[Number(m[1])] ?? 0}` : d.path.startsWith('$.total') ? 'total' : d.path.startsWith('$.date') ? 'date' : d.path.startsWith('$.rules') ? 'rules' : 'titleDe';
            const [de, en] = d.message.split(' / ');
            return { field, de: de ?? d.message, en: en ?? de ?? d.message };
          })
          : [{ field: error.code === 'conflict' ? 'titleDe' : 'rules', de: error.message.split(' / ')[0] ?? error.message, en: error.message.split(' / ')[1] ?? error.message }];
        errors.push(...mapped);
      }
    }
    return showProject(c, { values, errors }, rows, 422, editing);
  };
  routes.post('/verwaltung/gemeinschaftsvorhaben/neu', 'secretariat', (c) => saveProjectForm(c, undefined));
  routes.post('/verwaltung/gemeinschaftsvorhaben/:id/bearbeiten', 'secretariat', async (c) => saveProjectForm(c, await getProject(ctx.repo, c.req.param('id') ?? '')));
}
