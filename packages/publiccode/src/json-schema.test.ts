import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
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
