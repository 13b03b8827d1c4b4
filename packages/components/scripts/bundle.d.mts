import type { BuildOptions } from 'esbuild';

/** Where `node scripts/bundle.mjs` writes the release bundle. */
export declare const bundlePath: string;
/** esbuild options for one entry (default: all elements). */
export declare function bundleOptions(entry?: string): BuildOptions & { write: false };
/** The minified bundle of one entry (default: all elements) as text. */
export declare function bundleText(entry?: string): Promise<string>;
