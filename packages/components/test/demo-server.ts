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

export async function startDemoServer(bundle: string): Promise<DemoServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
