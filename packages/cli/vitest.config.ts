import { defineProjectConfig } from '@foederal/vitest-config';

// The tests run the built bin as a child process: the global setup builds it when it is missing
// or older than the sources.
export default defineProjectConfig({ test: { globalSetup: ['test/global-setup.ts'], testTimeout: 60_000 } });
