import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandContext } from '../context.js';
import { CliError, exitCodes } from '../errors.js';
import { readInput } from '../io.js';

/** Largest publiccode.yml read (the parser refuses more than 1 MiB itself). */
const MAX_BYTES = 4 * 1024 * 1024;

async function download(ctx: CommandContext, url: string, timeoutMs: number): Promise<Uint8Array> {
  const signal = AbortSignal.any([ctx.io.signal, AbortSignal.timeout(timeoutMs)]);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    if (ctx.io.signal.aborted) throw new CliError('aborted', 'Abgebrochen / aborted', { cause: error });
    throw new CliError('unavailable', `Nicht erreichbar / unreachable: ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (response.status === 404 || response.status === 410) throw new CliError('not-found', `Nicht gefunden / not found (${response.status}): ${url}`);
  if (!response.ok) throw new CliError('unavailable', `HTTP ${response.status}: ${url}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new CliError('invalid-input', `Größer als ${MAX_BYTES} Bytes / larger than ${MAX_BYTES} bytes: ${url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new CliError('invalid-input', `Größer als ${MAX_BYTES} Bytes / larger than ${MAX_BYTES} bytes: ${url}`);
  return bytes;
}

/**
 * `foederal publiccode validate <file|url>`: parses and validates a publiccode.yml with
 * `@foederal/publiccode`. The network is used only with `--network` (a URL argument, and the
 * reachability checks of the parser); without it those checks are listed as skipped.
 */
export async function publiccodeValidate(
  ctx: CommandContext,
  target: string,
  opts: { network?: boolean; json?: boolean; timeout?: number },
): Promise<number> {
  const [{ parsePubliccode, formatReport, issueText }, { readLocalFile }] = await Promise.all([
    import('@foederal/publiccode'),
    import('@foederal/publiccode/node'),
  ]);
  const isUrl = /^https?:\/\//i.test(target);
  if (isUrl && !opts.network) {
    throw new CliError('usage', `Eine Adresse wird nur mit --network geladen / a URL is only fetched with --network: ${target}`);
  }
  const timeoutMs = opts.timeout ?? 10_000;
  const bytes = isUrl ? await download(ctx, target, timeoutMs) : await readInput(target, ctx.io, MAX_BYTES);
  const baseUrl = isUrl ? new URL('./', target) : pathToFileURL(`${target === '-' ? resolve('.') : dirname(resolve(target))}/`);
  const fetchWithSignal: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.any([ctx.io.signal, ...(init?.signal ? [init.signal] : [])]) });
  const result = await parsePubliccode(bytes, {
    baseUrl,
    readFile: readLocalFile,
    timeoutMs,
    ...(opts.network ? { fetch: fetchWithSignal } : {}),
  });
  if (ctx.io.signal.aborted) throw new CliError('aborted', 'Abgebrochen / aborted');
  const file = target === '-' ? 'publiccode.yml' : target;
  if (opts.json) {
    const issues = result.issues.map((i) => ({ ...i, text: { de: issueText(i, 'de'), en: issueText(i, 'en') } }));
    ctx.out(`${JSON.stringify({ file, outcome: result.outcome, valid: result.valid, version: result.version ?? null, issues, skippedChecks: result.skippedChecks }, null, 2)}\n`);
  } else {
    const text = formatReport(result, ctx.lang, { file });
    const [head, ...rest] = text.split('\n');
    const color = result.outcome === 'valid' ? ctx.paint.green : result.outcome === 'invalid' ? ctx.paint.red : ctx.paint.yellow;
    ctx.out(`${[color(head ?? ''), ...rest].join('\n')}\n`);
  }
  return result.valid ? exitCodes.ok : exitCodes.failed;
}
