import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toOParl, type OParlExport } from '@foederal/membership';
import { registryContract as r } from '@foederal/publication';
import {
  toAtom,
  toDcatJsonLd,
  toDcatTurtle,
  toJsonFeed,
  type Catalogue,
  type Consultation,
  type ExperienceReport,
  type Recommendation,
} from '@foederal/recommendations';
import { exampleAssets } from '@foederal/recommendations/examples';
import type { AppContext } from '../context.js';
import { getBody, bodyId } from '../domain/body.js';
import { publishedRecords, storedCatalogueHeader } from '../domain/catalogue.js';
import { AppError } from '../errors.js';
import type { Context } from 'hono';
import type { Env, Routes } from '../web/routing.js';
import { bindRoute } from './contract-routes.js';

const require = createRequire(import.meta.url);

/** The catalogue header (title, publisher …), stored once at setup; a neutral default otherwise. */
export type CatalogueHeader = Omit<Catalogue, 'recommendations' | 'consultations' | 'pilots' | 'experienceReports'>;

export async function catalogueHeader(ctx: AppContext): Promise<CatalogueHeader> {
  const stored = await storedCatalogueHeader(ctx.repo);
  if (stored) return stored as CatalogueHeader;
  return {
    id: `${ctx.baseUrl}/katalog`,
    title: { de: 'Empfehlungen des Arbeitskreises', en: 'Recommendations of the working group' },
    description: { de: 'Frei nutzbare Empfehlungen für Bund, Länder und Kommunen.', en: 'Freely usable recommendations for federal, state and local government.' },
    homepage: `${ctx.baseUrl}/`,
    publisher: { id: ctx.baseUrl, name: { de: 'Geschäftsstelle des Arbeitskreises' }, jurisdiction: { level: 'federal', name: 'Bund' }, homepage: `${ctx.baseUrl}/` },
    modified: new Date(0).toISOString(),
  };
}

/** The whole public catalogue as `@foederal/recommendations` exports it (published records only). */
export async function publicCatalogue(ctx: AppContext): Promise<Catalogue> {
  const { recommendations, pilots, experienceReports } = await publishedRecords(ctx.repo);
  const consultations: Consultation[] = [];
  const header = await catalogueHeader(ctx);
  const modified = [header.modified, ...recommendations.map((x) => x.modified)].sort().at(-1) ?? header.modified;
  return { ...header, modified, recommendations, consultations, pilots, experienceReports };
}

function packageRoot(specifier: string): string | undefined {
  try {
    const resolved = import.meta.resolve(specifier);
    let dir = dirname(fileURLToPath(resolved));
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
    return dir;
  } catch {
    return undefined;
  }
}

let assetsDirCache: string | undefined | null = null;

/** Bytes of a document shipped with `@foederal/recommendations` (served under `/dokumente/`). */
export function shippedDocument(file: string): { mediaType: string; bytes: Uint8Array } | undefined {
  if (assetsDirCache === null) {
    const root = packageRoot('@foederal/recommendations');
    assetsDirCache = root ? join(root, 'assets') : undefined;
  }
  const asset = exampleAssets.find((a) => a.file === file);
  if (!assetsDirCache || !asset || !existsSync(join(assetsDirCache, file))) return undefined;
  return { mediaType: asset.mediaType, bytes: readFileSync(join(assetsDirCache, file)) };
}

/** The shipped OpenAPI 3.1 document of the registry contract, with this server's URL. */
function openApiDocument(ctx: AppContext): Record<string, unknown> {
  const file = require.resolve('@foederal/publication/openapi.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { ...doc, servers: [{ url: ctx.baseUrl, description: 'Diese Instanz / this instance' }] };
}

/**
 * Publication formats: the DCAT-AP.de catalogue (Turtle, JSON-LD) and `/openapi.json` as routes of
 * the registry contract; the demo documents under `/dokumente/`; read-only OParl 1.1.
 */
export function publishingRoutes(ctx: AppContext, routes: Routes): void {
  const landingPage = (rec: Recommendation) => `${ctx.baseUrl}/empfehlungen/${rec.id}`;
  bindRoute(ctx, routes, r.catalogTurtle, async () => ({ body: toDcatTurtle(await publicCatalogue(ctx), { landingPage }) }));
  bindRoute(ctx, routes, r.catalogJsonLd, async () => ({ body: toDcatJsonLd(await publicCatalogue(ctx), { landingPage }) }));
  const reportPage = (report: ExperienceReport) => `${ctx.baseUrl}/pilotvorhaben/${report.pilot}#${report.id}`;
  const feedOptions = (file: string) => ({ feedUrl: `${ctx.baseUrl}/${file}`, recommendationPage: landingPage, reportPage });
  bindRoute(ctx, routes, r.atomFeed, async () => ({ body: toAtom(await publicCatalogue(ctx), feedOptions('feed.atom')) }));
  bindRoute(ctx, routes, r.jsonFeed, async () => ({ body: JSON.stringify(toJsonFeed(await publicCatalogue(ctx), feedOptions('feed.json'))) }));
  let openApi: Record<string, unknown> | undefined;
  bindRoute(ctx, routes, r.openApiDocument, async () => ({ body: (openApi ??= openApiDocument(ctx)) }));

  routes.get('/dokumente/:file', 'public', (c) => {
    const file = c.req.param('file') ?? '';
    const doc = shippedDocument(file);
    if (!doc) throw new AppError('not-found', `Dokument nicht gefunden / document not found: ${file}`);
    return new Response(doc.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': `${doc.mediaType}; charset=utf-8` } });
  });

  // ------------------------------------------------------------ OParl 1.1 (read only)
  const oparlBase = () => `${ctx.baseUrl}/oparl/v1`;
  const exportBody = async (): Promise<OParlExport> => {
    const doc = await getBody(ctx.repo);
    const body = doc.data;
    const header = await catalogueHeader(ctx);
    return toOParl({
      baseUrl: oparlBase(),
      body: { id: bodyId, name: { de: body.organizations[0]?.name.de ?? header.title.de, ...(body.organizations[0]?.name.en ? { en: body.organizations[0].name.en } : {}) }, shortName: 'Arbeitskreis', website: `${ctx.baseUrl}/arbeitskreis` },
      jurisdictions: body.jurisdictions,
      organizations: body.organizations,
      persons: body.people,
      posts: body.posts,
      memberships: body.memberships,
      now: doc.updatedAt,
    });
  };
  const list = (data: unknown[], self: string) => ({
    data,
    pagination: { totalElements: data.length, elementsPerPage: Math.max(1, data.length), currentPage: 1, totalPages: 1 },
    links: { first: self, last: self },
  });
  const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json; charset=utf-8' } });
  routes.get('/oparl/v1', 'public', () =>
    json({
      id: oparlBase(),
      type: 'https://schema.oparl.org/1.1/System',
      oparlVersion: 'https://schema.oparl.org/1.1/',
      name: 'Föderaler Arbeitskreis – Referenzanwendung',
      body: `${oparlBase()}/bodies`,
      website: `${ctx.baseUrl}/`,
      vendor: 'https://www.foederal.example/',
      product: 'foederal reference app',
    }),
  );
  routes.get('/oparl/v1/bodies', 'public', async () => json(list([(await exportBody()).body], `${oparlBase()}/bodies`)));
  routes.get('/oparl/v1/body/:id', 'public', async (c) => {
    const exported = await exportBody();
    if (exported.body.id !== `${oparlBase()}/body/${encodeURIComponent(c.req.param('id') ?? '')}`) throw new AppError('not-found', 'Körperschaft nicht gefunden / body not found');
    return json(exported.body);
  });
  const bodyList = (key: 'organizations' | 'persons' | 'memberships') => async (c: Context<Env>) => {
    const exported = await exportBody();
    if (c.req.param('id') !== bodyId) throw new AppError('not-found', 'Körperschaft nicht gefunden / body not found');
    return json(list(exported[key], `${oparlBase()}/body/${bodyId}/${key}`));
  };
  routes.get('/oparl/v1/body/:id/organizations', 'public', bodyList('organizations'));
  routes.get('/oparl/v1/body/:id/persons', 'public', bodyList('persons'));
  routes.get('/oparl/v1/body/:id/memberships', 'public', bodyList('memberships'));
  for (const empty of ['meetings', 'papers']) {
    routes.get(`/oparl/v1/body/:id/${empty}`, 'public', (c) => {
      if (c.req.param('id') !== bodyId) throw new AppError('not-found', 'Körperschaft nicht gefunden / body not found');
      return json(list([], `${oparlBase()}/body/${bodyId}/${empty}`));
    });
  }
  const one = (kind: 'organization' | 'jurisdiction' | 'person' | 'membership') =>
    routes.get(`/oparl/v1/${kind}/:id`, 'public', async (c) => {
      const exported = await exportBody();
      const id = `${oparlBase()}/${kind}/${encodeURIComponent(c.req.param('id') ?? '')}`;
      const pool: Array<{ id: string }> = kind === 'person' ? exported.persons : kind === 'membership' ? exported.memberships : exported.organizations;
      const found = pool.find((x) => x.id === id);
      if (!found) throw new AppError('not-found', `Nicht gefunden / not found: ${kind} ${c.req.param('id')}`);
      return json(found);
    });
  one('organization');
  one('jurisdiction');
  one('person');
  one('membership');
}
