import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { buildExampleCatalogue } from '@foederal/recommendations/examples';
import { requirement } from '@foederal/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

// The built reference app (as `pnpm start` runs it) with a fresh SQLite file and its demo data.
const appMain = join(import.meta.dirname, '..', '..', '..', 'apps', 'reference', 'dist', 'main.js');
const app = requirement(`built reference app (${appMain})`, existsSync(appMain), 'run pnpm build first');
const dir = tempDir();
let url = '';
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

beforeAll(async () => {
  if (!app.available) return;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [appMain], {
    cwd: join(appMain, '..', '..'),
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, BASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`reference app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('reference app not ready after 60 s');
}, 90_000);

afterAll(() => {
  child?.kill('SIGTERM');
});

describe.skipIf(!app.available)('registry commands against the running reference app with its demo data', () => {
  it('lists every recommendation over all pages, as the API has them', async () => {
    const r = await cli(['registry', 'list', '--url', url, '--json']);
    expect(r.code).toBe(0);
    const api = (await (await fetch(`${url}/api/v1/recommendations?limit=100`)).json()) as { items: { id: string }[] };
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids).toEqual(api.items.map((x) => x.id));
    expect(ids).toContain('gebaeudedaten-2027');
    expect(r.stderr).toBe(`${ids.length} Einträge\n`);
  });

  it('lists pilots, decisions and joint projects as text, the URL also from FOEDERAL_URL', async () => {
    const pilots = await cli(['registry', 'list', 'pilots'], { env: { FOEDERAL_URL: url } });
    expect(pilots.code).toBe(0);
    expect(pilots.stdout).toContain('pilot-ifc-pruefdienst');
    const projects = await cli(['registry', 'list', 'joint-projects', '--url', url, '--lang', 'en']);
    expect(projects.stdout).toMatch(/ifc-pruefdienst-2027\s+2027-01-01\s+Joint IFC checking service 2027/);
  });

  it('gets one record; a missing one is exit code 1', async () => {
    const r = await cli(['registry', 'get', 'recommendations', 'gebaeudedaten-2027', '--url', url]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'gebaeudedaten-2027', number: '180' });
    const missing = await cli(['registry', 'get', 'recommendations', 'gibt-es-nicht', '--url', url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
  });

  it('the cost shares of the demo project computed locally equal the registry’s (stdin with -)', async () => {
    const project = await cli(['registry', 'get', 'joint-projects', 'ifc-pruefdienst-2027', '--url', url]);
    const local = await cli(['costs', '-', '--json'], { input: project.stdout });
    expect(local.code).toBe(0);
    const remote = (await (await fetch(`${url}/api/v1/joint-projects/ifc-pruefdienst-2027/cost-shares`)).json()) as { shares: unknown[]; total: number };
    const mine = JSON.parse(local.stdout) as { shares: unknown[]; total: number };
    expect(mine.total).toBe(remote.total);
    expect(mine.shares).toEqual(remote.shares);
  });

  it('export writes the same DCAT-AP.de Turtle and JSON-LD as the registry serves, given its catalogue header', async () => {
    const { recommendations: _r, consultations: _c, pilots: _p, experienceReports: _e, ...header } = buildExampleCatalogue({ baseUrl: url });
    const headerFile = join(dir, 'kopf.json');
    writeFileSync(headerFile, JSON.stringify(header));
    const ttl = await cli(['registry', 'export', '--url', url, '--header', headerFile]);
    expect(ttl.code).toBe(0);
    expect(ttl.stdout).toBe(await (await fetch(`${url}/catalog.ttl`)).text());
    const out = join(dir, 'katalog.jsonld');
    const jsonld = await cli(['registry', 'export', '--url', url, '--header', headerFile, '--format', 'jsonld', '--output', out]);
    expect(jsonld.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(await (await fetch(`${url}/catalog.jsonld`)).json());
    const catalogue = await cli(['registry', 'export', '--url', url, '--format', 'json']);
    expect(JSON.parse(catalogue.stdout)).toMatchObject({ id: `${url}/katalog`, consultations: [] });
  });

  it('an invalid token from FOEDERAL_TOKEN, a closed port and a bad URL give exit codes 3, 3 and 2', async () => {
    const token = await cli(['registry', 'list', '--url', url], { env: { FOEDERAL_TOKEN: 'fdr_ungueltig' } });
    expect(token.code).toBe(3);
    expect(token.stderr).toContain('401');
    const closed = await cli(['registry', 'list', '--url', `http://127.0.0.1:${await freePort()}`, '--timeout', '500']);
    expect(closed.code).toBe(3);
    expect(closed.stdout).toBe('');
    const bad = await cli(['registry', 'list', '--url', 'ftp://example.org']);
    expect(bad.code).toBe(2);
  });

  it('without --url or FOEDERAL_URL it is a usage error', async () => {
    const r = await cli(['registry', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--url');
  });
});

describe('registry commands and Ctrl-C', () => {
  it('Ctrl-C during a request that never answers stops with exit code 130', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const sockets = new Set<Socket>();
    const server = createHttpServer(() => {
      // never answers
    });
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const r = await cli(['registry', 'list', '--url', `http://127.0.0.1:${port}`, '--timeout', '60000'], {
        onSpawn: (child) => {
          child.stdin?.end();
          setTimeout(() => child.kill('SIGINT'), 1500);
        },
      });
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('Abgebrochen / aborted');
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
