import { describe, expect, it } from 'vitest';
import { contributionSchema, erasePersonalData, publicContribution, synopsisCsv, synopsisTable, validate, type Consultation, type Contribution } from './index.js';

const base: Contribution = {
  id: 'beitrag-a',
  anchor: { section: '2' },
  text: { de: 'Bitte Abschnitt 2 kürzen.' },
  author: { kind: 'person', name: 'Erika Mustermann', organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } },
  submittedAt: '2027-02-03T10:00:00Z',
  contact: { email: 'erika@musterhausen.example' },
  consent: { publication: false, privacyNotice: 'https://example.org/datenschutz#2026-12' },
  state: 'accepted',
  disposition: { reason: { de: 'Gekürzt.' }, answeredAt: '2027-03-01T09:00:00Z', publishedAt: '2027-03-02T09:00:00Z' },
};

const consultation: Consultation = {
  id: 'k-1', recommendation: 'r-1', draftVersion: '0.1.0', title: { de: 'Konsultation' },
  opens: '2027-02-01T00:00:00Z', closes: '2027-03-15T00:00:00Z',
  sections: [{ anchor: '2', title: { de: 'Zwei' } }],
  contributions: [base, { ...base, id: 'beitrag-b', author: { kind: 'organisation', name: 'Land Beispiel', jurisdiction: { level: 'state', key: '02', name: 'Hamburg' } }, consent: { publication: true, privacyNotice: 'v1' }, contact: { email: 'poststelle@hamburg.example' } }],
};

describe('contribution contact, consent and erasure', () => {
  it('accepts contact and consent, and refuses a malformed e-mail with its path', () => {
    expect(contributionSchema.safeParse(base).success).toBe(true);
    const bad = validate('Contribution', { ...base, contact: { email: 'nicht-erreichbar' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.jsonPath).toBe('$.contact.email');
  });

  it('never shows the contact publicly, and hides the name without consent', () => {
    const shown = publicContribution(base);
    expect(shown.contact).toBeUndefined();
    expect(shown.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } });
    expect(shown.disposition).toEqual(base.disposition);
    const consented = publicContribution({ ...base, consent: { publication: true, privacyNotice: 'v1' } });
    expect(consented.author).toEqual(base.author);
    expect(consented.contact).toBeUndefined();
  });

  it('erases personal data but keeps text, disposition and jurisdiction', () => {
    const erased = erasePersonalData(base, '2027-04-01T10:00:00Z');
    expect(erased).toEqual({
      id: 'beitrag-a', anchor: { section: '2' }, text: { de: 'Bitte Abschnitt 2 kürzen.' },
      author: { kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } },
      submittedAt: '2027-02-03T10:00:00Z', consent: base.consent, state: 'accepted', disposition: base.disposition, erasedAt: '2027-04-01T10:00:00Z',
    });
    expect(contributionSchema.safeParse(erased).success).toBe(true);
  });

  it('refuses an erased contribution that still names its author or contact', () => {
    const result = validate('Contribution', { ...base, erasedAt: '2027-04-01T10:00:00Z' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.jsonPath).sort()).toEqual(['$.author', '$.contact']);
  });

  it('publishes the synopsis without e-mail and without names lacking consent; the level column on request', () => {
    const table = synopsisTable(consultation, { withLevel: true });
    expect(table.columns.map((c) => c.key)).toEqual(['number', 'contribution', 'anchor', 'author', 'level', 'submittedAt', 'text', 'state', 'reason', 'publishedAt']);
    expect(table.rows.map((r) => [r.contribution, r.author, r.level])).toEqual([
      ['beitrag-a', 'anonym (Musterhausen)', 'municipality'],
      ['beitrag-b', 'Land Beispiel (Hamburg)', 'state'],
    ]);
    const csv = synopsisCsv(consultation, { withLevel: true, audience: 'internal' });
    expect(csv).not.toContain('@');
    expect(csv.split('\r\n')[1]).toContain(',Kommune,');
    expect(synopsisCsv(consultation)).not.toContain('Mustermann');
    expect(synopsisCsv(consultation, { audience: 'internal' })).toContain('Erika Mustermann');
  });
});
