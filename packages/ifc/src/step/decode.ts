import { IfcError } from '../errors.js';
import { decodeStepString, StringEscapeError } from './strings.js';
import { DERIVED, type StepValue } from './values.js';

const enumCache = new Map<string, StepValue>();
const pow10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
function isNameByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d;
}

/**
 * Recursive-descent decoder for one parameter list `( … )` of the STEP exchange structure.
 * Positions are byte offsets into the whole file so errors point at the right place.
 */
export class ArgumentDecoder {
  bytes: Uint8Array;
  pos = 0;
  end = 0;
  entityId: number | undefined = undefined;
  depth = 0;
  /** When set, start and end offsets of each top-level value are pushed here. */
  spans: number[] | undefined = undefined;

  /** Node Buffer view of the bytes (native latin1 slicing), or undefined in browsers. */
  readonly #buffer: { latin1Slice(s: number, e: number): string } | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    const B = (globalThis as { Buffer?: { from(a: ArrayBufferLike, o: number, l: number): unknown } }).Buffer;
    const view = B?.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as { latin1Slice?: unknown } | undefined;
    this.#buffer = typeof view?.latin1Slice === 'function' ? (view as { latin1Slice(s: number, e: number): string }) : undefined;
  }

  /**
   * Only the references in the top-level arguments at positions `a` and `b` of the list at
   * `start`: other arguments are skipped without decoding. For building the relation index.
   */
  refsAt(start: number, end: number, entityId: number, a: number, b: number, outA: number[], outB: number[]): void {
    this.pos = start;
    this.end = end;
    this.entityId = entityId;
    this.depth = 0;
    const bytes = this.bytes;
    this.skip();
    if (bytes[this.pos] !== 0x28) this.fail("'(' erwartet / expected '('");
    this.pos++;
    for (let k = 0; ; k++) {
      this.skip();
      if (this.pos >= end) this.fail("')' fehlt / missing ')'", this.pos, 'unbalanced-parentheses');
      if (k === a || k === b) {
        collectRefs(this.value(), k === a ? outA : outB);
      } else {
        this.skipValue();
      }
      this.skip();
      const c = bytes[this.pos];
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x29) return;
      this.fail(`unerwartetes Zeichen / unexpected character '${String.fromCharCode(c as number)}'`);
    }
  }

  /** Moves past one value without building it. */
  skipValue(): void {
    const b = this.bytes;
    let depth = 0;
    while (this.pos < this.end) {
      const c = b[this.pos] as number;
      if (c === 0x27) {
        let p = this.pos + 1;
        for (;;) {
          while (p < this.end && b[p] !== 0x27) p++;
          if (p >= this.end) this.fail('Zeichenkette ohne Ende / unterminated string', this.pos);
          if (b[p + 1] === 0x27) {
            p += 2;
            continue;
          }
          break;
        }
        this.pos = p + 1;
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (depth === 0) return;
        depth--;
      } else if (c === 0x2c && depth === 0) return;
      this.pos++;
    }
  }

  fail(message: string, at = this.pos, code: 'syntax' | 'unbalanced-parentheses' = 'syntax'): never {
    throw new IfcError(code, `Syntaxfehler / syntax error: ${message}`, {
      offset: at,
      ...(this.entityId !== undefined ? { entityId: this.entityId } : {}),
    });
  }

  /** Decodes the list that starts at `start` (which must be `(`), stopping before `end`. */
  decodeList(start: number, end: number, entityId?: number): StepValue[] {
    this.pos = start;
    this.end = end;
    this.entityId = entityId;
    this.depth = 0;
    this.skip();
    if (this.bytes[this.pos] !== 0x28) this.fail("'(' erwartet / expected '('");
    const out = this.list();
    this.skip();
    if (this.pos < end) {
      const extra = this.bytes[this.pos] === 0x29;
      this.fail(
        extra ? "überzählige ')' / unbalanced ')'" : 'Zeichen nach der Parameterliste / characters after the parameter list',
        this.pos,
        extra ? 'unbalanced-parentheses' : 'syntax',
      );
    }
    return out;
  }

  skip(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < this.end && isSpace(b[this.pos] as number)) this.pos++;
      if (b[this.pos] === 0x2f && b[this.pos + 1] === 0x2a && this.pos + 1 < this.end) {
        const close = findCommentEnd(b, this.pos + 2, this.end);
        if (close < 0) this.fail('Kommentar ohne Ende / unterminated comment');
        this.pos = close;
        continue;
      }
      return;
    }
  }

  list(): StepValue[] {
    // at '('
    if (++this.depth > 256) this.fail('Listen zu tief verschachtelt / lists nested too deeply');
    this.pos++;
    const out: StepValue[] = [];
    this.skip();
    if (this.bytes[this.pos] === 0x29) {
      this.pos++;
      this.depth--;
      return out;
    }
    const spans = this.depth === 1 ? this.spans : undefined;
    for (;;) {
      if (spans) {
        this.skip();
        spans.push(this.pos);
      }
      out.push(this.value());
      if (spans) spans.push(this.pos);
      this.skip();
      if (this.pos >= this.end) this.fail("')' fehlt / missing ')'", this.pos, 'unbalanced-parentheses');
      const c = this.bytes[this.pos];
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x29) {
        this.pos++;
        this.depth--;
        return out;
      }
      this.fail(`unerwartetes Zeichen / unexpected character '${String.fromCharCode(c as number)}'`);
    }
  }

  value(): StepValue {
    this.skip();
    const b = this.bytes;
    if (this.pos >= this.end) this.fail('Wert fehlt / missing value');
    const c = b[this.pos] as number;
    switch (c) {
      case 0x23: {
        // #id
        let p = this.pos + 1;
        let id = 0;
        const s = p;
        while (p < this.end) {
          const d = (b[p] as number) - 48;
          if (d < 0 || d > 9) break;
          id = id * 10 + d;
          p++;
        }
        if (p === s) this.fail("Ziffern nach '#' erwartet / digits expected after '#'");
        this.pos = p;
        return { kind: 'ref', id };
      }
      case 0x27:
        return this.string();
      case 0x24:
        this.pos++;
        return null;
      case 0x2a:
        this.pos++;
        return DERIVED;
      case 0x28:
        return this.list();
      case 0x2e:
        return this.enumeration();
      case 0x22: {
        const close = b.indexOf(0x22, this.pos + 1);
        if (close < 0 || close >= this.end) this.fail('Binärwert ohne Ende / unterminated binary');
        let v = '';
        for (let i = this.pos + 1; i < close; i++) v += String.fromCharCode(b[i] as number);
        if (!/^[0-3][0-9A-Fa-f]*$/.test(v)) this.fail('ungültiger Binärwert / invalid binary');
        this.pos = close + 1;
        return { kind: 'binary', value: v };
      }
      default:
        if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b) return this.number();
        if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x21) return this.typed();
        return this.fail(`unerwartetes Zeichen / unexpected character '${String.fromCharCode(c)}'`);
    }
  }

  string(): string {
    const b = this.bytes;
    const start = this.pos + 1;
    // fast path: a short plain ASCII string without escapes
    let p = start;
    const end = this.end;
    while (p < end) {
      const c = b[p] as number;
      if (c === 0x27 || c === 0x5c || c > 0x7e) break;
      p++;
    }
    if (p < end && b[p] === 0x27 && b[p + 1] !== 0x27) {
      this.pos = p + 1;
      if (this.#buffer) return this.#buffer.latin1Slice(start, p); // native, fastest even for short strings
      let s = '';
      for (let i = start; i < p; i++) s += String.fromCharCode(b[i] as number);
      return s;
    }
    p = start;
    for (;;) {
      const q = b.indexOf(0x27, p);
      if (q < 0 || q >= this.end) this.fail('Zeichenkette ohne Ende / unterminated string', this.pos);
      if (b[q + 1] === 0x27 && q + 1 < this.end) {
        p = q + 2;
        continue;
      }
      this.pos = q + 1;
      try {
        return decodeStepString(b, start, q);
      } catch (e) {
        if (e instanceof StringEscapeError) this.fail(`Escape in Zeichenkette / string escape: ${e.message}`, start + e.at);
        throw e;
      }
    }
  }

  enumeration(): StepValue {
    const b = this.bytes;
    const start = this.pos + 1;
    let p = start;
    while (p < this.end && isNameByte(b[p] as number)) p++;
    if (b[p] !== 0x2e || p === start || p >= this.end) this.fail('ungültiger Aufzählungswert / invalid enumeration', this.pos);
    this.pos = p + 1;
    if (p - start === 1) {
      const ch = b[start];
      if (ch === 0x54) return true;
      if (ch === 0x46) return false;
    }
    let name = '';
    for (let i = start; i < p; i++) name += String.fromCharCode(b[i] as number);
    let v = enumCache.get(name);
    if (v === undefined) {
      v = Object.freeze({ kind: 'enum', value: name.toUpperCase() }) as StepValue;
      enumCache.set(name, v);
    }
    return v;
  }

  number(): number {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    let neg = false;
    if (b[p] === 0x2d || b[p] === 0x2b) {
      neg = b[p] === 0x2d;
      p++;
    }
    let int = 0;
    const ds = p;
    while (p < this.end) {
      const d = (b[p] as number) - 48;
      if (d < 0 || d > 9) break;
      int = int * 10 + d;
      p++;
    }
    if (p === ds) this.fail('Ziffern erwartet / digits expected', start);
    const c = b[p];
    if (c !== 0x2e && c !== 0x45 && c !== 0x65) {
      this.pos = p;
      if (p - ds < 16) return neg ? -int : int;
      return Number(ascii(b, start, p));
    }
    // Exact fast path (both operands exact, one correctly rounded IEEE operation) when the
    // digits fit in 15 and the power of ten in 22; Number() otherwise.
    let mant = int;
    let exact = p - ds <= 15;
    let scale = 0;
    if (c === 0x2e) {
      p++;
      while (p < this.end) {
        const d = (b[p] as number) - 48;
        if (d < 0 || d > 9) break;
        if (mant < 1e14) {
          mant = mant * 10 + d;
          scale--;
        } else if (d !== 0) exact = false;
        p++;
      }
    }
    if (b[p] === 0x45 || b[p] === 0x65) {
      p++;
      let eneg = false;
      if (b[p] === 0x2d || b[p] === 0x2b) {
        eneg = b[p] === 0x2d;
        p++;
      }
      const es = p;
      let e = 0;
      while (p < this.end && (b[p] as number) >= 0x30 && (b[p] as number) <= 0x39) {
        if (e < 10000) e = e * 10 + (b[p] as number) - 48;
        p++;
      }
      if (p === es) this.fail('Exponent erwartet / exponent expected', start);
      scale += eneg ? -e : e;
    }
    this.pos = p;
    if (exact && scale >= -22 && scale <= 22) {
      const v = scale >= 0 ? mant * (pow10[scale] as number) : mant / (pow10[-scale] as number);
      return neg ? -v : v;
    }
    const text = ascii(b, start, p);
    const v = Number(text);
    if (Number.isNaN(v)) this.fail(`ungültige Zahl / invalid number '${text}'`, start);
    return v;
  }

  typed(): StepValue {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    if (b[p] === 0x21) p++;
    let hash = 0;
    while (p < this.end && isNameByte(b[p] as number)) {
      hash = (Math.imul(hash, 31) + ((b[p] as number) & 0xdf)) | 0;
      p++;
    }
    const type = internName(b, start, p, hash);
    this.pos = p;
    this.skip();
    if (b[this.pos] !== 0x28) this.fail(`'(' nach Typname erwartet / '(' expected after type name ${type}`);
    // common case: exactly one parameter
    const open = this.pos;
    this.pos++;
    this.skip();
    if (this.bytes[this.pos] !== 0x29 && this.bytes[this.pos] !== 0x28) {
      const v = this.value();
      this.skip();
      if (this.bytes[this.pos] === 0x29) {
        this.pos++;
        return { kind: 'typed', type, value: v };
      }
    }
    this.pos = open;
    const inner = this.list();
    return { kind: 'typed', type, value: inner.length === 1 ? (inner[0] as StepValue) : inner };
  }
}

/** Upper-case type names of typed values: a direct-mapped cache, each hit confirmed by comparing bytes. */
const nameBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(1024);
const nameStrings: string[] = new Array<string>(1024);
function internName(b: Uint8Array, s: number, e: number, hash: number): string {
  const slot = (hash ^ (hash >>> 10)) & 1023;
  const c = nameBytes[slot];
  if (c !== undefined && c.length === e - s) {
    let k = 0;
    while (k < c.length && c[k] === b[s + k]) k++;
    if (k === c.length) return nameStrings[slot] as string;
  }
  const name = ascii(b, s, e).toUpperCase();
  nameBytes[slot] = b.slice(s, e);
  nameStrings[slot] = name;
  return name;
}

function collectRefs(v: StepValue, out: number[]): void {
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectRefs(x as StepValue, out);
    return;
  }
  const o = v as { kind: string; id?: number; value?: StepValue };
  if (o.kind === 'ref') out.push(o.id as number);
  else if (o.kind === 'typed') collectRefs(o.value as StepValue, out);
}

function ascii(b: Uint8Array, s: number, e: number): string {
  let t = '';
  for (let i = s; i < e; i++) t += String.fromCharCode(b[i] as number);
  return t;
}

/** Offset just past the `*` `/` closing a comment whose body starts at `from`, or -1. */
export function findCommentEnd(b: Uint8Array, from: number, end: number): number {
  let p = from;
  for (;;) {
    const star = b.indexOf(0x2a, p);
    if (star < 0 || star + 1 >= end) return -1;
    if (b[star + 1] === 0x2f) return star + 2;
    p = star + 1;
  }
}
