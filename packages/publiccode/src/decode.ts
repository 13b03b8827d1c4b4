// Walks the YAML node tree against the document shape and builds plain values, the way the
// reference parser's YAML decoder does: the first wrong type or unknown key is reported (with
// the line of the offending node), and the top-level key that contains it is left out, so the
// validation that follows reports what is then missing.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { PubliccodeError } from './errors.js';
import type { Shape } from './shape.js';

/** Limits that keep hostile documents bounded. */
export interface DecodeLimits {
  /** Deepest nesting of collections (aliases included). */
  readonly maxDepth: number;
  /** Most nodes visited in total, counting every expansion of an alias. */
  readonly maxNodes: number;
}

/** A decoding problem: `kind` says which, `line` is where the offending node starts. */
export interface DecodeProblem {
  readonly kind: 'type' | 'unknown';
  readonly line: number;
  readonly message: string;
}

class Failure {
  constructor(readonly problem: DecodeProblem) {}
}

/** Result of decoding: the plain value and the first problem, if any. */
export interface Decoded {
  readonly value: Record<string, unknown>;
  readonly problem: DecodeProblem | undefined;
}

type YamlNode = Node | null | undefined;

/**
 * Decodes the document's root mapping into plain values.
 *
 * @throws {@link PubliccodeError} `too-deep` or `alias-limit` for hostile nesting or alias bombs.
 */
export function decodeDocument(doc: Document, lines: LineCounter, shape: Shape, limits: DecodeLimits): Decoded {
  let visited = 0;
  const lineOf = (node: Node): number => lines.linePos(node.range?.[0] ?? 0).line;

  const resolve = (node: YamlNode, depth: number): YamlNode => {
    visited += 1;
    if (visited > limits.maxNodes) {
      throw new PubliccodeError(
        'alias-limit',
        `Zu viele Knoten (Aliase eingerechnet), höchstens ${limits.maxNodes} / too many nodes (aliases expanded), at most ${limits.maxNodes}`,
      );
    }
    if (depth > limits.maxDepth) {
      throw new PubliccodeError(
        'too-deep',
        `Verschachtelung tiefer als ${limits.maxDepth} / nesting deeper than ${limits.maxDepth}`,
        node ? { line: lineOf(node), offset: node.range?.[0] } : {},
      );
    }
    let current = node;
    let hops = 0;
    while (current && isAlias(current)) {
      current = current.resolve(doc) as YamlNode;
      hops += 1;
      if (hops > 64) throw new PubliccodeError('alias-limit', 'Alias-Kette zu lang / alias chain too long');
    }
    return current;
  };

  const typeError = (node: Node, what: string): Failure =>
    new Failure({ kind: 'type', line: lineOf(node), message: `cannot unmarshal ${what}` });

  const decode = (raw: YamlNode, s: Shape, depth: number): unknown => {
    const node = resolve(raw, depth);
    const isNull = node === null || node === undefined || (isScalar(node) && node.value === null);
    switch (s.kind) {
      case 'string': {
        if (isNull) return undefined;
        if (!isScalar(node)) throw typeError(node as Node, 'collection into string');
        const value = node.value;
        if (typeof value === 'string') return value;
        return node.source ?? String(value);
      }
      case 'bool': {
        if (isNull) return undefined;
        if (!isScalar(node) || typeof node.value !== 'boolean') throw typeError(node as Node, 'value into bool');
        return node.value;
      }
      case 'stringOrList': {
        if (isNull) return undefined;
        if (isScalar(node)) return [decode(node, { kind: 'string' }, depth)];
        if (isSeq(node)) return decode(node, { kind: 'list', of: { kind: 'string' } }, depth);
        throw typeError(node as Node, 'mapping into string or list');
      }
      case 'list': {
        if (isNull) return undefined;
        if (!isSeq(node)) throw typeError(node as Node, 'value into list');
        const out: unknown[] = [];
        let first: Failure | undefined;
        for (const item of node.items as YamlNode[]) {
          try {
            out.push(decode(item, s.of, depth + 1));
          } catch (error) {
            if (!(error instanceof Failure)) throw error;
            first ??= error;
          }
        }
        if (first) throw first;
        return out;
      }
      case 'map': {
        if (isNull) return undefined;
        if (!isMap(node)) throw typeError(node as Node, 'value into mapping');
        const out: Record<string, unknown> = {};
        for (const pair of node.items) {
          const key = resolve(pair.key as YamlNode, depth + 1);
          const name = isScalar(key) ? String(key.value) : '';
          Object.defineProperty(out, name, { value: decode(pair.value as YamlNode, s.of, depth + 1), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      case 'struct': {
        if (isNull) return s.optional ? undefined : {};
        if (!isMap(node)) throw typeError(node as Node, 'value into section');
        const out: Record<string, unknown> = {};
        let first: Failure | undefined;
        let unknown: Failure | undefined;
        for (const pair of node.items) {
          const key = resolve(pair.key as YamlNode, depth + 1);
          const name = isScalar(key) ? String(key.value) : undefined;
          const field = name !== undefined && Object.hasOwn(s.fields, name) ? s.fields[name] : undefined;
          if (name === undefined || field === undefined) {
            unknown ??= new Failure({
              kind: 'unknown',
              line: key ? lineOf(key) : 0,
              message: `unknown field "${name ?? ''}"`,
            });
            continue;
          }
          try {
            const value = decode(pair.value as YamlNode, field, depth + 1);
            if (value !== undefined) out[name] = value;
          } catch (error) {
            if (!(error instanceof Failure)) throw error;
            first ??= error;
          }
        }
        if (first) throw first;
        if (unknown) throw unknown;
        for (const [name, field] of Object.entries(s.fields)) {
          if (out[name] === undefined && field.kind === 'struct' && !field.optional) out[name] = {};
        }
        return out;
      }
    }
  };

  // The root: like a section, but a failing key only drops that key (the rest is kept).
  const root = resolve(doc.contents as YamlNode, 0);
  if (!isMap(root) || shape.kind !== 'struct') {
    return { value: {}, problem: root ? { kind: 'type', line: lineOf(root), message: 'cannot unmarshal document' } : undefined };
  }
  const fields = shape.fields;
  const value: Record<string, unknown> = {};
  let first: DecodeProblem | undefined;
  let unknown: DecodeProblem | undefined;
  for (const pair of root.items) {
    const key = resolve(pair.key as YamlNode, 1);
    const name = isScalar(key) ? String(key.value) : undefined;
    const field = name !== undefined && Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (name === undefined || field === undefined) {
      unknown ??= { kind: 'unknown', line: key ? lineOf(key) : 0, message: `unknown field "${name ?? ''}"` };
      continue;
    }
    try {
      const decoded = decode(pair.value as YamlNode, field, 1);
      if (decoded !== undefined) value[name] = decoded;
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      first ??= error.problem;
    }
  }
  for (const [name, field] of Object.entries(fields)) {
    if (value[name] === undefined && field.kind === 'struct' && !field.optional) value[name] = {};
  }
  return { value, problem: first ?? unknown };
}
