// Offline oEmbed check of `description.*.videos` (ADR 0106). The reference parser matches a video
// URL against the oEmbed provider list it embeds; we load the same list, as published by the
// oEmbed project itself (npm `oembed-providers`, built from github.com/iamcal/oembed, the source
// of https://oembed.com/providers.json), lazily, so users who never check videos don't load it.

/** One provider of the oEmbed list (only what the check reads). */
interface Provider {
  readonly endpoints?: readonly { readonly schemes?: readonly unknown[] }[];
}

/**
 * Patterns of the URL schemes of an oEmbed provider list (the format of
 * https://oembed.com/providers.json): `*` matches any run of characters, everything else itself,
 * case-insensitively, over the whole URL (oEmbed spec §2.1: "URL scheme … may contain `*`
 * wildcards"). Anything in the list that is not a string scheme is ignored.
 *
 * @example
 * ```ts
 * providerPatterns([{ endpoints: [{ schemes: ['https://youtu.be/*'] }] }])[0]?.test('https://youtu.be/x'); // true
 * ```
 */
export function providerPatterns(providers: unknown): readonly RegExp[] {
  const patterns: RegExp[] = [];
  if (!Array.isArray(providers)) return patterns;
  for (const provider of providers as readonly Provider[]) {
    if (typeof provider !== 'object' || provider === null || !Array.isArray(provider.endpoints)) continue;
    for (const endpoint of provider.endpoints) {
      if (typeof endpoint !== 'object' || endpoint === null || !Array.isArray(endpoint.schemes)) continue;
      for (const scheme of endpoint.schemes) {
        if (typeof scheme !== 'string' || scheme.length > 2048) continue;
        const source = scheme.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
        patterns.push(new RegExp(`^${source}$`, 'i'));
      }
    }
  }
  return patterns;
}

let bundled: Promise<readonly RegExp[]> | undefined;

/**
 * The patterns of the provider list shipped with the `oembed-providers` package, loaded once.
 *
 * @example
 * ```ts
 * const patterns = await bundledProviderPatterns();
 * ```
 */
export function bundledProviderPatterns(): Promise<readonly RegExp[]> {
  bundled ??= import('oembed-providers/providers.json', { with: { type: 'json' } }).then((module) => providerPatterns(module.default));
  return bundled;
}

/**
 * True when `url` matches one of the provider schemes.
 *
 * @example
 * ```ts
 * isOembedUrl('https://vimeo.com/76979871', await bundledProviderPatterns()); // true
 * ```
 */
export function isOembedUrl(url: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(url));
}
