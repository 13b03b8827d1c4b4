import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPublicationError, type PublicationError } from '../errors.js';
import { createOpenCodeClient } from './client.js';

// GitLab's raw-file endpoint as docs.gitlab.com describes it: the file path URL-encoded as one
// segment, `ref` required, the bytes as text/plain; 404 `{"message":"404 File Not Found"}`.
let server: Server;
let url: string;
const seen: Array<{ path: string; ref: string | null; token: string | undefined }> = [];
const files = new Map<string, string>([['publiccode.yml', 'publiccodeYmlVersion: "0.4"\nname: Prüfdienst\n'], ['docs/a b.md', '# A']]);

beforeEach(async () => {
  seen.length = 0;
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/api\/v4\/projects\/([^/]+)\/repository\/files\/([^/]+)\/raw$/.exec(u.pathname);
    seen.push({ path: u.pathname, ref: u.searchParams.get('ref'), token: req.headers['private-token'] as string | undefined });
    const file = m && decodeURIComponent(m[1]!) === 'oss/pruefdienst' && u.searchParams.get('ref') ? files.get(decodeURIComponent(m[2]!)) : undefined;
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"404 File Not Found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(promise: Promise<unknown>): Promise<PublicationError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationError');
}

describe('openCode readFile', () => {
  it('reads a file of a public project without a token, at HEAD or a given ref', async () => {
    const client = createOpenCodeClient({ baseUrl: url, project: 'oss/pruefdienst', retry: false });
    const bytes = await client.readFile({ path: 'publiccode.yml' });
    expect(new TextDecoder().decode(bytes)).toBe('publiccodeYmlVersion: "0.4"\nname: Prüfdienst\n');
    expect(seen[0]).toEqual({ path: '/api/v4/projects/oss%2Fpruefdienst/repository/files/publiccode.yml/raw', ref: 'HEAD', token: undefined });
    await client.readFile({ path: 'docs/a b.md', ref: 'v1.2.0' });
    expect(seen[1]).toEqual({ path: '/api/v4/projects/oss%2Fpruefdienst/repository/files/docs%2Fa%20b.md/raw', ref: 'v1.2.0', token: undefined });
  });

  it('sends the token when there is one', async () => {
    await createOpenCodeClient({ baseUrl: url, project: 'oss/pruefdienst', token: 'glpat-x', retry: false }).readFile({ path: 'publiccode.yml' });
    expect(seen[0]!.token).toBe('glpat-x');
  });

  it('reports a missing file as not-found and refuses bad paths and refs before any request', async () => {
    const client = createOpenCodeClient({ baseUrl: url, project: 'oss/pruefdienst', retry: false });
    expect((await failure(client.readFile({ path: 'fehlt.yml' }))).code).toBe('not-found');
    for (const path of ['', '../etc/passwd', 'a//b', './x', 'a\nb']) expect((await failure(client.readFile({ path }))).code, path).toBe('invalid-input');
    for (const ref of ['', 'a b', 'main~1', 'x:y']) expect((await failure(client.readFile({ path: 'publiccode.yml', ref }))).code, ref).toBe('invalid-input');
    expect(seen).toHaveLength(1);
  });

  it('gives up after its timeout on a server that never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const client = createOpenCodeClient({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, project: 'oss/pruefdienst', retry: false, timeout: 200 });
      expect((await failure(client.readFile({ path: 'publiccode.yml' }))).code).toBe('timeout');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
