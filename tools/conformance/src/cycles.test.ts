// The cycle rule of the design (issue 20): `pnpm lint` runs `lint:cycles`, which must fail on a
// new import cycle, type-only imports included, and pass on a tree without one. The check runs
// the repository's own `lint:cycles` script on small trees laid out like the monorepo. dpdm
// resolves the `.js` specifiers of TypeScript sources through the nearest tsconfig.json, so
// every workspace folder with sources must have one: without it, its cycles go unseen.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['lint:cycles'];
const dpdm = join(root, 'node_modules', '.bin', 'dpdm');
const trees: string[] = [];

const tsconfig = JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true }, include: ['src'] });

/**
 * Runs the `lint:cycles` script in a fresh tree of `files`, each workspace folder with a
 * package.json and a tsconfig.json as in the repository; its exit code and output.
 */
async function lintCycles(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'foederal-cycles-'));
  trees.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    const workspace = join(dir, ...path.split('/').slice(0, 2));
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: path.split('/')[1], type: 'module' }));
    writeFileSync(join(workspace, 'tsconfig.json'), tsconfig);
  }
  const command = script!.replace(/^dpdm\b/, JSON.stringify(dpdm));
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

afterAll(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

describe('lint:cycles', () => {
  it('is part of pnpm lint and starts with dpdm', () => {
    const lint = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['lint'];
    expect(lint).toContain('pnpm run lint:cycles');
    expect(script).toMatch(/^dpdm\b/);
  });

  it('sees every workspace folder with sources: each has a tsconfig.json', () => {
    const folders = ['packages', 'apps', 'tools'].flatMap((group) =>
      readdirSync(join(root, group), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, group, e.name, 'src')))
        .map((e) => `${group}/${e.name}`),
    );
    expect(folders.length).toBeGreaterThanOrEqual(13);
    expect(folders.filter((f) => !existsSync(join(root, f, 'tsconfig.json')))).toEqual([]);
  });

  it('passes a tree whose imports point one way', async () => {
    const result = await lintCycles({
      'packages/a/src/index.ts': "import { b } from './b.js';\nexport const a = b + 1;\n",
      'packages/a/src/b.ts': 'export const b = 1;\n',
      'apps/x/src/main.ts': "import { a } from '../../../packages/a/src/index.js';\nconsole.log(a);\n",
    });
    expect(result.code, result.output).toBe(0);
  }, 90_000);

  it('fails on a new cycle inside a package', async () => {
    const result = await lintCycles({
      'packages/a/src/index.ts': "import { b } from './b.js';\nexport const a = 1;\nexport const c = b;\n",
      'packages/a/src/b.ts': "import { a } from './index.js';\nexport const b = a + 1;\n",
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/index\.ts/);
  }, 90_000);

  it('fails on a cycle made only of type imports (like the model interface in @foederal/ifc was)', async () => {
    const result = await lintCycles({
      'packages/ifc/src/model.ts': "import type { Reader } from './reader.js';\nexport interface Model { reader(): Reader }\n",
      'packages/ifc/src/reader.ts': "import type { Model } from './model.js';\nexport interface Reader { model(): Model }\n",
    });
    expect(result.code).toBe(1);
  }, 90_000);

  it('fails on a cycle across three files of the app and the tools', async () => {
    const result = await lintCycles({
      'apps/x/src/a.ts': "import { c } from '../../../tools/t/src/c.js';\nexport const a = () => c();\n",
      'apps/x/src/b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
      'tools/t/src/c.ts': "import { b } from '../../../apps/x/src/b.js';\nexport const c = () => b();\n",
    });
    expect(result.code).toBe(1);
  }, 90_000);
});
