import type { Language } from '@foederal/core';

export { formatDate, formatNumber, isLanguage, textOf, type Language, type LocalizedText } from '@foederal/core';
export { formatEuro } from '@foederal/membership';

/**
 * The German labels, the type source of every locale.
 *
 * @example
 * germanLabels['state.draft']; // 'Entwurf'
 */
export const germanLabels = {
  'state.draft': 'Entwurf',
  'state.consultation': 'In Konsultation',
  'state.adopted': 'Beschlossen',
  'state.published': 'Veröffentlicht',
  'state.superseded': 'Ersetzt',
  'state.withdrawn': 'Zurückgezogen',
  'contribution.submitted': 'Eingegangen',
  'contribution.published': 'Veröffentlicht',
  'contribution.in-review': 'In Prüfung',
  'contribution.accepted': 'Berücksichtigt',
  'contribution.partially-accepted': 'Teilweise berücksichtigt',
  'contribution.rejected': 'Nicht berücksichtigt',
  'contribution.duplicate': 'Doppelt',
  'contribution.withdrawn': 'Zurückgezogen',
  'author.anonymous': 'anonym',
  'instrument.decree': 'Erlass',
  'instrument.resolution': 'Beschluss',
  'instrument.circular': 'Rundschreiben',
  'bindingness.guidance': 'Orientierungshilfe',
  'bindingness.binding': 'Verbindlich eingeführt',
  'role.main': 'Hauptdokument',
  'role.annex': 'Anlage',
  'role.template': 'Vorlage',
  'role.data-requirements': 'Datenanforderungen',
  'pilot.planned': 'Geplant',
  'pilot.running': 'Laufend',
  'pilot.completed': 'Abgeschlossen',
  'pilot.stopped': 'Abgebrochen',
  'participant.lead': 'Federführung',
  'participant.participant': 'Beteiligt',
  'subject.recommendation': 'Empfehlung',
  'subject.open-source': 'Open-Source-Lösung',
  'reference.norm': 'Norm',
  'reference.law': 'Rechtsvorschrift',
  'reference.recommendation': 'Empfehlung',
  'reference.web': 'Webseite',
  'theme.AGRI': 'Landwirtschaft, Fischerei, Forstwirtschaft und Nahrungsmittel',
  'theme.ECON': 'Wirtschaft und Finanzen',
  'theme.EDUC': 'Bildung, Kultur und Sport',
  'theme.ENER': 'Energie',
  'theme.ENVI': 'Umwelt',
  'theme.GOVE': 'Regierung und öffentlicher Sektor',
  'theme.HEAL': 'Gesundheit',
  'theme.INTR': 'Internationale Themen',
  'theme.JUST': 'Justiz, Rechtssystem und öffentliche Sicherheit',
  'theme.OP_DATPRO': 'Vorläufige Daten',
  'theme.REGI': 'Regionen und Städte',
  'theme.SOCI': 'Bevölkerung und Gesellschaft',
  'theme.TECH': 'Wissenschaft und Technologie',
  'theme.TRAN': 'Verkehr',
  'report.submitted': 'Eingereicht, in Prüfung',
  'report.published': 'Veröffentlicht',
  'report.rejected': 'Abgelehnt',
  'level.federal': 'Bund',
  'level.state': 'Land',
  'level.administrativeDistrict': 'Kreis',
  'level.municipality': 'Kommune',
  'synopsis.number': 'Nr.',
  'synopsis.contribution': 'Beitrag',
  'synopsis.anchor': 'Abschnitt',
  'synopsis.author': 'Einreichende Stelle',
  'synopsis.level': 'Ebene',
  'synopsis.submittedAt': 'Eingegangen am',
  'synopsis.text': 'Stellungnahme',
  'synopsis.state': 'Ergebnis',
  'synopsis.reason': 'Begründung (Abwägung)',
  'synopsis.answeredAt': 'Beantwortet am',
  'synopsis.publishedAt': 'Antwort veröffentlicht am',
  'synopsis.pending': 'Abwägung steht aus',
  'synopsis.duplicateOf': 'siehe Beitrag',
  'feed.recommendations': 'Empfehlungen',
  'feed.experienceReport': 'Erfahrungsbericht',
  'feed.supersededBy': 'ersetzt durch',
  'feed.supersedes': 'ersetzt',
  'feed.effort': 'Aufwand (Personentage)',
  'feed.costs': 'Kosten',
  'feed.wouldRecommend': 'Zur Nachnutzung empfohlen',
  'yes': 'ja',
  'no': 'nein',
} as const;

/** A label key. @example const k: LabelKey = 'state.published'; */
export type LabelKey = keyof typeof germanLabels;

/** English labels, checked against the German keys. */
const en: Record<LabelKey, string> = {
  'state.draft': 'Draft',
  'state.consultation': 'In consultation',
  'state.adopted': 'Adopted',
  'state.published': 'Published',
  'state.superseded': 'Superseded',
  'state.withdrawn': 'Withdrawn',
  'contribution.submitted': 'Submitted',
  'contribution.published': 'Published',
  'contribution.in-review': 'In review',
  'contribution.accepted': 'Accepted',
  'contribution.partially-accepted': 'Partially accepted',
  'contribution.rejected': 'Rejected',
  'contribution.duplicate': 'Duplicate',
  'contribution.withdrawn': 'Withdrawn',
  'author.anonymous': 'anonymous',
  'instrument.decree': 'Decree',
  'instrument.resolution': 'Resolution',
  'instrument.circular': 'Circular',
  'bindingness.guidance': 'Guidance',
  'bindingness.binding': 'Binding',
  'role.main': 'Main document',
  'role.annex': 'Annex',
  'role.template': 'Template',
  'role.data-requirements': 'Data requirements',
  'pilot.planned': 'Planned',
  'pilot.running': 'Running',
  'pilot.completed': 'Completed',
  'pilot.stopped': 'Stopped',
  'participant.lead': 'Lead',
  'participant.participant': 'Participant',
  'subject.recommendation': 'Recommendation',
  'subject.open-source': 'Open-source solution',
  'reference.norm': 'Standard',
  'reference.law': 'Law or regulation',
  'reference.recommendation': 'Recommendation',
  'reference.web': 'Web page',
  'theme.AGRI': 'Agriculture, fisheries, forestry and food',
  'theme.ECON': 'Economy and finance',
  'theme.EDUC': 'Education, culture and sport',
  'theme.ENER': 'Energy',
  'theme.ENVI': 'Environment',
  'theme.GOVE': 'Government and public sector',
  'theme.HEAL': 'Health',
  'theme.INTR': 'International issues',
  'theme.JUST': 'Justice, legal system and public safety',
  'theme.OP_DATPRO': 'Provisional data',
  'theme.REGI': 'Regions and cities',
  'theme.SOCI': 'Population and society',
  'theme.TECH': 'Science and technology',
  'theme.TRAN': 'Transport',
  'report.submitted': 'Submitted, under review',
  'report.published': 'Published',
  'report.rejected': 'Rejected',
  'level.federal': 'Federal',
  'level.state': 'State (Land)',
  'level.administrativeDistrict': 'District',
  'level.municipality': 'Municipality',
  'synopsis.number': 'No.',
  'synopsis.contribution': 'Contribution',
  'synopsis.anchor': 'Section',
  'synopsis.author': 'Submitted by',
  'synopsis.level': 'Level',
  'synopsis.submittedAt': 'Submitted on',
  'synopsis.text': 'Comment',
  'synopsis.state': 'Outcome',
  'synopsis.reason': 'Reason (disposition)',
  'synopsis.answeredAt': 'Answered on',
  'synopsis.publishedAt': 'Answer published on',
  'synopsis.pending': 'Disposition pending',
  'synopsis.duplicateOf': 'see contribution',
  'feed.recommendations': 'Recommendations',
  'feed.experienceReport': 'Experience report',
  'feed.supersededBy': 'superseded by',
  'feed.supersedes': 'supersedes',
  'feed.effort': 'Effort (person-days)',
  'feed.costs': 'Costs',
  'feed.wouldRecommend': 'Recommended for reuse',
  'yes': 'yes',
  'no': 'no',
};

/**
 * German and English labels for every enum value (states, roles, instruments, themes, reference
 * and pilot kinds) and table columns, as flat maps with
 * German as the type source.
 *
 * @example
 * labels.de['state.superseded']; // 'Ersetzt'
 * labels.en['state.superseded']; // 'Superseded'
 */
export const labels: { readonly de: typeof germanLabels; readonly en: Readonly<Record<LabelKey, string>> } = { de: germanLabels, en };

/**
 * One label in a language.
 *
 * @example
 * label('en', 'contribution.partially-accepted'); // 'Partially accepted'
 */
export function label(language: Language, key: LabelKey): string {
  return labels[language][key];
}
