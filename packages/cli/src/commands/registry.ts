import type { RegistryClient } from '@foederal/publication';
import type { Catalogue } from '@foederal/recommendations';
import * as z from 'zod/mini';
import { writeResult, type CommandContext } from '../context.js';
import { CliError, exitCodes } from '../errors.js';
import { columns } from '../format.js';
import { jsonPath, readJson } from '../io.js';

/** Options shared by the registry commands. */
export interface RegistryCliOptions {
  readonly url: string;
  readonly timeout?: number;
  readonly json?: boolean;
}

function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new CliError('usage', `Ungültige Adresse / invalid URL: ${url}`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError('usage', `Nur http: und https: / only http: and https: ${url}`);
  }
  return parsed.href.replace(/\/$/, '');
}

async function client(ctx: CommandContext, opts: RegistryCliOptions): Promise<RegistryClient> {
  const { createRegistryClient } = await import('@foederal/publication');
  const token = ctx.io.env['FOEDERAL_TOKEN'];
  return createRegistryClient({
    baseUrl: baseUrl(opts.url),
    ...(token ? { token } : {}),
    ...(opts.timeout === undefined ? {} : { timeout: opts.timeout }),
    headers: { 'accept-language': ctx.lang },
  });
}

type Kind = 'recommendations' | 'consultations' | 'pilots' | 'decisions' | 'joint-projects';

function list(c: RegistryClient, kind: Kind, signal: AbortSignal): AsyncIterable<unknown> {
  const o = { signal };
  switch (kind) {
    case 'recommendations':
      return c.listRecommendations({}, o);
    case 'consultations':
      return c.listConsultations({}, o);
    case 'pilots':
      return c.listPilots({}, o);
    case 'decisions':
      return c.listDecisions({}, o);
    case 'joint-projects':
      return c.listJointProjects({}, o);
  }
}

function get(c: RegistryClient, kind: Kind, id: string, signal: AbortSignal): Promise<unknown> {
  const o = { signal };
  switch (kind) {
    case 'recommendations':
      return c.getRecommendation(id, o);
    case 'consultations':
      return c.getConsultation(id, o);
    case 'pilots':
      return c.getPilot(id, o);
    case 'decisions':
      return c.getDecision(id, o);
    case 'joint-projects':
      return c.getJointProject(id, o);
  }
}

function row(record: unknown, ctx: CommandContext): string[] {
  const r = record as Record<string, unknown>;
  const text = (v: unknown) => {
    if (typeof v === 'string') return v;
    const l = v as { de?: string; en?: string } | undefined;
    return (ctx.lang === 'en' ? (l?.en ?? l?.de) : l?.de) ?? '';
  };
  const status = r['status'];
  const state = typeof status === 'string' ? status : typeof (status as { state?: unknown })?.state === 'string' ? (status as { state: string }).state : '';
  const title = r['title'] ?? r['name'] ?? (r['recommendation'] ? `→ ${String(r['recommendation'])}` : '');
  return [String(r['id'] ?? ''), typeof r['number'] === 'string' ? r['number'] : (typeof r['date'] === 'string' ? r['date'] : ''), state, text(title)];
}

/** `foederal registry list [kind]`: every record of a kind, over all pages. */
export async function registryList(ctx: CommandContext, kind: string, opts: RegistryCliOptions): Promise<number> {
  const c = await client(ctx, opts);
  const items: unknown[] = [];
  for await (const item of list(c, kind as Kind, ctx.io.signal)) items.push(item);
  if (opts.json) ctx.out(`${JSON.stringify(items, null, 2)}\n`);
  else if (items.length) ctx.out(`${columns(items.map((i) => row(i, ctx)))}\n`);
  ctx.say(ctx.t(`${items.length} Einträge`, `${items.length} entries`));
  return exitCodes.ok;
}

/** `foederal registry get <kind> <id>`: one record as JSON. */
export async function registryGet(ctx: CommandContext, kind: string, id: string, opts: RegistryCliOptions): Promise<number> {
  const c = await client(ctx, opts);
  const record = await get(c, kind as Kind, id, ctx.io.signal);
  ctx.out(`${JSON.stringify(record, null, 2)}\n`);
  return exitCodes.ok;
}

type Header = Omit<Catalogue, 'recommendations' | 'consultations' | 'pilots' | 'experienceReports'>;

/** The reference app's default catalogue header for a registry at `url`. */
function defaultHeader(url: string): Header {
  return {
    id: `${url}/katalog`,
    title: { de: 'Empfehlungen des Arbeitskreises', en: 'Recommendations of the working group' },
    description: { de: 'Frei nutzbare Empfehlungen für Bund, Länder und Kommunen.', en: 'Freely usable recommendations for federal, state and local government.' },
    homepage: `${url}/`,
    publisher: { id: url, name: { de: 'Geschäftsstelle des Arbeitskreises' }, jurisdiction: { level: 'federal', name: 'Bund' }, homepage: `${url}/` },
    modified: new Date(0).toISOString(),
  };
}

/**
 * `foederal registry export`: builds the public catalogue from the registry's records (all pages
 * of recommendations and pilots, the published experience reports of every pilot) and writes it as
 * DCAT-AP.de Turtle or JSON-LD with `@foederal/recommendations`, or as the catalogue JSON.
 */
export async function registryExport(
  ctx: CommandContext,
  opts: RegistryCliOptions & { format: 'turtle' | 'jsonld' | 'json'; output?: string; header?: string },
): Promise<number> {
  const [{ catalogueSchema, toDcatTurtle, toDcatJsonLd }, { describeIssue }] = await Promise.all([
    import('@foederal/recommendations'),
    import('@foederal/membership'),
  ]);
  const url = baseUrl(opts.url);
  const header: Header = opts.header === undefined ? defaultHeader(url) : ((await readJson(opts.header, ctx.io)) as Header);
  const c = await client(ctx, opts);
  const o = { signal: ctx.io.signal };
  const recommendations = await c.listRecommendations({}, o).toArray();
  const pilots = await c.listPilots({}, o).toArray();
  const experienceReports = [];
  for (const pilot of pilots) {
    for await (const report of c.listExperienceReports(pilot.id, {}, o)) if (report.status.state === 'published') experienceReports.push(report);
  }
  const modified = [header.modified, ...recommendations.map((r) => r.modified)].sort().at(-1) ?? header.modified;
  const parsed = z.safeParse(catalogueSchema, { ...header, modified, recommendations, consultations: [], pilots, experienceReports });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const what = opts.header === undefined ? ctx.t('Antwort der Registry', 'registry answer') : opts.header;
    throw new CliError(
      opts.header === undefined ? 'unavailable' : 'invalid-input',
      `Katalog ungültig / invalid catalogue (${what}) ${jsonPath(issue?.path)}: ${issue ? describeIssue(issue) : ''}`,
    );
  }
  const catalogue = parsed.data;
  const landingPage = (r: { id: string }) => `${url}/empfehlungen/${r.id}`;
  const body =
    opts.format === 'turtle'
      ? toDcatTurtle(catalogue, { landingPage })
      : `${JSON.stringify(opts.format === 'jsonld' ? toDcatJsonLd(catalogue, { landingPage }) : catalogue, null, 2)}\n`;
  await writeResult(ctx, body, opts.output);
  ctx.say(
    ctx.t(
      `${recommendations.length} Empfehlungen, ${pilots.length} Pilotvorhaben, ${experienceReports.length} Erfahrungsberichte`,
      `${recommendations.length} recommendations, ${pilots.length} pilots, ${experienceReports.length} experience reports`,
    ),
  );
  return exitCodes.ok;
}
