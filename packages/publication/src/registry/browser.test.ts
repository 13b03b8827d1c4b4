// The registry client bundled for the browser (esbuild, no Node built-ins) and run in Chromium
// against the contract-built test server: same code, same behaviour as in Node.
import { createHash } from 'node:crypto';
import { chromium as chromiumRequirement } from '@foederal/test-utils';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendation } from '../../test/fixtures.js';
import type { isPublicationError } from '../errors.js';
import type { createRegistryClient } from './client.js';
import type { RegistryServer } from '../../test/registry-server.js';
import { startRegistryServer } from '../../test/registry-server.js';

const req = chromiumRequirement();

/** What the test page exposes: the bundled entry points. */
interface Published {
  createRegistryClient: typeof createRegistryClient;
  isPublicationError: typeof isPublicationError;
}

describe.skipIf(!req.available)('registry client in Chromium', () => {
  let server: RegistryServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startRegistryServer();
    const bundle = await build({
      stdin: {
        contents: `import { createRegistryClient, isPublicationError } from '@foederal/publication';
          globalThis.publication = { createRegistryClient, isPublicationError };`,
        resolveDir: new URL('../..', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      conditions: ['@foederal/source'],
      logLevel: 'silent',
    });
    server.files.set('/__test/client.js', { contentType: 'text/javascript', body: bundle.outputFiles[0]?.text ?? '' });
    server.files.set('/__test/', { contentType: 'text/html', body: '<!doctype html><html lang="de"><title>t</title><script src="/__test/client.js"></script></html>' });
    browser = await chromium.launch({
      executablePath: req.executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates, caches, lists, detects a stale write, uploads and downloads with verified digest', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/__test/`);
    const result = await page.evaluate(async ([record, other]) => {
      const { createRegistryClient, isPublicationError } = (globalThis as unknown as { publication: Published }).publication;
      const registry = createRegistryClient({ baseUrl: location.origin, token: 'secretariat-token', retry: { limit: 1, baseDelay: 1 } });
      const second = createRegistryClient({ baseUrl: location.origin, token: 'secretariat-token' });
      await registry.createRecommendation(record);
      await registry.createRecommendation(other);
      const first = await registry.contract.call('getRecommendation', { params: { id: record.id } });
      const again = await registry.contract.call('getRecommendation', { params: { id: record.id } });
      const ids: string[] = [];
      for await (const r of registry.listRecommendations({ limit: 1 })) ids.push(r.id);
      const theirs = await second.getRecommendation(record.id);
      await second.updateRecommendation(record.id, { ...theirs, description: { de: 'Andere Fassung' } });
      let stale = '';
      try {
        await registry.updateRecommendation(record.id, { ...first.data, description: { de: 'Meine Fassung' } });
      } catch (error) {
        stale = isPublicationError(error) ? error.code : 'other';
      }
      const bytes = new TextEncoder().encode('# Gebäudedaten\n');
      const attachment = await registry.uploadAttachment(record.id, 'main', new Blob([bytes]), { role: 'main', title: 'Empfehlung', mediaType: 'text/markdown' });
      const downloaded = new TextDecoder().decode(await registry.downloadAttachment(record.id, 'main'));
      let invalid = '';
      try {
        await registry.getRecommendation('Kein Slug');
      } catch (error) {
        invalid = isPublicationError(error) ? `${error.code} ${error.issues[0]?.path}` : 'other';
      }
      return { notModified: again.notModified, etag: first.etag, ids, stale, sha256: attachment.sha256, downloaded, invalid };
    }, [recommendation('gebaeudedaten-2027'), recommendation('wartung-2027')] as const);
    expect(result).toEqual({
      notModified: true,
      etag: '"1"',
      ids: ['gebaeudedaten-2027', 'wartung-2027'],
      stale: 'precondition-failed',
      sha256: createHash('sha256').update('# Gebäudedaten\n').digest('hex'),
      downloaded: '# Gebäudedaten\n',
      invalid: 'invalid-input $.params.id',
    });
    const gets = server.requests.filter((r) => r.route === 'getRecommendation');
    expect(gets[1]?.headers['if-none-match']).toBe('"1"');
    expect(gets[1]?.headers['user-agent']).toMatch(/Chrome/);
    await page.close();
  });
});
