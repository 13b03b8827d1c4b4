// The README's short example states what the calls return; this checks it on this repository's
// own publiccode.yml, which the example reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport } from './format.js';
import { parsePubliccodeFile } from './node.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README short example', () => {
  it('prints what its comments say for the repository publiccode.yml', async () => {
    const result = await parsePubliccodeFile(fileURLToPath(new URL('../../../publiccode.yml', import.meta.url)));
    expect(readme).toContain("console.log(formatReport(result, 'de')); // publiccode.yml: gültig (0 Fehler, 0 Warnungen) …");
    expect(formatReport(result, 'de').split('\n')[0]).toBe('publiccode.yml: gültig (0 Fehler, 0 Warnungen)');
    expect(readme).toContain('console.log(result.data.name, result.data.legal.license); // foederal EUPL-1.2');
    expect([result.data?.name, result.data?.legal.license]).toEqual(['foederal', 'EUPL-1.2']);
    expect(result.errors).toEqual([]);
  });

  it('is at most 10 lines of code', () => {
    const start = readme.indexOf('```ts\n', readme.indexOf('## Kurz / In short'));
    const block = readme.slice(start + 6, readme.indexOf('\n```', start + 6));
    expect(block.split('\n').length).toBeLessThanOrEqual(10);
  });
});
