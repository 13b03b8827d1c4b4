import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm'],
  // The private @foederal/core (ADR 0120) is bundled into code and declarations, the latter from
  // its sources through `paths` so that its own relative imports are bundled too (ADR 0120).
  dts: {
    compilerOptions: { paths: { '@foederal/core': ['../../tools/core/src/index.ts'], '@foederal/core/*': ['../../tools/core/src/*.ts'] } },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Keep `with { type: 'json' }` on the lazy import of the oEmbed provider list (ADR 0106): Node
  // refuses a JSON import without it, and es2022 as target would otherwise drop it.
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'import-attributes': true };
  },
});
