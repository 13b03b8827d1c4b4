/**
 * One link of an RFC 8288 `Link` header.
 *
 * @example
 * const link: LinkValue = { href: '/api/v1/pilots?cursor=Mg', rel: ['next'] };
 */
export interface LinkValue {
  /** Target URI as written (may be relative). */
  readonly href: string;
  /** Relation types, lower case. */
  readonly rel: readonly string[];
}

/**
 * Parse an RFC 8288 `Link` header into its links (quoted commas and parameters handled).
 *
 * @example
 * parseLinkHeader('</api/v1/recommendations?cursor=abc>; rel="next"');
 * // [{ href: '/api/v1/recommendations?cursor=abc', rel: ['next'] }]
 */
export function parseLinkHeader(header: string | null | undefined): LinkValue[] {
  if (!header) return [];
  const links: LinkValue[] = [];
  let i = 0;
  const n = header.length;
  while (i < n) {
    while (i < n && (header[i] === ',' || header[i] === ' ' || header[i] === '\t')) i++;
    if (i >= n) break;
    if (header[i] !== '<') {
      // Not a link-value: skip to the next comma outside quotes.
      i = skipToComma(header, i);
      continue;
    }
    const end = header.indexOf('>', i + 1);
    if (end < 0) break;
    const href = header.slice(i + 1, end).trim();
    i = end + 1;
    const rel: string[] = [];
    // Parameters: ; name=value | ; name="value"
    for (;;) {
      while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
      if (header[i] !== ';') break;
      i++;
      while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
      let name = '';
      while (i < n && /[^=;,\s]/.test(header[i] as string)) name += header[i++];
      while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
      let value = '';
      if (header[i] === '=') {
        i++;
        while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
        if (header[i] === '"') {
          i++;
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n) i++;
            value += header[i++];
          }
          i++;
        } else {
          while (i < n && /[^;,\s]/.test(header[i] as string)) value += header[i++];
        }
      }
      if (name.toLowerCase() === 'rel') rel.push(...value.toLowerCase().split(/\s+/).filter(Boolean));
    }
    links.push({ href, rel });
    i = skipToComma(header, i);
  }
  return links;
}

function skipToComma(header: string, start: number): number {
  let i = start;
  let quoted = false;
  while (i < header.length) {
    const c = header[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) return i + 1;
    i++;
  }
  return i;
}

/**
 * Format links as an RFC 8288 `Link` header.
 *
 * @example
 * formatLinkHeader([{ href: '/api/v1/recommendations?cursor=abc', rel: ['next'] }]);
 * // '</api/v1/recommendations?cursor=abc>; rel="next"'
 */
export function formatLinkHeader(links: readonly LinkValue[]): string {
  return links.map((l) => `<${l.href.replace(/[<>\s]/g, encodeURIComponent)}>; rel="${l.rel.join(' ')}"`).join(', ');
}

/**
 * Parse an entity-tag list (`If-Match`, `If-None-Match`): `*` or quoted tags, weak ones with `W/`.
 *
 * @example
 * parseEtagList('W/"1", "2"'); // ['W/"1"', '"2"']
 */
export function parseEtagList(header: string | null | undefined): string[] {
  if (!header) return [];
  if (header.trim() === '*') return ['*'];
  return [...header.matchAll(/(?:W\/)?"[^"]*"/g)].map((m) => m[0]);
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/**
 * Format an entity tag from a version or hash.
 *
 * @example
 * formatEtag(3); // '"3"'
 */
export function formatEtag(value: string | number, options: { readonly weak?: boolean } = {}): string {
  const tag = `"${String(value).replace(/"/g, '')}"`;
  return options.weak ? `W/${tag}` : tag;
}

/**
 * Whether `If-Match` is satisfied by the current ETag (strong comparison, RFC 9110 §13.1.1).
 * An absent header is not satisfied; use the contract's `ifMatch: 'required'` to answer 428.
 *
 * @example
 * ifMatchSatisfied('"3"', '"3"'); // true
 * ifMatchSatisfied('"2"', '"3"'); // false -> 412
 */
export function ifMatchSatisfied(header: string | null | undefined, currentEtag: string | undefined): boolean {
  const tags = parseEtagList(header);
  if (currentEtag === undefined) return false;
  if (tags.includes('*')) return true;
  if (currentEtag.startsWith('W/')) return false;
  return tags.some((t) => !t.startsWith('W/') && t === currentEtag);
}

/**
 * Whether `If-None-Match` matches the current ETag (weak comparison, RFC 9110 §13.1.2): then a
 * GET answers `304 Not Modified`.
 *
 * @example
 * ifNoneMatchMatches('W/"3"', '"3"'); // true -> 304
 */
export function ifNoneMatchMatches(header: string | null | undefined, currentEtag: string | undefined): boolean {
  const tags = parseEtagList(header);
  if (currentEtag === undefined) return false;
  if (tags.includes('*')) return true;
  return tags.some((t) => opaque(t) === opaque(currentEtag));
}
