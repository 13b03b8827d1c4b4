// Decoding of STEP string literals (ISO 10303-21 §6.4.3): `''`, `\\`, `\X\hh`, `\X2\…\X0\`,
// `\X4\…\X0\`, `\S\c` and the `\P.\` code page directive. Works on bytes; raw non-ASCII bytes
// (which some writers emit) are read as UTF-8 when valid, else as ISO 8859-1.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Loose = new TextDecoder('utf-8');
const pageDecoders = new Map<string, InstanceType<typeof TextDecoder> | null>();

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 4096)));
  }
  return s;
}

function pageChar(page: string, code: number): string {
  if (page === 'A') return String.fromCharCode(code);
  let d = pageDecoders.get(page);
  if (d === undefined) {
    const n = page.charCodeAt(0) - 64; // A=1 … I=9
    try {
      d = new TextDecoder(`iso-8859-${n}`);
    } catch {
      d = null;
    }
    pageDecoders.set(page, d);
  }
  return d ? d.decode(new Uint8Array([code])) : String.fromCharCode(code);
}

/** Thrown with the offset (relative to the literal) of a malformed escape. */
export class StringEscapeError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function hex(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) throw new StringEscapeError(`bad hex digits '${s.slice(i, i + n)}'`, i);
    v = v * 16 + d;
  }
  return v;
}

/** Resolves escapes in the raw string text (between the quotes). */
function unescape(raw: string): string {
  let out = '';
  let page = 'A';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const bs = raw.indexOf('\\', i);
    const q = raw.indexOf("'", i);
    const next = bs < 0 ? q : q < 0 ? bs : Math.min(bs, q);
    if (next < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, next);
    i = next;
    if (raw[i] === "'") {
      // `''` is one quote; the scanner guarantees quotes come in pairs here.
      out += "'";
      i += 2;
      continue;
    }
    const c = raw[i + 1];
    if (c === '\\') {
      out += '\\';
      i += 2;
    } else if (c === 'X' && raw[i + 2] === '\\') {
      out += String.fromCharCode(hex(raw, i + 3, 2));
      i += 5;
    } else if (c === 'X' && (raw[i + 2] === '2' || raw[i + 2] === '4') && raw[i + 3] === '\\') {
      const width = raw[i + 2] === '2' ? 4 : 8;
      const endTag = raw.indexOf('\\X0\\', i + 4);
      if (endTag < 0) throw new StringEscapeError('\\X2\\ or \\X4\\ without \\X0\\', i);
      const body = raw.slice(i + 4, endTag);
      if (body.length % width !== 0) throw new StringEscapeError('odd number of hex digits', i);
      for (let k = 0; k < body.length; k += width) {
        const code = hex(body, k, width);
        if (width === 4) out += String.fromCharCode(code);
        else if (code > 0x10ffff) throw new StringEscapeError('code point out of range', i);
        else out += String.fromCodePoint(code);
      }
      i = endTag + 4;
    } else if (c === 'S' && raw[i + 2] === '\\' && i + 3 < n) {
      out += pageChar(page, raw.charCodeAt(i + 3) + 128);
      i += 4;
    } else if (c === 'P' && raw[i + 3] === '\\' && /[A-I]/.test(raw[i + 2] ?? '')) {
      page = raw[i + 2] as string;
      i += 4;
    } else if (c === 'N' && raw[i + 2] === '\\') {
      out += '\n';
      i += 3;
    } else if (c === 'T' && raw[i + 2] === '\\') {
      out += '\t';
      i += 3;
    } else {
      // A lone backslash: keep it (lenient, as most readers are).
      out += '\\';
      i += 1;
    }
  }
  return out;
}

let scratch = new Uint16Array(1024);

function hexByte(b: number): number {
  return b >= 48 && b <= 57 ? b - 48 : b >= 65 && b <= 70 ? b - 55 : b >= 97 && b <= 102 ? b - 87 : -1;
}

/** Hex number at `at`; errors point at the escape starting at `esc` (relative to `start`). */
function hexAt(bytes: Uint8Array, at: number, width: number, end: number, start: number, esc: number): number {
  if (at + width > end) throw new StringEscapeError('hex digits cut off', esc - start);
  let v = 0;
  for (let k = at; k < at + width; k++) {
    const d = hexByte(bytes[k] as number);
    if (d < 0) throw new StringEscapeError(`bad hex digits at ${k - start}`, esc - start);
    v = v * 16 + d;
  }
  return v;
}

function fromCodes(codes: Uint16Array, n: number): string {
  let s = '';
  if (n < 256) {
    for (let i = 0; i < n; i++) s += String.fromCharCode(codes[i] as number);
    return s;
  }
  for (let i = 0; i < n; i += 4096) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** Escapes in a pure ASCII literal, decoded straight from the bytes in one pass. */
function decodeEscapedAscii(bytes: Uint8Array, start: number, end: number): string {
  if (scratch.length < end - start) scratch = new Uint16Array(Math.max(end - start, scratch.length * 2));
  const out = scratch;
  let n = 0;
  let page = 'A';
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b === 0x27) {
      out[n++] = 0x27; // '' (quotes come in pairs here)
      i += 2;
      continue;
    }
    if (b !== 0x5c) {
      out[n++] = b;
      i++;
      continue;
    }
    const c = bytes[i + 1];
    const d = bytes[i + 2];
    if (c === 0x5c) {
      out[n++] = 0x5c;
      i += 2;
    } else if (c === 0x58 && d === 0x5c) {
      out[n++] = hexAt(bytes, i + 3, 2, end, start, i);
      i += 5;
    } else if (c === 0x58 && (d === 0x32 || d === 0x34) && bytes[i + 3] === 0x5c) {
      const width = d === 0x32 ? 4 : 8;
      let j = i + 4;
      for (;;) {
        if (j + 3 < end && bytes[j] === 0x5c && bytes[j + 1] === 0x58 && bytes[j + 2] === 0x30 && bytes[j + 3] === 0x5c) break;
        if (j + width > end) throw new StringEscapeError('\\X2\\ or \\X4\\ without \\X0\\', i - start);
        const code = hexAt(bytes, j, width, end, start, i);
        if (width === 4 || code <= 0xffff) out[n++] = code;
        else if (code > 0x10ffff) throw new StringEscapeError('code point out of range', i - start);
        else {
          out[n++] = 0xd800 + ((code - 0x10000) >> 10);
          out[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
        }
        j += width;
      }
      i = j + 4;
    } else if (c === 0x53 && d === 0x5c && i + 3 < end) {
      const ch = pageChar(page, (bytes[i + 3] as number) + 128);
      for (let k = 0; k < ch.length; k++) out[n++] = ch.charCodeAt(k);
      i += 4;
    } else if (c === 0x50 && d !== undefined && d >= 0x41 && d <= 0x49 && bytes[i + 3] === 0x5c) {
      page = String.fromCharCode(d);
      i += 4;
    } else if (c === 0x4e && d === 0x5c) {
      out[n++] = 0x0a;
      i += 3;
    } else if (c === 0x54 && d === 0x5c) {
      out[n++] = 0x09;
      i += 3;
    } else {
      out[n++] = 0x5c; // a lone backslash stays (lenient, as most readers are)
      i++;
    }
  }
  return fromCodes(out, n);
}

/**
 * Decodes the string literal whose content (without quotes) is `bytes[start, end)`.
 * Throws {@link StringEscapeError} for malformed escapes.
 */
export function decodeStepString(bytes: Uint8Array, start: number, end: number): string {
  let plain = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0x5c || b === 0x27) plain = false;
    else if (b > 0x7e) ascii = false;
  }
  if (ascii && !plain) return decodeEscapedAscii(bytes, start, end);
  let raw: string;
  if (ascii) {
    if (end - start < 64) {
      raw = '';
      for (let i = start; i < end; i++) raw += String.fromCharCode(bytes[i] as number);
    } else raw = utf8Loose.decode(bytes.subarray(start, end));
  } else {
    try {
      raw = utf8.decode(bytes.subarray(start, end));
    } catch {
      raw = latin1(bytes, start, end);
    }
  }
  return plain ? raw : unescape(raw);
}
