import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  // The private @foederal/core (ADR 0120) is bundled into code and declarations. Its
  // declarations are taken from its sources through `paths`, so that its own relative imports are
  // bundled too (resolved through node_modules they would be left as dangling `./errors.js`).
  dts: {
    entry: 'src/index.ts',
    compilerOptions: { paths: { '@foederal/core': ['../../tools/core/src/index.ts'], '@foederal/core/*': ['../../tools/core/src/*.ts'] } },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
