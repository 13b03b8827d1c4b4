// One-pass byte scanner that indexes a STEP exchange structure (ISO 10303-21): every entity
// instance `#id=TYPE(…);` of every DATA section goes into typed arrays (id, interned type,
// offset and end of its parameter list). Nothing is decoded here. The scanner can stop where the
// bytes received so far end and resume when more arrive (streams), rolling back to the start of
// an incomplete entity.
import { IfcError, type IfcErrorCode } from '../errors.js';

/** A warning as found by the scanner; the line is filled in later. */
export interface RawWarning {
  code: IfcErrorCode;
  message: string;
  offset: number;
  entityId?: number;
  line?: number;
}

/** A header entity: its keyword and the byte range of its parameter list. */
export interface HeaderEntity {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const C_PLAIN = 0;
const C_OPEN = 1;
const C_CLOSE = 2;
const C_QUOTE = 3;
const C_SLASH = 4;
const C_SEMI = 5;
const C_HASH = 6;
const cls = new Uint8Array(256);
cls[0x28] = C_OPEN;
cls[0x29] = C_CLOSE;
cls[0x27] = C_QUOTE;
cls[0x2f] = C_SLASH;
cls[0x3b] = C_SEMI;
cls[0x23] = C_HASH;

// name bytes: A-Z a-z 0-9 _ → upper-case value; 0 otherwise
const nameByte = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) nameByte[c] = c;
for (let c = 0x41; c <= 0x5a; c++) nameByte[c] = c;
for (let c = 0x61; c <= 0x7a; c++) nameByte[c] = c - 32;
nameByte[0x5f] = 0x5f;

const MAX_WARNINGS = 1000;
const MAX_TYPES = 65535;

const enum State {
  Start,
  Header,
  Between,
  Data,
  End,
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** What {@link Scanner.run} reports. */
export type ScanStatus = 'done' | 'more';

/**
 * A view for fast byte search: Node's Buffer.indexOf is a native memchr, about twice as fast as
 * Uint8Array.prototype.indexOf; elsewhere the bytes themselves.
 */
function searchView(bytes: Uint8Array): Uint8Array {
  const B = (globalThis as { Buffer?: { from(a: ArrayBufferLike, o: number, l: number): Uint8Array } }).Buffer;
  return B ? B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

export class Scanner {
  #bytes!: Uint8Array;
  #search!: Uint8Array;
  // next positions of ' / = at or after the last search start (cached; see #fastBody)
  #nq = -1;
  #ns = -1;
  #ne = -1;
  /** Bytes available so far. */
  length: number;
  /** No more bytes will come. */
  final = false;
  pos = 0;
  state: State = State.Start;

  count = 0;
  ids: Uint32Array;
  types: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  maxId = 0;

  typeNames: string[] = [];
  readonly #typeBytes: Uint8Array[] = [];
  /** Type index by a key from three bytes of the name: a guess that is confirmed by comparing all bytes. */
  readonly #guess = new Int32Array(4096).fill(-1);
  #table = new Int32Array(4096);

  header: HeaderEntity[] = [];
  dataSections = 0;
  warnings: RawWarning[] = [];
  suppressedWarnings = 0;
  sawEnd = false;

  get bytes(): Uint8Array {
    return this.#bytes;
  }
  set bytes(b: Uint8Array) {
    this.#bytes = b;
    this.#search = searchView(b);
    this.#nq = this.#ns = this.#ne = -1;
  }

  constructor(bytes: Uint8Array, length: number, expectedSize = length) {
    this.bytes = bytes;
    this.length = length;
    const cap = Math.max(1024, Math.floor(expectedSize / 48));
    this.ids = new Uint32Array(cap);
    this.types = new Uint16Array(cap);
    this.starts = new Uint32Array(cap);
    this.ends = new Uint32Array(cap);
  }

  warn(code: IfcErrorCode, message: string, offset: number, entityId?: number): void {
    if (this.warnings.length >= MAX_WARNINGS) {
      this.suppressedWarnings++;
      return;
    }
    const w: RawWarning = { code, message, offset };
    if (entityId !== undefined) w.entityId = entityId;
    this.warnings.push(w);
  }

  #grow(): void {
    const cap = this.ids.length * 2;
    const g32 = (a: Uint32Array) => {
      const n = new Uint32Array(cap);
      n.set(a);
      return n;
    };
    this.ids = g32(this.ids);
    this.starts = g32(this.starts);
    this.ends = g32(this.ends);
    const t = new Uint16Array(cap);
    t.set(this.types);
    this.types = t;
  }

  /** Interns the type name bytes[s, e) (upper-cased), comparing bytes, never by hash alone. */
  #intern(s: number, e: number, hash: number): number {
    const b = this.bytes;
    const table = this.#table;
    let mask = table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const v = table[slot] as number;
      if (v === 0) break;
      const cand = this.#typeBytes[v - 1] as Uint8Array;
      if (cand.length === e - s) {
        let k = 0;
        while (k < cand.length && cand[k] === nameByte[b[s + k] as number]) k++;
        if (k === cand.length) return v - 1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.#typeBytes.length;
    if (index >= MAX_TYPES) {
      throw new IfcError('too-large', 'Zu viele verschiedene Typnamen / too many distinct type names', { offset: s });
    }
    const name = new Uint8Array(e - s);
    for (let k = 0; k < name.length; k++) name[k] = nameByte[b[s + k] as number] as number;
    this.#typeBytes.push(name);
    this.typeNames.push(String.fromCharCode(...name));
    table[slot] = index + 1;
    if (this.#typeBytes.length * 2 > table.length) {
      // rehash into a table twice the size
      const next = new Int32Array(table.length * 2);
      mask = next.length - 1;
      this.#typeBytes.forEach((tb, i) => {
        let h = 0;
        for (let k = 0; k < tb.length; k++) h = (Math.imul(h, 31) + (tb[k] as number)) | 0;
        let sl = h & mask;
        while (next[sl] !== 0) sl = (sl + 1) & mask;
        next[sl] = i + 1;
      });
      this.#table = next;
    }
    return index;
  }

  /** Skips white space and comments from `p`; returns the new position, or -1 if a comment is cut off. */
  #skip(p: number): number {
    const b = this.bytes;
    const n = this.length;
    for (;;) {
      while (p < n && isSpace(b[p] as number)) p++;
      if (p + 1 < n && b[p] === 0x2f && b[p + 1] === 0x2a) {
        const close = commentEnd(b, p + 2, n);
        if (close < 0) return -1;
        p = close;
        continue;
      }
      if (p + 1 >= n && p < n && b[p] === 0x2f && !this.final) return -1;
      return p;
    }
  }

  /** Position of byte `c` at or after `from` within the available bytes, or `length`. */
  #next(c: number, from: number): number {
    const r = this.#search.indexOf(c, from);
    return r < 0 || r >= this.length ? this.length : r;
  }

  /**
   * Fast path for a parameter list at `p`: finds the `;` with native search, skipping strings,
   * when no comment or `=` (the start of another entity) comes before it. Returns the offset of
   * the `;`, or -1 when the careful byte-by-byte scan (#body) must decide. Parentheses are not
   * counted here; the decoder reports unbalanced ones with offset and entity id.
   */
  #fastBody(p: number): number {
    const n = this.length;
    const b = this.#bytes;
    let semi = this.#next(0x3b, p);
    if (semi >= n) return -1;
    let q = this.#nq < p ? (this.#nq = this.#next(0x27, p)) : this.#nq;
    while (q < semi) {
      let c = q + 1;
      for (;;) {
        const r = this.#next(0x27, c);
        if (r + 1 >= n) return -1;
        if (b[r + 1] === 0x27) {
          c = r + 2;
          continue;
        }
        c = r + 1;
        break;
      }
      q = this.#nq = this.#next(0x27, c);
      if (semi < c) {
        semi = this.#next(0x3b, c);
        if (semi >= n) return -1;
      }
    }
    const s = this.#ns < p ? (this.#ns = this.#next(0x2f, p)) : this.#ns;
    const e = this.#ne < p ? (this.#ne = this.#next(0x3d, p)) : this.#ne;
    return s > semi && e > semi ? semi : -1;
  }

  /** Reads a keyword (letters, digits, `_`, `-`) at p. */
  #keyword(p: number): string {
    const b = this.bytes;
    let e = p;
    while (e < this.length && (nameByte[b[e] as number] !== 0 || b[e] === 0x2d)) e++;
    let s = '';
    for (let i = p; i < e; i++) s += String.fromCharCode(b[i] as number);
    return s.toUpperCase();
  }

  /**
   * Scans a parameter list starting at `p` (at `(`) up to the terminating `;` at depth 0.
   * Returns the offset of the `;`, -1 when the bytes end first (more needed or truncated),
   * or -2 - q when another entity starts at q before this one was closed.
   */
  #body(p: number, entityId: number, entityStart = p): number {
    const b = this.bytes;
    const n = this.length;
    let depth = 0;
    for (;;) {
      while (p < n && cls[b[p] as number] === C_PLAIN) p++;
      if (p >= n) return -1;
      switch (cls[b[p] as number]) {
        case C_OPEN:
          depth++;
          p++;
          break;
        case C_CLOSE:
          depth--;
          p++;
          break;
        case C_QUOTE: {
          const q0 = p;
          p++;
          for (;;) {
            const q = b.indexOf(0x27, p);
            if (q < 0 || q >= n) {
              if (!this.final) return -1;
              const nl = b.indexOf(0x0a, q0);
              if (nl < 0 || nl >= n) return -1; // the file ends in this string: truncated
              // unterminated string: report and resume at the next line after it
              this.warn(
                'unterminated-string',
                'Zeichenkette ohne Ende, Entität übersprungen / unterminated string, entity skipped',
                q0,
                entityId,
              );
              return -2 - (nl + 1);
            }
            if (q + 1 < n && b[q + 1] === 0x27) {
              p = q + 2;
              continue;
            }
            if (q + 1 >= n && !this.final) return -1;
            p = q + 1;
            break;
          }
          break;
        }
        case C_SLASH:
          if (p + 1 < n && b[p + 1] === 0x2a) {
            const close = commentEnd(b, p + 2, n);
            if (close < 0) return -1;
            p = close;
          } else p++;
          break;
        case C_SEMI:
          if (depth !== 0) {
            this.warn(
              'unbalanced-parentheses',
              `Klammern nicht ausgeglichen (Tiefe ${depth}) / unbalanced parentheses (depth ${depth})`,
              p,
              entityId,
            );
          }
          return p;
        default: {
          // '#': a reference, or the start of the next entity if this one was never closed
          const h = p;
          p++;
          while (p < n && (b[p] as number) >= 0x30 && (b[p] as number) <= 0x39) p++;
          let q = p;
          while (q < n && isSpace(b[q] as number)) q++;
          if (q < n && b[q] === 0x3d && p > h + 1) {
            this.warn(
              'truncated',
              "Entität ohne ';' abgebrochen / entity cut off without ';'",
              entityStart,
              entityId,
            );
            return -2 - h;
          }
          if (q >= n && !this.final) return -1;
        }
      }
    }
  }

  /** Scans as far as the available bytes allow. */
  run(): ScanStatus {
    this.#nq = this.#ns = this.#ne = -1; // length may have grown
    for (;;) {
      switch (this.state) {
        case State.Start: {
          const p = this.#skip(this.pos);
          if (p < 0 || (!this.final && this.length - p < 13)) return 'more';
          const b = this.bytes;
          // optional UTF-8 byte order mark
          let q = p;
          if (b[q] === 0xef && b[q + 1] === 0xbb && b[q + 2] === 0xbf) q = this.#skip(q + 3);
          if (q < 0 || this.#keyword(q) !== 'ISO-10303-21') {
            throw new IfcError('not-step', 'Keine STEP-Datei (ISO-10303-21 fehlt) / not a STEP file (ISO-10303-21 missing)', {
              offset: Math.max(0, q),
              line: 1 + countLines(b, Math.max(0, q)),
            });
          }
          q = this.#skip(q + 12);
          if (q < 0 || b[q] !== 0x3b) {
            if (q < 0 || (q >= this.length && !this.final)) return 'more';
            throw new IfcError('not-step', "';' nach ISO-10303-21 fehlt / ';' missing after ISO-10303-21", { offset: q });
          }
          this.pos = q + 1;
          this.state = State.Header;
          const h = this.#skip(this.pos);
          if (h < 0 || (!this.final && this.length - h < 8)) {
            this.state = State.Start;
            this.pos = p;
            return 'more';
          }
          if (this.#keyword(h) !== 'HEADER') {
            throw new IfcError('not-step', 'HEADER-Abschnitt fehlt / HEADER section missing', { offset: h });
          }
          const semi = this.#skip(h + 6);
          if (semi < 0 || this.bytes[semi] !== 0x3b) {
            throw new IfcError('not-step', "';' nach HEADER fehlt / ';' missing after HEADER", { offset: Math.max(semi, h) });
          }
          this.pos = semi + 1;
          break;
        }
        case State.Header: {
          const p = this.#skip(this.pos);
          if (p < 0 || p >= this.length) {
            if (!this.final) return 'more';
            throw new IfcError('truncated', 'Datei endet im HEADER / file ends in the HEADER section', {
              offset: this.length,
            });
          }
          const kw = this.#keyword(p);
          const after = this.#skip(p + kw.length);
          if (after < 0 || after >= this.length) {
            if (!this.final) return 'more';
            throw new IfcError('truncated', 'Datei endet im HEADER / file ends in the HEADER section', { offset: p });
          }
          if (kw === 'ENDSEC') {
            if (this.bytes[after] !== 0x3b) throw new IfcError('syntax', "';' nach ENDSEC fehlt / ';' missing after ENDSEC", { offset: after });
            this.pos = after + 1;
            this.state = State.Between;
            break;
          }
          if (kw === '' || this.bytes[after] !== 0x28) {
            throw new IfcError('syntax', 'Ungültiger HEADER-Eintrag / invalid HEADER entry', { offset: p });
          }
          const end = this.#body(after, 0);
          if (end === -1) {
            if (!this.final) return 'more';
            throw new IfcError('truncated', 'Datei endet im HEADER / file ends in the HEADER section', { offset: p });
          }
          if (end < -1) throw new IfcError('syntax', 'Ungültiger HEADER-Eintrag / invalid HEADER entry', { offset: p });
          this.header.push({ name: kw, start: after, end });
          this.pos = end + 1;
          break;
        }
        case State.Between: {
          const p = this.#skip(this.pos);
          if (p < 0 || p >= this.length) {
            if (!this.final) return 'more';
            if (!this.sawEnd) {
              this.warn('truncated', 'END-ISO-10303-21 fehlt / END-ISO-10303-21 missing', this.length);
            }
            this.state = State.End;
            return 'done';
          }
          if (!this.final && this.length - p < 20) return 'more';
          const kw = this.#keyword(p);
          if (kw === 'DATA') {
            let q = this.#skip(p + 4);
            if (q >= 0 && this.bytes[q] === 0x28) {
              // edition 3: DATA('name', ('schema'));
              const end = this.#body(q, 0);
              if (end < 0) {
                if (end === -1 && !this.final) return 'more';
                throw new IfcError('syntax', 'Ungültiger DATA-Kopf / invalid DATA header', { offset: p });
              }
              q = end;
            }
            if (q < 0 || this.bytes[q] !== 0x3b) {
              if (q < 0 && !this.final) return 'more';
              throw new IfcError('syntax', "';' nach DATA fehlt / ';' missing after DATA", { offset: p });
            }
            this.dataSections++;
            this.pos = q + 1;
            this.state = State.Data;
          } else if (kw === 'END-ISO-10303-21') {
            this.sawEnd = true;
            this.state = State.End;
            return 'done';
          } else if (this.bytes[p] === 0x23) {
            // entities without a DATA keyword: read them, but say so
            this.warn('syntax', 'Entität außerhalb eines DATA-Abschnitts / entity outside a DATA section', p);
            this.state = State.Data;
          } else {
            this.#garbage(p);
            if (this.pos === p) return 'more';
          }
          break;
        }
        case State.Data:
          if (this.#data() === 'more') return 'more';
          break;
        case State.End:
          return 'done';
      }
    }
  }

  /** Skips unexpected bytes at p up to the next `;` or line end; warns once for the run. */
  #garbage(p: number): void {
    const b = this.bytes;
    const n = this.length;
    let e = p;
    while (e < n && b[e] !== 0x3b && b[e] !== 0x0a) e++;
    if (e >= n && !this.final) return;
    this.warn('garbage', 'Unerwartete Bytes übersprungen / unexpected bytes skipped', p);
    this.pos = Math.min(n, e + 1);
  }

  #data(): ScanStatus {
    const b = this.bytes;
    for (;;) {
      const n = this.length;
      let p = this.pos;
      // inline white space skip (hot)
      while (p < n && isSpace(b[p] as number)) p++;
      if (p < n && b[p] === 0x2f) {
        p = this.#skip(p);
        if (p < 0) {
          if (!this.final) return 'more';
          this.warn('truncated', 'Kommentar ohne Ende / unterminated comment', this.pos);
          this.pos = n;
          this.state = State.Between;
          return 'done';
        }
      }
      if (p >= n) {
        if (!this.final) {
          this.pos = p;
          return 'more';
        }
        this.warn('truncated', 'Datei endet im DATA-Abschnitt (ENDSEC fehlt) / file ends in DATA (ENDSEC missing)', n);
        this.pos = n;
        this.state = State.Between;
        return 'done';
      }
      const c = b[p] as number;
      if (c !== 0x23) {
        if (!this.final && n - p < 8) {
          this.pos = p;
          return 'more';
        }
        const kw = this.#keyword(p);
        if (kw === 'ENDSEC') {
          const q = this.#skip(p + 6);
          if (q < 0 || q >= n) {
            if (!this.final) return 'more';
          }
          if (q >= 0 && b[q] === 0x3b) this.pos = q + 1;
          else {
            this.warn('syntax', "';' nach ENDSEC fehlt / ';' missing after ENDSEC", p);
            this.pos = p + 6;
          }
          this.state = State.Between;
          return 'done';
        }
        this.#garbage(p);
        if (this.pos <= p) return 'more';
        continue;
      }
      // #id
      const start = p;
      p++;
      let id = 0;
      const ds = p;
      while (p < n) {
        const d = (b[p] as number) - 48;
        if (d < 0 || d > 9) break;
        id = id * 10 + d;
        p++;
      }
      while (p < n && isSpace(b[p] as number)) p++;
      if (p >= n && !this.final) {
        this.pos = start;
        return 'more';
      }
      if (p === ds || b[p] !== 0x3d || id > 0xffffffff) {
        this.#garbage(start);
        if (this.pos <= start) return 'more';
        continue;
      }
      p++;
      while (p < n && isSpace(b[p] as number)) p++;
      // type name: first guess from three of its bytes and confirm byte by byte
      const ts = p;
      if (p + 8 < n) {
        const key = ((b[p + 3] as number) * 961 + (b[p + 4] as number) * 31 + (b[p + 6] as number)) & 4095;
        const t = this.#guess[key] as number;
        if (t >= 0) {
          const name = this.#typeBytes[t] as Uint8Array;
          const len = name.length;
          let k = 0;
          while (k < len && b[p + k] === name[k]) k++;
          if (k === len && nameByte[b[p + len] as number] === 0) {
            let q = p + len;
            while (q < n && isSpace(b[q] as number)) q++;
            if (b[q] === 0x28) {
              let end = this.#fastBody(q);
              if (end < 0) end = this.#body(q, id, start);
              if (end >= 0) {
                this.#recordType(id, t, q, end);
                this.pos = end + 1;
                continue;
              }
            }
          }
        }
      }
      let hash = 0;
      while (p < n) {
        const u = nameByte[b[p] as number] as number;
        if (u === 0) break;
        hash = (Math.imul(hash, 31) + u) | 0;
        p++;
      }
      let te = p;
      while (p < n && isSpace(b[p] as number)) p++;
      if (p >= n) {
        if (!this.final) {
          this.pos = start;
          return 'more';
        }
        this.warn('truncated', 'Datei endet in einer Entität / file ends inside an entity', start, id);
        this.pos = n;
        continue;
      }
      if (ts === te) {
        if (b[p] !== 0x28) {
          this.warn('syntax', 'Typname erwartet / type name expected', p, id);
          this.#garbage(start);
          continue;
        }
        // complex instance #1=(A(...)B(...)); : typed after its first partial entity
        let q = p + 1;
        while (q < n && isSpace(b[q] as number)) q++;
        const s2 = q;
        hash = 0;
        while (q < n && nameByte[b[q] as number] !== 0) {
          hash = (Math.imul(hash, 31) + (nameByte[b[q] as number] as number)) | 0;
          q++;
        }
        if (q === s2) {
          this.#garbage(start);
          continue;
        }
        te = q;
        const end = this.#body(p, id, start);
        if (end === -1 && !this.final) {
          this.pos = start;
          return 'more';
        }
        this.warn('syntax', 'Komplexe Instanz (nur Index, nicht dekodierbar) / complex instance (indexed, not decodable)', start, id);
        if (end < 0) {
          this.pos = end === -1 ? n : -2 - end;
          continue;
        }
        this.#record(id, s2, te, hash, p, end);
        this.pos = end + 1;
        continue;
      }
      if (b[p] !== 0x28) {
        this.warn('syntax', "'(' nach Typname erwartet / '(' expected after type name", p, id);
        this.#garbage(start);
        continue;
      }
      let end = this.#fastBody(p);
      if (end < 0) end = this.#body(p, id, start);
      if (end < 0) {
        if (end === -1) {
          if (!this.final) {
            this.pos = start;
            return 'more';
          }
          this.warn('truncated', 'Datei endet in einer Entität / file ends inside an entity', start, id);
          this.pos = n;
          continue;
        }
        this.pos = -2 - end;
        continue;
      }
      this.#record(id, ts, te, hash, p, end);
      this.pos = end + 1;
    }
  }

  #record(id: number, ts: number, te: number, hash: number, argStart: number, argEnd: number): void {
    const t = this.#intern(ts, te, hash);
    if (te - ts >= 7) {
      const b = this.#bytes;
      this.#guess[((b[ts + 3] as number) * 961 + (b[ts + 4] as number) * 31 + (b[ts + 6] as number)) & 4095] = t;
    }
    this.#recordType(id, t, argStart, argEnd);
  }

  #recordType(id: number, t: number, argStart: number, argEnd: number): void {
    if (this.count === this.ids.length) this.#grow();
    const i = this.count++;
    this.ids[i] = id;
    this.types[i] = t;
    this.starts[i] = argStart;
    this.ends[i] = argEnd;
    if (id > this.maxId) this.maxId = id;
  }
}

/** Offset just past the end of a comment whose body starts at `from`, or -1 when cut off. */
function commentEnd(b: Uint8Array, from: number, n: number): number {
  let p = from;
  for (;;) {
    const star = b.indexOf(0x2a, p);
    if (star < 0 || star + 1 >= n) return -1;
    if (b[star + 1] === 0x2f) return star + 2;
    p = star + 1;
  }
}

/** Number of line feeds before `offset`. */
export function countLines(b: Uint8Array, offset: number): number {
  let lines = 0;
  let p = 0;
  for (;;) {
    const nl = b.indexOf(0x0a, p);
    if (nl < 0 || nl >= offset) return lines;
    lines++;
    p = nl + 1;
  }
}
