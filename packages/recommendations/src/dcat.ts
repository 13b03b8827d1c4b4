import type { Catalogue } from './catalogue-schema.js';
import { RecommendationsError } from './errors.js';
import { guardExport } from './export-guard.js';
import { formatEuro } from './labels.js';
import type { AdministrativeLevel, Attachment, JurisdictionRef, License, LocalizedText, Publisher } from './common-schemas.js';
import type { ExperienceReport, Pilot } from './pilot-schema.js';
import type { Recommendation, RecommendationState } from './recommendation-schema.js';
import { Graph, iri, lit, ns, typed, writeJsonLd, writeTurtle, type JsonLdDocument, type Term, type Triple } from './rdf.js';

/** Options of the DCAT-AP.de export. @example const o: DcatOptions = { states: ['published'] }; */
export interface DcatOptions {
  /** Lifecycle states whose recommendations become datasets (default: `published`, `superseded`). */
  readonly states?: readonly RecommendationState[];
  /** Include published experience reports as datasets (default true). */
  readonly experienceReports?: boolean;
  /** Landing page of a recommendation (default `<homepage>empfehlungen/<id>`). */
  readonly landingPage?: (recommendation: Recommendation) => string;
}

const xsd = (t: string): string => `${ns.xsd}${t}`;
const levelIri = (level: AdministrativeLevel): string => `http://dcat-ap.de/def/politicalGeocoding/Level/${level}`;
const publisherTypes: Record<AdministrativeLevel, string> = {
  federal: 'http://purl.org/adms/publishertype/NationalAuthority',
  state: 'http://purl.org/adms/publishertype/RegionalAuthority',
  administrativeDistrict: 'http://purl.org/adms/publishertype/LocalAuthority',
  municipality: 'http://purl.org/adms/publishertype/LocalAuthority',
};
const keyKinds: Record<AdministrativeLevel, string | undefined> = {
  federal: undefined,
  state: 'stateKey',
  administrativeDistrict: 'districtKey',
  municipality: 'municipalityKey',
};
/** EU file-type codes for the media types whose code we are sure of; others get no `dct:format`. */
const fileTypes: Readonly<Record<string, string>> = {
  'text/csv': 'CSV',
  'application/pdf': 'PDF',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/json': 'JSON',
  'text/html': 'HTML',
  'text/plain': 'TXT',
  'application/zip': 'ZIP',
};
const languages = { de: 'DEU', en: 'ENG' } as const;

/**
 * The political geocoding IRI of a jurisdiction (`…/politicalGeocoding/stateKey/02`), or undefined
 * for the Bund and for jurisdictions without key.
 *
 * @example
 * politicalGeocodingIri({ level: 'state', key: '02', name: 'Hamburg' }); // 'http://dcat-ap.de/def/politicalGeocoding/stateKey/02'
 */
export function politicalGeocodingIri(jurisdiction: JurisdictionRef): string | undefined {
  const kind = keyKinds[jurisdiction.level];
  return kind !== undefined && jurisdiction.key !== undefined ? `http://dcat-ap.de/def/politicalGeocoding/${kind}/${jurisdiction.key}` : undefined;
}

function texts(graph: Graph, subject: Term, predicate: string, text: LocalizedText): void {
  graph.add(subject, predicate, lit(text.de, 'de'));
  if (text.en !== undefined) graph.add(subject, predicate, lit(text.en, 'en'));
}

function dateTime(value: string): Term {
  return typed(value, xsd('dateTime'));
}

function agent(graph: Graph, publisher: Publisher): Term {
  const node = iri(publisher.id);
  if (!graph.firstTime(publisher.id)) return node;
  graph.type(node, `${ns.foaf}Agent`);
  texts(graph, node, `${ns.foaf}name`, publisher.name);
  graph.add(node, `${ns.dcterms}type`, iri(publisherTypes[publisher.jurisdiction.level]));
  if (publisher.homepage !== undefined) graph.add(node, `${ns.foaf}homepage`, iri(publisher.homepage));
  return node;
}

function contactPoint(graph: Graph, subject: Term, publisher: Publisher): void {
  const node = graph.blank();
  graph.add(subject, `${ns.dcat}contactPoint`, node);
  graph.type(node, `${ns.vcard}Kind`);
  graph.add(node, `${ns.vcard}fn`, lit(publisher.name.de));
  if (publisher.email !== undefined) graph.add(node, `${ns.vcard}hasEmail`, iri(`mailto:${publisher.email}`));
  if (publisher.homepage !== undefined) graph.add(node, `${ns.vcard}hasURL`, iri(publisher.homepage));
}

function geocoding(graph: Graph, subject: Term, jurisdiction: JurisdictionRef): void {
  graph.add(subject, `${ns.dcatde}politicalGeocodingLevelURI`, iri(levelIri(jurisdiction.level)));
  const spatial = politicalGeocodingIri(jurisdiction);
  if (spatial !== undefined) {
    graph.add(subject, `${ns.dcterms}spatial`, iri(spatial));
    if (graph.firstTime(spatial)) graph.type(iri(spatial), `${ns.dcterms}Location`);
  }
}

function distribution(
  graph: Graph,
  dataset: Term,
  datasetIri: string,
  attachment: Attachment,
  license: License | undefined,
  status: 'COMPLETED' | 'DEPRECATED' | 'WITHDRAWN',
  modified: string,
): void {
  const node = iri(`${datasetIri}/dokumente/${attachment.id}`);
  graph.add(dataset, `${ns.dcat}distribution`, node);
  graph.type(node, `${ns.dcat}Distribution`);
  texts(graph, node, `${ns.dcterms}title`, attachment.title);
  graph.add(node, `${ns.dcat}accessURL`, iri(attachment.downloadUrl));
  graph.add(node, `${ns.dcat}downloadURL`, iri(attachment.downloadUrl));
  graph.add(node, `${ns.dcat}mediaType`, iri(`https://www.iana.org/assignments/media-types/${attachment.mediaType.toLowerCase()}`));
  const fileType = fileTypes[attachment.mediaType.toLowerCase()];
  if (fileType !== undefined) graph.add(node, `${ns.dcterms}format`, iri(`http://publications.europa.eu/resource/authority/file-type/${fileType}`));
  graph.add(node, `${ns.dcat}byteSize`, typed(String(attachment.byteSize), xsd('nonNegativeInteger')));
  const checksum = graph.blank();
  graph.add(node, `${ns.spdx}checksum`, checksum);
  graph.type(checksum, `${ns.spdx}Checksum`);
  graph.add(checksum, `${ns.spdx}checksumValue`, typed(attachment.sha256, xsd('hexBinary')));
  graph.add(checksum, `${ns.spdx}algorithm`, iri(`${ns.spdx}checksumAlgorithm_sha256`));
  if (license !== undefined) {
    graph.add(node, `${ns.dcterms}license`, iri(license.iri));
    graph.add(node, `${ns.dcatde}licenseAttributionByText`, lit(license.attribution));
  }
  if (attachment.language !== undefined) {
    graph.add(node, `${ns.dcterms}language`, iri(`http://publications.europa.eu/resource/authority/language/${languages[attachment.language]}`));
  }
  graph.add(node, `${ns.adms}status`, iri(`http://publications.europa.eu/resource/authority/distribution-status/${status}`));
  graph.add(node, `${ns.dcterms}modified`, dateTime(modified));
}

function recommendationDatasetIri(catalogue: Catalogue, id: string): string {
  return `${catalogue.id}/empfehlungen/${id}`;
}

function reportDatasetIri(catalogue: Catalogue, id: string): string {
  return `${catalogue.id}/erfahrungsberichte/${id}`;
}

function addRecommendation(graph: Graph, catalogue: Catalogue, r: Recommendation, options: DcatOptions, included: ReadonlySet<string>): Term {
  const datasetIri = recommendationDatasetIri(catalogue, r.id);
  const node = iri(datasetIri);
  graph.type(node, `${ns.dcat}Dataset`);
  graph.add(node, `${ns.dcterms}identifier`, lit(r.id));
  graph.add(node, `${ns.dcterms}title`, lit(`${r.shortTitle.de} ${r.edition} (Nr. ${r.number}): ${r.title.de}`, 'de'));
  if (r.title.en !== undefined) {
    graph.add(node, `${ns.dcterms}title`, lit(`${r.shortTitle.en ?? r.shortTitle.de} ${r.edition} (no. ${r.number}): ${r.title.en}`, 'en'));
  }
  texts(graph, node, `${ns.dcterms}description`, r.description);
  graph.add(node, `${ns.dcterms}publisher`, agent(graph, r.publisher));
  contactPoint(graph, node, r.publisher);
  geocoding(graph, node, r.publisher.jurisdiction);
  for (const keyword of r.keywords) texts(graph, node, `${ns.dcat}keyword`, keyword);
  for (const theme of r.themes) graph.add(node, `${ns.dcat}theme`, iri(`http://publications.europa.eu/resource/authority/data-theme/${theme}`));
  if (r.issued !== undefined) graph.add(node, `${ns.dcterms}issued`, typed(r.issued, xsd('date')));
  graph.add(node, `${ns.dcterms}modified`, dateTime(r.modified));
  graph.add(node, `${ns.dcat}version`, lit(r.version));
  const landing = options.landingPage?.(r) ?? `${catalogue.homepage.replace(/\/?$/, '/')}empfehlungen/${r.id}`;
  graph.add(node, `${ns.dcat}landingPage`, iri(landing));
  if (graph.firstTime(landing)) graph.type(iri(landing), `${ns.foaf}Document`);
  for (const ref of r.references) {
    if (ref.kind === 'recommendation') graph.add(node, `${ns.dcterms}references`, iri(recommendationDatasetIri(catalogue, ref.id)));
    else if (ref.kind === 'web' || ref.url !== undefined) graph.add(node, `${ns.dcterms}references`, iri(ref.url ?? ''));
  }
  if (r.supersedes !== undefined && included.has(r.supersedes)) {
    graph.add(node, `${ns.dcterms}replaces`, iri(recommendationDatasetIri(catalogue, r.supersedes)));
  }
  if (r.supersededBy !== undefined && included.has(r.supersededBy)) {
    graph.add(node, `${ns.dcterms}isReplacedBy`, iri(recommendationDatasetIri(catalogue, r.supersededBy)));
  }
  const status = r.status.state === 'superseded' ? 'DEPRECATED' : r.status.state === 'withdrawn' ? 'WITHDRAWN' : 'COMPLETED';
  for (const attachment of r.attachments) distribution(graph, node, datasetIri, attachment, r.license, status, r.modified);
  return node;
}

function summary(report: ExperienceReport): LocalizedText {
  const de = [
    ...report.worked.map((w) => `+ ${w.de}`),
    ...report.didNotWork.map((w) => `− ${w.de}`),
    `Aufwand: ${report.effortPersonDays} Personentage; Kosten: ${formatEuro('de', report.costs.amountCents)}; Empfehlung zur Nachnutzung: ${report.wouldRecommend ? 'ja' : 'nein'}.`,
  ].join('\n');
  const en = [
    ...report.worked.map((w) => `+ ${w.en ?? w.de}`),
    ...report.didNotWork.map((w) => `− ${w.en ?? w.de}`),
    `Effort: ${report.effortPersonDays} person-days; costs: ${formatEuro('en', report.costs.amountCents)}; would recommend: ${report.wouldRecommend ? 'yes' : 'no'}.`,
  ].join('\n');
  return { de, en };
}

function addReport(graph: Graph, catalogue: Catalogue, report: ExperienceReport, pilot: Pilot | undefined, included: ReadonlySet<string>): Term {
  const datasetIri = reportDatasetIri(catalogue, report.id);
  const node = iri(datasetIri);
  graph.type(node, `${ns.dcat}Dataset`);
  graph.add(node, `${ns.dcterms}identifier`, lit(report.id));
  texts(graph, node, `${ns.dcterms}title`, report.title);
  texts(graph, node, `${ns.dcterms}description`, summary(report));
  graph.add(node, `${ns.dcterms}publisher`, agent(graph, catalogue.publisher));
  contactPoint(graph, node, catalogue.publisher);
  const creator = graph.blank();
  graph.add(node, `${ns.dcterms}creator`, creator);
  graph.type(creator, `${ns.foaf}Agent`);
  graph.add(creator, `${ns.foaf}name`, lit(report.author.organisation));
  graph.add(creator, `${ns.dcterms}type`, iri(publisherTypes[report.author.jurisdiction.level]));
  geocoding(graph, node, report.author.jurisdiction);
  texts(graph, node, `${ns.dcat}keyword`, { de: 'Erfahrungsbericht', en: 'experience report' });
  texts(graph, node, `${ns.dcat}keyword`, { de: 'Pilotierung', en: 'pilot' });
  graph.add(node, `${ns.dcat}theme`, iri('http://publications.europa.eu/resource/authority/data-theme/GOVE'));
  if (report.status.state === 'published') graph.add(node, `${ns.dcterms}issued`, typed(report.status.date, xsd('date')));
  graph.add(node, `${ns.dcterms}modified`, typed(report.status.state === 'published' ? report.status.date : report.date, xsd('date')));
  if (pilot?.subject.kind === 'recommendation' && included.has(pilot.subject.recommendation)) {
    graph.add(node, `${ns.dcterms}references`, iri(recommendationDatasetIri(catalogue, pilot.subject.recommendation)));
  } else if (pilot?.subject.kind === 'open-source') {
    graph.add(node, `${ns.dcterms}references`, iri(pilot.subject.repository));
  }
  const modified = `${report.status.state === 'published' ? report.status.date : report.date}T00:00:00Z`;
  for (const attachment of report.attachments) distribution(graph, node, datasetIri, attachment, report.license, 'COMPLETED', modified);
  return node;
}

/**
 * The DCAT-AP.de 3.0 graph of a catalogue as triples: the catalogue, one dataset per released
 * recommendation edition and per published experience report, one distribution per document,
 * with publisher, contact point, licence IRI, attribution text and political geocoding level.
 *
 * @example
 * const triples = dcatTriples(exampleCatalogue, { states: ['published'] });
 * triples.length;
 */
export function dcatTriples(catalogue: Catalogue, options: DcatOptions = {}): Triple[] {
  return guardExport('Catalogue', catalogue, () => buildTriples(catalogue, options));
}

function buildTriples(catalogue: Catalogue, options: DcatOptions): Triple[] {
  const states = new Set<string>(options.states ?? ['published', 'superseded']);
  const recommendations = catalogue.recommendations.filter((r) => states.has(r.status.state));
  const included = new Set(recommendations.map((r) => r.id));
  const graph = new Graph();
  const node = iri(catalogue.id);
  graph.type(node, `${ns.dcat}Catalog`);
  texts(graph, node, `${ns.dcterms}title`, catalogue.title);
  texts(graph, node, `${ns.dcterms}description`, catalogue.description);
  graph.add(node, `${ns.dcterms}publisher`, agent(graph, catalogue.publisher));
  graph.add(node, `${ns.foaf}homepage`, iri(catalogue.homepage));
  graph.type(iri(catalogue.homepage), `${ns.foaf}Document`);
  graph.add(node, `${ns.dcterms}modified`, dateTime(catalogue.modified));
  for (const r of recommendations) {
    if (r.license === undefined && r.attachments.length > 0) {
      const where = `$.recommendations[${catalogue.recommendations.indexOf(r)}].license`;
      throw new RecommendationsError('export-failed', {
        de: `${where}: DCAT-AP.de verlangt eine Lizenz für jede Distribution, ${r.id} hat keine`,
        en: `${where}: DCAT-AP.de requires a licence on every distribution, ${r.id} has none`,
      });
    }
    graph.add(node, `${ns.dcat}dataset`, addRecommendation(graph, catalogue, r, options, included));
  }
  if (options.experienceReports ?? true) {
    for (const report of catalogue.experienceReports) {
      if (report.status.state !== 'published') continue;
      if (report.license === undefined && report.attachments.length > 0) {
        const where = `$.experienceReports[${catalogue.experienceReports.indexOf(report)}].license`;
        throw new RecommendationsError('export-failed', {
          de: `${where}: DCAT-AP.de verlangt eine Lizenz für jede Distribution, ${report.id} hat keine`,
          en: `${where}: DCAT-AP.de requires a licence on every distribution, ${report.id} has none`,
        });
      }
      const pilot = catalogue.pilots.find((p) => p.id === report.pilot);
      graph.add(node, `${ns.dcat}dataset`, addReport(graph, catalogue, report, pilot, included));
    }
  }
  return dedupe(graph.triples);
}

function dedupe(triples: readonly Triple[]): Triple[] {
  const seen = new Set<string>();
  const out: Triple[] = [];
  for (const t of triples) {
    const o = t.object;
    const k = `${t.subject.kind}|${t.subject.value}|${t.predicate}|${o.kind}|${o.value}|${o.kind === 'literal' ? `${o.language ?? ''}|${o.datatype ?? ''}` : ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/**
 * The catalogue as DCAT-AP.de 3.0 Turtle, for GovData harvesting.
 *
 * @example
 * const turtle = toDcatTurtle(exampleCatalogue);
 */
export function toDcatTurtle(catalogue: Catalogue, options: DcatOptions = {}): string {
  return writeTurtle(dcatTriples(catalogue, options));
}

/**
 * The catalogue as DCAT-AP.de 3.0 JSON-LD (flattened, with an inline context that needs no
 * network).
 *
 * @example
 * const doc = toDcatJsonLd(exampleCatalogue);
 * JSON.stringify(doc);
 */
export function toDcatJsonLd(catalogue: Catalogue, options: DcatOptions = {}): JsonLdDocument {
  return writeJsonLd(dcatTriples(catalogue, options));
}
