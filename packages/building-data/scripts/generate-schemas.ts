// Writes schemas/<name>.schema.json from the zod schemas (run: pnpm schemas).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaNames, jsonSchemaOf } from '../src/json-schemas.js';

for (const name of jsonSchemaNames) {
  const file = fileURLToPath(new URL(`../schemas/${name}.schema.json`, import.meta.url));
  writeFileSync(file, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
console.log(`${jsonSchemaNames.length} JSON Schemas written to schemas/`);
