// A minimal RDF model with Turtle and JSON-LD writers. The package stays free of runtime RDF
// dependencies (and of Node stream polyfills in browsers); the tests parse every output with n3 and
// a JSON-LD parser and compare the graphs.

/** An RDF term. @example const t: Term = { kind: 'iri', value: 'http://www.w3.org/ns/dcat#Dataset' }; */
export type Term =
  | { readonly kind: 'iri'; readonly value: string }
  | { readonly kind: 'blank'; readonly value: string }
  | { readonly kind: 'literal'; readonly value: string; readonly language?: string; readonly datatype?: string };

/** An RDF triple. @example const t: Triple = dcatTriples(exampleCatalogue)[0]!; */
export interface Triple {
  readonly subject: Term;
  readonly predicate: string;
  readonly object: Term;
}

/** Namespaces used by the exports. */
export const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
  prov: 'http://www.w3.org/ns/prov#',
} as const;

const rdfType = `${ns.rdf}type`;

export const iri = (value: string): Term => ({ kind: 'iri', value });
export const lit = (value: string, language?: string): Term =>
  (language === undefined ? { kind: 'literal', value } : { kind: 'literal', value, language });
export const typed = (value: string, datatype: string): Term => ({ kind: 'literal', value, datatype });

/** Collects triples and hands out blank node labels. */
export class Graph {
  readonly triples: Triple[] = [];
  private blanks = 0;

  private readonly described = new Set<string>();

  /** True the first time it is asked about `iri`: lets shared resources be described once. */
  firstTime(iri: string): boolean {
    if (this.described.has(iri)) return false;
    this.described.add(iri);
    return true;
  }

  blank(): Term {
    this.blanks += 1;
    return { kind: 'blank', value: `b${this.blanks}` };
  }

  add(subject: Term, predicate: string, object: Term | undefined): void {
    if (object !== undefined) this.triples.push({ subject, predicate, object });
  }

  type(subject: Term, type: string): void {
    this.add(subject, rdfType, iri(type));
  }
}

// Control characters are matched on purpose: Turtle requires them escaped.
// eslint-disable-next-line no-control-regex -- see above
const iriUnsafe = new RegExp('[\\u0000-\\u0020<>"{}|^`\\\\]', 'g');
// eslint-disable-next-line no-control-regex -- see above
const stringUnsafe = new RegExp('[\\\\"\\n\\r\\t\\u0000-\\u001f\\u007f]', 'g');

function escapeIri(value: string): string {
  return value.replace(iriUnsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
}

function escapeString(value: string): string {
  return value.replace(stringUnsafe, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
    }
  });
}

type Prefixes = Readonly<Record<string, string>>;

/** Compacts IRIs against a prefix table, remembering every answer (IRIs repeat a lot). */
function compactor(prefixes: Prefixes): (value: string) => string | undefined {
  const entries = Object.entries(prefixes);
  const cache = new Map<string, string | undefined>();
  return (value) => {
    if (cache.has(value)) return cache.get(value);
    let result: string | undefined;
    for (const [prefix, base] of entries) {
      if (value.startsWith(base)) {
        const local = value.slice(base.length);
        if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) {
          result = `${prefix}:${local}`;
          break;
        }
      }
    }
    cache.set(value, result);
    return result;
  };
}

function turtleTerm(term: Term, compact: (value: string) => string | undefined): string {
  switch (term.kind) {
    case 'iri':
      return compact(term.value) ?? `<${escapeIri(term.value)}>`;
    case 'blank':
      return `_:${term.value}`;
    case 'literal': {
      const quoted = `"${escapeString(term.value)}"`;
      if (term.language !== undefined) return `${quoted}@${term.language}`;
      if (term.datatype !== undefined) return `${quoted}^^${compact(term.datatype) ?? `<${escapeIri(term.datatype)}>`}`;
      return quoted;
    }
  }
}

function key(term: Term): string {
  return `${term.kind}|${term.value}`;
}

function groupBySubject(triples: readonly Triple[]): Map<string, { subject: Term; predicates: Map<string, Term[]> }> {
  const subjects = new Map<string, { subject: Term; predicates: Map<string, Term[]> }>();
  for (const t of triples) {
    const k = key(t.subject);
    let entry = subjects.get(k);
    if (!entry) {
      entry = { subject: t.subject, predicates: new Map() };
      subjects.set(k, entry);
    }
    const objects = entry.predicates.get(t.predicate) ?? [];
    objects.push(t.object);
    entry.predicates.set(t.predicate, objects);
  }
  return subjects;
}

/** Serialise triples as Turtle, grouped by subject, with the given prefixes. */
export function writeTurtle(triples: readonly Triple[], prefixes: Prefixes = ns): string {
  const compact = compactor(prefixes);
  const lines: string[] = [];
  for (const [prefix, base] of Object.entries(prefixes)) lines.push(`@prefix ${prefix}: <${escapeIri(base)}> .`);
  lines.push('');
  for (const { subject, predicates } of groupBySubject(triples).values()) {
    const parts: string[] = [];
    for (const [predicate, objects] of predicates) {
      const p = predicate === rdfType ? 'a' : compact(predicate) ?? `<${escapeIri(predicate)}>`;
      parts.push(`    ${p} ${objects.map((o) => turtleTerm(o, compact)).join(', ')}`);
    }
    lines.push(`${turtleTerm(subject, compact)}\n${parts.join(' ;\n')} .`, '');
  }
  return lines.join('\n');
}

function jsonLdValue(term: Term): Record<string, string> {
  switch (term.kind) {
    case 'iri':
      return { '@id': term.value };
    case 'blank':
      return { '@id': `_:${term.value}` };
    case 'literal':
      if (term.language !== undefined) return { '@value': term.value, '@language': term.language };
      if (term.datatype !== undefined) return { '@value': term.value, '@type': term.datatype };
      return { '@value': term.value };
  }
}

/** A JSON-LD document as produced by the DCAT export. @example const doc: JsonLdDocument = toDcatJsonLd(exampleCatalogue); */
export interface JsonLdDocument {
  readonly '@context': Record<string, string>;
  readonly '@graph': readonly Record<string, unknown>[];
}

/**
 * Serialise triples as flattened JSON-LD 1.1 with an inline context (no remote context, so it
 * reads offline): one node object per subject, properties as compact IRIs.
 */
export function writeJsonLd(triples: readonly Triple[], prefixes: Prefixes = ns): JsonLdDocument {
  const compact = compactor(prefixes);
  const graph: Record<string, unknown>[] = [];
  for (const { subject, predicates } of groupBySubject(triples).values()) {
    const node: Record<string, unknown> = { '@id': subject.kind === 'blank' ? `_:${subject.value}` : subject.value };
    for (const [predicate, objects] of predicates) {
      if (predicate === rdfType) {
        node['@type'] = objects.map((o) => compact(o.value) ?? o.value);
      } else {
        node[compact(predicate) ?? predicate] = objects.map(jsonLdValue);
      }
    }
    graph.push(node);
  }
  return { '@context': { ...prefixes }, '@graph': graph };
}
