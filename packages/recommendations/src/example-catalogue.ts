import type { Language } from '@foederal/core';
import { evaluateDecision, type DecisionResult } from '@foederal/membership';
import type { Catalogue } from './catalogue-schema.js';
import { licenseFor, type Attachment, type JurisdictionRef, type LocalizedText, type Person, type Publisher } from './common-schemas.js';
import type { Consultation } from './consultation-schema.js';
import type { Decision } from './decision.js';
import type { ExperienceReport, Pilot } from './pilot-schema.js';
import type { Recommendation } from './recommendation-schema.js';

/**
 * The documents the example catalogue refers to. They ship in the package folder `assets/`
 * (`@foederal/recommendations/assets/<file>`); byte size and SHA-256 are those of the shipped
 * files, which a test checks.
 *
 * @example
 * exampleAssets.find((a) => a.file === 'wartung-2026.md')?.sha256;
 */
export const exampleAssets = [
  { file: 'wartung-2022.md', mediaType: 'text/markdown', byteSize: 683, sha256: 'a0dc4d6a7de5fbed7d210edc7c73355085bbd16b2b43bcf64c189bebd840fd97' },
  { file: 'wartung-2026.md', mediaType: 'text/markdown', byteSize: 1113, sha256: '5b77dbd67de267bbb33c51e83c74333ee561f5f400cae5d1b862e44833283133' },
  { file: 'wartung-2026-leistungsverzeichnis.csv', mediaType: 'text/csv', byteSize: 408, sha256: 'd5b786b64d968073a530299b26f330f7f0a08d9a718c609f9690b3157ee11ce5' },
  { file: 'maintenance-2026.md', mediaType: 'text/markdown', byteSize: 627, sha256: '4177a0d33d2bf79844ebd4fbe5b47cba1c7386b0051ddfd3e2d7897509190d85' },
  { file: 'technisches-monitoring-2026.md', mediaType: 'text/markdown', byteSize: 697, sha256: '1ba2a2c409b79967d27f3f7cf29df4bd9e51b3efd5078c1de23c7e0ad5f4b1db' },
  { file: 'gebaeudedaten-2027-entwurf.md', mediaType: 'text/markdown', byteSize: 799, sha256: '1e5a72d273995930e8efed96f8330777ff6bb1036d55970ecb553de7880d7c5e' },
  { file: 'gebaeudedaten-2027.ids', mediaType: 'application/xml', byteSize: 1347, sha256: 'f2317e63c63c819c985545798aee00b2783da055189765995bb9efeb9a5f9464' },
  { file: 'gebaeudebetrieb-2027-entwurf.md', mediaType: 'text/markdown', byteSize: 486, sha256: '559ec678189aeaa126ce9d68d4f680f17c0a7b4d66fe0c3bd8e2b3a1a9cb15fb' },
  { file: 'fernwirken-2025.md', mediaType: 'text/markdown', byteSize: 445, sha256: '5ad5d4091eefc0b8591f66bf851b6ff0adb03704217a1cd733d554f57b68348a' },
  { file: 'erfahrungsbericht-sachsen-wartung-2026.md', mediaType: 'text/markdown', byteSize: 616, sha256: '5695864e91f88e4252462c4e11e26992e2aa4f08f17baa9c7562b6de25aa8b8c' },
  { file: 'erfahrungsbericht-leipzig-wartung-2026.md', mediaType: 'text/markdown', byteSize: 481, sha256: '525089a66a8b446a19c083c6e39ef115ba21983ed797b7343d8303a3be166af7' },
  { file: 'erfahrungsbericht-hessen-ifc-pruefdienst.md', mediaType: 'text/markdown', byteSize: 543, sha256: 'd216a5292223328742a719e097854c3f28fa597a4806bc8c61f3ae410b7e0f51' },
  { file: 'erfahrungsbericht-darmstadt-ifc-pruefdienst.md', mediaType: 'text/markdown', byteSize: 469, sha256: '589140fccb1dd731ae3e7195fb02fdd4a018ce4b90663848b5c869d41baeb42a' },
] as const satisfies readonly { file: string; mediaType: string; byteSize: number; sha256: string }[];

type AssetFile = (typeof exampleAssets)[number]['file'];

const bund: JurisdictionRef = { level: 'federal', name: 'Bund' };
const bayern: JurisdictionRef = { level: 'state', key: '09', name: 'Bayern' };
const nrw: JurisdictionRef = { level: 'state', key: '05', name: 'Nordrhein-Westfalen' };
const sachsen: JurisdictionRef = { level: 'state', key: '14', name: 'Sachsen' };
const hessen: JurisdictionRef = { level: 'state', key: '06', name: 'Hessen' };
const hamburg: JurisdictionRef = { level: 'state', key: '02', name: 'Hamburg' };
const leipzig: JurisdictionRef = { level: 'municipality', key: '14713000', name: 'Leipzig' };
const darmstadt: JurisdictionRef = { level: 'municipality', key: '06411000', name: 'Darmstadt' };
const kassel: JurisdictionRef = { level: 'municipality', key: '06611000', name: 'Kassel' };
const kommunen: JurisdictionRef = { level: 'municipality', name: 'Deutscher Städtetag' };
const landkreis: JurisdictionRef = { level: 'administrativeDistrict', key: '08128', name: 'Main-Tauber-Kreis' };

const states = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'] as const;

/** A plenary vote of the working group, decided by `evaluateDecision` under the AMEV-style preset. */
function vote(date: string, no: readonly string[], abstain: readonly string[], absent: readonly string[]): DecisionResult {
  const members = [
    { id: 'bund', level: 'federal' as const, votingRight: true, present: !absent.includes('bund') },
    ...states.map((s) => ({
      id: `de-${s.toLowerCase()}`, level: 'state' as const, state: `DE-${s}` as const, votingRight: true,
      present: !absent.includes(`de-${s.toLowerCase()}`),
    })),
    ...['dst', 'dlt', 'dstgb'].map((id) => ({ id, level: 'municipality' as const, votingRight: true, present: !absent.includes(id) })),
  ];
  const ballots: Record<string, 'yes' | 'no' | 'abstain'> = {};
  for (const m of members) if (m.present) ballots[m.id] = no.includes(m.id) ? 'no' : abstain.includes(m.id) ? 'abstain' : 'yes';
  return evaluateDecision({ rules: 'amev-style-working-group', motion: { kind: 'recommendation' }, date, members, ballots });
}

function decision(id: string, date: string, no: readonly string[], abstain: readonly string[], absent: readonly string[]): Decision {
  return { id, date, body: 'Plenum des Föderalen Arbeitskreises Gebäudedaten und Gebäudetechnik', result: vote(date, no, abstain, absent) };
}

const lindner: Person = { name: 'Petra Lindner', organisation: 'Staatliches Bauamt Musterhausen (Demo)', jurisdiction: bayern };
const okafor: Person = { name: 'Daniel Okafor', organisation: 'Bundesamt für Bauwesen (Demo)', jurisdiction: bund };
const brandt: Person = { name: 'Miriam Brandt', organisation: 'Bau- und Liegenschaftsbetrieb (Demo)', jurisdiction: nrw };
const yilmaz: Person = { name: 'Selin Yılmaz', organisation: 'Amt für Gebäudemanagement Leipzig (Demo)', jurisdiction: leipzig };
const hofmann: Person = { name: 'Jens Hofmann', organisation: 'Deutscher Städtetag (Demo)', jurisdiction: kommunen };
const weber: Person = { name: 'Katrin Weber', organisation: 'Landesbetrieb Immobilien (Demo)', jurisdiction: hamburg };

/** Options of {@link buildExampleCatalogue}. @example const o: ExampleCatalogueOptions = { baseUrl: 'http://localhost:3000' }; */
export interface ExampleCatalogueOptions {
  /** Where the registry is served; documents are at `<baseUrl>/dokumente/<file>`. */
  readonly baseUrl?: string;
}

/**
 * Build the demo catalogue for a registry served at `baseUrl` (so the reference app can point the
 * download links at itself). All people, reports and votes are invented; the jurisdictions and
 * their keys are real.
 *
 * @example
 * const catalogue = buildExampleCatalogue({ baseUrl: 'http://localhost:3000' });
 * catalogue.recommendations.length; // 7
 */
export function buildExampleCatalogue(options: ExampleCatalogueOptions = {}): Catalogue {
  const base = (options.baseUrl ?? 'https://empfehlungen.foederal.example').replace(/\/+$/, '');
  const publisher: Publisher = {
    id: `${base}/arbeitskreis`,
    name: {
      de: 'Geschäftsstelle des Föderalen Arbeitskreises Gebäudedaten und Gebäudetechnik',
      en: 'Secretariat of the Federal Working Group on Building Data and Building Services',
    },
    jurisdiction: bund,
    email: 'geschaeftsstelle@foederal.example',
    homepage: `${base}/`,
  };
  const attribution = 'Föderaler Arbeitskreis Gebäudedaten und Gebäudetechnik';
  const asset = (file: AssetFile, id: string, role: Attachment['role'], title: LocalizedText, language: Language = 'de'): Attachment => {
    const found = exampleAssets.find((a) => a.file === file);
    if (!found) throw new Error(`unknown asset ${file}`);
    return {
      id, title, role, mediaType: found.mediaType, byteSize: found.byteSize, sha256: found.sha256,
      downloadUrl: `${base}/dokumente/${file}`, language,
    };
  };
  const common = {
    publisher,
    themes: ['TECH', 'GOVE'] as Recommendation['themes'],
  };

  const wartung2022: Recommendation = {
    ...common,
    id: 'wartung-2022',
    number: '160',
    shortTitle: { de: 'Wartung', en: 'Maintenance' },
    edition: 2022,
    title: {
      de: 'Wartung, Inspektion und damit verbundene kleine Instandsetzungsarbeiten von technischen Anlagen in öffentlichen Gebäuden',
      en: 'Maintenance, inspection and related minor repairs of technical installations in public buildings',
    },
    description: {
      de: 'Vertragsmuster und Leistungsbeschreibungen für die Wartung technischer Anlagen. Ersetzt durch Wartung 2026.',
      en: 'Contract model and service descriptions for maintaining technical installations. Superseded by Maintenance 2026.',
    },
    version: '1.1.0',
    status: { state: 'superseded', by: 'wartung-2026', date: '2026-05-04' },
    issued: '2022-04-01',
    modified: '2026-05-04T09:00:00+02:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Wartung', en: 'Working group on maintenance' }, lead: lindner, contributors: [okafor, brandt, hofmann] },
    license: licenseFor(attribution),
    keywords: [{ de: 'Wartung', en: 'maintenance' }, { de: 'Inspektion', en: 'inspection' }],
    references: [{ kind: 'norm', id: 'DIN 276:2018-12' }, { kind: 'norm', id: 'DIN 31051:2019-06' }],
    attachments: [asset('wartung-2022.md', 'empfehlung', 'main', { de: 'Empfehlung Wartung 2022', en: 'Recommendation Maintenance 2022' })],
    supersededBy: 'wartung-2026',
    decision: decision('2022/05', '2022-03-10', ['de-hb'], ['de-sl'], ['de-mv', 'dlt']),
    adoptions: [{
      jurisdiction: bund, instrument: 'decree', date: '2022-06-01', bindingness: 'binding',
      scope: { de: 'Ziviler Hochbau des Bundes', en: 'Civil federal building sector' },
      reference: 'Einführungserlass vom 1. Juni 2022 (Demo)',
    }],
  };

  const wartung2026: Recommendation = {
    ...common,
    id: 'wartung-2026',
    number: '175',
    shortTitle: { de: 'Wartung', en: 'Maintenance' },
    edition: 2026,
    title: {
      de: 'Wartung, Inspektion und damit verbundene kleine Instandsetzungsarbeiten von technischen Anlagen in öffentlichen Gebäuden',
      en: 'Maintenance, inspection and related minor repairs of technical installations in public buildings',
    },
    description: {
      de: 'Vertragsmuster, Leistungsverzeichnis und maschinenlesbare Prüfberichte für die Wartung technischer Anlagen.',
      en: 'Contract model, bill of services and machine-readable inspection reports for maintaining technical installations.',
    },
    version: '1.0.0',
    status: { state: 'published', date: '2026-05-04' },
    issued: '2026-05-04',
    modified: '2026-09-25T10:00:00+02:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Wartung', en: 'Working group on maintenance' }, lead: lindner, contributors: [okafor, brandt, yilmaz, hofmann] },
    license: licenseFor(attribution),
    keywords: [{ de: 'Wartung', en: 'maintenance' }, { de: 'Inspektion', en: 'inspection' }, { de: 'Prüfbericht', en: 'inspection report' }],
    references: [
      { kind: 'norm', id: 'DIN 276:2018-12', title: { de: 'Kosten im Bauwesen', en: 'Building costs' } },
      { kind: 'norm', id: 'DIN 31051:2019-06', title: { de: 'Grundlagen der Instandhaltung', en: 'Fundamentals of maintenance' } },
      { kind: 'recommendation', id: 'wartung-2022' },
    ],
    attachments: [
      asset('wartung-2026.md', 'empfehlung', 'main', { de: 'Empfehlung Wartung 2026', en: 'Recommendation Maintenance 2026' }),
      asset('wartung-2026-leistungsverzeichnis.csv', 'leistungsverzeichnis', 'template', { de: 'Leistungsverzeichnis (Vorlage)', en: 'Bill of services (template)' }),
    ],
    supersedes: 'wartung-2022',
    decision: decision('2026/07', '2026-04-15', ['de-be'], ['de-hh', 'dstgb'], ['de-sl']),
    adoptions: [
      {
        jurisdiction: bund, instrument: 'decree', date: '2026-07-01', bindingness: 'binding',
        scope: { de: 'Ziviler Hochbau des Bundes', en: 'Civil federal building sector' },
        reference: 'Einführungserlass vom 1. Juli 2026 (Demo)',
      },
      {
        jurisdiction: sachsen, instrument: 'circular', date: '2026-08-15', bindingness: 'guidance',
        scope: { de: 'Staatlicher Hochbau des Freistaates Sachsen', en: 'State building sector of Saxony' },
        reference: 'Rundschreiben 4/2026 der Landesbauverwaltung (Demo)',
      },
      {
        jurisdiction: leipzig, instrument: 'resolution', date: '2026-09-24', bindingness: 'binding',
        scope: { de: 'Städtische Gebäude', en: 'Municipal buildings' },
        reference: 'Ratsbeschluss VII-DS-01234 (Demo)',
      },
    ],
  };

  const maintenance2026: Recommendation = {
    ...wartung2026,
    id: 'wartung-2026-en',
    number: '175 en',
    description: {
      de: 'Englische Übersetzung der Empfehlung Wartung 2026; verbindlich ist die deutsche Fassung.',
      en: 'English translation of the recommendation Maintenance 2026; the German version is authoritative.',
    },
    status: { state: 'published', date: '2026-06-01' },
    issued: '2026-06-01',
    modified: '2026-06-01T09:00:00+02:00',
    references: [{ kind: 'recommendation', id: 'wartung-2026' }],
    attachments: [asset('maintenance-2026.md', 'recommendation', 'main', { de: 'Empfehlung Wartung 2026, englisch', en: 'Recommendation Maintenance 2026, English' }, 'en')],
    adoptions: [],
  };
  delete (maintenance2026 as { supersedes?: string }).supersedes;

  const monitoring2026: Recommendation = {
    ...common,
    id: 'technisches-monitoring-2026',
    number: '176',
    shortTitle: { de: 'Technisches Monitoring', en: 'Technical monitoring' },
    edition: 2026,
    title: { de: 'Technisches Monitoring von Gebäuden der öffentlichen Hand', en: 'Technical monitoring of public buildings' },
    description: {
      de: 'Messkonzept, Datenpunkte und Kennwerte, mit denen geprüft wird, ob technische Anlagen im Betrieb die geplanten Werte erreichen.',
      en: 'Measurement concept, data points and indicators to check whether technical installations reach their planned values in operation.',
    },
    version: '1.0.0',
    status: { state: 'adopted', date: '2026-11-20', decision: '2026/19' },
    modified: '2026-11-20T16:30:00+01:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Monitoring', en: 'Working group on monitoring' }, lead: weber, contributors: [okafor, yilmaz] },
    license: licenseFor(attribution, 'DL-DE-BY-2.0'),
    keywords: [{ de: 'Monitoring', en: 'monitoring' }, { de: 'Energieverbrauch', en: 'energy consumption' }],
    references: [{ kind: 'norm', id: 'DIN 277:2021-08' }, { kind: 'law', citation: 'GEG § 71a', title: { de: 'Gebäudeenergiegesetz', en: 'Buildings Energy Act' } }],
    attachments: [asset('technisches-monitoring-2026.md', 'empfehlung', 'main', { de: 'Empfehlung Technisches Monitoring 2026', en: 'Recommendation Technical Monitoring 2026' })],
    decision: decision('2026/19', '2026-11-20', [], ['de-th'], ['de-hb', 'de-rp']),
    adoptions: [],
  };

  const gebaeudedaten2027: Recommendation = {
    ...common,
    id: 'gebaeudedaten-2027',
    number: '180',
    shortTitle: { de: 'Gebäudedaten', en: 'Building data' },
    edition: 2027,
    title: { de: 'Gebäudedaten öffentlicher Gebäude bei der Übergabe an den Betrieb', en: 'Building data of public buildings at handover to operation' },
    description: {
      de: 'Welche Daten ein BIM-Modell eines öffentlichen Gebäudes bei der Übergabe enthalten muss, mit maschinenlesbaren Anforderungen (IDS).',
      en: 'Which data the BIM model of a public building must contain at handover, with machine-readable requirements (IDS).',
    },
    version: '0.9.0',
    status: { state: 'consultation', opens: '2026-11-02T00:00:00+01:00', closes: '2026-12-18T23:59:59+01:00', consultation: 'konsultation-gebaeudedaten-2027' },
    modified: '2026-11-02T08:00:00+01:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Gebäudedaten', en: 'Working group on building data' }, lead: brandt, contributors: [okafor, lindner, yilmaz, hofmann] },
    license: licenseFor(attribution),
    keywords: [{ de: 'BIM' }, { de: 'IFC' }, { de: 'IDS' }, { de: 'Flächen', en: 'areas' }],
    references: [
      { kind: 'norm', id: 'DIN 277:2021-08' },
      { kind: 'norm', id: 'ISO 16739-1:2018', title: { de: 'Industry Foundation Classes (IFC)' } },
      { kind: 'web', title: { de: 'buildingSMART IDS 1.0' }, url: 'https://github.com/buildingSMART/IDS' },
    ],
    attachments: [
      asset('gebaeudedaten-2027-entwurf.md', 'entwurf', 'main', { de: 'Entwurf Gebäudedaten 2027', en: 'Draft Building Data 2027' }),
      asset('gebaeudedaten-2027.ids', 'ids', 'data-requirements', { de: 'Übergabeanforderungen als IDS 1.0', en: 'Handover requirements as IDS 1.0' }),
    ],
    adoptions: [],
  };

  const gebaeudebetrieb2027: Recommendation = {
    ...common,
    id: 'gebaeudebetrieb-2027',
    number: '181',
    shortTitle: { de: 'Gebäudebetrieb', en: 'Building operation' },
    edition: 2027,
    title: { de: 'Datenmodell für den Betrieb öffentlicher Gebäude', en: 'Data model for operating public buildings' },
    description: {
      de: 'Arbeitsentwurf: Zähler, Verbräuche, Datenpunkte der Gebäudeautomation und Wartungsereignisse.',
      en: 'Working draft: meters, consumption, building automation data points and maintenance events.',
    },
    version: '0.2.0',
    status: { state: 'draft' },
    modified: '2026-11-25T14:00:00+01:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Gebäudebetrieb', en: 'Working group on building operation' }, lead: weber, contributors: [brandt] },
    keywords: [{ de: 'Gebäudebetrieb', en: 'building operation' }, { de: 'BACnet' }],
    references: [{ kind: 'recommendation', id: 'technisches-monitoring-2026' }],
    attachments: [asset('gebaeudebetrieb-2027-entwurf.md', 'arbeitsentwurf', 'main', { de: 'Arbeitsentwurf Gebäudebetrieb 2027', en: 'Working draft Building Operation 2027' })],
    adoptions: [],
  };

  const fernwirken2025: Recommendation = {
    ...common,
    id: 'fernwirken-2025',
    number: '170',
    shortTitle: { de: 'Fernwirken', en: 'Telecontrol' },
    edition: 2025,
    title: { de: 'Fernüberwachung und Fernbedienung technischer Anlagen', en: 'Remote monitoring and control of technical installations' },
    description: {
      de: 'Zurückgezogen: die Sicherheitsanforderungen entsprechen nicht mehr dem Stand der Technik.',
      en: 'Withdrawn: the security requirements no longer reflect the state of the art.',
    },
    version: '1.0.0',
    status: {
      state: 'withdrawn', date: '2026-09-01',
      reason: {
        de: 'Die Sicherheitsanforderungen sind überholt; eine Neufassung steht im Arbeitsprogramm 2027.',
        en: 'The security requirements are out of date; a new edition is on the 2027 work programme.',
      },
    },
    issued: '2025-03-01',
    modified: '2026-09-01T08:00:00+02:00',
    workingGroup: { name: { de: 'Arbeitsgruppe Gebäudeautomation', en: 'Working group on building automation' }, lead: okafor, contributors: [weber] },
    license: licenseFor(attribution, 'DL-DE-ZERO-2.0'),
    keywords: [{ de: 'Fernwirken', en: 'telecontrol' }, { de: 'IT-Sicherheit', en: 'IT security' }],
    references: [],
    attachments: [asset('fernwirken-2025.md', 'empfehlung', 'main', { de: 'Empfehlung Fernwirken 2025', en: 'Recommendation Telecontrol 2025' })],
    decision: decision('2025/03', '2025-02-12', ['de-nw', 'de-ni'], [], ['de-st']),
    adoptions: [],
  };

  const consultation: Consultation = {
    id: 'konsultation-gebaeudedaten-2027',
    recommendation: 'gebaeudedaten-2027',
    draftVersion: '0.9.0',
    title: { de: 'Öffentliche Konsultation zum Entwurf Gebäudedaten 2027', en: 'Public consultation on the draft Building Data 2027' },
    opens: '2026-11-02T00:00:00+01:00',
    closes: '2026-12-18T23:59:59+01:00',
    url: `${base}/konsultationen/konsultation-gebaeudedaten-2027`,
    sections: [
      { anchor: '1', title: { de: 'Anwendungsbereich', en: 'Scope' } },
      { anchor: '2', title: { de: 'Datenmodell', en: 'Data model' } },
      { anchor: '2.1', title: { de: 'Übergabeformat', en: 'Handover format' } },
      { anchor: '2.2', title: { de: 'Räume und Flächen', en: 'Spaces and areas' } },
      { anchor: '3', title: { de: 'Anforderungen an die Übergabe', en: 'Handover requirements' } },
      { anchor: '3.1', title: { de: 'Maschinenlesbare Anforderungen', en: 'Machine-readable requirements' } },
      { anchor: '3.2', title: { de: 'Namen', en: 'Names' } },
      { anchor: '4', title: { de: 'Prüfung', en: 'Checking' } },
    ],
    contributions: [
      {
        id: 'beitrag-1',
        anchor: { section: '2.1', quote: 'Das Modell wird als IFC 4 (ISO 16739-1:2018) übergeben.' },
        text: { de: 'Bitte IFC 4.3 zulassen; neue Modellierungswerkzeuge exportieren bereits IFC 4.3.' },
        author: { kind: 'person', name: 'Dr. Lena Vogt', organisation: 'Ingenieurbüro (Demo)', jurisdiction: nrw },
        submittedAt: '2026-11-04T10:12:00+01:00',
        state: 'partially-accepted',
        disposition: {
          reason: {
            de: 'IFC 4 bleibt Mindestanforderung, damit alle Verwaltungen die Modelle lesen können; IFC 4.3 wird zusätzlich zugelassen.',
            en: 'IFC 4 remains the minimum so that every administration can read the models; IFC 4.3 is allowed in addition.',
          },
          answeredAt: '2026-11-20T15:00:00+01:00',
          publishedAt: '2026-11-23T09:00:00+01:00',
        },
      },
      {
        id: 'beitrag-2',
        anchor: { section: '3.1' },
        text: { de: 'Kommunen ohne BIM-Erfahrung brauchen eine Übergangsfrist von mindestens zwei Jahren.' },
        author: { kind: 'organisation', name: 'Deutscher Städtetag (Demo)', jurisdiction: kommunen },
        submittedAt: '2026-11-06T16:40:00+01:00',
        state: 'accepted',
        disposition: {
          reason: {
            de: 'Wird übernommen: Übergangsfrist bis Ende 2028 für Kommunen unter 50.000 Einwohnern.',
            en: 'Accepted: transition period until the end of 2028 for municipalities under 50,000 inhabitants.',
          },
          answeredAt: '2026-11-20T15:05:00+01:00',
        },
      },
      {
        id: 'beitrag-3',
        anchor: { section: '2.2' },
        text: { de: 'Flächen nach DIN 277 zusätzlich als Mengen (IfcElementQuantity) verlangen, nicht nur als Eigenschaften.' },
        author: { kind: 'anonymous' },
        submittedAt: '2026-11-09T08:05:00+01:00',
        state: 'in-review',
      },
      {
        id: 'beitrag-4',
        anchor: { section: '3.2', quote: 'Geschosse und Räume tragen eindeutige Namen.' },
        text: { de: 'Eindeutig je Gebäude oder je Liegenschaft? Bitte präzisieren und auf Liegenschaft erweitern.' },
        author: { kind: 'person', name: 'Tobias Kern', jurisdiction: landkreis },
        submittedAt: '2026-11-10T11:30:00+01:00',
        externalRef: 'https://gitlab.opencode.de/foederal/gebaeudedaten-2027/-/issues/12',
        state: 'rejected',
        disposition: {
          reason: {
            de: 'Eindeutigkeit je Gebäude genügt; die Liegenschaft ist über IfcSite abgebildet. Der Text wird klarer gefasst.',
            en: 'Uniqueness per building is enough; the property is represented by IfcSite. The wording will be clarified.',
          },
          answeredAt: '2026-11-20T15:10:00+01:00',
          publishedAt: '2026-11-23T09:00:00+01:00',
        },
      },
      {
        id: 'beitrag-5',
        anchor: { section: '2.1' },
        text: { de: 'IFC 4.3 sollte erlaubt sein.' },
        author: { kind: 'person', name: 'Ahmet Demir' },
        submittedAt: '2026-11-12T19:20:00+01:00',
        externalRef: 'https://gitlab.opencode.de/foederal/gebaeudedaten-2027/-/issues/14',
        state: 'duplicate',
        disposition: {
          reason: { de: 'Gleiches Anliegen wie Beitrag 1; dort beantwortet.', en: 'Same request as contribution 1; answered there.' },
          answeredAt: '2026-11-20T15:12:00+01:00',
          publishedAt: '2026-11-23T09:00:00+01:00',
          duplicateOf: 'beitrag-1',
        },
      },
      {
        id: 'beitrag-6',
        anchor: { section: '4' },
        text: { de: 'Der Prüfbericht sollte auch als BCF an das Planungsbüro zurückgegeben werden können.' },
        author: { kind: 'organisation', name: 'Landesbetrieb Immobilien (Demo)', jurisdiction: hamburg },
        submittedAt: '2026-11-24T13:00:00+01:00',
        state: 'published',
      },
      {
        id: 'beitrag-7',
        anchor: { section: '1' },
        text: { de: 'Gilt die Empfehlung auch für Bestandsgebäude?' },
        author: { kind: 'anonymous', jurisdiction: kassel },
        submittedAt: '2026-11-27T21:45:00+01:00',
        state: 'submitted',
      },
    ],
  };

  const pilots: Pilot[] = [
    {
      id: 'pilot-wartung-2026-sachsen',
      title: { de: 'Pilotierung Wartung 2026 in Sachsen', en: 'Piloting Maintenance 2026 in Saxony' },
      description: {
        de: 'Die Landesbauverwaltung und die Stadt Leipzig schreiben Wartungsleistungen nach der Empfehlung Wartung 2026 aus.',
        en: 'The state building administration and the city of Leipzig tender maintenance services following Maintenance 2026.',
      },
      subject: { kind: 'recommendation', recommendation: 'wartung-2026', version: '1.0.0' },
      participants: [
        { organisation: 'Landesbauverwaltung Sachsen (Demo)', jurisdiction: sachsen, role: 'lead' },
        { organisation: 'Amt für Gebäudemanagement Leipzig (Demo)', jurisdiction: leipzig, role: 'participant' },
      ],
      start: '2026-05-15',
      end: '2026-10-31',
      status: 'completed',
      contact: 'pilot-wartung@foederal.example',
    },
    {
      id: 'pilot-ifc-pruefdienst',
      title: { de: 'Pilotierung IFC-Prüfdienst', en: 'Piloting the IFC checking service' },
      description: {
        de: 'Ein quelloffener Dienst prüft übergebene BIM-Modelle gegen IDS-Anforderungen und erstellt Prüfberichte je Anforderung.',
        en: 'An open-source service checks delivered BIM models against IDS requirements and reports per requirement.',
      },
      subject: { kind: 'open-source', name: 'IFC-Prüfdienst', repository: 'https://gitlab.opencode.de/foederal/ifc-pruefdienst', release: 'v0.4.0' },
      participants: [
        { organisation: 'Landesbetrieb Bau und Immobilien Hessen (Demo)', jurisdiction: hessen, role: 'lead' },
        { organisation: 'Wissenschaftsstadt Darmstadt, Immobilienmanagement (Demo)', jurisdiction: darmstadt, role: 'participant' },
        { organisation: 'Stadt Kassel, Hochbauamt (Demo)', jurisdiction: kassel, role: 'participant' },
      ],
      start: '2026-02-01',
      status: 'running',
    },
  ];

  const reportLicense = licenseFor(attribution);
  const experienceReports: ExperienceReport[] = [
    {
      id: 'bericht-sachsen-wartung-2026',
      pilot: 'pilot-wartung-2026-sachsen',
      title: { de: 'Erfahrungen der Landesbauverwaltung Sachsen mit Wartung 2026', en: 'Experience of the Saxon state building administration with Maintenance 2026' },
      author: { organisation: 'Landesbauverwaltung Sachsen (Demo)', jurisdiction: sachsen, contact: 'pilot-wartung@foederal.example' },
      date: '2026-11-05',
      worked: [
        { de: 'Das Leistungsverzeichnis ließ sich ohne Anpassung in die Ausschreibung übernehmen.', en: 'The bill of services went into the tender unchanged.' },
        { de: 'Maschinenlesbare Prüfberichte ersparten das Abtippen von rund 900 Prüfprotokollen.', en: 'Machine-readable reports saved re-typing about 900 inspection records.' },
      ],
      didNotWork: [{ de: 'Zwei Wartungsfirmen konnten CSV-Berichte erst nach Schulung liefern.', en: 'Two contractors could deliver CSV reports only after training.' }],
      effortPersonDays: 42,
      costs: { amountCents: 1_840_000, currency: 'EUR', note: { de: 'Schulung und Anpassung der Vorlagen', en: 'training and adapting templates' } },
      wouldRecommend: true,
      attachments: [asset('erfahrungsbericht-sachsen-wartung-2026.md', 'bericht', 'main', { de: 'Erfahrungsbericht Sachsen', en: 'Experience report Saxony' })],
      license: reportLicense,
      status: { state: 'published', date: '2026-11-10' },
    },
    {
      id: 'bericht-leipzig-wartung-2026',
      pilot: 'pilot-wartung-2026-sachsen',
      title: { de: 'Erfahrungen der Stadt Leipzig mit Wartung 2026', en: 'Experience of the city of Leipzig with Maintenance 2026' },
      author: { organisation: 'Amt für Gebäudemanagement Leipzig (Demo)', jurisdiction: leipzig },
      date: '2026-11-07',
      worked: [{ de: 'Einheitliche Prüffristen vereinfachten die Abstimmung mit dem Land.', en: 'Common inspection intervals eased coordination with the Land.' }],
      didNotWork: [{ de: 'Die Pauschale für Kleinmaterial reichte bei Aufzügen nicht.', en: 'The flat rate for small parts was not enough for lifts.' }],
      effortPersonDays: 11,
      costs: { amountCents: 320_000, currency: 'EUR' },
      wouldRecommend: true,
      attachments: [asset('erfahrungsbericht-leipzig-wartung-2026.md', 'bericht', 'main', { de: 'Erfahrungsbericht Leipzig', en: 'Experience report Leipzig' })],
      license: reportLicense,
      status: { state: 'published', date: '2026-11-12' },
    },
    {
      id: 'bericht-hessen-ifc-pruefdienst',
      pilot: 'pilot-ifc-pruefdienst',
      title: { de: 'Zwischenbericht des Landes Hessen zum IFC-Prüfdienst', en: 'Interim report of Hesse on the IFC checking service' },
      author: { organisation: 'Landesbetrieb Bau und Immobilien Hessen (Demo)', jurisdiction: hessen },
      date: '2026-08-14',
      worked: [
        { de: 'Prüfberichte je Anforderung machten Nachforderungen nachvollziehbar.', en: 'Reports per requirement made follow-up requests traceable.' },
        { de: 'Betrieb auf einem vorhandenen Server ohne zusätzliche Lizenzen.', en: 'Runs on an existing server without extra licences.' },
      ],
      didNotWork: [{ de: 'Modelle über 500 MB mussten geteilt werden.', en: 'Models over 500 MB had to be split.' }],
      effortPersonDays: 25,
      costs: { amountCents: 750_000, currency: 'EUR', note: { de: 'Betrieb und Einweisung', en: 'operation and instruction' } },
      wouldRecommend: true,
      attachments: [asset('erfahrungsbericht-hessen-ifc-pruefdienst.md', 'bericht', 'main', { de: 'Erfahrungsbericht Hessen', en: 'Experience report Hesse' })],
      license: reportLicense,
      status: { state: 'published', date: '2026-08-20' },
    },
    {
      id: 'bericht-darmstadt-ifc-pruefdienst',
      pilot: 'pilot-ifc-pruefdienst',
      title: { de: 'Erfahrungen der Wissenschaftsstadt Darmstadt mit dem IFC-Prüfdienst', en: 'Experience of Darmstadt with the IFC checking service' },
      author: { organisation: 'Wissenschaftsstadt Darmstadt, Immobilienmanagement (Demo)', jurisdiction: darmstadt },
      date: '2026-08-28',
      worked: [{ de: 'Das Planungsbüro hat die Prüfung selbst vor der Abgabe genutzt.', en: 'The design office ran the check itself before delivery.' }],
      didNotWork: [{ de: 'Ohne eigenes BIM-Fachpersonal war die Auswertung mühsam.', en: 'Without in-house BIM staff, reading the reports was hard work.' }],
      effortPersonDays: 9,
      costs: { amountCents: 0, currency: 'EUR' },
      wouldRecommend: false,
      attachments: [asset('erfahrungsbericht-darmstadt-ifc-pruefdienst.md', 'bericht', 'main', { de: 'Erfahrungsbericht Darmstadt', en: 'Experience report Darmstadt' })],
      license: reportLicense,
      status: { state: 'published', date: '2026-09-03' },
    },
    {
      id: 'bericht-kassel-ifc-pruefdienst',
      pilot: 'pilot-ifc-pruefdienst',
      title: { de: 'Erste Erfahrungen der Stadt Kassel mit dem IFC-Prüfdienst' },
      author: { organisation: 'Stadt Kassel, Hochbauamt (Demo)', jurisdiction: kassel },
      date: '2026-11-26',
      worked: [{ de: 'Installation nach Anleitung in einem Tag.' }],
      didNotWork: [],
      effortPersonDays: 2,
      costs: { amountCents: 0, currency: 'EUR' },
      wouldRecommend: true,
      attachments: [],
      status: { state: 'submitted' },
    },
  ];

  return {
    id: `${base}/katalog`,
    title: {
      de: 'Empfehlungen des Föderalen Arbeitskreises Gebäudedaten und Gebäudetechnik (Demodaten)',
      en: 'Recommendations of the Federal Working Group on Building Data and Building Services (demo data)',
    },
    description: {
      de: 'Frei nutzbare Empfehlungen für Bund, Länder und Kommunen. Demodaten: Personen, Berichte und Abstimmungen sind erfunden.',
      en: 'Freely usable recommendations for federal, state and local government. Demo data: people, reports and votes are invented.',
    },
    homepage: `${base}/`,
    publisher,
    modified: '2026-11-27T21:45:00+01:00',
    recommendations: [wartung2022, wartung2026, maintenance2026, monitoring2026, gebaeudedaten2027, gebaeudebetrieb2027, fernwirken2025],
    consultations: [consultation],
    pilots,
    experienceReports,
  };
}

/**
 * The demo catalogue: seven recommendations in every lifecycle state (one superseded edition, an
 * English edition "175 en", a running consultation with seven contributions and their
 * dispositions), two pilots with five experience reports, and documents whose checksums match the
 * files shipped in `assets/`.
 *
 * @example
 * import { exampleCatalogue, validateCatalogue } from '@foederal/recommendations';
 * validateCatalogue(exampleCatalogue).success; // true
 */
export const exampleCatalogue: Catalogue = /* @__PURE__ */ buildExampleCatalogue();
