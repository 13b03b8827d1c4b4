import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { zipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, sqliteBackend } from '../test/backends.js';
import { FormClient, startTestApp, testPassword, type TestApp } from '../test/harness.js';
import { safeNext } from './auth/redirect.js';
import { loadConfig, unzipLimitBytes } from './config.js';

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
        body: body as BodyInit,
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

    it('binds an Idempotency-Key to its payload: a retry gets the first result, another payload 409', async () => {
      const submit = (text: string, key: string) =>
        fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ anchor: { section: '1' }, text: { de: text }, author: { kind: 'anonymous' } }),
        });
      const consultation = (await (await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027`)).json()) as { sections: Array<{ anchor: string }> };
      expect(consultation.sections.some((s) => s.anchor === '1')).toBe(true);
      const first = await submit('Vertraulicher erster Beitrag', 'schluessel-1');
      expect(first.status).toBe(201);
      const firstId = ((await first.json()) as { id: string }).id;
      const retry = await submit('Vertraulicher erster Beitrag', 'schluessel-1');
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { id: string }).id).toBe(firstId);
      const other = await submit('Jemand anderes mit demselben Schlüssel', 'schluessel-1');
      expect(other.status).toBe(409);
      expect(await other.text()).not.toContain('Vertraulicher');
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

/**
 * POST `total` bytes in 64 KiB chunks, waiting for each to drain, and stop as soon as the
 * response arrives. Returns the status and how many bytes had been written by then.
 */
function postUntilAnswered(baseUrl: string, path: string, headers: Record<string, string>, total: number, method = 'POST'): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    let written = 0;
    let answered = false;
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const contribute = (url: string, forwardedFor: string) =>
  fetch(`${url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ anchor: { section: '1' }, text: { de: `Beitrag von ${forwardedFor}` }, author: { kind: 'anonymous' } }),
  });

describe('redirects, bodies, messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { CONTRIBUTION_LIMIT_PER_HOUR: '2' } });
  }, 60_000);

  it('names no internal table in 404 answers', async () => {
    const res = await fetch(`${t.url}/api/v1/consultations/gibt-es-nicht`);
    expect(res.status).toBe(404);
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem['table']).toBeUndefined();
    expect(String(problem['detail'])).not.toMatch(/consultations\//);
    const page = await fetch(`${t.url}/abstimmungen/gibt-es-nicht`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).not.toMatch(/\bvotes\//);
  });

  it('sends a CSP with base-uri on pages, and a sandboxing one on everything else', async () => {
    const page = await fetch(`${t.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const json = await fetch(`${t.url}/api/v1/recommendations`);
    expect(json.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('never shows text from the query string as a success message', async () => {
    const page = await (await fetch(`${t.url}/empfehlungen/gebaeudedaten-2027/konsultation?eingereicht=${encodeURIComponent('Ihr Konto wurde gesperrt, bitte 0900 anrufen')}`)).text();
    expect(page).not.toContain('Ihr Konto wurde gesperrt');
    expect(page).not.toContain('Vielen Dank');
    const real = await (await fetch(`${t.url}/empfehlungen/gebaeudedaten-2027/konsultation?eingereicht=beitrag-0123456789abcdef`)).text();
    expect(real).toContain('Vielen Dank');
  });

  it('ignores X-Forwarded-For for rate limits without TRUST_PROXY', async () => {
    expect((await contribute(t.url, '198.51.100.1')).status).toBe(201);
    expect((await contribute(t.url, '198.51.100.2')).status).toBe(201);
    expect((await contribute(t.url, '198.51.100.3')).status).toBe(429);
  });
  afterAll(() => t?.close());

  it('accepts only a local path as `next` (tabs, newlines, backslashes and protocol-relative URLs go to /)', async () => {
    const cases: Array<[string, string]> = [
      ['/empfehlungen?q=a', '/empfehlungen?q=a'],
      ['/', '/'],
      ['//evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['/\n/evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/ /evil.example', '/'],
      ['https://evil.example', '/'],
      ['/empfehlungen\r\nSet-Cookie: x=1', '/'],
      ['', '/'],
    ];
    for (const [next, expected] of cases) {
      const res = await fetch(`${t.url}/sprache?lang=de&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get('location'), JSON.stringify(next)).toBe(expected);
      expect(safeNext(next)).toBe(expected);
    }
    const client = new FormClient(t.url);
    const { csrf } = await client.page('/anmelden');
    const res = await client.post('/anmelden', { _csrf: csrf, username: 'test-member', password: testPassword, next: '/%09/evil.example\n' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  }, 60_000);

  it('never lets a fuzzed `next` leave the site or fail', async () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (next) => {
        const out = safeNext(next);
        // eslint-disable-next-line no-control-regex
        expect(out === '/' || /^\/[^/\\\x00-\x20][^\x00-\x1f\x7f]*$/.test(out)).toBe(true);
        expect(new URL(out, 'https://app.example').origin).toBe('https://app.example');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a 45 MB post to the sign-in form before reading it (Content-Length and chunked)', async () => {
    const total = 45 * 1024 * 1024;
    const declared = await postUntilAnswered(t.url, '/anmelden', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(total) }, total);
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(4 * 1024 * 1024);
    const chunked = await postUntilAnswered(t.url, '/anmelden', { 'content-type': 'application/x-www-form-urlencoded' }, total);
    expect(chunked.status).toBe(413);
    expect(chunked.written).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses a large multipart post to an upload route before the role check lets it be read', async () => {
    const total = 45 * 1024 * 1024;
    const res = await postUntilAnswered(t.url, '/gebaeudedaten', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(total) }, total);
    expect(res.status).toBe(401);
    expect(res.written).toBeLessThan(4 * 1024 * 1024);
    const json = await postUntilAnswered(t.url, '/api/v1/recommendations/gebaeudedaten-2027/attachments/x?role=annex&title=x', { 'content-type': 'application/pdf', 'content-length': String(total) }, total, 'PUT');
    expect(json.status).toBe(401);
    expect(json.written).toBeLessThan(4 * 1024 * 1024);
  });

  it('still takes a signed-in upload above the small limit', async () => {
    const client = new FormClient(t.url);
    await client.login('member');
    const { csrf } = await client.page('/gebaeudedaten');
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('name', 'Groß');
    form.set('model', new Blob([new Uint8Array(3 * 1024 * 1024).fill(0x20)]), 'gross.ifc');
    const res = await client.fetch('/gebaeudedaten', { method: 'POST', body: form });
    expect(res.status).toBe(303);
  }, 60_000);
});

describe('zip bombs in the app', () => {
  let t: TestApp;
  const previous = process.env['UNZIP_LIMIT_BYTES'];
  beforeAll(async () => {
    // The limit is read where models are read (worker threads and processes share the environment).
    process.env['UNZIP_LIMIT_BYTES'] = String(1024 * 1024);
    t = await startTestApp(sqliteBackend());
  }, 60_000);
  afterAll(async () => {
    if (previous === undefined) delete process.env['UNZIP_LIMIT_BYTES'];
    else process.env['UNZIP_LIMIT_BYTES'] = previous;
    await t?.close();
  });

  it('has a default unpack limit of 512 MiB and reads UNZIP_LIMIT_BYTES', () => {
    expect(unzipLimitBytes({})).toBe(512 * 1024 * 1024);
    expect(unzipLimitBytes({ UNZIP_LIMIT_BYTES: '2048' })).toBe(2048);
    expect(loadConfig({ UNZIP_LIMIT_BYTES: '2048' }).unzipLimitBytes).toBe(2048);
  });

  it('stops an uploaded .ifczip at the limit and shows the model as failed, with the reason', async () => {
    const bomb = zipSync({ 'bombe.ifc': new Uint8Array(16 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const client = new FormClient(t.url);
    await client.login('member');
    const { csrf } = await client.page('/gebaeudedaten');
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('name', 'Bombe');
    form.set('model', new Blob([bomb.slice().buffer]), 'bombe.ifczip');
    const res = await client.fetch('/gebaeudedaten', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    await expect.poll(async () => (await client.page(location)).text, { timeout: 20_000 }).toContain('zip bomb');
    const id = location.split('/').pop()!;
    const stored = (await t.server.ctx.repo.models.require(id)).data;
    expect(stored.state).toBe('failed');
    expect(stored.error).toContain('1048576');
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  }, 60_000);
});

describe('behind https and a reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { BASE_URL: 'https://ak.example.de', TRUST_PROXY: '127.0.0.1, 10.0.0.2', CONTRIBUTION_LIMIT_PER_HOUR: '2' } });
  }, 60_000);
  afterAll(() => t?.close());

  it('names cookies __Host-, marks them Secure and sends HSTS; sign-in works with them', async () => {
    const res = await fetch(`${t.url}/anmelden`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-fdr_csrf='))!;
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    const client = new FormClient(t.url);
    const { csrf } = await client.page('/anmelden');
    const signedIn = await client.post('/anmelden', { _csrf: csrf, username: 'test-member', password: testPassword, next: '/' });
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-fdr_session='))!;
    expect(session).toMatch(/; Secure(;|$)/);
    expect(session).toMatch(/; HttpOnly(;|$)/);
    expect((await client.page('/konto')).res.status).toBe(200);
  }, 60_000);

  it('sends the security headers with the probes and the static assets too', async () => {
    for (const path of ['/health', '/ready', '/assets/app.css', '/assets/kern.min.css', '/assets/components.js']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('content-security-policy'), path).toBe("sandbox; default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
      await res.arrayBuffer();
    }
  });

  it('counts rate limits per client named by X-Forwarded-For of a trusted proxy', async () => {
    expect((await contribute(t.url, '198.51.100.1')).status).toBe(201);
    expect((await contribute(t.url, '198.51.100.2')).status).toBe(201);
    expect((await contribute(t.url, '198.51.100.1, 10.0.0.2')).status).toBe(201);
    expect((await contribute(t.url, '198.51.100.1')).status).toBe(429);
    // A client cannot hide behind an address it puts in front itself: the proxy appends the real one.
    expect((await contribute(t.url, '203.0.113.9, 198.51.100.2')).status).toBe(201);
    expect((await contribute(t.url, '203.0.113.8, 198.51.100.2')).status).toBe(429);
  });
});
