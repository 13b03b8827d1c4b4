import { bilingual, translate } from '../i18n.js';

/** German texts of meetings, the type source of the keys. */
export const de = {
  agenda: 'Tagesordnung',
  moreAgendaItems: 'Weitere Tagesordnungspunkte',
  createMeeting: 'Sitzung anlegen',
  subject: 'Gegenstand',
  decision: 'Beschluss',
  recordTheVote: 'Abstimmung erfassen',
  meetings: 'Sitzungen',
  noMeetingsYet: 'Noch keine Sitzungen.',
  createAMeeting: 'Sitzung anlegen',
  voteOnItem: 'Abstimmung zu TOP',
  alreadyVoted: 'Schon abgestimmt: {decision}',
  presenceAndBallots: 'Anwesenheit und Stimmen',
  member: 'Mitglied',
  present: 'anwesend',
  ballot: 'Stimme',
  none: 'keine',
  noVote: 'ohne Stimmrecht',
  evaluateAndSave: 'Auswerten und speichern',
  scheduled: 'terminiert',
  invited: 'eingeladen',
  held: 'durchgeführt',
  nameOfTheMeeting: 'Bezeichnung der Sitzung',
  date: 'Datum',
  startTime: 'Beginn (Uhrzeit)',
  timeExample: 'z. B. 10:00',
  place: 'Ort',
  state: 'Stand',
  adoptionOfARecommendation: 'Beschluss einer Empfehlung',
  procedural: 'Verfahrensfrage',
} as const;

/** English texts of meetings, complete by type. */
export const en: Record<keyof typeof de, string> = {
  agenda: 'Agenda',
  moreAgendaItems: 'More agenda items',
  createMeeting: 'Create meeting',
  subject: 'Subject',
  decision: 'Decision',
  recordTheVote: 'Record the vote',
  meetings: 'Meetings',
  noMeetingsYet: 'No meetings yet.',
  createAMeeting: 'Create a meeting',
  voteOnItem: 'Vote on item',
  alreadyVoted: 'Already voted: {decision}',
  presenceAndBallots: 'Presence and ballots',
  member: 'Member',
  present: 'present',
  ballot: 'Ballot',
  none: 'none',
  noVote: 'no vote',
  evaluateAndSave: 'Evaluate and save',
  scheduled: 'scheduled',
  invited: 'invited',
  held: 'held',
  nameOfTheMeeting: 'Name of the meeting',
  date: 'Date',
  startTime: 'Start (time)',
  timeExample: 'e.g. 10:00',
  place: 'Place',
  state: 'State',
  adoptionOfARecommendation: 'Adoption of a recommendation',
  procedural: 'Procedural',
};

/** A text of meetings in a language, with its placeholders filled. */
export const meetingsText = translate({ de, en });

/** A text of meetings in both languages, for form labels and hints. */
export const meetingsPair = bilingual({ de, en });
