import { describe, expect, it } from 'vitest';
import { checkComposition, compositionMembersFrom, memberLevelOf } from './composition.js';
import type { CompositionMember } from './composition.js';
import { MembershipError } from './errors.js';
import { jurisdictionSchema, membershipSchema } from './model.js';

const wg: CompositionMember[] = [
  { id: 'bmds', level: 'federal', votingRight: true },
  { id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true },
  { id: 'de-nw', level: 'state', state: 'DE-NW', votingRight: true },
  { id: 'dst', level: 'municipality', votingRight: true },
  { id: 'dlt', level: 'municipality', votingRight: true },
  { id: 'dstgb', level: 'municipality', votingRight: true },
  { id: 'uni', level: 'science', votingRight: false },
  { id: 'digitalagentur', level: 'federal', votingRight: false },
];

describe('checkComposition', () => {
  it('reports the seat balance of a valid working group', () => {
    const r = checkComposition({ rules: 'amev-style-working-group', date: '2026-06-01', members: wg });
    expect(r.ok).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.seats.map((s) => [s.level, s.voting, s.advisory])).toEqual([
      ['federal', 1, 1],
      ['state', 2, 0],
      ['municipality', 3, 0],
      ['science', 0, 1],
    ]);
    expect(r.seats.find((s) => s.level === 'municipality')).toMatchObject({ min: 1, max: 3, label: { de: 'Kommunen' } });
  });

  it('names the member that takes a second voting seat for a Land', () => {
    const r = checkComposition({
      rules: 'amev-style-working-group',
      date: '2026-06-01',
      members: [...wg, { id: 'by-2', level: 'state', state: 'DE-BY', votingRight: true }],
    });
    expect(r.ok).toBe(false);
    expect(r.violations).toEqual([
      expect.objectContaining({ code: 'state-seat-limit-exceeded', memberId: 'by-2', state: 'DE-BY', path: ['members', 8] }),
    ]);
  });

  it('finds every violation at once, each with a stable code', () => {
    const r = checkComposition({
      rules: 'amev-style-working-group',
      date: '2026-06-01',
      members: [
        { id: 'uni', level: 'science', votingRight: true },
        { id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true },
        { id: 'k1', level: 'municipality', votingRight: true },
        { id: 'k2', level: 'municipality', votingRight: true },
        { id: 'k3', level: 'municipality', votingRight: true },
        { id: 'k4', level: 'municipality', votingRight: true },
        { id: 'k1', level: 'municipality', votingRight: false },
        { id: 'dep', level: 'state', state: 'DE-BY', votingRight: false, deputyOf: 'nobody' },
        { id: 'dep2', level: 'state', state: 'DE-NW', votingRight: false, deputyOf: 'de-by' },
        { id: 'x', level: 'state', votingRight: false },
      ],
    });
    expect(r.violations.map((v) => v.code).sort()).toEqual(
      [
        'deputy-level-mismatch',
        'duplicate-member',
        'level-seats-above-maximum',
        'level-seats-below-minimum',
        'state-missing',
        'unknown-deputy',
        'voting-level-not-allowed',
      ].sort(),
    );
    for (const v of r.violations) {
      expect(v.de.length).toBeGreaterThan(0);
      expect(v.en.length).toBeGreaterThan(0);
    }
    expect(r.violations.find((v) => v.code === 'level-seats-below-minimum')?.level).toBe('federal');
  });

  it('ignores members whose term does not cover the date; deputies take no seat', () => {
    const r = checkComposition({
      rules: 'amev-style-working-group',
      date: '2028-01-01',
      members: [
        ...wg,
        { id: 'old-by', level: 'state', state: 'DE-BY', votingRight: true, endDate: '2027-12-31' },
        { id: 'new-k', level: 'municipality', votingRight: true, startDate: '2028-01-02' },
        { id: 'by-deputy', level: 'state', state: 'DE-BY', votingRight: false, deputyOf: 'de-by' },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.inactive).toEqual(['old-by', 'new-k']);
    expect(r.seats.find((s) => s.level === 'state')?.voting).toBe(2);
  });

  it('IT-Planungsrat: a second federal voting seat is above the maximum', () => {
    const r = checkComposition({
      rules: 'it-planungsrat',
      date: '2026-01-01',
      members: [
        { id: 'bund', level: 'federal', votingRight: true },
        { id: 'bund2', level: 'federal', votingRight: true },
        { id: 'dst', level: 'municipality', votingRight: true },
      ],
    });
    expect(r.violations.map((v) => v.code)).toEqual(['voting-level-not-allowed', 'level-seats-above-maximum']);
  });

  it('rejects invalid input with a JSON path', () => {
    try {
      checkComposition({ rules: 'amev-style-working-group', date: '2026-06-01', members: [{ id: '', level: 'federal', votingRight: true }] });
      expect.unreachable();
    } catch (error) {
      expect(MembershipError.isInstance(error)).toBe(true);
      expect((error as MembershipError).path).toEqual(['members', 0, 'id']);
    }
  });

  it('builds members from memberships and jurisdictions', () => {
    const jurisdictions = [
      jurisdictionSchema.parse({ id: 'by', kind: 'government', level: 'state', state: 'DE-BY', name: { de: 'Bayern' } }),
      jurisdictionSchema.parse({ id: 'dst', kind: 'municipal-umbrella-association', name: { de: 'Deutscher Städtetag' } }),
      jurisdictionSchema.parse({ id: 'fh', kind: 'science', name: { de: 'Hochschule' } }),
    ];
    expect(jurisdictions.map(memberLevelOf)).toEqual(['state', 'municipality', 'science']);
    const memberships = [
      membershipSchema.parse({ id: 'm1', personId: 'p1', organizationId: 'plenum', onBehalfOf: 'by', kind: 'voting', votingRight: true, startDate: '2026-01-01' }),
      membershipSchema.parse({ id: 'm2', personId: 'p2', organizationId: 'plenum', onBehalfOf: 'fh', kind: 'advisory', votingRight: false, startDate: '2026-01-01', endDate: '2026-12-31' }),
    ];
    expect(compositionMembersFrom({ memberships, jurisdictions })).toEqual([
      { id: 'm1', level: 'state', state: 'DE-BY', votingRight: true, startDate: '2026-01-01' },
      { id: 'm2', level: 'science', votingRight: false, startDate: '2026-01-01', endDate: '2026-12-31' },
    ]);
    expect(() => compositionMembersFrom({ memberships: [{ ...memberships[0]!, onBehalfOf: 'nowhere' }], jurisdictions })).toThrow(
      /nowhere/,
    );
  });
});
