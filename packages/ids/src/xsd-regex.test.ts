import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XsdRegexSyntaxError, xsdPatternMatcher, xsdPatternToRegExp } from './xsd-regex.js';

const ok = (p: string, s: string) => xsdPatternToRegExp(p).test(s);

describe('xsdPatternToRegExp', () => {
  it('anchors implicitly: the whole value must match', () => {
    expect(ok('DT[0-9]{2}', 'DT01')).toBe(true);
    expect(ok('DT[0-9]{2}', 'xDT01')).toBe(false);
    expect(ok('DT[0-9]{2}', 'DT012')).toBe(false);
    expect(ok('a|b', 'b')).toBe(true);
    expect(ok('a|b', 'ab')).toBe(false);
  });

  it('treats ^ and $ as ordinary characters', () => {
    expect(ok('^a$', '^a$')).toBe(true);
    expect(ok('^a$', 'a')).toBe(false);
  });

  it('has XSD semantics for ., \\d, \\s, \\w, \\i, \\c', () => {
    expect(ok('.', '\n')).toBe(false);
    expect(ok('.', '😀')).toBe(true);
    expect(ok('\\d+', '١٢٣')).toBe(true);
    expect(ok('\\s', '\u00a0')).toBe(false);
    expect(ok('\\w+', 'Wand_ä')).toBe(false);
    expect(ok('\\w+', 'Wandä1')).toBe(true);
    expect(ok('\\i\\c*', 'ids:value-1')).toBe(true);
    expect(ok('\\i\\c*', '1abc')).toBe(false);
  });

  it('supports character class subtraction, negation and escapes in classes', () => {
    expect(ok('[a-z-[aeiou]]+', 'bcd')).toBe(true);
    expect(ok('[a-z-[aeiou]]+', 'bad')).toBe(false);
    expect(ok('[^0-9]', 'a')).toBe(true);
    expect(ok('[^0-9]', '5')).toBe(false);
    expect(ok('[\\-+]', '-')).toBe(true);
    expect(ok('[+-]', '-')).toBe(true);
    expect(ok('[\\d\\s]+', '1 2')).toBe(true);
    expect(ok('[^\\d\\s]', 'x')).toBe(true);
    expect(ok('[^\\d\\s]', ' ')).toBe(false);
  });

  it('supports categories and blocks', () => {
    expect(ok('\\p{Lu}+', 'ÄBC')).toBe(true);
    expect(ok('\\p{Lu}+', 'Abc')).toBe(false);
    expect(ok('\\p{IsBasicLatin}+', 'abc')).toBe(true);
    expect(ok('\\p{IsBasicLatin}+', 'äbc')).toBe(false);
    expect(ok('\\P{L}', '1')).toBe(true);
  });

  it('rejects what XSD does not allow', () => {
    for (const bad of ['(?:a)', 'a*?', 'a{2,1}', '[a', 'a)', '\\q', '\\p{Foo}', '[a-]b]', 'a{', '\\p{IsKlingon}', '[z-a]']) {
      expect(() => xsdPatternToRegExp(bad), bad).toThrow(XsdRegexSyntaxError);
    }
  });

  it('matches literal text exactly like string equality for patterns without metacharacters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_ -]{0,12}$/), fc.stringMatching(/^[A-Za-z0-9_ -]{0,12}$/), (p, s) => {
        expect(ok(p, s)).toBe(p === s);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but XsdRegexSyntaxError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (p) => {
        try {
          xsdPatternToRegExp(p);
        } catch (error) {
          expect(error).toBeInstanceOf(XsdRegexSyntaxError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the linear-time matcher agrees with the RegExp translation', () => {
    const atom = fc.constantFrom('a', 'b', '.', '\\d', '[a-c]', '[^a]', '(a|b)', '(ab)', '[a-z-[b]]', '\\p{Lu}', 'ä');
    const piece = fc.tuple(atom, fc.constantFrom('', '?', '*', '+', '{2}', '{1,3}', '{0,}')).map(([a, q]) => a + q);
    const pattern = fc.array(piece, { minLength: 1, maxLength: 5 }).map((ps) => ps.join(''));
    const value = fc.stringMatching(/^[abcAä1 ]{0,8}$/);
    fc.assert(
      fc.property(pattern, fc.constantFrom('', '|b', '|a*'), value, (p, alt, v) => {
        const full = p + alt;
        expect(xsdPatternMatcher(full).test(v), `${full} on ${JSON.stringify(v)}`).toBe(xsdPatternToRegExp(full).test(v));
      }),
      { numRuns: 300 },
    );
  });

  it('does not backtrack on hostile patterns', () => {
    expect(xsdPatternMatcher('(a+)+b').test('a'.repeat(20_000))).toBe(false);
    expect(xsdPatternMatcher('(a|a)*c').test('a'.repeat(20_000))).toBe(false);
    expect(xsdPatternMatcher('(a*)*').test('a'.repeat(1000))).toBe(true);
    expect(() => xsdPatternMatcher('(a{1000}){1000}')).toThrow(/too large/);
  });
});
