import type { Recommendation } from '@foederal/recommendations';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { AppContext } from '../../context.js';
import { berlinDay } from '../../domain/berlin-time.js';
import { getBody, membersOf } from '../../domain/body.js';
import { checkMeeting, createMeeting, getMeeting, listMeetings, voteOnAgendaItem, type Meeting } from '../../domain/meetings.js';
import { pageNumberOf } from '../../domain/paging.js';
import { recommendationChoices } from '../../domain/recommendations.js';
import { AppError } from '../../errors.js';
import { formatDate, textOf, type Language } from '../i18n.js';
import { memberLabel } from '../labels.js';
import { alert, csrfField, type Markup, type PageContext } from '../layout.js';
import { pageParameter, pager } from '../pager.js';
import { render, type Env, type Routes } from '../routing.js';
import { errorSummary, fieldId, readForm, required, selectField, textField, type FieldError, type FormState } from '../forms/fields.js';
import { meetingsText, meetingsPair } from '../strings/meetings.js';

const stateLabels = { scheduled: meetingsPair('scheduled'), invited: meetingsPair('invited'), held: meetingsPair('held') } as const;

function meetingForm(page: PageContext, f: FormState, rows: number, recs: Recommendation[]): Markup {
  const { lang } = page;
  return html`<form method="post" action="/verwaltung/sitzungen" class="stack" novalidate>
  ${csrfField(page)}
  ${errorSummary(lang, f.errors)}
  ${textField(lang, f, { name: 'name', label: meetingsPair('nameOfTheMeeting'), required: true, maxlength: 300 })}
  ${textField(lang, f, { name: 'date', label: meetingsPair('date'), type: 'date', required: true })}
  ${textField(lang, f, { name: 'time', label: meetingsPair('startTime'), maxlength: 5, hint: meetingsPair('timeExample') })}
  ${textField(lang, f, { name: 'location', label: meetingsPair('place'), maxlength: 300 })}
  ${selectField(lang, f, { name: 'state', label: meetingsPair('state'), options: Object.entries(stateLabels).map(([value, label]) => ({ value, label })), fallback: 'scheduled' })}
  <fieldset class="kern-fieldset"><legend class="kern-label">${meetingsText(lang, 'agenda')}</legend><div class="kern-fieldset__body stack">
    ${Array.from({ length: rows }, (_, i) => html`<div class="filters">
      ${textField(lang, f, { name: `top-${i}`, label: { de: `TOP ${i + 1}: Nummer`, en: `Item ${i + 1}: number` }, maxlength: 20 })}
      ${textField(lang, f, { name: `topName-${i}`, label: { de: `TOP ${i + 1}: Gegenstand`, en: `Item ${i + 1}: subject` }, maxlength: 300 })}
      ${selectField(lang, f, { name: `topRec-${i}`, label: { de: `TOP ${i + 1}: Empfehlung`, en: `Item ${i + 1}: recommendation` }, options: [{ value: '', label: '–' }, ...recs.map((r) => ({ value: r.id, label: `${r.number} ${r.shortTitle.de} ${r.edition}` }))], fallback: '' })}
      ${selectField(lang, f, { name: `topKind-${i}`, label: { de: `TOP ${i + 1}: Art`, en: `Item ${i + 1}: kind` }, options: [{ value: 'recommendation', label: meetingsPair('adoptionOfARecommendation') }, { value: 'procedural', label: meetingsPair('procedural') }], fallback: 'recommendation' })}
    </div>`)}
    <input type="hidden" name="rows" value="${rows}">
    <button class="kern-btn kern-btn--secondary" type="submit" name="_action" value="more"><span class="kern-label">${meetingsText(lang, 'moreAgendaItems')}</span></button>
  </div></fieldset>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${meetingsText(lang, 'createMeeting')}</span></button>
</form>`;
}

function meetingFieldOf(path: string): string | undefined {
  const m = /^agenda\.(\d+)\.(number|name|recommendation|motionKind)/.exec(path);
  if (m) return `${{ number: 'top', name: 'topName', recommendation: 'topRec', motionKind: 'topKind' }[m[2] as 'number']}-${m[1]}`;
  if (path.startsWith('agenda')) return 'top-0';
  return ['name', 'date', 'time', 'location', 'state'].find((f) => path.startsWith(f));
}

function meetingView(lang: Language, m: Meeting): Markup {
  return html`<p class="kern-body">${formatDate(lang, m.date)}${m.time ? `, ${m.time}` : ''}${m.location ? ` · ${m.location}` : ''} · ${stateLabels[m.state][lang]}</p>
<table class="kern-table"><caption class="kern-title">${meetingsText(lang, 'agenda')}</caption>
<thead class="kern-table__header"><tr><th scope="col">TOP</th><th scope="col">${meetingsText(lang, 'subject')}</th><th scope="col">${meetingsText(lang, 'decision')}</th></tr></thead>
<tbody class="kern-table__body">${m.agenda.map((a) => html`<tr><td>${a.number}</td><td>${textOf(lang, a.name)}${a.recommendation ? html` (<a class="kern-link" href="/empfehlungen/${a.recommendation}">${a.recommendation}</a>)` : ''}</td><td>${a.decision
    ? html`<a class="kern-link" href="/abstimmungen/${a.decision.replace('/', '-')}">${a.decision}</a> – ${memberLabel(lang, 'decisionOutcome', a.result ?? 'fail')}`
    : html`<a class="kern-link" href="/verwaltung/sitzungen/${m.id}/top/${encodeURIComponent(a.number)}">${meetingsText(lang, 'recordTheVote')}<span class="kern-sr-only"> TOP ${a.number}</span></a>`}</td></tr>`)}</tbody></table>`;
}

/** Meetings with agenda items, and the votes taken on them. */
export function meetingPages(ctx: AppContext, routes: Routes): void {
  const who = (c: Context<Env>) => {
    const user = c.get('user');
    return { now: ctx.now, user: user ? { id: user.id, username: user.username } : null };
  };
  const showList = async (c: Context<Env>, f: FormState, rows: number, status = 200) => {
    const url = new URL(c.req.url);
    const result = await listMeetings(ctx.repo, { page: pageNumberOf(url.searchParams.get(pageParameter) ?? undefined) });
    const meetings = result.items.map((d) => d.data);
    const recs = await recommendationChoices(ctx.repo);
    return render(c, (lang) => meetingsText(lang, 'meetings'), (page) => html`
<h1 class="kern-heading-x-large">${meetingsText(page.lang, 'meetings')}</h1>
${meetings.length > 0 ? html`<ul class="kern-list">${meetings.map((m) => html`<li><a class="kern-link" href="/verwaltung/sitzungen/${m.id}">${textOf(page.lang, m.name)}</a> – ${formatDate(page.lang, m.date)} (${stateLabels[m.state][page.lang]})</li>`)}</ul>` : html`<p class="kern-body">${meetingsText(page.lang, 'noMeetingsYet')}</p>`}
${pager(page.lang, '/verwaltung/sitzungen', url.searchParams, result)}
<h2 class="kern-heading-medium">${meetingsText(page.lang, 'createAMeeting')}</h2>
${meetingForm(page, f, rows, recs)}`, status);
  };

  routes.get('/verwaltung/sitzungen', 'secretariat', (c) => showList(c, { values: { date: berlinDay(ctx.now().toISOString()), 'top-0': '1' }, errors: [] }, 3));
  routes.post('/verwaltung/sitzungen', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const rows = Math.min(200, Math.max(1, Number(values['rows']) || 3));
    if (values['_action'] === 'more') return showList(c, { values, errors: [] }, rows + 5);
    const errors: FieldError[] = [];
    const name = required(values, 'name', meetingsPair('nameOfTheMeeting'), errors);
    const agenda: Array<Record<string, unknown>> = [];
    const rowOf: number[] = [];
    for (let i = 0; i < rows; i++) {
      const number = (values[`top-${i}`] ?? '').trim();
      const subject = (values[`topName-${i}`] ?? '').trim();
      if (!subject) continue;
      if (!number) errors.push({ field: `top-${i}`, de: `TOP ${i + 1}: Nummer fehlt.`, en: `Item ${i + 1}: number missing.` });
      agenda.push({ number, name: { de: subject }, motionKind: values[`topKind-${i}`] === 'procedural' ? 'procedural' : 'recommendation', ...(values[`topRec-${i}`] ? { recommendation: values[`topRec-${i}`] } : {}) });
      rowOf.push(i);
    }
    if (agenda.length === 0) errors.push({ field: 'topName-0', de: 'Bitte mindestens einen Tagesordnungspunkt angeben.', en: 'Please give at least one agenda item.' });
    const date = values['date'] ?? '';
    const id = `sitzung-${date}-${name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}`.replace(/-+$/, '');
    const meeting = {
      id, name: { de: name }, date, state: (['scheduled', 'invited', 'held'] as const).find((s) => s === values['state']) ?? 'scheduled', agenda,
      ...((values['time'] ?? '').trim() ? { time: (values['time'] ?? '').trim() } : {}),
      ...((values['location'] ?? '').trim() ? { location: (values['location'] ?? '').trim() } : {}),
    };
    if (errors.length === 0) {
      const checked = checkMeeting(meeting);
      if (!checked.ok) {
        for (const issue of checked.issues) {
          const m = /^agenda\.(\d+)(.*)$/.exec(issue.path);
          const path = m ? `agenda.${rowOf[Number(m[1])] ?? 0}${m[2]}` : issue.path;
          const [de, en] = issue.message.split(' / ');
          errors.push({ field: meetingFieldOf(path) ?? 'name', de: de ?? issue.message, en: en ?? de ?? issue.message });
        }
      } else {
        try {
          await createMeeting(ctx.repo, checked.meeting, who(c));
          return c.redirect(`/verwaltung/sitzungen/${checked.meeting.id}`, 303);
        } catch (error) {
          if (!AppError.isInstance(error) || error.code !== 'conflict') throw error;
          errors.push({ field: 'name', de: 'Eine Sitzung dieses Namens an diesem Tag gibt es schon.', en: 'A meeting of this name on this day exists already.' });
        }
      }
    }
    return showList(c, { values, errors }, rows, 422);
  });

  routes.get('/verwaltung/sitzungen/:id', 'secretariat', async (c) => {
    const m = (await getMeeting(ctx.repo, c.req.param('id') ?? '')).data;
    return render(c, (lang) => textOf(lang, m.name), ({ lang }) => html`<p class="kern-preline"><a class="kern-link" href="/verwaltung/sitzungen">${meetingsText(lang, 'meetings')}</a></p>
<h1 class="kern-heading-x-large">${textOf(lang, m.name)}</h1>
${meetingView(lang, m)}`);
  });

  const showVote = async (c: Context<Env>, errors: FieldError[], values: Record<string, string>, status = 200) => {
    const doc = await getMeeting(ctx.repo, c.req.param('id') ?? '');
    const item = doc.data.agenda.find((a) => a.number === c.req.param('top'));
    if (!item) throw new AppError('not-found', `TOP nicht gefunden / agenda item not found: ${c.req.param('top')}`);
    const body = (await getBody(ctx.repo)).data;
    const members = membersOf(body, doc.data.date).filter((m) => m.membership.kind !== 'guest');
    const fresh = Object.keys(values).length === 0;
    return render(c, (lang) => `${meetingsText(lang, 'voteOnItem')} ${item.number}`, (page) => {
      const { lang } = page;
      return html`<p class="kern-preline"><a class="kern-link" href="/verwaltung/sitzungen/${doc.data.id}">${textOf(lang, doc.data.name)}</a></p>
<h1 class="kern-heading-x-large">${meetingsText(lang, 'voteOnItem')} ${item.number}: ${textOf(lang, item.name)}</h1>
${item.decision ? alert('info', meetingsText(lang, 'alreadyVoted', { decision: item.decision })) : ''}
<form method="post" action="/verwaltung/sitzungen/${doc.data.id}/top/${encodeURIComponent(item.number)}" class="stack">
  ${csrfField(page)}
  ${errorSummary(lang, errors)}
  <table class="kern-table" id="${fieldId('ballots')}">
    <caption class="kern-title">${meetingsText(lang, 'presenceAndBallots')}</caption>
    <thead class="kern-table__header"><tr><th scope="col">${meetingsText(lang, 'member')}</th><th scope="col">${meetingsText(lang, 'present')}</th><th scope="col">${meetingsText(lang, 'ballot')}</th></tr></thead>
    <tbody class="kern-table__body">${members.map((m) => {
      const id = m.membership.id;
      const present = fresh || values[`present-${id}`] === '1';
      const ballot = values[`ballot-${id}`] ?? 'yes';
      return html`<tr><th scope="row">${m.personName} (${textOf(lang, m.jurisdiction.name)}, ${memberLabel(lang, 'membershipKind', m.membership.kind)})</th>
      <td><div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${fieldId(`present-${id}`)}" name="present-${id}" value="1"${present ? raw(' checked') : ''}><label class="kern-label" for="${fieldId(`present-${id}`)}"><span class="kern-sr-only">${m.personName} </span>${meetingsText(lang, 'present')}</label></div></td>
      <td>${m.membership.votingRight ? html`<div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" name="ballot-${id}" aria-label="${meetingsText(lang, 'ballot')} ${m.personName}">
        ${(['yes', 'no', 'abstain'] as const).map((o) => html`<option value="${o}"${ballot === o ? raw(' selected') : ''}>${memberLabel(lang, 'ballotOption', o)}</option>`)}<option value=""${ballot === '' ? raw(' selected') : ''}>${meetingsText(lang, 'none')}</option></select></div>` : html`<span class="kern-body--small">${meetingsText(lang, 'noVote')}</span>`}</td></tr>`;
    })}</tbody>
  </table>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${meetingsText(lang, 'evaluateAndSave')}</span></button>
</form>`;
    }, status);
  };
  routes.get('/verwaltung/sitzungen/:id/top/:top', 'secretariat', (c) => showVote(c, [], {}));
  routes.post('/verwaltung/sitzungen/:id/top/:top', 'secretariat', async (c) => {
    const { values } = await readForm(c);
    const present = Object.keys(values).filter((k) => k.startsWith('present-') && values[k] === '1').map((k) => k.slice('present-'.length));
    const ballots: Record<string, 'yes' | 'no' | 'abstain'> = {};
    for (const [k, v] of Object.entries(values)) {
      const id = k.slice('ballot-'.length);
      if (k.startsWith('ballot-') && present.includes(id) && (v === 'yes' || v === 'no' || v === 'abstain')) ballots[id] = v;
    }
    try {
      const { vote } = await voteOnAgendaItem(ctx.repo, c.req.param('id') ?? '', c.req.param('top') ?? '', { present, ballots }, who(c));
      return c.redirect(`/abstimmungen/${vote.id}`, 303);
    } catch (error) {
      if (!AppError.isInstance(error) || !['validation', 'conflict'].includes(error.code)) throw error;
      const [de, en] = error.message.split(' / ');
      return showVote(c, [{ field: 'ballots', de: de ?? error.message, en: en ?? de ?? error.message }], values, error.status);
    }
  });
}
