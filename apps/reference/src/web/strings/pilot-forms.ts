import { translate } from '../i18n.js';

/** German texts of pilot-forms, the type source of the keys. */
export const de = {
  moreParticipants: 'Weitere Beteiligte',
  editPilot: 'Pilotvorhaben bearbeiten',
  newPilot: 'Neues Pilotvorhaben',
  editExisting: 'Bestehende bearbeiten:',
  participatingAdministrations: 'Beteiligte Verwaltungen',
  savePilot: 'Pilotvorhaben speichern',
  createPilot: 'Pilotvorhaben anlegen',
  editJointProject: 'Gemeinschaftsvorhaben bearbeiten',
  newJointProject: 'Neues Gemeinschaftsvorhaben',
  participants: 'Beteiligte',
  saveProject: 'Vorhaben speichern',
  createProject: 'Vorhaben anlegen',
} as const;

/** English texts of pilot-forms, complete by type. */
export const en: Record<keyof typeof de, string> = {
  moreParticipants: 'More participants',
  editPilot: 'Edit pilot',
  newPilot: 'New pilot',
  editExisting: 'Edit existing:',
  participatingAdministrations: 'Participating administrations',
  savePilot: 'Save pilot',
  createPilot: 'Create pilot',
  editJointProject: 'Edit joint project',
  newJointProject: 'New joint project',
  participants: 'Participants',
  saveProject: 'Save project',
  createProject: 'Create project',
};

/** A text of pilot-forms in a language, with its placeholders filled. */
export const pilotFormsText = translate({ de, en });
