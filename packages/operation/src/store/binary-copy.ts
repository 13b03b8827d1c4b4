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
