/** Path of the generated token module. */
export declare const outputPath: string;
/** Rule blocks of a stylesheet with their selector/at-rule chain. */
export declare function parseBlocks(cssText: string): { chain: string[]; body: string }[];
/** Light-theme token table of a KERN stylesheet: name -> raw value. */
export declare function kernTokenTable(cssText: string): Map<string, string>;
/** Resolves `var()` references of a token against the table. */
export declare function resolveToken(table: Map<string, string>, name: string): string;
/** Every `--_kern-*` alias referenced in the package sources, sorted. */
export declare function usedAliases(srcDir?: string): string[];
/** Path of the installed `@kern-ux/native/dist/kern.css`. */
export declare function kernStylesheetPath(): string;
/** The generated module's text. */
export declare function generate(): string;
