import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/examples.ts'],
  format: ['esm'],
  // The private @foederal/core (ADR 0120) is bundled into code and declarations, the latter from
  // its sources through `paths` so that its own relative imports are bundled too (ADR 0120).
  dts: {
    compilerOptions: { paths: { '@foederal/core': ['../../tools/core/src/index.ts'], '@foederal/core/*': ['../../tools/core/src/*.ts'] } },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
