// Network checks against a real HTTP server on port 0 with the platform's own fetch: repository
// probe, reachability, remote logo and screenshots through baseUrl, timeouts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yamlWith } from '../test/fixtures.js';
import { parsePubliccode } from './parse.js';

const png = (width: number): Buffer => {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(width, 20);
  return bytes;
};

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/slow') return; // never answers
    if (path === '/repo.git/info/refs') return void res.writeHead(200, { 'content-type': 'application/x-git-upload-pack-advertisement' }).end('001e# service=git-upload-pack\n');
    if (path === '/raw/logo.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png(1000));
    if (path === '/raw/small.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png(90));
    if (path === '/raw/text.png') return void res.writeHead(200).end('not a png');
    if (path === '/raw/shot.png' || path === '/landing' || path === '/repo.git') return void res.writeHead(200).end('ok');
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('network checks with a real server', () => {
  it('passes a reachable repository, landing page, logo and screenshot', async () => {
    const text = yamlWith((d) => {
      d['url'] = `${base}/repo.git`;
      d['landingURL'] = `${base}/landing`;
      d['logo'] = 'logo.png';
      d['description'].de.screenshots = ['shot.png'];
    });
    const result = await parsePubliccode(text, { fetch, baseUrl: `${base}/raw/` });
    expect(result.issues).toEqual([]);
    expect(result.skippedChecks).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(['/repo.git', '/repo.git/info/refs?service=git-upload-pack', '/landing', '/raw/logo.png', '/raw/shot.png']));
  });

  it('reports a missing remote logo, a too narrow one, one that is no PNG, and a missing screenshot', async () => {
    const check = async (logo: string): Promise<string[]> => {
      const text = yamlWith((d) => {
        d['url'] = `${base}/repo.git`;
        d['logo'] = logo;
      });
      return (await parsePubliccode(text, { fetch, baseUrl: `${base}/raw/` })).errors.map((e) => e.message);
    };
    expect(await check('gone.png')).toEqual([`HTTP GET failed for ${base}/raw/gone.png: not found`]);
    expect(await check('small.png')).toEqual([`invalid image size of 90 (min 120px of width): ${base}/raw/small.png`]);
    expect(await check('text.png')).toEqual(['image: unknown format']);
    expect(await check('logo.gif')).toEqual([`invalid file extension for: ${base}/raw/logo.gif`]);
    const text = yamlWith((d) => {
      d['url'] = `${base}/repo.git`;
      d['description'].de.screenshots = ['none.png'];
    });
    const result = await parsePubliccode(text, { fetch, baseUrl: `${base}/raw/` });
    expect(result.errors.map((e) => [e.key, e.message])).toEqual([['description.de.screenshots[0]', "'none.png' is not an image: no such file: " + `${base}/raw/none.png`]]);
  });

  it('gives up on a server that does not answer after timeoutMs and reports it', async () => {
    const text = yamlWith((d) => {
      d['url'] = `${base}/repo.git`;
      d['roadmap'] = `${base}/slow`;
    });
    const started = Date.now();
    const result = await parsePubliccode(text, { fetch, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.errors.map((e) => [e.code, e.key])).toEqual([['unreachable', 'roadmap']]);
    expect(result.errors[0]?.message).toMatch(new RegExp(`^'${base}/slow' not reachable: HTTP GET failed for ${base}/slow: `));
  });

  it('turns a failing readFile into an error of the check', async () => {
    const text = yamlWith((d) => (d['logo'] = 'logo.png'));
    const readFile = async (): Promise<Uint8Array> => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const result = await parsePubliccode(text, { baseUrl: 'file:///srv/repo/', readFile });
    expect(result.errors.map((e) => [e.key, e.message])).toEqual([['logo', 'no such file: /srv/repo/logo.png']]);
  });

  it('checks nothing remote and lists the skipped checks without fetch', async () => {
    const text = yamlWith((d) => {
      d['url'] = `${base}/repo.git`;
      d['logo'] = 'logo.png';
    });
    const before = seen.length;
    const result = await parsePubliccode(text, { baseUrl: `${base}/raw/` });
    expect(seen.length).toBe(before);
    expect(result.skippedChecks.map((s) => [s.check, s.key])).toEqual([
      ['reachable', 'url'],
      ['repository', 'url'],
      ['file', 'logo'],
    ]);
  });
});
