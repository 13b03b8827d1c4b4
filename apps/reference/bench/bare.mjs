// The peer of the read bench: a bare Hono route per path returning fixed bytes with the same
// headers as the app, in its own process. Usage: node bench/bare.mjs <routes.json>
// routes.json: { "port": 0, "routes": { "/list": { "file": "...", "headers": { ... } } } }
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = new Hono();
for (const [path, { file, headers }] of Object.entries(spec.routes)) {
  const body = readFileSync(file);
  app.get(path, () => new Response(body, { headers }));
}
const server = serve({ fetch: app.fetch, port: spec.port ?? 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
