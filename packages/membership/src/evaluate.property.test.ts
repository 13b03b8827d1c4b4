import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bauministerkonferenz, itPlanungsrat, workingGroup } from '../test/fixtures.js';
import { chairFor } from './chair.js';
import { MembershipError } from './errors.js';
import { evaluateDecision } from './evaluate.js';
import type { Condition, RulesOfProcedure } from './rules.js';
import type { DecisionScenarioInput, Voter } from './scenario.js';
import type { MemberLevel } from './vocabulary.js';

const numRuns = 200;
type Ballot = 'yes' | 'no' | 'abstain' | 'none';
const ballot = fc.constantFrom<Ballot>('yes', 'no', 'abstain', 'none');

interface Setup {
  rules: string | RulesOfProcedure;
  kind: 'recommendation' | 'binding-decision' | 'procedural' | 'decision';
  members: Voter[];
}

const presetSetups: Setup[] = [
  { rules: 'amev-style-working-group', kind: 'recommendation', members: workingGroup() },
  { rules: 'amev-style-working-group', kind: 'procedural', members: workingGroup() },
  { rules: 'it-planungsrat', kind: 'binding-decision', members: itPlanungsrat() },
  { rules: 'it-planungsrat', kind: 'recommendation', members: itPlanungsrat() },
  { rules: 'bauministerkonferenz', kind: 'decision', members: bauministerkonferenz() },
];

/** A scenario: presence and ballot for every voting member of a setup. */
function scenarioArb(setups: fc.Arbitrary<Setup>): fc.Arbitrary<DecisionScenarioInput> {
  return setups.chain((setup) =>
    fc
      .array(fc.tuple(fc.boolean(), ballot), { minLength: setup.members.length, maxLength: setup.members.length })
      .map((draws): DecisionScenarioInput => {
        const members = setup.members.map((m, i) => (m.votingRight ? { ...m, present: draws[i]![0] || draws[i]![1] !== 'none' } : m));
        const ballots: Record<string, 'yes' | 'no' | 'abstain'> = {};
        members.forEach((m, i) => {
          const b = draws[i]![1];
          if (m.votingRight && m.present && b !== 'none') ballots[m.id] = b;
        });
        return { rules: setup.rules, motion: { kind: setup.kind }, date: '2027-02-10', members, ballots };
      }),
  );
}

const levels: MemberLevel[] = ['federal', 'state', 'municipality'];
const ratio = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }))
  .map(([d, n]) => ({ numerator: Math.min(n, d), denominator: d }));

/** Arbitrary rule trees (the grammar of `conditionSchema`). */
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Condition>({ kind: 'always' }),
    fc.record({ kind: fc.constant('presentShare' as const), ratio, strict: fc.boolean() }),
    fc.record({ kind: fc.constant('presentAtLeast' as const), count: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('yesShare' as const), of: fc.constantFrom('members', 'present', 'ballots', 'yesAndNo' as const), ratio, strict: fc.boolean() }),
    fc.record({ kind: fc.constant('yesAtLeast' as const), count: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('yesVersusNo' as const), strict: fc.boolean() }),
    fc.record({ kind: fc.constant('unanimity' as const), of: fc.constantFrom('members', 'present', 'ballots', 'yesAndNo' as const) }),
    fc.record({ kind: fc.constant('weightedYesShare' as const), weights: fc.constant('koenigstein' as const), of: fc.constantFrom('table', 'members' as const), ratio, strict: fc.boolean() }),
    fc.record({ kind: fc.constant('all' as const), conditions: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('any' as const), conditions: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('atLevel' as const), level: fc.constantFrom(...levels), condition: tie('c') }),
    fc.record({ kind: fc.constant('forEachLevel' as const), levels: fc.subarray(levels, { minLength: 1 }), condition: tie('c') }),
  ),
})).c;

/**
 * Quorum rules that depend on presence only. A quorum written with vote conditions (say
 * `yesShare` of those present) can legitimately fall when a member arrives without voting, so the
 * arrival invariant is stated for presence-based quorum rules, the kind every preset uses.
 */
const presenceConditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Condition>({ kind: 'always' }),
    fc.record({ kind: fc.constant('presentShare' as const), ratio, strict: fc.boolean() }),
    fc.record({ kind: fc.constant('presentAtLeast' as const), count: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('all' as const), conditions: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('any' as const), conditions: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('atLevel' as const), level: fc.constantFrom(...levels), condition: tie('c') }),
    fc.record({ kind: fc.constant('forEachLevel' as const), levels: fc.subarray(levels, { minLength: 1 }), condition: tie('c') }),
  ),
})).c;

function ownRules(quorumArb: fc.Arbitrary<Condition>): fc.Arbitrary<Setup> {
  return fc.tuple(quorumArb, conditionArb).map(([quorum, rule]) => ({
    rules: {
      id: 'generated',
      name: { de: 'Erzeugt', en: 'Generated' },
      votingLevels: [...levels],
      quorum,
      motions: { decision: { rule } },
    },
    kind: 'decision' as const,
    members: workingGroup(),
  }));
}

const anySetup = fc.oneof(fc.constantFrom(...presetSetups), ownRules(conditionArb));
const presenceQuorumSetup = fc.oneof(fc.constantFrom(...presetSetups), ownRules(presenceConditionArb));

function withBallot(s: DecisionScenarioInput, id: string, option: 'yes' | 'no'): DecisionScenarioInput {
  return { ...s, ballots: { ...s.ballots, [id]: option } };
}

describe('invariants of evaluateDecision (fast-check)', () => {
  it('adding a yes never turns pass into fail', () => {
    fc.assert(
      fc.property(scenarioArb(anySetup), fc.nat(), (s, pick) => {
        const candidates = s.members.filter((m) => m.votingRight && m.present && s.ballots?.[m.id] !== 'yes');
        fc.pre(candidates.length > 0);
        const id = candidates[pick % candidates.length]!.id;
        const before = evaluateDecision(s).result;
        const after = evaluateDecision(withBallot(s, id, 'yes')).result;
        expect(before === 'pass' && after === 'fail').toBe(false);
      }),
      { numRuns },
    );
  });

  it('turning a yes into a no never turns fail into pass', () => {
    fc.assert(
      fc.property(scenarioArb(anySetup), fc.nat(), (s, pick) => {
        const yes = Object.entries(s.ballots ?? {}).filter(([, b]) => b === 'yes');
        fc.pre(yes.length > 0);
        const id = yes[pick % yes.length]![0];
        const before = evaluateDecision(s).result;
        const after = evaluateDecision(withBallot(s, id, 'no')).result;
        expect(before === 'fail' && after === 'pass').toBe(false);
      }),
      { numRuns },
    );
  });

  it('a member arriving never makes a quorate meeting inquorate (presence-based quorum rules)', () => {
    fc.assert(
      fc.property(scenarioArb(presenceQuorumSetup), fc.nat(), (s, pick) => {
        const absent = s.members.filter((m) => m.votingRight && !m.present);
        fc.pre(absent.length > 0);
        const id = absent[pick % absent.length]!.id;
        const before = evaluateDecision(s).quorate;
        const after = evaluateDecision({ ...s, members: s.members.map((m) => (m.id === id ? { ...m, present: true } : m)) }).quorate;
        expect(before && !after).toBe(false);
      }),
      { numRuns },
    );
  });

  it('passes only when quorate, and counts add up per option and per group', () => {
    fc.assert(
      fc.property(scenarioArb(anySetup), (s) => {
        const r = evaluateDecision(s);
        if (r.result === 'pass') expect(r.quorate).toBe(true);
        const overall = r.counts.filter((c) => c.group === undefined);
        const voting = s.members.filter((m) => m.votingRight).length;
        expect(overall.reduce((a, c) => a + c.value, 0)).toBe(voting);
        for (const c of overall) {
          const groups = r.counts.filter((g) => g.group !== undefined && g.option === c.option);
          expect(groups.reduce((a, g) => a + g.value, 0)).toBe(c.value);
        }
        expect(overall.find((c) => c.option === 'yes')?.value).toBe(Object.values(s.ballots ?? {}).filter((b) => b === 'yes').length);
        expect(r.reasons.at(-1)?.code).toBe('outcome');
      }),
      { numRuns },
    );
  });

  it('survives a JSON round trip with the same result', () => {
    fc.assert(
      fc.property(scenarioArb(anySetup), (s) => {
        expect(evaluateDecision(JSON.parse(JSON.stringify(s)))).toEqual(evaluateDecision(s));
      }),
      { numRuns: 100 },
    );
  });

  it('written procedure: fails exactly when a voting member objects; advisory objections never count', () => {
    const members = workingGroup();
    fc.assert(
      fc.property(fc.subarray(members.map((m) => m.id)), fc.boolean(), (objections, afterDeadline) => {
        const r = evaluateDecision({
          rules: 'amev-style-working-group',
          motion: { kind: 'recommendation' },
          procedure: 'written',
          date: afterDeadline ? '2027-03-02' : '2027-02-27',
          deadline: '2027-03-01',
          members,
          objections,
        });
        const votingObjection = objections.some((id) => members.find((m) => m.id === id)?.votingRight);
        expect(r.result).toBe(votingObjection ? 'fail' : afterDeadline ? 'pass' : 'pending');
      }),
      { numRuns: 100 },
    );
  });

  it('hostile input gets a MembershipError, never another exception', () => {
    const valid = workingGroup();
    const mutated = fc.record({
      rules: fc.oneof(fc.constant('amev-style-working-group'), fc.string(), fc.anything()),
      motion: fc.oneof(fc.constant({ kind: 'recommendation' }), fc.anything()),
      procedure: fc.oneof(fc.constant('meeting'), fc.constant('written'), fc.anything()),
      date: fc.oneof(fc.constant('2027-02-10'), fc.string()),
      deadline: fc.oneof(fc.constant('2027-02-01'), fc.string()),
      members: fc.oneof(fc.constant(valid), fc.array(fc.anything(), { maxLength: 4 }), fc.anything()),
      ballots: fc.oneof(fc.dictionary(fc.constantFrom(...valid.map((m) => m.id), 'x'), fc.constantFrom('yes', 'no', 'abstain', 'maybe')), fc.anything()),
      objections: fc.oneof(fc.array(fc.constantFrom(...valid.map((m) => m.id), 'x')), fc.anything()),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (input) => {
        try {
          const r = evaluateDecision(input);
          expect(['pass', 'fail', 'pending']).toContain(r.result);
        } catch (error) {
          expect(MembershipError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('chair rotation is periodic: the holder repeats after a full cycle', () => {
    const cycles = { 'it-planungsrat': 32, bauministerkonferenz: 32, 'amev-style-working-group': 6 } as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(cycles) as (keyof typeof cycles)[])),
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (rules, year, month, day) => {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const later = `${year + cycles[rules]}-${date.slice(5)}`;
          expect(chairFor({ rules, date: later })).toBe(chairFor({ rules, date }));
        },
      ),
      { numRuns },
    );
  });
});
