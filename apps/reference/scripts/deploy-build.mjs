// One command for a self-contained folder of the reference app: the built app (dist/main.js,
// dist/worker.js, dist/jobs-thread.js; migrations are part of the code), its production
// dependencies with the native better-sqlite3 binding built for this Node version, and the static
// assets those dependencies ship (KERN UX, components bundle, example documents). The folder runs
// with `node dist/main.js` on a machine without the workspace, same OS, CPU and Node major version.
//
// Usage: pnpm --filter @foederal/reference deploy:build [out-dir]   (default: <repo>/dist/reference)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(appDir, '../..');
const out = resolve(process.argv[2] ?? join(root, 'dist/reference'));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });

// 1. Build the app and the workspace packages it uses (turbo; cached when nothing changed).
run('pnpm', ['turbo', 'run', 'build', '--filter=@foederal/reference...', '--output-logs=errors-only']);
// 2. Copy the app with its production dependencies; workspace packages are packed like published ones.
rmSync(out, { recursive: true, force: true });
run('pnpm', ['--filter', '@foederal/reference', 'deploy', '--prod', '--legacy', out]);
// 3. Check what a clean machine needs is there.
const binding = join(out, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
for (const file of ['dist/main.js', 'dist/worker.js', 'dist/jobs-thread.js', 'package.json']) {
  if (!existsSync(join(out, file))) throw new Error(`deploy build: ${file} missing in ${out}`);
}
if (!existsSync(binding)) throw new Error(`deploy build: the native SQLite binding is missing (${binding})`);
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
writeFileSync(
  join(out, 'BUILD-INFO.json'),
  `${JSON.stringify({ commit, builtAt: new Date().toISOString(), node: process.version, nodeModuleAbi: process.versions.modules, platform: process.platform, arch: process.arch }, null, 2)}\n`,
);
console.log(`deploy build ready: ${out} (Node ${process.version}, ABI ${process.versions.modules}, ${process.platform}-${process.arch})`);
