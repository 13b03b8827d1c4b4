// Benchmarks of @foederal/recommendations, each against a peer in the same run.
// Run: pnpm --filter @foederal/recommendations bench
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DataFactory, Writer } from 'n3';
import {
  dcatTriples,
  toAtom,
  toDcatTurtle,
  transition,
  validateCatalogue,
  type Catalogue,
  type Recommendation,
  type Term,
} from '../src/index.js';
import { buildExampleCatalogue } from '../src/examples.js';
import { writeTurtle } from '../src/rdf.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The example catalogue with its recommendations copied `copies` times (ids, numbers and links kept consistent). */
function largeCatalogue(copies: number): Catalogue {
  const base = buildExampleCatalogue();
  const recommendations: Recommendation[] = [];
  for (let i = 0; i < copies; i += 1) {
    const suffix = (id: string | undefined) => (id === undefined ? undefined : `${id}-k${i}`);
    for (const r of base.recommendations) {
      const copy: Recommendation = { ...r, id: `${r.id}-k${i}`, number: `${String(200 + i * 10 + base.recommendations.indexOf(r)).padStart(4, '0')}${r.number.endsWith(' en') ? ' en' : ''}` };
      const sup = suffix(r.supersedes);
      const supBy = suffix(r.supersededBy);
      if (sup) copy.supersedes = sup;
      if (supBy) copy.supersededBy = supBy;
      if (copy.status.state === 'superseded' && supBy) copy.status = { ...copy.status, by: supBy };
      copy.references = r.references.map((ref) => (ref.kind === 'recommendation' ? { ...ref, id: `${ref.id}-k${i}` } : ref));
      recommendations.push(copy);
    }
  }
  return {
    ...base,
    recommendations,
    consultations: base.consultations.map((c) => ({ ...c, recommendation: `${c.recommendation}-k0` })),
    pilots: base.pilots.map((p) => (p.subject.kind === 'recommendation' ? { ...p, subject: { ...p.subject, recommendation: `${p.subject.recommendation}-k0` } } : p)),
  };
}

function measure(name: string, fn: () => unknown, minMs = 400): number {
  for (let i = 0; i < 3; i += 1) fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    runs += 1;
    elapsed = performance.now() - start;
  }
  const perSecond = (runs * 1000) / elapsed;
  console.log(`  ${name.padEnd(46)} ${perSecond.toFixed(1).padStart(10)} /s`);
  return perSecond;
}

const catalogue = largeCatalogue(30);
const json = JSON.parse(JSON.stringify(catalogue)) as unknown;
const checked = validateCatalogue(json);
if (!checked.success) throw checked.error;
console.log(`catalogue: ${catalogue.recommendations.length} recommendations, ${JSON.stringify(catalogue).length} bytes of JSON\n`);

console.log('1. validate a catalogue (zod/mini with cross-field rules) vs Ajv on the shipped JSON Schema (structure only)');
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const ajvCheck = ajv.compile(JSON.parse(readFileSync(join(here, '..', 'schemas', 'catalogue.schema.json'), 'utf8')) as object);
const ours = measure('validateCatalogue', () => validateCatalogue(json));
const peer = measure('ajv (compiled JSON Schema)', () => ajvCheck(json));
console.log(`  ratio ours/ajv: ${(ours / peer).toFixed(2)}\n`);

console.log('2. DCAT-AP.de Turtle: our writer vs n3.Writer over the same triples');
const triples = dcatTriples(catalogue);
const toN3 = (t: Term) => (t.kind === 'iri' ? DataFactory.namedNode(t.value) : t.kind === 'blank' ? DataFactory.blankNode(t.value)
  : DataFactory.literal(t.value, t.language ?? (t.datatype ? DataFactory.namedNode(t.datatype) : undefined)));
const n3Quads = triples.map((t) => DataFactory.quad(DataFactory.namedNode(t.subject.value), DataFactory.namedNode(t.predicate), toN3(t.object)));
console.log(`  ${triples.length} triples`);
measure('dcatTriples (mapping only)', () => dcatTriples(catalogue));
const oursTtl = measure('toDcatTurtle (mapping + writing)', () => toDcatTurtle(catalogue));
const oursWrite = measure('writeTurtle (writing only)', () => writeTurtle(triples));
const peerTtl = measure('n3.Writer (writing only)', () => {
  const writer = new Writer({ prefixes: { dcat: 'http://www.w3.org/ns/dcat#', dcterms: 'http://purl.org/dc/terms/' } });
  writer.addQuads(n3Quads);
  let out = '';
  writer.end((_e: unknown, result: string) => { out = result; });
  return out;
});
console.log(`  ratio writing ours/n3: ${(oursWrite / peerTtl).toFixed(2)}; mapping + writing ours vs n3 writing only: ${(oursTtl / peerTtl).toFixed(2)}\n`);

console.log('3. lifecycle and feeds');
const draft = catalogue.recommendations.find((r) => r.status.state === 'draft');
if (!draft) throw new Error('no draft');
measure('transition (validates record, event and result)', () => transition(draft, { type: 'withdraw', reason: { de: 'x' } }, { now: '2027-01-01T00:00:00Z' }));
measure(`toAtom (${catalogue.recommendations.length} recommendations)`, () => toAtom(catalogue));

console.log('\n4. bundle size (esbuild, minified, gzip) of what a web page imports');
const require = createRequire(createRequire(import.meta.url).resolve('tsup'));
// esbuild comes with tsup; it is not a dependency of this package.
const esbuild = require('esbuild') as {
  build: (options: Record<string, unknown>) => Promise<{ outputFiles: { contents: Uint8Array }[] }>;
};
const entries: [string, string][] = [
  ['recommendationSchema + validate', "export { recommendationSchema, validate } from './src/index.ts';"],
  ['transition', "export { transition } from './src/index.ts';"],
  ['toAtom + toJsonFeed', "export { toAtom, toJsonFeed } from './src/index.ts';"],
  ['everything', "export * from './src/index.ts';"],
];
for (const [label, contents] of entries) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: join(here, '..'), loader: 'ts' },
    bundle: true, minify: true, format: 'esm', write: false, platform: 'browser',
    conditions: ['@foederal/source'], treeShaking: true, logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  console.log(`  ${label.padEnd(34)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB min, ${(gzipSync(bytes).length / 1024).toFixed(1).padStart(6)} kB gzip`);
}
