import { type LocalizedText, textOf } from '@foederal/core';
import type { LicenseId } from './common-schemas.js';
import { guardExport } from './export-guard.js';
import { formatDate, type Language } from './labels.js';
import type { Recommendation } from './recommendation-schema.js';

/**
 * Human-readable licence names and the canonical licence texts, per SPDX id.
 *
 * @example
 * licenseNames['DL-DE-BY-2.0'].de; // 'Datenlizenz Deutschland – Namensnennung – Version 2.0'
 */
export const licenseNames = {
  'CC-BY-4.0': { de: 'CC BY 4.0', en: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'DL-DE-BY-2.0': { de: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', en: 'Data licence Germany – attribution – version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
  'DL-DE-ZERO-2.0': { de: 'Datenlizenz Deutschland – Zero – Version 2.0', en: 'Data licence Germany – Zero – version 2.0', url: 'https://www.govdata.de/dl-de/zero-2-0' },
  'CC0-1.0': { de: 'CC0 1.0', en: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
} as const satisfies Record<LicenseId, { de: string; en: string; url: string }>;

/** Options of {@link citation}. @example const o: CitationOptions = { url: 'https://example.org/e/1', accessed: '2026-11-28' }; */
export interface CitationOptions {
  /** Language (default German). */
  readonly language?: Language;
  /** Where the recommendation can be read. */
  readonly url?: string;
  /** Date the URL was accessed (ISO date). */
  readonly accessed?: string;
  /** Title of the successor, for superseded editions (default: its id). */
  readonly successorTitle?: string;
}

/**
 * A citation of one edition in the German style common for publications of public bodies:
 * issuer (Hrsg.), short title and edition, title, running number, version, state and date,
 * licence, URL and access date.
 *
 * @example
 * citation(exampleCatalogue.recommendations[1]!, { url: 'https://example.org/empfehlungen/wartung-2026', accessed: '2026-11-28' });
 * // 'Geschäftsstelle … (Hrsg.): Wartung 2026. Wartung, Inspektion … Empfehlung Nr. 175, Version 1.0.0, veröffentlicht am 4. Mai 2026. Lizenz: CC BY 4.0. Online: https://… (abgerufen am 28. November 2026).'
 */
export function citation(record: Recommendation, options: CitationOptions = {}): string {
  return guardExport('Recommendation', record, () => cite(record, options));
}

function cite(record: Recommendation, options: CitationOptions): string {
  const de = (options.language ?? 'de') === 'de';
  const text = (t: LocalizedText): string => textOf(de ? 'de' : 'en', t);
  const date = (d: string): string => formatDate(de ? 'de' : 'en', d);
  const s = record.status;
  let state: string;
  switch (s.state) {
    case 'draft':
      state = de ? `Entwurf, Stand ${date(record.modified)}` : `draft as of ${date(record.modified)}`;
      break;
    case 'consultation':
      state = de ? `Entwurf zur öffentlichen Konsultation bis ${date(s.closes)}` : `draft in public consultation until ${date(s.closes)}`;
      break;
    case 'adopted':
      state = de ? `beschlossen am ${date(s.date)} (Beschluss ${s.decision}), noch nicht veröffentlicht` : `adopted on ${date(s.date)} (decision ${s.decision}), not yet published`;
      break;
    case 'published':
      state = de ? `veröffentlicht am ${date(record.issued ?? s.date)}` : `published on ${date(record.issued ?? s.date)}`;
      break;
    case 'superseded': {
      const by = options.successorTitle ?? s.by;
      state = de
        ? `veröffentlicht am ${date(record.issued ?? s.date)}, ersetzt durch ${by} am ${date(s.date)}`
        : `published on ${date(record.issued ?? s.date)}, superseded by ${by} on ${date(s.date)}`;
      break;
    }
    case 'withdrawn':
      state = de ? `zurückgezogen am ${date(s.date)}` : `withdrawn on ${date(s.date)}`;
      break;
  }
  const parts = [
    `${text(record.publisher.name)} (${de ? 'Hrsg.' : 'ed.'}): ${text(record.shortTitle)} ${record.edition}. ${text(record.title)}.`,
    `${de ? 'Empfehlung Nr.' : 'Recommendation no.'} ${record.number}, Version ${record.version}, ${state}.`,
  ];
  if (record.license) parts.push(`${de ? 'Lizenz' : 'Licence'}: ${licenseNames[record.license.id][de ? 'de' : 'en']}.`);
  if (options.url) {
    const accessed = options.accessed ? ` (${de ? 'abgerufen am' : 'accessed'} ${date(options.accessed)})` : '';
    parts.push(`Online: ${options.url}${accessed}.`);
  }
  return parts.join(' ');
}
