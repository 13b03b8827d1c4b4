import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, exitCodes } from './errors.js';
import type { CliIo } from './io.js';
import { localeLang } from './lang.js';
import { run } from './program.js';

function memoryIo(input = '', env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (c) => (out.push(String(c)), true), isTTY: false },
    stderr: { write: (c) => (err.push(String(c)), true), isTTY: false },
    stdin: Readable.from([Buffer.from(input)]),
    env,
    signal: new AbortController().signal,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('run() as a library call', () => {
  it('answers with the exit code and writes to the given streams', async () => {
    const io = memoryIo();
    expect(await run(['chair', 'it-planungsrat', '2027-05-01', '--json'], io)).toBe(exitCodes.ok);
    expect(JSON.parse(io.out())).toMatchObject({ chair: 'DE-NI', term: { from: '2027-01-01', to: '2027-12-31' } });
    expect(io.err()).toBe('');
  });

  it('reads - from the given stdin and maps typed errors to exit code 2', async () => {
    const io = memoryIo('{"rules": "it-planungsrat"}');
    expect(await run(['vote', '-'], io)).toBe(exitCodes.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/Ungültige Eingabe \/ invalid input/);
  });

  it('an aborted signal stops reading with exit code 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const io = { ...memoryIo('{}'), signal: controller.signal };
    expect(await run(['vote', '-'], io)).toBe(exitCodes.interrupted);
  });
});

describe('localeLang', () => {
  it.each([
    [{}, 'de'],
    [{ LANG: 'C.UTF-8' }, 'de'],
    [{ LANG: 'POSIX' }, 'de'],
    [{ LANG: 'de_CH.UTF-8' }, 'de'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'pl_PL.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'en_GB' }, 'en'],
    [{ LC_ALL: 'de_DE', LC_MESSAGES: 'en_GB' }, 'de'],
    [{ LANGUAGE: 'en:de' }, 'en'],
  ] as const)('%o → %s', (env, lang) => {
    expect(localeLang(env)).toBe(lang);
  });
});

describe('CliError', () => {
  it('carries a stable code, its exit code and the foederal brand', () => {
    const e = new CliError('unavailable', 'x / x');
    expect([e.code, e.exitCode, CliError.isInstance(e), (e as unknown as Record<symbol, unknown>)[Symbol.for('foederal.error')]]).toEqual(['unavailable', 3, true, true]);
    expect(CliError.isInstance(new Error('x'))).toBe(false);
    expect(CliError.isInstance({ code: 'usage' })).toBe(false);
  });
});
