// Hostile input is refused with a typed PubliccodeError, in bounded time and memory; fuzzed input
// never crashes: it gives a result or a PubliccodeError.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadExpected } from '../test/corpus-run.js';
import { baseDocument, yamlWith } from '../test/fixtures.js';
import { PubliccodeError } from './errors.js';
import { parsePubliccode } from './parse.js';

async function refusal(input: string | Uint8Array, options: Parameters<typeof parsePubliccode>[1] = {}): Promise<PubliccodeError> {
  const before = process.memoryUsage().heapUsed;
  try {
    await parsePubliccode(input, options);
  } catch (error) {
    expect(PubliccodeError.isInstance(error)).toBe(true);
    // bounded memory: refusing allocates far less than the input would expand to
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    return error as PubliccodeError;
  }
  throw new Error('expected a PubliccodeError');
}

const head = 'publiccodeYmlVersion: "0"\nname: x\n';

describe('hostile YAML', () => {
  it('refuses a billion-laughs alias bomb', async () => {
    // 200 description blocks, each with the same 2,000-item feature list by alias: 400,000 nodes
    const bomb = `${head}usedBy: &f [${'x, '.repeat(1999)}x]\ndescription:\n${Array.from({ length: 200 }, (_, i) => `  l${i}: { shortDescription: s, features: *f }`).join('\n')}\n`;
    expect(bomb.length).toBeLessThan(20_000);
    expect((await refusal(bomb)).code).toBe('alias-limit');
    // the classic bomb under unknown keys is never expanded: one unknown-field error
    const laughs = `${head}b0: &b0 [f, f, f, f, f, f, f, f, f, f]\n${Array.from({ length: 12 }, (_, i) => `b${i + 1}: &b${i + 1} [${Array(10).fill(`*b${i}`).join(', ')}]`).join('\n')}\n`;
    const result = await parsePubliccode(laughs);
    expect(result.errors.map((e) => [e.code, e.key])).toContainEqual(['unknown-field', 'b0']);
  });

  it('refuses deep flow nesting, unclosed brackets and deep block nesting before composing', async () => {
    expect((await refusal(`${head}usedBy: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)).code).toBe('too-deep');
    expect((await refusal(`a: ${'{a: '.repeat(200_000)}`)).code).toBe('too-deep');
    expect((await refusal(`${head}usedBy:\n  ${'- '.repeat(200_000)}x\n`)).code).toBe('too-deep');
    const stairs = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect((await refusal(`${head}${stairs} v\n`)).line).toBeGreaterThan(2);
  });

  it('refuses a self-referencing alias through the depth limit or a type error, never a stack overflow', async () => {
    const result = await parsePubliccode(`${head}usedBy: &a [ *a ]\n`);
    expect(result.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['wrong-type']));
  });

  it('refuses 10 MB inputs and 10 MB scalars', async () => {
    const big = `${head}applicationSuite: ${'x'.repeat(10 * 1024 * 1024)}\n`;
    expect((await refusal(big)).code).toBe('too-large');
    expect((await refusal(new TextEncoder().encode(big))).code).toBe('too-large');
    const error = await refusal(big, { maxBytes: 16 * 1024 * 1024 });
    expect([error.code, error.line]).toEqual(['scalar-too-large', 3]);
    // ADR 0120 shape: the value starts after `applicationSuite: ` (18 characters) on line 3, at
    // offset 26 + 8 + 18 = 52 of the text; German first, then English.
    expect(error.location).toEqual({ line: 3, column: 19, offset: 52 });
    expect(error.messages.de).toMatch(/^Wert zu lang/);
    expect(error.messages.en).toMatch(/^value too long/);
    expect(error.message).toBe(`${error.messages.de} / ${error.messages.en}`);
  });

  it('refuses UTF-16 and UTF-32 byte order marks, invalid UTF-8, binary data and lone surrogates', async () => {
    const text = stringify(baseDocument());
    const utf16le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await refusal(utf16le)).code).toBe('encoding');
    expect((await refusal(new Uint8Array([0xfe, 0xff, 0, 0x61]))).code).toBe('encoding');
    expect((await refusal(new Uint8Array([0, 0, 0xfe, 0xff]))).code).toBe('encoding');
    expect((await refusal(new Uint8Array([...new TextEncoder().encode('name: M'), 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).code).toBe('encoding');
    expect((await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).code).toBe('binary');
    expect((await refusal('name: \uD800x')).code).toBe('encoding');
    expect((await refusal(`${text}\0`)).code).toBe('binary');
  });

  it('keeps __proto__ and constructor keys as data, never as prototypes', async () => {
    const text = yamlWith((d) => {
      const block = JSON.stringify(d['description'].de);
      d['description'] = JSON.parse(`{"__proto__": ${block}, "de": ${block}}`);
    });
    const result = await parsePubliccode(`${text}constructor: x\n`);
    expect(({} as Record<string, unknown>)['shortDescription']).toBeUndefined();
    expect(Object.keys(result.value?.['description'] ?? {})).toEqual(['__proto__', 'de']);
    expect(result.errors.map((e) => [e.code, e.key])).toEqual([
      ['unknown-field', 'constructor'],
      ['bcp47', 'description'],
    ]);
  });

  it('refuses wrong options and wrong input types with a typed error', async () => {
    expect((await refusal('a: 1', { maxBytes: -1 })).code).toBe('invalid-options');
    expect((await refusal('a: 1', { baseUrl: 'not a url' })).code).toBe('invalid-options');
    expect((await refusal(42 as unknown as string)).code).toBe('invalid-input');
  });

  it('reports syntax errors, several documents and empty files as issues, not exceptions', async () => {
    expect((await parsePubliccode('a: [1, 2\n')).errors.map((e) => [e.code, e.key])).toEqual([['yaml-syntax', '']]);
    expect((await parsePubliccode('a: 1\n---\nb: 2\n')).errors.map((e) => e.code)).toEqual(['multiple-documents']);
    expect((await parsePubliccode('')).errors.map((e) => e.key)).toEqual(['publiccodeYmlVersion']);
    expect((await parsePubliccode('a: 1\na: 2\n')).errors.map((e) => e.code)).toEqual(['yaml-syntax']);
  });
});

describe('fuzzing', () => {
  const valid = stringify(baseDocument());
  const settle = async (input: string | Uint8Array): Promise<void> => {
    try {
      const result = await parsePubliccode(input);
      expect(['valid', 'valid-with-warnings', 'invalid']).toContain(result.outcome);
      for (const issue of result.issues) {
        expect(issue.line).toBeGreaterThanOrEqual(0);
        expect(typeof issue.message).toBe('string');
      }
    } catch (error) {
      expect(PubliccodeError.isInstance(error)).toBe(true);
    }
  };

  it('mutated valid files give a result or a PubliccodeError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length }), fc.integer({ min: 0, max: 20 }), fc.string({ maxLength: 8 }), async (at, cut, insert) => {
        await settle(valid.slice(0, at) + insert + valid.slice(at + cut));
      }),
      { numRuns: 300 },
    );
  });

  const req = corpus('publiccode');
  it.skipIf(!req.available)('mutated reference test files give a result or a PubliccodeError', async () => {
    const files = Object.keys(loadExpected(req.path)).map((file) => readFileSync(join(req.path, file), 'utf8'));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 12, unit: fc.constantFrom('a', ' ', '\n', ':', '-', '[', '{', '"', '&a', '*a', '\t', 'é') }),
        async (index, where, cut, insert) => {
          const text = files[index] as string;
          const at = Math.floor(where * text.length);
          await settle(text.slice(0, at) + insert + text.slice(at + cut));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random bytes give a result or a PubliccodeError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
        await settle(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('random YAML-like text gives a result or a PubliccodeError', async () => {
    const token = fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&x', '*x', '"', "'", '#', '|', '>', '!!str', '?', ',');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 80 }), async (tokens) => {
        await settle(`publiccodeYmlVersion: "0"\n${tokens.join('')}`);
      }),
      { numRuns: 300 },
    );
  });
});
