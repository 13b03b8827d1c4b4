import { licenseNames } from './citation.js';
import { guardExport } from './export-guard.js';
import { textOf, type Language } from './labels.js';
import type { Recommendation } from './recommendation-schema.js';

/** Options of {@link toCreativeWork}. @example const o: CreativeWorkOptions = { url: 'https://example.org/empfehlungen/wartung-2026' }; */
export interface CreativeWorkOptions {
  /** The web page the JSON-LD is embedded in (becomes `@id` and `url`). */
  readonly url: string;
  /** Language of the texts (default `de`). */
  readonly language?: Language;
  /** Page URL of another recommendation, for `isBasedOn` links to the predecessor. */
  readonly pageOf?: (id: string) => string;
}

const creativeWorkStatus: Record<Recommendation['status']['state'], string> = {
  draft: 'Draft',
  consultation: 'Draft',
  adopted: 'Adopted',
  published: 'Published',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

/**
 * schema.org `CreativeWork` JSON-LD for the web page of a recommendation (non-binding
 * recommendations are creative works, not `Legislation`), ready for a
 * `<script type="application/ld+json">` element.
 *
 * @example
 * const jsonLd = toCreativeWork(record, { url: 'https://example.org/empfehlungen/wartung-2026' });
 * html += `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`;
 */
export function toCreativeWork(record: Recommendation, options: CreativeWorkOptions): Record<string, unknown> {
  return guardExport('Recommendation', record, () => creativeWork(record, options));
}

function creativeWork(record: Recommendation, options: CreativeWorkOptions): Record<string, unknown> {
  const language = options.language ?? 'de';
  const work: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': options.url,
    url: options.url,
    name: `${textOf(language, record.shortTitle)} ${record.edition}`,
    alternativeHeadline: textOf(language, record.title),
    headline: textOf(language, record.title),
    description: textOf(language, record.description),
    identifier: [
      { '@type': 'PropertyValue', propertyID: 'laufende Nummer', value: record.number },
      { '@type': 'PropertyValue', propertyID: 'id', value: record.id },
    ],
    version: record.version,
    inLanguage: language === 'de' ? 'de-DE' : 'en',
    creativeWorkStatus: creativeWorkStatus[record.status.state],
    dateModified: record.modified,
    keywords: record.keywords.map((k) => textOf(language, k)).join(', '),
    publisher: {
      '@type': 'GovernmentOrganization',
      '@id': record.publisher.id,
      name: textOf(language, record.publisher.name),
      ...(record.publisher.homepage ? { url: record.publisher.homepage } : {}),
      ...(record.publisher.email ? { email: record.publisher.email } : {}),
    },
    creator: {
      '@type': 'Organization',
      name: textOf(language, record.workingGroup.name),
      member: [record.workingGroup.lead, ...record.workingGroup.contributors].map((p) => ({
        '@type': 'Person',
        name: p.name,
        ...(p.organisation ? { affiliation: { '@type': 'Organization', name: p.organisation } } : {}),
      })),
    },
    associatedMedia: record.attachments.map((a) => ({
      '@type': 'MediaObject',
      name: textOf(language, a.title),
      contentUrl: a.downloadUrl,
      encodingFormat: a.mediaType,
      contentSize: `${a.byteSize} B`,
      sha256: a.sha256,
    })),
    isAccessibleForFree: true,
  };
  if (record.issued !== undefined) work['datePublished'] = record.issued;
  if (record.license) {
    work['license'] = licenseNames[record.license.id].url;
    work['copyrightNotice'] = record.license.attribution;
  }
  if (record.supersedes !== undefined && options.pageOf) work['isBasedOn'] = options.pageOf(record.supersedes);
  if (record.status.state === 'superseded' || record.status.state === 'withdrawn') work['expires'] = record.status.date;
  return work;
}
