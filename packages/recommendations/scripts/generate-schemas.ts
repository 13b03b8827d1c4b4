// Writes the JSON Schemas generated from the zod schemas into ../schemas/.
// Run: pnpm --filter @foederal/recommendations schemas
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaDocuments } from '../src/json-schemas.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(dir, { recursive: true });
const documents = jsonSchemaDocuments();
for (const file of readdirSync(dir)) if (!(file in documents)) rmSync(join(dir, file));
for (const [file, text] of Object.entries(documents)) writeFileSync(join(dir, file), text);
console.log(`${Object.keys(documents).length} JSON Schemas written to ${dir}`);
