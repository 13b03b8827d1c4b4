import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsonSchemaDocuments,
  jsonSchemaFiles,
  jsonSchemaFor,
  recordSchemas,
  type JsonSchemaKind,
} from './index.js';
import { exampleCatalogue } from './examples.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');

const compiled = new Map<JsonSchemaKind, ReturnType<Ajv2020['compile']>>();

function ajvFor(kind: JsonSchemaKind) {
  const cached = compiled.get(kind);
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(join(schemasDir, jsonSchemaFiles[kind]), 'utf8')) as object);
  compiled.set(kind, check);
  return check;
}

describe('shipped JSON Schemas', () => {
  it('match what the zod schemas generate now (run `pnpm schemas` after changing a schema)', () => {
    const generated = jsonSchemaDocuments();
    expect(readdirSync(schemasDir).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) {
      expect(readFileSync(join(schemasDir, file), 'utf8'), file).toBe(text);
    }
  });

  it('are draft 2020-12 schemas that Ajv compiles in strict mode', () => {
    for (const kind of Object.keys(jsonSchemaFiles) as JsonSchemaKind[]) {
      expect(jsonSchemaFor(kind).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajvFor(kind)).not.toThrow();
    }
  });

  it('accept every record of the example catalogue', () => {
    const cases: [JsonSchemaKind, unknown][] = [
      ['Catalogue', exampleCatalogue],
      ...exampleCatalogue.recommendations.map((r) => ['Recommendation', r] as [JsonSchemaKind, unknown]),
      ...exampleCatalogue.consultations.map((c) => ['Consultation', c] as [JsonSchemaKind, unknown]),
      ...exampleCatalogue.consultations.flatMap((c) => c.contributions).map((c) => ['Contribution', c] as [JsonSchemaKind, unknown]),
      ...exampleCatalogue.pilots.map((p) => ['Pilot', p] as [JsonSchemaKind, unknown]),
      ...exampleCatalogue.experienceReports.map((r) => ['ExperienceReport', r] as [JsonSchemaKind, unknown]),
      ['LifecycleEvent', { type: 'withdraw', reason: { de: 'Überholt' } }],
    ];
    for (const [kind, value] of cases) {
      const check = ajvFor(kind);
      expect(check(JSON.parse(JSON.stringify(value))), `${kind}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
  });

  it('reject what zod rejects structurally (wrong types, unknown keys, bad patterns, unknown states)', () => {
    const check = ajvFor('Recommendation');
    const base = exampleCatalogue.recommendations[1];
    const bad: unknown[] = [
      { ...base, id: 'Wartung 2026' },
      { ...base, number: '75' },
      { ...base, edition: '2026' },
      { ...base, status: { state: 'rescinded' } },
      { ...base, title: { en: 'only English' } },
      { ...base, unknown: true },
      { ...base, attachments: [{ ...base?.attachments[0], sha256: 'ABC' }] },
      { ...base, license: { id: 'MIT', iri: 'x', attribution: 'y' } },
    ];
    for (const value of bad) {
      expect(recordSchemas.Recommendation.safeParse(value).success).toBe(false);
      expect(check(value)).toBe(false);
    }
  });

  it('are never stricter than zod: whatever the JSON Schema rejects, zod rejects too (fuzzed)', () => {
    const check = ajvFor('Recommendation');
    const base = JSON.parse(JSON.stringify(exampleCatalogue.recommendations[1])) as Record<string, unknown>;
    const keys = Object.keys(base);
    const mutation = fc.record({
      key: fc.constantFrom(...keys),
      value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(undefined), fc.jsonValue()),
    });
    let rejectedByAjv = 0;
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const value: Record<string, unknown> = { ...base };
      for (const m of mutations) {
        if (m.value === undefined) delete value[m.key];
        else value[m.key] = m.value;
      }
      const json = JSON.parse(JSON.stringify(value)) as unknown;
      if (!check(json)) {
        rejectedByAjv += 1;
        expect(recordSchemas.Recommendation.safeParse(json).success).toBe(false);
      }
    }), { numRuns: 200 });
    expect(rejectedByAjv).toBeGreaterThan(100);
  });
});
