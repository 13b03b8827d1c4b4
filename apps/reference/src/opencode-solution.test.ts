// The pilot page of an open-source solution (issue 18): its publiccode.yml read through the
// openCode client from a local stand-in of GitLab's raw-file endpoint, with the validation
// result; and a clear note, fast and cached, when openCode is unreachable.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../test/backends.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { configureOpenCode, projectOf } from './domain/opencode-solution.js';

const longDe = 'Der IFC-Prüfdienst prüft übergebene BIM-Modelle gegen die Datenanforderungen (IDS) einer Empfehlung und erstellt einen Prüfbericht je Anforderung, barrierefrei und in deutscher und englischer Sprache.';
const longEn = 'The IFC checking service checks delivered BIM models against the data requirements (IDS) of a recommendation and writes a report per requirement, accessible and in German and English.';

const validYml = `publiccodeYmlVersion: "0"
name: IFC-Prüfdienst
url: "https://gitlab.opencode.de/foederal/ifc-pruefdienst.git"
softwareVersion: "0.4.0"
releaseDate: "2026-09-01"
platforms:
  - web
  - linux
categories:
  - data-collection
developmentStatus: beta
softwareType: standalone/web
description:
  de:
    shortDescription: Prüft BIM-Modelle gegen IDS-Anforderungen.
    longDescription: >-
      ${longDe}
    features:
      - IDS 1.0
  en:
    shortDescription: Checks BIM models against IDS requirements.
    longDescription: >-
      ${longEn}
    features:
      - IDS 1.0
legal:
  license: EUPL-1.2
maintenance:
  type: contract
  contractors:
    - name: Beispiel GmbH
      until: "2027-12-31"
localisation:
  localisationReady: true
  availableLanguages:
    - de
    - en
`;

let server: Server;
let hits: Array<{ path: string; ref: string | null }> = [];
let answer: (res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    hits.push({ path: u.pathname, ref: u.searchParams.get('ref') });
    if (u.pathname !== '/api/v4/projects/foederal%2Fifc-pruefdienst/repository/files/publiccode.yml/raw') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"404 Project Not Found"}');
      return;
    }
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const serve = (status: number, body: string, type = 'text/plain; charset=utf-8') => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

describe('pilot of an open-source solution', () => {
  let t: TestApp;
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = async (lang: 'de' | 'en' = 'de') => {
    const started = performance.now();
    const res = await fetch(`${t.url}/pilotvorhaben/pilot-ifc-pruefdienst?lang=${lang}`, { headers: { accept: 'text/html' } });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  };
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, users: false });
  }, 60_000);
  afterAll(() => t?.close());
  afterEach(() => {
    hits = [];
  });

  it('shows name, description, licence, maintenance and platforms of the publiccode.yml at the pilot\'s release, with the validation result', async () => {
    answer = serve(200, validYml);
    configureOpenCode(t.server.ctx, { baseUrl: base() });
    const de = await page('de');
    expect(de.status).toBe(200);
    expect(hits).toEqual([{ path: '/api/v4/projects/foederal%2Fifc-pruefdienst/repository/files/publiccode.yml/raw', ref: 'v0.4.0' }]);
    expect(de.text).toContain('Die Lösung laut publiccode.yml');
    expect(de.text).toContain('IFC-Prüfdienst');
    expect(de.text).toContain('Prüft BIM-Modelle gegen IDS-Anforderungen.');
    expect(de.text).toContain(longDe);
    expect(de.text).toMatch(/Lizenz<\/dt><dd[^>]*>EUPL-1.2</);
    expect(de.text).toMatch(/Wartung<\/dt><dd[^>]*>im Auftrag · Auftragnehmer: Beispiel GmbH</);
    expect(de.text).toMatch(/Plattformen<\/dt><dd[^>]*>web, linux</);
    expect(de.text).toContain('Prüfung der publiccode.yml: gültig</h3>');
    // network checks stay off: listed as not run
    expect(de.text).toContain('Nicht ausgeführte Prüfungen');
    const en = await page('en');
    expect(en.text).toContain('Checks BIM models against IDS requirements.');
    expect(en.text).toMatch(/Maintenance<\/dt><dd[^>]*>under contract · Contractors: Beispiel GmbH</);
    // the result is cached: the English page did not ask openCode again
    expect(hits).toHaveLength(1);
  });

  it('shows the errors of an invalid file with key, line and column', async () => {
    answer = serve(200, 'publiccodeYmlVersion: "0.4"\nname: IFC-Prüfdienst\nplatforms:\n  - web\nlegal:\n  license: keine-lizenz\n');
    configureOpenCode(t.server.ctx, { baseUrl: base() });
    const { status, text } = await page('de');
    expect(status).toBe(200);
    expect(text).toContain('Prüfung der publiccode.yml: ungültig');
    expect(text).toMatch(/publiccode\.yml:6:\d+ {2}Fehler {2}legal\.license: /);
    expect(text).toMatch(/Plattformen<\/dt><dd[^>]*>web</);
  });

  it('says that the repository has no publiccode.yml', async () => {
    answer = serve(404, '{"message":"404 File Not Found"}', 'application/json');
    configureOpenCode(t.server.ctx, { baseUrl: base() });
    const { status, text } = await page('de');
    expect(status).toBe(200);
    expect(text).toContain('Das Repository enthält keine publiccode.yml.');
  });

  it('answers fast with an "unreachable" note when openCode does not answer, and keeps that briefly', async () => {
    answer = () => undefined; // never answers
    configureOpenCode(t.server.ctx, { baseUrl: base(), timeoutMs: 300 });
    const first = await page('de');
    expect(first.status).toBe(200);
    expect(first.text).toContain('openCode nicht erreichbar');
    expect(first.text).toContain('Pilotierung IFC-Prüfdienst');
    const second = await page('en');
    expect(second.text).toContain('openCode unreachable');
    expect(hits).toHaveLength(1);
    // a closed port: refused at once
    configureOpenCode(t.server.ctx, { baseUrl: 'http://127.0.0.1:9', timeoutMs: 300 });
    const closed = await page('de');
    expect(closed.status).toBe(200);
    expect(closed.text).toContain('openCode nicht erreichbar');
  });

  it('reads the project path of an openCode repository URL', () => {
    expect(projectOf('https://gitlab.opencode.de/foederal/ifc-pruefdienst')).toBe('foederal/ifc-pruefdienst');
    expect(projectOf('https://gitlab.opencode.de/a/b/c.git')).toBe('a/b/c');
    expect(projectOf('https://gitlab.opencode.de/a/b/-/tree/main')).toBe('a/b');
    expect(projectOf('https://gitlab.opencode.de/einzeln')).toBeUndefined();
    expect(projectOf('kein url')).toBeUndefined();
  });
});
