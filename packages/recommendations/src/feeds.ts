import type { Catalogue } from './catalogue-schema.js';
import { guardExport } from './export-guard.js';
import type { Attachment } from './common-schemas.js';
import type { ExperienceReport, Pilot } from './pilot-schema.js';
import type { Recommendation } from './recommendation-schema.js';
import { formatDate, formatEuro, label, textOf, type Language } from './labels.js';

/** Options of the feeds. @example const o: FeedOptions = { feedUrl: 'https://example.org/feed.xml' }; */
export interface FeedOptions {
  /** Language of titles and texts (default `de`). */
  readonly language?: Language;
  /** URL the feed itself is served at (Atom `rel="self"`, JSON Feed `feed_url`). */
  readonly feedUrl?: string;
  /** Only entries about this recommendation: its edition and the reports of its pilots. */
  readonly recommendation?: string;
  /** Include published experience reports (default true). */
  readonly experienceReports?: boolean;
  /** Web page of a recommendation (default `<homepage>empfehlungen/<id>`). */
  readonly recommendationPage?: (recommendation: Recommendation) => string;
  /** Web page of a report (default `<homepage>erfahrungsberichte/<id>`). */
  readonly reportPage?: (report: ExperienceReport) => string;
}

/** One feed entry, shared by the Atom and JSON Feed writers. */
interface Entry {
  readonly kind: 'recommendation' | 'experience-report';
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  readonly published: string;
  readonly updated: string;
  readonly author: string;
  readonly tags: readonly { term: string; label: string }[];
  readonly links: readonly { rel: string; href: string; title?: string }[];
  readonly attachments: readonly Attachment[];
  readonly rights: string | undefined;
  readonly extension: Record<string, unknown>;
}

const base = (catalogue: Catalogue): string => catalogue.homepage.replace(/\/?$/, '/');
const toDateTime = (date: string): string => (date.length === 10 ? `${date}T00:00:00Z` : date);

function editionTitle(r: Recommendation, language: Language): string {
  return `${textOf(language, r.shortTitle)} ${r.edition} (${language === 'de' ? 'Nr.' : 'no.'} ${r.number})`;
}

function recommendationEntries(catalogue: Catalogue, options: FeedOptions): Entry[] {
  const language = options.language ?? 'de';
  const page = (r: Recommendation): string => options.recommendationPage?.(r) ?? `${base(catalogue)}empfehlungen/${r.id}`;
  const byId = new Map(catalogue.recommendations.map((r) => [r.id, r]));
  return catalogue.recommendations
    .filter((r) => r.status.state === 'published' || r.status.state === 'superseded')
    .filter((r) => options.recommendation === undefined || r.id === options.recommendation)
    .map((r): Entry => {
      const successor = r.supersededBy !== undefined ? byId.get(r.supersededBy) : undefined;
      const predecessor = r.supersedes !== undefined ? byId.get(r.supersedes) : undefined;
      const superseded = r.status.state === 'superseded';
      const marker = superseded && successor
        ? ` – ${label(language, 'state.superseded')}, ${label(language, 'feed.supersededBy')} ${editionTitle(successor, language)}`
        : superseded ? ` – ${label(language, 'state.superseded')}` : '';
      const links: { rel: string; href: string; title?: string }[] = [{ rel: 'alternate', href: page(r) }];
      if (successor) links.push({ rel: 'successor-version', href: page(successor), title: editionTitle(successor, language) });
      if (predecessor) links.push({ rel: 'predecessor-version', href: page(predecessor), title: editionTitle(predecessor, language) });
      const statusLine = superseded && r.status.state === 'superseded'
        ? `${label(language, 'state.superseded')} (${formatDate(language, r.status.date)})`
        : `${label(language, 'state.published')} (${formatDate(language, r.issued ?? r.modified)})`;
      return {
        kind: 'recommendation',
        id: `${catalogue.id}/empfehlungen/${r.id}`,
        url: page(r),
        title: `${editionTitle(r, language)}: ${textOf(language, r.title)}${marker}`,
        summary: textOf(language, r.description),
        content: [textOf(language, r.description), `${statusLine}; Version ${r.version}`].join('\n\n'),
        published: toDateTime(r.issued ?? r.modified),
        updated: r.modified,
        author: textOf(language, r.publisher.name),
        tags: [
          { term: superseded ? 'superseded' : 'published', label: label(language, superseded ? 'state.superseded' : 'state.published') },
          ...r.keywords.map((k) => ({ term: textOf(language, k), label: textOf(language, k) })),
        ],
        links,
        attachments: r.attachments,
        rights: r.license ? `${r.license.attribution}, ${r.license.id}` : undefined,
        extension: {
          kind: 'recommendation', number: r.number, edition: r.edition, version: r.version, status: r.status.state,
          ...(r.supersededBy !== undefined ? { supersededBy: r.supersededBy } : {}),
          ...(r.supersedes !== undefined ? { supersedes: r.supersedes } : {}),
        },
      };
    });
}

function pilotAbout(pilot: Pilot | undefined, recommendation: string | undefined): boolean {
  return recommendation === undefined || (pilot?.subject.kind === 'recommendation' && pilot.subject.recommendation === recommendation);
}

function reportEntries(catalogue: Catalogue, options: FeedOptions): Entry[] {
  if (options.experienceReports === false) return [];
  const language = options.language ?? 'de';
  const pilots = new Map(catalogue.pilots.map((p) => [p.id, p]));
  const recommendations = new Map(catalogue.recommendations.map((r) => [r.id, r]));
  const page = (r: ExperienceReport): string => options.reportPage?.(r) ?? `${base(catalogue)}erfahrungsberichte/${r.id}`;
  return catalogue.experienceReports
    .filter((r) => r.status.state === 'published')
    .filter((r) => pilotAbout(pilots.get(r.pilot), options.recommendation))
    .map((r): Entry => {
      const pilot = pilots.get(r.pilot);
      const date = r.status.state === 'published' ? r.status.date : r.date;
      const lines = [
        ...r.worked.map((w) => `+ ${textOf(language, w)}`),
        ...r.didNotWork.map((w) => `− ${textOf(language, w)}`),
        `${label(language, 'feed.effort')}: ${r.effortPersonDays}; ${label(language, 'feed.costs')}: ${formatEuro(language, r.costs.amountCents)}; ${label(language, 'feed.wouldRecommend')}: ${label(language, r.wouldRecommend ? 'yes' : 'no')}`,
      ];
      const links: { rel: string; href: string; title?: string }[] = [{ rel: 'alternate', href: page(r) }];
      if (pilot?.subject.kind === 'open-source') links.push({ rel: 'related', href: pilot.subject.repository, title: pilot.subject.name });
      if (pilot?.subject.kind === 'recommendation') {
        const rec = recommendations.get(pilot.subject.recommendation);
        if (rec) {
          links.push({
            rel: 'related',
            href: options.recommendationPage?.(rec) ?? `${base(catalogue)}empfehlungen/${rec.id}`,
            title: editionTitle(rec, language),
          });
        }
      }
      return {
        kind: 'experience-report',
        id: `${catalogue.id}/erfahrungsberichte/${r.id}`,
        url: page(r),
        title: `${label(language, 'feed.experienceReport')}: ${textOf(language, r.title)}`,
        summary: lines.join('\n'),
        content: lines.join('\n'),
        published: toDateTime(date),
        updated: toDateTime(date),
        author: `${r.author.organisation} (${r.author.jurisdiction.name})`,
        tags: [
          { term: 'experience-report', label: label(language, 'feed.experienceReport') },
          { term: `pilot:${r.pilot}`, label: pilot ? textOf(language, pilot.title) : r.pilot },
          { term: `level:${r.author.jurisdiction.level}`, label: label(language, `level.${r.author.jurisdiction.level}`) },
        ],
        links,
        attachments: r.attachments,
        rights: r.license ? `${r.license.attribution}, ${r.license.id}` : undefined,
        extension: {
          kind: 'experience-report', pilot: r.pilot, jurisdiction: r.author.jurisdiction, effortPersonDays: r.effortPersonDays,
          costsCents: r.costs.amountCents, wouldRecommend: r.wouldRecommend,
        },
      };
    });
}

function entries(catalogue: Catalogue, options: FeedOptions): Entry[] {
  return guardExport('Catalogue', catalogue, () => [...recommendationEntries(catalogue, options), ...reportEntries(catalogue, options)]
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id)));
}

// Characters XML 1.0 forbids are dropped; the rest is escaped.
// eslint-disable-next-line no-control-regex -- control characters are what must be removed
const xmlForbidden = new RegExp('[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]', 'g');

function xml(value: string): string {
  return value.replace(xmlForbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The catalogue as an Atom feed (RFC 4287): one entry per published or superseded edition (marked
 * with a `superseded` category, a `successor-version` link and a note in the title) and one per
 * published experience report, newest first.
 *
 * @example
 * const xml = toAtom(exampleCatalogue, { feedUrl: 'https://example.org/feeds/atom.xml' });
 */
export function toAtom(catalogue: Catalogue, options: FeedOptions = {}): string {
  return guardExport('Catalogue', catalogue, () => atom(catalogue, options));
}

function atom(catalogue: Catalogue, options: FeedOptions): string {
  const language = options.language ?? 'de';
  const list = entries(catalogue, options);
  const updated = list.reduce((max, e) => (Date.parse(e.updated) > Date.parse(max) ? e.updated : max), catalogue.modified);
  const selfUrl = options.feedUrl ?? `${catalogue.id}/atom.xml`;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    `  <id>${xml(options.recommendation ? `${catalogue.id}/empfehlungen/${options.recommendation}/feed` : `${catalogue.id}/feed`)}</id>`,
    `  <title type="text">${xml(textOf(language, catalogue.title))}</title>`,
    `  <subtitle type="text">${xml(textOf(language, catalogue.description))}</subtitle>`,
    `  <updated>${xml(updated)}</updated>`,
    '  <author>',
    `    <name>${xml(textOf(language, catalogue.publisher.name))}</name>`,
    ...(catalogue.publisher.homepage ? [`    <uri>${xml(catalogue.publisher.homepage)}</uri>`] : []),
    ...(catalogue.publisher.email ? [`    <email>${xml(catalogue.publisher.email)}</email>`] : []),
    '  </author>',
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(catalogue.homepage)}"/>`,
    '  <generator uri="https://www.npmjs.com/package/@foederal/recommendations">@foederal/recommendations</generator>',
  ];
  for (const e of list) {
    out.push(
      '  <entry>',
      `    <id>${xml(e.id)}</id>`,
      `    <title type="text">${xml(e.title)}</title>`,
      `    <updated>${xml(e.updated)}</updated>`,
      `    <published>${xml(e.published)}</published>`,
      `    <author><name>${xml(e.author)}</name></author>`,
      ...e.links.map((l) => `    <link rel="${xml(l.rel)}" href="${xml(l.href)}"${l.rel === 'alternate' ? ' type="text/html"' : ''}${l.title ? ` title="${xml(l.title)}"` : ''}/>`),
      ...e.attachments.map((a) => `    <link rel="enclosure" href="${xml(a.downloadUrl)}" type="${xml(a.mediaType)}" length="${a.byteSize}" title="${xml(textOf(language, a.title))}"/>`),
      ...e.tags.map((t) => `    <category term="${xml(t.term)}" label="${xml(t.label)}"/>`),
      `    <summary type="text">${xml(e.summary)}</summary>`,
      `    <content type="text">${xml(e.content)}</content>`,
      ...(e.rights ? [`    <rights type="text">${xml(e.rights)}</rights>`] : []),
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/** A JSON Feed 1.1 document. @example const f: JsonFeed = toJsonFeed(exampleCatalogue); */
export interface JsonFeed {
  readonly version: 'https://jsonfeed.org/version/1.1';
  readonly title: string;
  readonly home_page_url: string;
  readonly feed_url: string;
  readonly description: string;
  readonly language: string;
  readonly authors: readonly { name: string; url?: string }[];
  readonly items: readonly JsonFeedItem[];
}

/** A JSON Feed item, with the `_foederal` extension carrying status and numbers. @example const i: JsonFeedItem = toJsonFeed(exampleCatalogue).items[0]!; */
export interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly content_text: string;
  readonly summary: string;
  readonly date_published: string;
  readonly date_modified: string;
  readonly authors: readonly { name: string }[];
  readonly tags: readonly string[];
  readonly language: string;
  readonly attachments?: readonly { url: string; mime_type: string; title: string; size_in_bytes: number }[];
  readonly _foederal: Record<string, unknown>;
}

/**
 * The catalogue as JSON Feed 1.1: the same entries as {@link toAtom}; superseded editions carry
 * the tag `superseded` and `_foederal.supersededBy`.
 *
 * @example
 * const feed = toJsonFeed(exampleCatalogue, { feedUrl: 'https://example.org/feeds/feed.json' });
 */
export function toJsonFeed(catalogue: Catalogue, options: FeedOptions = {}): JsonFeed {
  return guardExport('Catalogue', catalogue, () => jsonFeed(catalogue, options));
}

function jsonFeed(catalogue: Catalogue, options: FeedOptions): JsonFeed {
  const language = options.language ?? 'de';
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: textOf(language, catalogue.title),
    home_page_url: catalogue.homepage,
    feed_url: options.feedUrl ?? `${catalogue.id}/feed.json`,
    description: textOf(language, catalogue.description),
    language,
    authors: [{ name: textOf(language, catalogue.publisher.name), ...(catalogue.publisher.homepage ? { url: catalogue.publisher.homepage } : {}) }],
    items: entries(catalogue, options).map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.content,
      summary: e.summary,
      date_published: e.published,
      date_modified: e.updated,
      authors: [{ name: e.author }],
      tags: e.tags.map((t) => t.term),
      language,
      ...(e.attachments.length > 0 ? {
        attachments: e.attachments.map((a) => ({ url: a.downloadUrl, mime_type: a.mediaType, title: textOf(language, a.title), size_in_bytes: a.byteSize })),
      } : {}),
      _foederal: { ...e.extension, links: e.links },
    })),
  };
}
