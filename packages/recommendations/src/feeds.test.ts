import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { toAtom, toJsonFeed, ValidationError, type Catalogue } from './index.js';
import { exampleCatalogue } from './examples.js';

interface El { name: string; attributes: Record<string, string>; children: El[]; text: string }

/** Parse with a real XML parser (saxes); throws on any well-formedness error. */
function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = typeof v === 'string' ? v : v.value;
    const el: El = { name: `${tag.uri}|${tag.local}`, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => { const top = stack.at(-1); if (top) top.text += t; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(text).close();
  return root;
}

const A = 'http://www.w3.org/2005/Atom|';
const kids = (el: El | undefined, local: string): El[] => el?.children.filter((c) => c.name === A + local) ?? [];
const one = (el: El | undefined, local: string): El | undefined => kids(el, local)[0];
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const absoluteIri = /^[a-z][a-z0-9+.-]*:\S+$/i;

const released = exampleCatalogue.recommendations.filter((r) => r.status.state === 'published' || r.status.state === 'superseded');
const publishedReports = exampleCatalogue.experienceReports.filter((r) => r.status.state === 'published');

describe('Atom feed (RFC 4287)', () => {
  const feed = one(parseXml(toAtom(exampleCatalogue, { feedUrl: 'https://example.org/feed.atom' })), 'feed');

  it('is well-formed and carries every required feed element', () => {
    expect(feed).toBeDefined();
    for (const name of ['id', 'title', 'updated']) expect(kids(feed, name), name).toHaveLength(1);
    expect(one(feed, 'id')?.text).toMatch(absoluteIri);
    expect(one(feed, 'updated')?.text).toMatch(rfc3339);
    expect(one(one(feed, 'author'), 'name')?.text.length).toBeGreaterThan(0);
    expect(kids(feed, 'link').find((l) => l.attributes['rel'] === 'self')?.attributes['href']).toBe('https://example.org/feed.atom');
  });

  it('has one entry per published or superseded edition and per published report, each complete', () => {
    const entries = kids(feed, 'entry');
    expect(entries).toHaveLength(released.length + publishedReports.length);
    const ids = new Set<string>();
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) expect(kids(entry, name), name).toHaveLength(1);
      const id = one(entry, 'id')?.text ?? '';
      expect(id).toMatch(absoluteIri);
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(one(entry, 'updated')?.text).toMatch(rfc3339);
      expect(one(entry, 'published')?.text).toMatch(rfc3339);
      const hasContent = kids(entry, 'content').length === 1;
      const alternate = kids(entry, 'link').filter((l) => (l.attributes['rel'] ?? 'alternate') === 'alternate');
      expect(hasContent || alternate.length > 0).toBe(true);
      expect(alternate.length).toBeLessThanOrEqual(1);
    }
  });

  it('lists entries newest first', () => {
    const updated = kids(feed, 'entry').map((e) => Date.parse(one(e, 'updated')?.text ?? ''));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
  });

  it('marks the superseded edition with a category, a successor link and its title', () => {
    const entry = kids(feed, 'entry').find((e) => one(e, 'id')?.text.endsWith('/empfehlungen/wartung-2022'));
    expect(kids(entry, 'category').map((c) => c.attributes['term'])).toContain('superseded');
    expect(kids(entry, 'link').find((l) => l.attributes['rel'] === 'successor-version')?.attributes['href'])
      .toBe('https://empfehlungen.foederal.example/empfehlungen/wartung-2026');
    expect(one(entry, 'title')?.text).toContain('Ersetzt, ersetzt durch Wartung 2026 (Nr. 175)');
    const successor = kids(feed, 'entry').find((e) => one(e, 'id')?.text.endsWith('/empfehlungen/wartung-2026'));
    expect(kids(successor, 'link').find((l) => l.attributes['rel'] === 'predecessor-version')).toBeDefined();
    expect(kids(successor, 'category').map((c) => c.attributes['term'])).not.toContain('superseded');
  });

  it('announces documents as enclosures with type and length', () => {
    const entry = kids(feed, 'entry').find((e) => one(e, 'id')?.text.endsWith('/empfehlungen/wartung-2026'));
    const enclosures = kids(entry, 'link').filter((l) => l.attributes['rel'] === 'enclosure');
    expect(enclosures.map((l) => [l.attributes['type'], l.attributes['length']])).toEqual([['text/markdown', '1113'], ['text/csv', '408']]);
  });

  it('filters to one recommendation and the reports of its pilots', () => {
    const filtered = one(parseXml(toAtom(exampleCatalogue, { recommendation: 'wartung-2026' })), 'feed');
    const ids = kids(filtered, 'entry').map((e) => one(e, 'id')?.text.split('/').slice(-2).join('/'));
    expect(ids.sort()).toEqual([
      'empfehlungen/wartung-2026', 'erfahrungsberichte/bericht-leipzig-wartung-2026', 'erfahrungsberichte/bericht-sachsen-wartung-2026',
    ]);
  });

  it('stays well-formed with hostile text (control characters, lone surrogates, markup)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (title, description) => {
      const catalogue: Catalogue = {
        ...exampleCatalogue,
        title: { de: `${title}x` },
        recommendations: exampleCatalogue.recommendations.map((r) => ({ ...r, description: { de: `${description}<b>&amp;</b>]]>` } })),
      };
      const parsed = one(parseXml(toAtom(catalogue)), 'feed');
      expect(one(parsed, 'title')?.text.endsWith('x')).toBe(true);
    }), { numRuns: 150 });
  });
});

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(JSON.stringify(toJsonFeed(exampleCatalogue, { feedUrl: 'https://example.org/feed.json' }))) as Record<string, unknown>;
  const items = feed['items'] as Record<string, unknown>[];

  it('carries the required top-level fields', () => {
    expect(feed['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed['title']).toBe('string');
    expect(feed['feed_url']).toBe('https://example.org/feed.json');
    expect(Array.isArray(items)).toBe(true);
  });

  it('has the same entries as the Atom feed, each with id and content, RFC 3339 dates and only _-prefixed extensions', () => {
    expect(items).toHaveLength(released.length + publishedReports.length);
    const allowed = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image',
      'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments']);
    for (const item of items) {
      expect(typeof item['id']).toBe('string');
      expect(typeof item['content_text'] === 'string' || typeof item['content_html'] === 'string').toBe(true);
      expect(item['date_published']).toMatch(rfc3339);
      expect(item['date_modified']).toMatch(rfc3339);
      for (const key of Object.keys(item)) expect(allowed.has(key) || key.startsWith('_'), key).toBe(true);
      for (const a of (item['attachments'] as Record<string, unknown>[] | undefined) ?? []) {
        expect(typeof a['url']).toBe('string');
        expect(typeof a['mime_type']).toBe('string');
      }
    }
  });

  it('marks superseded editions', () => {
    const old = items.find((i) => String(i['id']).endsWith('/wartung-2022'));
    expect(old?.['tags']).toContain('superseded');
    expect(old?.['_foederal']).toMatchObject({ status: 'superseded', supersededBy: 'wartung-2026' });
  });

  it('carries experience reports with jurisdiction, effort and costs', () => {
    const report = items.find((i) => String(i['id']).endsWith('/bericht-leipzig-wartung-2026'));
    expect(report?.['_foederal']).toMatchObject({ kind: 'experience-report', pilot: 'pilot-wartung-2026-sachsen', effortPersonDays: 11, costsCents: 320_000 });
    expect(report?.['content_text']).toContain('3.200,00 €');
  });
});

describe('exporters on input that is not what its type promises', () => {
  it('report the JSON path of the problem instead of crashing', () => {
    const broken = structuredClone(exampleCatalogue) as unknown as { recommendations: Record<string, unknown>[] };
    delete broken.recommendations[1]?.['title'];
    for (const run of [() => toAtom(broken as unknown as Catalogue), () => toJsonFeed(broken as unknown as Catalogue)]) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues.map((i) => i.jsonPath)).toContain('$.recommendations[1].title');
    }
  });
});
