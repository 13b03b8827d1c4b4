import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IfcError } from './errors.js';
import { openIfcFile } from './node.js';
import { openIfc, parseIfc, unzipIfc } from './open.js';
import { bytesOf, stepFile } from './test-helpers.js';

const small = stepFile("#1=IFCWALL('0000000000000000000001',$,'W1',$,$,$,$,$,$);");

/** A zip bomb: one entry of `size` spaces (deflate packs them about 1000:1). */
function bomb(size: number, name = 'bomb.ifc'): Uint8Array {
  return zipSync({ [name]: new Uint8Array(size).fill(0x20) }, { level: 9 });
}

/** Let the archive claim `claimed` as the entry's unpacked size (local header and central directory). */
function lieAboutSize(zip: Uint8Array, claimed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, claimed, true); // local file header: uncompressed size
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, claimed, true); // central directory: uncompressed size
      break;
    }
  }
  return out;
}

function expectCode(fn: () => unknown, code: string): IfcError {
  try {
    fn();
  } catch (e) {
    expect(IfcError.isInstance(e), String(e)).toBe(true);
    expect((e as IfcError).code).toBe(code);
    return e as IfcError;
  }
  throw new Error(`expected IfcError ${code}`);
}

describe('unzipping .ifczip with an output limit', () => {
  const packed = bomb(32 * 1024 * 1024);

  it('packs the generated bomb about 1000:1', () => {
    expect(packed.length).toBeLessThan(64 * 1024);
  });

  it('stops at the limit with a typed error, whatever the archive claims', () => {
    const e = expectCode(() => unzipIfc(packed, { maxUnzippedBytes: 1024 * 1024 }), 'unzip-limit');
    expect(e.message).toContain('bomb.ifc');
    expect(e.message).toMatch(/Zip-Bombe.* \/ .*zip bomb/);
    const lying = lieAboutSize(packed, 100);
    expectCode(() => unzipIfc(lying, { maxUnzippedBytes: 1024 * 1024 }), 'unzip-limit');
    expectCode(() => parseIfc(lying, { maxUnzippedBytes: 1024 * 1024 }), 'unzip-limit');
  });

  it('applies the limit in every entry point (parseIfc, openIfc on bytes and streams, openIfcFile)', async () => {
    const options = { maxUnzippedBytes: 4 * 1024 * 1024 };
    expectCode(() => parseIfc(packed, options), 'unzip-limit');
    await expect(openIfc(packed, options)).rejects.toMatchObject({ code: 'unzip-limit' });
    await expect(openIfc(new Blob([packed.slice().buffer]), options)).rejects.toMatchObject({ code: 'unzip-limit' });
    const dir = mkdtempSync(join(tmpdir(), 'ifc-bomb-'));
    try {
      writeFileSync(join(dir, 'bomb.ifczip'), packed);
      await expect(openIfcFile(join(dir, 'bomb.ifczip'), options)).rejects.toMatchObject({ code: 'unzip-limit' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a default limit of 1 GiB, below which models open as before', () => {
    const zipped = zipSync({ 'readme.txt': bytesOf('hi'), 'model/house.ifc': small });
    expect(unzipIfc(zipped)).toEqual(small);
    expect(unzipIfc(zipped, { maxUnzippedBytes: small.length })).toEqual(small);
    expectCode(() => unzipIfc(zipped, { maxUnzippedBytes: small.length - 1 }), 'unzip-limit');
    expect(parseIfc(zipped).size).toBe(1);
  });

  it('reads entries written with a data descriptor (streamed zips), sizes unknown up front', () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    const entry = new ZipDeflate('house.ifc', { level: 6 });
    zip.add(entry);
    entry.push(small, true);
    zip.end();
    const streamed = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      streamed.set(p, at);
      at += p.length;
    }
    expect(unzipIfc(streamed)).toEqual(small);
  });

  it('answers damaged and fuzzed archives with a typed error, never anything else', () => {
    const good = zipSync({ 'house.ifc': small });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = good.slice();
        for (const [at, value] of edits) bytes[at] = value;
        try {
          unzipIfc(bytes, { maxUnzippedBytes: 1024 * 1024 });
        } catch (e) {
          expect(IfcError.isInstance(e), String(e)).toBe(true);
          expect(['zip', 'unzip-limit']).toContain((e as IfcError).code);
        }
      }),
      { numRuns: 500 },
    );
    expectCode(() => unzipIfc(good.subarray(0, good.length - 30)), 'zip');
    expectCode(() => unzipIfc(zipSync({ 'leer/': new Uint8Array(0) })), 'zip');
  });
});
