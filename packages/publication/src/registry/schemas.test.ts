import { shareCosts } from '@foederal/membership';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { costShareResultSchema, jointProjectSchema } from './schemas.js';

const laender = ['DE-BW', 'DE-BY', 'DE-BE', 'DE-HB', 'DE-HH', 'DE-NI', 'DE-SN'] as const;

describe('costShareResultSchema', () => {
  it('accepts what shareCosts returns for any total and any set of participating Länder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.subarray([...laender], { minLength: 1 }), (total, states) => {
        const participants = [{ id: 'bund', level: 'federal' as const }, ...states.map((s) => ({ id: s.toLowerCase(), level: 'state' as const, state: s }))];
        const result = shareCosts({ total, rules: 'amev-style-working-group', date: '2027-01-01', participants });
        const parsed = z.safeParse(costShareResultSchema, result);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses shares that do not add up to the total', () => {
    const r = z.safeParse(costShareResultSchema, { total: 10, currency: 'EUR', shares: [], explanation: [] });
    expect(r.success).toBe(false);
  });

  it('validates joint projects', () => {
    expect(z.safeParse(jointProjectSchema, { id: 'x', title: { de: 'X' }, total: -1, rules: 'r', date: '2027-01-01', participants: [] }).success).toBe(false);
  });
});
