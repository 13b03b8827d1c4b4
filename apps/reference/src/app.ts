import { Hono } from 'hono';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { healthRoutes } from './health.js';
import { problemResponse, toProblem } from './problem.js';

/**
 * The whole web application (API, feeds, pages) as one Hono app, without a listening socket:
 * tests call `app.request()` on it, `startServer` serves it.
 *
 * @example
 * const app = createApp(ctx);
 * const res = await app.request('/health');
 */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    ctx.log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.route('/', healthRoutes(ctx));
  app.notFound((c) => problemResponse(c, toProblem(new AppError('not-found', `Keine Seite unter / nothing at ${c.req.path}`), c.req.path)));
  app.onError((error, c) => {
    const problem = toProblem(error, c.req.path);
    if (problem.status >= 500) ctx.log.error({ err: error, path: c.req.path }, 'request failed');
    return problemResponse(c, problem);
  });
  return app;
}
