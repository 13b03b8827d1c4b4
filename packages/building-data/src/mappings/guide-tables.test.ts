import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pointSemanticsMarkdown } from './point-semantics.js';

const guide = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'guides', 'building-data.md');

describe('documented mapping tables', () => {
  it('the guide prints exactly the shipped Haystack/Brick tables', () => {
    const text = readFileSync(guide, 'utf8');
    const start = text.indexOf('<!-- point-semantics:start -->\n');
    const end = text.indexOf('\n<!-- point-semantics:end -->');
    expect(start).toBeGreaterThan(0);
    expect(text.slice(start + '<!-- point-semantics:start -->\n'.length, end)).toBe(pointSemanticsMarkdown('en'));
  });
});
