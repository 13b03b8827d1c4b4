export { requirement, corpus, postgres, chromium, isCI } from './requirements.js';
export type { Requirement } from './requirements.js';
export { repoRoot, sharedDir, corpusDir } from './paths.js';
