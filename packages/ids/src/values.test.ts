import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RestrictionValue } from './model.js';
import { matchesValue, parseXsdDouble, realEquals } from './values.js';
import type { IfcScalar } from './values.js';

const real = (value: number): IfcScalar => ({ kind: 'number', value, integer: false });
const int = (value: number): IfcScalar => ({ kind: 'number', value, integer: true });
const text = (value: string): IfcScalar => ({ kind: 'string', value });
const simple = (value: string) => ({ kind: 'simple' as const, value });
const restriction = (r: Omit<RestrictionValue, 'kind' | 'base'> & { base?: string }): RestrictionValue => ({
  kind: 'restriction',
  base: 'xs:string',
  ...r,
});

describe('realEquals (1e-6 relative and absolute tolerance)', () => {
  it('accepts values on the documented bounds and rejects values just outside', () => {
    // figures from the IDS tolerance table
    expect(realEquals(100000.100001, 100000)).toBe(true);
    expect(realEquals(100000.1000011, 100000)).toBe(false);
    expect(realEquals(0.999998, 1)).toBe(true);
    expect(realEquals(0.9999979, 1)).toBe(false);
    expect(realEquals(-0.000001, 0)).toBe(true);
    expect(realEquals(-0.0000011, 0)).toBe(false);
  });

  it('is reflexive for every finite number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => realEquals(x, x)), { numRuns: 300 });
  });
});

describe('matchesValue', () => {
  it('compares text case-sensitively and numbers by casting', () => {
    expect(matchesValue(simple('Waldo'), text('Waldo'))).toBe(true);
    expect(matchesValue(simple('waldo'), text('Waldo'))).toBe(false);
    expect(matchesValue(simple('42'), real(42.0000001))).toBe(true);
    expect(matchesValue(simple('4.2e1'), real(42))).toBe(true);
    expect(matchesValue(simple('42'), int(42))).toBe(true);
    expect(matchesValue(simple('42.0'), int(42))).toBe(false);
    expect(matchesValue(simple('1,5'), real(1.5))).toBe(false);
    expect(matchesValue(simple('42'), text('42.0'))).toBe(false);
  });

  it('reads xs:boolean lexically and never matches UNKNOWN', () => {
    expect(matchesValue(simple('true'), { kind: 'boolean', value: true })).toBe(true);
    expect(matchesValue(simple('TRUE'), { kind: 'boolean', value: true })).toBe(false);
    expect(matchesValue(simple('0'), { kind: 'boolean', value: false })).toBe(true);
    expect(matchesValue(simple('false'), { kind: 'unknown' })).toBe(false);
  });

  it('applies enumerations, patterns (text only), lengths', () => {
    const r = restriction({ enumeration: ['A', 'B'] });
    expect(matchesValue(r, text('B'))).toBe(true);
    expect(matchesValue(r, text('b'))).toBe(false);
    expect(matchesValue(restriction({ enumeration: ['1.5'] }), real(1.5000001))).toBe(true);
    expect(matchesValue(restriction({ patterns: ['W[0-9]+'] }), text('W12'))).toBe(true);
    expect(matchesValue(restriction({ patterns: ['.*'] }), real(1))).toBe(false);
    expect(matchesValue(restriction({ length: 3 }), text('äöü'))).toBe(true);
    expect(matchesValue(restriction({ minLength: 2, maxLength: 3 }), text('abcd'))).toBe(false);
  });

  it('stretches inclusive and shrinks exclusive bounds by the tolerance', () => {
    expect(matchesValue(restriction({ base: 'xs:double', minInclusive: '0' }), real(-0.000001))).toBe(true);
    expect(matchesValue(restriction({ base: 'xs:double', minInclusive: '0' }), real(-0.0000011))).toBe(false);
    expect(matchesValue(restriction({ base: 'xs:double', minExclusive: '0' }), real(0.0000009))).toBe(false);
    expect(matchesValue(restriction({ base: 'xs:double', minExclusive: '0' }), real(0.0000011))).toBe(true);
    expect(matchesValue(restriction({ base: 'xs:double', maxExclusive: '10' }), int(10))).toBe(false);
    expect(matchesValue(restriction({ base: 'xs:double', maxInclusive: '10' }), int(10))).toBe(true);
    expect(matchesValue(restriction({ base: 'xs:double', maxInclusive: '10' }), text('5'))).toBe(false);
  });

  it('parses only the xs:double lexical space', () => {
    expect(parseXsdDouble('1e3')).toBe(1000);
    expect(parseXsdDouble('-INF')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseXsdDouble('.5')).toBe(0.5);
    expect(parseXsdDouble('1,5')).toBeUndefined();
    expect(parseXsdDouble('0x10')).toBeUndefined();
  });

  it('bounds agree with plain comparisons away from the tolerance band', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (x, b) => {
        const r = restriction({ base: 'xs:double', minInclusive: String(b) });
        expect(matchesValue(r, int(x))).toBe(x >= b);
      }),
      { numRuns: 200 },
    );
  });
});
