import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generate,
  kernStylesheetPath,
  kernTokenTable,
  outputPath,
  parseBlocks,
  resolveToken,
  usedAliases,
} from '../../scripts/kern-tokens.mjs';

describe('KERN tokens', () => {
  it('the committed module is what the installed @kern-ux/native generates (run `pnpm kern-tokens` after an update)', () => {
    expect(readFileSync(outputPath, 'utf8')).toBe(generate());
  });
  it('every token the styles use exists in KERN and resolves to a plain value', () => {
    const table = kernTokenTable(readFileSync(kernStylesheetPath(), 'utf8'));
    const aliases = usedAliases();
    expect(aliases.length).toBeGreaterThan(20);
    for (const alias of aliases) expect(resolveToken(table, `--kern-${alias}`)).not.toMatch(/var\(/);
  });
  it('takes the light theme and the root tokens, not the dark theme', () => {
    const css = `
      :root { --kern-a: 1px; --kern-b: var(--kern-a); }
      @media (prefers-color-scheme: dark) { :root { --kern-c: black; } }
      [data-kern-theme=light], .kern-light { --kern-c: white; --kern-d: color-mix(in oklch, var(--kern-c), var(--kern-b) 10%); }
      .kern-dark { --kern-c: black; }`;
    const table = kernTokenTable(css);
    expect(resolveToken(table, '--kern-c')).toBe('white');
    expect(resolveToken(table, '--kern-d')).toBe('color-mix(in oklch, white, 1px 10%)');
  });
  it('names a missing or circular token', () => {
    const table = kernTokenTable(':root { --kern-x: var(--kern-y); --kern-y: var(--kern-x); }');
    expect(() => resolveToken(table, '--kern-nope')).toThrow(/--kern-nope not found/);
    expect(() => resolveToken(table, '--kern-x')).toThrow(/circular KERN token --kern-x/);
  });
  it('reports unbalanced braces with the offset', () => {
    expect(() => parseBlocks('a { b: c; } }')).toThrow(/unbalanced \} at offset 12/);
  });
});
