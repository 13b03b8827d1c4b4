// Small records written for these tests (valid under the schemas of @foederal/recommendations
// and @foederal/membership).
import type { Consultation, Decision, ExperienceReport, Pilot, Recommendation } from '@foederal/recommendations';
import type { Body } from '../src/registry/schemas.js';

const publisher = {
  id: 'https://registry.example.org/arbeitskreis',
  name: { de: 'Arbeitskreis Gebäudedaten', en: 'Building data working group' },
  jurisdiction: { level: 'federal' as const, name: 'Bund' },
  email: 'geschaeftsstelle@example.org',
};

export function recommendation(id: string, overrides: Partial<Recommendation> = {}): Recommendation {
  const n = 100 + (Array.from(id).reduce((s, c) => s + c.charCodeAt(0), 0) % 800);
  return {
    id,
    number: String(n),
    shortTitle: { de: `Empfehlung ${id}` },
    edition: 2027,
    title: { de: `Empfehlung ${id} für öffentliche Gebäude`, en: `Recommendation ${id} for public buildings` },
    description: { de: 'Anforderungen an Gebäudedaten im Betrieb.' },
    version: '0.1.0',
    status: { state: 'draft' },
    modified: '2026-01-10T09:00:00Z',
    publisher,
    workingGroup: {
      name: { de: 'AG Gebäudedaten' },
      lead: { name: 'Dr. Anna Beispiel', jurisdiction: { level: 'state', key: '09', name: 'Bayern' } },
      contributors: [{ name: 'Ben Muster', jurisdiction: { level: 'municipality', key: '01054015', name: 'Borgsum' } }],
    },
    keywords: [{ de: 'Gebäudedaten', en: 'building data' }],
    themes: ['TECH'],
    references: [{ kind: 'norm', id: 'DIN 277:2021-08' }],
    attachments: [],
    adoptions: [],
    ...overrides,
  };
}

export function consultation(id: string, recommendationId: string, overrides: Partial<Consultation> = {}): Consultation {
  return {
    id,
    recommendation: recommendationId,
    draftVersion: '0.1.0',
    title: { de: `Konsultation zu ${recommendationId}` },
    opens: '2027-01-15T00:00:00Z',
    closes: '2099-03-15T00:00:00Z',
    sections: [
      { anchor: '1', title: { de: 'Einleitung' } },
      { anchor: '3.2', title: { de: 'Prüffristen' } },
    ],
    contributions: [],
    ...overrides,
  };
}

export const decision: Decision = {
  id: '2027/04',
  date: '2027-04-15',
  body: 'Arbeitskreis Gebäudedaten',
  result: {
    result: 'pass',
    quorate: true,
    counts: [{ option: 'yes', value: 12 }],
    reasons: [],
  } as unknown as Decision['result'],
};

export function pilot(id: string, overrides: Partial<Pilot> = {}): Pilot {
  return {
    id,
    title: { de: `Pilot ${id}` },
    description: { de: 'Erprobung in einer Schule.' },
    subject: { kind: 'recommendation', recommendation: 'gebaeudedaten-2027', version: '0.1.0' },
    participants: [
      { organisation: 'Stadt Borgsum', jurisdiction: { level: 'municipality', key: '01054015', name: 'Borgsum' }, role: 'lead' },
      { organisation: 'Land Bayern', jurisdiction: { level: 'state', key: '09', name: 'Bayern' }, role: 'participant' },
    ],
    start: '2027-02-01',
    status: 'running',
    ...overrides,
  };
}

export const reportSubmission = {
  title: { de: 'Erfahrungen aus Borgsum' },
  author: { organisation: 'Stadt Borgsum', jurisdiction: { level: 'municipality' as const, key: '01054015', name: 'Borgsum' } },
  date: '2027-06-01',
  worked: [{ de: 'Import der Raumdaten' }],
  didNotWork: [{ de: 'Zuordnung der Kostengruppen' }],
  effortPersonDays: 4.5,
  costs: { amountCents: 120_000, currency: 'EUR' as const },
  wouldRecommend: true,
  attachments: [],
};

export type StoredReport = ExperienceReport;

export const body: Body = {
  organizations: [{ id: 'plenum', name: { de: 'Plenum' }, classification: 'plenum' }],
  jurisdictions: [
    { id: 'bund', kind: 'government', level: 'federal', name: { de: 'Bund' } },
    { id: 'by', kind: 'government', level: 'state', name: { de: 'Bayern' }, state: 'DE-BY' },
  ],
  people: [{ id: 'p1', name: 'Erika Mustermann' }],
  posts: [],
  memberships: [
    { id: 'm1', personId: 'p1', organizationId: 'plenum', onBehalfOf: 'by', kind: 'voting', votingRight: true, startDate: '2026-01-01' },
  ],
  rules: [],
};
