import { createOpenCodeClient, PublicationError } from '@foederal/publication';
import { formatReport, parsePubliccode, PubliccodeError, type PubliccodeResult } from '@foederal/publiccode';
import type { AppContext } from '../context.js';
import type { LocalizedText } from '@foederal/recommendations';

/**
 * What the pilot page shows of an open-source solution (ADR 0162): its publiccode.yml as read
 * through the openCode client, with the validation result of `@foederal/publiccode`; or why
 * there is nothing to show.
 */
export type SolutionInfo =
  | {
      readonly state: 'read';
      readonly fetchedAt: string;
      readonly ref: string;
      readonly name: string;
      readonly descriptions: ReadonlyArray<{ readonly lang: string; readonly short: string; readonly long?: string }>;
      readonly licence?: string;
      readonly maintenance?: { readonly type: string; readonly contractors: readonly string[]; readonly contacts: readonly string[] };
      readonly platforms: readonly string[];
      readonly softwareVersion?: string;
      readonly outcome: PubliccodeResult['outcome'];
      readonly errors: number;
      readonly warnings: number;
      /** `formatReport` of the result in both languages (network checks off: listed as skipped). */
      readonly report: Required<LocalizedText>;
    }
  /** The repository has no publiccode.yml at that ref. */
  | { readonly state: 'missing'; readonly fetchedAt: string; readonly ref: string }
  /** openCode did not answer in time or answered with an error. */
  | { readonly state: 'unreachable'; readonly fetchedAt: string; readonly ref: string; readonly reason: string }
  /** The file is refused outright by the parser (too large, not UTF-8, alias bomb, …). */
  | { readonly state: 'refused'; readonly fetchedAt: string; readonly ref: string; readonly reason: string };

/** Where openCode is and how long to wait: `OPENCODE_URL`, 2 s, results kept 10 min (failures 1 min). */
export interface OpenCodeSettings {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly ttlMs: number;
  readonly failureTtlMs: number;
  readonly fetch?: typeof fetch;
}

const settingsOf = new WeakMap<AppContext, OpenCodeSettings>();
const cacheOf = new WeakMap<AppContext, Map<string, { until: number; value: Promise<SolutionInfo> }>>();

/** The openCode settings of an app: set ones, or the configured `OPENCODE_URL` (default https://gitlab.opencode.de). */
export function openCodeSettings(ctx: AppContext): OpenCodeSettings {
  return settingsOf.get(ctx) ?? { baseUrl: ctx.config.openCodeUrl, timeoutMs: 2000, ttlMs: 10 * 60_000, failureTtlMs: 60_000 };
}

/** Point an app at another openCode (tests: a local stand-in) and drop what it has cached. */
export function configureOpenCode(ctx: AppContext, settings: Partial<OpenCodeSettings>): void {
  settingsOf.set(ctx, { ...openCodeSettings(ctx), ...settings });
  cacheOf.delete(ctx);
}

/** The project path of an openCode repository URL (`https://gitlab.opencode.de/a/b(.git)` → `a/b`). */
export function projectOf(repository: string): string | undefined {
  let url: URL;
  try {
    url = new URL(repository);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/-/')[0] ?? '';
  return /^[\w.-]+(\/[\w.-]+)+$/.test(path) ? path : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The fields the page shows, from the parsed document (or, when it has errors, what could be decoded). */
export function solutionFields(result: PubliccodeResult): Omit<Extract<SolutionInfo, { state: 'read' }>, 'state' | 'fetchedAt' | 'ref'> {
  const v = rec(result.data ?? result.value);
  const descriptions = Object.entries(rec(v['description'])).map(([lang, block]) => {
    const b = rec(block);
    const long = str(b['longDescription']);
    return { lang, short: str(b['shortDescription']) ?? '', ...(long ? { long } : {}) };
  });
  // German first, English second, the rest after
  const order = (l: string) => (l === 'de' ? 0 : l === 'en' ? 1 : 2);
  descriptions.sort((a, b) => order(a.lang) - order(b.lang));
  const m = rec(v['maintenance']);
  const licence = str(rec(v['legal'])['license']);
  const softwareVersion = str(v['softwareVersion']);
  const type = str(m['type']);
  return {
    name: str(v['name']) ?? '',
    descriptions,
    ...(licence ? { licence } : {}),
    ...(type
      ? { maintenance: { type, contractors: list(m['contractors']).map((c) => str(rec(c)['name']) ?? '').filter(Boolean), contacts: list(m['contacts']).map((c) => str(rec(c)['name']) ?? '').filter(Boolean) } }
      : {}),
    platforms: list(v['platforms']).map((p) => str(p) ?? '').filter(Boolean),
    ...(softwareVersion ? { softwareVersion } : {}),
    outcome: result.outcome,
    errors: result.errors.length,
    warnings: result.warnings.length,
    report: { de: formatReport(result, 'de'), en: formatReport(result, 'en') },
  };
}

async function load(settings: OpenCodeSettings, project: string, ref: string): Promise<SolutionInfo> {
  const fetchedAt = new Date().toISOString();
  const client = createOpenCodeClient({ baseUrl: settings.baseUrl, project, timeout: settings.timeoutMs, retry: false, maxResponseBytes: 1024 * 1024, ...(settings.fetch ? { fetch: settings.fetch } : {}) });
  let bytes: Uint8Array;
  const signal = AbortSignal.timeout(settings.timeoutMs + 500);
  try {
    bytes = await client.readFile({ path: 'publiccode.yml', ref }, { signal });
  } catch (error) {
    if (PublicationError.isInstance(error) && error.code === 'not-found') return { state: 'missing', fetchedAt, ref };
    return { state: 'unreachable', fetchedAt, ref, reason: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
  }
  try {
    // Network checks stay off (no `fetch`): the result lists them as skipped.
    const result = await parsePubliccode(bytes);
    return { state: 'read', fetchedAt, ref, ...solutionFields(result) };
  } catch (error) {
    if (PubliccodeError.isInstance(error)) return { state: 'refused', fetchedAt, ref, reason: error.message.slice(0, 300) };
    throw error;
  }
}

/**
 * The publiccode.yml of an open-source pilot's repository, at its release or the default branch,
 * read through the openCode client with a short timeout and cached per app (a failure only
 * briefly), so the pilot page is never slow and never fails because openCode does.
 */
export async function readSolution(ctx: AppContext, subject: { readonly repository: string; readonly release?: string | undefined }): Promise<SolutionInfo> {
  const settings = openCodeSettings(ctx);
  const ref = subject.release ?? 'HEAD';
  const project = projectOf(subject.repository);
  if (!project) return { state: 'unreachable', fetchedAt: new Date().toISOString(), ref, reason: `Kein openCode-Projekt / no openCode project: ${subject.repository}` };
  let cache = cacheOf.get(ctx);
  if (!cache) cacheOf.set(ctx, (cache = new Map()));
  const key = `${project}@${ref}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = load(settings, project, ref).catch((error: unknown): SolutionInfo => {
    ctx.log.warn({ err: error, project }, 'openCode: publiccode.yml could not be read');
    return { state: 'unreachable', fetchedAt: new Date().toISOString(), ref, reason: 'Fehler beim Lesen / read error' };
  });
  const entry = { until: Number.POSITIVE_INFINITY, value };
  cache.set(key, entry);
  const info = await value;
  entry.until = Date.now() + (info.state === 'read' || info.state === 'missing' ? settings.ttlMs : settings.failureTtlMs);
  if (cache.size > 500) cache.delete(cache.keys().next().value as string);
  return info;
}
