// Writes schemas/<name>.schema.json from the zod contracts. Run: pnpm generate:schemas
import { writeFileSync } from 'node:fs';
import { jsonSchemaNames, membershipJsonSchema } from '../src/json-schema.js';

for (const name of jsonSchemaNames) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(membershipJsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${jsonSchemaNames.length} schemas`);
