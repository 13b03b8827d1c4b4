import { localizedTextSchema, slugSchema } from '@foederal/recommendations';
import * as z from 'zod/mini';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { recordVote, type VoteInput, type VoteRecord } from './votes.js';

/**
 * An agenda item (OParl AgendaItem): its number, its subject, optionally the recommendation it
 * is about and the kind of motion, and once voted the decision id (`2027/04`) and its result.
 */
export const agendaItemSchema = z.strictObject({
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  name: localizedTextSchema,
  recommendation: z.exactOptional(slugSchema),
  motionKind: z.enum(['recommendation', 'procedural']),
  decision: z.exactOptional(z.string().check(z.regex(/^\d{4}\/\d{2,}$/))),
  result: z.exactOptional(z.enum(['pass', 'fail'])),
});
/** An agenda item. */
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/**
 * A meeting of the body (OParl Meeting): name, date, optional start time and place, its state
 * (`scheduled` terminiert, `invited` eingeladen, `held` durchgeführt) and the agenda.
 */
export const meetingSchema = z.strictObject({
  id: slugSchema,
  name: localizedTextSchema,
  date: z.iso.date(),
  time: z.exactOptional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  location: z.exactOptional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  state: z.enum(['scheduled', 'invited', 'held']),
  agenda: z.array(agendaItemSchema).check(z.minLength(1), z.maxLength(200)),
}).check(z.superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.agenda.forEach((item, index) => {
    if (seen.has(item.number)) ctx.addIssue({ code: 'custom', path: ['agenda', index, 'number'], input: item.number, message: `TOP ${item.number} doppelt / agenda item ${item.number} twice` });
    seen.add(item.number);
  });
}));
/** A meeting. */
export type Meeting = z.infer<typeof meetingSchema>;

/** Validate a meeting; issues with their dotted paths (`agenda.1.number`). */
export function checkMeeting(value: unknown): { ok: true; meeting: Meeting } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = z.safeParse(meetingSchema, value);
  if (parsed.success) return { ok: true, meeting: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

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
    const doc = (await tx.meetings.create(meeting.id, meeting, fields(meeting))) as Versioned<Meeting>;
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
    const before = (await tx.meetings.require(meetingId)) as Versioned<Meeting>;
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
    const after = (await tx.meetings.update(meetingId, before.version, next, fields(next))) as Versioned<Meeting>;
    await audit({ ...who, repo: tx }, 'meeting.vote', `meetings/${meetingId}`, before, after);
    await audit({ ...who, repo: tx }, 'vote.record', `votes/${vote.id}`, null, vote);
    return { meeting: after, vote };
  });
}
