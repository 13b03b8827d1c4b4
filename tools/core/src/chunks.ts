/** What a chunked reader could not read: the source itself, or one of its chunks. */
export type ChunkProblem = 'not-a-source' | 'bad-chunk';

/**
 * The chunks of any input the packages read incrementally — text, bytes, an `ArrayBuffer`, a
 * `Blob`, a web `ReadableStream` or a (sync or async) iterable of text or byte chunks, such as a
 * Node stream — as text or bytes, in order. A stream reader's lock is released when the consumer
 * stops early. Anything else, or a chunk that is neither text nor bytes, is reported through
 * `fail`, which returns the package's own typed error to throw.
 *
 * @example
 * for await (const chunk of readChunks(file.stream(), (p) => new MyError(p))) consume(chunk);
 */
export async function* readChunks(source: unknown, fail: (problem: ChunkProblem) => Error): AsyncGenerator<string | Uint8Array> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
    return;
  }
  if (typeof source !== 'object' || source === null) throw fail('not-a-source');
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* readChunks(source.stream(), fail);
    return;
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<unknown>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield checked(value, fail);
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    for await (const chunk of source as AsyncIterable<unknown>) yield checked(chunk, fail);
    return;
  }
  throw fail('not-a-source');
}

function checked(chunk: unknown, fail: (problem: ChunkProblem) => Error): string | Uint8Array {
  if (typeof chunk === 'string' || chunk instanceof Uint8Array) return chunk;
  throw fail('bad-chunk');
}
