import * as z from 'zod/mini';
import { keyGrammarSchema } from './keys/key-grammar.js';
import { dataPointSchema } from './operation/data-point.js';
import { meterSchema } from './operation/meter.js';
import { readingSchema } from './operation/reading.js';
import { din277AreasSchema } from './physical/areas.js';
import { buildingSchema, siteSchema, spaceSchema, storeySchema } from './physical/spatial.js';
import { vocabularyDataSchema } from './vocabularies/vocabulary.js';

/**
 * Names of the JSON Schemas shipped in `schemas/<name>.schema.json`.
 *
 * @example
 * ```ts
 * const name: JsonSchemaName = 'building';
 * ```
 */
export type JsonSchemaName =
  | 'site'
  | 'building'
  | 'storey'
  | 'space'
  | 'din277-areas'
  | 'data-point'
  | 'meter'
  | 'reading'
  | 'key-grammar'
  | 'vocabulary';

const schemas: Record<JsonSchemaName, z.core.$ZodType> = {
  site: siteSchema,
  building: buildingSchema,
  storey: storeySchema,
  space: spaceSchema,
  'din277-areas': din277AreasSchema,
  'data-point': dataPointSchema,
  meter: meterSchema,
  reading: readingSchema,
  'key-grammar': keyGrammarSchema,
  vocabulary: vocabularyDataSchema,
};

/**
 * JSON Schema (draft 2020-12) of one data contract, generated from its zod schema, for consumers
 * that do not use TypeScript. The same documents ship as `@foederal/building-data/schemas/<name>.schema.json`.
 * Checks that JSON Schema cannot express (known vocabulary codes, OBIS medium) are left out.
 *
 * @example
 * ```ts
 * const schema = jsonSchemaOf('building'); // { $schema: 'https://json-schema.org/draft/2020-12/schema', … }
 * ```
 */
export function jsonSchemaOf(name: JsonSchemaName): Record<string, unknown> {
  return z.toJSONSchema(schemas[name], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * Names of all shipped JSON Schemas.
 *
 * @example
 * ```ts
 * jsonSchemaNames.map((n) => `${n}.schema.json`);
 * ```
 */
export const jsonSchemaNames = Object.keys(schemas) as JsonSchemaName[];
