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
    expect(formatDate('2027-03-01', 'de-DE')).toBe('1. März 2027');
    expect(formatDate('2027-03-01', 'en-GB')).toBe('1 March 2027');
    expect(formatDate('2027-12-31', 'en')).toBe('December 31, 2027');
  });
  it('writes timestamps with the time', () => {
    expect(formatDate('2027-03-01T09:30:00Z', 'de-DE')).toMatch(/^1\. März 2027( um)? \d{2}:\d{2}$/);
  });
  it('returns unreadable input unchanged', () => {
    expect(formatDate('nächste Woche', 'de-DE')).toBe('nächste Woche');
    expect(formatDate('2027-13-45', 'de-DE')).toBe('2027-13-45');
  });
});

describe('formatNumber and formatBytes', () => {
  it('group digits by locale', () => {
    expect(formatNumber(12345, 'de-DE')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
  it('use decimal units with one decimal place', () => {
    expect(formatBytes(1_254_000, 'de-DE')).toBe('1,3 MB');
    expect(formatBytes(1_254_000, 'en')).toBe('1.3 MB');
    expect(formatBytes(48_200, 'de-DE')).toBe('48,2 kB');
    expect(formatBytes(999, 'en')).toBe('999 byte');
    expect(formatBytes(0, 'de-DE')).toBe('0 Byte');
    expect(formatBytes(5e12, 'en')).toBe('5,000 GB');
  });
});

describe('formatDate with hostile input', () => {
  it('never throws and returns readable input formatted, anything else unchanged', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('de-DE', 'en', 'en-GB'), (value, locale) => {
        const out = formatDate(value, locale);
        expect(typeof out).toBe('string');
        if (Number.isNaN(new Date(value).getTime()) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) expect(out).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
