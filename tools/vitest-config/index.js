// Shared Vitest settings: resolve workspace packages to their TypeScript sources through the
// `@foederal/source` export condition (no build needed before tests), and write a JSON report
// per package that `tools/test-utils/summary.mjs` adds up after `pnpm test`.
import { defineConfig, mergeConfig } from 'vitest/config';

// Vite's default server conditions plus our source condition. `import`/`require` are left out on
// purpose: Vite adds them by import kind, and listing `import` would make Node load the ESM entry
// of CommonJS-only consumers such as pg-pool.
const conditions = ['@foederal/source', 'module', 'node', 'development|production'];

/**
 * @param {import('vitest/config').UserConfig} [overrides]
 */
export function defineProjectConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions },
      ssr: { resolve: { conditions, externalConditions: ['@foederal/source'] } },
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        reporters: ['default', 'json'],
        outputFile: { json: 'test-results/vitest.json' },
        testTimeout: 20_000,
        hookTimeout: 60_000,
        pool: 'forks',
      },
    }),
    overrides,
  );
}
