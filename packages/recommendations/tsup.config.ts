import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/examples.ts'],
  format: ['esm'],
  // The private @foederal/core (ADR 0120) is bundled into code and declarations.
  dts: { resolve: ['@foederal/core', /^@foederal\/core\//] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
