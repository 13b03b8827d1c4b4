import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, intlLocale } from './format.js';

describe('intlLocale', () => {
  it.each([
    ['de', 'de-DE'],
    ['de-AT', 'de-AT'],
    ['en', 'en'],
    ['en-GB', 'en-GB'],
    ['fr', 'de-DE'],
    ['', 'de-DE'],
    [undefined, 'de-DE'],
  ])('%s → %s', (tag, locale) => {
    expect(intlLocale(tag)).toBe(locale);
  });
});

describe('formatDate', () => {
  it('writes calendar days in the reader’s language, never shifted by the time zone', () => {
    expect(formatDate('de-DE', '2027-03-01')).toBe('1. März 2027');
    expect(formatDate('en-GB', '2027-03-01')).toBe('1 March 2027');
    expect(formatDate('en', '2027-12-31')).toBe('December 31, 2027');
  });
  it('writes timestamps with the time', () => {
    expect(formatDate('de-DE', '2027-03-01T09:30:00Z')).toMatch(/^1\. März 2027( um)? \d{2}:\d{2}$/);
  });
  it('returns unreadable input unchanged', () => {
    expect(formatDate('de-DE', 'nächste Woche')).toBe('nächste Woche');
    expect(formatDate('de-DE', '2027-13-45')).toBe('2027-13-45');
  });
});

describe('formatNumber and formatBytes', () => {
  it('group digits by locale', () => {
    expect(formatNumber('de-DE', 12345)).toBe('12.345');
    expect(formatNumber('en', 12345)).toBe('12,345');
  });
  it('use decimal units with one decimal place', () => {
    expect(formatBytes('de-DE', 1_254_000)).toBe('1,3 MB');
    expect(formatBytes('en', 1_254_000)).toBe('1.3 MB');
    expect(formatBytes('de-DE', 48_200)).toBe('48,2 kB');
    expect(formatBytes('en', 999)).toBe('999 byte');
    expect(formatBytes('de-DE', 0)).toBe('0 Byte');
    expect(formatBytes('en', 5e12)).toBe('5,000 GB');
  });
});

describe('formatDate with hostile input', () => {
  it('never throws and returns readable input formatted, anything else unchanged', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('de-DE', 'en', 'en-GB'), (value, locale) => {
        const out = formatDate(locale, value);
        expect(typeof out).toBe('string');
        if (Number.isNaN(new Date(value).getTime()) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) expect(out).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
