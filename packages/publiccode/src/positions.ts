// Line and column of a key path (`description.en.features[0]`) in the YAML node tree, and the
// key path of the key on a given line, with the conventions of the reference parser: a missing
// last key points at the first key of its section (or at the `{` of a flow mapping); a missing
// section in the middle of the path gives 0,0.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based line and column; 0,0 means no position. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

type YamlNode = Node | null | undefined;

/** Finds positions of key paths and key paths of lines in one parsed document. */
export class PositionFinder {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  #pos(node: Node): Position {
    const { line, col } = this.#lines.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  }

  #deref(node: YamlNode): YamlNode {
    let current = node;
    for (let hops = 0; current && isAlias(current) && hops < 64; hops++) current = current.resolve(this.#doc) as YamlNode;
    return current;
  }

  /** Position of the key path, or 0,0. */
  positionOf(key: string): Position {
    if (key === '') return { line: 0, column: 0 };
    return this.#find(this.#doc.contents as YamlNode, key.split('.'));
  }

  #find(raw: YamlNode, parts: readonly string[]): Position {
    const node = this.#deref(raw);
    const none = { line: 0, column: 0 };
    if (!node || parts.length === 0) return none;
    const part = parts[0] as string;
    let base = part;
    let index = -1;
    let stringKey = '';
    const bracket = part.lastIndexOf('[');
    if (bracket >= 0 && part.endsWith(']')) {
      const inner = part.slice(bracket + 1, -1);
      if (/^\d+$/.test(inner)) {
        index = Number(inner);
        base = part.slice(0, bracket);
      } else if (inner !== '') {
        stringKey = inner;
        base = part.slice(0, bracket);
      }
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = this.#deref(pair.key as YamlNode);
        if (!keyNode || !isScalar(keyNode) || String(keyNode.value) !== base) continue;
        if (index >= 0) {
          const seq = this.#deref(pair.value as YamlNode);
          if (!seq || !isSeq(seq) || index >= seq.items.length) return this.#pos(keyNode);
          const element = this.#deref(seq.items[index] as YamlNode);
          if (!element) return none;
          if (parts.length === 1) return this.#pos(element);
          return this.#find(element, parts.slice(1));
        }
        if (stringKey !== '') return this.#find(pair.value as YamlNode, [stringKey, ...parts.slice(1)]);
        if (parts.length === 1) return this.#pos(keyNode);
        return this.#find(pair.value as YamlNode, parts.slice(1));
      }
      if (node.flow) return this.#pos(node);
      const first = node.items[0];
      if (parts.length === 1 && first) {
        const keyNode = this.#deref(first.key as YamlNode);
        if (keyNode) return this.#pos(keyNode);
      }
      return none;
    }
    if (isSeq(node)) return none;
    return this.#pos(node);
  }

  /** Key path of the key (or list item) that starts on `line`, or `""`. */
  keyAtLine(line: number): string {
    return this.#keyAt(this.#doc.contents as YamlNode, line, '', 0);
  }

  #keyAt(node: YamlNode, line: number, prefix: string, depth: number): string {
    // Aliases are not followed: an alias is never the key on a line, and following them could
    // expand an alias bomb under a key the decoder skipped.
    if (!node || isAlias(node) || depth > 256) return '';
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode;
        if (!keyNode || !isScalar(keyNode)) continue;
        const full = prefix === '' ? String(keyNode.value) : `${prefix}.${String(keyNode.value)}`;
        if (this.#pos(keyNode).line === line) return full;
        const inner = this.#keyAt(pair.value as YamlNode, line, full, depth + 1);
        if (inner !== '') return inner;
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const key = `${prefix}[${i}]`;
        const element = item as YamlNode;
        if (element && !isAlias(element) && this.#pos(element).line === line) return key;
        const inner = this.#keyAt(element, line, key, depth + 1);
        if (inner !== '') return inner;
      }
    }
    return '';
  }
}
