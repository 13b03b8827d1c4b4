import { describe, expect, it } from 'vitest';
import {
  administrativeLevelSchema,
  adoptionInstrumentSchema,
  attachmentRoleSchema,
  contributionStateSchema,
  dataThemeSchema,
  experienceReportStatusSchema,
  formatDate,
  formatEuro,
  label,
  labels,
  pilotParticipantSchema,
  pilotStatusSchema,
  pilotSubjectSchema,
  recommendationStatusSchema,
  referenceSchema,
  toAtom,
  toJsonFeed,
} from './index.js';
import { exampleCatalogue } from './examples.js';

/** The tag values of a discriminated union, read from its member schemas. */
function tags(union: { def: { options: readonly { def: { shape: Record<string, unknown> } }[] } }, key: string): string[] {
  return union.def.options.flatMap((option) => (option.def.shape[key] as { def: { values: string[] } }).def.values);
}

describe('labels', () => {
  it('has an English label for every German key, none empty', () => {
    expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.de).sort());
    for (const value of [...Object.values(labels.de), ...Object.values(labels.en)]) expect(value.trim()).not.toBe('');
  });

  it('has a German and an English label for every enum value of the schemas', () => {
    const groups: [string, readonly string[]][] = [
      ['state', tags(recommendationStatusSchema, 'state')],
      ['contribution', contributionStateSchema.options],
      ['instrument', adoptionInstrumentSchema.options],
      ['bindingness', ['guidance', 'binding']],
      ['role', attachmentRoleSchema.options],
      ['pilot', pilotStatusSchema.options],
      ['participant', pilotParticipantSchema.def.shape.role.options],
      ['subject', tags(pilotSubjectSchema, 'kind')],
      ['reference', tags(referenceSchema, 'kind')],
      ['report', tags(experienceReportStatusSchema, 'state')],
      ['level', administrativeLevelSchema.options],
      ['theme', dataThemeSchema.options],
    ];
    for (const [group, values] of groups) {
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const key = `${group}.${value}`;
        expect([key, key in labels.de && key in labels.en]).toEqual([key, true]);
      }
    }
    expect(label('de', 'theme.TECH')).toBe('Wissenschaft und Technologie');
    expect(label('en', 'participant.lead')).toBe('Lead');
  });

  it('formats dates from the ISO text without time-zone shifts', () => {
    expect(formatDate('de', '2026-12-31T23:59:59-10:00')).toBe('31. Dezember 2026');
    expect(formatDate('en', '2026-01-01T00:30:00+14:00')).toBe('1 January 2026');
    expect(formatDate('de', 'kein Datum')).toBe('kein Datum');
  });

  it('formats euro cents exactly', () => {
    expect(formatEuro('de', 1_840_000)).toBe('18.400,00 €');
    expect(formatEuro('de', 5)).toBe('0,05 €');
    expect(formatEuro('en', -123_456_789)).toBe('-€1,234,567.89');
  });

  it('drives English feeds', () => {
    expect(label('en', 'state.superseded')).toBe('Superseded');
    expect(toAtom(exampleCatalogue, { language: 'en' })).toContain('Maintenance 2022 (no. 160): Maintenance, inspection and related minor repairs of technical installations in public buildings – Superseded, superseded by Maintenance 2026 (no. 175)');
    expect(toJsonFeed(exampleCatalogue, { language: 'en' }).language).toBe('en');
  });
});
