// The `videos` rule from the standard's text: "Videos must be hosted on a video sharing website
// that supports the oEmbed standard; popular options are YouTube and Vimeo" (publiccode.yml
// standard, description/videos). Checked offline against the bundled oEmbed provider list.
import { describe, expect, it } from 'vitest';
import { yamlWith } from '../test/fixtures.js';
import { bundledProviderPatterns, isOembedUrl, providerPatterns } from './oembed.js';
import { parsePubliccode } from './parse.js';

const withVideos = (videos: unknown[]): string => yamlWith((d) => (d['description'].de.videos = videos));

describe('videos: oEmbed providers, offline', () => {
  it('accepts YouTube and Vimeo videos without fetch and without skipping the check', async () => {
    const result = await parsePubliccode(withVideos(['https://www.youtube.com/watch?v=RaHmGbBOP84', 'https://youtu.be/RaHmGbBOP84', 'https://vimeo.com/76979871']));
    expect(result.issues).toEqual([]);
    expect(result.skippedChecks.filter((s) => s.check === 'oembed')).toEqual([]);
  });

  it('refuses a URL of a site that is no oEmbed provider, offline, with the reference message', async () => {
    const result = await parsePubliccode(withVideos(['https://vimeo.com/76979871', 'https://google.com']));
    expect(result.errors.map((e) => [e.key, e.message])).toEqual([
      ['description.de.videos[1]', "'https://google.com' is not a valid video URL supporting oEmbed: invalid oEmbed link: https://google.com"],
    ]);
    expect(result.outcome).toBe('invalid');
  });

  it('reports a value that is no URL twice: not an HTTP URL, and not an oEmbed link', async () => {
    const result = await parsePubliccode(withVideos(['ABC']));
    expect(result.errors.map((e) => [e.key, e.code])).toEqual([
      ['description.de.videos[0]', 'http-url'],
      ['description.de.videos[0]', 'oembed'],
    ]);
  });

  it('matches the whole URL: a provider host inside another URL is not enough', async () => {
    const patterns = await bundledProviderPatterns();
    expect(patterns.length).toBeGreaterThan(100);
    expect(isOembedUrl('https://vimeo.com/76979871', patterns)).toBe(true);
    expect(isOembedUrl('https://example.org/?next=https://vimeo.com/76979871', patterns)).toBe(false);
    expect(isOembedUrl('https://example.org/vimeo.com/76979871', patterns)).toBe(false);
  });
});

describe('provider list patterns', () => {
  it('treats * as a wildcard and every other character literally, case-insensitively', () => {
    const [pattern] = providerPatterns([{ endpoints: [{ schemes: ['https://youtu.be/*'] }] }]);
    expect(pattern?.test('https://youtu.be/abc')).toBe(true);
    expect(pattern?.test('HTTPS://YOUTU.BE/abc')).toBe(true);
    expect(pattern?.test('https://youtuXbe/abc')).toBe(false); // '.' is literal
    expect(pattern?.test('http://youtu.be/abc')).toBe(false); // the scheme is part of the pattern
  });

  it('ignores what is not a list of providers with string schemes', () => {
    expect(providerPatterns(null)).toEqual([]);
    expect(providerPatterns({ endpoints: [] })).toEqual([]);
    expect(providerPatterns([null, 1, { endpoints: 'x' }, { endpoints: [null, { schemes: [1, null, { a: 1 }] }] }])).toEqual([]);
    expect(providerPatterns([{ endpoints: [{ schemes: ['(', '[a-', 'https://x.org/*'] }] }]).map((p) => p.source)).toEqual(['^\\($', '^\\[a-$', '^https:\\/\\/x\\.org\\/.*$']);
  });
});

describe('a provider list the caller names', () => {
  const serving = (body: () => Response, calls: string[]): typeof fetch =>
    (async (input: string | URL | Request) => {
      const url = String(input instanceof Request ? input.url : input);
      calls.push(url);
      return url === 'https://lists.example/providers.json' ? body() : new Response('', { status: 200 });
    }) as typeof fetch;

  it('is fetched once and used instead of the bundled list', async () => {
    const calls: string[] = [];
    const fetch = serving(() => Response.json([{ endpoints: [{ schemes: ['https://video.example/*'] }] }]), calls);
    const options = { fetch, oembedProvidersUrl: 'https://lists.example/providers.json' };
    const result = await parsePubliccode(withVideos(['https://video.example/1', 'https://vimeo.com/76979871']), options);
    expect(result.errors.map((e) => e.key)).toEqual(['description.de.videos[1]']);
    await parsePubliccode(withVideos(['https://video.example/2']), options);
    expect(calls.filter((c) => c === 'https://lists.example/providers.json')).toHaveLength(1);
  });

  it('falls back to the bundled list when the named list fails or is not a provider list', async () => {
    for (const body of [() => new Response('gone', { status: 404 }), () => new Response('{not json'), () => Response.json({ providers: [] })]) {
      const result = await parsePubliccode(withVideos(['https://vimeo.com/76979871', 'https://google.com']), {
        fetch: serving(body, []),
        oembedProvidersUrl: 'https://lists.example/providers.json',
      });
      expect(result.errors.map((e) => e.key)).toEqual(['description.de.videos[1]']);
    }
  });
});
