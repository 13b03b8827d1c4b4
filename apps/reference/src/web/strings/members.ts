import { translate } from '../i18n.js';

/** German texts of members, the type source of the keys. */
export const de = {
  newJurisdictionOrOrganisation: 'Neue Gebietskörperschaft oder Organisation (bei „Neue …“)',
  saveMembership: 'Mitgliedschaft speichern',
  addMember: 'Mitglied hinzufügen',
  noMembersYet: 'Noch keine Mitglieder.',
  membersAndSeatsOf: 'Mitglieder und Sitze des Plenums',
  person: 'Person',
  represents: 'Vertritt',
  kind: 'Art',
  vote: 'Stimmrecht',
  role: 'Rolle',
  term: 'Zeitraum',
  change: 'Ändern',
  yes: 'ja',
  no: 'nein',
  edit: 'Bearbeiten',
  bodyAndMembers: 'Gremium und Mitglieder',
  setUpTheBody: 'Gremium anlegen',
  setUpBody: 'Gremium anlegen',
  publicPageOfThe: 'Öffentliche Seite des Gremiums',
  theSeatBalanceMeets: 'Die Sitzverteilung entspricht der Geschäftsordnung.',
  deviationsFromTheRules: 'Abweichungen von der Geschäftsordnung',
  changeMembership: 'Mitgliedschaft ändern',
  addAMember: 'Mitglied hinzufügen',
} as const;

/** English texts of members, complete by type. */
export const en: Record<keyof typeof de, string> = {
  newJurisdictionOrOrganisation: 'New jurisdiction or organisation (with "New …")',
  saveMembership: 'Save membership',
  addMember: 'Add member',
  noMembersYet: 'No members yet.',
  membersAndSeatsOf: 'Members and seats of the plenary',
  person: 'Person',
  represents: 'Represents',
  kind: 'Kind',
  vote: 'Vote',
  role: 'Role',
  term: 'Term',
  change: 'Change',
  yes: 'yes',
  no: 'no',
  edit: 'Edit',
  bodyAndMembers: 'Body and members',
  setUpTheBody: 'Set up the body',
  setUpBody: 'Set up body',
  publicPageOfThe: 'Public page of the body',
  theSeatBalanceMeets: 'The seat balance meets the rules of procedure.',
  deviationsFromTheRules: 'Deviations from the rules',
  changeMembership: 'Change membership',
  addAMember: 'Add a member',
};

/** A text of members in a language, with its placeholders filled. */
export const membersText = translate({ de, en });
