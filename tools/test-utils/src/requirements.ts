import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { corpusDir } from './paths.js';

/** Whether this run is CI (`CI=true`): then every requirement must be met. */
export const isCI: boolean = /^(1|true)$/i.test(process.env['CI'] ?? '');

/** Something a suite needs that a fresh user machine may lack. */
export interface Requirement {
  /** True when the suite can run. */
  readonly available: boolean;
  /** What was looked for (for messages). */
  readonly what: string;
}

const announced = new Set<string>();

/**
 * Decide whether a suite that needs `what` runs. Under `CI=true` a missing requirement throws
 * (the suite fails); elsewhere it prints one line saying what is missing and how to get it, and
 * the caller skips with `describe.skipIf(!req.available)`.
 *
 * @example
 * const pg = requirement('PostgreSQL at 127.0.0.1:5432', await canConnect(), 'start a server');
 * describe.skipIf(!pg.available)('on PostgreSQL', () => { ... });
 */
export function requirement(what: string, available: boolean, howToGet: string): Requirement {
  if (!available) {
    if (isCI) {
      throw new Error(`CI=true, aber ${what} fehlt / is missing: ${howToGet}`);
    }
    if (!announced.has(what)) {
      announced.add(what);
      console.warn(`[skip] ${what} is missing, suite skipped (${howToGet}).`);
    }
  }
  return { available, what };
}

/** A folder under `../shared/corpus/`, with its absolute path. */
export function corpus(name: string): Requirement & { readonly path: string } {
  const path = join(corpusDir, name);
  const req = requirement(
    `corpus ${name} (${path})`,
    existsSync(path),
    'check out the shared corpus beside the repository as ../shared/corpus',
  );
  return { ...req, path };
}

function canConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * A PostgreSQL server for storage tests: `FOEDERAL_PG_URL`, else
 * `postgres://postgres@127.0.0.1:5432/test`.
 */
export async function postgres(): Promise<Requirement & { readonly url: string }> {
  const url = process.env['FOEDERAL_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const parsed = new URL(url);
  const reachable = await canConnect(parsed.hostname, Number(parsed.port || 5432), 1500);
  const req = requirement(
    `PostgreSQL (${parsed.host})`,
    reachable,
    'start a PostgreSQL server or set FOEDERAL_PG_URL',
  );
  return { ...req, url };
}

/** Debian's Chromium for browser tests: `FOEDERAL_CHROMIUM`, else `/usr/bin/chromium`. */
export function chromium(): Requirement & { readonly executablePath: string } {
  const executablePath = process.env['FOEDERAL_CHROMIUM'] ?? '/usr/bin/chromium';
  const req = requirement(
    `Chromium (${executablePath})`,
    existsSync(executablePath),
    'apt-get install -y chromium, or set FOEDERAL_CHROMIUM',
  );
  return { ...req, executablePath };
}
