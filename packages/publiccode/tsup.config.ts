import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm'],
  // The private @foederal/error-core (ADR 0120) is bundled into code and declarations.
  dts: { resolve: ['@foederal/error-core'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
