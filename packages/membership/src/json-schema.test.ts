import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { requirement, sharedDir } from '@foederal/test-utils';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { vote, wgMeeting } from '../test/fixtures.js';
import { evaluateDecision } from './evaluate.js';
import { jsonSchemaNames, membershipJsonSchema } from './json-schema.js';
import { presets } from './presets.js';

const file = (name: string) => new URL(`../schemas/${name}.schema.json`, import.meta.url);

describe('published JSON Schemas', () => {
  it('the committed files are exactly what the zod contracts generate (run pnpm generate:schemas)', () => {
    for (const name of jsonSchemaNames) {
      expect([name, JSON.parse(readFileSync(file(name), 'utf8'))]).toEqual([name, membershipJsonSchema(name)]);
    }
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const compile = (name: string) => ajv.compile(JSON.parse(readFileSync(file(name), 'utf8')) as object);

  it('accept the presets and a result, reject broken rules', () => {
    const rules = compile('rules-of-procedure');
    for (const preset of Object.values(presets)) expect(rules(JSON.parse(JSON.stringify(preset)))).toBe(true);
    expect(rules({ ...presets['amev-style-working-group'], quorum: { kind: 'majority' } })).toBe(false);
    const result = compile('decision-result');
    expect(result(evaluateDecision(wgMeeting(vote('yes', ['bmds', 'de-by', 'dst']))))).toBe(true);
    expect(result({ result: 'passed', quorate: true, counts: [], reasons: [] })).toBe(false);
  });

  const dir = join(sharedDir, 'scenarios', 'decisions');
  const req = requirement(`decision scenarios (${dir})`, existsSync(dir), 'check out ../shared beside the repository');
  it.skipIf(!req.available)('accept the shared decision scenarios except the unknown ballot option', () => {
    const scenario = compile('decision-scenario');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('chair-'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const value = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
      expect([f, scenario(value)]).toEqual([f, f !== '39-invalid-unknown-ballot-option.json']);
    }
  });
});
