import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { requirement } from '@foederal/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built bin, as `npm install -g` would run it. */
export const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');

/** What a run of the bin gave. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
}

/** Options of {@link cli}. */
export interface CliOptions {
  /** Written to stdin, which is then closed (default: stdin closed empty). */
  readonly input?: string | Uint8Array;
  /** Added to a clean environment (German locale, no colour settings). */
  readonly env?: Record<string, string>;
  /** Called with the child right after spawning (e.g. to send a signal). */
  readonly onSpawn?: (child: ChildProcess) => void;
  readonly cwd?: string;
}

/** A clean environment: PATH and HOME only, German locale. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? tmpdir(), LANG: 'de_DE.UTF-8', ...extra };
}

/** Runs `node dist/bin.js …args` as a real child process. */
export function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: baseEnv(options.env), cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.on('error', () => {});
    options.onSpawn?.(child);
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (!options.onSpawn) child.stdin.end();
  });
}

/** `script` of util-linux (Debian: bsdutils, an essential package) makes the pseudo-terminal. */
export const pty = requirement(
  '`script` (util-linux) for pseudo-terminal tests',
  spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0,
  'install util-linux / bsdutils',
);

/**
 * Runs the bin in a pseudo-terminal with `script` from util-linux (stdin, stdout and stderr are
 * the terminal); resolves to everything the terminal showed and the exit code.
 */
export function cliInPty(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env: baseEnv({ TERM: 'xterm-256color', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(out).toString('utf8') }));
    child.stdin.end();
  });
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'foederal-cli-test-'));
}

/** True when the text contains an ANSI escape sequence (colour or cursor movement). */
// eslint-disable-next-line no-control-regex
export const hasAnsi = (s: string): boolean => /\u001b\[/.test(s);
