import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath, jsonErrorIndex, jsonErrorOffset } from './issues.js';

describe('jsonErrorIndex', () => {
  it('finds the first error', () => {
    expect(jsonErrorIndex('{"anchor": ü')).toBe(11);
    expect(jsonErrorIndex('[1,2,]')).toBe(5);
    expect(jsonErrorIndex('{"a": 1')).toBe(7);
    expect(jsonErrorIndex('{"items": [{"id": "x"}, {"id": "y"')).toBe(34);
    expect(jsonErrorIndex('')).toBe(0);
    expect(jsonErrorIndex('{"a":1} x')).toBe(8);
    expect(jsonErrorIndex('"\\u12x4"')).toBe(5);
  });

  it('counts bytes, not characters', () => {
    expect(jsonErrorOffset('["ä", x]')).toBe(7);
  });

  it('agrees with JSON.parse on valid and truncated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value);
        expect(jsonErrorIndex(text)).toBeUndefined();
        const truncated = text.slice(0, cut % (text.length + 1));
        let valid = true;
        try {
          JSON.parse(truncated);
        } catch {
          valid = false;
        }
        expect(jsonErrorIndex(truncated) === undefined).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  it('handles deep nesting without overflowing the stack', () => {
    expect(jsonErrorIndex('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
    expect(jsonErrorIndex('['.repeat(100_000))).toBe(100_000);
  });
});

describe('formatJsonPath', () => {
  it('formats keys and indices', () => {
    expect(formatJsonPath(['items', 3, 'title', 'de'])).toBe('$.items[3].title.de');
    expect(formatJsonPath(['content-digest'], '$.headers')).toBe('$.headers["content-digest"]');
  });
});
