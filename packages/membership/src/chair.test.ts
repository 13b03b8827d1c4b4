import { describe, expect, it } from 'vitest';
import { chairFor } from './chair.js';
import { MembershipError } from './errors.js';
import { presets } from './presets.js';

describe('chairFor', () => {
  it('IT-Planungsrat alternates yearly between Bund and the Länder in alphabetical order', () => {
    const years = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033];
    expect(years.map((y) => chairFor({ rules: 'it-planungsrat', date: `${y}-06-01` }))).toEqual([
      'DE-MV', 'federal', 'DE-NI', 'federal', 'DE-NW', 'federal', 'DE-RP', 'federal', 'DE-SL',
    ]);
    expect(chairFor({ rules: 'it-planungsrat', date: '2024-06-01' })).toBe('federal');
    expect(chairFor({ rules: 'it-planungsrat', date: '2023-06-01' })).toBe('DE-HE');
    // Sachsen before Sachsen-Anhalt before Schleswig-Holstein, Thüringen last, then Baden-Württemberg again
    expect([2035, 2037, 2039, 2041, 2043].map((y) => chairFor({ rules: 'it-planungsrat', date: `${y}-01-01` }))).toEqual([
      'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH', 'DE-BW',
    ]);
  });

  it('changes on the first day of the period', () => {
    expect(chairFor({ rules: 'it-planungsrat', date: '2025-12-31' })).toBe('DE-MV');
    expect(chairFor({ rules: 'it-planungsrat', date: '2026-01-01' })).toBe('federal');
    expect(chairFor({ rules: 'amev-style-working-group', date: '2027-12-31' })).toBe('federal');
    expect(chairFor({ rules: 'amev-style-working-group', date: '2028-01-01' })).toBe('state');
  });

  it('working group: federal, state, municipality every two years from 2026, backwards before', () => {
    expect(['2026-01-01', '2028-01-01', '2030-01-01', '2032-01-01', '2025-12-31'].map((date) => chairFor({ rules: 'amev-style-working-group', date }))).toEqual([
      'federal', 'state', 'municipality', 'federal', 'municipality',
    ]);
  });

  it('Bauministerkonferenz: every two years in alphabetical order', () => {
    expect(['2025-03-01', '2027-03-01', '2029-03-01'].map((date) => chairFor({ rules: 'bauministerkonferenz', date }))).toEqual([
      'DE-BE', 'DE-BB', 'DE-HB',
    ]);
  });

  it('takes a rules object and rejects rules without rotation or a bad date', () => {
    const { chairRotation: _r, ...noRotation } = presets['amev-style-working-group'];
    expect(() => chairFor({ rules: noRotation, date: '2027-01-01' })).toThrow(MembershipError);
    try {
      chairFor({ rules: 'it-planungsrat', date: '2027-13-01' });
      expect.unreachable();
    } catch (error) {
      expect((error as MembershipError).code).toBe('invalid-input');
    }
    try {
      chairFor({ rules: 'kmk', date: '2027-01-01' });
      expect.unreachable();
    } catch (error) {
      expect((error as MembershipError).code).toBe('unknown-preset');
    }
  });
});
