// Node.js entry: open IFC files from disk (`@foederal/ifc/node`).
import { open } from 'node:fs/promises';
import { IfcError } from './errors.js';
import type { IfcModel } from './model.js';
import { buildModel, isZip, limitOf, MAX_INPUT_BYTES, unzipIfc, type OpenIfcOptions } from './open.js';
import { Scanner } from './step/scanner.js';

const CHUNK = 16 * 1024 * 1024;

/**
 * Opens an IFC (or .ifczip) file from disk: reads it in 16 MiB chunks into one buffer of the
 * file's size and indexes each chunk as it arrives, with progress reports and an AbortSignal.
 * Files up to 4 GiB.
 *
 * @example
 * import { openIfcFile } from '@foederal/ifc/node';
 * const model = await openIfcFile('school.ifc', { onProgress: (p) => console.log(p.bytes) });
 * console.log(model.schema, model.size);
 */
export async function openIfcFile(path: string, options: OpenIfcOptions = {}): Promise<IfcModel> {
  const { signal, onProgress } = options;
  const abort = () => {
    if (signal?.aborted) throw new IfcError('aborted', 'Lesen abgebrochen / reading aborted', {}, { cause: signal.reason });
  };
  abort();
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new IfcError('io', `Datei nicht lesbar / cannot read file ${path}: ${(e as Error).message}`, {}, { cause: e });
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_INPUT_BYTES) {
      throw new IfcError('too-large', `Datei größer als 4 GiB (${size} Bytes) / file larger than 4 GiB (${size} bytes)`, {});
    }
    // not zero-filled: every byte up to `len` is written by the reads below, and only those are read
    const bytes: Uint8Array = Buffer.allocUnsafe(size);
    let scanner: Scanner | undefined;
    let zipped = false;
    let len = 0;
    while (len < size) {
      abort();
      const { bytesRead } = await handle.read(bytes, len, Math.min(CHUNK, size - len), len);
      if (bytesRead === 0) break;
      len += bytesRead;
      if (!scanner && !zipped && len >= 4) {
        zipped = isZip(bytes);
        if (!zipped) scanner = new Scanner(bytes, len, size);
      }
      if (scanner) {
        scanner.length = len;
        scanner.final = len >= size;
        scanner.run();
      }
      onProgress?.({ phase: 'read', bytes: len, totalBytes: size });
    }
    abort();
    if (zipped) {
      onProgress?.({ phase: 'unzip', bytes: 0, totalBytes: len });
      const inner = unzipIfc(bytes.subarray(0, len), limitOf(options));
      scanner = new Scanner(inner, inner.length);
    }
    scanner ??= new Scanner(bytes, len);
    if (!scanner.final || zipped) {
      scanner.length = scanner.bytes === bytes ? len : scanner.bytes.length;
      scanner.final = true;
      scanner.run();
    }
    onProgress?.({ phase: 'index', bytes: scanner.length, totalBytes: scanner.length });
    return buildModel(scanner);
  } finally {
    await handle.close();
  }
}
