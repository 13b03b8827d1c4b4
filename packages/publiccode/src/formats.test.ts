import { describe, expect, it } from 'vitest';
import { graphemeLength, isBcp47, isCountryCode, isDate, isEmail, isHttpUrl, isOrganisationUri, isPhoneNumber, isUrl } from './formats.js';

describe('value checks', () => {
  it.each([
    ['https://gitlab.opencode.de/foederal/foederal.git', true, true],
    ['git://example.org/repo.git', true, false],
    ['urn:x-italian-pa:pcm', true, false],
    ['mailto:poststelle@example.de', true, false],
    ['file:///srv/repo', true, false],
    ['file:///', false, false],
    ['http:/no-host', false, false],
    ['https://', false, false],
    ['example.org', false, false],
    ['git@github.com:a/b.git', false, false],
    ['https://example.org/a b', false, false],
    ['https://example.org/%zz', false, false],
    ['https://user@example.org:8443/p?q=1#f', true, true],
  ])('%s: URL %s, HTTP URL %s (RFC 3986 reading)', (value, url, http) => {
    expect([isUrl(value), isHttpUrl(value)]).toEqual([url, http]);
  });

  it('checks calendar dates, e-mail addresses, phone numbers, country codes and BCP 47 tags', () => {
    expect([isDate('2024-02-29'), isDate('2023-02-29'), isDate('2024-2-1'), isDate('2011-01-01 20:04:05')]).toEqual([true, false, false, false]);
    expect([isEmail('poststelle@bund.de'), isEmail('a@b'), isEmail('kein mail@x.de'), isEmail('@x.de')]).toEqual([true, true, false, false]);
    expect([isPhoneNumber('+49 30 18 681-0'), isPhoneNumber('(030) 1234/56'), isPhoneNumber('12'), isPhoneNumber('+49 30 CALL-NOW')]).toEqual([true, true, false, false]);
    expect([isCountryCode('DE'), isCountryCode('de'), isCountryCode('De'), isCountryCode('EU'), isCountryCode('UK')]).toEqual([true, true, false, false, false]);
    expect([isBcp47('de'), isBcp47('de-AT'), isBcp47('gsw-CH'), isBcp47('en_GB'), isBcp47('i-klingon'), isBcp47('x-private')]).toEqual([true, true, true, false, true, false]);
  });

  it('accepts URN and URL organisation identifiers, and checks Italian iPA codes in URNs', () => {
    expect([isOrganisationUri('urn:x-italian-pa:c_h501'), isOrganisationUri('urn:x-italian-pa:NO CODE'), isOrganisationUri('https://www.bund.de'), isOrganisationUri('pcm'), isOrganisationUri('1')]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('counts grapheme clusters: flags, combining marks and CR LF count once', () => {
    expect(graphemeLength('Gebäude')).toBe(7);
    expect(graphemeLength('🇩🇪🇦🇹')).toBe(2);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('a\r\nb')).toBe(3);
  });
});
