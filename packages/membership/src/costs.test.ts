import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuro, shareCosts } from './costs.js';
import type { CostParticipant } from './costs.js';
import { MembershipError } from './errors.js';
import { states } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import { koenigsteinerSchluessel } from './koenigstein-data.js';
import { presets } from './presets.js';
import type { RulesOfProcedure } from './rules.js';

const land = (iso: StateCode): CostParticipant => ({ id: iso.toLowerCase(), level: 'state', state: iso });
const bund: CostParticipant = { id: 'bund', level: 'federal' };
const dst: CostParticipant = { id: 'dst', level: 'municipality', name: 'Deutscher Städtetag' };
const withFixed: RulesOfProcedure = {
  ...presets['amev-style-working-group'],
  costSharing: { federalBasisPoints: 4000, fixedBasisPoints: { dst: 500, dlt: 500 }, laender: 'participants' },
};

function errorOf(fn: () => unknown): MembershipError {
  try {
    fn();
  } catch (error) {
    if (MembershipError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('shareCosts', () => {
  it('working group: Bund half, participating Länder the rest by their renormalised keys', () => {
    // expected values computed independently with exact fractions and largest remainders
    const r = shareCosts({ total: 100_000_001, rules: 'amev-style-working-group', date: '2027-01-01', participants: [bund, land('DE-BY'), land('DE-HB')] });
    expect(r.shares.map((s) => [s.id, s.amount])).toEqual([
      ['bund', 50_000_000],
      ['de-by', 47_108_831],
      ['de-hb', 2_891_170],
    ]);
    expect(r.table).toEqual({ year: 2016, source: koenigsteinerSchluessel.source });
    expect(r.shares.find((s) => s.id === 'de-hb')?.explanation.de).toBe(
      'Bremen: Schlüssel 0,95331 % (Königsteiner Schlüssel 2016), 2,89 % des Gesamtbetrags = 28.911,70 € (davon 1 Cent aus der Rundung)',
    );
    expect(r.explanation[1]?.en).toBe('Bund: fixed share 50.00 %');
    expect(r.explanation[2]?.de).toContain('unter den 2 teilnehmenden Ländern auf 100 % umgerechnet');
  });

  it('IT-Planungsrat: all Länder pay by key, listed or not', () => {
    const r = shareCosts({ total: 1_234_567_891, rules: 'it-planungsrat', date: '2026-05-01', participants: [bund, land('DE-NW')] });
    expect(r.shares).toHaveLength(17);
    expect(r.shares.reduce((a, s) => a + s.amount, 0)).toBe(1_234_567_891);
    expect(r.shares.find((s) => s.id === 'bund')?.amount).toBe(617_283_945);
    expect(r.shares.find((s) => s.id === 'de-nw')?.amount).toBe(130_519_999);
    expect(r.shares.find((s) => s.id === 'DE-HB')?.amount).toBe(5_884_630);
    expect(r.explanation[2]?.en).toContain('over all Länder');
  });

  it('fixed shares for umbrella associations; non-state participants without a rule pay nothing', () => {
    const uni: CostParticipant = { id: 'uni', level: 'science' };
    const r = shareCosts({ total: 10_000_00, rules: withFixed, date: '2027-01-01', participants: [bund, dst, uni, land('DE-BE')] });
    expect(r.shares.map((s) => [s.id, s.amount, s.basis])).toEqual([
      ['bund', 4_000_00, 'federal'],
      ['dst', 500_00, 'fixed'],
      ['uni', 0, 'none'],
      ['de-be', 5_500_00, 'koenigstein'],
    ]);
    expect(r.shares[2]?.explanation.de).toBe('uni (Wissenschaft): trägt nach den Regeln keinen Anteil = 0,00 €');
    expect(r.shares[1]?.explanation.en).toBe('Deutscher Städtetag: fixed share under the rules, 5.00 % of the total = €500.00');
  });

  it('a Land with a fixed share pays only that share, the other Länder share the rest by key', () => {
    const rules: RulesOfProcedure = { ...presets['amev-style-working-group'], costSharing: { federalBasisPoints: 5000, fixedBasisPoints: { 'de-hb': 1000 }, laender: 'participants' } };
    const r = shareCosts({ total: 10_000, rules, date: '2027-01-01', participants: [bund, land('DE-HB'), land('DE-BY')] });
    expect(r.shares.map((s) => [s.id, s.amount, s.basis])).toEqual([
      ['bund', 5_000, 'federal'],
      ['de-hb', 1_000, 'fixed'],
      ['de-by', 4_000, 'koenigstein'],
    ]);
    const all = shareCosts({ total: 10_000, rules: { ...rules, costSharing: { ...rules.costSharing!, laender: 'all' } }, date: '2027-01-01', participants: [bund, land('DE-HB')] });
    expect(all.shares.filter((s) => s.state === 'DE-HB')).toEqual([expect.objectContaining({ amount: 1_000, basis: 'fixed' })]);
    expect(all.shares.reduce((a, s) => a + s.amount, 0)).toBe(10_000);
  });

  it('scales the fixed shares up when no Land takes part', () => {
    const r = shareCosts({ total: 900, rules: withFixed, date: '2027-01-01', participants: [bund, dst] });
    expect(r.shares.map((s) => s.amount)).toEqual([800, 100]); // 4000 : 500 basis points
    expect(r.explanation[1]?.de).toContain('hochgerechnet');
    expect(r.table).toBeUndefined();
  });

  it('rounds by largest remainder: 1 cent among equal parts goes to one of them', () => {
    const equal = Object.fromEntries(states.map((s) => [s.iso, 6.25])) as Record<StateCode, number>;
    const r = shareCosts({
      total: 1,
      rules: { ...presets['amev-style-working-group'], costSharing: { federalBasisPoints: 0, laender: 'participants' } },
      date: '2030-01-01',
      participants: [land('DE-BW'), land('DE-BY'), land('DE-BE')],
      koenigsteinYear: 2030,
      koenigsteinTables: [{ year: 2030, source: 'test', shares: equal }],
    });
    expect(r.shares.map((s) => s.amount).sort()).toEqual([0, 0, 1]);
    expect(r.shares.filter((s) => s.roundedUp).map((s) => s.id)).toEqual(['de-be']); // ties: by id
  });

  it('rejects what cannot be split, naming the participant', () => {
    expect(errorOf(() => shareCosts({ total: 100, rules: 'bauministerkonferenz', date: '2027-01-01', participants: [bund] })).code).toBe('invalid-cost-share');
    expect(errorOf(() => shareCosts({ total: 100, rules: 'amev-style-working-group', date: '2027-01-01', participants: [dst] })).code).toBe('invalid-cost-share');
    const dup = errorOf(() => shareCosts({ total: 100, rules: 'amev-style-working-group', date: '2027-01-01', participants: [land('DE-BY'), { id: 'bayern', level: 'state', state: 'DE-BY' }] }));
    expect([dup.code, dup.memberId, dup.path]).toEqual(['invalid-cost-share', 'bayern', ['participants', 1, 'state']]);
    expect(errorOf(() => shareCosts({ total: 1.5, rules: 'amev-style-working-group', date: '2027-01-01', participants: [bund] })).path).toEqual(['total']);
    expect(errorOf(() => shareCosts({ total: -1, rules: 'amev-style-working-group', date: '2027-01-01', participants: [bund] })).code).toBe('invalid-input');
    const badTable = errorOf(() =>
      shareCosts({ total: 100, rules: 'amev-style-working-group', date: '2027-01-01', participants: [land('DE-BY')], koenigsteinTables: [{ year: 2027, source: 'x', shares: { 'DE-BY': 100 } as Record<StateCode, number> }] }),
    );
    expect(badTable.path.slice(0, 2)).toEqual(['koenigsteinTables', 0]);
    const over = { ...presets['amev-style-working-group'], costSharing: { federalBasisPoints: 9000, fixedBasisPoints: { dst: 2000 }, laender: 'participants' as const } };
    expect(errorOf(() => shareCosts({ total: 100, rules: over, date: '2027-01-01', participants: [bund] })).code).toBe('invalid-rules');
  });

  it('formats euros in German and English', () => {
    expect(formatEuro('de', 123_456_789)).toBe('1.234.567,89 €');
    expect(formatEuro('en', 5)).toBe('€0.05');
    expect(formatEuro('de', -100)).toBe('-1,00 €');
  });
});

describe('shareCosts properties (fast-check)', () => {
  const isoCodes = states.map((s) => s.iso);
  const setup = fc.record({
    total: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1_000_000_000_000 })),
    laender: fc.subarray(isoCodes),
    withBund: fc.boolean(),
    withDst: fc.boolean(),
    mode: fc.constantFrom('participants' as const, 'all' as const),
    federalBasisPoints: fc.integer({ min: 0, max: 8500 }),
    dstBasisPoints: fc.integer({ min: 0, max: 1000 }),
    fixedLand: fc.option(fc.constantFrom(...isoCodes), { nil: undefined }),
    year: fc.constantFrom(2015, 2016),
  });
  interface Setup {
    total: number;
    laender: StateCode[];
    withBund: boolean;
    withDst: boolean;
    mode: 'participants' | 'all';
    federalBasisPoints: number;
    dstBasisPoints: number;
    fixedLand?: StateCode | undefined;
    year: number;
  }
  const run = (s: Setup) => shareCosts(toInput(s));
  function toInput(s: Setup) {
    return {
      total: s.total,
      rules: {
        ...presets['amev-style-working-group'],
        costSharing: {
          federalBasisPoints: s.federalBasisPoints,
          fixedBasisPoints: { dst: s.dstBasisPoints, ...(s.fixedLand === undefined ? {} : { [s.fixedLand.toLowerCase()]: 500 }) },
          laender: s.mode,
        },
      },
      date: '2027-01-01',
      koenigsteinYear: s.year,
      participants: [...(s.withBund ? [bund] : []), ...(s.withDst ? [dst] : []), ...s.laender.map(land)],
    };
  }
  const valid = setup.filter((s) => s.mode === 'all' || s.laender.length > 0 || (s.withBund && s.federalBasisPoints > 0) || (s.withDst && s.dstBasisPoints > 0) || s.total === 0);

  it('parts add up exactly to the total, all amounts are whole non-negative cents', () => {
    fc.assert(
      fc.property(valid, (s) => {
        const r = run(s);
        expect(r.shares.reduce((a, x) => a + x.amount, 0)).toBe(s.total);
        for (const x of r.shares) expect(Number.isSafeInteger(x.amount) && x.amount >= 0).toBe(true);
        for (const x of r.shares) expect(x.explanation.de.length * x.explanation.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in the key: a Land with a larger key never pays less', () => {
    fc.assert(
      fc.property(valid, (s) => {
        const r = run(s);
        const shares = koenigsteinerSchluessel.editions.find((e) => e.year === s.year)!.shares;
        const paying = r.shares.filter((x) => x.basis === 'koenigstein');
        for (const a of paying) for (const b of paying) {
          if (shares[a.state!] > shares[b.state!]) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('raising one Land\'s key (taking it from another) never lowers what it pays', () => {
    const base = koenigsteinerSchluessel.editions[1]!;
    fc.assert(
      fc.property(
        fc.subarray(isoCodes, { minLength: 2 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 50_000 }),
        (laender, total, pickUp, pickDown, delta) => {
          const up = laender[pickUp % laender.length]!;
          const down = isoCodes.filter((c) => c !== up)[pickDown % 15]!;
          const step = Math.min(delta / 100_000, base.shares[down] - 0.00001);
          const raised = { ...base.shares, [up]: +(base.shares[up] + step).toFixed(5), [down]: +(base.shares[down] - step).toFixed(5) };
          const input = { total, rules: 'amev-style-working-group', date: '2027-01-01', participants: [bund, ...laender.map(land)] };
          const before = shareCosts({ ...input, koenigsteinYear: 2016 }).shares.find((x) => x.state === up)!.amount;
          const after = shareCosts({ ...input, koenigsteinYear: 2099, koenigsteinTables: [{ year: 2099, source: 'test', shares: raised }] }).shares.find((x) => x.state === up)!.amount;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a non-participant pays nothing', () => {
    fc.assert(
      fc.property(valid.filter((s) => s.mode === 'participants'), (s) => {
        const r = run(s);
        const listed = new Set(toInput(s).participants.map((p) => p.id));
        for (const x of r.shares) expect(listed.has(x.id)).toBe(true);
        const absent = isoCodes.filter((c) => !s.laender.includes(c));
        for (const c of absent) expect(r.shares.some((x) => x.state === c && x.amount > 0)).toBe(false);
        if (!s.withBund) expect(r.shares.some((x) => x.level === 'federal')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
