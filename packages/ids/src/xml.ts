import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { IdsError } from './errors.js';

/**
 * An XML attribute with its resolved namespace.
 *
 * @example
 * parseXml('<a k="v"/>').attributes[0]; // { uri: '', local: 'k', name: 'k', value: 'v' }
 */
export interface XmlAttribute {
  readonly uri: string;
  readonly local: string;
  readonly name: string;
  readonly value: string;
}

/**
 * An XML element of the small tree built by {@link parseXml}.
 *
 * @example
 * const el: XmlElement = parseXml('<a><b>x</b></a>');
 * el.children[0]?.text; // 'x'
 */
export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** Character data directly inside this element (text and CDATA, concatenated). */
  text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Limits that keep parsing of untrusted XML bounded in time and memory.
 *
 * @example
 * parseXml(xml, { maxDepth: 16, maxBytes: 1_000_000 } satisfies Partial<XmlLimits>);
 */
export interface XmlLimits {
  /** Largest accepted document in bytes (UTF-8). Default 32 MiB. */
  readonly maxBytes: number;
  /** Deepest element nesting. Default 64 (an IDS needs 8). */
  readonly maxDepth: number;
  /** Most elements in one document. Default 500 000. */
  readonly maxNodes: number;
  /** Longest attribute value in characters. Default 64 KiB. */
  readonly maxAttributeLength: number;
  /** Longest character data of one element. Default 1 MiB. */
  readonly maxTextLength: number;
}

/**
 * The defaults of {@link XmlLimits}.
 *
 * @example
 * defaultXmlLimits.maxDepth; // 64
 */
export const defaultXmlLimits: XmlLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 500_000,
  maxAttributeLength: 64 * 1024,
  maxTextLength: 1024 * 1024,
};

const CHUNK = 64 * 1024;

/** UTF-8 length of a string without encoding it (browsers have no Buffer). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

function decode(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    // A JS string needs at least one UTF-8 byte per UTF-16 unit; check the cheap bounds first.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && utf8Length(input) > maxBytes)) {
      throw new IdsError('xml-too-large', `XML-Dokument größer als ${maxBytes} Bytes / XML document larger than ${maxBytes} bytes`);
    }
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  if (input.byteLength > maxBytes) {
    throw new IdsError('xml-too-large', `XML-Dokument größer als ${maxBytes} Bytes / XML document larger than ${maxBytes} bytes`);
  }
  // UTF-16 documents announce themselves with a byte order mark; everything else is UTF-8.
  const encoding = input[0] === 0xff && input[1] === 0xfe ? 'utf-16le' : input[0] === 0xfe && input[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // ignoreBOM false: the byte order mark is removed by the decoder.
    return new TextDecoder(encoding, { fatal: true }).decode(input);
  } catch (cause) {
    throw new IdsError('xml-encoding', `XML-Dokument ist kein gültiges ${encoding.toUpperCase()} / XML document is not valid ${encoding.toUpperCase()}`, { cause });
  }
}

/**
 * Parse untrusted XML into a small element tree, safely: document type declarations (and with them
 * every entity definition, internal or external) are refused, only the five predefined entities and
 * character references are expanded, and size, depth, node count, attribute and text length are
 * bounded. Errors are {@link IdsError}s with the line and column.
 *
 * @example
 * const root = parseXml('<ids xmlns="http://standards.buildingsmart.org/IDS"/>');
 * root.local; // 'ids'
 */
export function parseXml(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): XmlElement {
  const lim: XmlLimits = { ...defaultXmlLimits, ...limits };
  const text = decode(input, lim.maxBytes);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let nodes = 0;
  let startLine = 1;
  let startColumn = 1;

  const fail = (code: ConstructorParameters<typeof IdsError>[0], message: string): never => {
    throw new IdsError(code, `${message} (Zeile/line ${parser.line})`, { line: parser.line, column: parser.column + 1 });
  };

  parser.on('doctype', () =>
    fail('xml-doctype', 'DOCTYPE/DTD ist nicht erlaubt (Entitäten werden nie aufgelöst) / DOCTYPE/DTD is not allowed (entities are never resolved)'),
  );
  parser.on('opentagstart', (tag) => {
    startLine = parser.line;
    startColumn = Math.max(1, parser.column - tag.name.length - 1);
    nodes += 1;
    if (nodes > lim.maxNodes) fail('xml-too-many-nodes', `mehr als ${lim.maxNodes} Elemente / more than ${lim.maxNodes} elements`);
    if (stack.length + 1 > lim.maxDepth) fail('xml-too-deep', `Verschachtelung tiefer als ${lim.maxDepth} / nesting deeper than ${lim.maxDepth}`);
  });
  parser.on('attribute', (attr) => {
    if (attr.value.length > lim.maxAttributeLength) {
      fail('xml-attribute-too-long', `Attribut ${attr.name} länger als ${lim.maxAttributeLength} Zeichen / attribute ${attr.name} longer than ${lim.maxAttributeLength} characters`);
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes: XmlAttribute[] = Object.values(tag.attributes).map((a) => ({
      uri: a.uri,
      local: a.local,
      name: a.name,
      value: a.value,
    }));
    const el: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      name: tag.name,
      attributes,
      children: [],
      text: '',
      line: startLine,
      column: startColumn,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  const addText = (t: string) => {
    const el = stack[stack.length - 1];
    if (!el) return;
    if (el.text.length + t.length > lim.maxTextLength) {
      fail('xml-text-too-long', `Text eines Elements länger als ${lim.maxTextLength} Zeichen / element text longer than ${lim.maxTextLength} characters`);
    }
    el.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    throw new IdsError('xml-malformed', `XML nicht wohlgeformt: ${error.message} / XML not well-formed`, {
      line: parser.line,
      column: parser.column + 1,
      cause: error,
    });
  });

  try {
    for (let i = 0; i < text.length; i += CHUNK) parser.write(text.slice(i, i + CHUNK));
    parser.close();
  } catch (error) {
    if (IdsError.isInstance(error)) throw error;
    throw new IdsError('xml-malformed', `XML nicht wohlgeformt / XML not well-formed: ${String(error)}`, {
      line: parser.line,
      column: parser.column + 1,
      cause: error,
    });
  }
  if (!root) throw new IdsError('xml-malformed', 'kein Wurzelelement / no root element');
  return root;
}
