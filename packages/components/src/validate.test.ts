import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { contributionSubmissionSchema } from '@foederal/publication';
import { consultationOpen, nameMaxLength, textLimits, toSubmission, validateContribution, type ContributionInput } from './validate.js';

const valid: ContributionInput = {
  anchor: '3.2',
  text: 'Bitte Nutzungsgruppe 7 aufnehmen.',
  authorKind: 'person',
  name: 'Erika Beispiel',
  consent: true,
};

describe('validateContribution', () => {
  it('accepts a complete contribution', () => {
    expect(validateContribution(valid, true)).toEqual([]);
  });
  it('lists every problem in field order', () => {
    expect(validateContribution({ anchor: '', text: ' ', authorKind: 'organisation', name: '  ', consent: false }, true)).toEqual([
      { field: 'anchor', key: 'form.error.anchorRequired' },
      { field: 'text', key: 'form.error.textRequired' },
      { field: 'name', key: 'form.error.organisationRequired' },
      { field: 'consent', key: 'form.error.consentRequired' },
    ]);
  });
  it('needs no section when the draft has none, and no name when anonymous', () => {
    expect(validateContribution({ ...valid, anchor: '', authorKind: 'anonymous', name: '' }, false)).toEqual([]);
  });
  it('counts characters, not UTF-16 units, for the text limits', () => {
    expect(validateContribution({ ...valid, text: '🏛️'.repeat(3) }, true)).toEqual([
      { field: 'text', key: 'form.error.textShort', params: { min: textLimits.min } },
    ]);
    expect(validateContribution({ ...valid, text: 'x'.repeat(textLimits.max + 1) }, true)).toEqual([
      { field: 'text', key: 'form.error.textLong', params: { max: textLimits.max } },
    ]);
    expect(validateContribution({ ...valid, text: 'x'.repeat(textLimits.max) }, true)).toEqual([]);
  });
  it('refuses a name longer than the registry stores', () => {
    expect(validateContribution({ ...valid, name: 'n'.repeat(nameMaxLength + 1) }, true)).toEqual([
      { field: 'name', key: 'form.error.nameLong', params: { max: nameMaxLength } },
    ]);
  });
});

describe('toSubmission', () => {
  it('trims, drops the name of anonymous authors and anchors general contributions', () => {
    expect(toSubmission({ anchor: '', text: '  Gut so.  ', authorKind: 'anonymous', name: 'Erika', consent: true })).toEqual({
      anchor: { section: 'general' },
      text: { de: 'Gut so.' },
      author: { kind: 'anonymous' },
    });
  });
  it('whatever passes the form also passes the registry contract (fuzzed)', () => {
    const input = fc.record({
      anchor: fc.constantFrom('', '1', '3.2', 'anhang-a'),
      text: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 6000 }), fc.string({ unit: 'binary', maxLength: 200 })),
      authorKind: fc.constantFrom('person' as const, 'organisation' as const, 'anonymous' as const),
      name: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.string({ unit: 'grapheme', minLength: 150, maxLength: 320 }),
        fc.string({ unit: fc.constantFrom('😀', '𝔄', '🏛', 'ß'), minLength: 140, maxLength: 310 }),
      ),
      consent: fc.boolean(),
    });
    fc.assert(
      fc.property(input, fc.boolean(), (value, sections) => {
        const errors = validateContribution(value, sections);
        if (errors.length > 0) return;
        const result = z.safeParse(contributionSubmissionSchema, toSubmission(value));
        expect(result.success ? [] : result.error.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('consultationOpen', () => {
  const period = { opens: '2027-03-01', closes: '2027-04-30' };
  it('counts plain dates as whole days in German time', () => {
    expect(consultationOpen(period, new Date('2027-02-28T22:59:59Z'))).toBe(false);
    expect(consultationOpen(period, new Date('2027-02-28T23:00:00Z'))).toBe(true);
    expect(consultationOpen(period, new Date('2027-04-30T21:59:59Z'))).toBe(true);
    expect(consultationOpen(period, new Date('2027-04-30T22:00:00Z'))).toBe(false);
  });
  it('compares timestamps exactly', () => {
    const exact = { opens: '2027-03-01T09:00:00+01:00', closes: '2027-03-02T12:00:00Z' };
    expect(consultationOpen(exact, new Date('2027-03-01T07:59:59Z'))).toBe(false);
    expect(consultationOpen(exact, new Date('2027-03-01T08:00:00Z'))).toBe(true);
    expect(consultationOpen(exact, new Date('2027-03-02T12:00:01Z'))).toBe(false);
  });
});

describe('organisation, jurisdiction, contact and consent', () => {
  it('sends organisation, jurisdiction, contact and the consent with its privacy notice, valid for the registry', () => {
    const submission = toSubmission({
      ...valid, organisation: ' Stadt Musterhausen ', jurisdictionLevel: 'municipality', jurisdictionName: 'Musterhausen',
      email: ' erika@musterhausen.example ', publishName: true, privacyNotice: 'https://example.org/datenschutz',
    });
    expect(submission).toEqual({
      anchor: { section: '3.2' }, text: { de: 'Bitte Nutzungsgruppe 7 aufnehmen.' },
      author: { kind: 'person', name: 'Erika Beispiel', organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', name: 'Musterhausen' } },
      contact: { email: 'erika@musterhausen.example' },
      consent: { publication: true, privacyNotice: 'https://example.org/datenschutz' },
    });
    expect(z.safeParse(contributionSubmissionSchema, submission).success).toBe(true);
  });
  it('never publishes the name of an anonymous contribution, names the Bund without input, and leaves out empty fields', () => {
    expect(toSubmission({ ...valid, authorKind: 'anonymous', jurisdictionLevel: 'federal', email: ' ', publishName: true, privacyNotice: 'Hinweis' })).toEqual({
      anchor: { section: '3.2' }, text: { de: 'Bitte Nutzungsgruppe 7 aufnehmen.' },
      author: { kind: 'anonymous', jurisdiction: { level: 'federal', name: 'Bund' } },
      consent: { publication: false, privacyNotice: 'Hinweis' },
    });
  });
  it('refuses a malformed e-mail and a level without its jurisdiction', () => {
    expect(validateContribution({ ...valid, email: 'erika@', jurisdictionLevel: 'state', jurisdictionName: ' ' }, true)).toEqual([
      { field: 'jurisdictionName', key: 'form.error.jurisdictionNameRequired' },
      { field: 'email', key: 'form.error.emailInvalid' },
    ]);
    expect(validateContribution({ ...valid, email: 'erika@musterhausen.example', jurisdictionLevel: 'federal' }, true)).toEqual([]);
  });
});
