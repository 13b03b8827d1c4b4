// Entry `@foederal/recommendations/examples`: the example catalogue and its shipped documents.
// Kept out of the root entry so that importing the package builds no catalogue and evaluates no
// vote (issue 20); demos, tests and the reference app's seed import it from here.
export { exampleAssets, buildExampleCatalogue, exampleCatalogue } from './example-catalogue.js';
export type { ExampleCatalogueOptions } from './example-catalogue.js';
