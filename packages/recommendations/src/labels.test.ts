import { describe, expect, it } from 'vitest';
import { exampleCatalogue, formatDate, formatEuro, label, labels, toAtom, toJsonFeed } from './index.js';

describe('labels', () => {
  it('has an English label for every German key, none empty', () => {
    expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.de).sort());
    for (const value of [...Object.values(labels.de), ...Object.values(labels.en)]) expect(value.trim()).not.toBe('');
  });

  it('formats dates from the ISO text without time-zone shifts', () => {
    expect(formatDate('2026-12-31T23:59:59-10:00')).toBe('31. Dezember 2026');
    expect(formatDate('2026-01-01T00:30:00+14:00', 'en')).toBe('1 January 2026');
    expect(formatDate('kein Datum')).toBe('kein Datum');
  });

  it('formats euro cents exactly', () => {
    expect(formatEuro(1_840_000)).toBe('18.400,00 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatEuro(-123_456_789, 'en')).toBe('-€1,234,567.89');
  });

  it('drives English feeds', () => {
    expect(label('state.superseded', 'en')).toBe('Superseded');
    expect(toAtom(exampleCatalogue, { language: 'en' })).toContain('Maintenance 2022 (no. 160): Maintenance, inspection and related minor repairs of technical installations in public buildings – Superseded, superseded by Maintenance 2026 (no. 175)');
    expect(toJsonFeed(exampleCatalogue, { language: 'en' }).language).toBe('en');
  });
});
