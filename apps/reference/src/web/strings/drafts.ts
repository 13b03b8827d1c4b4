import { translate } from '../i18n.js';

/** German texts of drafts, the type source of the keys. */
export const de = {
  titleAndEdition: 'Titel und Ausgabe',
  contentAndSubject: 'Inhalt und Gegenstand',
  themesDcat: 'Themen (DCAT)',
  workingGroup: 'Arbeitsgruppe',
  licence: 'Lizenz',
  documents: 'Dokumente',
  stored: 'Gespeichert:',
  remove: 'entfernen',
  saveDraft: 'Entwurf speichern',
  period: 'Zeitraum',
  sectionsOfTheDraft: 'Abschnitte des Entwurfs',
  contributionsReferToThese: 'Beiträge beziehen sich auf diese Abschnitte. Leere Zeilen zählen nicht.',
  moreSections: 'Weitere Abschnitte',
  saveConsultation: 'Konsultation speichern',
  openConsultation: 'Konsultation öffnen',
  editDraft: 'Entwurf bearbeiten',
  newRecommendationDraft: 'Neuer Empfehlungsentwurf',
  drafts: 'Entwürfe',
  editRecommendations: 'Empfehlungen bearbeiten',
  createANewDraft: 'Neuen Entwurf anlegen',
  recommendation: 'Empfehlung',
  status: 'Status',
  actions: 'Aktionen',
  edit: 'Bearbeiten',
  editConsultation: 'Konsultation bearbeiten',
  contributions: 'Beiträge',
} as const;

/** English texts of drafts, complete by type. */
export const en: Record<keyof typeof de, string> = {
  titleAndEdition: 'Title and edition',
  contentAndSubject: 'Content and subject',
  themesDcat: 'Themes (DCAT)',
  workingGroup: 'Working group',
  licence: 'Licence',
  documents: 'Documents',
  stored: 'Stored:',
  remove: 'remove',
  saveDraft: 'Save draft',
  period: 'Period',
  sectionsOfTheDraft: 'Sections of the draft',
  contributionsReferToThese: 'Contributions refer to these sections. Empty rows do not count.',
  moreSections: 'More sections',
  saveConsultation: 'Save consultation',
  openConsultation: 'Open consultation',
  editDraft: 'Edit draft',
  newRecommendationDraft: 'New recommendation draft',
  drafts: 'Drafts',
  editRecommendations: 'Edit recommendations',
  createANewDraft: 'Create a new draft',
  recommendation: 'Recommendation',
  status: 'Status',
  actions: 'Actions',
  edit: 'Edit',
  editConsultation: 'Edit consultation',
  contributions: 'Contributions',
};

/** A text of drafts in a language, with its placeholders filled. */
export const draftsText = translate({ de, en });
