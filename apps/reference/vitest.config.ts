import { defineProjectConfig } from '@foederal/vitest-config';

// The shared config lists `import` among the resolve conditions; Vitest passes them to Node as
// `--conditions`, and then `require('pg-pool')` inside `pg` picks pg-pool's ESM entry and fails.
// This package keeps the source condition and drops the explicit `import`/`require` ones (Vite and
// Node add them by import kind anyway).
const conditions = ['@foederal/source', 'module', 'node', 'default'];
const config = defineProjectConfig();
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions, externalConditions: ['@foederal/source'] } };

export default config;
