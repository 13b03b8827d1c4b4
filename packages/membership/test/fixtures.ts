// Builders shared by the tests (not part of the published package).
import { states } from '../src/identifiers.js';
import type { DecisionScenarioInput, Voter } from '../src/scenario.js';

/** The working group of the shared scenarios: 10 voting members and two advisory guests. */
export function workingGroup(absent: readonly string[] = []): Voter[] {
  const base: Voter[] = [
    { id: 'bmds', level: 'federal', votingRight: true, present: true },
    { id: 'bmwsb', level: 'federal', votingRight: true, present: true },
    { id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true, present: true },
    { id: 'de-nw', level: 'state', state: 'DE-NW', votingRight: true, present: true },
    { id: 'de-sn', level: 'state', state: 'DE-SN', votingRight: true, present: true },
    { id: 'de-hb', level: 'state', state: 'DE-HB', votingRight: true, present: true },
    { id: 'de-be', level: 'state', state: 'DE-BE', votingRight: true, present: true },
    { id: 'dst', level: 'municipality', votingRight: true, present: true },
    { id: 'dlt', level: 'municipality', votingRight: true, present: true },
    { id: 'dstgb', level: 'municipality', votingRight: true, present: true },
    { id: 'digitalagentur', level: 'federal', votingRight: false, present: true },
    { id: 'uni', level: 'science', votingRight: false, present: true },
  ];
  return base.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** The IT-Planungsrat: Bund and 16 Länder voting, three kommunale Spitzenverbände advising. */
export function itPlanungsrat(absent: readonly string[] = []): Voter[] {
  const out: Voter[] = [{ id: 'bund', level: 'federal', votingRight: true, present: true }];
  for (const s of states) out.push({ id: s.iso.toLowerCase(), level: 'state', state: s.iso, votingRight: true, present: true });
  for (const id of ['dst', 'dlt', 'dstgb']) out.push({ id, level: 'municipality', votingRight: false, present: true });
  return out.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** The Bauministerkonferenz: 16 Länder voting, the Bund as guest. */
export function bauministerkonferenz(absent: readonly string[] = []): Voter[] {
  const out: Voter[] = states.map((s) => ({ id: s.iso.toLowerCase(), level: 'state' as const, state: s.iso, votingRight: true, present: true }));
  out.push({ id: 'bund', level: 'federal', votingRight: false, present: true });
  return out.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** A meeting scenario of the working group. */
export function wgMeeting(
  ballots: Record<string, 'yes' | 'no' | 'abstain'>,
  options: { absent?: string[]; kind?: 'recommendation' | 'procedural' } = {},
): DecisionScenarioInput {
  return {
    rules: 'amev-style-working-group',
    motion: { kind: options.kind ?? 'recommendation' },
    date: '2027-02-10',
    members: workingGroup(options.absent),
    ballots,
  };
}

/** Ballots: the listed ids vote `option`. */
export function vote(option: 'yes' | 'no' | 'abstain', ids: readonly string[]): Record<string, 'yes' | 'no' | 'abstain'> {
  return Object.fromEntries(ids.map((id) => [id, option]));
}

import type { Jurisdiction, Membership, Organization, Person, Post } from '../src/model.js';

/** A small but complete working group as model data. */
export function demoBody(): {
  jurisdictions: Jurisdiction[];
  organizations: Organization[];
  persons: Person[];
  posts: Post[];
  memberships: Membership[];
} {
  return {
    jurisdictions: [
      { id: 'bund', kind: 'government', level: 'federal', name: { de: 'Bund', en: 'Federation' } },
      { id: 'by', kind: 'government', level: 'state', state: 'DE-BY', name: { de: 'Bayern', en: 'Bavaria' } },
      { id: 'koeln', kind: 'government', level: 'municipality', state: 'DE-NW', ags: '05315000', ars: '053150000000', name: { de: 'Köln' }, web: 'https://www.stadt-koeln.de/' },
      { id: 'dst', kind: 'municipal-umbrella-association', level: 'municipality', name: { de: 'Deutscher Städtetag', en: 'Association of German Cities' } },
      { id: 'fh', kind: 'science', name: { de: 'Hochschule für Technik' } },
    ],
    organizations: [
      { id: 'plenum', name: { de: 'Föderaler Arbeitskreis Gebäudedaten', en: 'Federal working group on building data' }, shortName: 'AK Gebäudedaten', classification: 'plenum', rulesId: 'amev-style-working-group', startDate: '2026-01-01' },
      { id: 'gs', name: { de: 'Geschäftsstelle' }, classification: 'secretariat', parentId: 'plenum' },
      { id: 'ag-bim', name: { de: 'AG BIM', en: 'BIM working group' }, classification: 'working-group', parentId: 'plenum', startDate: '2026-03-01', endDate: '2027-12-31', web: 'https://ak.example.org/ag-bim' },
    ],
    persons: [
      { id: 'p-mueller', name: 'Dr. Anna Müller', familyName: 'Müller', givenName: 'Anna', honorificPrefix: 'Dr.', contact: { email: 'anna.mueller@example.org', phone: '+49 30 123456', address: 'Krausenstraße 17-18, 10117 Berlin' } },
      { id: 'p-huber', name: 'Josef Huber', familyName: 'Huber', givenName: 'Josef' },
      { id: 'p-schmitz', name: 'Petra Schmitz' },
      { id: 'p-lang', name: 'Prof. Karl Lang', honorificPrefix: 'Prof.' },
    ],
    posts: [
      { id: 'seat-bund', label: { de: 'Sitz Bund', en: 'Federal seat' }, organizationId: 'plenum', jurisdictionId: 'bund', kind: 'voting' },
      { id: 'seat-by', label: { de: 'Sitz Bayern' }, organizationId: 'plenum', jurisdictionId: 'by', kind: 'voting', startDate: '2026-01-01' },
      { id: 'seat-dst', label: { de: 'Sitz Deutscher Städtetag' }, organizationId: 'plenum', jurisdictionId: 'dst', kind: 'voting' },
      { id: 'seat-fh', label: { de: 'Beratender Sitz Wissenschaft' }, organizationId: 'plenum', jurisdictionId: 'fh', kind: 'advisory', endDate: '2028-12-31' },
    ],
    memberships: [
      { id: 'm1', personId: 'p-mueller', organizationId: 'plenum', postId: 'seat-bund', onBehalfOf: 'bund', kind: 'voting', votingRight: true, role: 'chair', startDate: '2026-01-01' },
      { id: 'm2', personId: 'p-huber', organizationId: 'plenum', postId: 'seat-by', onBehalfOf: 'by', kind: 'voting', votingRight: true, startDate: '2026-01-01', endDate: '2027-12-31' },
      { id: 'm3', personId: 'p-schmitz', organizationId: 'plenum', postId: 'seat-dst', onBehalfOf: 'dst', kind: 'voting', votingRight: true, startDate: '2026-01-01' },
      { id: 'm4', personId: 'p-lang', organizationId: 'plenum', postId: 'seat-fh', onBehalfOf: 'fh', kind: 'advisory', votingRight: false, startDate: '2026-02-01' },
      { id: 'm5', personId: 'p-schmitz', organizationId: 'ag-bim', onBehalfOf: 'koeln', kind: 'voting', votingRight: true, role: 'lead', startDate: '2026-03-01' },
      { id: 'm6', personId: 'p-huber', organizationId: 'ag-bim', onBehalfOf: 'by', kind: 'voting', votingRight: false, role: 'deputy', deputyOf: 'm5', startDate: '2026-03-01' },
      { id: 'm7', personId: 'p-mueller', organizationId: 'gs', kind: 'guest', votingRight: false, startDate: '2026-01-01' },
    ],
  };
}
