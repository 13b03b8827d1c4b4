import { unzipSync } from 'fflate';
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
}

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

/**
 * Extracts the IFC file from an .ifczip archive (the first `*.ifc` entry, else the first file);
 * throws an {@link IfcError} `zip` for a damaged archive.
 *
 * @example
 * const ifcBytes = unzipIfc(readFileSync('model.ifczip'));
 */
export function unzipIfc(bytes: Uint8Array): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new IfcError('zip', `Defektes ZIP-Archiv / damaged ZIP archive: ${(e as Error).message}`, { offset: 0 }, { cause: e });
  }
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const name = names.find((n) => /\.ifc$/i.test(n)) ?? names[0];
  if (name === undefined) throw new IfcError('zip', 'ZIP-Archiv ohne Datei / ZIP archive without a file', { offset: 0 });
  return files[name] as Uint8Array;
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
    bytes = unzipIfc(bytes);
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

/** Async chunk reader over any streaming source. */
async function* chunksOf(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Blob): AsyncGenerator<Uint8Array> {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* chunksOf(source.stream() as ReadableStream<Uint8Array>);
    return;
  }
  if (Symbol.asyncIterator in (source as object)) {
    for await (const c of source as AsyncIterable<Uint8Array>) yield c;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
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
    bytes = unzipIfc(bytes);
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
      bytes = unzipIfc(bytes);
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
