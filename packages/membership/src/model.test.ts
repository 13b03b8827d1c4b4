import { describe, expect, it } from 'vitest';
import type { CompositionViolationCode } from './composition.js';
import type { CostShareBasis } from './costs.js';
import { MembershipError } from './errors.js';
import { costSharingSchema, voteBaseSchema } from './rules.js';
import type { Condition } from './rules.js';
import { agsOfArs, agsProblem, arsProblem, isoDateSchema, states } from './identifiers.js';
import { jurisdictionSchema, membershipSchema, organizationSchema, personSchema, postSchema } from './model.js';
import { koenigsteinerSchluessel } from './koenigstein-data.js';
import { koenigsteinTableSchema } from './koenigstein.js';
import {
  ballotOptionSchema,
  countOptionSchema,
  decisionOutcomeSchema,
  jurisdictionKindSchema,
  jurisdictionLevelSchema,
  label,
  labels,
  memberLevelSchema,
  membershipKindSchema,
  membershipRoleSchema,
  motionKindSchema,
  organizationClassificationSchema,
  procedureSchema,
} from './vocabulary.js';

describe('identifiers', () => {
  it('checks AGS and ARS structure', () => {
    expect(agsProblem('09162000')).toBeUndefined();
    expect(agsProblem('16053000')).toBeUndefined();
    expect(agsProblem('17000000')).toContain('17');
    expect(agsProblem('00123456')).toContain('00');
    expect(agsProblem('0916200')).toContain('8');
    expect(agsProblem('0916200a')).toContain('8');
    expect(arsProblem('091620000000')).toBeUndefined();
    expect(arsProblem('09162000000')).toContain('12');
    expect(arsProblem('990000000000')).toContain('99');
    expect(agsOfArs('051540020020')).toBe('05154020');
  });

  it('lists the 16 Länder in alphabetical order of their German names with unique keys', () => {
    expect(states).toHaveLength(16);
    const names = states.map((s) => s.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'de'))).toEqual(names);
    expect(new Set(states.map((s) => s.key)).size).toBe(16);
  });

  it('accepts real calendar dates only', () => {
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2027-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2100-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2027-04-31').success).toBe(false);
    expect(isoDateSchema.safeParse('27-04-01').success).toBe(false);
  });
});

describe('model schemas', () => {
  it('validates jurisdictions by kind and level', () => {
    expect(jurisdictionSchema.safeParse({ id: 'k', kind: 'government', level: 'municipality', name: { de: 'Köln' }, state: 'DE-NW', ags: '05315000', ars: '053150000000' }).success).toBe(true);
    const mismatch = jurisdictionSchema.safeParse({ id: 'k', kind: 'government', level: 'municipality', name: { de: 'Köln' }, state: 'DE-BY', ags: '05315000' });
    expect(mismatch.error?.issues[0]?.path).toEqual(['state']);
    expect(jurisdictionSchema.safeParse({ id: 'k', kind: 'government', level: 'municipality', name: { de: 'Köln' }, ags: '05315000', ars: '053150000001' }).error?.issues[0]?.path).toEqual(['ars']);
    expect(jurisdictionSchema.safeParse({ id: 'by', kind: 'government', level: 'state', name: { de: 'Bayern' } }).error?.issues[0]?.path).toEqual(['state']);
    expect(jurisdictionSchema.safeParse({ id: 'b', kind: 'government', name: { de: 'Bund' } }).success).toBe(false);
    expect(jurisdictionSchema.safeParse({ id: 'u', kind: 'science', level: 'federal', name: { de: 'Uni' } }).success).toBe(false);
    expect(jurisdictionSchema.safeParse({ id: 'by', kind: 'government', level: 'state', state: 'DE-BY', ags: '09162000', name: { de: 'Bayern' } }).success).toBe(false);
  });

  it('validates organs, people, posts and memberships', () => {
    expect(organizationSchema.safeParse({ id: 'ag', name: { de: 'AG' }, classification: 'working-group', parentId: 'ag' }).success).toBe(false);
    expect(organizationSchema.safeParse({ id: 'ag', name: { de: 'AG' }, classification: 'working-group', startDate: '2026-02-01', endDate: '2026-01-01' }).success).toBe(false);
    expect(personSchema.safeParse({ id: 'p', name: 'Erika', contact: { email: 'not-an-email' } }).success).toBe(false);
    expect(postSchema.safeParse({ id: 's', label: { de: 'Sitz' }, organizationId: 'o', jurisdictionId: 'j', kind: 'chair' }).success).toBe(false);
    const base = { id: 'm', personId: 'p', organizationId: 'o', onBehalfOf: 'j', startDate: '2026-01-01' };
    expect(membershipSchema.safeParse({ ...base, kind: 'voting', votingRight: true }).success).toBe(true);
    expect(membershipSchema.safeParse({ ...base, kind: 'advisory', votingRight: true }).error?.issues[0]?.path).toEqual(['votingRight']);
    expect(membershipSchema.safeParse({ ...base, kind: 'voting', votingRight: false, deputyOf: 'm0' }).success).toBe(true);
    expect(membershipSchema.safeParse({ ...base, kind: 'guest', votingRight: false, endDate: '2025-01-01' }).error?.issues[0]?.path).toEqual(['endDate']);
  });
});

describe('labels', () => {
  const enums = {
    jurisdictionLevel: jurisdictionLevelSchema,
    memberLevel: memberLevelSchema,
    jurisdictionKind: jurisdictionKindSchema,
    organizationClassification: organizationClassificationSchema,
    membershipKind: membershipKindSchema,
    membershipRole: membershipRoleSchema,
    motionKind: motionKindSchema,
    procedure: procedureSchema,
    ballotOption: ballotOptionSchema,
    countOption: countOptionSchema,
    decisionOutcome: decisionOutcomeSchema,
  } as const;
  it('has a German and an English label for every enum value, and no extra ones', () => {
    for (const [group, schema] of Object.entries(enums) as [keyof typeof enums, (typeof enums)[keyof typeof enums]][]) {
      expect(Object.keys(labels.de[group]).sort()).toEqual([...schema.options].sort());
      expect(Object.keys(labels.en[group]).sort()).toEqual([...schema.options].sort());
      for (const value of schema.options) {
        expect(label('de', group, value as never).length).toBeGreaterThan(0);
        expect(label('en', group, value as never).length).toBeGreaterThan(0);
      }
    }
    expect([label('de', 'memberLevel', 'municipality'), label('en', 'memberLevel', 'municipality')]).toEqual(['Kommunen', 'municipalities']);
  });

  it('covers the rule vocabulary, cost bases and composition codes exhaustively', () => {
    // Records typed by the union: the compiler fails if a value is added without being listed here.
    const conditionKinds: Record<Condition['kind'], true> = {
      always: true, all: true, any: true, atLevel: true, forEachLevel: true, presentShare: true, presentAtLeast: true,
      yesShare: true, yesAtLeast: true, yesVersusNo: true, unanimity: true, weightedYesShare: true,
    };
    const bases: Record<CostShareBasis, true> = { federal: true, fixed: true, koenigstein: true, none: true };
    const codes: Record<CompositionViolationCode, true> = {
      'duplicate-member': true, 'state-missing': true, 'voting-level-not-allowed': true, 'state-seat-limit-exceeded': true,
      'level-seats-below-minimum': true, 'level-seats-above-maximum': true, 'unknown-deputy': true, 'deputy-of-deputy': true,
      'deputy-level-mismatch': true,
    };
    const groups: Array<[keyof typeof labels.de, readonly string[]]> = [
      ['conditionKind', Object.keys(conditionKinds)],
      ['costShareBasis', Object.keys(bases)],
      ['compositionViolation', Object.keys(codes)],
      ['voteBase', voteBaseSchema.options],
      ['laenderCostMode', costSharingSchema.def.shape.laender.options],
    ];
    for (const [group, values] of groups) {
      expect([group, Object.keys(labels.de[group]).sort()]).toEqual([group, [...values].sort()]);
      expect([group, Object.keys(labels.en[group]).sort()]).toEqual([group, [...values].sort()]);
    }
  });
});

describe('Königsteiner Schlüssel data', () => {
  it('ships 2015 and 2016 with their source, each summing to 100 %', () => {
    expect(koenigsteinerSchluessel.editions.map((e) => e.year)).toEqual([2015, 2016]);
    expect(koenigsteinerSchluessel.source).toContain('KommunalWiki');
    for (const e of koenigsteinerSchluessel.editions) {
      expect(koenigsteinTableSchema.safeParse(e).success).toBe(true);
      expect(Object.keys(e.shares)).toHaveLength(16);
    }
    expect(koenigsteinerSchluessel.editions[1]?.shares['DE-NW']).toBe(21.14424);
  });

  it('rejects a table that does not sum to 100 or misses a Land', () => {
    const e = koenigsteinerSchluessel.editions[1]!;
    expect(koenigsteinTableSchema.safeParse({ ...e, shares: { ...e.shares, 'DE-NW': 22 } }).success).toBe(false);
    const { 'DE-TH': _th, ...fifteen } = e.shares;
    expect(koenigsteinTableSchema.safeParse({ ...e, shares: fifteen }).success).toBe(false);
  });
});

describe('MembershipError', () => {
  it('is branded, named and carries code, path and cause', () => {
    const cause = new Error('inner');
    const e = new MembershipError('unknown-member', 'x', { path: ['ballots', 'a'], memberId: 'a', cause });
    expect(MembershipError.isInstance(e)).toBe(true);
    expect(MembershipError.isInstance(new Error('x'))).toBe(false);
    expect(MembershipError.isInstance({ name: 'MembershipError' })).toBe(false);
    expect([e.name, e.code, e.memberId, e.cause]).toEqual(['MembershipError', 'unknown-member', 'a', cause]);
    expect(e.path).toEqual(['ballots', 'a']);
  });
});
