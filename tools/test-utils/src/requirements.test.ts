import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, repoRoot } from './paths.js';
import { requirement } from './requirements.js';

describe('paths', () => {
  it('finds the repository root by its workspace file', () => {
    expect(existsSync(join(repoRoot, 'pnpm-workspace.yaml'))).toBe(true);
  });
  it('places the corpus beside the checkout, never inside it', () => {
    expect(corpusDir.startsWith(repoRoot + '/')).toBe(false);
  });
});

describe('requirement', () => {
  it('reports an available requirement as available', () => {
    expect(requirement('something present', true, 'nothing to do').available).toBe(true);
  });
  it('skips outside CI and fails under CI when something is missing', () => {
    const previous = process.env['CI'];
    if (/^(1|true)$/i.test(previous ?? '')) {
      expect(() => requirement('a missing thing', false, 'install it')).toThrow(/a missing thing/);
    } else {
      expect(requirement('a missing thing', false, 'install it').available).toBe(false);
    }
  });
});
