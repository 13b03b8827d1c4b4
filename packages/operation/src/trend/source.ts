import { readChunks } from '@foederal/core';
import { OperationError } from '../errors.js';

/**
 * Anything a trend reader can read: text, bytes, (async) iterables of chunks, a web stream.
 *
 * @example
 * ```ts
 * const source: TextSource = fs.createReadStream('trends.csv');
 * ```
 */
export type TextSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<Uint8Array>;

/**
 * Text encodings of trend exports; `auto` takes UTF-8 (with or without BOM) unless the first
 * 64 KiB are not valid UTF-8, then Windows-1252.
 *
 * @example
 * ```ts
 * const encoding: TextEncodingName = 'windows-1252';
 * ```
 */
export type TextEncodingName = 'auto' | 'utf-8' | 'windows-1252';

function chunks(source: TextSource): AsyncGenerator<string | Uint8Array> {
  return readChunks(source, (problem) =>
    problem === 'bad-chunk'
      ? new OperationError('invalid-input', 'Quelle liefert weder Text noch Bytes / source yields neither text nor bytes')
      : new OperationError('invalid-input', 'Quelle ist weder Text, Bytes noch Stream / source is neither text, bytes nor a stream'),
  );
}

const sniffSize = 65536;

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Yields a source as byte chunks (text is encoded as UTF-8), after choosing the encoding from a
 * BOM or the first 64 KiB; a UTF-8 BOM is dropped.
 * @internal
 */
export async function* byteChunks(
  source: TextSource,
  wanted: TextEncodingName,
  chosen: (e: 'utf-8' | 'windows-1252') => void,
): AsyncGenerator<Uint8Array> {
  let mode: 'text' | 'bytes' | undefined;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let decided = false;
  const encoder = new TextEncoder();
  const joined = (): Uint8Array => {
    if (pending.length === 1) return pending[0] as Uint8Array;
    const out = new Uint8Array(pendingSize);
    let o = 0;
    for (const p of pending) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  const decide = (bytes: Uint8Array): Uint8Array => {
    decided = true;
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    chosen(wanted === 'auto' ? (bom || validUtf8(bytes) ? 'utf-8' : 'windows-1252') : wanted);
    return bom ? bytes.subarray(3) : bytes;
  };
  for await (const chunk of chunks(source)) {
    if (typeof chunk === 'string') {
      if (mode === 'bytes') throw new OperationError('invalid-input', 'Quelle mischt Text und Bytes / source mixes text and bytes');
      if (mode === undefined) {
        chosen('utf-8');
        decided = true;
        mode = 'text';
        yield encoder.encode(chunk.replace(/^\uFEFF/, ''));
        continue;
      }
      yield encoder.encode(chunk);
      continue;
    }
    if (mode === 'text') throw new OperationError('invalid-input', 'Quelle mischt Text und Bytes / source mixes text and bytes');
    mode = 'bytes';
    if (decided) {
      yield chunk;
      continue;
    }
    pending.push(chunk);
    pendingSize += chunk.length;
    if (pendingSize < sniffSize) continue;
    const all = joined();
    pending = [];
    pendingSize = 0;
    yield decide(all);
  }
  if (!decided) {
    if (pendingSize > 0) yield decide(joined());
    else chosen(wanted === 'windows-1252' ? 'windows-1252' : 'utf-8');
  }
}
