import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { Hono } from 'hono';
import { appCss } from './app-css.js';

const require = createRequire(import.meta.url);

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Where the KERN UX files live (`@kern-ux/native/dist`). */
export const kernDir: string = dirname(require.resolve('@kern-ux/native/dist/kern.min.css'));

/** The self-contained components bundle of `@foederal/components`, when it has been built. */
export function componentsBundle(): string | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve('@foederal/components/package.json'));
  } catch {
    return undefined;
  }
  for (const candidate of ['dist/foederal-components.js', 'dist/bundle.js', 'dist/cdn/foederal-components.js', 'dist/standalone.js']) {
    const file = join(dir, candidate);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Static assets: KERN UX CSS and fonts, the app's own small stylesheet, and the components
 * bundle. Only files under the known folders are served; paths are normalised first.
 */
export function assetRoutes(): Hono {
  const app = new Hono();
  const cache = new Map<string, Uint8Array>();
  const send = (file: string, type: string) => {
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = readFileSync(file);
      cache.set(file, bytes);
    }
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } });
  };
  app.get('/assets/app.css', (c) => c.body(appCss, 200, { 'content-type': types['.css'] as string, 'cache-control': 'public, max-age=3600' }));
  app.get('/assets/kern.min.css', () => send(join(kernDir, 'kern.min.css'), types['.css'] as string));
  app.get('/assets/components.js', (c) => {
    const file = componentsBundle();
    return file ? send(file, types['.js'] as string) : c.notFound();
  });
  app.get('/assets/fonts/*', (c) => {
    const rel = normalize(c.req.path.slice('/assets/fonts/'.length));
    const ext = rel.slice(rel.lastIndexOf('.'));
    const file = join(kernDir, 'fonts', rel);
    if (rel.startsWith('..') || !types[ext] || !file.startsWith(join(kernDir, 'fonts')) || !existsSync(file)) return c.notFound();
    return send(file, types[ext] as string);
  });
  return app;
}
