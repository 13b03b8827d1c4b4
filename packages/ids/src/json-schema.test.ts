import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleModel, idsWith, wallSpec } from '../test/sample-model.js';
import { checkIds } from './check.js';
import { jsonSchemas } from './json-schema.js';
import { parseIds } from './parse.js';

describe('generated JSON Schemas', () => {
  it('are up to date (run `pnpm --filter @foederal/ids generate:schema`)', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../schema/${file}`, import.meta.url), 'utf8')) as unknown;
      expect(committed, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('describe the report: required keys and the status enumeration', () => {
    const schema = jsonSchemas()['ids-report.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'model', 'passed', 'summary', 'specifications']));
    const report = checkIds(parseIds(idsWith(wallSpec('S', '<material/>'))), sampleModel());
    expect(Object.keys(report).sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
