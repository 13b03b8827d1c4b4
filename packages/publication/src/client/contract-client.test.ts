// Hostile responses, injected through `fetch` (the only thing mocked): whatever comes back, a call
// either returns data that satisfies the contract or fails with a typed PublicationError.
import { recommendationSchema } from '@foederal/recommendations';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { recommendation } from '../../test/fixtures.js';
import { isPublicationError } from '../errors.js';
import { registryContract } from '../registry/contract.js';
import { createRegistryClient } from '../registry/client.js';
import { createContractClient } from './contract-client.js';

const valid = JSON.stringify(recommendation('gebaeudedaten-2027'));

const body = fc.oneof(
  fc.constant(valid),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
  fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
);
const response = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 204, 304, 400, 404, 409, 412, 422, 428, 429, 500, 503),
  body,
  contentType: fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'application/json; charset=utf-8', ''),
  etag: fc.option(fc.constantFrom('"1"', 'W/"x"', 'garbage')),
});

describe('contract client under hostile responses', () => {
  it('returns contract-valid data or a PublicationError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 3 }), async (responses) => {
        let i = 0;
        const fetch = async (): Promise<Response> => {
          const r = responses[Math.min(i++, responses.length - 1)] as (typeof responses)[number];
          const headers = new Headers();
          if (r.contentType) headers.set('content-type', r.contentType);
          if (r.etag) headers.set('etag', r.etag);
          const nullBody = r.status === 204 || r.status === 304;
          return new Response(nullBody ? null : r.body, { status: r.status, headers });
        };
        const client = createRegistryClient({ baseUrl: 'http://registry.invalid', fetch, retry: { limit: 1, baseDelay: 0, maxRetryAfter: 0 }, timeout: 1000 });
        try {
          const data = await client.getRecommendation('gebaeudedaten-2027');
          expect(z.safeParse(recommendationSchema, data).success).toBe(true);
        } catch (error) {
          expect(isPublicationError(error)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists only contract-valid items whatever the pages and Link headers say', async () => {
    const page = fc.oneof(
      fc.constant(JSON.stringify({ items: [recommendation('a-1'), recommendation('b-2')] })),
      fc.constant(JSON.stringify({ items: [] })),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constant(JSON.stringify({ items: [{ id: 'x' }] })),
    );
    const link = fc.option(fc.oneof(
      fc.nat({ max: 5 }).map((n) => `</api/v1/recommendations?cursor=${n}>; rel="next"`),
      fc.constant('<https://elsewhere.example/api/v1/recommendations?cursor=1>; rel="next"'),
      fc.constant('</api/v1/other>; rel="next"'),
      fc.string(),
    ));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ body: page, link }), { minLength: 1, maxLength: 4 }), async (pages) => {
        let i = 0;
        const fetch = async (): Promise<Response> => {
          const p = pages[Math.min(i++, pages.length - 1)] as (typeof pages)[number];
          const headers = new Headers({ 'content-type': 'application/json' });
          if (p.link) headers.set('link', p.link);
          return new Response(p.body, { status: 200, headers });
        };
        const client = createRegistryClient({ baseUrl: 'http://registry.invalid', fetch, retry: false });
        try {
          const items = await client.listRecommendations().toArray();
          for (const item of items) expect(z.safeParse(recommendationSchema, item).success).toBe(true);
          expect(i).toBeLessThanOrEqual(pages.length + 6);
        } catch (error) {
          expect(isPublicationError(error)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects unknown routes and bad bodies before fetching', async () => {
    let fetched = 0;
    const client = createContractClient(registryContract, { baseUrl: 'http://registry.invalid', fetch: async () => { fetched++; return new Response(); } });
    await expect(client.call('nope' as never)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(client.call('uploadAttachment', { params: { id: 'a', attachmentId: 'b' }, query: { role: 'main', title: 't' }, body: 'not bytes' }))
      .rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: '$.body' }] });
    expect(fetched).toBe(0);
  });

  // Without abort support this would wait out Retry-After: 30 s, beyond the test timeout.
  it('stops waiting for a retry when the call is aborted', async () => {
    const controller = new AbortController();
    const fetch = async (): Promise<Response> => {
      setTimeout(() => controller.abort(), 20);
      return new Response('{}', { status: 503, headers: { 'retry-after': '30', 'content-type': 'application/json' } });
    };
    const client = createRegistryClient({ baseUrl: 'http://registry.invalid', fetch, retry: { limit: 3 } });
    await expect(client.getRecommendation('x', { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('response size limit', () => {
  it('stops reading a body beyond maxResponseBytes, declared or streamed', async () => {
    const big = JSON.stringify({ items: [], padding: 'x'.repeat(5000) });
    const declared = async (): Promise<Response> => new Response(big, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    const streamed = async (): Promise<Response> => new Response(new Blob([big]).stream(), { status: 200, headers: { 'content-type': 'application/json' } });
    for (const fetch of [declared, streamed]) {
      const client = createRegistryClient({ baseUrl: 'http://registry.invalid', fetch, maxResponseBytes: 1000, retry: false });
      await expect(client.listRecommendations().toArray()).rejects.toMatchObject({ code: 'payload-too-large' });
    }
  });
});
