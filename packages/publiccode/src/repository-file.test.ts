// This repository's own publiccode.yml (openCode requires it at the root) is valid per the standard.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport } from './format.js';
import { parsePubliccodeFile } from './node.js';

describe("the repository's publiccode.yml", () => {
  it('is valid without warnings, and its licence is the EUPL-1.2', async () => {
    const result = await parsePubliccodeFile(fileURLToPath(new URL('../../../publiccode.yml', import.meta.url)));
    expect(formatReport(result, 'en', { showSkipped: false })).toBe('publiccode.yml: valid (0 errors, 0 warnings)');
    expect(result.data?.legal.license).toBe('EUPL-1.2');
    expect(Object.keys(result.data?.description ?? {})).toEqual(['de', 'en']);
  });
});
