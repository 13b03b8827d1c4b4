import { readChunks, type ChunkProblem } from '@foederal/core';
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { IfcError, type IfcWarning } from './errors.js';
import { IfcIndex, IfcModel, readHeader, withLines } from './model.js';
import { ifcSchema, schemaNameFor, type IfcSchemaName } from './schema/schema.js';
import { Scanner } from './step/scanner.js';

/**
 * Progress of opening a model.
 *
 * @example
 * await openIfc(stream, { onProgress: (p: IfcProgress) => bar.update(p.bytes / (p.totalBytes ?? 1)) });
 */
export interface IfcProgress {
  /** `read` while bytes arrive, `index` while scanning, `unzip` for .ifczip. */
  readonly phase: 'read' | 'unzip' | 'index';
  /** Bytes done in this phase. */
  readonly bytes: number;
  /** Total bytes when known. */
  readonly totalBytes: number | undefined;
}

/**
 * Options of {@link openIfc}, {@link parseIfc} and `openIfcFile`.
 *
 * @example
 * const options: OpenIfcOptions = { signal: AbortSignal.timeout(30_000) };
 */
export interface OpenIfcOptions {
  /** Called every few megabytes. */
  readonly onProgress?: (progress: IfcProgress) => void;
  /** Aborts opening with an {@link IfcError} of code `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * Largest IFC file an `.ifczip` may unpack to, in bytes; beyond it, unpacking stops with an
   * {@link IfcError} of code `unzip-limit` (a zip bomb). Default {@link DEFAULT_MAX_UNZIPPED_BYTES}.
   */
  readonly maxUnzippedBytes?: number;
}

/**
 * Default output limit of unpacking an `.ifczip`: 1 GiB. Real models compress about 5 to 20
 * times; a zip bomb about 1000 times per deflate layer.
 *
 * @example
 * parseIfc(bytes, { maxUnzippedBytes: DEFAULT_MAX_UNZIPPED_BYTES / 4 });
 */
export const DEFAULT_MAX_UNZIPPED_BYTES = 2 ** 30;

/**
 * What {@link openIfc} reads: bytes, a stream or async iterable of chunks, or a Blob/File.
 *
 * @example
 * const source: IfcSource = input.files[0]; // a File from an <input type="file">
 */
export type IfcSource =
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Blob;

/**
 * Largest input: 4 GiB, the largest buffer Node 20 can hold; offsets in the index are 32-bit.
 *
 * @example
 * if (file.size > MAX_INPUT_BYTES) throw new Error('too large');
 */
export const MAX_INPUT_BYTES = 2 ** 32;
const SLICE = 32 * 1024 * 1024;

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new IfcError('aborted', 'Lesen abgebrochen / reading aborted', {}, { cause: signal.reason });
  }
}

const yieldToLoop = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * True when the bytes start a ZIP archive (`PK\x03\x04`), e.g. an .ifczip.
 *
 * @example
 * if (isZip(bytes)) bytes = unzipIfc(bytes);
 */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Options of {@link unzipIfc}. */
export interface UnzipIfcOptions {
  /** Largest unpacked size in bytes. Default {@link DEFAULT_MAX_UNZIPPED_BYTES}. */
  readonly maxUnzippedBytes?: number;
}

/** Compressed bytes fed to the inflater at a time: each step unpacks at most about 16 MiB. */
const UNZIP_STEP = 16 * 1024;

function unzipLimitError(limit: number, name: string): IfcError {
  return new IfcError(
    'unzip-limit',
    `ZIP-Eintrag ${name} entpackt größer als ${limit} Byte (Zip-Bombe?) / ZIP entry ${name} unpacks to more than ${limit} bytes (zip bomb?)`,
    { offset: 0 },
  );
}

/**
 * Extracts the IFC file from an .ifczip archive (the first `*.ifc` entry, else the first file).
 * Only that entry is inflated, in small steps, and unpacking stops as soon as its output passes
 * `maxUnzippedBytes` (an {@link IfcError} `unzip-limit`), whatever the archive claims about its
 * sizes. Throws an {@link IfcError} `zip` for a damaged archive.
 *
 * @example
 * const ifcBytes = unzipIfc(readFileSync('model.ifczip'), { maxUnzippedBytes: 512 * 1024 ** 2 });
 */
export function unzipIfc(bytes: Uint8Array, options: UnzipIfcOptions = {}): Uint8Array {
  const limit = options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES;
  if (!(limit >= 0)) throw new RangeError('maxUnzippedBytes must be a number >= 0');
  // First pass over the central directory only: the names (nothing is inflated).
  const entries: { name: string; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new IfcError('zip', `Defektes ZIP-Archiv / damaged ZIP archive: ${(e as Error).message}`, { offset: 0 }, { cause: e });
  }
  const files = entries.filter((f) => !f.name.endsWith('/'));
  const chosen = files.find((f) => /\.ifc$/i.test(f.name)) ?? files[0];
  if (chosen === undefined) throw new IfcError('zip', 'ZIP-Archiv ohne Datei / ZIP archive without a file', { offset: 0 });
  if (chosen.originalSize > limit) throw unzipLimitError(limit, chosen.name);
  // Second pass: stream the local entries and inflate only the chosen one, counting its output.
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  let failure: IfcError | undefined;
  let started = false;
  const unzip = new Unzip((file: UnzipFile) => {
    if (started || file.name !== chosen.name) return;
    started = true;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new IfcError('zip', `Defektes ZIP-Archiv / damaged ZIP archive: ${error.message}`, { offset: 0 }, { cause: error });
        return;
      }
      size += chunk.length;
      if (size > limit) {
        failure = unzipLimitError(limit, chosen.name);
        file.terminate();
        return;
      }
      if (chunk.length > 0) parts.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !done && !failure; at += UNZIP_STEP) {
      const end = Math.min(bytes.length, at + UNZIP_STEP);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    if (failure) throw failure;
    throw new IfcError('zip', `Defektes ZIP-Archiv / damaged ZIP archive: ${(e as Error).message}`, { offset: 0 }, { cause: e });
  }
  if (failure) throw failure;
  if (!done) throw new IfcError('zip', `ZIP-Eintrag ${chosen.name} unvollständig / ZIP entry ${chosen.name} incomplete`, { offset: 0 });
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Turns a finished scanner into a model. */
export function buildModel(scanner: Scanner): IfcModel {
  const bytes = scanner.bytes;
  const header = readHeader(bytes, scanner.header);
  const identifier = header.schemas[0];
  if (identifier === undefined) {
    throw new IfcError('not-ifc', 'FILE_SCHEMA fehlt, keine IFC-Datei / FILE_SCHEMA missing, not an IFC file', { offset: 0 });
  }
  const raw: (Omit<IfcWarning, 'line'> & { offset: number })[] = [...scanner.warnings];
  let schema: IfcSchemaName | undefined = schemaNameFor(identifier);
  if (schema === undefined) {
    if (!/^IFC/i.test(identifier)) {
      throw new IfcError('not-ifc', `Keine IFC-Datei (Schema ${identifier}) / not an IFC file (schema ${identifier})`, {
        offset: scanner.header.find((h) => h.name === 'FILE_SCHEMA')?.start ?? 0,
      });
    }
    schema = 'IFC4X3_ADD2';
    raw.push({
      code: 'unsupported-schema',
      message: `Unbekanntes Schema ${identifier}, gelesen als IFC4X3_ADD2 / unknown schema ${identifier}, read as IFC4X3_ADD2`,
      offset: scanner.header.find((h) => h.name === 'FILE_SCHEMA')?.start ?? 0,
    });
  }
  const index = new IfcIndex(scanner, (w) => raw.push(w));
  const info = ifcSchema(schema);
  const unknown = new Set<number>();
  scanner.typeNames.forEach((name, t) => {
    if (!info.entity(name)) unknown.add(t);
  });
  if (unknown.size) {
    for (let i = 0; i < index.count && unknown.size; i++) {
      const t = index.types[i] as number;
      if (unknown.delete(t)) {
        const name = index.typeNames[t] as string;
        raw.push({
          code: 'unknown-type',
          message: `Typ ${name} ist in ${schema} unbekannt / type ${name} is unknown in ${schema}`,
          offset: index.starts[i] as number,
          entityId: index.ids[i] as number,
        });
      }
    }
  }
  if (scanner.suppressedWarnings) {
    raw.push({
      code: 'garbage',
      message: `${scanner.suppressedWarnings} weitere Warnungen unterdrückt / ${scanner.suppressedWarnings} more warnings suppressed`,
      offset: scanner.length,
    });
  }
  return new IfcModel({
    index,
    header,
    schema,
    schemaIdentifier: identifier,
    warnings: withLines(bytes, raw),
    dataSections: scanner.dataSections,
    byteLength: scanner.length,
  });
}

/** The unzip options of open options (only when set, for exactOptionalPropertyTypes). @internal */
export function limitOf(options: OpenIfcOptions): UnzipIfcOptions {
  return options.maxUnzippedBytes === undefined ? {} : { maxUnzippedBytes: options.maxUnzippedBytes };
}

function toBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/**
 * Opens an IFC model from bytes synchronously: reads the header and indexes every entity in one
 * pass; `.ifczip` bytes are unzipped first. Throws an {@link IfcError} when the bytes are not an
 * IFC file; recoverable problems end up in `model.warnings`.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * const model = parseIfc(readFileSync('house.ifc'));
 * console.log(model.schema, model.size);
 */
export function parseIfc(source: Uint8Array | ArrayBuffer, options: OpenIfcOptions = {}): IfcModel {
  let bytes = toBytes(source);
  checkAbort(options.signal);
  if (isZip(bytes)) {
    options.onProgress?.({ phase: 'unzip', bytes: 0, totalBytes: bytes.length });
    bytes = unzipIfc(bytes, limitOf(options));
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new IfcError('too-large', 'Datei größer als 4 GiB / file larger than 4 GiB', {});
  }
  const scanner = new Scanner(bytes, bytes.length);
  scanner.final = true;
  scanner.run();
  options.onProgress?.({ phase: 'index', bytes: bytes.length, totalBytes: bytes.length });
  return buildModel(scanner);
}

/** Async chunk reader over any streaming source; an IFC stream carries bytes only. */
async function* chunksOf(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Blob): AsyncGenerator<Uint8Array> {
  const fail = (problem: ChunkProblem): IfcError =>
    problem === 'bad-chunk'
      ? new IfcError('io', 'Quelle liefert keine Bytes / source yields no bytes', {})
      : new IfcError('io', 'Quelle ist weder Bytes, Blob noch Stream / source is neither bytes, a Blob nor a stream', {});
  for await (const chunk of readChunks(source, fail)) {
    if (typeof chunk === 'string') throw fail('bad-chunk');
    yield chunk;
  }
}

/**
 * Reads chunks into one growing buffer and indexes while they arrive. `totalBytes`, when known,
 * sizes the buffer once.
 * @internal
 */
export async function scanChunks(
  chunks: AsyncIterable<Uint8Array>,
  totalBytes: number | undefined,
  options: OpenIfcOptions,
): Promise<IfcModel> {
  const { signal, onProgress } = options;
  let buf: Uint8Array = new Uint8Array(Math.max(totalBytes ?? 0, 1 << 20));
  let len = 0;
  let scanner: Scanner | undefined;
  let zipped = false;
  let lastReport = 0;
  for await (const chunk of chunks) {
    checkAbort(signal);
    if (len + chunk.length > MAX_INPUT_BYTES) {
      throw new IfcError('too-large', 'Datei größer als 4 GiB / file larger than 4 GiB', { offset: len });
    }
    if (len + chunk.length > buf.length) {
      const next = new Uint8Array(Math.min(MAX_INPUT_BYTES, Math.max(len + chunk.length, buf.length * 2)));
      next.set(buf.subarray(0, len));
      buf = next;
      if (scanner) scanner.bytes = buf;
    }
    buf.set(chunk, len);
    len += chunk.length;
    if (len >= 4 && !scanner && !zipped) {
      zipped = isZip(buf);
      if (!zipped) scanner = new Scanner(buf, len, totalBytes ?? len * 8);
    }
    if (scanner && len - scanner.pos >= SLICE) {
      scanner.length = len;
      scanner.run();
    }
    if (onProgress && len - lastReport >= 4 * 1024 * 1024) {
      lastReport = len;
      onProgress({ phase: 'read', bytes: len, totalBytes });
    }
  }
  checkAbort(signal);
  onProgress?.({ phase: 'read', bytes: len, totalBytes });
  let bytes = buf.subarray(0, len);
  if (zipped || (!scanner && isZip(bytes))) {
    onProgress?.({ phase: 'unzip', bytes: 0, totalBytes: len });
    bytes = unzipIfc(bytes, limitOf(options));
    len = bytes.length;
    scanner = undefined;
  }
  if (!scanner) scanner = new Scanner(bytes, len);
  scanner.bytes = bytes;
  scanner.length = len;
  scanner.final = true;
  scanner.run();
  onProgress?.({ phase: 'index', bytes: len, totalBytes: len });
  return buildModel(scanner);
}

/**
 * Opens an IFC model from bytes, a `ReadableStream`, an async iterable of chunks or a `Blob`
 * (`.ifczip` too). Indexes while reading, yields to the event loop between slices, reports
 * progress and honours an `AbortSignal`. For files in Node see `openIfcFile` in
 * `@foederal/ifc/node`.
 *
 * @example
 * const response = await fetch('/models/school.ifc');
 * const model = await openIfc(response.body!, { onProgress: (p) => console.log(p.phase, p.bytes) });
 * console.log(model.spatialTree());
 */
export async function openIfc(source: IfcSource, options: OpenIfcOptions = {}): Promise<IfcModel> {
  checkAbort(options.signal);
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    let bytes = toBytes(source);
    if (isZip(bytes)) {
      options.onProgress?.({ phase: 'unzip', bytes: 0, totalBytes: bytes.length });
      bytes = unzipIfc(bytes, limitOf(options));
    }
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new IfcError('too-large', 'Datei größer als 4 GiB / file larger than 4 GiB', {});
    }
    const scanner = new Scanner(bytes, 0, bytes.length);
    for (let end = Math.min(bytes.length, SLICE); ; end = Math.min(bytes.length, end + SLICE)) {
      scanner.length = end;
      scanner.final = end === bytes.length;
      scanner.run();
      options.onProgress?.({ phase: 'index', bytes: end, totalBytes: bytes.length });
      if (scanner.final) break;
      await yieldToLoop();
      checkAbort(options.signal);
    }
    return buildModel(scanner);
  }
  const total = typeof Blob !== 'undefined' && source instanceof Blob ? source.size : undefined;
  return scanChunks(chunksOf(source), total, options);
}
