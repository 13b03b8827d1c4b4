import { registryContract } from '@foederal/publication';
import { allowedMethods } from '@foederal/publication/server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { html } from 'hono/html';
import { authenticate, isHttps } from './auth/session.js';
import { readCacheMiddleware } from './cache/read-cache.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { healthRoutes } from './health.js';
import { problemResponse, toProblem, type Problem } from './problem.js';
import { assetRoutes } from './web/assets.js';
import { publishingRoutes } from './api/publishing.js';
import { registryApi } from './api/registry.js';
import { authPages } from './web/auth-pages.js';
import { accountPages } from './web/pages/account.js';
import { adminPages } from './web/pages/admin.js';
import { contributionDeskPages } from './web/pages/contribution-desk.js';
import { draftPages } from './web/pages/drafts.js';
import { memberPages } from './web/pages/members.js';
import { meetingPages } from './web/pages/meetings.js';
import { pilotFormPages } from './web/pages/pilot-forms.js';
import { bodyPage } from './web/pages/body.js';
import { buildingPages } from './web/pages/building.js';
import { cataloguePages } from './web/pages/catalogue.js';
import { consultationPages } from './web/pages/consultation.js';
import { embedPage } from './web/pages/embed.js';
import { homePage } from './web/pages/home.js';
import { pilotPages } from './web/pages/pilots.js';
import { votePages } from './web/pages/votes.js';
import { requestLanguage, t } from './web/i18n.js';
import { alert } from './web/layout.js';
import { render, Routes, type Env } from './web/routing.js';

/** A group of routes (pages, API); each registers through `routes` with its least role. */
export type RouteGroup = (ctx: AppContext, routes: Routes) => void;

const routeGroups: readonly RouteGroup[] = [
  authPages,
  registryApi,
  publishingRoutes,
  homePage,
  bodyPage,
  cataloguePages,
  consultationPages,
  votePages,
  buildingPages,
  pilotPages,
  adminPages,
  accountPages,
  contributionDeskPages,
  draftPages,
  memberPages,
  meetingPages,
  pilotFormPages,
  embedPage,
];

/**
 * Headers set on every response after the handler: the page CSP (with `base-uri` and
 * `object-src`) on HTML, a sandboxing CSP on everything else that has none, and
 * `Cache-Control: no-store` on every answer to a signed-in request (session or token).
 */
function securityHeaders(ctx: AppContext, c: Context<Env>): void {
  const headers = c.res.headers;
  // Again after the handler: a handler that returns its own Response (static assets) drops the
  // headers set on the context before it ran.
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  if (isHttps(ctx)) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if ((headers.get('content-type') ?? '').startsWith('text/html')) {
    headers.set(
      'Content-Security-Policy',
      `default-src 'self'; connect-src 'self' ${ctx.baseUrl}; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
    );
  } else if (!headers.has('Content-Security-Policy')) {
    headers.set('Content-Security-Policy', "sandbox; default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  }
  if (c.get('user')) headers.set('Cache-Control', 'no-store');
}

function wantsHtml(c: Context): boolean {
  const p = c.req.path;
  if (p.startsWith('/api/') || p.startsWith('/oparl/') || /\.(json|atom|ttl|jsonld)$/.test(p)) return false;
  return (c.req.header('accept') ?? '').includes('text/html') || c.req.method === 'POST';
}

async function errorPage(c: Context<Env>, problem: Problem): Promise<Response> {
  const lang = requestLanguage(c);
  const title = problem.status === 404 ? t(lang, 'notFoundTitle') : `${t(lang, 'errorTitle')} ${problem.status}`;
  const detail = problem.status >= 500 ? undefined : problem.detail;
  return render(c, title, () => html`<h1 class="kern-heading-large">${title}</h1>
${alert(problem.status >= 500 ? 'danger' : 'warning', problem.title ?? title, detail)}
<p><a class="kern-link" href="/">${t(lang, 'backHome')}</a></p>`, problem.status);
}

/**
 * The whole web application (API, feeds, pages) as one Hono app, without a listening socket:
 * tests call `app.request()` on it, `startServer` serves it. Returns the app and its access table.
 *
 * @example
 * const { app } = createApp(ctx);
 * const res = await app.request('/health');
 */
export function createApp(ctx: AppContext): { app: Hono<Env>; routes: Routes } {
  const app = new Hono<Env>();
  // Outermost: cached public catalogue reads are answered before any other work (ADR 0140).
  app.use(readCacheMiddleware(ctx.readCache, (error) => ctx.log.warn({ err: error }, 'read cache: generation check failed')));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    ctx.log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  // Every response carries the security headers, the probes and static assets included.
  app.use(async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (isHttps(ctx)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
    securityHeaders(ctx, c);
  });
  app.route('/', healthRoutes(ctx));
  app.route('/', assetRoutes());
  // The registry API and the feeds are read from other administrations' sites (embedded
  // components): any origin, never with cookies, so CORS adds no ambient authority.
  const corsPublic = cors({ origin: '*', allowHeaders: ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'Content-Digest'], exposeHeaders: ['ETag', 'Link', 'Location', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'] });
  for (const path of ['/api/*', '/feed.atom', '/feed.json', '/catalog.ttl', '/catalog.jsonld', '/openapi.json', '/oparl/*', '/gebaeudedaten/:id/betrieb/befunde.json', '/gebaeudedaten/:id/betrieb/befunde.csv']) app.use(path, corsPublic);
  app.use(authenticate(ctx));
  const routes = new Routes(app, { upload: ctx.config.uploadLimitBytes, ctx });
  for (const group of routeGroups) group(ctx, routes);

  app.notFound((c) => {
    const allowed = c.req.path.startsWith('/api/') ? allowedMethods(registryContract, c.req.path) : [];
    if (allowed.length > 0) {
      return problemResponse(
        c,
        { type: 'about:blank', title: 'Methode nicht erlaubt / Method Not Allowed', status: 405, code: 'method-not-allowed', detail: `Erlaubt / allowed: ${allowed.join(', ')}`, instance: c.req.path },
        { Allow: allowed.join(', ') },
      );
    }
    const problem = toProblem(new AppError('not-found', `Keine Seite unter / nothing at ${c.req.path}`), c.req.path);
    return wantsHtml(c) ? errorPage(c as Context<Env>, problem) : problemResponse(c, problem);
  });
  app.onError((error, c) => {
    const problem = toProblem(error, c.req.path, wantsHtml(c) ? requestLanguage(c as Context<Env>) : 'de');
    if (problem.status >= 500) ctx.log.error({ err: error, path: c.req.path }, 'request failed');
    const headers: Record<string, string> = {};
    if (typeof problem['retryAfter'] === 'number') headers['Retry-After'] = String(problem['retryAfter']);
    // A refused body may still be arriving: close the connection instead of reusing it.
    if (problem.status === 413) headers['Connection'] = 'close';
    if (wantsHtml(c) && c.get('csrf') !== undefined) {
      return errorPage(c, problem).then((res) => {
        for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
        return res;
      });
    }
    return problemResponse(c, problem, headers);
  });
  return { app, routes };
}
