// Writes openapi.json (shipped with the package) from the registry contract.
// Run: pnpm --filter @foederal/publication generate:openapi
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistryOpenApiDocument } from '../src/registry/openapi.js';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(createRegistryOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
