import { readFile, stat } from 'node:fs/promises';
import { styleText } from 'node:util';
import { CliError } from './errors.js';

/**
 * A stream the command writes to (`process.stdout`, `process.stderr` or a test double).
 *
 * @example
 * ```ts
 * const sink: OutStream = { write: (chunk) => (chunks.push(String(chunk)), true), isTTY: false };
 * ```
 */
export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  readonly isTTY?: boolean;
  hasColors?(): boolean;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * A stream the command reads from (`-` on the command line), e.g. `process.stdin`.
 *
 * @example
 * ```ts
 * const input: InStream = Readable.from([Buffer.from('{"rules":"it-planungsrat"}')]);
 * ```
 */
export type InStream = AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean; readonly fd?: number };

/**
 * Where a command reads and writes: the process streams by default, replaceable in `run()`.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: AbortSignal.timeout(60_000) };
 * ```
 */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: InStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C; passed through to every reader and HTTP call. */
  readonly signal: AbortSignal;
}

/**
 * Colour only on a terminal that has colours, never with `NO_COLOR` set (https://no-color.org).
 */
export function colorEnabled(stream: OutStream, env: CliIo['env']): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (!stream.isTTY) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors() : true;
}

/** Styles for terminal output; plain text when colour is off. */
export interface Paint {
  bold(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

/** A painter for `stream`. */
export function painter(enabled: boolean): Paint {
  const p = (format: Parameters<typeof styleText>[0]) => (s: string) => (enabled ? styleText(format, s) : s);
  return { bold: p('bold'), green: p('green'), red: p('red'), yellow: p('yellow'), dim: p('dim') };
}

/** Largest JSON or XML input read into memory (the IFC reader has its own limit of 4 GiB). */
export const MAX_TEXT_INPUT_BYTES = 64 * 1024 * 1024;

function ioError(path: string, error: unknown): CliError {
  const e = error as NodeJS.ErrnoException;
  if (e?.name === 'AbortError' || e?.code === 'ABORT_ERR') return new CliError('aborted', 'Abgebrochen / aborted', { cause: error });
  if (e?.code === 'ENOENT') return new CliError('io', `Datei nicht gefunden / file not found: ${path}`, { cause: error });
  if (e?.code === 'EISDIR') return new CliError('io', `Ein Verzeichnis, keine Datei / a directory, not a file: ${path}`, { cause: error });
  if (e?.code === 'EACCES') return new CliError('io', `Keine Leseberechtigung / permission denied: ${path}`, { cause: error });
  return new CliError('io', `Datei nicht lesbar / cannot read file ${path}: ${e?.message ?? String(error)}`, { cause: error });
}

/**
 * Reads a whole input: a file, or standard input for `-`. Refuses more than `maxBytes` and stops
 * when `signal` aborts.
 */
export async function readInput(path: string, io: CliIo, maxBytes = MAX_TEXT_INPUT_BYTES): Promise<Uint8Array> {
  if (io.signal.aborted) throw new CliError('aborted', 'Abgebrochen / aborted');
  const tooLarge = () =>
    new CliError('invalid-input', `Eingabe größer als ${maxBytes} Bytes / input larger than ${maxBytes} bytes: ${path}`);
  if (path === '-') {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const bytes of stdinChunks(io)) {
      total += bytes.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(bytes);
    }
    return Buffer.concat(chunks, total);
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (info.size > maxBytes) throw tooLarge();
    return await readFile(path, { signal: io.signal });
  } catch (error) {
    if (CliError.isInstance(error)) throw error;
    throw ioError(path, error);
  }
}

/**
 * The chunks of standard input as bytes; Ctrl-C ends the wait for the next chunk (the stream is
 * destroyed) with a `CliError` of code `aborted`.
 */
export async function* stdinChunks(io: CliIo): AsyncGenerator<Uint8Array> {
  const aborted = () => new CliError('aborted', 'Abgebrochen / aborted');
  if (io.signal.aborted) throw aborted();
  const stream = io.stdin as InStream & { destroy?: (error?: Error) => void };
  const onAbort = () => stream.destroy?.(aborted());
  io.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      if (io.signal.aborted) throw aborted();
      yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    }
  } catch (error) {
    if (io.signal.aborted) throw aborted();
    throw new CliError('io', `Standardeingabe nicht lesbar / cannot read standard input: ${(error as Error).message}`, { cause: error });
  } finally {
    io.signal.removeEventListener('abort', onAbort);
  }
}

/** Size of a file in bytes, or undefined for standard input. Throws a typed error when missing. */
export async function fileSize(path: string): Promise<number | undefined> {
  if (path === '-') return undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    throw ioError(path, error);
  }
}

/** Decodes UTF-8 (with or without BOM), refusing invalid byte sequences with their offset. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new CliError('invalid-input', `Kein gültiges UTF-8 / not valid UTF-8: ${path}`, { cause: error });
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Reads and parses a JSON file (or stdin), with line and column of a syntax error. */
export async function readJson(path: string, io: CliIo): Promise<unknown> {
  const text = decodeUtf8(await readInput(path, io), path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const m = /position (\d+)/.exec(message);
    const where = m ? lineColumn(text, Number(m[1])) : undefined;
    const at = where ? ` (Zeile ${where.line}, Spalte ${where.column} / line ${where.line}, column ${where.column})` : '';
    throw new CliError('invalid-input', `Kein gültiges JSON / not valid JSON: ${path}${at}: ${message}`, { cause: error });
  }
}

/** `$.a[0].b` from a JSON path array. */
export function jsonPath(path: readonly PropertyKey[] | undefined): string {
  return `$${(path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
}
