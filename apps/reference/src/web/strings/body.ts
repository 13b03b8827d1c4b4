import { translate } from '../i18n.js';

/** German texts of body, the type source of the keys. */
export const de = {
  seatsPerLevelVoting: 'Sitze je Ebene: stimmberechtigt und beratend',
  voting: 'stimmberechtigt',
  advisory: 'beratend',
  solidBarsVotingSeats: 'Volle Balken: stimmberechtigte Sitze; helle Balken: beratende Sitze. Die Tabelle unten enthält dieselben Zahlen.',
  rulesOfProcedure: 'Geschäftsordnung',
  chairCurrently: 'Vorsitz derzeit',
  seatBalance: 'Sitzverteilung',
  seatsPerLevel: 'Sitze je Ebene',
  level: 'Ebene',
  theCompositionCompliesWith: 'Die Zusammensetzung entspricht der Geschäftsordnung.',
  deviationsFromTheRules: 'Abweichungen von der Geschäftsordnung',
  membersOfThePlenary: 'Mitglieder des Plenums',
  onBehalfOf: 'Für',
  person: 'Person',
  membership: 'Mitgliedschaft',
  organs: 'Organe',
  machineReadable: 'Maschinenlesbar',
} as const;

/** English texts of body, complete by type. */
export const en: Record<keyof typeof de, string> = {
  seatsPerLevelVoting: 'Seats per level: voting and advisory',
  voting: 'voting',
  advisory: 'advisory',
  solidBarsVotingSeats: 'Solid bars: voting seats; light bars: advisory seats. The table below holds the same figures.',
  rulesOfProcedure: 'Rules of procedure',
  chairCurrently: 'Chair currently',
  seatBalance: 'Seat balance',
  seatsPerLevel: 'Seats per level',
  level: 'Level',
  theCompositionCompliesWith: 'The composition complies with the rules of procedure.',
  deviationsFromTheRules: 'Deviations from the rules of procedure',
  membersOfThePlenary: 'Members of the plenary',
  onBehalfOf: 'On behalf of',
  person: 'Person',
  membership: 'Membership',
  organs: 'Organs',
  machineReadable: 'Machine-readable',
};

/** A text of body in a language, with its placeholders filled. */
export const bodyText = translate({ de, en });
