import { defineConfig } from 'tsup';

export default defineConfig({
  // The web app, the queue worker (`node dist/worker.js`) and the jobs thread the app starts.
  entry: { main: 'src/main.ts', worker: 'src/worker.ts', 'jobs-thread': 'src/jobs/thread.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node20',
});
