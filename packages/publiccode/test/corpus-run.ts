// Shared by the conformance test and the bench: runs every corpus case as expected.json says.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePubliccode, type PubliccodeResult } from '../src/index.js';
import { readLocalFile } from '../src/node.js';

export interface ExpectedResult {
  readonly severity: 'error' | 'warning';
  readonly key: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}
export interface ExpectedCase {
  readonly outcome: 'valid' | 'valid-with-warnings' | 'invalid' | null;
  readonly network: boolean;
  readonly needsNetwork: boolean;
  readonly results: readonly ExpectedResult[] | null;
  readonly alsoAsserted?: readonly { network: boolean; outcome: ExpectedCase['outcome']; results: readonly ExpectedResult[] }[];
}

export function loadExpected(dir: string): Record<string, ExpectedCase> {
  return (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: Record<string, ExpectedCase> }).cases;
}

// A 1000 x 1000 PNG header (signature and IHDR) for remote logos the stub serves.
const pngHeader = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x03, 0xe8, 0, 0, 0x03, 0xe8, 8, 6, 0, 0, 0,
]);

/**
 * A stub `fetch` that answers as the expected results say: 404 for a URL an expected
 * "HTTP GET failed … not found" names, an oEmbed provider list with one video provider, a PNG
 * for `.png` URLs, 200 otherwise.
 */
export function stubFetch(expected: readonly ExpectedResult[]): typeof fetch {
  const missing = new Set<string>();
  for (const r of expected) {
    const m = /HTTP GET failed for (\S+): not found/.exec(r.message);
    if (m) missing.add(m[1] as string);
  }
  return (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    if (missing.has(url)) return new Response('not found', { status: 404 });
    if (url === 'https://oembed.com/providers.json') {
      return Response.json([{ provider_name: 'YouTube', endpoints: [{ schemes: ['https://*.youtube.com/watch*', 'https://youtu.be/*'] }] }]);
    }
    if (/\.png$/i.test(new URL(url).pathname)) return new Response(pngHeader, { status: 200 });
    return new Response('', { status: 200 });
  }) as typeof fetch;
}

export async function runCase(dir: string, file: string, network: boolean, expected: readonly ExpectedResult[]): Promise<PubliccodeResult> {
  const path = join(dir, file);
  return parsePubliccode(new Uint8Array(readFileSync(path)), {
    baseUrl: pathToFileURL(`${dirname(path)}/`),
    readFile: readLocalFile,
    ...(network ? { fetch: stubFetch(expected) } : {}),
  });
}

export interface Comparison {
  readonly outcome: boolean;
  readonly keys: boolean;
  readonly positions: boolean;
  readonly messages: boolean;
}

export function compare(dir: string, result: PubliccodeResult, outcome: ExpectedCase['outcome'], expected: readonly ExpectedResult[]): Comparison {
  const got = result.issues.map((i) => `${i.severity} ${i.key}`);
  const want = expected.map((r) => `${r.severity} ${r.key}`);
  const gotPos = result.issues.map((i) => `${i.severity} ${i.key} ${i.line}:${i.column}`);
  const wantPos = expected.map((r) => `${r.severity} ${r.key} ${r.line}:${r.column}`);
  const gotMsg = result.issues.map((i) => i.message);
  const wantMsg = expected.map((r) => r.message.replaceAll('{TESTDATA}', dir));
  return {
    outcome: result.outcome === outcome,
    keys: JSON.stringify(got) === JSON.stringify(want),
    positions: JSON.stringify(gotPos) === JSON.stringify(wantPos),
    messages: JSON.stringify(gotMsg) === JSON.stringify(wantMsg),
  };
}
