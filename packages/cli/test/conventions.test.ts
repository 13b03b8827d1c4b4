import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInPty, hasAnsi, pty } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const scenario = join(import.meta.dirname, 'fixtures', 'vote-pass.json');

const commands = [
  ['ifc', 'summary'],
  ['ids', 'check'],
  ['ids', 'audit'],
  ['vote'],
  ['chair'],
  ['costs'],
  ['registry', 'list'],
  ['registry', 'get'],
  ['registry', 'export'],
  ['publiccode', 'validate'],
  ['operation', 'check'],
];

describe('conventions of the foederal command', () => {
  it('bin foederal points at the built entry', () => {
    expect(pkg.bin).toEqual({ foederal: './dist/bin.js' });
  });

  it('--version and -V print the package version on stdout', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await cli([flag]);
      expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('--help of %s has an example and exits 0', async (_name, cmd) => {
    const de = await cli([...cmd, '--help']);
    expect(de.code).toBe(0);
    expect(de.stderr).toBe('');
    expect(de.stdout).toContain('Beispiele:');
    expect(de.stdout).toContain(`$ foederal ${cmd.join(' ')}`);
    const en = await cli([...cmd, '--help', '--lang', 'en']);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).toContain(`$ foederal ${cmd.join(' ')}`);
  });

  it('the top-level help documents the exit codes in German and English', async () => {
    const de = await cli(['--help']);
    expect(de.stdout).toMatch(/Exit-Codes:\n\s+0 .*\n\s+1 .*\n\s+2 .*\n\s+3 .*\n\s+130 /);
    const en = await cli(['--help'], { env: { LANG: 'en_GB.UTF-8' } });
    expect(en.stdout).toContain('Exit codes:');
    expect(en.stdout).toContain('invalid input or usage');
  });

  it('the language comes from the locale: LC_ALL before LANG, C and unset mean German', async () => {
    const pick = async (env: Record<string, string>) => (await cli(['chair', 'it-planungsrat', '2027-05-01'], { env })).stdout.split(':')[0];
    expect(await pick({ LANG: 'en_US.UTF-8' })).toBe('Chair on 2027-05-01');
    expect(await pick({ LANG: 'en_US.UTF-8', LC_ALL: 'de_AT.UTF-8' })).toBe('Vorsitz am 2027-05-01');
    expect(await pick({ LANG: 'C' })).toBe('Vorsitz am 2027-05-01');
    expect(await pick({ LANG: 'fr_FR.UTF-8' })).toBe('Chair on 2027-05-01');
  });

  it('unknown commands and options are usage errors: exit 2, message on stderr, nothing on stdout', async () => {
    for (const args of [['bogus'], ['vote'], ['vote', scenario, '--bogus'], ['ids'], ['ids', 'check', '--format', 'pdf', 'a', 'b'], ['--lang', 'fr', 'vote', scenario]]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('commander’s headings and usage errors are German in German, English in English', async () => {
    const help = await cli(['ids', 'check', '--help']);
    expect(help.stdout).toMatch(/^Aufruf: foederal ids check \[options\] <spec> <model>/);
    expect(help.stdout).toContain('Argumente:');
    expect(help.stdout).toContain('Optionen:');
    expect(help.stdout).toMatch(/Auswahl: "text", "json", "html", "bcf",\s+Standard: "text"/);
    expect(help.stdout).not.toMatch(/Usage:|Options:|choices:|default:/);
    const cases: [string[], string, string][] = [
      [['voet'], "Fehler: unbekannter Befehl 'voet'\n(Meinten Sie vote?)", "error: unknown command 'voet'\n(Did you mean vote?)"],
      [['vote'], "Fehler: Argument 'scenario' fehlt", "error: missing required argument 'scenario'"],
      [['vote', 'a.json', '--bogus'], "Fehler: unbekannte Option '--bogus'", "error: unknown option '--bogus'"],
      [['registry', 'list'], "Fehler: Option '--url <url>' ist erforderlich", "error: required option '--url <url>' not specified"],
      [['chair', 'a', 'b', 'c'], "Fehler: zu viele Argumente für 'chair': erwartet 2, erhalten 3.", "error: too many arguments for 'chair'. Expected 2 arguments but got 3."],
      [['ids', 'check', '-f', 'pdf', 'a', 'b'], "Fehler: Option '-f, --format <format>': Wert 'pdf' ist ungültig. Erlaubt: text, json, html, bcf.", "error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are text, json, html, bcf."],
    ];
    for (const [args, de, en] of cases) {
      expect((await cli(args)).stderr, args.join(' ')).toContain(de);
      expect((await cli([...args, '--lang', 'en'])).stderr, args.join(' ')).toContain(en);
    }
  });

  it('no colour when output is not a terminal, even in a colour-capable environment', async () => {
    const r = await cli(['vote', scenario], { env: { FORCE_COLOR: '1', TERM: 'xterm-256color' } });
    expect(r.code).toBe(0);
    expect(hasAnsi(r.stdout)).toBe(false);
  });

  it.skipIf(!pty.available)('colour on a terminal, and none on a terminal with NO_COLOR', async () => {
    const coloured = await cliInPty(['vote', scenario]);
    expect(coloured.code).toBe(0);
    expect(coloured.output).toContain('angenommen');
    expect(hasAnsi(coloured.output)).toBe(true);
    const plain = await cliInPty(['vote', scenario], { NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.output).toContain('angenommen');
    expect(hasAnsi(plain.output)).toBe(false);
  });

  it('machine output goes to stdout only; messages go to stderr', async () => {
    const r = await cli(['vote', scenario, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'pass', quorate: true });
  });

  it('a closed pipe on stdout ends quietly', async () => {
    const r = await cli(['--help'], { onSpawn: (child) => child.stdout?.destroy() });
    expect(r.stderr).not.toContain('EPIPE');
  });
});
