#!/usr/bin/env bash
# End to end: starts the built reference app (as `pnpm start` does) on a free port with a fresh
# SQLite file and demo data, then runs every custom element of @foederal/components against its
# registry API in Chromium, with axe in German and English
# (`pnpm --filter @foederal/components check:registry`). Needs `pnpm build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$data/app.log"
(cd apps/reference && PORT="$port" HOST=127.0.0.1 DATA_DIR="$data" BASE_URL="http://127.0.0.1:$port" LOG_LEVEL=warn exec node dist/main.js >"$log" 2>&1) &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "reference app exited:"; cat "$log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { echo "reference app not ready:"; cat "$log"; exit 1; }
echo "reference app ready on port $port"
pnpm --filter @foederal/components check:registry "http://127.0.0.1:$port"
