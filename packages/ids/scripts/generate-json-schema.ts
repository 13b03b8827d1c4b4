// Writes the JSON Schemas (draft 2020-12) of the IDS document and the check report, generated from
// the zod schemas. `src/json-schema.test.ts` regenerates them and fails when they are stale.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/json-schema.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schema/${file}`);
}
