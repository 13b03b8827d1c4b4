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
  const part = s.slice(i, i + n);
  if (part.length !== n || !/^[0-9A-Fa-f]+$/.test(part)) throw new StringEscapeError(`bad hex digits '${part}'`, i);
  return parseInt(part, 16);
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
  let raw: string;
  if (ascii) {
    if (end - start < 48) {
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
