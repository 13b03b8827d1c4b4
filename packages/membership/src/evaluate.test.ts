import { describe, expect, it } from 'vitest';
import { MembershipError } from './errors.js';
import { states } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import { evaluateDecision } from './evaluate.js';
import { presets } from './presets.js';
import type { RulesOfProcedure } from './rules.js';
import type { DecisionScenarioInput } from './scenario.js';
import { bauministerkonferenz, itPlanungsrat, vote, wgMeeting, workingGroup } from '../test/fixtures.js';

function errorOf(fn: () => unknown): MembershipError {
  try {
    fn();
  } catch (error) {
    if (MembershipError.isInstance(error)) return error;
    throw new Error(`expected a MembershipError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an error, got none');
}

const wgAll = ['bmds', 'bmwsb', 'de-by', 'de-nw', 'de-sn', 'de-hb', 'de-be', 'dst', 'dlt', 'dstgb'];

describe('evaluateDecision: working group (own scenarios)', () => {
  it('passes when all ten voting members say yes', () => {
    const r = evaluateDecision(wgMeeting(vote('yes', wgAll)));
    expect(r).toMatchObject({ result: 'pass', quorate: true });
    expect(r.counts).toContainEqual({ option: 'yes', value: 10 });
    expect(r.counts).toContainEqual({ option: 'yes', value: 3, group: { id: 'municipality', name: 'Kommunen' } });
  });

  it('is not quorate without a municipal member present, even with 6 of 10 present', () => {
    const r = evaluateDecision(
      wgMeeting(vote('yes', ['bmds', 'bmwsb', 'de-by', 'de-nw', 'de-sn', 'de-hb']), {
        absent: ['de-be', 'dst', 'dlt', 'dstgb'],
      }),
    );
    expect(r).toMatchObject({ result: 'fail', quorate: false });
    expect(r.reasons.some((x) => x.de.startsWith('Kommunen: 0 stimmberechtigte Mitglieder anwesend'))).toBe(true);
  });

  it('is not quorate with exactly half present (5 of 10)', () => {
    const r = evaluateDecision(
      wgMeeting(vote('yes', ['bmds', 'de-by', 'de-nw', 'dst', 'dlt']), {
        absent: ['bmwsb', 'de-sn', 'de-hb', 'de-be', 'dstgb'],
      }),
    );
    expect(r).toMatchObject({ result: 'fail', quorate: false });
  });

  it('passes at exactly two thirds of yes+no, abstentions not counted (4 yes, 2 no, 4 abstain)', () => {
    const r = evaluateDecision(
      wgMeeting({
        ...vote('yes', ['bmds', 'de-by', 'de-be', 'dst']),
        ...vote('no', ['de-nw', 'dlt']),
        ...vote('abstain', ['bmwsb', 'de-sn', 'de-hb', 'dstgb']),
      }),
    );
    expect(r).toMatchObject({ result: 'pass', quorate: true });
    expect(r.counts).toContainEqual({ option: 'abstain', value: 4 });
  });

  it('fails when the Bund gives no yes, although everyone else agrees', () => {
    const r = evaluateDecision(
      wgMeeting({ ...vote('abstain', ['bmds', 'bmwsb']), ...vote('yes', wgAll.slice(2)) }),
    );
    expect(r.result).toBe('fail');
    expect(r.reasons.find((x) => x.code === 'rule-yes-at-least' && x.satisfied === false)?.de).toBe(
      'Bund: 0 Ja (mindestens 1 erforderlich) – nicht erfüllt',
    );
  });

  it('fails when nobody votes', () => {
    expect(evaluateDecision(wgMeeting({})).result).toBe('fail');
  });

  it('explains a level majority against in plain words', () => {
    const r = evaluateDecision(
      wgMeeting({ ...vote('yes', wgAll.filter((id) => id !== 'dst' && id !== 'dlt')), ...vote('no', ['dst', 'dlt']) }),
    );
    expect(r.result).toBe('fail');
    const line = r.reasons.find((x) => x.code === 'rule-yes-versus-no' && x.satisfied === false);
    expect(line?.de).toBe('Kommunen: 1 Ja, 2 Nein (mindestens so viele Ja wie Nein erforderlich) – nicht erfüllt');
    expect(line?.en).toBe('municipalities: 1 yes, 2 no (at least as many yes as no required) – not met');
    expect(r.reasons.at(-1)).toEqual({ code: 'outcome', de: 'Ergebnis: abgelehnt', en: 'Result: failed' });
  });

  it('passes a procedural motion with 1 yes, 0 no and everyone else abstaining', () => {
    const r = evaluateDecision(wgMeeting({ bmds: 'yes', ...vote('abstain', wgAll.slice(1)) }, { kind: 'procedural' }));
    expect(r.result).toBe('pass');
  });

  it('counts present voting members without a ballot as "not voting" and absent ones as "absent"', () => {
    const r = evaluateDecision(wgMeeting(vote('yes', ['bmds', 'de-by', 'de-nw', 'dst']), { absent: ['bmwsb', 'dlt'] }));
    expect(r.counts.filter((c) => c.group === undefined)).toEqual([
      { option: 'yes', value: 4 },
      { option: 'no', value: 0 },
      { option: 'abstain', value: 0 },
      { option: 'absent', value: 2 },
      { option: 'not voting', value: 4 },
    ]);
  });
});

describe('evaluateDecision: written procedure', () => {
  const written = (date: string, objections: string[] = []): DecisionScenarioInput => ({
    rules: 'amev-style-working-group',
    motion: { kind: 'recommendation' },
    procedure: 'written',
    date,
    deadline: '2027-03-01',
    members: workingGroup(),
    objections,
  });

  it('is pending before the deadline', () => {
    expect(evaluateDecision(written('2027-02-20'))).toMatchObject({ result: 'pending', quorate: true });
  });

  it('is still pending on the deadline day', () => {
    expect(evaluateDecision(written('2027-03-01')).result).toBe('pending');
  });

  it('passes the day after the deadline and counts silence as consent', () => {
    const r = evaluateDecision(written('2027-03-02'));
    expect(r.result).toBe('pass');
    expect(r.counts).toContainEqual({ option: 'yes', value: 10 });
  });

  it('fails at once on an objection by a voting member, even before the deadline', () => {
    const r = evaluateDecision(written('2027-02-20', ['de-sn']));
    expect(r.result).toBe('fail');
    expect(r.counts).toContainEqual({ option: 'no', value: 1, group: { id: 'state', name: 'Länder' } });
  });

  it('ignores objections of advisory members and says so', () => {
    const r = evaluateDecision(written('2027-03-02', ['uni']));
    expect(r.result).toBe('pass');
    expect(r.reasons.find((x) => x.code === 'objections-ignored')?.de).toContain('uni');
  });

  it('rejects ballots in a written procedure', () => {
    const e = errorOf(() => evaluateDecision({ ...written('2027-03-02'), ballots: { dst: 'yes' } }));
    expect([e.code, e.memberId]).toEqual(['ballots-in-written-procedure', 'dst']);
  });

  it('needs a deadline', () => {
    const { deadline: _d, ...rest } = written('2027-03-02');
    expect(errorOf(() => evaluateDecision(rest)).code).toBe('missing-deadline');
  });

  it('rejects a written procedure where the rules have none', () => {
    const e = errorOf(() =>
      evaluateDecision({ ...written('2027-03-02'), rules: 'it-planungsrat', members: itPlanungsrat() }),
    );
    expect(e.code).toBe('written-procedure-not-allowed');
  });
});

describe('evaluateDecision: IT-Planungsrat and Bauministerkonferenz (own scenarios)', () => {
  const smallest11 = ['de-bb', 'de-be', 'de-hb', 'de-hh', 'de-mv', 'de-rp', 'de-sh', 'de-sl', 'de-sn', 'de-st', 'de-th'];
  const binding = (extra: Partial<DecisionScenarioInput> = {}): DecisionScenarioInput => ({
    rules: 'it-planungsrat',
    motion: { kind: 'binding-decision' },
    date: '2026-03-12',
    members: itPlanungsrat(),
    ballots: { bund: 'yes', ...vote('yes', smallest11), ...vote('no', ['de-bw', 'de-by', 'de-he', 'de-ni', 'de-nw']) },
    ...extra,
  });

  it('fails a binding decision of the 11 smallest Länder: they hold 33.63 % of the 2016 shares', () => {
    const r = evaluateDecision(binding());
    expect(r.result).toBe('fail');
    expect(r.reasons.find((x) => x.code === 'rule-weighted-yes-share')?.de).toBe(
      '11 Länder mit Ja tragen 33,63 % der Anteile aller Länder nach dem Königsteiner Schlüssel 2016 (mindestens 2/3 erforderlich) – nicht erfüllt',
    );
  });

  it('uses a table passed in: with equal shares the same 11 Länder hold 68.75 % and pass', () => {
    const shares = Object.fromEntries(states.map((s) => [s.iso, 6.25])) as Record<StateCode, number>;
    const r = evaluateDecision(binding({ koenigsteinYear: 2030 }), {
      koenigsteinTables: [{ year: 2030, source: 'test', shares }],
    });
    expect(r.result).toBe('pass');
  });

  it('fails a binding decision when the Bund is absent', () => {
    const r = evaluateDecision(
      binding({ members: itPlanungsrat(['bund']), ballots: vote('yes', itPlanungsrat().filter((m) => m.level === 'state').map((m) => m.id)) }),
    );
    expect(r).toMatchObject({ result: 'fail', quorate: true });
  });

  it('rejects an unknown Königsteiner Schlüssel year and dates before every table', () => {
    expect(errorOf(() => evaluateDecision(binding({ koenigsteinYear: 2014 }))).code).toBe('unknown-weights-edition');
    expect(errorOf(() => evaluateDecision(binding({ date: '2010-01-01' }))).code).toBe('unknown-weights-edition');
  });

  it('uses the newest table not after the date (2015 in 2015, 2016 later)', () => {
    const r2015 = evaluateDecision(binding({ date: '2015-06-01' }));
    expect(r2015.reasons.find((x) => x.code === 'rule-weighted-yes-share')?.en).toContain('Königstein key 2015');
  });

  it('Bauministerkonferenz: 9 of 16 present is quorate; a simple majority of those present passes', () => {
    const absent = ['de-ni', 'de-nw', 'de-rp', 'de-sl', 'de-sn', 'de-st', 'de-th'];
    const members = bauministerkonferenz(absent);
    const present = members.filter((m) => m.present && m.votingRight).map((m) => m.id);
    expect(present).toHaveLength(9);
    const pass = evaluateDecision({
      rules: 'bauministerkonferenz',
      motion: { kind: 'decision' },
      date: '2026-09-24',
      members,
      ballots: { ...vote('yes', present.slice(0, 5)), ...vote('abstain', present.slice(5)) },
    });
    expect(pass).toMatchObject({ result: 'pass', quorate: true });
    const fail = evaluateDecision({
      rules: 'bauministerkonferenz',
      motion: { kind: 'decision' },
      date: '2026-09-24',
      members,
      ballots: { ...vote('yes', present.slice(0, 4)), ...vote('abstain', present.slice(4)) },
    });
    expect(fail).toMatchObject({ result: 'fail', quorate: true });
  });

  it('Bauministerkonferenz: 8 of 16 present is not quorate', () => {
    const r = evaluateDecision({
      rules: 'bauministerkonferenz',
      motion: { kind: 'decision' },
      date: '2026-09-24',
      members: bauministerkonferenz(['de-ni', 'de-nw', 'de-rp', 'de-sl', 'de-sn', 'de-st', 'de-th', 'de-sh']),
      ballots: {},
    });
    expect(r.quorate).toBe(false);
  });
});

describe('evaluateDecision: invalid scenarios throw typed errors naming the member', () => {
  const cases: Array<[string, DecisionScenarioInput, string, string | undefined]> = [
    ['unknown preset', { ...wgMeeting({}), rules: 'bundesrat' }, 'unknown-preset', undefined],
    ['ballot of a non-voting guest', wgMeeting({ digitalagentur: 'yes' }), 'ballot-from-non-voting-member', 'digitalagentur'],
    ['ballot of an absent member', wgMeeting({ dst: 'no' }, { absent: ['dst'] }), 'ballot-from-absent-member', 'dst'],
    ['ballot of an unknown member', wgMeeting({ bmi: 'no' }), 'unknown-member', 'bmi'],
    [
      'unknown option',
      { ...wgMeeting({}), ballots: { dlt: 'vielleicht' } } as unknown as DecisionScenarioInput,
      'unknown-option',
      'dlt',
    ],
    [
      'voting right for science',
      { ...wgMeeting({}), members: workingGroup().map((m) => (m.id === 'uni' ? { ...m, votingRight: true } : m)) },
      'voting-level-not-allowed',
      'uni',
    ],
    [
      'a fourth voting municipal member',
      { ...wgMeeting({}), members: [...workingGroup(), { id: 'vku', level: 'municipality', votingRight: true, present: true }] },
      'too-many-voting-seats',
      'vku',
    ],
    [
      'a second voting seat for Bremen',
      { ...wgMeeting({}), members: [...workingGroup(), { id: 'hb2', level: 'state', state: 'DE-HB', votingRight: true, present: true }] },
      'too-many-voting-seats',
      'hb2',
    ],
    [
      'a member listed twice',
      { ...wgMeeting({}), members: [...workingGroup(), { id: 'dst', level: 'municipality', votingRight: false, present: true }] },
      'duplicate-member',
      'dst',
    ],
    ['objection in a meeting', { ...wgMeeting({}), objections: ['dst'] }, 'objections-in-meeting', 'dst'],
    ['objection by an unknown member', { ...wgMeeting({}), procedure: 'written', deadline: '2027-03-01', ballots: {}, objections: ['x'] }, 'unknown-member', 'x'],
  ];
  for (const [name, scenario, code, memberId] of cases) {
    it(name, () => {
      const e = errorOf(() => evaluateDecision(scenario));
      expect(e.code).toBe(code);
      expect(e.memberId).toBe(memberId);
      expect(e.name).toBe('MembershipError');
      expect(e.message).toMatch(/ \/ /);
    });
  }

  it('rejects a motion kind the rules do not define', () => {
    const e = errorOf(() => evaluateDecision({ ...wgMeeting({}), motion: { kind: 'binding-decision' } }));
    expect(e.code).toBe('unknown-motion-kind');
    expect(e.path).toEqual(['motion', 'kind']);
  });

  it('rejects malformed input with a JSON path, never crashing', () => {
    for (const input of [null, 42, 'x', [], {}, { rules: 5 }]) {
      expect(errorOf(() => evaluateDecision(input)).code).toMatch(/^invalid-input$|^invalid-rules$/);
    }
    const e = errorOf(() => evaluateDecision({ ...wgMeeting({}), date: '2027-02-30' }));
    expect(e.path).toEqual(['date']);
    expect(e.message).toContain('$.date');
  });
});

describe('user-supplied rules as JSON', () => {
  const ownRules = {
    id: 'landesarbeitskreis',
    name: { de: 'Landesarbeitskreis', en: 'State working group' },
    votingLevels: ['state', 'municipality'],
    quorum: { kind: 'presentAtLeast', count: 2 },
    motions: {
      decision: {
        rule: {
          kind: 'any',
          conditions: [
            { kind: 'unanimity', of: 'present' },
            { kind: 'atLevel', level: 'municipality', condition: { kind: 'yesShare', of: 'members', ratio: { numerator: 3, denominator: 4 }, strict: false } },
          ],
        },
      },
    },
  };
  const members = [
    { id: 'land', level: 'state', state: 'DE-HE', votingRight: true, present: true },
    { id: 'k1', level: 'municipality', votingRight: true, present: true },
    { id: 'k2', level: 'municipality', votingRight: true, present: true },
    { id: 'k3', level: 'municipality', votingRight: true, present: true },
    { id: 'k4', level: 'municipality', votingRight: true, present: false },
  ] as const;

  it('evaluates and explains them', () => {
    const unanimous = evaluateDecision({ rules: ownRules, motion: { kind: 'decision' }, date: '2027-01-01', members: [...members], ballots: vote('yes', ['land', 'k1', 'k2', 'k3']) });
    expect(unanimous.result).toBe('pass');
    const landAgainst = evaluateDecision({ rules: ownRules, motion: { kind: 'decision' }, date: '2027-01-01', members: [...members], ballots: { land: 'no', ...vote('yes', ['k1', 'k2', 'k3']) } });
    expect(landAgainst.result).toBe('pass');
    expect(landAgainst.reasons.map((r) => r.de)).toContain('Kommunen: 3 Ja von 4 stimmberechtigten Mitgliedern (mindestens 3/4 erforderlich) – erfüllt');
    const split = evaluateDecision({ rules: ownRules, motion: { kind: 'decision' }, date: '2027-01-01', members: [...members], ballots: { land: 'yes', k1: 'yes', k2: 'yes', k3: 'abstain' } });
    expect(split.result).toBe('fail');
  });

  it('rejects broken rules with the JSON path of the mistake', () => {
    const broken = structuredClone(ownRules) as unknown as { motions: { decision: { rule: { conditions: Array<Record<string, unknown>> } } } };
    broken.motions.decision.rule.conditions[1] = { kind: 'majority' };
    const e = errorOf(() => evaluateDecision({ rules: broken, motion: { kind: 'decision' }, date: '2027-01-01', members: [...members] }));
    expect(e.code).toBe('invalid-rules');
    expect(e.path).toEqual(['rules', 'motions', 'decision', 'rule', 'conditions', 1, 'kind']);
    expect(e.message).toContain('$.rules.motions.decision.rule.conditions[1].kind');
    expect(e.message).toContain('"yesShare"');
  });

  it('rejects a ratio above one and unknown fields', () => {
    const r1 = structuredClone(presets['amev-style-working-group']) as RulesOfProcedure;
    r1.quorum = { kind: 'presentShare', ratio: { numerator: 3, denominator: 2 }, strict: true };
    expect(errorOf(() => evaluateDecision({ ...wgMeeting({}), rules: r1 })).path).toEqual(['rules', 'quorum', 'ratio', 'numerator']);
    const r2 = { ...presets['amev-style-working-group'], quorum: { kind: 'always', extra: 1 } };
    const e2 = errorOf(() => evaluateDecision({ ...wgMeeting({}), rules: r2 }));
    expect(e2.message).toContain('unknown fields "extra"');
  });

  it('accepts every preset as a rules object (round trip through JSON)', () => {
    for (const preset of Object.values(presets)) {
      const json = JSON.parse(JSON.stringify(preset)) as unknown;
      expect(() => evaluateDecision({ rules: json, motion: { kind: Object.keys(preset.motions)[0] }, date: '2027-01-01', members: [] })).not.toThrow();
    }
  });
});
