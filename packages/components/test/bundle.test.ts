// The release bundle is one self-contained ES module: it imports nothing and loads nothing from
// any host (the absolute URLs it contains are data such as licence IRIs, never fetched).
import { describe, expect, it } from 'vitest';
import { bundleText } from '../scripts/bundle.mjs';

describe('dist/foederal-components.js', async () => {
  const text = await bundleText();

  it('registers all six elements', () => {
    for (const tag of ['recommendation-list', 'recommendation', 'consultation-form', 'contributions', 'roster', 'vote-result']) {
      expect(text).toContain(`"foederal-${tag}"`);
    }
  });
  it('has no import of another module, static or dynamic', () => {
    expect(text).not.toMatch(/(^|[;}\s])import\s*[\w{*$"'`]/);
    expect(text).not.toMatch(/\bimport\s*\(/);
    expect(text).not.toMatch(/\bimportScripts\s*\(/);
  });
  it('loads no resource from an absolute URL (CSS url(), @import, fetch, src, href, workers)', () => {
    const loading = [
      /url\(\s*["']?(https?:)?\/\//i,
      /@import\s/i,
      /fetch\(\s*["'`](https?:)?\/\//i,
      /\b(src|href|action)\s*=\s*\\?["'](https?:)?\/\//i,
      /new\s+(Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*["'`]/i,
      /sendBeacon\(/,
      /<link[^>]+(https?:)?\/\//i,
    ];
    for (const pattern of loading) expect(text, String(pattern)).not.toMatch(pattern);
  });
  it('contains absolute URLs only as data of the records (licences, sources of rules, placeholders)', () => {
    const urls = [...new Set(text.match(/https?:\/\/[^\s"'`)\\]+/g) ?? [])];
    const data = /^(http:\/\/dcat-ap\.de\/def\/licenses\/|https:\/\/creativecommons\.org\/(licenses|publicdomain)\/|https:\/\/www\.govdata\.de\/dl-de\/|https:\/\/www\.(it-planungsrat|is-argebau)\.de\/|https:\/\/gitlab\.opencode\.de\/$|https:\/\/empty\.invalid$|http:\/\/invalid\/$)/;
    expect(urls.filter((u) => !data.test(u))).toEqual([]);
  });
});
