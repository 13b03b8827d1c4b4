import { describe, expect, it } from 'vitest';
import { chairFor, jurisdictionSchema, MembershipError, presets, toPopoloVoteEvent } from './index.js';
import type { DecisionResult } from './index.js';

function thrown(run: () => unknown): MembershipError {
  try {
    run();
  } catch (error) {
    expect(MembershipError.isInstance(error)).toBe(true);
    return error as MembershipError;
  }
  throw new Error('expected a MembershipError');
}

describe('chairFor refuses', () => {
  it('rules without a chair rotation, naming the rules and the path', () => {
    const { chairRotation: _rotation, ...rules } = presets.bauministerkonferenz;
    expect(chairFor({ rules: presets.bauministerkonferenz, date: '2026-06-01' })).toBe('DE-BE');
    const error = thrown(() => chairFor({ rules, date: '2026-06-01' }));
    expect(error.code).toBe('no-chair-rotation');
    expect(error.path).toEqual(['rules', 'chairRotation']);
    expect(error.message).toContain(`Die Regeln „${rules.id}“ haben keine Vorsitzrotation`);
    expect(error.message).toContain(`rules "${rules.id}" have no chair rotation`);
  });

  it('a date that is not a calendar date', () => {
    const error = thrown(() => chairFor({ rules: 'it-planungsrat', date: '2026-02-30' }));
    expect(error.code).toBe('invalid-input');
    expect(error.path).toEqual(['date']);
  });
});

describe('toPopoloVoteEvent refuses', () => {
  it('a date that is not YYYY-MM-DD with the code invalid-popolo', () => {
    const result: DecisionResult = { result: 'pending', quorate: true, counts: [], reasons: [] };
    const decision = { id: 'u1', organizationId: 'plenum', motion: { kind: 'recommendation' as const, text: 'x' }, result };
    expect(toPopoloVoteEvent({ ...decision, date: '2027-02-10' })['start_date']).toBe('2027-02-10T00:00:00Z');
    const error = thrown(() => toPopoloVoteEvent({ ...decision, date: '10.02.2027' }));
    expect(error.code).toBe('invalid-popolo');
    expect(error.path).toEqual(['date']);
  });
});

describe('jurisdictionSchema refuses', () => {
  const messageAt = (input: unknown, path: string): string | undefined =>
    jurisdictionSchema.safeParse(input).error?.issues.find((i) => i.path.join('.') === path)?.message;

  it('an umbrella association on another level than municipality', () => {
    const dst = { id: 'dst', kind: 'municipal-umbrella-association', name: { de: 'Deutscher Städtetag' } };
    expect(jurisdictionSchema.safeParse({ ...dst, level: 'municipality' }).success).toBe(true);
    expect(messageAt({ ...dst, level: 'state' }, 'level')).toBe(
      'Kommunale Spitzenverbände gehören zur Ebene municipality / umbrella associations are level municipality',
    );
  });

  it('a level for science, industry and civil society', () => {
    for (const kind of ['science', 'industry', 'civil-society']) {
      expect(messageAt({ id: 'x', kind, level: 'federal', name: { de: 'X' } }, 'level')).toBe(
        'Nichtstaatliche Teilnehmer haben keine Ebene / non-state participants have no level',
      );
    }
  });

  it('an AGS on a Land', () => {
    expect(messageAt({ id: 'by', kind: 'government', level: 'state', state: 'DE-BY', ags: '09162000', name: { de: 'Bayern' } }, 'ags'))
      .toBe('AGS/ARS nur für Kreise und Gemeinden / AGS/ARS only for districts and municipalities');
  });
});
