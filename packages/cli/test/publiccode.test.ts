import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const pc = corpus('publiccode');
const repoFile = join(import.meta.dirname, '..', '..', '..', 'publiccode.yml');

interface Expected {
  outcome: 'valid' | 'valid-with-warnings' | 'invalid' | null;
  needsNetwork: boolean | null;
  results?: { severity: string; key: string; line: number; column: number }[];
}

describe('publiccode validate', () => {
  it('the repository’s own publiccode.yml is valid; network checks are listed as skipped without --network', async () => {
    const r = await cli(['publiccode', 'validate', repoFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gültig (0 Fehler, 0 Warnungen)');
    expect(r.stdout).toContain('Nicht ausgeführte Prüfungen');
    const en = await cli(['publiccode', 'validate', '-', '--lang', 'en', '--json'], { input: readFileSync(repoFile) });
    expect(en.code).toBe(0);
    expect(JSON.parse(en.stdout)).toMatchObject({ file: 'publiccode.yml', outcome: 'valid', valid: true });
  });

  it('a URL needs --network (exit code 2 without it, nothing fetched)', async () => {
    const r = await cli(['publiccode', 'validate', 'https://gitlab.opencode.de/foederal/foederal/-/raw/main/publiccode.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--network');
  });

  it('hostile YAML (alias bomb, binary, too deep) is refused or invalid, never a crash', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`)].join('\n');
    for (const input of [bomb, '\u0000\u0001\u0002binär', '['.repeat(5000), 'publiccodeYmlVersion: "0.4"\nname: [unclosed']) {
      const r = await cli(['publiccode', 'validate', '-'], { input });
      expect([1, 2]).toContain(r.code);
      expect(r.stderr).not.toContain('Interner Fehler');
    }
  });

  describe('with --network against a local server', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/publiccode.yml') {
          res.writeHead(200, { 'content-type': 'text/yaml' });
          res.end('publiccodeYmlVersion: "0.4"\nname: Beispiel\n');
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches the file and validates it; a missing file is exit code 1', async () => {
      const r = await cli(['publiccode', 'validate', `${base}/publiccode.yml`, '--network', '--json']);
      expect(r.code).toBe(1);
      const result = JSON.parse(r.stdout) as { outcome: string; issues: { key: string; severity: string }[] };
      expect(result.outcome).toBe('invalid');
      expect(result.issues.some((i) => i.key === 'url' && i.severity === 'error')).toBe(true);
      const missing = await cli(['publiccode', 'validate', `${base}/fehlt.yml`, '--network']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('404');
    });
  });
});

describe.skipIf(!pc.available)('publiccode validate on the publiccode-parser-go test files (no network)', () => {
  const expected = pc.available ? (JSON.parse(readFileSync(join(pc.path, 'expected.json'), 'utf8')) as { cases: Record<string, Expected> }).cases : {};
  const offline = Object.entries(expected).filter(([, c]) => c.outcome !== null && c.needsNetwork === false);
  // every valid file and the first invalid file of each error key: the CLI's wiring and exit codes
  const picked = offline.filter(([, c], i) => c.outcome !== 'invalid' || offline.findIndex(([, d]) => d.outcome === 'invalid' && d.results?.[0]?.key === c.results?.[0]?.key) === i);
  it('picks valid and invalid files', () => {
    expect(picked.filter(([, c]) => c.outcome === 'invalid').length).toBeGreaterThanOrEqual(10);
    expect(picked.filter(([, c]) => c.outcome !== 'invalid').length).toBeGreaterThanOrEqual(20);
  });
  it.each(picked)('%s', async (file, c) => {
    const r = await cli(['publiccode', 'validate', join(pc.path, file), '--json']);
    const result = JSON.parse(r.stdout) as { outcome: string; issues: { severity: string; key: string; line: number; column: number }[] };
    expect(r.code).toBe(c.outcome === 'invalid' ? 1 : 0);
    expect(result.outcome).toBe(c.outcome);
    const first = c.results?.[0];
    if (first) expect(result.issues[0]).toMatchObject({ severity: first.severity, key: first.key, line: first.line, column: first.column });
  });
});
