// Checks beyond the rules: deprecations, country-code case, the Italian section, and the checks of
// files and URLs the document points to (logo, screenshots, AUTHORS file, reachability, code
// repository, oEmbed videos). Files are read through `readFile`, the network only through the
// `fetch` the caller passes; a check that cannot run is listed as skipped.
import { graphemeLength, isCountryCode, isItalianIpaCode, isPhoneNumber } from './formats.js';
import { bundledProviderPatterns, isOembedUrl, providerPatterns } from './oembed.js';
import type { IssueCode, IssueParams } from './issues.js';
import { descriptionKey, type PendingIssue } from './validate.js';

/**
 * A check that needs a file or the network and did not run.
 *
 * @example
 * ```ts
 * const skipped: SkippedCheck = { check: 'reachable', key: 'url', target: 'https://example.org/repo.git' };
 * ```
 */
export interface SkippedCheck {
  /** `reachable` (URL answers 200), `repository` (URL is a git repository), `oembed` (video URL
   * of an oEmbed provider), `file` (a referenced file exists and has the right format). */
  readonly check: 'reachable' | 'repository' | 'oembed' | 'file';
  readonly key: string;
  /** The URL or path that would have been checked. */
  readonly target: string;
}

/** What the external checks may use. */
export interface CheckContext {
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly baseUrl: URL | undefined;
  readonly readFile: ((url: URL) => Promise<Uint8Array | undefined>) | undefined;
  readonly timeoutMs: number;
  /** A provider list to fetch instead of the bundled one (only with `fetch`). */
  readonly oembedProvidersUrl: string | undefined;
  readonly isItalianIpaCode: (code: string) => boolean;
}

/** Smallest logo width the reference parser accepts for PNG logos. */
export const minLogoWidth = 120;
const maxDownloadBytes = 10 * 1024 * 1024;

type Obj = Readonly<Record<string, unknown>>;
const asObj = (value: unknown): Obj | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined);
const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asStr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const providerCache = new WeakMap<typeof globalThis.fetch, Map<string, Promise<readonly RegExp[]>>>();

/** Width of a PNG from its IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngWidth(bytes: Uint8Array): number | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = view.getUint32(16);
  return width === 0 ? undefined : width;
}

const extensionOf = (url: URL): string => {
  const name = url.pathname.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};
/** File endings the reference parser accepts for logos and for screenshots. */
const logoExtensions: readonly string[] = ['.svg', '.svgz', '.png'];
const screenshotExtensions: readonly string[] = ['.jpg', '.png'];
/** Stand-in base to read the ending of a relative path when no `baseUrl` is given. */
const offlineBase = 'file:///repository/';
/** True when the ending of `value`, read without a base, is not one of `allowed`; false when unreadable. */
const wrongEnding = (value: string, allowed: readonly string[]): boolean =>
  URL.canParse(value, offlineBase) && !allowed.includes(extensionOf(new URL(value, offlineBase)));

const display = (url: URL): string => (url.protocol === 'file:' ? decodeURIComponent(url.pathname) : url.href);

/** Runs the checks; returns issues (without positions) and the skipped checks. */
export async function runChecks(doc: Obj, ctx: CheckContext): Promise<{ issues: PendingIssue[]; skipped: SkippedCheck[] }> {
  const issues: PendingIssue[] = [];
  const skipped: SkippedCheck[] = [];
  const push = (severity: PendingIssue['severity'], code: IssueCode, key: string, params: IssueParams = {}): void => {
    issues.push({ severity, code, key, params: { field: key.split('.').pop() ?? key, ...params } });
  };
  const deprecated = (key: string, replacement?: string): void => push('warning', 'deprecated', key, replacement ? { replacement } : {});

  const get = async (url: string): Promise<Response> => {
    const f = ctx.fetch as typeof globalThis.fetch;
    return f(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(ctx.timeoutMs) });
  };
  const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

  const reachable = async (key: string, value: unknown): Promise<void> => {
    const url = asStr(value);
    if (url === undefined) return;
    if (!ctx.fetch) {
      skipped.push({ check: 'reachable', key, target: url });
      return;
    }
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || !URL.canParse(url)) {
      push('error', 'unreachable', key, { target: url, reason: 'missing URL scheme' });
      return;
    }
    try {
      const response = await get(url);
      await response.body?.cancel();
      if (response.status !== 200) {
        push('error', 'unreachable', key, { target: url, reason: `HTTP GET returned ${response.status} for ${url}; 200 was expected` });
      }
    } catch (error) {
      push('error', 'unreachable', key, { target: url, reason: `HTTP GET failed for ${url}: ${reason(error)}` });
    }
  };

  // Loads a referenced file: `undefined` = skipped, `null` = missing, bytes otherwise.
  const load = async (key: string, url: URL, onMissing: (reasonText: string) => void): Promise<Uint8Array | undefined | null> => {
    if (url.protocol === 'file:') {
      if (!ctx.readFile) {
        skipped.push({ check: 'file', key, target: display(url) });
        return undefined;
      }
      let bytes: Uint8Array | undefined;
      try {
        bytes = await ctx.readFile(url);
      } catch (error) {
        onMissing(reason(error));
        return null;
      }
      if (!bytes) onMissing('not found');
      return bytes ?? null;
    }
    if (!ctx.fetch) {
      skipped.push({ check: 'file', key, target: url.href });
      return undefined;
    }
    try {
      const response = await get(url.href);
      if (!response.ok) {
        await response.body?.cancel();
        onMissing(response.status === 404 ? 'not found' : `status ${response.status}`);
        return null;
      }
      const buffer = new Uint8Array(await response.arrayBuffer());
      return buffer.byteLength > maxDownloadBytes ? buffer.subarray(0, maxDownloadBytes) : buffer;
    } catch (error) {
      onMissing(reason(error));
      return null;
    }
  };

  const resolve = (key: string, value: string): URL | undefined => {
    if (/^https?:\/\//i.test(value) && URL.canParse(value)) return new URL(value);
    if (!ctx.baseUrl) {
      skipped.push({ check: 'file', key, target: value });
      return undefined;
    }
    const base = new URL(ctx.baseUrl.href.endsWith('/') ? ctx.baseUrl.href : `${ctx.baseUrl.href}/`);
    return new URL(value, base);
  };

  const relativeOrUrl = (key: string, value: string): boolean => {
    if (value.startsWith('/')) {
      push('error', 'absolute-path', key);
      return false;
    }
    if (value.startsWith('file:')) {
      push('error', 'file-url', key);
      return false;
    }
    return true;
  };

  const logo = async (key: string, value: string): Promise<void> => {
    if (!relativeOrUrl(key, value)) return;
    const url = resolve(key, value);
    if (!url) {
      // Without baseUrl the file cannot be read, but a wrong format is visible in the name alone.
      if (wrongEnding(value, logoExtensions)) push('error', 'bad-extension', key, { target: value });
      return;
    }
    const target = display(url);
    if (!logoExtensions.includes(extensionOf(url))) {
      push('error', 'bad-extension', key, { target });
      return;
    }
    const bytes = await load(key, url, (why) =>
      url.protocol === 'file:'
        ? push('error', 'file-missing', key, { target })
        : push('error', 'download-failed', key, { target, reason: why }),
    );
    if (!bytes || extensionOf(url) !== '.png') return;
    const width = pngWidth(bytes);
    if (width === undefined) push('error', 'not-image', key);
    else if (width < minLogoWidth) push('error', 'image-too-small', key, { width, limit: minLogoWidth, target });
  };

  const isRepository = async (value: unknown): Promise<void> => {
    const url = asStr(value);
    if (url === undefined || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return;
    if (!ctx.fetch) {
      skipped.push({ check: 'repository', key: 'url', target: url });
      return;
    }
    // Git's smart HTTP protocol: every git host answers this for a repository.
    const probe = `${url.replace(/\/+$/, '')}/info/refs?service=git-upload-pack`;
    try {
      const response = await get(probe);
      await response.body?.cancel();
      if (response.status !== 200) push('error', 'not-repository', 'url');
    } catch {
      push('error', 'not-repository', 'url');
    }
  };

  // The bundled list (offline, as upstream); a caller-given list URL is fetched through `fetch`
  // once per fetch function and URL, and the bundled list stands in when that fails (ADR 0106).
  const oembedProviders = (): Promise<readonly RegExp[]> => {
    const f = ctx.fetch;
    const listUrl = ctx.oembedProvidersUrl;
    if (!f || listUrl === undefined) return bundledProviderPatterns();
    let perUrl = providerCache.get(f);
    if (!perUrl) {
      perUrl = new Map();
      providerCache.set(f, perUrl);
    }
    let cached = perUrl.get(listUrl);
    if (!cached) {
      cached = (async () => {
        try {
          const response = await get(listUrl);
          if (response.ok) {
            const patterns = providerPatterns(await response.json());
            if (patterns.length > 0) return patterns;
          }
        } catch {
          // fall through to the bundled list
        }
        return bundledProviderPatterns();
      })();
      perUrl.set(listUrl, cached);
    }
    return cached;
  };

  await reachable('url', doc['url']);
  await isRepository(doc['url']);
  await reachable('landingURL', doc['landingURL']);
  await reachable('roadmap', doc['roadmap']);

  const logoValue = asStr(doc['logo']);
  if (logoValue) await logo('logo', logoValue);
  const mono = asStr(doc['monochromeLogo']);
  if (mono) {
    deprecated('monochromeLogo', "'logo'");
    await logo('monochromeLogo', mono);
  }

  const audience = asObj(doc['intendedAudience']);
  for (const name of ['countries', 'unsupportedCountries']) {
    asList(audience?.[name]).forEach((item, i) => {
      const code = asStr(item) ?? '';
      if (isCountryCode(code) && code === code.toLowerCase()) {
        push('warning', 'lowercase-country', `intendedAudience.${name}[${i}]`, { upper: code.toUpperCase() });
      }
    });
  }

  const legal = asObj(doc['legal']) ?? {};
  const authors = asStr(legal['authorsFile']);
  if (authors !== undefined) {
    deprecated('legal.authorsFile');
    if (relativeOrUrl('legal.authorsFile', authors)) {
      const url = resolve('legal.authorsFile', authors);
      if (url) await load('legal.authorsFile', url, () => push('error', 'file-missing', 'legal.authorsFile', { target: display(url), role: 'authors' }));
    }
  }
  if (legal['repoOwner'] !== undefined) deprecated('legal.repoOwner', "'organisation.name'");
  if (doc['inputTypes'] !== undefined) deprecated('inputTypes');
  if (doc['outputTypes'] !== undefined) deprecated('outputTypes');

  const description = asObj(doc['description']) ?? {};
  for (const lang of Object.keys(description)) {
    const block = asObj(description[lang]) ?? {};
    const prefix = descriptionKey(lang);
    if (asStr(block['genericName'])) deprecated(`${prefix}.genericName`);
    // The standard (schema.core, description/[lang]/features; older texts lack it): "Each feature must use
    // a maximum of 100 characters." The reference parser does not check it (features: gt=0,dive),
    // so a longer feature is a warning, not an error: the file stays valid as upstream (ADR 0107).
    for (const [i, item] of asList(block['features']).entries()) {
      const feature = asStr(item);
      const length = feature === undefined ? 0 : graphemeLength(feature);
      if (length > 100) push('warning', 'feature-length', `${prefix}.features[${i}]`, { length });
    }
    await reachable(`${prefix}.documentation`, block['documentation']);
    await reachable(`${prefix}.apiDocumentation`, block['apiDocumentation']);
    for (const [i, item] of asList(block['screenshots']).entries()) {
      const key = `${prefix}.screenshots[${i}]`;
      const value = asStr(item) ?? '';
      if (!relativeOrUrl(key, value)) continue;
      const url = resolve(key, value);
      if (!url) {
        if (wrongEnding(value, screenshotExtensions)) push('error', 'bad-extension', key, { target: value, role: 'screenshot', value });
        continue;
      }
      if (!screenshotExtensions.includes(extensionOf(url))) {
        push('error', 'bad-extension', key, { target: display(url), role: 'screenshot', value });
        continue;
      }
      await load(key, url, () => push('error', 'file-missing', key, { target: display(url), role: 'screenshot', value }));
    }
    for (const [i, item] of asList(block['videos']).entries()) {
      const key = `${prefix}.videos[${i}]`;
      const value = asStr(item) ?? '';
      if (!isOembedUrl(value, await oembedProviders())) push('error', 'oembed', key, { target: value });
    }
  }

  let italy = asObj(doc['IT']);
  if (doc['it'] !== undefined) {
    push('warning', 'lowercase-section', 'it', { upper: 'IT' });
    italy = asObj(doc['it']);
  }
  if (doc['IT'] !== undefined && doc['it'] !== undefined) {
    push('error', 'duplicate-section', 'it', { upper: 'IT' });
    italy = asObj(doc['IT']);
  }
  if (italy) {
    if (italy['conforme'] !== undefined) deprecated('IT.conforme');
    const code = asStr(asObj(italy['riuso'])?.['codiceIPA']);
    if (code && ctx.isItalianIpaCode(code)) deprecated('IT.riuso.codiceIPA', `'organisation.uri' and set it to 'urn:x-italian-pa:${code}'`);
  }

  const maintenance = asObj(doc['maintenance']) ?? {};
  asList(maintenance['contacts']).forEach((item, i) => {
    const phone = asStr(asObj(item)?.['phone']);
    if (phone && !isPhoneNumber(phone)) push('warning', 'phone', `maintenance.contacts[${i}].phone`);
  });
  return { issues, skipped };
}

export { isItalianIpaCode };
