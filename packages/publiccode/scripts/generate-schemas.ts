// Writes schemas/publiccode.schema.json from the zod schema (run: pnpm schemas).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publiccodeJsonSchema } from '../src/schema.js';

const file = fileURLToPath(new URL('../schemas/publiccode.schema.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(publiccodeJsonSchema(), null, 2)}\n`);
console.log('schemas/publiccode.schema.json written');
