// Demo and test data for the elements, written for this package and shaped exactly by the schemas
// of @foederal/recommendations and @foederal/membership (fixtures.test.ts validates them).
import { evaluateDecision } from '@foederal/membership';
import type { Jurisdiction, Membership, Person } from '@foederal/membership';
import type { Consultation, Decision, Recommendation } from '@foederal/recommendations';
import type { Roster } from '../src/types.js';

const hash = (seed: string): string => seed.repeat(64).slice(0, 64);

const publisher: Recommendation['publisher'] = {
  id: 'https://registry.example.org/publisher/arbeitskreis',
  name: { de: 'Arbeitskreis Gebäudedaten', en: 'Building Data Working Group' },
  jurisdiction: { level: 'federal', name: 'Bund' },
  homepage: 'https://registry.example.org/',
};

const workingGroup: Recommendation['workingGroup'] = {
  name: { de: 'AG Gebäudedaten', en: 'WG Building Data' },
  lead: { name: 'Dr. Erika Beispiel', jurisdiction: { level: 'state', key: '02', name: 'Hamburg' } },
  contributors: [{ name: 'Max Muster', jurisdiction: { level: 'municipality', key: '01054015', name: 'Stadt Beispiel' } }],
};

const license: NonNullable<Recommendation['license']> = {
  id: 'CC-BY-4.0',
  iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
  attribution: 'Arbeitskreis Gebäudedaten, CC BY 4.0',
};

/** A decision that adopted a recommendation, its result computed by @foederal/membership. */
export function adoptingDecision(): Decision {
  const result = evaluateDecision({
    rules: 'amev-style-working-group',
    motion: { kind: 'recommendation', title: 'Wartung 2026' },
    procedure: 'meeting',
    date: '2026-03-12',
    members: [
      { id: 'bund', level: 'federal', votingRight: true, present: true },
      { id: 'hh', level: 'state', state: 'DE-HH', votingRight: true, present: true },
      { id: 'by', level: 'state', state: 'DE-BY', votingRight: true, present: true },
      { id: 'nw', level: 'state', state: 'DE-NW', votingRight: true, present: true },
      { id: 'dst', level: 'municipality', votingRight: true, present: true },
      { id: 'dlt', level: 'municipality', votingRight: true, present: true },
    ],
    ballots: { bund: 'yes', hh: 'yes', by: 'yes', nw: 'abstain', dst: 'yes', dlt: 'no' },
  });
  return { id: '2026/7', date: '2026-03-12', body: 'Arbeitskreis Gebäudedaten', result };
}

/** The demo catalogue: a published edition, the edition it superseded, a draft in consultation. */
export function recommendations(): Recommendation[] {
  const origin = 'https://registry.example.org';
  const decision = adoptingDecision();
  const attachment = (id: string, title: string, titleEn: string, role: 'main' | 'annex' | 'data-requirements', size: number) => ({
    id,
    title: { de: title, en: titleEn },
    role,
    mediaType: role === 'data-requirements' ? 'application/xml' : 'application/pdf',
    byteSize: size,
    sha256: hash(id.slice(0, 1) === 'w' ? 'a1' : 'b2'),
    downloadUrl: `${origin}/api/v1/recommendations/wartung-2026/attachments/${id}`,
  });
  const base: Pick<Recommendation, 'publisher' | 'workingGroup' | 'themes' | 'references' | 'adoptions'> = {
    publisher,
    workingGroup,
    themes: ['TECH'],
    references: [{ kind: 'norm', id: 'DIN 276:2018-12' }],
    adoptions: [],
  };
  return [
    {
      ...base,
      id: 'wartung-2026',
      number: '142',
      shortTitle: { de: 'Wartung', en: 'Maintenance' },
      edition: 2026,
      title: { de: 'Wartung und Inspektion technischer Anlagen', en: 'Maintenance and inspection of technical systems' },
      description: { de: 'Leistungsbeschreibungen für die Wartung.', en: 'Service specifications for maintenance.' },
      version: '2.0.0',
      status: { state: 'published', date: '2026-04-01' },
      issued: '2026-04-01',
      modified: '2026-04-01T10:00:00Z',
      license,
      keywords: [{ de: 'Wartung', en: 'maintenance' }, { de: 'Betrieb', en: 'operation' }],
      attachments: [
        attachment('wartung-2026-pdf', 'Wartung 2026 (Hauptdokument)', 'Maintenance 2026 (main document)', 'main', 1_254_000),
        attachment('wartung-2026-ids', 'Datenanforderungen (IDS)', 'Data requirements (IDS)', 'data-requirements', 48_200),
      ],
      supersedes: 'wartung-2018',
      decision,
    },
    {
      ...base,
      id: 'wartung-2018',
      number: '121',
      shortTitle: { de: 'Wartung', en: 'Maintenance' },
      edition: 2018,
      title: { de: 'Wartung technischer Anlagen', en: 'Maintenance of technical systems' },
      description: { de: 'Frühere Ausgabe.', en: 'Earlier edition.' },
      version: '1.0.0',
      status: { state: 'superseded', by: 'wartung-2026', date: '2026-04-01' },
      issued: '2018-05-01',
      modified: '2026-04-01T10:00:00Z',
      license,
      keywords: [{ de: 'Wartung' }],
      attachments: [attachment('wartung-2018-pdf', 'Wartung 2018', 'Maintenance 2018', 'main', 980_000)],
      supersededBy: 'wartung-2026',
      decision: { ...decision, id: '2018/3', date: '2018-04-20' },
    },
    {
      ...base,
      id: 'gebaeudedaten-2027',
      number: '150',
      shortTitle: { de: 'Gebäudedaten', en: 'Building data' },
      edition: 2027,
      title: { de: 'BIM-Datenmodell für öffentliche Gebäude', en: 'BIM data model for public buildings' },
      description: { de: 'Entwurf zur öffentlichen Konsultation.' },
      version: '0.9.0',
      status: {
        state: 'consultation',
        opens: '2026-01-01T00:00:00+01:00',
        closes: '2099-12-31T23:59:59+01:00',
        consultation: 'gebaeudedaten-2027-k1',
      },
      modified: '2026-01-01T08:00:00Z',
      keywords: [{ de: 'BIM' }, { de: 'IFC' }],
      attachments: [],
    },
  ];
}

/** The running consultation on the draft, with three answered contributions. */
export function consultation(): Consultation {
  return {
    id: 'gebaeudedaten-2027-k1',
    recommendation: 'gebaeudedaten-2027',
    draftVersion: '0.9.0',
    title: { de: 'Konsultation Gebäudedaten 2027', en: 'Consultation Building data 2027' },
    opens: '2026-01-01T00:00:00+01:00',
    closes: '2099-12-31T23:59:59+01:00',
    sections: [
      { anchor: '1', title: { de: 'Geltungsbereich', en: 'Scope' } },
      { anchor: '3.2', title: { de: 'Raumdaten', en: 'Space data' } },
    ],
    contributions: [
      {
        id: 'b-1',
        anchor: { section: '3.2', quote: 'Flächen nach DIN 277' },
        text: { de: 'Bitte auch die Nutzungsgruppe 7 aufnehmen.<br>Danke!' },
        author: { kind: 'organisation', name: 'Stadt Beispiel', jurisdiction: { level: 'municipality', key: '01054015', name: 'Stadt Beispiel' } },
        submittedAt: '2026-02-01T09:30:00Z',
        state: 'accepted',
        disposition: { reason: { de: 'Aufgenommen in Abschnitt 3.2.', en: 'Added to section 3.2.' }, answeredAt: '2026-02-10T12:00:00Z' },
      },
      {
        id: 'b-2',
        anchor: { section: '1' },
        text: { de: 'Der Geltungsbereich sollte auch Mietobjekte umfassen.' },
        author: { kind: 'anonymous' },
        submittedAt: '2026-02-02T14:00:00Z',
        state: 'partially-accepted',
        disposition: { reason: { de: 'Für langfristig angemietete Gebäude ergänzt.' }, answeredAt: '2026-02-11T12:00:00Z' },
      },
      {
        id: 'b-3',
        anchor: { section: '1' },
        text: { de: 'Bitte ganz auf IFC verzichten.' },
        author: { kind: 'person', name: 'Erika Mustermann' },
        submittedAt: '2026-02-03T08:15:00Z',
        externalRef: 'https://gitlab.opencode.de/example/konsultation/-/issues/3',
        state: 'rejected',
        disposition: { reason: { de: 'IFC ist der offene Standard (ISO 16739).', en: 'IFC is the open standard (ISO 16739).' }, answeredAt: '2026-02-12T12:00:00Z' },
      },
    ],
  };
}

/** A small roster: the Bund, three Länder, two kommunale Spitzenverbände and one advisory guest. */
export function roster(): Roster {
  const jurisdictions: Jurisdiction[] = [
    { id: 'bund', kind: 'government', level: 'federal', name: { de: 'Bund', en: 'Federation' } },
    { id: 'hh', kind: 'government', level: 'state', state: 'DE-HH', name: { de: 'Hamburg' } },
    { id: 'by', kind: 'government', level: 'state', state: 'DE-BY', name: { de: 'Bayern', en: 'Bavaria' } },
    { id: 'nw', kind: 'government', level: 'state', state: 'DE-NW', name: { de: 'Nordrhein-Westfalen', en: 'North Rhine-Westphalia' } },
    { id: 'dst', kind: 'municipal-umbrella-association', name: { de: 'Deutscher Städtetag', en: 'Association of German Cities' } },
    { id: 'dlt', kind: 'municipal-umbrella-association', name: { de: 'Deutscher Landkreistag', en: 'German County Association' } },
    { id: 'uni', kind: 'science', name: { de: 'Technische Universität Beispiel' } },
  ];
  const people: Person[] = [
    { id: 'p1', name: 'Anna Bund' },
    { id: 'p2', name: 'Hans Hamburg' },
    { id: 'p3', name: 'Berta Bayern' },
    { id: 'p4', name: 'Nora Rhein' },
    { id: 'p5', name: 'Stefan Stadt' },
    { id: 'p6', name: 'Karla Kreis' },
    { id: 'p7', name: 'Prof. Wiebke Wissen' },
  ];
  const member = (id: string, personId: string, onBehalfOf: string, voting: boolean): Membership => ({
    id,
    personId,
    organizationId: 'plenum',
    onBehalfOf,
    kind: voting ? 'voting' : 'advisory',
    votingRight: voting,
    startDate: '2026-01-01',
  });
  return {
    name: { de: 'Arbeitskreis Gebäudedaten', en: 'Building Data Working Group' },
    rules: 'amev-style-working-group',
    jurisdictions,
    people,
    memberships: [
      member('m1', 'p1', 'bund', true),
      member('m2', 'p2', 'hh', true),
      member('m3', 'p3', 'by', true),
      member('m4', 'p4', 'nw', true),
      member('m5', 'p5', 'dst', true),
      member('m6', 'p6', 'dlt', true),
      member('m7', 'p7', 'uni', false),
    ],
  };
}

/** The stored versions of a recommendation, newest first (what `listRecommendationEditions` answers). */
export function editionsOf(record: Recommendation): Recommendation[] {
  if (record.id !== 'wartung-2026') return [record];
  const { issued: _issued, decision: _decision, license: _license, ...draft } = record;
  return [record, { ...draft, version: '1.0.0', status: { state: 'draft' }, modified: '2026-01-15T10:00:00Z' }];
}
