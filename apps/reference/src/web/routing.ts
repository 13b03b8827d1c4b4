import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import { requireRole, type AuthVariables } from '../auth/session.js';
import type { Role } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { langOf } from './i18n.js';
import { layout, type Markup, type PageContext } from './layout.js';

/** Hono environment of the app: the auth variables on every request. */
export type Env = { Variables: AuthVariables };

/** One row of the access table: which role a route needs. */
export interface AccessRule {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly role: Role;
}

/**
 * Registers routes together with the least role they need, and remembers every registration so
 * the authorisation matrix test can walk all of them.
 */
export class Routes {
  readonly rules: AccessRule[] = [];
  constructor(readonly app: Hono<Env>) {}

  add(method: AccessRule['method'], path: string, role: Role, handler: Handler<Env>, before: MiddlewareHandler<Env>[] = []): void {
    this.rules.push({ method, path, role });
    this.app.on(method, path, requireRole(role), ...before, handler);
  }
  get(path: string, role: Role, handler: Handler<Env>): void {
    this.add('GET', path, role, handler);
  }
  post(path: string, role: Role, handler: Handler<Env>, before: MiddlewareHandler<Env>[] = []): void {
    this.add('POST', path, role, handler, before);
  }
}

/** The page context of a request. */
export function pageContext(c: Context<Env>): PageContext {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return {
    lang: langOf(c),
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
