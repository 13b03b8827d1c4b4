import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaNames, jsonSchemaOf } from './json-schemas.js';

describe('shipped JSON Schemas', () => {
  it.each(jsonSchemaNames)('schemas/%s.schema.json equals the schema generated from zod (run `pnpm schemas` after a change)', (name) => {
    const shipped = JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(jsonSchemaOf(name));
  });

  it('describes the building with its storeys and DIN 277 areas', () => {
    const building = jsonSchemaOf('building') as { $schema: string; properties: Record<string, { pattern?: string }>; required: string[] };
    expect(building.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(building.required).toEqual(['id', 'name']);
    expect(building.properties.ags?.pattern).toBe('^(0[1-9]|1[0-6])\\d{6}$');
    expect(Object.keys(building.properties)).toContain('storeys');
  });
});
