/**
 * PostgreSQL binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary
 * Format") for rows of (int4 point, timestamptz time, float8 value, int2 quality[, int4 seq]).
 * Text COPY would format and parse every float; binary sends 8 bytes each.
 */

/** Microseconds between 1970-01-01 and 2000-01-01, the PostgreSQL epoch. */
const pgEpochMs = 946_684_800_000;

const header = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, // PGCOPY\n\377\r\n\0
  0, 0, 0, 0, // flags
  0, 0, 0, 0, // header extension length
]);

/** The binary COPY header. @internal */
export function copyHeader(): Buffer {
  return Buffer.from(header);
}

/** The binary COPY trailer (field count -1). @internal */
export function copyTrailer(): Buffer {
  return Buffer.from([0xff, 0xff]);
}

/**
 * Encode rows `[start, end)` of the columns into one buffer of binary COPY tuples. With
 * `withSequence` a fifth int4 field carries the row position (for "last one wins" merges).
 *
 * @internal
 */
export function encodeRows(
  ids: Int32Array,
  point: Int32Array,
  time: Float64Array,
  value: Float64Array,
  quality: Uint8Array,
  start: number,
  end: number,
  withSequence: boolean,
): Buffer {
  const rowSize = withSequence ? 48 : 40;
  const buf = Buffer.allocUnsafe((end - start) * rowSize);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let o = 0;
  for (let i = start; i < end; i++) {
    view.setInt16(o, withSequence ? 5 : 4);
    view.setInt32(o + 2, 4);
    view.setInt32(o + 6, ids[point[i] as number] as number);
    view.setInt32(o + 10, 8);
    // int64 microseconds as two 32-bit halves (exact below 2^53, i.e. for every accepted time)
    const us = ((time[i] as number) - pgEpochMs) * 1000;
    const high = Math.floor(us / 4_294_967_296);
    view.setInt32(o + 14, high);
    view.setUint32(o + 18, us - high * 4_294_967_296);
    view.setInt32(o + 22, 8);
    view.setFloat64(o + 26, value[i] as number);
    view.setInt32(o + 34, 2);
    view.setInt16(o + 38, quality[i] as number);
    if (withSequence) {
      view.setInt32(o + 40, 4);
      view.setInt32(o + 44, i);
    }
    o += rowSize;
  }
  return buf;
}

/**
 * Decoder of binary `COPY … TO STDOUT` output with rows (timestamptz, float8, int2) straight
 * into growing typed arrays: no text formatting on the server, no row objects in JavaScript.
 *
 * @internal
 */
export class SampleRowDecoder {
  times = new Float64Array(1024);
  values = new Float64Array(1024);
  qualities = new Uint8Array(1024);
  length = 0;
  #pending: Buffer = Buffer.alloc(0);
  #headerDone = false;
  #finished = false;

  push(chunk: Buffer): void {
    const buf = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    let o = 0;
    if (!this.#headerDone) {
      if (buf.length < 19) {
        this.#pending = buf;
        return;
      }
      if (!buf.subarray(0, 11).equals(header.subarray(0, 11))) throw new Error('binary COPY: unexpected header');
      o = 19 + buf.readUInt32BE(15); // signature, flags, extension length and extension
      this.#headerDone = true;
    }
    const rowSize = 32; // int16 count, (int32 len + 8) × 2, int32 len + 2
    while (buf.length - o >= 2) {
      const fields = buf.readInt16BE(o);
      if (fields === -1) {
        this.#finished = true;
        o += 2;
        break;
      }
      if (buf.length - o < rowSize) break;
      if (fields !== 3 || buf.readInt32BE(o + 2) !== 8 || buf.readInt32BE(o + 14) !== 8 || buf.readInt32BE(o + 26) !== 2) {
        throw new Error('binary COPY: unexpected row layout');
      }
      if (this.length === this.times.length) this.#grow();
      const high = buf.readInt32BE(o + 6);
      const low = buf.readUInt32BE(o + 10);
      this.times[this.length] = (high * 4_294_967_296 + low) / 1000 + pgEpochMs;
      this.values[this.length] = buf.readDoubleBE(o + 18);
      this.qualities[this.length] = buf.readInt16BE(o + 30);
      this.length++;
      o += rowSize;
    }
    this.#pending = o < buf.length ? Buffer.from(buf.subarray(o)) : Buffer.alloc(0);
  }

  /** True when the trailer arrived and nothing is left over. */
  get complete(): boolean {
    return this.#finished && this.#pending.length === 0;
  }

  #grow(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    const v = new Float64Array(n);
    v.set(this.values);
    const q = new Uint8Array(n);
    q.set(this.qualities);
    this.times = t;
    this.values = v;
    this.qualities = q;
  }
}
