import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyHeader, copyTrailer, encodeRows, SampleRowDecoder } from './binary-copy.js';

/** Rows as PostgreSQL's binary COPY TO writes (timestamptz, float8, int2), built by hand. */
function copyOutput(rows: readonly [number, number, number][]): Buffer {
  const parts = [copyHeader()];
  for (const [time, value, quality] of rows) {
    const b = Buffer.alloc(32);
    b.writeInt16BE(3, 0);
    b.writeInt32BE(8, 2);
    b.writeBigInt64BE(BigInt(time - Date.UTC(2000, 0, 1)) * 1000n, 6);
    b.writeInt32BE(8, 14);
    b.writeDoubleBE(value, 18);
    b.writeInt32BE(2, 26);
    b.writeInt16BE(quality, 30);
    parts.push(b);
  }
  parts.push(copyTrailer());
  return Buffer.concat(parts);
}

describe('binary COPY', () => {
  it('encodes rows in the documented binary layout', () => {
    const buf = encodeRows(new Int32Array([7]), new Int32Array([0]), new Float64Array([Date.UTC(2000, 0, 1, 0, 0, 1)]), new Float64Array([1.5]), new Uint8Array([2]), 0, 1, false);
    // fields 4 | len 4, point 7 | len 8, 1,000,000 µs after 2000-01-01 | len 8, 1.5 | len 2, quality 2
    expect(buf.toString('hex')).toBe('0004' + '00000004' + '00000007' + '00000008' + '00000000000f4240' + '00000008' + '3ff8000000000000' + '00000002' + '0002');
  });

  it('decodes rows split at any chunk boundaries, before and after 2000', () => {
    const rows: [number, number, number][] = [
      [Date.UTC(1970, 0, 1), -0.5, 0],
      [Date.UTC(1999, 11, 31, 23, 59, 59, 999), 1e300, 1],
      [Date.UTC(2026, 0, 5, 8, 0, 0, 1), 21.5, 2],
    ];
    const all = copyOutput(rows);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: all.length }), { maxLength: 8 }), (cuts) => {
        const decoder = new SampleRowDecoder();
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        let last = 0;
        for (const p of [...points, all.length]) {
          decoder.push(all.subarray(last, p));
          last = p;
        }
        expect(decoder.complete).toBe(true);
        expect([...decoder.times.subarray(0, decoder.length)]).toEqual(rows.map((r) => r[0]));
        expect([...decoder.values.subarray(0, decoder.length)]).toEqual(rows.map((r) => r[1]));
        expect([...decoder.qualities.subarray(0, decoder.length)]).toEqual(rows.map((r) => r[2]));
      }),
    );
  });

  it('grows past its first capacity', () => {
    const rows = Array.from({ length: 3000 }, (_, i): [number, number, number] => [Date.UTC(2026, 0, 1) + i * 60_000, i, 0]);
    const decoder = new SampleRowDecoder();
    decoder.push(copyOutput(rows));
    expect(decoder.length).toBe(3000);
    expect(decoder.values[2999]).toBe(2999);
  });

  it('refuses a wrong header or row layout and notices a missing trailer', () => {
    expect(() => new SampleRowDecoder().push(Buffer.from('PGCOPX\n\xff\r\n\0' + '\0'.repeat(8), 'latin1'))).toThrow(/header/);
    const bad = copyOutput([[0, 1, 0]]);
    bad.writeInt32BE(4, 2 + 19); // the time field claims 4 bytes
    expect(() => new SampleRowDecoder().push(bad)).toThrow(/layout/);
    const cut = copyOutput([[0, 1, 0]]).subarray(0, 19 + 32);
    const decoder = new SampleRowDecoder();
    decoder.push(cut);
    expect(decoder.complete).toBe(false);
  });
});
