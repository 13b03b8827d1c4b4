// Starts the jobs thread from its TypeScript source (tests, `pnpm dev`): tsx compiles it on load.
// The built app starts dist/jobs-thread.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
