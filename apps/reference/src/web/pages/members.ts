import type { Body } from '@foederal/publication';
import { jurisdictionKindSchema, membershipKindSchema, membershipRoleSchema, presets, states, type Membership } from '@foederal/membership';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { Versioned } from '../../db/repository.js';
import { berlinDay } from '../../domain/berlin-time.js';
import { composition, findBody, getBody } from '../../domain/body.js';
import { createBody, saveMember, type MemberInput } from '../../domain/members.js';
import { AppError } from '../../errors.js';
import { formatDate, textOf, type Language, type LocalizedText } from '../i18n.js';
import { csrfField, type Markup, type PageContext } from '../layout.js';
import { render, type Env, type Routes } from '../routing.js';
import { checkboxField, errorSummary, readForm, required, selectField, textField, type FieldError, type FormState } from '../forms/fields.js';
import { memberBilingual, memberLabel } from '../labels.js';
import { membersText, membersPair } from '../strings/members.js';

const levelOptions = [
  { value: 'federal', label: membersPair('federal') },
  { value: 'state', label: membersPair('stateLand') },
  { value: 'administrativeDistrict', label: membersPair('district') },
  { value: 'municipality', label: membersPair('municipalityMunicipalAssociation') },
  { value: '', label: membersPair('noneScienceIndustryCivil') },
];
const jurisdictionKinds = jurisdictionKindSchema.options.map((value) => ({ value, label: memberBilingual('jurisdictionKind', value) }));
const presetLabels: Record<string, Required<LocalizedText>> = {
  'amev-style-working-group': membersPair('amevStyleWorkingGroup'),
  'it-planungsrat': membersPair('itPlanningCouncil'),
  bauministerkonferenz: membersPair('conferenceOfBuildingMinisters'),
};

/** Body issue path → member form field. */
function memberFieldOf(path: string): string {
  if (/^memberships\.\d+\.endDate/.test(path)) return 'endDate';
  if (/^memberships\.\d+\.startDate/.test(path)) return 'startDate';
  if (/^memberships\.\d+\.(votingRight|kind)/.test(path)) return 'votingRight';
  if (/^memberships\.\d+\.role/.test(path)) return 'role';
  if (/^jurisdictions\.\d+\.state/.test(path)) return 'newState';
  if (/^jurisdictions\.\d+\.level/.test(path)) return 'newLevel';
  if (/^jurisdictions\.\d+/.test(path)) return 'newName';
  if (/^people\.\d+\.contact/.test(path)) return 'email';
  if (/^people\.\d+/.test(path)) return 'personName';
  return 'personName';
}

function memberForm(page: PageContext, body: Versioned<Body>, f: FormState, editing?: Membership): Markup {
  const { lang } = page;
  const jurisdictions = body.data.jurisdictions;
  return html`<form method="post" action="/verwaltung/gremium/mitglieder" class="stack" novalidate>
  ${csrfField(page)}
  <input type="hidden" name="_version" value="${f.values['_version'] ?? String(body.version)}">
  ${editing ? html`<input type="hidden" name="membershipId" value="${editing.id}">` : ''}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'personName', label: membersPair('nameOfThePerson'), required: true, maxlength: 300, autocomplete: 'off' })}
  ${textField(lang, f, { name: 'email', label: membersPair('eMailNotPublic'), type: 'email', maxlength: 254, autocomplete: 'off' })}
  ${selectField(lang, f, { name: 'jurisdiction', label: membersPair('represents'), options: [...jurisdictions.map((j) => ({ value: j.id, label: textOf(lang, j.name) })), { value: 'neu', label: membersPair('newJurisdictionOption') }], fallback: jurisdictions[0]?.id ?? 'neu' })}
  <fieldset class="kern-fieldset"><legend class="kern-label">${membersText(lang, 'newJurisdictionName')}</legend><div class="kern-fieldset__body stack">
    ${selectField(lang, f, { name: 'newKind', label: membersPair('kind'), options: jurisdictionKinds, fallback: 'government' })}
    ${selectField(lang, f, { name: 'newLevel', label: membersPair('level'), options: levelOptions, fallback: 'state' })}
    ${textField(lang, f, { name: 'newName', label: membersPair('nameOfTheNew'), maxlength: 300 })}
    ${selectField(lang, f, { name: 'newState', label: membersPair('landForLevelState'), options: [{ value: '', label: '–' }, ...states.map((s) => ({ value: s.iso, label: s.name }))], fallback: '' })}
  </div></fieldset>
  ${selectField(lang, f, { name: 'kind', label: membersPair('kindOfMembership'), options: membershipKindSchema.options.map((value) => ({ value, label: memberBilingual('membershipKind', value) })), fallback: 'voting' })}
  ${checkboxField(lang, f, { name: 'votingRight', label: membersPair('votingRight'), fallback: true })}
  ${selectField(lang, f, { name: 'role', label: membersPair('role'), options: membershipRoleSchema.options.map((value) => ({ value, label: memberBilingual('membershipRole', value) })), fallback: 'member' })}
  ${textField(lang, f, { name: 'startDate', label: membersPair('start'), type: 'date', required: true })}
  ${textField(lang, f, { name: 'endDate', label: membersPair('end'), type: 'date' })}
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${editing ? membersText(lang, 'saveMembership') : membersText(lang, 'addMember')}</span></button>
</form>`;
}

function membersTable(lang: Language, body: Body): Markup {
  const plenum = body.organizations.find((o) => o.classification === 'plenum')?.id;
  const people = new Map(body.people.map((p) => [p.id, p]));
  const jurisdictions = new Map(body.jurisdictions.map((j) => [j.id, j]));
  const rows = body.memberships.filter((m) => m.organizationId === plenum);
  if (rows.length === 0) return html`<p class="kern-body">${membersText(lang, 'noMembersYet')}</p>`;
  return html`<table class="kern-table"><caption class="kern-title">${membersText(lang, 'membersAndSeatsOf')}</caption>
<thead class="kern-table__header"><tr><th scope="col">${membersText(lang, 'person')}</th><th scope="col">${membersText(lang, 'represents')}</th><th scope="col">${membersText(lang, 'kind')}</th><th scope="col">${membersText(lang, 'vote')}</th><th scope="col">${membersText(lang, 'role')}</th><th scope="col">${membersText(lang, 'term')}</th><th scope="col">${membersText(lang, 'change')}</th></tr></thead>
<tbody class="kern-table__body">${rows.map((m) => html`<tr><td>${people.get(m.personId)?.name ?? m.personId}</td><td>${textOf(lang, jurisdictions.get(m.onBehalfOf ?? '')?.name) || m.onBehalfOf}</td><td>${memberLabel(lang, 'membershipKind', m.kind)}</td><td>${m.votingRight ? membersText(lang, 'yes') : membersText(lang, 'no')}</td><td>${memberLabel(lang, 'membershipRole', m.role ?? 'member')}</td><td>${formatDate(lang, m.startDate)} – ${m.endDate ? formatDate(lang, m.endDate) : ''}</td><td><a class="kern-link" href="/verwaltung/gremium/mitglieder/${m.id}">${membersText(lang, 'edit')}<span class="kern-sr-only"> ${people.get(m.personId)?.name ?? m.personId}</span></a></td></tr>`)}</tbody></table>`;
}

/** Forms for the body: set it up under a preset's rules, add and change members and seats. */
export function memberPages(ctx: AppContext, routes: Routes): void {
  const who = (c: Context<Env>) => {
    const user = c.get('user');
    return { now: ctx.now, user: user ? { id: user.id, username: user.username } : null };
  };
  const show = async (c: Context<Env>, f: FormState, status = 200, editing?: Membership) => {
    const body = await findBody(ctx.repo);
    const today = berlinDay(ctx.now().toISOString());
    return render(c, (lang) => membersText(lang, 'bodyAndMembers'), (page) => {
      const { lang } = page;
      if (!body) {
        return html`<h1 class="kern-heading-x-large">${membersText(lang, 'setUpTheBody')}</h1>
<form method="post" action="/verwaltung/gremium" class="stack" novalidate>${csrfField(page)}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'name', label: membersPair('nameOfThePlenary'), required: true, maxlength: 300 })}
  ${selectField(lang, f, { name: 'preset', label: membersPair('rulesOfProcedurePreset'), options: Object.keys(presets).map((p) => ({ value: p, label: presetLabels[p] ?? p })), fallback: 'amev-style-working-group' })}
  ${textField(lang, f, { name: 'startDate', label: membersPair('start'), type: 'date', required: true, fallback: today })}
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${membersText(lang, 'setUpBody')}</span></button>
</form>`;
      }
      const report = composition(body.data, today);
      return html`<h1 class="kern-heading-x-large">${membersText(lang, 'bodyAndMembers')}</h1>
<p class="kern-body"><a class="kern-link" href="/arbeitskreis">${membersText(lang, 'publicPageOfThe')}</a></p>
${membersTable(lang, body.data)}
<p class="kern-body" role="status">${report.ok ? membersText(lang, 'theSeatBalanceMeets') : `${membersText(lang, 'deviationsFromTheRules')}: ${report.violations.map((v) => v[lang]).join('; ')}`}</p>
<h2 class="kern-heading-medium">${editing ? membersText(lang, 'changeMembership') : membersText(lang, 'addAMember')}</h2>
${memberForm(page, body, f, editing)}`;
    }, status);
  };

  routes.get('/verwaltung/gremium', 'secretariat', (c) => show(c, { values: { startDate: berlinDay(ctx.now().toISOString()), votingRight: 'ja' }, errors: [] }));
  routes.get('/verwaltung/gremium/mitglieder/:mid', 'secretariat', async (c) => {
    const body = await getBody(ctx.repo, true);
    const m = body.data.memberships.find((x) => x.id === c.req.param('mid'));
    if (!m) throw new AppError('not-found', `Mitgliedschaft nicht gefunden / membership not found: ${c.req.param('mid')}`);
    const person = body.data.people.find((p) => p.id === m.personId);
    return show(c, {
      values: { personName: person?.name ?? '', email: person?.contact?.email ?? '', jurisdiction: m.onBehalfOf ?? '', kind: m.kind, votingRight: m.votingRight ? 'ja' : '', role: m.role ?? 'member', startDate: m.startDate, endDate: m.endDate ?? '', _version: String(body.version) },
      errors: [],
    }, 200, m);
  });

  routes.post('/verwaltung/gremium', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const errors: FieldError[] = [];
    const name = required(values, 'name', membersPair('nameOfThePlenary'), errors);
    const preset = Object.keys(presets).find((p) => p === values['preset']) as keyof typeof presets | undefined;
    if (!preset) errors.push({ field: 'preset', de: 'Bitte eine Geschäftsordnung wählen.', en: 'Please choose rules of procedure.' });
    const startDate = values['startDate'] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) errors.push({ field: 'startDate', de: 'Bitte ein Datum angeben.', en: 'Please give a date.' });
    if (errors.length > 0 || !preset) return show(c, { values, errors }, 422);
    await createBody(ctx.repo, { name, preset, startDate }, who(c));
    return c.redirect('/verwaltung/gremium', 303);
  });

  routes.post('/verwaltung/gremium/mitglieder', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const errors: FieldError[] = [];
    const personName = required(values, 'personName', membersPair('nameOfThePerson'), errors);
    const body = await getBody(ctx.repo, true);
    const editing = values['membershipId'] ? body.data.memberships.find((m) => m.id === values['membershipId']) : undefined;
    const kind = (['voting', 'advisory', 'guest'] as const).find((k) => k === values['kind']) ?? 'voting';
    let jurisdiction: MemberInput['jurisdiction'] = values['jurisdiction'] ?? '';
    if (jurisdiction === 'neu') {
      const newName = required(values, 'newName', membersPair('nameOfTheNewJurisdiction'), errors);
      const level = levelOptions.find((l) => l.value === values['newLevel'])?.value;
      jurisdiction = {
        kind: (jurisdictionKinds.find((k) => k.value === values['newKind'])?.value ?? 'government') as Exclude<MemberInput['jurisdiction'], string>['kind'],
        ...(level ? { level: level as 'federal' } : {}),
        name: newName,
        ...(values['newState'] ? { state: values['newState'] } : {}),
      };
    } else if (!body.data.jurisdictions.some((j) => j.id === jurisdiction)) {
      errors.push({ field: 'jurisdiction', de: 'Bitte wählen, wen die Person vertritt.', en: 'Please choose whom the person represents.' });
    }
    const startDate = values['startDate'] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) errors.push({ field: 'startDate', de: 'Bitte den Beginn als Datum angeben.', en: 'Please give the start as a date.' });
    const endDate = (values['endDate'] ?? '').trim();
    if (endDate && !/^\d{4}-\d{2}-\d{2}$/.test(endDate)) errors.push({ field: 'endDate', de: 'Bitte das Ende als Datum angeben.', en: 'Please give the end as a date.' });
    const email = (values['email'] ?? '').trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'email', de: 'Bitte eine gültige E-Mail-Adresse angeben.', en: 'Please enter a valid e-mail address.' });
    if (errors.length > 0) return show(c, { values, errors }, 422, editing);
    try {
      await saveMember(ctx.repo, {
        ...(editing ? { membershipId: editing.id } : {}),
        personName, email, jurisdiction, kind,
        votingRight: values['votingRight'] === 'ja',
        role: membershipRoleSchema.options.find((r) => r === values['role']) ?? 'member',
        startDate,
        ...(endDate ? { endDate } : {}),
      }, Number(values['_version']) || undefined, who(c));
      return c.redirect('/verwaltung/gremium', 303);
    } catch (error) {
      if (!AppError.isInstance(error) || !['validation', 'precondition-failed'].includes(error.code)) throw error;
      const issues = (error.details?.['errors'] ?? []) as Array<{ path: string; message: string }>;
      const mapped = issues.length > 0
        ? issues.map((i) => {
          const [de, en] = i.message.split(' / ');
          return { field: memberFieldOf(i.path), de: de ?? i.message, en: en ?? de ?? i.message };
        })
        : [{ field: 'personName', de: error.message.split(' / ')[0] ?? error.message, en: error.message.split(' / ')[1] ?? error.message }];
      return show(c, { values, errors: mapped }, error.status, editing);
    }
  });
}
