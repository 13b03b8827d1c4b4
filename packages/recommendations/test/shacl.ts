// SHACL validation against the DCAT-AP.de 3.0 shapes in ../shared/corpus/dcat-ap-de, read in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const semic300 = 'https://semiceu.github.io/DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl#';
const semic301 = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1#';

/** The shape files that make up the DCAT-AP.de 3.0 profile, relative to the corpus folder. */
export const shapeFiles = {
  /** SEMIC DCAT-AP 3.0.1 (the base profile DCAT-AP.de 3.0 builds on). */
  base: ['semiceu-dcat-ap-3.0.1/shacl/dcat-ap-SHACL.ttl', 'semiceu-dcat-ap-3.0.1/shacl/ranges.ttl'],
  /** DCAT-AP.de overrides of the base shapes (German messages, severities, deactivations). */
  overrides: ['dcat-ap-de-3.0/shacl/dcat-ap-SHACL-DE.ttl'],
  /** DCAT-AP.de own shapes. */
  german: [
    'dcat-ap-de-3.0/shacl/dcat-ap-spec-german-additions.ttl',
    'dcat-ap-de-3.0/shacl/dcat-ap-de-controlledvocabularies.ttl',
    'dcat-ap-de-3.0/shacl/dcat-ap-de-deprecated.ttl',
  ],
} as const;

export function parseTurtle(text: string, baseIRI?: string): Quad[] {
  return new Parser(baseIRI ? { baseIRI } : {}).parse(text);
}

/**
 * Load all shapes. The DE override file names the base shapes by their SEMIC 3.0.0 IRIs; the
 * corpus holds SEMIC 3.0.1, whose shape IRIs carry the same hash suffixes, so the overrides are
 * mapped onto the 3.0.1 IRIs (297 of 300 match; the 3 others only change messages of shapes that
 * 3.0.1 no longer has).
 */
export function loadShapes(corpusPath: string): { quads: Quad[]; mappedOverrides: number } {
  const quads: Quad[] = [];
  for (const file of shapeFiles.base) quads.push(...parseTurtle(readFileSync(join(corpusPath, file), 'utf8')));
  let mappedOverrides = 0;
  const mapped = new Set<string>();
  for (const file of shapeFiles.overrides) {
    for (const q of parseTurtle(readFileSync(join(corpusPath, file), 'utf8'))) {
      if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(semic300)) {
        const subject = DataFactory.namedNode(semic301 + q.subject.value.slice(semic300.length));
        if (!mapped.has(subject.value)) {
          mapped.add(subject.value);
          mappedOverrides += 1;
        }
        quads.push(DataFactory.quad(subject, q.predicate, q.object, q.graph));
      } else {
        quads.push(q);
      }
    }
  }
  for (const file of shapeFiles.german) quads.push(...parseTurtle(readFileSync(join(corpusPath, file), 'utf8')));
  return { quads, mappedOverrides };
}

export interface ShaclResult {
  readonly severity: string;
  readonly focusNode: string;
  readonly path: string;
  readonly message: string;
  readonly sourceShape: string;
  readonly constraint: string;
}

export async function validate(shapes: readonly Quad[], data: readonly Quad[]): Promise<ShaclResult[]> {
  const validator = new SHACLValidator(new Store([...shapes]));
  const report = await validator.validate(new Store([...data]));
  return report.results.map((r) => ({
    severity: r.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '',
    focusNode: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' | '),
    sourceShape: r.sourceShape?.value ?? '',
    constraint: r.sourceConstraintComponent?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '',
  }));
}
