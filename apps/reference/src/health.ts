import { Hono } from 'hono';
import type { AppContext } from './context.js';

/**
 * `/health` (the process is alive) and `/ready` (it accepts traffic: started, not shutting down,
 * database reachable). Load balancers route on `/ready`.
 */
export function healthRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    if (!ctx.ready) return c.json({ status: 'unavailable', reason: 'starting or shutting down' }, 503);
    try {
      await ctx.repo.ping();
    } catch {
      return c.json({ status: 'unavailable', reason: 'database' }, 503);
    }
    return c.json({ status: 'ready', database: ctx.repo.dialect });
  });
  return app;
}
