import type { Body } from '@foederal/publication';
import { presets, type Jurisdiction, type Membership, type Organization, type Person, type Post } from '@foederal/membership';

// The demo body: the `amev-style-working-group` preset with the Bund, eight Länder, the three
// kommunale Spitzenverbände and advisory guests. All people are invented.

const start = '2026-01-01';

const laender: Array<[string, string, string]> = [
  ['DE-BW', 'Baden-Württemberg', 'Dr. Katrin Weber'],
  ['DE-BY', 'Bayern', 'Thomas Huber'],
  ['DE-BE', 'Berlin', 'Aylin Demir'],
  ['DE-HH', 'Hamburg', 'Jan Petersen'],
  ['DE-HE', 'Hessen', 'Sabine Keller'],
  ['DE-NI', 'Niedersachsen', 'Frank Meyer'],
  ['DE-NW', 'Nordrhein-Westfalen', 'Dr. Melanie Schulte'],
  ['DE-SN', 'Sachsen', 'Uwe Lehmann'],
];

const jurisdictions: Jurisdiction[] = [
  { id: 'bund', kind: 'government', level: 'federal', name: { de: 'Bund', en: 'Federation' } },
  ...laender.map(([iso, name]): Jurisdiction => ({ id: iso.toLowerCase(), kind: 'government', level: 'state', state: iso as Jurisdiction['state'] & string, name: { de: name } })),
  { id: 'dst', kind: 'municipal-umbrella-association', level: 'municipality', name: { de: 'Deutscher Städtetag', en: 'Association of German Cities' } },
  { id: 'dlt', kind: 'municipal-umbrella-association', level: 'municipality', name: { de: 'Deutscher Landkreistag', en: 'German County Association' } },
  { id: 'dstgb', kind: 'municipal-umbrella-association', level: 'municipality', name: { de: 'Deutscher Städte- und Gemeindebund', en: 'German Association of Towns and Municipalities' } },
  { id: 'hochschule', kind: 'science', name: { de: 'Hochschule für Bauwesen (Demo)', en: 'University of Building (demo)' } },
  { id: 'verband-tga', kind: 'industry', name: { de: 'Fachverband Gebäudetechnik (Demo)', en: 'Building Services Association (demo)' } },
  { id: 'offene-daten', kind: 'civil-society', name: { de: 'Initiative Offene Verwaltungsdaten (Demo)', en: 'Open Government Data Initiative (demo)' } },
];

const seats: Array<[string, string, 'voting' | 'advisory']> = [
  ['bund', 'Martina Vogel', 'voting'],
  ...laender.map(([iso, , person]): [string, string, 'voting'] => [iso.toLowerCase(), person, 'voting']),
  ['dst', 'Stefan Krause', 'voting'],
  ['dlt', 'Birgit Hoffmann', 'voting'],
  ['dstgb', 'Markus Wolf', 'voting'],
  ['hochschule', 'Prof. Dr. Lena Brandt', 'advisory'],
  ['verband-tga', 'Oliver Schmitt', 'advisory'],
  ['offene-daten', 'Nora Yilmaz', 'advisory'],
];

const organizations: Organization[] = [
  { id: 'plenum', name: { de: 'Plenum des Föderalen Arbeitskreises Gebäudedaten', en: 'Plenary of the Federal Working Group on Building Data' }, classification: 'plenum', rulesId: 'amev-style-working-group', startDate: start },
  { id: 'vorsitz', name: { de: 'Vorsitz', en: 'Chair' }, classification: 'chair', parentId: 'plenum', startDate: start },
  { id: 'geschaeftsstelle', name: { de: 'Geschäftsstelle', en: 'Secretariat' }, classification: 'secretariat', parentId: 'plenum', startDate: start },
  { id: 'ag-gebaeudedaten', name: { de: 'Arbeitsgruppe Gebäudedaten 2027', en: 'Working group Building Data 2027' }, classification: 'working-group', parentId: 'plenum', startDate: start },
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(prof\. )?dr\. /, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const people: Person[] = seats.map(([, name]) => ({ id: slug(name), name, contact: { email: `${slug(name)}@example.org` } }));

const posts: Post[] = seats.map(([j, , kind]) => ({
  id: `sitz-${j}`,
  label: { de: `Sitz ${jurisdictions.find((x) => x.id === j)?.name.de ?? j}`, en: `Seat ${jurisdictions.find((x) => x.id === j)?.name.en ?? jurisdictions.find((x) => x.id === j)?.name.de ?? j}` },
  organizationId: 'plenum',
  jurisdictionId: j,
  kind,
  startDate: start,
}));

const memberships: Membership[] = [
  ...seats.map(([j, name, kind]): Membership => ({
    id: `m-${j}`,
    personId: slug(name),
    organizationId: 'plenum',
    postId: `sitz-${j}`,
    onBehalfOf: j,
    kind,
    votingRight: kind === 'voting',
    role: j === 'bund' ? 'chair' : 'member',
    startDate: start,
  })),
  { id: 'm-ag-lead', personId: slug('Dr. Melanie Schulte'), organizationId: 'ag-gebaeudedaten', onBehalfOf: 'de-nw', kind: 'advisory', votingRight: false, role: 'lead', startDate: start },
  { id: 'm-ag-dst', personId: slug('Stefan Krause'), organizationId: 'ag-gebaeudedaten', onBehalfOf: 'dst', kind: 'advisory', votingRight: false, role: 'member', startDate: start },
  { id: 'm-ag-hochschule', personId: slug('Prof. Dr. Lena Brandt'), organizationId: 'ag-gebaeudedaten', onBehalfOf: 'hochschule', kind: 'advisory', votingRight: false, role: 'member', startDate: start },
];

/** The demo body with its rules (`amev-style-working-group`). */
export function demoBody(): Body {
  return { organizations, jurisdictions, people, posts, memberships, rules: [presets['amev-style-working-group']] };
}
