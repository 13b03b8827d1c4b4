import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hasRole } from '../auth/roles.js';
import { checkCsrf, requireRole, type AuthVariables } from '../auth/session.js';
import { audit, latestAuditEntryOf } from '../domain/audit.js';
import { AppError } from '../errors.js';
import type { Role } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { requestLanguage } from './i18n.js';
import { layout, type Markup, type PageContext } from './layout.js';

/** Hono environment of the app: the auth variables on every request. */
export type Env = { Variables: AuthVariables };

/** One row of the access table: which role a route needs. */
export interface AccessRule {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly role: Role;
}

/** Largest body of every route that is not an upload route (forms, JSON): 1 MiB. */
export const smallBodyLimitBytes = 1024 * 1024;

/** Body limits of {@link Routes}. */
export interface BodyLimits {
  /** Every route but uploads. Default {@link smallBodyLimitBytes}. */
  readonly small?: number;
  /** Upload routes; their other form fields get 1 MiB on top. Default 50 MiB. */
  readonly upload?: number;
}

/** Options of {@link Routes}. */
export interface RoutesOptions extends BodyLimits {
  /** The app, for the audit log of secretariat and admin writes (none without). */
  readonly ctx?: AppContext;
}

/**
 * Every successful write of a secretariat or admin route lands in the audit log: handlers record
 * what they changed with `audit()` (before and after); for a write whose handler recorded
 * nothing, this records who, when, the route and the path, and the new version from the ETag.
 */
function auditFallback(ctx: AppContext, method: string, pattern: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const started = new Date(ctx.now().getTime() - 1).toISOString();
    await next();
    const user = c.get('user');
    if (!user || c.res.status >= 400) return;
    const latest = await latestAuditEntryOf(ctx.repo, user.id);
    if (latest && latest.at >= started) return;
    const etag = /^"(\d{1,9})"$/.exec(c.res.headers.get('etag') ?? '');
    await audit({ repo: ctx.repo, now: ctx.now, user }, `${method} ${pattern}`, c.req.path, null, etag ? { version: Number(etag[1]), data: null } : null);
  };
}

function limit(maxSize: number): MiddlewareHandler<Env> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload-too-large', `Höchstens ${maxSize} Byte / at most ${maxSize} bytes`, { details: { limit: maxSize } });
    },
  });
}

/**
 * Registers routes together with the least role they need, and remembers every registration so
 * the authorisation matrix test can walk all of them. Every route reads its body only through a
 * body limit: a small one checked before anything else, or, on upload routes, the upload limit
 * checked only after the role check, so nobody without the role gets to send a large body
 * (nor have a multipart body parsed). The CSRF check runs last, as it may parse the form.
 */
export class Routes {
  readonly rules: AccessRule[] = [];
  private readonly smallLimit: MiddlewareHandler<Env>;
  private readonly uploadLimit: MiddlewareHandler<Env>;
  private readonly csrf = checkCsrf();
  private readonly ctx: AppContext | undefined;
  constructor(
    readonly app: Hono<Env>,
    limits: RoutesOptions = {},
  ) {
    this.ctx = limits.ctx;
    this.smallLimit = limit(limits.small ?? smallBodyLimitBytes);
    this.uploadLimit = limit((limits.upload ?? 50 * 1024 * 1024) + 1024 * 1024);
  }

  add(method: AccessRule['method'], path: string, role: Role, handler: Handler<Env>, before: MiddlewareHandler<Env>[] = [], options: { upload?: boolean } = {}): void {
    this.rules.push({ method, path, role });
    const guards: MiddlewareHandler<Env>[] = options.upload ? [requireRole(role), this.uploadLimit, this.csrf] : [this.smallLimit, requireRole(role), this.csrf];
    if (this.ctx && method !== 'GET' && hasRole(role, 'secretariat')) guards.push(auditFallback(this.ctx, method, path));
    this.app.on(method, path, ...([...guards, ...before] as [MiddlewareHandler<Env>]), handler);
  }
  get(path: string, role: Role, handler: Handler<Env>): void {
    this.add('GET', path, role, handler);
  }
  post(path: string, role: Role, handler: Handler<Env>, before: MiddlewareHandler<Env>[] = []): void {
    this.add('POST', path, role, handler, before);
  }
  /** A POST that takes a file (multipart form): the upload limit, and only after the role check. */
  upload(path: string, role: Role, handler: Handler<Env>, before: MiddlewareHandler<Env>[] = []): void {
    this.add('POST', path, role, handler, before, { upload: true });
  }
}

/** The page context of a request. */
export function pageContext(c: Context<Env>): PageContext {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return {
    lang: requestLanguage(c),
    user: c.get('user'),
    csrf: c.get('csrf'),
    path: c.req.path,
    query: query ? `?${query}` : '',
  };
}

/** Render a full page. */
export async function render(
  c: Context<Env>,
  title: string | ((lang: PageContext['lang']) => string),
  body: (page: PageContext) => Markup,
  status = 200,
  head?: Markup,
): Promise<Response> {
  const page = pageContext(c);
  const markup = await layout(page, { title: typeof title === 'string' ? title : title(page.lang), body: body(page), ...(head ? { head } : {}) });
  return c.html(markup, status as 200);
}

/** Read a form body as strings (files are left out). */
export async function formOf(c: Context<Env>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export type { AppContext };
