import { describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import type { Repository } from '../db/repository.js';
import { AppError } from '../errors.js';
import { composition, getBody, membersOf } from './body.js';
import { createBody, saveMember } from './members.js';

const who = { now: () => new Date('2027-01-10T09:00:00Z'), user: { id: 'u1', username: 'gs' } };

for (const factory of backends) {
  describe.skipIf(!factory.available)(`members on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));

    it('sets up the body once and adds members for Bund, a Land and a Kommune with their seats', async () => {
      const created = await createBody(repo, { name: 'Föderaler Arbeitskreis Test', preset: 'amev-style-working-group', startDate: '2027-01-01' }, who);
      expect(created.data.rules[0]?.id).toBe('amev-style-working-group');
      const twice = await createBody(repo, { name: 'x', preset: 'amev-style-working-group', startDate: '2027-01-01' }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(twice) && twice.code).toBe('conflict');

      await saveMember(repo, { personName: 'Martina Vogel', email: 'vogel@bund.example', jurisdiction: { kind: 'government', level: 'federal', name: 'Bund' }, kind: 'voting', votingRight: true, role: 'chair', startDate: '2027-01-01' }, undefined, who);
      await saveMember(repo, { personName: 'Jan Petersen', jurisdiction: { kind: 'government', level: 'state', name: 'Hamburg', state: 'DE-HH' }, kind: 'voting', votingRight: true, startDate: '2027-01-01' }, undefined, who);
      const { membershipId } = await saveMember(repo, { personName: 'Stefan Krause', jurisdiction: { kind: 'municipal-umbrella-association', level: 'municipality', name: 'Deutscher Städtetag' }, kind: 'voting', votingRight: true, startDate: '2027-01-01', endDate: '2027-06-30' }, undefined, who);
      const body = (await getBody(repo, true)).data;
      expect(body.jurisdictions.map((j) => [j.id, j.level, j.state])).toEqual([['bund', 'federal', undefined], ['de-hh', 'state', 'DE-HH'], ['deutscher-staedtetag', 'municipality', undefined]]);
      expect(body.posts.map((p) => p.id)).toEqual(['sitz-bund', 'sitz-de-hh', 'sitz-deutscher-staedtetag']);
      expect(body.people.find((p) => p.name === 'Martina Vogel')?.contact?.email).toBe('vogel@bund.example');
      expect((await getBody(repo)).data.people.some((p) => p.contact !== undefined)).toBe(false);
      expect(membersOf(body, '2027-03-01').map((m) => [m.personName, m.level, m.membership.votingRight])).toEqual([
        ['Martina Vogel', 'federal', true], ['Jan Petersen', 'state', true], ['Stefan Krause', 'municipality', true],
      ]);
      expect(membersOf(body, '2027-07-01').map((m) => m.personName)).toEqual(['Martina Vogel', 'Jan Petersen']);
      expect(composition(body, '2027-03-01').seats.length).toBeGreaterThan(0);

      // Change: the Städtetag member stays longer; end before start is refused with its path.
      const bad = await saveMember(repo, { membershipId, personName: 'Stefan Krause', jurisdiction: 'deutscher-staedtetag', kind: 'voting', votingRight: true, startDate: '2027-01-01', endDate: '2026-12-31' }, undefined, who).catch((e: unknown) => e);
      expect(AppError.isInstance(bad) && bad.code).toBe('validation');
      expect(((bad as AppError).details?.['errors'] as Array<{ path: string }>)[0]?.path).toBe('memberships.2.endDate');
      const advisoryVote = await saveMember(repo, { personName: 'Gast', jurisdiction: 'bund', kind: 'advisory', votingRight: true, startDate: '2027-01-01' }, undefined, who).catch((e: unknown) => e);
      expect(((advisoryVote as AppError).details?.['errors'] as Array<{ path: string }>)[0]?.path).toBe('memberships.3.votingRight');
      const stale = await saveMember(repo, { membershipId, personName: 'Stefan Krause', jurisdiction: 'deutscher-staedtetag', kind: 'voting', votingRight: true, startDate: '2027-01-01' }, 1, who).catch((e: unknown) => e);
      expect(AppError.isInstance(stale) && stale.code).toBe('precondition-failed');
      await saveMember(repo, { membershipId, personName: 'Stefan Krause', jurisdiction: 'deutscher-staedtetag', kind: 'voting', votingRight: true, startDate: '2027-01-01', endDate: '2027-12-31' }, undefined, who);
      expect(membersOf((await getBody(repo)).data, '2027-07-01').map((m) => m.personName)).toEqual(['Martina Vogel', 'Jan Petersen', 'Stefan Krause']);
      const log = await repo.audit.list({ subject: 'bodies/arbeitskreis' });
      expect(log.map((e) => e.action).sort()).toEqual(['body.create', 'body.member.add', 'body.member.add', 'body.member.add', 'body.member.update']);
    });
  });
}
