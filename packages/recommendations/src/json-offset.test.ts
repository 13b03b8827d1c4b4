import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-offset.js';
import { validateJson } from './validate.js';

describe('jsonErrorOffset', () => {
  it('says -1 for valid JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(jsonErrorOffset(JSON.stringify(v, null, 1))).toBe(-1);
    }), { numRuns: 200 });
  });

  it('finds errors V8 reports without a position', () => {
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('[1,2')).toBe(4);
    expect(jsonErrorOffset('{"a":1}x')).toBe(7);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
  });

  it('agrees with JSON.parse on validity and with V8 on the position where V8 gives one (mutated JSON)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\\', '\n', '-', '0', 'e'), (v, at, insert) => {
      const text = JSON.stringify(v);
      const pos = at % (text.length + 1);
      const mutated = text.slice(0, pos) + insert + text.slice(pos + (insert === '' ? 1 : 0));
      let v8: string | undefined;
      try {
        JSON.parse(mutated);
      } catch (e) {
        v8 = (e as Error).message;
      }
      const ours = jsonErrorOffset(mutated);
      expect(ours === -1).toBe(v8 === undefined);
      const reported = v8 ? /position (\d+)/.exec(v8) : null;
      if (reported) expect(ours).toBe(Number(reported[1]));
    }), { numRuns: 300 });
  });

  it('gives validateJson a line and column', () => {
    const result = validateJson('Pilot', '{\n  "id": "p",\n  "title": }');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.en).toBe('not valid JSON at offset 26 (line 3, column 12)');
  });
});
