/**
 * Translation of XML Schema regular expressions (XSD 1.0 Part 2, Appendix F) to JavaScript
 * `RegExp`s with the `u` flag. XSD patterns are implicitly anchored, know no `^`/`$` anchors (they
 * are plain characters), no lazy quantifiers, no groups with `?`, no back references; they add
 * character class subtraction (`[a-z-[aeiou]]`), the XML name escapes `\i` `\c`, Unicode block
 * escapes (`\p{IsBasicLatin}`) and define `.`, `\d`, `\w`, `\s` differently from JavaScript.
 */

/**
 * An XSD pattern that is not a valid XSD regular expression (or uses an unsupported block).
 *
 * @example
 * try { xsdPatternToRegExp('a(?:b)'); } catch (e) { if (e instanceof XsdRegexSyntaxError) console.log(e.offset); }
 */
export class XsdRegexSyntaxError extends Error {
  override readonly name = 'XsdRegexSyntaxError';
  /** Offset in the pattern where the problem was found. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const NAME_START =
  ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd',
  'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf',
  'Co', 'Cn',
]);

/** Unicode blocks usable with `\p{IsName}` (the common ones; others are reported as unsupported). */
const BLOCKS: Record<string, [number, number]> = {
  BasicLatin: [0x0, 0x7f],
  'Latin-1Supplement': [0x80, 0xff],
  'LatinExtended-A': [0x100, 0x17f],
  'LatinExtended-B': [0x180, 0x24f],
  IPAExtensions: [0x250, 0x2af],
  SpacingModifierLetters: [0x2b0, 0x2ff],
  CombiningDiacriticalMarks: [0x300, 0x36f],
  Greek: [0x370, 0x3ff],
  GreekandCoptic: [0x370, 0x3ff],
  Cyrillic: [0x400, 0x4ff],
  Armenian: [0x530, 0x58f],
  Hebrew: [0x590, 0x5ff],
  Arabic: [0x600, 0x6ff],
  LatinExtendedAdditional: [0x1e00, 0x1eff],
  GreekExtended: [0x1f00, 0x1fff],
  GeneralPunctuation: [0x2000, 0x206f],
  SuperscriptsandSubscripts: [0x2070, 0x209f],
  CurrencySymbols: [0x20a0, 0x20cf],
  LetterlikeSymbols: [0x2100, 0x214f],
  NumberForms: [0x2150, 0x218f],
  Arrows: [0x2190, 0x21ff],
  MathematicalOperators: [0x2200, 0x22ff],
  BoxDrawing: [0x2500, 0x257f],
  GeometricShapes: [0x25a0, 0x25ff],
  CJKUnifiedIdeographs: [0x4e00, 0x9fff],
};

const hex = (cp: number) => `\\u{${cp.toString(16).toUpperCase()}}`;

/** Largest count in a `{n,m}` quantifier (bounds the size of the matching automaton). */
const MAX_REPEAT = 1000;

/** Parsed XSD regular expression; `js` is the equivalent JavaScript source of the node. */
type RegexNode =
  | { readonly t: 'set'; readonly js: string }
  | { readonly t: 'seq'; readonly items: readonly RegexNode[]; readonly js: string }
  | { readonly t: 'alt'; readonly items: readonly RegexNode[]; readonly js: string }
  | { readonly t: 'rep'; readonly item: RegexNode; readonly min: number; readonly max: number; readonly js: string };

const set = (js: string): RegexNode => ({ t: 'set', js });

/** A piece of a character class: either class-body text (`a-z\p{L}`) or a full JS atom. */
type ClassPart = { body: string } | { atom: string };

class Translator {
  private i = 0;
  constructor(private readonly src: string) {}

  private fail(message: string): never {
    throw new XsdRegexSyntaxError(`${message} (Stelle/offset ${this.i})`, this.i);
  }

  private peekCp(): number | undefined {
    return this.src.codePointAt(this.i);
  }

  private nextCp(): number {
    const cp = this.src.codePointAt(this.i);
    if (cp === undefined) this.fail('unerwartetes Ende / unexpected end');
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  translate(): RegexNode {
    const out = this.regExp();
    if (this.i < this.src.length) this.fail(`unerwartetes Zeichen / unexpected character '${this.src[this.i]}'`);
    return out;
  }

  private regExp(): RegexNode {
    const items = [this.branch()];
    while (this.src[this.i] === '|') {
      this.i += 1;
      items.push(this.branch());
    }
    return items.length === 1 ? (items[0] as RegexNode) : { t: 'alt', items, js: items.map((n) => n.js).join('|') };
  }

  private branch(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.piece());
    }
    return { t: 'seq', items, js: items.map((n) => (n.t === 'alt' ? `(?:${n.js})` : n.js)).join('') };
  }

  private piece(): RegexNode {
    const atom = this.atom();
    const js = atom.t === 'set' ? atom.js : `(?:${atom.js})`;
    const c = this.src[this.i];
    if (c === '?' || c === '*' || c === '+') {
      this.i += 1;
      if (this.src[this.i] === '?' || this.src[this.i] === '*' || this.src[this.i] === '+') {
        this.fail('doppelter Quantor / repeated quantifier');
      }
      const [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
      return { t: 'rep', item: atom, min, max, js: js + c };
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) this.fail('ungültiger Quantor / invalid quantifier');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      if (max < min) this.fail('Quantor {n,m} mit m < n / quantifier {n,m} with m < n');
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) this.fail(`Quantor größer als ${MAX_REPEAT} / quantifier larger than ${MAX_REPEAT}`);
      this.i += m[0].length;
      const next = this.src[this.i];
      if (next === '?' || next === '*' || next === '+' || next === '{') this.fail('doppelter Quantor / repeated quantifier');
      return { t: 'rep', item: atom, min, max, js: js + m[0] };
    }
    return atom;
  }

  private atom(): RegexNode {
    const c = this.src[this.i];
    switch (c) {
      case '(': {
        this.i += 1;
        if (this.src[this.i] === '?') this.fail('(?…) gibt es in XSD nicht / (?…) does not exist in XSD');
        const inner = this.regExp();
        if (this.src[this.i] !== ')') this.fail('fehlende ) / missing )');
        this.i += 1;
        return inner;
      }
      case '[':
        return set(this.charClassExpr());
      case '\\':
        return set(this.escapeAtom());
      case '.':
        this.i += 1;
        return set('[^\\n\\r]');
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ']':
      case ')':
        return this.fail(`'${c}' muss maskiert werden / '${c}' must be escaped`);
      default: {
        const cp = this.nextCp();
        const ch = String.fromCodePoint(cp);
        return set('^$/'.includes(ch) ? `\\${ch}` : ch);
      }
    }
  }

  /** Reads `\x` after the backslash position; returns class-body text or an atom. */
  private escape(): ClassPart {
    this.i += 1; // backslash
    const c = this.src[this.i];
    if (c === undefined) this.fail('\\ am Ende / trailing \\');
    this.i += 1;
    switch (c) {
      case 'n':
        return { body: '\\n' };
      case 'r':
        return { body: '\\r' };
      case 't':
        return { body: '\\t' };
      case 's':
        return { body: ' \\t\\n\\r' };
      case 'S':
        return { atom: '[^ \\t\\n\\r]' };
      case 'i':
        return { body: NAME_START };
      case 'I':
        return { atom: `[^${NAME_START}]` };
      case 'c':
        return { body: NAME_CHAR };
      case 'C':
        return { atom: `[^${NAME_CHAR}]` };
      case 'd':
        return { body: '\\p{Nd}' };
      case 'D':
        return { body: '\\P{Nd}' };
      case 'w':
        return { atom: '[^\\p{P}\\p{Z}\\p{C}]' };
      case 'W':
        return { body: '\\p{P}\\p{Z}\\p{C}' };
      case 'p':
      case 'P': {
        const m = /^\{([A-Za-z0-9-]+)\}/.exec(this.src.slice(this.i));
        if (!m || m[1] === undefined) return this.fail('ungültiges \\p{…} / invalid \\p{…}');
        this.i += m[0].length;
        const name = m[1];
        let body: string;
        if (CATEGORIES.has(name)) body = `\\p{${name}}`;
        else if (name.startsWith('Is')) {
          const block = BLOCKS[name.slice(2)];
          if (!block) return this.fail(`Unicode-Block ${name} wird nicht unterstützt / Unicode block ${name} is not supported`);
          body = `${hex(block[0])}-${hex(block[1])}`;
        } else return this.fail(`unbekannte Kategorie ${name} / unknown category ${name}`);
        if (c === 'p') return { body };
        return { atom: `[^${body}]` };
      }
      default:
        if ('\\|.-^?*+{}()[]'.includes(c)) return { body: hex(c.codePointAt(0) ?? 0) };
        return this.fail(`unbekannte Maskierung \\${c} / unknown escape \\${c}`);
    }
  }

  private escapeAtom(): string {
    const part = this.escape();
    return 'atom' in part ? part.atom : `[${part.body}]`;
  }

  /** `[` … `]` with optional `^` and optional subtraction `-[…]`. */
  private charClassExpr(): string {
    this.i += 1; // [
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i += 1;
    }
    const parts: ClassPart[] = [];
    let body = '';
    let first = true;
    let subtraction: string | undefined;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) this.fail('fehlende ] / missing ]');
      if (c === ']' && !first) {
        this.i += 1;
        break;
      }
      if (c === '-' && this.src[this.i + 1] === '[' && !first) {
        this.i += 1;
        subtraction = this.charClassExpr();
        if (this.src[this.i] !== ']') this.fail('Subtraktion muss am Ende stehen / subtraction must come last');
        this.i += 1;
        break;
      }
      if (c === '[') this.fail("'[' muss maskiert werden / '[' must be escaped");
      const wasFirst = first;
      first = false;
      let low: number;
      if (c === '\\') {
        const part = this.escape();
        if ('atom' in part) {
          parts.push(part);
          continue;
        }
        if (!/^\\u\{[0-9A-F]+\}$|^\\[nrt]$/.test(part.body)) {
          body += part.body;
          continue;
        }
        low = part.body === '\\n' ? 10 : part.body === '\\r' ? 13 : part.body === '\\t' ? 9 : parseInt(part.body.slice(3, -1), 16);
      } else {
        low = this.nextCp();
        // '-' is only a literal at the start or at the end of a class
        if (low === 0x2d && !wasFirst && this.src[this.i] !== ']') this.fail("'-' muss maskiert werden / '-' must be escaped");
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== '[') {
        this.i += 1;
        let high: number;
        if (this.src[this.i] === '\\') {
          const part = this.escape();
          if ('atom' in part || !/^\\u\{[0-9A-F]+\}$|^\\[nrt]$/.test(part.body)) return this.fail('ungültiger Bereich / invalid range');
          high = part.body === '\\n' ? 10 : part.body === '\\r' ? 13 : part.body === '\\t' ? 9 : parseInt(part.body.slice(3, -1), 16);
        } else {
          high = this.nextCp();
          if (high === 0x5b) this.fail("'[' muss maskiert werden / '[' must be escaped");
        }
        if (high < low) this.fail('Bereich rückwärts / range out of order');
        body += `${hex(low)}-${hex(high)}`;
      } else {
        body += hex(low);
      }
    }
    if (body !== '') parts.push({ body });
    const alternatives = parts.map((p) => ('atom' in p ? p.atom : `[${p.body}]`));
    const union = alternatives.length === 0 ? '[^\\s\\S]' : alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
    let result: string;
    if (!negated) result = union;
    else if (parts.length === 1 && 'body' in (parts[0] as ClassPart)) result = `[^${(parts[0] as { body: string }).body}]`;
    else result = `(?:(?!${union})[\\s\\S])`;
    if (subtraction !== undefined) result = `(?:(?!${subtraction})${result})`;
    return result;
  }
}

const cache = new Map<string, RegExp>();

/**
 * Compile an XSD pattern to an anchored JavaScript `RegExp` (flag `u`). Throws
 * {@link XsdRegexSyntaxError} for patterns that are not valid XSD regular expressions. For
 * matching untrusted patterns prefer {@link xsdPatternMatcher}, which runs in linear time.
 *
 * @example
 * xsdPatternToRegExp('DT[0-9]{2}').test('DT01'); // true
 * xsdPatternToRegExp('DT[0-9]{2}').test('xDT01'); // false: XSD patterns match the whole value
 */
export function xsdPatternToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = new Translator(pattern).translate().js;
    try {
      re = new RegExp(`^(?:${body})$`, 'u');
    } catch (cause) {
      throw new XsdRegexSyntaxError(`Muster nicht übersetzbar / pattern cannot be translated: ${String(cause)}`, 0);
    }
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Instructions of the matching automaton (a Pike VM without captures). */
type Instruction =
  | { readonly op: 'char'; readonly test: (ch: string) => boolean }
  | { readonly op: 'split'; x: number; y: number }
  | { readonly op: 'jmp'; x: number }
  | { readonly op: 'match' };

/** Most automaton instructions per pattern (large counted repetitions are refused). */
const MAX_PROGRAM = 20_000;

function compile(node: RegexNode, prog: Instruction[]): void {
  if (prog.length > MAX_PROGRAM) throw new XsdRegexSyntaxError(`Muster zu groß / pattern too large`, 0);
  switch (node.t) {
    case 'set': {
      const re = new RegExp(`^${node.js}$`, 'u');
      prog.push({ op: 'char', test: (ch) => re.test(ch) });
      return;
    }
    case 'seq':
      for (const item of node.items) compile(item, prog);
      return;
    case 'alt': {
      // split L1, next; L1: a; jmp end; next: split … ; last: b; end:
      const jumps: { op: 'jmp'; x: number }[] = [];
      node.items.forEach((item, k) => {
        if (k < node.items.length - 1) {
          const split: { op: 'split'; x: number; y: number } = { op: 'split', x: prog.length + 1, y: 0 };
          prog.push(split);
          compile(item, prog);
          const jmp = { op: 'jmp' as const, x: 0 };
          prog.push(jmp);
          jumps.push(jmp);
          split.y = prog.length;
        } else compile(item, prog);
      });
      for (const j of jumps) j.x = prog.length;
      return;
    }
    case 'rep': {
      for (let k = 0; k < node.min; k++) compile(node.item, prog);
      if (node.max === Infinity) {
        const split: { op: 'split'; x: number; y: number } = { op: 'split', x: prog.length + 1, y: 0 };
        const start = prog.length;
        prog.push(split);
        compile(node.item, prog);
        prog.push({ op: 'jmp', x: start });
        split.y = prog.length;
        return;
      }
      const splits: { op: 'split'; x: number; y: number }[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split: { op: 'split'; x: number; y: number } = { op: 'split', x: prog.length + 1, y: 0 };
        prog.push(split);
        splits.push(split);
        compile(node.item, prog);
      }
      for (const sp of splits) sp.y = prog.length;
      return;
    }
  }
}

/** A compiled XSD pattern that tests whole values in time linear in their length. */
export interface XsdPatternMatcher {
  /** True when the whole value matches the pattern. */
  test(value: string): boolean;
}

const matchers = new Map<string, XsdPatternMatcher>();

/**
 * Compile an XSD pattern into a matcher that runs in time linear in the value's length (a Thompson
 * automaton simulated breadth first), so hostile patterns such as `(a+)+b` cannot hang a check.
 * Same syntax and semantics as {@link xsdPatternToRegExp}; throws {@link XsdRegexSyntaxError}.
 *
 * @example
 * xsdPatternMatcher('(a+)+b').test('a'.repeat(10_000)); // false, immediately
 */
export function xsdPatternMatcher(pattern: string): XsdPatternMatcher {
  let m = matchers.get(pattern);
  if (m) return m;
  const prog: Instruction[] = [];
  try {
    compile(new Translator(pattern).translate(), prog);
  } catch (error) {
    if (error instanceof XsdRegexSyntaxError) throw error;
    throw new XsdRegexSyntaxError(`Muster nicht übersetzbar / pattern cannot be translated: ${String(error)}`, 0);
  }
  prog.push({ op: 'match' });
  const add = (list: number[], seen: Uint8Array, pc: number): void => {
    // iterative epsilon closure; `seen` stops loops of empty matches
    const stack = [pc];
    while (stack.length) {
      const at = stack.pop() as number;
      if (seen[at]) continue;
      seen[at] = 1;
      const ins = prog[at] as Instruction;
      if (ins.op === 'jmp') stack.push(ins.x);
      else if (ins.op === 'split') stack.push(ins.y, ins.x);
      else list.push(at);
    }
  };
  m = {
    test(value: string): boolean {
      let current: number[] = [];
      add(current, new Uint8Array(prog.length), 0);
      for (const ch of value) {
        const next: number[] = [];
        const seen = new Uint8Array(prog.length);
        for (const pc of current) {
          const ins = prog[pc] as Instruction;
          if (ins.op === 'char' && ins.test(ch)) add(next, seen, pc + 1);
        }
        if (next.length === 0) return false;
        current = next;
      }
      return current.some((pc) => (prog[pc] as Instruction).op === 'match');
    },
  };
  if (matchers.size > 1000) matchers.clear();
  matchers.set(pattern, m);
  return m;
}
