import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IfcError } from '../errors.js';
import { ArgumentDecoder } from './decode.js';
import { DERIVED, type StepValue } from './values.js';

const decode = (text: string): StepValue[] => {
  const b = new TextEncoder().encode(text);
  return new ArgumentDecoder(b).decodeList(0, b.length, 7);
};

describe('ArgumentDecoder', () => {
  it('decodes every kind of parameter', () => {
    expect(decode("(#12,'a''b',$,*,.T.,.F.,.U.,.ELEMENT.,-3,2.5E-3,1.,\"0FF\",(1,(2,3)),IFCLABEL('x'))")).toEqual([
      { kind: 'ref', id: 12 },
      "a'b",
      null,
      DERIVED,
      true,
      false,
      { kind: 'enum', value: 'U' },
      { kind: 'enum', value: 'ELEMENT' },
      -3,
      0.0025,
      1,
      { kind: 'binary', value: '0FF' },
      [1, [2, 3]],
      { kind: 'typed', type: 'IFCLABEL', value: 'x' },
    ]);
  });
  it('allows white space and comments anywhere between tokens', () => {
    expect(decode("( /* c */ #1 ,\r\n\t'x' /* d */ , ( ) , IFCREAL ( 2. ) )")).toEqual([
      { kind: 'ref', id: 1 },
      'x',
      [],
      { kind: 'typed', type: 'IFCREAL', value: 2 },
    ]);
  });
  it('keeps a typed value with a list parameter as a list', () => {
    expect(decode('(IFCCOMPLEXNUMBER((1.,2.)))')).toEqual([{ kind: 'typed', type: 'IFCCOMPLEXNUMBER', value: [1, 2] }]);
  });
  it('reports syntax errors with offset and entity id', () => {
    for (const [text, offset, code] of [
      ['(#1,,#2)', 4, 'syntax'],
      ['(#1', 3, 'unbalanced-parentheses'],
      ['(#1))', 4, 'unbalanced-parentheses'],
      ['(#1) x', 5, 'syntax'],
      ["('abc)", 1, 'syntax'],
      ['(.ELEMENT)', 1, 'syntax'],
      ['(#)', 1, 'syntax'],
      ['(1.5E)', 1, 'syntax'],
      ['(@)', 1, 'syntax'],
    ] as const) {
      try {
        decode(text);
        expect.unreachable(text);
      } catch (e) {
        expect(IfcError.isInstance(e)).toBe(true);
        expect((e as IfcError).code, text).toBe(code);
        expect((e as IfcError).entityId).toBe(7);
        expect((e as IfcError).offset, text).toBe(offset);
      }
    }
  });
  it('never throws anything but IfcError on arbitrary input, and terminates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          decode(`(${s})`);
        } catch (e) {
          if (!IfcError.isInstance(e)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('limits nesting depth instead of overflowing the stack', () => {
    expect(() => decode('('.repeat(5000) + ')'.repeat(5000))).toThrow(/tief|deep/);
  });
});

describe('numbers', () => {
  it('decode exactly as Number() reads the same text', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+'),
        digits,
        fc.option(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '3'), maxLength: 20 })),
        fc.option(fc.integer({ min: -40, max: 40 })),
        (sign, int, frac, exp) => {
          const text = `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `E${exp}`}`;
          const want = Number(text.replace(/\.E/, '.0E').replace(/\.$/, ''));
          expect(decode(`(${text})`)[0], text).toBe(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
