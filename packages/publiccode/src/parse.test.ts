// Rules taken from the standard's text (schema.core.rst, schema.it.rst, the 0.7 schema) that the
// reference parser's test files do not cover, each with a hand-written document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { baseDocument, longText, yamlWith } from '../test/fixtures.js';
import { parsePubliccode } from './parse.js';
import { publiccodeSchema } from './schema.js';
import { stringify } from 'yaml';

const keys = async (text: string): Promise<string[]> => (await parsePubliccode(text)).issues.map((i) => `${i.severity} ${i.code} ${i.key}`);

describe('parsePubliccode: a valid document', () => {
  it('gives the typed data with no issue and lists the skipped network checks', async () => {
    const result = await parsePubliccode(stringify(baseDocument()));
    expect(result.outcome).toBe('valid');
    expect(result.issues).toEqual([]);
    expect(result.data?.legal.license).toBe('EUPL-1.2');
    expect(result.data?.description['de']?.features).toEqual(['Konsultation']);
    expect(publiccodeSchema.safeParse(result.data).success).toBe(true);
    expect(result.skippedChecks).toEqual([
      { check: 'reachable', key: 'url', target: 'https://gitlab.opencode.de/beispiel/beispiel.git' },
      { check: 'repository', key: 'url', target: 'https://gitlab.opencode.de/beispiel/beispiel.git' },
    ]);
  });

  it('accepts bytes with a UTF-8 byte order mark', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${stringify(baseDocument())}`);
    expect((await parsePubliccode(bytes)).outcome).toBe('valid');
  });
});

describe('versions', () => {
  it.each([
    ['0', 'valid'],
    ['0.7', 'valid'],
    ['0.7.0', 'valid'],
    ['0.4', 'valid-with-warnings'],
    ['0.5.0', 'valid-with-warnings'],
  ])('publiccodeYmlVersion %s is %s', async (version, outcome) => {
    const result = await parsePubliccode(yamlWith((d) => (d['publiccodeYmlVersion'] = version)));
    expect(result.outcome).toBe(outcome);
    if (outcome !== 'valid') expect(result.warnings[0]?.message).toBe(`v${version} is not the latest version, use '0'. Parsing this file as v0.7.`);
  });

  it('refuses a version written as a number (YAML 1.2: 0.4 is a float) and an unknown one', async () => {
    const text = stringify(baseDocument()).replace('publiccodeYmlVersion: "0"', 'publiccodeYmlVersion: 0.4');
    expect(await keys(text)).toEqual(['error wrong-type publiccodeYmlVersion']);
    expect(await keys(yamlWith((d) => (d['publiccodeYmlVersion'] = '0.6')))).toEqual(['error unsupported-version publiccodeYmlVersion']);
  });
});

describe('value rules of the standard', () => {
  it.each([
    ['EUPL-1.2', []],
    ['MIT OR Apache-2.0', []],
    ['GPL-2.0-only WITH Classpath-exception-2.0', []],
    ['(EUPL-1.2 AND CC-BY-4.0)', []],
    ['Proprietary', ['error spdx legal.license']],
    ['EUPL-1.2 OR', ['error spdx legal.license']],
  ])('legal.license %s', async (license, expected) => {
    expect(await keys(yamlWith((d) => (d['legal'].license = license)))).toEqual(expected);
  });

  it.each([
    ['de-DE', []],
    ['sl-IT-nedis', []],
    ['zh-Hant-TW', []],
    ['de_DE', ['error bcp47 description']],
    ['xx', ['error bcp47 description']],
  ])('description language %s', async (lang, expected) => {
    const text = yamlWith((d) => (d['description'] = { [lang]: d['description'].de }));
    expect((await keys(text)).filter((k) => !k.includes('localisation'))).toEqual(expected);
  });

  it('checks country codes: upper or lower case only, from ISO 3166-1', async () => {
    const text = yamlWith((d) => (d['intendedAudience'] = { countries: ['DE', 'at', 'De', 'XX'], scope: ['government', 'local-authorities', 'space'] }));
    expect(await keys(text)).toEqual([
      'error scope intendedAudience.scope[2]',
      'error country intendedAudience.countries[2]',
      'error country intendedAudience.countries[3]',
      'warning lowercase-country intendedAudience.countries[1]',
    ]);
  });

  it('counts lengths in user-perceived characters (grapheme clusters)', async () => {
    const flags = '🇩🇪'.repeat(150);
    expect(await keys(yamlWith((d) => (d['description'].de.shortDescription = flags)))).toEqual([]);
    expect(await keys(yamlWith((d) => (d['description'].de.shortDescription = `${flags}x`)))).toEqual(['error max-length description.de.shortDescription']);
    expect(await keys(yamlWith((d) => (d['description'].de.longDescription = 'ä'.repeat(149))))).toEqual(['error min-length description.de.longDescription']);
  });

  it('checks dates, URLs and e-mail addresses of contractors', async () => {
    const text = yamlWith((d) => {
      d['maintenance'] = { type: 'contract', contractors: [{ name: 'Firma', until: '2027-02-30', email: 'kein-mail', website: 'ftp://example.org' }] };
      d['releaseDate'] = '2024-02-29';
    });
    expect(await keys(text)).toEqual([
      'error email maintenance.contractors[0].email',
      'error http-url maintenance.contractors[0].website',
      'error date maintenance.contractors[0].until',
    ]);
  });

  it('applies the maintenance rules: contacts for internal and community, contractors only for contract', async () => {
    expect(await keys(yamlWith((d) => (d['maintenance'] = { type: 'community' })))).toEqual(['error required-if maintenance.contacts']);
    expect(await keys(yamlWith((d) => (d['maintenance'] = { type: 'none' })))).toEqual([]);
    expect(await keys(yamlWith((d) => (d['maintenance'] = { type: 'none', contractors: [] })))).toEqual(['error excluded-unless maintenance.contractors']);
    expect(await keys(yamlWith((d) => (d['maintenance'] = { type: 'contract', contractors: [{ name: 'Firma', until: '2030-12-31' }] })))).toEqual([]);
    expect(await keys(yamlWith((d) => (d['maintenance'] = { type: 'yearly' })))).toEqual(['error one-of maintenance.type']);
  });

  it('reads isBasedOn as one URL or a list, and dependency versions written as numbers as text', async () => {
    const result = await parsePubliccode(
      yamlWith((d) => {
        d['isBasedOn'] = 'https://github.com/italia/otello.git';
        d['dependsOn'] = { open: [{ name: 'PostgreSQL', versionMin: 14, optional: true }] };
      }),
    );
    expect(result.outcome).toBe('valid');
    expect(result.data?.isBasedOn).toEqual(['https://github.com/italia/otello.git']);
    expect(result.data?.dependsOn?.open?.[0]?.versionMin).toBe('14');
  });

  it('warns about telephone numbers that are not numbers', async () => {
    const text = yamlWith((d) => (d['maintenance'].contacts[0].phone = 'ruf mich an'));
    expect(await keys(text)).toEqual(['warning phone maintenance.contacts[0].phone']);
  });

  it('checks supports ids against the aliases of standard 0.7 or as URIs', async () => {
    const text = yamlWith((d) => (d['supports'] = [{ id: 'alias:gdpr' }, { id: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' }, { id: 'alias:nope' }, {}]));
    expect(await keys(text)).toEqual(['error support-id supports[2].id', 'error required supports[3].id']);
  });

  it('checks the Italian section: version list, iPA code, deprecations', async () => {
    const text = yamlWith((d) => (d['IT'] = { countryExtensionVersion: '2.0', riuso: { codiceIPA: 'c_h501' }, conforme: { gdpr: true } }));
    expect(await keys(text)).toEqual([
      'error one-of IT.countryExtensionVersion',
      'warning deprecated IT.conforme',
      'warning deprecated IT.riuso.codiceIPA',
    ]);
    const plugged = await parsePubliccode(yamlWith((d) => (d['organisation'] = { uri: 'urn:x-italian-pa:c_h501' })), { isItalianIpaCode: (c) => c === 'pcm' });
    expect(plugged.errors.map((e) => e.key)).toEqual(['organisation.uri']);
  });
});

describe('deprecated keys copied to their successors', () => {
  it('reads a lowercase it section as IT and an iPA code as organisation.uri', async () => {
    const text = yamlWith((d) => {
      d['it'] = { countryExtensionVersion: '1.0', riuso: { codiceIPA: 'pcm' } };
      d['legal'].repoOwner = 'Presidenza del Consiglio';
    });
    const result = await parsePubliccode(text);
    expect(result.outcome).toBe('valid-with-warnings');
    expect(result.data?.IT?.riuso?.codiceIPA).toBe('pcm');
    expect(result.data?.organisation).toEqual({ name: 'Presidenza del Consiglio', uri: 'urn:x-italian-pa:pcm' });
  });
});

describe('structure as the reference parser decodes it', () => {
  it('reports an unknown key inside a section and then what the section lacks', async () => {
    const text = yamlWith((d) => (d['legal'].licence = 'EUPL-1.2'));
    const result = await parsePubliccode(text);
    expect(result.issues.map((i) => [i.code, i.key])).toEqual([
      ['unknown-field', 'legal.licence'],
      ['required', 'legal.license'],
    ]);
  });

  it('points a missing key of a flow mapping at its brace', async () => {
    const text = stringify(baseDocument()).replace(/legal:\n {2}license: EUPL-1.2\n/, 'legal: { mainCopyrightOwner: Bund }\n');
    const result = await parsePubliccode(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('legal:')) + 1;
    expect(result.errors.map((e) => [e.key, e.line, e.column])).toEqual([['legal.license', line, 8]]);
  });

  it('reads yes/no/on/off as strings (YAML 1.2), so they are not booleans', async () => {
    const text = stringify(baseDocument()).replace('localisationReady: true', 'localisationReady: yes');
    expect((await keys(text))[0]).toBe('error wrong-type localisation.localisationReady');
  });
});

describe('network checks through the fetch the caller passes', () => {
  const answering = (status: (url: string) => number, calls: string[] = []): typeof fetch =>
    (async (input: string | URL | Request) => {
      const url = String(input instanceof Request ? input.url : input);
      calls.push(url);
      if (url === 'https://oembed.com/providers.json') {
        return Response.json([{ provider_name: 'Vimeo', endpoints: [{ schemes: ['https://vimeo.com/*'] }] }]);
      }
      return new Response('', { status: status(url) });
    }) as typeof fetch;

  it('reports an unreachable landing page and a URL that is not a git repository', async () => {
    const calls: string[] = [];
    const text = yamlWith((d) => (d['landingURL'] = 'https://example.org/gone'));
    const result = await parsePubliccode(text, { fetch: answering((u) => (u.includes('gone') || u.includes('info/refs') ? 404 : 200), calls) });
    expect(result.errors.map((e) => [e.key, e.message])).toEqual([
      ['url', 'is not a valid code repository'],
      ['landingURL', "'https://example.org/gone' not reachable: HTTP GET returned 404 for https://example.org/gone; 200 was expected"],
    ]);
    expect(calls).toContain('https://gitlab.opencode.de/beispiel/beispiel.git/info/refs?service=git-upload-pack');
    expect(result.skippedChecks).toEqual([]);
  });

  it('accepts videos of oEmbed providers and refuses others', async () => {
    const text = yamlWith((d) => (d['description'].de.videos = ['https://vimeo.com/123', 'https://example.org/video']));
    const result = await parsePubliccode(text, { fetch: answering(() => 200) });
    expect(result.errors.map((e) => e.key)).toEqual(['description.de.videos[1]']);
  });

  it('turns a thrown fetch into an error of the check, not of the parser', async () => {
    const failing = (async () => {
      throw new TypeError('getaddrinfo ENOTFOUND');
    }) as typeof fetch;
    const result = await parsePubliccode(stringify(baseDocument()), { fetch: failing });
    expect(result.errors.map((e) => e.code)).toEqual(['unreachable', 'not-repository']);
  });
});

const spdx = corpus('spdx');
describe.skipIf(!spdx.available)('SPDX licence list data in the shared corpus', () => {
  it('accepts every licence id of the corpus details, German data licences included', async () => {
    const dir = join(spdx.path, 'json', 'details');
    const ids = readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { licenseId: string }).licenseId);
    expect(ids.sort()).toEqual(['CC-BY-4.0', 'CC0-1.0', 'DL-DE-BY-2.0', 'DL-DE-ZERO-2.0', 'EUPL-1.2']);
    for (const id of ids) expect(await keys(yamlWith((d) => (d['legal'].license = `${id} OR MIT`)))).toEqual([]);
  });
});

it('keeps the long description example above the minimum', () => {
  expect([...new Intl.Segmenter().segment(longText)].length).toBeGreaterThanOrEqual(150);
});
