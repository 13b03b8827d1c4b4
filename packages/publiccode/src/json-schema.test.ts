import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadExpected } from '../test/corpus-run.js';
import { baseDocument, yamlWith } from '../test/fixtures.js';
import { publiccodeJsonSchema } from './schema.js';

const shipped = JSON.parse(readFileSync(new URL('../schemas/publiccode.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('shipped JSON Schema', () => {
  it('equals the schema generated from zod (run `pnpm schemas` after a change)', () => {
    expect(shipped).toEqual(publiccodeJsonSchema());
  });

  it('is draft 2020-12 and names the required top-level keys of the standard', () => {
    expect(shipped['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(shipped['required']).toEqual([
      'publiccodeYmlVersion', 'name', 'url', 'platforms', 'developmentStatus', 'softwareType', 'description', 'legal', 'maintenance', 'localisation',
    ]);
  });

  it('accepts a valid document and refuses a wrong enum value with ajv', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);
    expect(validate(parse(stringify(baseDocument())))).toBe(true);
    expect(validate(parse(yamlWith((d) => (d['developmentStatus'] = 'alpha'))))).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/developmentStatus');
  });
});

const req = corpus('publiccode');
describe.skipIf(!req.available)('JSON Schema and the reference test files', () => {
  it('accepts the raw YAML of every file the reference parser finds valid (with or without warnings)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);
    const valid = Object.entries(loadExpected(req.path)).filter(([file, c]) => file.startsWith('v0/') && (c.outcome === 'valid' || c.outcome === 'valid-with-warnings'));
    expect(valid.length).toBe(28);
    for (const [file] of valid) {
      const ok = validate(parse(readFileSync(join(req.path, file), 'utf8')));
      expect({ file, errors: ok ? null : validate.errors }).toEqual({ file, errors: null });
    }
  });
});
