import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../test/harness.js';

// Regression tests of the security review (issue 21): each fails on the code before its fix.
const svgWithScript = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.title = 'pwned'</script><rect width="10" height="10"/></svg>`;
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

for (const factory of backends) {
  describe.skipIf(!factory.available)(`attachments on ${factory.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(factory, { seed: true });
    }, 60_000);
    afterAll(() => t?.close());

    const put = (attachmentId: string, type: string, body: Uint8Array | string) =>
      fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2027/attachments/${attachmentId}?role=annex&title=Anlage`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${t.tokens.secretariat}`,
          'content-type': type,
          'content-digest': `sha-256=:${createHash('sha256').update(body).digest('base64')}:`,
        },
        body,
      });
    const get = (attachmentId: string) => fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2027/attachments/${attachmentId}`);

    it('refuses media types off the allow list, and bytes that are not of the declared type (415)', async () => {
      for (const type of ['text/html', 'application/octet-stream', 'application/javascript', 'application/xhtml+xml', '']) {
        const res = await put('boese', type, '<html><script>alert(1)</script></html>');
        expect(res.status, type).toBe(415);
      }
      expect((await put('boese', 'image/png', svgWithScript)).status).toBe(415);
      expect((await put('boese', 'application/pdf', 'not a pdf')).status).toBe(415);
      expect((await put('boese', 'application/xml', 'no markup')).status).toBe(415);
      expect((await get('boese')).status).toBe(404);
    });

    it('serves an SVG only as a sandboxed download, with nosniff', async () => {
      expect((await put('plan', 'image/svg+xml', svgWithScript)).status).toBe(201);
      const res = await get('plan');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="plan.svg"');
      expect(res.headers.get('content-security-policy')).toMatch(/(^|;\s*)sandbox(;|$)/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('shows a raster image whose bytes match inline, still sandboxed', async () => {
      expect((await put('foto', 'image/png', png)).status).toBe(201);
      const res = await get('foto');
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-disposition')).toBe('inline; filename="foto.png"');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    });

    it('serves documents (PDF, IDS/XML, Markdown) as downloads', async () => {
      expect((await put('pdf', 'application/pdf', '%PDF-1.7\n%%EOF\n')).status).toBe(201);
      expect((await get('pdf')).headers.get('content-disposition')).toBe('attachment; filename="pdf.pdf"');
      expect((await put('ids', 'application/xml; charset=utf-8', '\uFEFF  <ids xmlns="http://standards.buildingsmart.org/IDS"/>')).status).toBe(201);
      const ids = await get('ids');
      expect(ids.headers.get('content-type')).toBe('application/xml');
      expect(ids.headers.get('content-disposition')).toBe('attachment; filename="ids.xml"');
    });

    it('serves a file stored before the allow list (text/html) as an opaque, sandboxed download', async () => {
      expect((await put('alt', 'text/markdown', '# alt')).status).toBe(201);
      await t.server.ctx.repo.files.put('attachment:gebaeudedaten-2027/alt', 'text/html', new TextEncoder().encode('<script>alert(1)</script>'));
      const res = await get('alt');
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="alt"');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
}
