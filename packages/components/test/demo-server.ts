// Serves the demo pages of docs/components over HTTP on port 0, with the element bundle at
// ./foederal-components.js (passed in, so tests use the bundle they just built).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from '@foederal/test-utils';

export const demoDir = join(repoRoot, 'docs/components');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `proxyTo`: forward `/api/…` to that registry, so the pages can use it from their own origin
 * (for registries that send no CORS headers).
 */
export async function startDemoServer(bundle: string, options: { readonly proxyTo?: string } = {}): Promise<DemoServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (options.proxyTo && url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string' && !['host', 'connection', 'origin', 'referer'].includes(k)) headers.set(k, v);
        }
        const upstream = await fetch(new URL(url.pathname + url.search, options.proxyTo), {
          method: req.method ?? 'GET',
          headers,
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        });
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
        });
        res.writeHead(upstream.status, out);
        res.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      const path = decodeURIComponent(url.pathname);
      if (path === '/foederal-components.js') {
        res.writeHead(200, { 'content-type': types['.js']! });
        res.end(bundle);
        return;
      }
      const file = normalize(join(demoDir, path === '/' ? 'index.html' : path));
      const type = types[extname(file)];
      if (!file.startsWith(demoDir + '/') || !type) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
