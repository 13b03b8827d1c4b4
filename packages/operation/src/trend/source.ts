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

async function* chunks(source: TextSource): AsyncGenerator<string | Uint8Array> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
  } else if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
  } else if (typeof source === 'object' && source !== null && typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
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
  } else if (typeof source === 'object' && source !== null && (Symbol.asyncIterator in source || Symbol.iterator in source)) {
    for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw new OperationError('invalid-input', 'Quelle liefert weder Text noch Bytes / source yields neither text nor bytes');
      }
      yield chunk;
    }
  } else {
    throw new OperationError('invalid-input', 'Quelle ist weder Text, Bytes noch Stream / source is neither text, bytes nor a stream');
  }
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
 * Decodes a source into text chunks and reports bytes read; strips a UTF-8 BOM.
 * @internal
 */
export async function* decodeText(
  source: TextSource,
  wanted: TextEncodingName,
  onBytes: (n: number) => void,
  chosen: (e: 'utf-8' | 'windows-1252') => void,
): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let first = true;
  let mode: 'text' | 'bytes' | undefined;
  const start = (bytes: Uint8Array): void => {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const encoding = wanted === 'auto' ? (bom || validUtf8(bytes) ? 'utf-8' : 'windows-1252') : wanted;
    chosen(encoding);
    decoder = new TextDecoder(encoding);
  };
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
  for await (const chunk of chunks(source)) {
    if (typeof chunk === 'string') {
      if (mode === 'bytes') throw new OperationError('invalid-input', 'Quelle mischt Text und Bytes / source mixes text and bytes');
      mode = 'text';
      onBytes(chunk.length);
      if (first) chosen('utf-8');
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    if (mode === 'text') throw new OperationError('invalid-input', 'Quelle mischt Text und Bytes / source mixes text and bytes');
    mode = 'bytes';
    first = false;
    onBytes(chunk.length);
    if (!decoder) {
      pending.push(chunk);
      pendingSize += chunk.length;
      if (pendingSize < sniffSize) continue;
      const all = joined();
      pending = [];
      pendingSize = 0;
      start(all);
      yield (decoder as unknown as InstanceType<typeof TextDecoder>).decode(all, { stream: true });
      continue;
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (!decoder && pendingSize > 0) {
    const all = joined();
    start(all);
    yield (decoder as unknown as InstanceType<typeof TextDecoder>).decode(all, { stream: true });
  }
  if (decoder) yield decoder.decode();
  else if (first) chosen('utf-8');
}
