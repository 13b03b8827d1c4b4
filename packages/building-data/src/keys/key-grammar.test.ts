import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildingDataError } from '../errors.js';
import { createKeyGrammar, keyCharsets, type KeyCharset, type KeyGrammar, type KeyParts } from './key-grammar.js';
import { bactwinInspiredProfile, genericAksProfile } from './key-profiles.js';

const seg = (name: string, separator: string, charset: KeyCharset, minLength: number, maxLength: number, extra: Record<string, unknown> = {}) => ({
  name,
  label: { de: name, en: name },
  separator,
  charset,
  minLength,
  maxLength,
  ...extra,
});
const grammar = (segments: unknown[]) => ({ id: 'test', label: { de: 'Test', en: 'test' }, source: 'unit test', version: '1.0.0', segments });

function errorOf(fn: () => unknown): BuildingDataError {
  try {
    fn();
  } catch (e) {
    if (BuildingDataError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('key grammar', () => {
  it('parses and formats the generic AKS profile, with and without the optional room', () => {
    expect(genericAksProfile.parse('L01.G1.E02-R012_HZG.WE01.PU01.BM')).toEqual({
      site: 'L01', building: 'G1', floor: 'E02', room: 'R012', trade: 'HZG', system: 'WE01', component: 'PU01', function: 'BM',
    });
    const noRoom = genericAksProfile.parse('L01.G1.EG_LUE.RLT1.VE01.ST');
    expect(noRoom.room).toBeUndefined();
    expect(genericAksProfile.format(noRoom)).toBe('L01.G1.EG_LUE.RLT1.VE01.ST');
  });

  it('parses the BACtwin-inspired profile and states its assumptions', () => {
    const parts = bactwinInspiredProfile.parse('L1.G01.EG-R012_HZG.HK01.PU.HW.PU01.M01.BM');
    expect(parts).toMatchObject({ trade: 'HZG', system: 'HK01', assembly: 'PU', medium: 'HW', aggregate: 'PU01', equipment: 'M01', function: 'BM' });
    expect(bactwinInspiredProfile.data.assumptions.length).toBeGreaterThan(0);
    expect(bactwinInspiredProfile.data.source).toContain('NOT the BACtwin-BAS');
    expect(bactwinInspiredProfile.data.edition).toContain('Nr. 174');
    expect(genericAksProfile.data.edition).toBeDefined();
  });

  it('names segment and position in every parse error', () => {
    let e = errorOf(() => genericAksProfile.parse('L01.G1.E02-R012_hzg.WE01.PU01.BM'));
    expect(e.code).toBe('key-syntax');
    expect([e.segment, e.location]).toEqual(['trade', { offset: 16 }]);
    e = errorOf(() => genericAksProfile.parse('L01.G1.E02-R012_HZG'));
    expect([e.segment, e.location]).toEqual(['system', { offset: 19 }]);
    expect(e.message).toContain('Trennzeichen');
    e = errorOf(() => genericAksProfile.parse('L01.G1.E02-R012_HZG.WE01.PU01.BM.X'));
    expect([e.segment, e.location]).toEqual(['function', { offset: 32 }]);
    e = errorOf(() => genericAksProfile.parse('L01.G1.E-R012_HZG.WE01.PU01.BM'));
    expect([e.segment, e.location]).toEqual(['floor', { offset: 8 }]);
    e = errorOf(() => genericAksProfile.parse('L0123456.G1.EG_HZG.W.P.B'));
    expect([e.segment, e.location]).toEqual(['building', { offset: 6 }]);
    const v = genericAksProfile.validate('');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problem).toMatchObject({ segment: 'site', position: 0, found: '' });
  });

  it('supports fixed-length segments without separators, padding and code lists', () => {
    const g = createKeyGrammar(
      grammar([
        seg('building', '', 'digits', 3, 3, { pad: '0' }),
        seg('floor', '', 'upper-alnum', 2, 2),
        seg('trade', '/', 'upper', 3, 3, { codes: ['HZG', 'LUE'] }),
      ]),
    );
    expect(g.parse('012EG/HZG')).toEqual({ building: '012', floor: 'EG', trade: 'HZG' });
    expect(g.format({ building: '7', floor: 'U1', trade: 'LUE' })).toBe('007U1/LUE');
    const e = errorOf(() => g.parse('012EG/ELT'));
    expect([e.segment, e.location]).toEqual(['trade', { offset: 6 }]);
    expect(errorOf(() => g.format({ building: '1', floor: 'EG', trade: 'ELT' })).segment).toBe('trade');
    const missing = errorOf(() => g.format({ building: '1', trade: 'HZG' }));
    expect([missing.segment, missing.location]).toEqual(['floor', { offset: 3 }]);
  });

  it('rejects ambiguous grammars', () => {
    const cases = [
      [seg('a', '', 'alnum', 1, 3), seg('b', '', 'digits', 1, 1)], // no separator after variable length
      [seg('a', '', 'alnum', 1, 3), seg('b', '.', 'digits', 1, 1, { optional: true }), seg('c', '.', 'digits', 1, 1)], // optional shares separator
      [seg('a', '', 'alnum', 1, 3, { extra: '.' }), seg('b', '.', 'digits', 1, 1)], // separator char inside a segment
      [seg('a', '', 'alnum', 3, 1)],
      [seg('a', '', 'alnum', 1, 1), seg('a', '.', 'alnum', 1, 1)],
    ];
    for (const segments of cases) expect(errorOf(() => createKeyGrammar(grammar(segments))).code).toBe('invalid-grammar');
    expect(errorOf(() => createKeyGrammar({ id: 'x' })).code).toBe('invalid-grammar');
  });
});

const valueFor = (charset: KeyCharset, extra: string, min: number, max: number) =>
  fc
    .array(fc.constantFrom(...(keyCharsets[charset] + extra)), { minLength: min, maxLength: max })
    .map((chars) => chars.join(''));

const partsFor = (g: KeyGrammar): fc.Arbitrary<KeyParts> =>
  fc
    .tuple(...g.data.segments.map((s) => (s.optional ? fc.option(valueFor(s.charset, s.extra, s.minLength, s.maxLength), { nil: undefined }) : valueFor(s.charset, s.extra, s.minLength, s.maxLength))))
    .map((values) => {
      const parts: KeyParts = {};
      g.data.segments.forEach((s, i) => {
        const v = values[i];
        if (v !== undefined) parts[s.name] = v;
      });
      return parts;
    });

describe('key round trip (property-based)', () => {
  it.each([
    ['generic-aks', genericAksProfile],
    ['bactwin-bas-inspired', bactwinInspiredProfile],
  ] as const)('%s: parse(format(parts)) = parts and format(parse(key)) = key', (_id, g) => {
    fc.assert(
      fc.property(partsFor(g), (parts) => {
        const key = g.format(parts);
        const back = g.parse(key);
        expect(back).toEqual(parts);
        expect(g.format(back)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for generated grammars', () => {
    const separators = ['.', '-', '_', '/', ':', '+', '::'];
    const segArb = fc.record({
      charset: fc.constantFrom<KeyCharset>('digits', 'upper', 'lower', 'letters', 'upper-alnum', 'alnum'),
      min: fc.integer({ min: 1, max: 4 }),
      span: fc.integer({ min: 0, max: 4 }),
      separator: fc.constantFrom('', ...separators),
      optional: fc.boolean(),
    });
    const grammarArb = fc.array(segArb, { minLength: 1, maxLength: 8 }).map((segs) =>
      grammar(segs.map((s, i) => seg(`s${i}`, s.separator, s.charset, s.min, s.min + s.span, { optional: s.optional }))),
    );
    let used = 0;
    fc.assert(
      fc.property(grammarArb, fc.integer(), (data, seed) => {
        let g: KeyGrammar;
        try {
          g = createKeyGrammar(data);
        } catch (e) {
          expect(BuildingDataError.isInstance(e) && e.code === 'invalid-grammar').toBe(true);
          return;
        }
        used++;
        const [parts] = fc.sample(partsFor(g), { numRuns: 1, seed });
        const key = g.format(parts as KeyParts);
        expect(g.parse(key)).toEqual(parts);
        expect(g.format(g.parse(key))).toBe(key);
      }),
      { numRuns: 300 },
    );
    expect(used).toBeGreaterThan(20);
  });

  it('never throws anything but a key-syntax error on arbitrary input, with a position inside the key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...'L01.G-E2_HZGW-R.x9'), maxLength: 40 })), (input) => {
        const r = genericAksProfile.validate(input);
        if (r.ok) {
          expect(genericAksProfile.format(r.parts)).toBe(input);
          return;
        }
        expect(r.problem.position).toBeGreaterThanOrEqual(0);
        expect(r.problem.position).toBeLessThanOrEqual(input.length);
        const e = errorOf(() => genericAksProfile.parse(input));
        expect(e.code).toBe('key-syntax');
        expect(e.segment).toBe(r.problem.segment);
      }),
      { numRuns: 300 },
    );
  });

  it('bactwin-bas-inspired: never throws anything but a key-syntax error on arbitrary input, naming the segment', () => {
    const g = bactwinInspiredProfile;
    const samples = fc.sample(partsFor(g), { numRuns: 5, seed: 42 }).map((p) => g.format(p));
    const alphabet = [...new Set([...samples.join(''), 'x', '9', '.', '-', '_'])];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
          fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.string({ maxLength: 3 })).map(([k, at, ins]) => k.slice(0, at % (k.length + 1)) + ins + k.slice(at % (k.length + 1) + 1)),
        ),
        (input) => {
          const r = g.validate(input);
          if (r.ok) {
            expect(g.format(r.parts)).toBe(input);
            return;
          }
          expect(r.problem.position).toBeGreaterThanOrEqual(0);
          expect(r.problem.position).toBeLessThanOrEqual(input.length);
          expect(g.data.segments.map((s) => s.name)).toContain(r.problem.segment);
          const e = errorOf(() => g.parse(input));
          expect(e.code).toBe('key-syntax');
          expect(e.segment).toBe(r.problem.segment);
          expect(e.location.offset).toBe(r.problem.position);
        },
      ),
      { numRuns: 300 },
    );
  });
});
