import { labels as membershipLabels } from '@foederal/membership';
import type { Lang } from './i18n.js';

type Bi = { de: string; en: string };

/** Lifecycle states of a recommendation. */
export const recommendationStateLabels: Record<string, Bi> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  consultation: { de: 'In Konsultation', en: 'In consultation' },
  adopted: { de: 'Beschlossen', en: 'Adopted' },
  published: { de: 'Veröffentlicht', en: 'Published' },
  superseded: { de: 'Ersetzt', en: 'Superseded' },
  withdrawn: { de: 'Zurückgezogen', en: 'Withdrawn' },
};

/** States of a contribution. */
export const contributionStateLabels: Record<string, Bi> = {
  submitted: { de: 'Eingegangen', en: 'Submitted' },
  published: { de: 'Veröffentlicht', en: 'Published' },
  'in-review': { de: 'In Prüfung', en: 'In review' },
  accepted: { de: 'Berücksichtigt', en: 'Accepted' },
  'partially-accepted': { de: 'Teilweise berücksichtigt', en: 'Partially accepted' },
  rejected: { de: 'Nicht berücksichtigt', en: 'Not accepted' },
  duplicate: { de: 'Dublette', en: 'Duplicate' },
  withdrawn: { de: 'Zurückgezogen', en: 'Withdrawn' },
};

export const pilotStatusLabels: Record<string, Bi> = {
  planned: { de: 'Geplant', en: 'Planned' },
  running: { de: 'Läuft', en: 'Running' },
  completed: { de: 'Abgeschlossen', en: 'Completed' },
  stopped: { de: 'Abgebrochen', en: 'Stopped' },
};

export const reportStateLabels: Record<string, Bi> = {
  submitted: { de: 'Zur Prüfung eingereicht', en: 'Submitted for review' },
  published: { de: 'Veröffentlicht', en: 'Published' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
};

export const attachmentRoleLabels: Record<string, Bi> = {
  main: { de: 'Hauptdokument', en: 'Main document' },
  annex: { de: 'Anlage', en: 'Annex' },
  template: { de: 'Vorlage', en: 'Template' },
  'data-requirements': { de: 'Datenanforderungen (IDS)', en: 'Data requirements (IDS)' },
};

export const administrativeLevelLabels: Record<string, Bi> = {
  federal: { de: 'Bund', en: 'Federal' },
  state: { de: 'Land', en: 'State' },
  administrativeDistrict: { de: 'Kreis', en: 'District' },
  municipality: { de: 'Kommune', en: 'Municipality' },
};

/** A label from one of the tables above, falling back to the raw value. */
export function lbl(table: Record<string, Bi>, value: string, lang: Lang): string {
  return table[value]?.[lang] ?? value;
}

/** A label from the tables of `@foederal/membership`. */
export function memberLabel(group: keyof typeof membershipLabels.de, value: string, lang: Lang): string {
  return ((membershipLabels[lang][group] as Record<string, string>)[value]) ?? value;
}
