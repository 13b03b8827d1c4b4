import { beforeAll, describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import type { Repository } from '../db/repository.js';
import { AppError } from '../errors.js';
import { createMeeting, voteOnAgendaItem } from './meetings.js';
import { createBody, saveMember } from './members.js';

const who = { now: () => new Date('2027-03-04T09:00:00Z'), user: { id: 'u1', username: 'gs' } };

for (const factory of backends) {
  describe.skipIf(!factory.available)(`meetings on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));
    beforeAll(async () => {
      await createBody(repo, { name: 'Arbeitskreis', preset: 'amev-style-working-group', startDate: '2027-01-01' }, who);
      await saveMember(repo, { personName: 'Bund', jurisdiction: { kind: 'government', level: 'federal', name: 'Bund' }, kind: 'voting', votingRight: true, startDate: '2027-01-01' }, undefined, who);
      await saveMember(repo, { personName: 'Land', jurisdiction: { kind: 'government', level: 'state', name: 'Hamburg', state: 'DE-HH' }, kind: 'voting', votingRight: true, startDate: '2027-01-01' }, undefined, who);
      await saveMember(repo, { personName: 'Kommune', jurisdiction: { kind: 'municipal-umbrella-association', level: 'municipality', name: 'Städtetag' }, kind: 'voting', votingRight: true, startDate: '2027-01-01' }, undefined, who);
    });

    it('stores a meeting with its agenda, refuses a duplicate item number, and records the vote on an item', async () => {
      const bad = await createMeeting(repo, { id: 's1', name: { de: '1. Sitzung' }, date: '2027-03-04', state: 'scheduled', agenda: [{ number: '1', name: { de: 'A' }, motionKind: 'procedural' }, { number: '1', name: { de: 'B' }, motionKind: 'procedural' }] }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(bad) && bad.code).toBe('validation');
      expect(((bad as AppError).details?.['errors'] as Array<{ path: string }>)[0]?.path).toBe('agenda.1.number');
      await createMeeting(repo, { id: 's1', name: { de: '1. Sitzung' }, date: '2027-03-04', time: '10:00', location: 'Berlin', state: 'invited', agenda: [{ number: '1', name: { de: 'Tagesordnung' }, motionKind: 'procedural' }, { number: '2', name: { de: 'Empfehlung beschließen' }, motionKind: 'recommendation' }] }, who);
      const { meeting, vote } = await voteOnAgendaItem(repo, 's1', '2', { present: ['m-bund', 'm-de-hh', 'm-staedtetag'], ballots: { 'm-bund': 'yes', 'm-de-hh': 'yes', 'm-staedtetag': 'yes' } }, who);
      expect(vote.data.decision.id).toBe('2027/01');
      expect(vote.data.title).toEqual({ de: 'Empfehlung beschließen' });
      expect(meeting.data.state).toBe('held');
      expect(meeting.data.agenda[1]).toEqual({ number: '2', name: { de: 'Empfehlung beschließen' }, motionKind: 'recommendation', decision: '2027/01', result: vote.data.result.result });
      expect((await repo.votes.require('2027-01')).data).toMatchObject({ decision: { id: '2027/01', date: '2027-03-04' } });
      const twice = await voteOnAgendaItem(repo, 's1', '2', { present: [], ballots: {} }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(twice) && twice.code).toBe('conflict');
      expect(((await repo.meetings.require('s1')).data).agenda[0]?.decision).toBeUndefined();
      const log = await repo.audit.list({ subject: 'meetings/s1' });
      expect(log.map((e) => e.action).sort()).toEqual(['meeting.create', 'meeting.vote']);
    });
  });
}
