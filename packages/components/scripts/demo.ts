// `pnpm --filter @foederal/components demo`: serves the demo pages of docs/components with a
// freshly built bundle and a small registry serving the example catalogue of
// @foederal/recommendations, and prints the address of each page. Stop with Ctrl+C.
import { exampleCatalogue } from '@foederal/recommendations/examples';
import { bundleText } from './bundle.mjs';
import { startDemoServer } from '../test/demo-server.js';
import { startRegistryServer } from '../test/registry-server.js';

const registry = await startRegistryServer(exampleCatalogue);
const consultation = exampleCatalogue.consultations[0]?.id ?? '';
const demo = await startDemoServer(await bundleText());
const api = encodeURIComponent(registry.url);
console.log(`Registry / registry: ${registry.url}`);
for (const name of ['index', 'recommendation-list', 'recommendation', 'consultation-form', 'contributions', 'roster', 'vote-result']) {
  console.log(`${demo.url}/${name}.html?api=${api}&consultation=${consultation}  (English: &lang=en)`);
}
const stop = (): void => {
  void Promise.all([demo.close(), registry.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
