import type { Repository, Versioned } from '../db/repository.js';
import { checkMeeting, type Meeting } from './meeting-schema.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { numberedPage, type NumberedPage, type PageRequest } from './paging.js';
import { recordVote, type VoteInput, type VoteRecord } from './votes.js';

export { agendaItemSchema, checkMeeting, meetingSchema } from './meeting-schema.js';
export type { AgendaItem, Meeting } from './meeting-schema.js';

const fields = (m: Meeting) => ({ sortKey: `${m.date}|${m.id}`, search: `${m.name.de} ${m.name.en ?? ''} ${m.agenda.map((a) => a.name.de).join(' ')}`, status: m.state });

function valid(value: unknown): Meeting {
  const checked = checkMeeting(value);
  if (!checked.ok) throw new AppError('validation', `Sitzung ungültig / invalid meeting: ${checked.issues[0]?.path}: ${checked.issues[0]?.message}`, { details: { errors: checked.issues } });
  return checked.meeting;
}

/**
 * Store a meeting with its agenda (validated), audited.
 *
 * @example
 * await createMeeting(repo, { id: 'sitzung-2027-03-04', name: { de: '3. Sitzung' }, date: '2027-03-04', state: 'scheduled', agenda: [...] }, who);
 */
export async function createMeeting(repo: Repository, input: unknown, who: Omit<AuditContext, 'repo'>): Promise<Versioned<Meeting>> {
  const meeting = valid(input);
  return repo.transaction(async (tx) => {
    const doc = await tx.meetings.create(meeting.id, meeting, fields(meeting));
    await audit({ ...who, repo: tx }, 'meeting.create', `meetings/${meeting.id}`, null, doc);
    return doc;
  });
}

/**
 * Record the vote on one agenda item: the decision is evaluated under the body's rules
 * (`recordVote`, with the meeting's date, the item's subject, motion kind and recommendation),
 * the item keeps the decision id and result, and the meeting counts as held. One transaction.
 * An item that already has a vote is a `conflict`.
 *
 * @example
 * await voteOnAgendaItem(repo, 'sitzung-2027-03-04', '3', { present: ['m-bund'], ballots: { 'm-bund': 'yes' } }, who);
 */
export async function voteOnAgendaItem(
  repo: Repository,
  meetingId: string,
  itemNumber: string,
  votes: Pick<VoteInput, 'present' | 'ballots'>,
  who: Omit<AuditContext, 'repo'>,
): Promise<{ meeting: Versioned<Meeting>; vote: Versioned<VoteRecord> }> {
  return repo.transaction(async (tx) => {
    const before = await tx.meetings.require(meetingId);
    const index = before.data.agenda.findIndex((a) => a.number === itemNumber);
    const item = before.data.agenda[index];
    if (!item) throw new AppError('not-found', `TOP ${itemNumber} nicht gefunden / agenda item not found`);
    if (item.decision) throw new AppError('conflict', `Zu TOP ${itemNumber} ist schon abgestimmt (${item.decision}) / already voted`);
    const vote = await recordVote(tx, {
      title: item.name,
      motionKind: item.motionKind,
      date: before.data.date,
      ...(item.recommendation ? { recommendation: item.recommendation } : {}),
      present: votes.present,
      ballots: votes.ballots,
    });
    const agenda = before.data.agenda.map((a, i) => (i === index ? { ...a, decision: vote.data.decision.id, result: vote.data.result.result } : a));
    const next = valid({ ...before.data, agenda, state: 'held' });
    const after = await tx.meetings.update(meetingId, before.version, next, fields(next));
    await audit({ ...who, repo: tx }, 'meeting.vote', `meetings/${meetingId}`, before, after);
    await audit({ ...who, repo: tx }, 'vote.record', `votes/${vote.id}`, null, vote);
    return { meeting: after, vote };
  });
}

/** One numbered page of meetings, newest first. */
export async function listMeetings(repo: Repository, request: PageRequest): Promise<NumberedPage<Meeting>> {
  return numberedPage(repo.meetings, {}, request, 'desc');
}

/** One meeting (404 when missing). */
export async function getMeeting(repo: Repository, id: string): Promise<Versioned<Meeting>> {
  return repo.meetings.require(id);
}
