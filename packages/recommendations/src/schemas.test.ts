import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consultationSchema,
  contributionSchema,
  licenseFor,
  parseRecommendation,
  RecommendationsError,
  recommendationSchema,
  toJsonPath,
  validate,
  validateJson,
  ValidationError,
  type Recommendation,
} from './index.js';
import { exampleCatalogue } from './examples.js';

const bund = { level: 'federal', name: 'Bund' } as const;

function draft(): Recommendation {
  return {
    id: 'wartung-2027',
    number: '150',
    shortTitle: { de: 'Wartung', en: 'Maintenance' },
    edition: 2027,
    title: { de: 'Wartung, Inspektion und damit verbundene kleine Instandsetzungsarbeiten' },
    description: { de: 'Vertragsmuster für Wartungsleistungen.' },
    version: '0.1.0',
    status: { state: 'draft' },
    modified: '2027-01-10T09:00:00Z',
    publisher: { id: 'https://example.org/ak', name: { de: 'Arbeitskreis' }, jurisdiction: bund, email: 'ak@example.org' },
    workingGroup: { name: { de: 'AG Wartung' }, lead: { name: 'Anna Beispiel', jurisdiction: bund }, contributors: [] },
    keywords: [{ de: 'Wartung' }],
    themes: ['GOVE'],
    references: [{ kind: 'norm', id: 'DIN 31051:2019-06' }],
    attachments: [],
    adoptions: [],
  };
}

describe('recommendationSchema', () => {
  it('accepts a minimal draft', () => {
    expect(recommendationSchema.safeParse(draft()).success).toBe(true);
  });

  it('rejects an id that is not URL-safe, with JSON path in German and English', () => {
    const result = validate('Recommendation', { ...draft(), id: 'Wartung 2027' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues[0]).toMatchObject({ jsonPath: '$.id', path: ['id'] });
    expect(result.error.issues[0]?.de).toMatch(/Kleinbuchstaben/);
    expect(result.error.issues[0]?.en).toMatch(/lower-case/);
  });

  it('accepts running numbers with a language suffix and rejects unpadded ones', () => {
    expect(recommendationSchema.safeParse({ ...draft(), number: '136 en' }).success).toBe(true);
    expect(recommendationSchema.safeParse({ ...draft(), number: '36' }).success).toBe(false);
  });

  it('reports a missing German text at its path', () => {
    const result = validate('Recommendation', { ...draft(), title: { en: 'Maintenance' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.jsonPath)).toContain('$.title.de');
    expect(result.error.issues[0]?.de).toMatch(/Ungültige Eingabe/);
  });

  it('rejects a licence IRI that does not match its SPDX id', () => {
    const result = validate('Recommendation', {
      ...draft(),
      license: { id: 'DL-DE-BY-2.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: 'AK' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({ jsonPath: '$.license.iri' });
    expect(result.error.issues[0]?.de).toContain('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
  });

  it('builds CC-BY-4.0 by default and the DCAT-AP.de IRI of each supported licence', () => {
    expect(licenseFor('AK')).toEqual({ id: 'CC-BY-4.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: 'AK' });
    expect(licenseFor('AK', 'DL-DE-ZERO-2.0').iri).toBe('http://dcat-ap.de/def/licenses/dl-zero-de/2.0');
  });

  it('rejects a published record without decision, licence, main document and issue date', () => {
    const result = validate('Recommendation', { ...draft(), status: { state: 'published', date: '2027-05-01' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.jsonPath).sort()).toEqual(['$.attachments', '$.decision', '$.issued', '$.license']);
  });

  it('rejects an unknown status with the discriminator path', () => {
    const result = validate('Recommendation', { ...draft(), status: { state: 'rescinded' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.jsonPath).toBe('$.status.state');
  });

  it('rejects a consultation status that closes before it opens', () => {
    const result = validate('Recommendation', {
      ...draft(),
      status: { state: 'consultation', opens: '2027-03-01T00:00:00Z', closes: '2027-02-01T00:00:00Z' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({ jsonPath: '$.status.closes', en: 'closing must come after opening' });
  });

  it('rejects unknown properties (typos do not slip through)', () => {
    const result = validate('Recommendation', { ...draft(), titel: { de: 'x' } });
    expect(result.success).toBe(false);
  });

  it('throws a branded error from parseRecommendation', () => {
    let caught: unknown;
    try {
      parseRecommendation({});
    } catch (error) {
      caught = error;
    }
    expect(RecommendationsError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).message).toMatch(/^Ungültige Eingabe \(Recommendation\): \$\.id: .* \/ invalid input/);
  });

  it('turns hostile objects whose getters throw into a validation error', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
    const result = validate('Recommendation', hostile);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.jsonPath).toBe('$');
  });

  it('reports a JSON syntax error with its offset and line', () => {
    const result = validateJson('Recommendation', '{\n  "id": "x",\n  oops\n}');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.code).toBe('invalid_json');
    expect(result.error.issues[0]?.en).toMatch(/line 3/);
  });
});

describe('contributionSchema', () => {
  const base = {
    id: 'c-1',
    anchor: { section: '3.2' },
    text: { de: 'Bitte die Prüffrist auf zwei Jahre verlängern.' },
    author: { kind: 'anonymous' },
    submittedAt: '2027-02-03T10:00:00Z',
    state: 'submitted',
  } as const;

  it('accepts an unanswered contribution', () => {
    expect(contributionSchema.safeParse(base).success).toBe(true);
  });

  it('requires a disposition once answered', () => {
    const result = validate('Contribution', { ...base, state: 'rejected' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({ jsonPath: '$.disposition' });
  });

  it('keeps answered-at and published-at apart and in order', () => {
    const result = validate('Contribution', {
      ...base,
      state: 'accepted',
      disposition: { reason: { de: 'Übernommen' }, answeredAt: '2027-03-02T00:00:00Z', publishedAt: '2027-03-01T00:00:00Z' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.jsonPath).toBe('$.disposition.publishedAt');
  });

  it('names the original of a duplicate', () => {
    const result = validate('Contribution', {
      ...base, state: 'duplicate', disposition: { reason: { de: 'Siehe c-0' }, answeredAt: '2027-03-02T00:00:00Z' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.jsonPath).toBe('$.disposition.duplicateOf');
  });
});

describe('consultationSchema', () => {
  it('rejects contributions anchored to sections the draft does not have', () => {
    const result = consultationSchema.safeParse({
      id: 'k-1', recommendation: 'wartung-2027', draftVersion: '0.1.0', title: { de: 'Konsultation' },
      opens: '2027-02-01T00:00:00Z', closes: '2027-03-01T00:00:00Z',
      sections: [{ anchor: '1', title: { de: 'Einleitung' } }],
      contributions: [{
        id: 'c-1', anchor: { section: '9' }, text: { de: 'x' }, author: { kind: 'anonymous' },
        submittedAt: '2027-02-03T10:00:00Z', state: 'submitted',
      }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['contributions', 0, 'anchor', 'section']);
  });
});

describe('validate: hostile and fuzzed input', () => {
  const kinds = ['Recommendation', 'Consultation', 'Contribution', 'Catalogue', 'Pilot', 'ExperienceReport'] as const;

  it('never throws and always answers with JSON paths in German and English', () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (kind, input) => {
      const result = validate(kind, input);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const issue of result.error.issues) {
        expect(issue.jsonPath.startsWith('$')).toBe(true);
        expect(issue.de.length).toBeGreaterThan(0);
        expect(issue.en.length).toBeGreaterThan(0);
      }
    }), { numRuns: 300 });
  });

  it('points at the exact place of a single corrupted field', () => {
    fc.assert(fc.property(fc.constantFrom('sha256', 'byteSize', 'mediaType', 'downloadUrl', 'role'), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), (field, value) => {
      const record = structuredClone(exampleCatalogue.recommendations[1]) as unknown as Record<string, unknown>;
      const attachments = record['attachments'] as Record<string, unknown>[];
      fc.pre(attachments[1] !== undefined);
      (attachments[1] as Record<string, unknown>)[field] = value;
      const result = validate('Recommendation', record);
      if (!result.success) expect(result.error.issues.map((i) => i.jsonPath)).toContain(`$.attachments[1].${field}`);
    }), { numRuns: 200 });
  });

  it('uses bracket notation for keys that are not identifiers', () => {
    expect(toJsonPath(['a', 0, 'media type', "it's"])).toBe('$.a[0]["media type"]["it\'s"]');
  });
});
