import { translate } from '../i18n.js';

/** German texts of votes, the type source of the keys. */
export const de = {
  notQuorate: 'nicht beschlussfähig',
  votesPerLevel: 'Stimmen je Ebene',
  level: 'Ebene',
  total: 'Gesamt',
  explanationUnderTheRules: 'Begründung nach der Geschäftsordnung',
  met: 'erfüllt: ',
  notMet: 'nicht erfüllt: ',
  recordAVote: 'Abstimmung erfassen',
  decision: 'Beschluss',
  date: 'Datum',
  subject: 'Gegenstand',
  result: 'Ergebnis',
  kindOfMotion: 'Art des Antrags',
  recommendationOptional: 'Empfehlung (optional)',
  presenceAndBallots: 'Anwesenheit und Stimmen',
  member: 'Mitglied',
  present: 'anwesend',
  ballot: 'Stimme',
  none: 'keine',
  noVote: 'ohne Stimmrecht',
  evaluateAndSave: 'Auswerten und speichern',
  evaluatedFromBallots: 'Ausgewertet mit evaluateDecision (@foederal/membership) aus den erfassten Stimmen.',
  importedDecision: 'Übernommener Beschluss.',
} as const;

/** English texts of votes, complete by type. */
export const en: Record<keyof typeof de, string> = {
  notQuorate: 'not quorate',
  votesPerLevel: 'Votes per level',
  level: 'Level',
  total: 'Total',
  explanationUnderTheRules: 'Explanation under the rules of procedure',
  met: 'met: ',
  notMet: 'not met: ',
  recordAVote: 'Record a vote',
  decision: 'Decision',
  date: 'Date',
  subject: 'Subject',
  result: 'Result',
  kindOfMotion: 'Kind of motion',
  recommendationOptional: 'Recommendation (optional)',
  presenceAndBallots: 'Presence and ballots',
  member: 'Member',
  present: 'present',
  ballot: 'Ballot',
  none: 'none',
  noVote: 'no vote',
  evaluateAndSave: 'Evaluate and save',
  evaluatedFromBallots: 'Evaluated with evaluateDecision (@foederal/membership) from the recorded ballots.',
  importedDecision: 'Imported decision.',
};

/** A text of votes in a language, with its placeholders filled. */
export const votesText = translate({ de, en });
