import { describe, expect, it } from 'vitest';
import { MembershipError } from './errors.js';
import { presets } from './presets.js';
import { checkRules } from './rules-check.js';

describe('checkRules', () => {
  it('finds nothing in the presets', () => {
    for (const id of Object.keys(presets)) expect([id, checkRules(id)]).toEqual([id, []]);
  });

  it('reports conditions that cannot work, with JSON paths', () => {
    const rules = {
      ...presets['amev-style-working-group'],
      quorum: { kind: 'forEachLevel', levels: ['federal', 'science'], condition: { kind: 'presentAtLeast', count: 1 } },
      motions: {
        recommendation: {
          rule: {
            kind: 'all',
            conditions: [
              { kind: 'atLevel', level: 'municipality', condition: { kind: 'yesAtLeast', count: 4 } },
              { kind: 'yesShare', of: 'present', ratio: { numerator: 0, denominator: 2 }, strict: false },
            ],
          },
        },
      },
      writtenProcedure: { objection: 'any-voting-member', motionKinds: ['decision'] },
    };
    expect(checkRules(rules).map((f) => [f.code, f.path])).toEqual([
      ['level-cannot-vote', ['quorum', 'levels', 1]],
      ['count-above-seats', ['motions', 'recommendation', 'rule', 'conditions', 0, 'condition', 'count']],
      ['trivial-condition', ['motions', 'recommendation', 'rule', 'conditions', 1, 'ratio']],
      ['written-kind-undefined', ['writtenProcedure', 'motionKinds', 0]],
    ]);
    expect(checkRules(rules)[1]?.de).toBe('4 verlangt, aber für Kommunen gibt es höchstens 3 Stimmen');
  });

  it('reports rules without motions and throws on invalid rules', () => {
    expect(checkRules({ ...presets['bauministerkonferenz'], motions: {} }).map((f) => f.code)).toEqual(['no-motions']);
    expect(() => checkRules({ id: 'x' })).toThrow(MembershipError);
  });
});
