import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { DataFactory, type Quad } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShapes, parseTurtle, validate, type ShaclResult } from '../test/shacl.js';
import {
  dcatTriples,
  RecommendationsError,
  politicalGeocodingIri,
  toDcatJsonLd,
  toDcatTurtle,
  type Catalogue,
} from './index.js';
import { exampleCatalogue } from './examples.js';

const { namedNode, quad } = DataFactory;
const skosInScheme = namedNode('http://www.w3.org/2004/02/skos/core#inScheme');
const rdfType = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

/**
 * The parts of the remote vocabularies (imported by dcat-ap-de-imports.ttl, unreachable offline)
 * that our output uses, written out by hand from the published code lists: each concept IRI and
 * the concept scheme it belongs to. Only membership is asserted, so an IRI the exporter gets wrong
 * (a typo, an unknown code) is still reported; what stays unchecked offline is whether a listed
 * code still exists upstream.
 */
const vocabularies: Record<string, readonly string[]> = {
  'http://dcat-ap.de/def/licenses': [
    'http://dcat-ap.de/def/licenses/cc-by/4.0',
    'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    'http://dcat-ap.de/def/licenses/cc-zero',
  ],
  'http://dcat-ap.de/def/politicalGeocoding/Level': ['federal', 'state', 'administrativeDistrict', 'municipality']
    .map((l) => `http://dcat-ap.de/def/politicalGeocoding/Level/${l}`),
  'http://publications.europa.eu/resource/authority/data-theme': ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'OP_DATPRO', 'REGI', 'SOCI', 'TECH', 'TRAN']
    .map((c) => `http://publications.europa.eu/resource/authority/data-theme/${c}`),
  'http://publications.europa.eu/resource/authority/language': ['DEU', 'ENG']
    .map((c) => `http://publications.europa.eu/resource/authority/language/${c}`),
  'http://publications.europa.eu/resource/authority/distribution-status': ['COMPLETED', 'DEPRECATED', 'DEVELOP', 'WITHDRAWN']
    .map((c) => `http://publications.europa.eu/resource/authority/distribution-status/${c}`),
  'http://publications.europa.eu/resource/authority/file-type': ['CSV', 'PDF', 'XML', 'JSON', 'HTML', 'TXT', 'ZIP']
    .map((c) => `http://publications.europa.eu/resource/authority/file-type/${c}`),
  'http://purl.org/adms/publishertype/1.0': ['NationalAuthority', 'RegionalAuthority', 'LocalAuthority']
    .map((c) => `http://purl.org/adms/publishertype/${c}`),
};
const checksumAlgorithms = ['sha1', 'sha256', 'sha512'].map((a) => `http://spdx.org/rdf/terms#checksumAlgorithm_${a}`);

function vocabularyQuads(): Quad[] {
  const out: Quad[] = [];
  for (const [scheme, concepts] of Object.entries(vocabularies)) {
    for (const c of concepts) out.push(quad(namedNode(c), skosInScheme, namedNode(scheme)));
  }
  for (const a of checksumAlgorithms) out.push(quad(namedNode(a), rdfType, namedNode('http://spdx.org/rdf/terms#ChecksumAlgorithm')));
  return out;
}

async function parseJsonLd(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new JsonLdParser();
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

/** Triples without blank nodes, as sortable strings (blank node labels differ between parsers). */
function groundTriples(quads: readonly Quad[]): string[] {
  return quads
    .filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode')
    .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.language}:${q.object.datatype.value}` : ''}`)
    .sort();
}

const violations = (results: readonly ShaclResult[]): ShaclResult[] => results.filter((r) => r.severity === 'Violation');
const isVocabularyCheck = (r: ShaclResult): boolean =>
  r.path === skosInScheme.value || (r.path === 'http://spdx.org/rdf/terms#algorithm' && r.constraint === 'ClassConstraintComponent');

describe('DCAT-AP.de export (structure, no corpus needed)', () => {
  it('writes Turtle that n3 parses into exactly the exported triples', () => {
    const triples = dcatTriples(exampleCatalogue);
    const quads = parseTurtle(toDcatTurtle(exampleCatalogue));
    expect(quads).toHaveLength(triples.length);
  });

  it('writes JSON-LD that a JSON-LD parser reads into the same graph as the Turtle', async () => {
    const fromTurtle = parseTurtle(toDcatTurtle(exampleCatalogue));
    const fromJsonLd = await parseJsonLd(JSON.stringify(toDcatJsonLd(exampleCatalogue)));
    expect(fromJsonLd).toHaveLength(fromTurtle.length);
    expect(groundTriples(fromJsonLd)).toEqual(groundTriples(fromTurtle));
  });

  it('has one dataset per released edition and published report, one distribution per document', () => {
    const quads = parseTurtle(toDcatTurtle(exampleCatalogue));
    const ofType = (t: string) => quads.filter((q) => q.predicate.equals(rdfType) && q.object.value === `http://www.w3.org/ns/dcat#${t}`).map((q) => q.subject.value);
    const released = exampleCatalogue.recommendations.filter((r) => r.status.state === 'published' || r.status.state === 'superseded');
    const reports = exampleCatalogue.experienceReports.filter((r) => r.status.state === 'published');
    expect(ofType('Catalog')).toEqual([exampleCatalogue.id]);
    expect(ofType('Dataset')).toHaveLength(released.length + reports.length);
    const documents = released.reduce((n, r) => n + r.attachments.length, 0) + reports.reduce((n, r) => n + r.attachments.length, 0);
    expect(ofType('Distribution')).toHaveLength(documents);
  });

  it('marks the superseded edition: isReplacedBy on the dataset, DEPRECATED distributions', () => {
    const ttl = toDcatTurtle(exampleCatalogue);
    const quads = parseTurtle(ttl);
    const old = `${exampleCatalogue.id}/empfehlungen/wartung-2022`;
    expect(quads.some((q) => q.subject.value === old && q.predicate.value === 'http://purl.org/dc/terms/isReplacedBy'
      && q.object.value === `${exampleCatalogue.id}/empfehlungen/wartung-2026`)).toBe(true);
    expect(quads.some((q) => q.subject.value.startsWith(`${old}/dokumente/`)
      && q.object.value === 'http://publications.europa.eu/resource/authority/distribution-status/DEPRECATED')).toBe(true);
  });

  it('carries licence IRI, attribution, checksum and the geocoding level of the publisher', () => {
    const quads = parseTurtle(toDcatTurtle(exampleCatalogue));
    const dataset = `${exampleCatalogue.id}/empfehlungen/wartung-2026`;
    const distribution = `${dataset}/dokumente/empfehlung`;
    const values = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    expect(values(dataset, 'http://dcat-ap.de/def/dcatde/politicalGeocodingLevelURI')).toEqual(['http://dcat-ap.de/def/politicalGeocoding/Level/federal']);
    expect(values(distribution, 'http://purl.org/dc/terms/license')).toEqual(['http://dcat-ap.de/def/licenses/cc-by/4.0']);
    expect(values(distribution, 'http://dcat-ap.de/def/dcatde/licenseAttributionByText')).toEqual(['Föderaler Arbeitskreis Gebäudedaten und Gebäudetechnik']);
    const checksum = quads.find((q) => q.subject.value === distribution && q.predicate.value === 'http://spdx.org/rdf/terms#checksum')?.object;
    expect(quads.find((q) => checksum !== undefined && q.subject.equals(checksum) && q.predicate.value === 'http://spdx.org/rdf/terms#checksumValue')?.object.value)
      .toBe('5b77dbd67de267bbb33c51e83c74333ee561f5f400cae5d1b862e44833283133');
  });

  it('geocodes reports by their author jurisdiction', () => {
    expect(politicalGeocodingIri({ level: 'municipality', key: '14713000', name: 'Leipzig' })).toBe('http://dcat-ap.de/def/politicalGeocoding/municipalityKey/14713000');
    expect(politicalGeocodingIri({ level: 'federal', name: 'Bund' })).toBeUndefined();
    const quads = parseTurtle(toDcatTurtle(exampleCatalogue));
    const report = `${exampleCatalogue.id}/erfahrungsberichte/bericht-leipzig-wartung-2026`;
    expect(quads.filter((q) => q.subject.value === report && q.predicate.value === 'http://purl.org/dc/terms/spatial').map((q) => q.object.value))
      .toEqual(['http://dcat-ap.de/def/politicalGeocoding/municipalityKey/14713000']);
  });

  it('refuses with a typed error to export documents without a licence', () => {
    let caught: unknown;
    try {
      toDcatTurtle(exampleCatalogue, { states: ['draft'] });
    } catch (error) {
      caught = error;
    }
    expect(RecommendationsError.isInstance(caught)).toBe(true);
    expect((caught as RecommendationsError).code).toBe('export-failed');
    expect((caught as RecommendationsError).messages.en).toContain('$.recommendations[5].license');
  });

  it('reports the JSON path when the input is not a valid catalogue', () => {
    const broken = structuredClone(exampleCatalogue) as unknown as { recommendations: Record<string, unknown>[] };
    (broken.recommendations[1] as Record<string, unknown>)['attachments'] = 'none';
    expect(() => toDcatTurtle(broken as unknown as Catalogue)).toThrow(/\$\.recommendations\[1\]\.attachments/);
  });

  it('keeps any text intact through Turtle and JSON-LD (fuzzed)', async () => {
    const texts: string[] = fc.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), 60);
    for (const text of texts) {
      const catalogue: Catalogue = { ...exampleCatalogue, title: { de: text }, recommendations: [], experienceReports: [] };
      const literal = (quads: Quad[]) => quads.find((q) => q.subject.value === catalogue.id && q.predicate.value === 'http://purl.org/dc/terms/title')?.object.value;
      expect(literal(parseTurtle(toDcatTurtle(catalogue)))).toBe(text);
      expect(literal(await parseJsonLd(JSON.stringify(toDcatJsonLd(catalogue))))).toBe(text);
    }
  });

  it('escapes hostile text so the Turtle still parses to the same literal', () => {
    const nasty = 'Zeile 1\n"Zitat" \\ Backslash \u0007 > <script> """ ; . @de';
    const catalogue: Catalogue = { ...exampleCatalogue, title: { de: nasty } };
    const quads = parseTurtle(toDcatTurtle(catalogue));
    expect(quads.some((q) => q.subject.value === catalogue.id && q.object.value === nasty)).toBe(true);
  });
});

const dcatCorpus = corpus('dcat-ap-de');

describe.skipIf(!dcatCorpus.available)('DCAT-AP.de 3.0 SHACL conformance (rdf-validate-shacl + n3)', () => {
  let shapes: Quad[] = [];
  beforeAll(() => {
    const loaded = loadShapes(dcatCorpus.path);
    shapes = loaded.quads;
    expect(loaded.mappedOverrides).toBe(300);
  });

  it('the Turtle export has zero violations and zero warnings', async () => {
    const data = [...parseTurtle(toDcatTurtle(exampleCatalogue)), ...vocabularyQuads()];
    const results = await validate(shapes, data);
    expect(results).toEqual([]);
  });

  it('the JSON-LD export has zero violations and zero warnings', async () => {
    const data = [...(await parseJsonLd(JSON.stringify(toDcatJsonLd(exampleCatalogue)))), ...vocabularyQuads()];
    expect(await validate(shapes, data)).toEqual([]);
  });

  it('calibration: on the official DCAT-AP.de example the harness reports only vocabulary checks and one known SEMIC 3.0.1 finding', async () => {
    const example = parseTurtle(readFileSync(join(dcatCorpus.path, 'dcat-ap-de-3.0/examples/Dataset-und-Distribution.ttl'), 'utf8'));
    const results = await validate(shapes, example);
    const other = results.filter((r) => !isVocabularyCheck(r) && r.severity === 'Violation');
    // SEMIC 3.0.1 wants locn:geometry as a node; the example (written for 3.0.0) gives a WKT literal.
    expect(other.map((r) => `${r.path} ${r.constraint}`)).toEqual(['http://www.w3.org/ns/locn#geometry NodeKindConstraintComponent']);
  });

  it('without the offline vocabulary facts, only vocabulary-membership checks fail', async () => {
    const results = await validate(shapes, parseTurtle(toDcatTurtle(exampleCatalogue)));
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !isVocabularyCheck(r))).toEqual([]);
  });

  it('the shapes are live: dropping mandatory data or using a wrong code is reported', async () => {
    const base = [...parseTurtle(toDcatTurtle(exampleCatalogue)), ...vocabularyQuads()];
    const dataset = `${exampleCatalogue.id}/empfehlungen/wartung-2026`;
    const otherDataset = `${exampleCatalogue.id}/empfehlungen/wartung-2022`;
    const distribution = `${dataset}/dokumente/empfehlung`;
    const otherDistribution = `${dataset}/dokumente/leistungsverzeichnis`;
    // Several independent defects on different focus nodes, validated in one run.
    const broken = base
      .filter((q) => !(q.subject.value === dataset && q.predicate.value === 'http://purl.org/dc/terms/title'))
      .filter((q) => !(q.subject.value === otherDataset && q.predicate.value === 'http://purl.org/dc/terms/publisher'))
      .filter((q) => !(q.subject.value === distribution && q.predicate.value === 'http://purl.org/dc/terms/license'))
      .filter((q) => !(q.subject.value === otherDistribution && q.predicate.value === 'http://www.w3.org/ns/dcat#accessURL'))
      .map((q) => (q.subject.value === dataset && q.object.value === 'http://publications.europa.eu/resource/authority/data-theme/TECH'
        ? quad(q.subject, q.predicate, namedNode('http://publications.europa.eu/resource/authority/data-theme/TECHNIK')) : q));
    const found = violations(await validate(shapes, broken)).map((r) => `${r.focusNode} ${r.path}`);
    expect(found).toEqual(expect.arrayContaining([
      `${dataset} http://purl.org/dc/terms/title`,
      `${otherDataset} http://purl.org/dc/terms/publisher`,
      `${distribution} http://purl.org/dc/terms/license`,
      `${otherDistribution} http://www.w3.org/ns/dcat#accessURL`,
      `http://publications.europa.eu/resource/authority/data-theme/TECHNIK ${skosInScheme.value}`,
    ]));
  });

  it('records in every other lifecycle state conform too when included', async () => {
    const data = [...parseTurtle(toDcatTurtle(exampleCatalogue, {
      states: ['consultation', 'adopted', 'published', 'superseded', 'withdrawn'],
    })), ...vocabularyQuads()];
    expect(await validate(shapes, data)).toEqual([]);
  });
});
