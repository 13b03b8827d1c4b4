import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStepString, StringEscapeError } from './strings.js';

const dec = (s: string) => {
  const b = new TextEncoder().encode(s);
  return decodeStepString(b, 0, b.length);
};
const latin = (codes: number[]) => decodeStepString(new Uint8Array(codes), 0, codes.length);

describe('decodeStepString', () => {
  it('keeps plain ASCII', () => {
    expect(dec('Wand-Int-ERDG-4')).toBe('Wand-Int-ERDG-4');
  });
  it("turns '' into one quote and \\\\ into one backslash", () => {
    expect(dec("it''s")).toBe("it's");
    expect(dec('a\\\\b')).toBe('a\\b');
  });
  it('decodes \\X\\hh as ISO 8859-1', () => {
    expect(dec('Gr\\X\\FC\\X\\DFe')).toBe('Grüße');
  });
  it('decodes \\X2\\ UTF-16 runs and \\X4\\ code points', () => {
    expect(dec('\\X2\\00C400D6\\X0\\rger')).toBe('ÄÖrger');
    expect(dec('\\X2\\D83DDE00\\X0\\')).toBe('😀');
    expect(dec('x\\X4\\0001F600\\X0\\y')).toBe('x😀y');
  });
  it('decodes \\S\\ with the current \\P.\\ code page', () => {
    expect(dec('\\S\\D')).toBe('Ä');
    // ISO 8859-2: 0xA3 is Ł
    expect(dec('\\PB\\\\S\\#')).toBe('Ł');
  });
  it('reads raw UTF-8 bytes, and falls back to ISO 8859-1 for invalid UTF-8', () => {
    expect(dec('Küche')).toBe('Küche');
    expect(latin([0x4b, 0xfc, 0x63, 0x68, 0x65])).toBe('Küche');
  });
  it('decodes strings longer than 64 KiB', () => {
    const long = 'ab\\X\\E4'.repeat(20000);
    expect(dec(long)).toBe('abä'.repeat(20000));
  });
  it('rejects malformed escapes with their position', () => {
    expect(() => dec('ok\\X2\\00C4')).toThrow(StringEscapeError);
    expect(() => dec('\\X\\ZZ')).toThrow(/hex/);
    try {
      dec('abc\\X2\\00C\\X0\\');
    } catch (e) {
      expect((e as StringEscapeError).at).toBe(3);
    }
  });
});

describe('decodeStepString round trips', () => {
  /** A STEP encoder written for this test: ASCII as is, quotes doubled, the rest as \X2\ or \X4\. */
  function encode(s: string): string {
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      if (ch === "'") out += "''";
      else if (ch === '\\') out += '\\\\';
      else if (cp >= 0x20 && cp < 0x7f) out += ch;
      else if (cp > 0xffff) out += `\\X4\\${cp.toString(16).toUpperCase().padStart(8, '0')}\\X0\\`;
      else if (cp >= 0x80 && cp <= 0xff && cp % 2 === 0) out += `\\X\\${cp.toString(16).toUpperCase()}`;
      else out += `\\X2\\${cp.toString(16).toUpperCase().padStart(4, '0')}\\X0\\`;
    }
    return out;
  }
  it('decodes what an independent encoder wrote, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(dec(encode(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
