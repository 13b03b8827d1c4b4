import { translate } from '../i18n.js';

/** German texts of the solution section: the source of the key type; English is checked against it. */
export const de = {
  heading: 'Die Lösung laut publiccode.yml',
  source: 'Gelesen aus dem openCode-Repository',
  ref: 'Stand',
  name: 'Name',
  description: 'Beschreibung',
  licence: 'Lizenz',
  maintenance: 'Wartung',
  platforms: 'Plattformen',
  version: 'Version',
  validation: 'Prüfung der publiccode.yml',
  valid: 'gültig',
  validWithWarnings: 'gültig mit Hinweisen',
  invalid: 'ungültig',
  unreachable: 'openCode ist nicht erreichbar; die Angaben der publiccode.yml können gerade nicht gezeigt werden.',
  missing: 'Das Repository enthält keine publiccode.yml.',
  refused: 'Die publiccode.yml wurde zurückgewiesen.',
  contractors: 'Auftragnehmer',
  contacts: 'Kontakt',
  none: '–',
  maintenanceInternal: 'intern',
  maintenanceContract: 'im Auftrag',
  maintenanceCommunity: 'Community',
  maintenanceNone: 'keine',
  asOf: 'abgerufen',
  opencodeUnreachable: 'openCode nicht erreichbar',
} as const;

/** English texts of the solution section, complete by type. */
export const en: Record<keyof typeof de, string> = {
  heading: 'The solution according to its publiccode.yml',
  source: 'Read from the openCode repository',
  ref: 'Ref',
  name: 'Name',
  description: 'Description',
  licence: 'Licence',
  maintenance: 'Maintenance',
  platforms: 'Platforms',
  version: 'Version',
  validation: 'Check of the publiccode.yml',
  valid: 'valid',
  validWithWarnings: 'valid with warnings',
  invalid: 'invalid',
  unreachable: 'openCode is unreachable; the publiccode.yml data cannot be shown right now.',
  missing: 'The repository has no publiccode.yml.',
  refused: 'The publiccode.yml was refused.',
  contractors: 'Contractors',
  contacts: 'Contact',
  none: '–',
  maintenanceInternal: 'internal',
  maintenanceContract: 'under contract',
  maintenanceCommunity: 'community',
  maintenanceNone: 'none',
  asOf: 'fetched',
  opencodeUnreachable: 'openCode unreachable',
};

/** A text of the solution section in a language. */
export const opencodeSolutionText = translate({ de, en });
