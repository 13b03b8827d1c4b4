import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/all.ts',
    'src/recommendation-list.ts',
    'src/recommendation.ts',
    'src/consultation-form.ts',
    'src/contributions.ts',
    'src/roster.ts',
    'src/vote-result.ts',
  ],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
