// Checks of single values: URLs, dates, e-mail addresses, phone numbers, BCP 47 language tags,
// ISO 3166-1 country codes, SPDX licence expressions, organisation URIs, media types, lengths.
import { parse as parseBcp47 } from 'bcp-47';
import parseSpdx from 'spdx-expression-parse';
import {
  extlangSubtags,
  grandfatheredTags,
  iso3166Alpha2,
  languageSubtags,
  regionSubtags,
  scriptSubtags,
  variantSubtags,
} from './data/subtags.generated.js';

const setOf = (list: string): ReadonlySet<string> => new Set(list.split(' '));
let subtags:
  | { language: ReadonlySet<string>; extlang: ReadonlySet<string>; script: ReadonlySet<string>; region: ReadonlySet<string>; variant: ReadonlySet<string>; grandfathered: ReadonlySet<string>; countries: ReadonlySet<string> }
  | undefined;
const lists = (): NonNullable<typeof subtags> =>
  (subtags ??= {
    language: setOf(languageSubtags),
    extlang: setOf(extlangSubtags),
    script: setOf(scriptSubtags),
    region: setOf(regionSubtags),
    variant: setOf(variantSubtags),
    grandfathered: setOf(grandfatheredTags),
    countries: setOf(iso3166Alpha2),
  });

/**
 * Counts user-perceived characters (grapheme clusters), as the standard's length limits mean.
 *
 * @example
 * ```ts
 * graphemeLength('🇩🇪 Bund'); // 6
 * ```
 */
export function graphemeLength(text: string): number {
  // Fast path: printable Latin text without CR or combining marks has one cluster per code unit.
  if (/^[\n\t\x20-\x7E\u00A0-\u02FF]*$/.test(text)) return text.length;
  let count = 0;
  for (const _ of segmenter().segment(text)) count += 1;
  return count;
}
let cachedSegmenter: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (cachedSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

interface UrlParts {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly opaque: string;
  readonly fragment: string;
}

const hasControlCharacter = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

/** Splits an absolute URL the way RFC 3986 (and Go's net/url) reads it; undefined when it has no scheme. */
function splitUrl(value: string): UrlParts | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):([^]*)$/.exec(value);
  if (!match || /\s/.test(value) || hasControlCharacter(value) || /%(?![0-9A-Fa-f]{2})/.test(value)) return undefined;
  const scheme = (match[1] as string).toLowerCase();
  let rest = match[2] as string;
  const hash = rest.indexOf('#');
  const fragment = hash >= 0 ? rest.slice(hash + 1) : '';
  if (hash >= 0) rest = rest.slice(0, hash);
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
    const host = authority.replace(/^[^@]*@/, '').replace(/:\d*$/, '');
    return { scheme, host, path: slash >= 0 ? rest.slice(slash) : '', opaque: '', fragment };
  }
  return rest.startsWith('/') ? { scheme, host: '', path: rest, opaque: '', fragment } : { scheme, host: '', path: '', opaque: rest, fragment };
}

/**
 * An absolute URL: a scheme and then a host (`https://…`, `git://…`), an opaque part
 * (`urn:…`, `mailto:…`) or a fragment; `file:` URLs need a path.
 *
 * @example
 * ```ts
 * isUrl('git://example.org/repo.git'); // true
 * ```
 */
export function isUrl(value: string): boolean {
  const url = splitUrl(value);
  if (!url) return false;
  if (url.scheme === 'file') return url.path !== '' && url.path !== '/';
  return url.host !== '' || url.opaque !== '' || url.fragment !== '';
}

/**
 * An absolute `http:` or `https:` URL with a host.
 *
 * @example
 * ```ts
 * isHttpUrl('ftp://example.org'); // false
 * ```
 */
export function isHttpUrl(value: string): boolean {
  const url = splitUrl(value);
  return url !== undefined && (url.scheme === 'http' || url.scheme === 'https') && url.host !== '';
}

/**
 * A calendar date written `YYYY-MM-DD` (ISO 8601 / RFC 3339 full-date).
 *
 * @example
 * ```ts
 * isDate('2024-02-29'); // true, isDate('2023-02-29'); // false
 * ```
 */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// The HTML Living Standard's "valid e-mail address" (a willful violation of RFC 5322 that
// matches what people type), https://html.spec.whatwg.org/#valid-e-mail-address
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * An e-mail address as the HTML standard defines a valid one.
 *
 * @example
 * ```ts
 * isEmail('poststelle@example.de'); // true
 * ```
 */
export function isEmail(value: string): boolean {
  return emailPattern.test(value);
}

/**
 * A telephone number as people write it: digits with an optional leading `+` (E.164 style) and
 * spaces, hyphens, dots, slashes or parentheses, 3 to 15 digits (E.164 allows at most 15).
 *
 * @example
 * ```ts
 * isPhoneNumber('+49 (30) 1234-567'); // true
 * ```
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ()./-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15;
}

/**
 * A well-formed BCP 47 tag whose subtags are all in the IANA Language Subtag Registry.
 *
 * @example
 * ```ts
 * isBcp47('de-DE'); // true, isBcp47('de_DE'); // false
 * ```
 */
export function isBcp47(value: string): boolean {
  const lower = value.toLowerCase();
  const known = lists();
  if (known.grandfathered.has(lower)) return true;
  const tag = parseBcp47(value);
  if (!tag.language) return false;
  const language = tag.language.toLowerCase();
  const privateUse = /^q[a-t][a-z]$/.test(language);
  if (!privateUse && !known.language.has(language)) return false;
  if (tag.extendedLanguageSubtags.some((s) => !known.extlang.has(s.toLowerCase()))) return false;
  if (tag.script && !known.script.has(tag.script.toLowerCase())) return false;
  if (tag.region && !known.region.has(tag.region.toLowerCase())) return false;
  if (tag.variants.some((s) => !known.variant.has(s.toLowerCase()))) return false;
  return true;
}

/**
 * An ISO 3166-1 alpha-2 code, all upper case or all lower case (`DE`, `de`).
 *
 * @example
 * ```ts
 * isCountryCode('De'); // false
 * ```
 */
export function isCountryCode(value: string): boolean {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return false;
  return lists().countries.has(value.toUpperCase());
}

/**
 * A valid SPDX licence expression (`EUPL-1.2`, `MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`).
 *
 * @example
 * ```ts
 * isSpdxExpression('EUPL-1.2 OR MIT'); // true
 * ```
 */
export function isSpdxExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

// RFC 8141 URN syntax: urn:<NID>:<NSS>
const urnPattern = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:(?:[A-Za-z0-9()+,\-.:=@;$_!*'/?#~&]|%[0-9A-Fa-f]{2})+$/i;

/**
 * Code of an Italian public administration in the IndicePA (syntax: lower-case letters, digits, `_`).
 *
 * @example
 * ```ts
 * isItalianIpaCode('c_h501'); // true
 * ```
 */
export function isItalianIpaCode(value: string): boolean {
  return /^[a-z0-9][a-z0-9_]{1,15}$/.test(value);
}

/**
 * An organisation URI: a URN (`urn:x-italian-pa:<iPA code>` also checks the code) or a URL with
 * scheme and host.
 *
 * @example
 * ```ts
 * isOrganisationUri('urn:x-italian-pa:pcm'); // true
 * ```
 */
export function isOrganisationUri(value: string, ipa: (code: string) => boolean = isItalianIpaCode): boolean {
  if (/^urn:/i.test(value)) {
    if (!urnPattern.test(value)) return false;
    const match = /^urn:x-italian-pa:(.*)$/i.exec(value);
    return match ? ipa(match[1] as string) : true;
  }
  const url = splitUrl(value);
  return url !== undefined && url.host !== '';
}

// RFC 6838 type/subtype (the pattern of jshttp/media-typer)
const mimePattern = /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/;

/**
 * A media type (MIME type) `type/subtype` as RFC 6838 defines it.
 *
 * @example
 * ```ts
 * isMediaType('text/plain'); // true
 * ```
 */
export function isMediaType(value: string): boolean {
  return mimePattern.test(value);
}
