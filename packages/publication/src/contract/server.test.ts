import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest } from '../digest.js';
import { registryContract } from '../registry/contract.js';
import { allowedMethods, buildPath, matchRoute, routePattern, validateRequest } from './server.js';

const anonymous = { anchor: { section: '3.2' }, text: { de: 'Bitte die Prüffristen ergänzen.' }, author: { kind: 'anonymous' } };

describe('registry contract', () => {
  it('names every path placeholder in the params schema and nothing else', () => {
    for (const route of Object.values(registryContract)) {
      const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = 'params' in route && route.params ? Object.keys(route.params.def.shape).sort() : [];
      expect(params, route.id).toEqual(placeholders);
    }
  });

  it('has unique ids equal to their keys and unique method + path pairs', () => {
    const seen = new Set<string>();
    for (const [key, route] of Object.entries(registryContract)) {
      expect(route.id).toBe(key);
      const signature = `${route.method} ${route.path}`;
      expect(seen.has(signature), signature).toBe(false);
      seen.add(signature);
    }
  });

  it('requires If-Match on every update, except create-only imports and uploads', () => {
    for (const route of Object.values(registryContract)) {
      if (route.method === 'PUT' && route.id !== 'uploadAttachment' && route.id !== 'importContribution') expect('ifMatch' in route && route.ifMatch, route.id).toBe('required');
      if ('ifMatch' in route) expect(route.problems).toEqual(expect.arrayContaining(['precondition-failed', 'precondition-required']));
    }
  });
});

describe('matchRoute', () => {
  it('finds routes with decoded parameters', () => {
    const m = matchRoute(registryContract, 'GET', '/api/v1/recommendations/wartung-2018/editions/1.2.0');
    expect(m?.route.id).toBe('getRecommendationEdition');
    expect(m?.params).toEqual({ id: 'wartung-2018', version: '1.2.0' });
    expect(matchRoute(registryContract, 'PUT', '/api/v1/recommendations/x%2Fy')?.params).toEqual({ id: 'x/y' });
    expect(matchRoute(registryContract, 'HEAD', '/feed.atom')?.route.id).toBe('atomFeed');
  });

  it('returns undefined for unknown paths and methods, and lists the allowed methods', () => {
    expect(matchRoute(registryContract, 'GET', '/api/v1/nothing')).toBeUndefined();
    expect(matchRoute(registryContract, 'DELETE', '/api/v1/recommendations')).toBeUndefined();
    expect(allowedMethods(registryContract, '/api/v1/recommendations').sort()).toEqual(['GET', 'POST']);
    expect(matchRoute(registryContract, 'GET', '/api/v1/recommendations/%E0%A4%A')).toBeUndefined();
  });

  it('never throws on arbitrary paths', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), (path, method) => {
        const m = matchRoute(registryContract, method, path);
        if (m) expect(m.route.method).toBe(method);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips buildPath and matchRoute', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const path = buildPath(registryContract.getRecommendation.path, { id });
        expect(matchRoute(registryContract, 'GET', path)?.params).toEqual({ id });
      }),
      { numRuns: 200 },
    );
  });

  it('gives Hono/Express patterns', () => {
    expect(routePattern(registryContract.getContribution)).toBe('/api/v1/consultations/:consultationId/contributions/:contributionId');
  });
});

describe('validateRequest', () => {
  it('accepts a valid contribution and types the result', async () => {
    const r = await validateRequest(registryContract.submitContribution, {
      params: { consultationId: 'gebaeudedaten-2027' },
      body: JSON.stringify(anonymous),
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.params.consultationId).toBe('gebaeudedaten-2027');
      expect(r.body.text.de).toBe('Bitte die Prüffristen ergänzen.');
    }
  });

  it('answers 422 with JSON paths for invalid bodies', async () => {
    const r = await validateRequest(registryContract.submitContribution, {
      params: { consultationId: 'k' },
      body: { ...anonymous, anchor: { section: '' }, text: {} },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(422);
      expect(r.problem.code).toBe('validation-failed');
      expect(r.problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['$.body.anchor.section', '$.body.text.de']));
    }
  });

  it('answers 400 with the byte offset for unparsable JSON', async () => {
    const r = await validateRequest(registryContract.submitContribution, { params: { consultationId: 'k' }, body: '{"anchor": ü' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.problem.detail).toMatch(/byte 11/);
    }
  });

  it('answers 400 for invalid query and path parameters', async () => {
    const q = await validateRequest(registryContract.listRecommendations, { query: new URLSearchParams('limit=1000&status=nonsense') });
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.problem.errors?.map((e) => e.path).sort()).toEqual(['$.query.limit', '$.query.status']);
    const p = await validateRequest(registryContract.getRecommendation, { params: { id: 'Not A Slug' } });
    expect(p.ok ? 0 : p.status).toBe(400);
    const ok = await validateRequest(registryContract.listRecommendations, { query: { limit: '20', q: 'Wartung' } });
    expect(ok.ok && ok.query).toEqual({ limit: 20, q: 'Wartung' });
  });

  it('answers 428 when If-Match is required and missing, and reports the tags otherwise', async () => {
    const body = { state: 'published' };
    const params = { consultationId: 'k', contributionId: 'c-1' };
    const missing = await validateRequest(registryContract.disposeContribution, { params, body });
    expect(missing.ok ? 0 : missing.status).toBe(428);
    const present = await validateRequest(registryContract.disposeContribution, { params, body, headers: { 'If-Match': '"7"' } });
    expect(present.ok && present.ifMatch).toEqual(['"7"']);
  });

  it('checks the Content-Digest of uploads', async () => {
    const bytes = new TextEncoder().encode('# Gebäudedaten 2027\n');
    const params = { id: 'gebaeudedaten-2027', attachmentId: 'main' };
    const query = { role: 'main', title: 'Empfehlung' };
    const good = await validateRequest(registryContract.uploadAttachment, {
      params, query, body: bytes, headers: new Headers({ 'content-digest': await contentDigest(bytes) }),
    });
    expect(good.ok).toBe(true);
    const bad = await validateRequest(registryContract.uploadAttachment, {
      params, query, body: bytes, headers: { 'content-digest': await contentDigest(new Uint8Array([1])) },
    });
    expect(bad.ok ? undefined : bad.problem.code).toBe('digest-mismatch');
    const none = await validateRequest(registryContract.uploadAttachment, { params, query, body: bytes });
    expect(none.ok ? 0 : none.status).toBe(400);
  });

  it('never throws on hostile bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue()), async (body) => {
        const r = await validateRequest(registryContract.createRecommendation, { body });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
