import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parsePubliccode, type ParsePubliccodeOptions, type PubliccodeResult } from './parse.js';

/**
 * Reads a `file:` URL for {@link ParsePubliccodeOptions.readFile}; `undefined` when missing.
 *
 * @example
 * ```ts
 * await parsePubliccode(text, { baseUrl: pathToFileURL('./'), readFile: readLocalFile });
 * ```
 */
export async function readLocalFile(url: URL): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(fileURLToPath(url)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw error;
  }
}

/**
 * Parses a publiccode.yml from disk (Node.js): relative paths in it (logo, screenshots,
 * AUTHORS file) are checked beside the file. Network checks run only with `options.fetch`.
 *
 * @example
 * ```ts
 * import { parsePubliccodeFile } from '@foederal/publiccode/node';
 * import { formatReport } from '@foederal/publiccode';
 *
 * const result = await parsePubliccodeFile('publiccode.yml');
 * process.exitCode = result.valid ? 0 : 1;
 * console.log(formatReport(result, 'de'));
 * ```
 */
export async function parsePubliccodeFile(path: string, options: ParsePubliccodeOptions = {}): Promise<PubliccodeResult> {
  const absolute = resolve(path);
  const bytes = new Uint8Array(await readFile(absolute));
  return parsePubliccode(bytes, { baseUrl: pathToFileURL(`${dirname(absolute)}/`), readFile: readLocalFile, ...options });
}
