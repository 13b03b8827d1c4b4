import { describe, expect, it } from 'vitest';
import { validate } from './index.js';
import { exampleCatalogue } from './examples.js';
import type { Catalogue, Contribution, Recommendation, RecordKind } from './index.js';

/** The issues of a refused record: JSON path with German and English message. */
function refusal(kind: RecordKind, input: unknown): { jsonPath: string; de: string; en: string }[] {
  const result = validate(kind, input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map(({ jsonPath, de, en }) => ({ jsonPath, de, en }));
}

const record = (id: string): Recommendation => structuredClone(exampleCatalogue.recommendations.find((r) => r.id === id)!);
const contribution = (id: string): Contribution =>
  structuredClone(exampleCatalogue.consultations[0]!.contributions.find((c) => c.id === id)!);

describe('recommendation invariants refuse', () => {
  it('accepts the records used below as they are', () => {
    for (const id of ['wartung-2022', 'wartung-2026', 'technisches-monitoring-2026', 'gebaeudebetrieb-2027']) {
      expect(validate('Recommendation', record(id)).success).toBe(true);
    }
  });

  it('a decided record whose decision did not pass', () => {
    const r = record('wartung-2026');
    r.decision = { ...r.decision!, result: { ...r.decision!.result, result: 'fail' } };
    expect(refusal('Recommendation', r)).toEqual([{
      jsonPath: '$.decision.result.result', de: 'Beschluss ist nicht angenommen', en: 'decision did not pass',
    }]);
  });

  it('an adopted status that names another decision than the record', () => {
    const r = record('technisches-monitoring-2026');
    expect(r.status.state).toBe('adopted');
    expect(refusal('Recommendation', { ...r, status: { ...r.status, decision: '2026/99' } })).toEqual([{
      jsonPath: '$.status.decision', de: 'Status verweist auf einen anderen Beschluss', en: 'status names a different decision',
    }]);
  });

  it('a superseded record whose supersededBy differs from the successor in its status', () => {
    const r = record('wartung-2022');
    expect(refusal('Recommendation', { ...r, supersededBy: 'wartung-2030' })).toEqual([{
      jsonPath: '$.supersededBy',
      de: 'supersededBy muss dem Nachfolger im Status entsprechen',
      en: 'supersededBy must equal the successor named in the status',
    }]);
  });

  it('a record that supersedes itself', () => {
    const issues = refusal('Recommendation', { ...record('gebaeudebetrieb-2027'), supersedes: 'gebaeudebetrieb-2027' });
    expect(issues).toEqual([{
      jsonPath: '$.supersedes', de: 'Eine Empfehlung kann sich nicht selbst ersetzen', en: 'a recommendation cannot supersede itself',
    }]);
  });

  it('adoptions before publication', () => {
    const adoptions = record('wartung-2026').adoptions;
    expect(adoptions.length).toBeGreaterThan(0);
    expect(refusal('Recommendation', { ...record('technisches-monitoring-2026'), adoptions })).toEqual([{
      jsonPath: '$.adoptions', de: 'Einführungen erst nach der Veröffentlichung', en: 'adoptions only after publication',
    }]);
  });

  it('two attachments with the same id', () => {
    const r = record('wartung-2026');
    const attachments = [...r.attachments, { ...r.attachments[1]!, id: r.attachments[0]!.id }];
    expect(refusal('Recommendation', { ...r, attachments })).toEqual([{
      jsonPath: `$.attachments[${attachments.length - 1}].id`,
      de: `Anlagen-Kennung ${r.attachments[0]!.id} doppelt`,
      en: `attachment id ${r.attachments[0]!.id} is duplicated`,
    }]);
  });

  it('a modification date before the issue date', () => {
    const r = record('wartung-2026');
    expect(refusal('Recommendation', { ...r, modified: '2026-05-03T23:00:00+02:00' })).toEqual([{
      jsonPath: '$.modified', de: 'Änderungsdatum liegt vor dem Ausgabedatum', en: 'modified lies before issued',
    }]);
  });
});

describe('contribution invariants refuse', () => {
  it('a disposition on a contribution that is not answered yet', () => {
    const c = contribution('beitrag-3');
    expect(c.state).toBe('in-review');
    const disposition = contribution('beitrag-2').disposition!;
    expect(refusal('Contribution', { ...c, disposition })).toEqual([{
      jsonPath: '$.disposition', de: 'Status in-review hat noch keine Abwägung', en: 'state in-review has no disposition yet',
    }]);
  });

  it('a duplicate that does not name its original, and duplicateOf on anything else', () => {
    const duplicate = contribution('beitrag-5');
    const { duplicateOf: _original, ...withoutOriginal } = duplicate.disposition!;
    expect(refusal('Contribution', { ...duplicate, disposition: withoutOriginal })).toEqual([{
      jsonPath: '$.disposition.duplicateOf', de: 'Dublette: Original angeben', en: 'duplicate: name the original',
    }]);
    const accepted = contribution('beitrag-2');
    expect(refusal('Contribution', { ...accepted, disposition: { ...accepted.disposition!, duplicateOf: 'beitrag-1' } })).toEqual([{
      jsonPath: '$.disposition.duplicateOf', de: 'duplicateOf nur bei Dubletten', en: 'duplicateOf only for duplicates',
    }]);
  });

  it('an answer given before the contribution was submitted', () => {
    const c = contribution('beitrag-2');
    expect(refusal('Contribution', { ...c, disposition: { ...c.disposition!, answeredAt: '2026-11-01T00:00:00+01:00' } })).toEqual([{
      jsonPath: '$.disposition.answeredAt', de: 'Antwort liegt vor der Einreichung', en: 'answer lies before submission',
    }]);
  });

  it('a duplicated contribution id within a consultation', () => {
    const consultation = structuredClone(exampleCatalogue.consultations[0]!);
    consultation.contributions.push({ ...contribution('beitrag-7') });
    const issues = refusal('Consultation', consultation);
    expect(issues.map((i) => i.jsonPath)).toEqual([`$.contributions[${consultation.contributions.length - 1}].id`]);
    expect(issues[0]?.en).toContain('contribution id beitrag-7 is duplicated');
  });
});

describe('jurisdiction references refuse', () => {
  const withAuthor = (jurisdiction: unknown): unknown => {
    const c = contribution('beitrag-7');
    return { ...c, author: { kind: 'anonymous', jurisdiction } };
  };

  it('a regional key for the Bund', () => {
    expect(refusal('Contribution', withAuthor({ level: 'federal', key: '00', name: 'Bund' }))).toEqual([{
      jsonPath: '$.author.jurisdiction.key', de: 'Der Bund hat keinen Gebietsschlüssel', en: 'the Bund has no regional key',
    }]);
  });

  it('a key that does not fit the level', () => {
    const issues = refusal('Contribution', withAuthor({ level: 'state', key: '06411000', name: 'Darmstadt' }));
    expect(issues.map((i) => i.jsonPath)).toEqual(['$.author.jurisdiction.key']);
    expect(issues[0]?.de).toContain('Gebietsschlüssel passt nicht zur Ebene state');
    expect(issues[0]?.en).toContain('regional key does not fit level state');
    expect(validate('Contribution', withAuthor({ level: 'municipality', key: '06411000', name: 'Darmstadt' })).success).toBe(true);
  });
});

describe('catalogue cross-checks refuse', () => {
  it('a successor whose predecessor does not point back', () => {
    const c: Catalogue = structuredClone(exampleCatalogue);
    const index = c.recommendations.findIndex((r) => r.id === 'wartung-2026-en');
    c.recommendations[index] = { ...c.recommendations[index]!, supersedes: 'fernwirken-2025' };
    const issues = refusal('Catalogue', c);
    expect(issues.map((i) => i.jsonPath)).toEqual([`$.recommendations[${index}].supersedes`]);
    expect(issues[0]?.en).toBe('fernwirken-2025 is not recorded as superseded by wartung-2026-en');
  });
});
