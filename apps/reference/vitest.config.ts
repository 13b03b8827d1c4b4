import { defineProjectConfig } from '@foederal/vitest-config';

// The shared config lists `import` among the resolve conditions; Vitest passes them to Node as
// `--conditions`, and then `require('pg-pool')` inside `pg` picks pg-pool's ESM entry and fails.
// This package keeps the source condition and drops the explicit `import`/`require` ones (Vite and
// Node add them by import kind anyway).
const conditions = ['@foederal/source', 'module', 'node', 'default'];
const config = defineProjectConfig();
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions, externalConditions: ['@foederal/source'] } };

// One worker without isolation: the suites share the module state of @foederal/test-utils, so a
// missing PostgreSQL server or Chromium is announced in one line, and the two cores stay free
// for the app servers the tests start.
config.test = { ...config.test, maxWorkers: 1, isolate: false };

export default config;
