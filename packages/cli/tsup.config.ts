import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  // The private @foederal/core (ADR 0120) is bundled into code and declarations.
  dts: { entry: 'src/index.ts', resolve: ['@foederal/core', /^@foederal\/core\//] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
