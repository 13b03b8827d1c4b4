// The root entry imports without side effects (issue 20): it must not load the example catalogue,
// whose construction runs vote evaluations; that lives in `@foederal/recommendations/examples`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The module URLs a fresh Node process loads for `import(specifier)`. */
function loadedModules(specifier: string): string[] {
  const child = spawnSync(
    process.execPath,
    [
      '--conditions=@foederal/source',
      '--import',
      'tsx',
      '--import',
      './test/register-loads.mjs',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(specifier)});`,
    ],
    { cwd: packageDir, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`import of ${specifier} failed: ${child.stderr}`);
  return child.stderr
    .split('\n')
    .filter((line) => line.startsWith('load '))
    .map((line) => line.slice('load '.length));
}

describe('root entry', () => {
  it('does not load the example catalogue (whose construction evaluates votes)', () => {
    const loaded = loadedModules('@foederal/recommendations');
    expect(loaded.some((url) => url.endsWith('/recommendations/src/index.ts'))).toBe(true);
    expect(loaded.filter((url) => url.includes('example-catalogue'))).toEqual([]);
  });

  it('the examples entry does load the catalogue (the check above can see it)', () => {
    const loaded = loadedModules('@foederal/recommendations/examples');
    expect(loaded.some((url) => url.endsWith('/recommendations/src/example-catalogue.ts'))).toBe(true);
  });
});
