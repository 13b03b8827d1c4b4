import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument } from '../openapi.js';
import { registryContract } from './contract.js';
import { createRegistryOpenApiDocument } from './openapi.js';

const shipped = new URL('../../openapi.json', import.meta.url);

describe('registry OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(createRegistryOpenApiDocument({ servers: [{ url: 'https://registry.example.org' }] }));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does reject a broken document (so the check above can fail).
    const broken = await new Validator().validate({ openapi: '3.1.1', info: { title: 'x' }, paths: { 'no-slash': {} } });
    expect(broken.valid).toBe(false);
  });

  it('is shipped up to date (regenerate with `pnpm generate:openapi`)', () => {
    const onDisk = JSON.parse(readFileSync(shipped, 'utf8')) as unknown;
    expect(onDisk).toEqual(createRegistryOpenApiDocument());
  });

  it('has one operation per route, with parameters, preconditions and problem responses', () => {
    const doc = createRegistryOpenApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } };
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.map((o) => o['operationId']).sort()).toEqual(Object.keys(registryContract).sort());
    const update = doc.paths['/api/v1/recommendations/{id}']?.['put'] as { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown>; security: unknown };
    expect(update.parameters).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
    ]));
    expect(Object.keys(update.responses).sort()).toEqual(['200', '401', '403', '404', '409', '412', '422', '428', '429', '500']);
    expect(update.security).toEqual([{ bearerAuth: [] }]);
    const list = doc.paths['/api/v1/recommendations']?.['get'] as { responses: Record<string, { headers?: Record<string, unknown> }> };
    expect(Object.keys(list.responses['200']?.headers ?? {})).toEqual(['ETag', 'Link']);
    expect(list.responses['304']).toBeDefined();
    const upload = doc.paths['/api/v1/recommendations/{id}/attachments/{attachmentId}']?.['put'] as { parameters: { name: string }[] };
    expect(upload.parameters.map((p) => p.name)).toContain('Content-Digest');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Recommendation', 'Contribution', 'Pilot', 'ExperienceReport', 'ProblemDetails']));
  });

  it('resolves every $ref inside the document', () => {
    const doc = createRegistryOpenApiDocument();
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const r of new Set(refs)) {
      const pointer = (JSON.parse(`{${r}}`) as { $ref: string }).$ref;
      expect(pointer.startsWith('#/')).toBe(true);
      const target = pointer.slice(2).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, pointer).toBeDefined();
    }
  });

  it('refuses a contract with two routes on the same method and path', () => {
    const route = registryContract.getRecommendation;
    expect(() => createOpenApiDocument({ a: route, b: { ...route, id: 'b' } }, { title: 't', version: '1', components: { ProblemDetails: registryContract.getRecommendation.response.body.schema } }))
      .toThrow(/duplicate route/);
  });
});
