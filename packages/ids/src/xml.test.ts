import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdsError } from './errors.js';
import { parseXml } from './xml.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (IdsError.isInstance(error)) return error.code;
    throw error;
  }
  return 'ok';
}

describe('parseXml', () => {
  it('builds a tree with namespaces, attributes, text and lines', () => {
    const root = parseXml('<a xmlns="urn:x" k="v">\n  <b>hi &amp; <![CDATA[<ok>]]></b>\n</a>');
    expect(root.uri).toBe('urn:x');
    expect(root.attributes.find((a) => a.local === 'k')?.value).toBe('v');
    const b = root.children[0];
    expect(b?.local).toBe('b');
    expect(b?.text).toBe('hi & <ok>');
    expect(b?.line).toBe(2);
    expect(b?.column).toBe(3);
  });

  it('refuses the billion laughs attack before expanding anything', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`;
    const before = process.memoryUsage().heapUsed;
    expect(codeOf(() => parseXml(lol))).toBe('xml-doctype');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses external entities (XXE) and undeclared entities', () => {
    expect(codeOf(() => parseXml('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>'))).toBe('xml-doctype');
    expect(codeOf(() => parseXml('<!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>'))).toBe('xml-doctype');
    expect(codeOf(() => parseXml('<x>&xxe;</x>'))).toBe('xml-malformed');
  });

  it('refuses deep nesting at the configured depth', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const error = (() => {
      try {
        parseXml(deep);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(IdsError.isInstance(error) && error.code).toBe('xml-too-deep');
    expect(codeOf(() => parseXml('<a><a><a/></a></a>', { maxDepth: 2 }))).toBe('xml-too-deep');
  });

  it('refuses huge attributes, huge text, too many nodes and too large documents', () => {
    expect(codeOf(() => parseXml(`<a v="${'x'.repeat(70_000)}"/>`))).toBe('xml-attribute-too-long');
    expect(codeOf(() => parseXml(`<a>${'x'.repeat(2000)}</a>`, { maxTextLength: 1000 }))).toBe('xml-text-too-long');
    expect(codeOf(() => parseXml(`<a>${'<b/>'.repeat(20)}</a>`, { maxNodes: 10 }))).toBe('xml-too-many-nodes');
    expect(codeOf(() => parseXml(`<a>${' '.repeat(2000)}</a>`, { maxBytes: 1000 }))).toBe('xml-too-large');
    expect(codeOf(() => parseXml(new Uint8Array(2000), { maxBytes: 1000 }))).toBe('xml-too-large');
    // counted in UTF-8 bytes, not in characters: 607 characters, 1 207 bytes
    expect(codeOf(() => parseXml(`<a>${'ä'.repeat(600)}</a>`, { maxBytes: 1000 }))).toBe('xml-too-large');
    expect(codeOf(() => parseXml(`<a>${'ä'.repeat(400)}</a>`, { maxBytes: 1000 }))).toBe('ok');
  });

  it('refuses malformed XML and invalid UTF-8 with line numbers', () => {
    try {
      parseXml('<a>\n<b></a>');
      expect.unreachable();
    } catch (error) {
      expect(IdsError.isInstance(error) && error.code).toBe('xml-malformed');
      expect(IdsError.isInstance(error) && error.line).toBe(2);
    }
    expect(codeOf(() => parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])))).toBe('xml-encoding');
    expect(codeOf(() => parseXml(''))).toBe('xml-malformed');
  });

  it('decodes UTF-8 and UTF-16 bytes with a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<a>ä</a>')]);
    expect(parseXml(bytes).text).toBe('ä');
    const utf16 = Buffer.from('\ufeff<a>ä</a>', 'utf16le');
    expect(parseXml(new Uint8Array(utf16)).text).toBe('ä');
  });

  it('never throws anything but an IdsError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          parseXml(s);
        } catch (error) {
          expect(IdsError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
