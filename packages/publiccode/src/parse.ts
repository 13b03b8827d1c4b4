import { CST, isMap, isScalar, Lexer, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { runChecks, type SkippedCheck } from './checks.js';
import { currentVersion, supportedVersions } from './data/vocabularies.js';
import { decodeDocument } from './decode.js';
import { PubliccodeError } from './errors.js';
import { isItalianIpaCode } from './formats.js';
import { makeIssue, type IssueCode, type IssueParams, type PubliccodeIssue } from './issues.js';
import { PositionFinder } from './positions.js';
import type { Publiccode } from './schema.js';
import { documentShape } from './shape.js';
import { validateRules, type PendingIssue } from './validate.js';

/**
 * Options of {@link parsePubliccode}. Without `fetch` nothing goes to the network; without
 * `baseUrl` and `readFile` no referenced file is read; the checks left out are listed in
 * {@link PubliccodeResult.skippedChecks}.
 *
 * @example
 * ```ts
 * const options: ParsePubliccodeOptions = { fetch, baseUrl: 'https://gitlab.opencode.de/foederal/foederal/-/raw/main/' };
 * ```
 */
export interface ParsePubliccodeOptions {
  /** Enables the network checks (reachability, code repository, remote files, oEmbed videos). */
  readonly fetch?: typeof globalThis.fetch;
  /** Where relative paths (`logo`, `screenshots`, `legal.authorsFile`) resolve: `file:` or `https:`. */
  readonly baseUrl?: string | URL;
  /** Reads a `file:` URL; `undefined` when the file does not exist. */
  readonly readFile?: (url: URL) => Promise<Uint8Array | undefined>;
  /** Time limit of each HTTP request in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Largest accepted input in bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Deepest accepted nesting (default 64). */
  readonly maxDepth?: number;
  /** Most YAML nodes visited, aliases expanded (default 100 000). */
  readonly maxNodes?: number;
  /** Longest accepted single value in characters (default 262 144). */
  readonly maxScalarLength?: number;
  /**
   * An oEmbed provider list to fetch (with `fetch`) for the `videos` check instead of the bundled one
   * (package `oembed-providers`), e.g. https://oembed.com/providers.json for the newest list.
   */
  readonly oembedProvidersUrl?: string;
  /** Decides whether a code is in the Italian IndicePA; default: syntax check only. */
  readonly isItalianIpaCode?: (code: string) => boolean;
}

/**
 * The outcome of parsing and validating one publiccode.yml.
 *
 * @example
 * ```ts
 * const result = await parsePubliccode(text);
 * console.log(result.outcome, result.errors.length, result.warnings.length);
 * ```
 */
export interface PubliccodeResult {
  /** `valid` (no error, no warning), `valid-with-warnings`, or `invalid` (at least one error). */
  readonly outcome: 'valid' | 'valid-with-warnings' | 'invalid';
  /** True when there is no error (warnings allowed). */
  readonly valid: boolean;
  /** `publiccodeYmlVersion` as written, when it is a string. */
  readonly version: string | undefined;
  /** The document, present when there is no error. */
  readonly data: Publiccode | undefined;
  /** The decoded values also when there are errors (keys that failed to decode are left out). */
  readonly value: Readonly<Record<string, unknown>> | undefined;
  /** Errors and warnings in the order the reference parser reports them. */
  readonly issues: readonly PubliccodeIssue[];
  readonly errors: readonly PubliccodeIssue[];
  readonly warnings: readonly PubliccodeIssue[];
  /** Checks that need files or the network and did not run. */
  readonly skippedChecks: readonly SkippedCheck[];
}

const defaults = { timeoutMs: 10_000, maxBytes: 1024 * 1024, maxDepth: 64, maxNodes: 100_000, maxScalarLength: 262_144 };

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new PubliccodeError('invalid-options', `Option ${name} muss eine positive ganze Zahl sein / option ${name} must be a positive integer`);
  }
  return value;
}

/** Turns the input into text, refusing what is not UTF-8 text of bounded size. */
function toText(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    if (input.length > maxBytes) tooLarge(input.length, maxBytes);
    if (input.includes('\0')) throw new PubliccodeError('binary', 'Binärdaten statt Text (NUL-Zeichen) / binary data instead of text (NUL character)');
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(input)) throw new PubliccodeError('encoding', 'Text mit ungepaarten Surrogaten / text with lone surrogates');
    return input.startsWith('\uFEFF') ? input.slice(1) : input;
  }
  if (!(input instanceof Uint8Array)) {
    throw new PubliccodeError('invalid-input', 'Eingabe muss Text oder Uint8Array sein / input must be a string or a Uint8Array');
  }
  if (input.byteLength > maxBytes) tooLarge(input.byteLength, maxBytes);
  const [a, b, c, d] = [input[0], input[1], input[2], input[3]];
  if ((a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new PubliccodeError('encoding', 'UTF-16/UTF-32 wird nicht unterstützt, nur UTF-8 / UTF-16 and UTF-32 are not supported, only UTF-8');
  }
  if (input.includes(0)) throw new PubliccodeError('binary', 'Binärdaten statt Text (NUL-Byte) / binary data instead of text (NUL byte)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch (cause) {
    throw new PubliccodeError('encoding', 'Kein gültiges UTF-8 / not valid UTF-8', { cause });
  }
}

function tooLarge(size: number, maxBytes: number): never {
  throw new PubliccodeError('too-large', `Eingabe zu groß: ${size} > ${maxBytes} Bytes / input too large: ${size} > ${maxBytes} bytes`);
}

function assemble(
  issues: PubliccodeIssue[],
  skippedChecks: SkippedCheck[],
  version: string | undefined,
  value: Record<string, unknown> | undefined,
): PubliccodeResult {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const valid = errors.length === 0;
  return {
    outcome: !valid ? 'invalid' : warnings.length > 0 ? 'valid-with-warnings' : 'valid',
    valid,
    version,
    data: valid && value ? (value as Publiccode) : undefined,
    value,
    issues,
    errors,
    warnings,
    skippedChecks,
  };
}

/**
 * Parses and validates a publiccode.yml (standard versions 0.2 to 0.7) and reports errors and
 * warnings with key path, line and column as publiccode-parser-go does. Network and file checks
 * run only with `fetch` and `baseUrl`/`readFile`; otherwise they are listed as skipped.
 *
 * @param input - the file's text, or its bytes (UTF-8)
 * @throws {@link PubliccodeError} for input that is refused outright: too large, not UTF-8
 *   (UTF-16/32, invalid bytes), binary, alias bombs or nesting too deep
 * @example
 * ```ts
 * import { parsePubliccode, formatReport } from '@foederal/publiccode';
 *
 * const result = await parsePubliccode(await readFile('publiccode.yml'));
 * if (!result.valid) console.error(formatReport(result, 'de'));
 * else console.log(result.data?.name, result.data?.legal.license);
 * ```
 */
export async function parsePubliccode(input: string | Uint8Array, options: ParsePubliccodeOptions = {}): Promise<PubliccodeResult> {
  const maxBytes = positiveInteger('maxBytes', options.maxBytes, defaults.maxBytes);
  const maxDepth = positiveInteger('maxDepth', options.maxDepth, defaults.maxDepth);
  const maxNodes = positiveInteger('maxNodes', options.maxNodes, defaults.maxNodes);
  const maxScalarLength = positiveInteger('maxScalarLength', options.maxScalarLength, defaults.maxScalarLength);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs, defaults.timeoutMs);
  let baseUrl: URL | undefined;
  if (options.baseUrl !== undefined) {
    if (!URL.canParse(String(options.baseUrl))) {
      throw new PubliccodeError('invalid-options', 'baseUrl ist keine URL / baseUrl is not a URL');
    }
    baseUrl = new URL(String(options.baseUrl));
  }
  const text = toText(input, maxBytes);

  if (mightNestDeeply(text, maxDepth)) prescan(text, maxDepth);
  const lines = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', strict: true }) as Document[];
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new PubliccodeError('too-deep', 'Verschachtelung zu tief / nesting too deep', { cause });
    }
    throw cause;
  }
  const issue = (severity: PubliccodeIssue['severity'], code: IssueCode, key: string, params: IssueParams, position?: { line: number; column: number }): PubliccodeIssue =>
    makeIssue(severity, code, key, params, position);

  if (docs.length > 1) return assemble([issue('error', 'multiple-documents', '', {})], [], undefined, undefined);
  const doc = docs[0];
  const syntax = doc?.errors[0];
  if (syntax) {
    // The line of the offending token: the first one at or after the error, past blank lines and comments.
    const rest = text.slice(syntax.pos[0]);
    const skip = /^(?:\s|#[^\n]*)*/.exec(rest)?.[0].length ?? 0;
    const line = lines.linePos(Math.min(syntax.pos[0] + skip, text.length)).line;
    const detail = syntax.message.replace(/ at line \d+, column \d+.*$/s, '');
    return assemble([issue('error', 'yaml-syntax', '', { detail, yamlCode: syntax.code }, { line, column: 1 })], [], undefined, undefined);
  }
  const root = doc?.contents;
  if (!doc || root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return assemble([issue('error', 'required', 'publiccodeYmlVersion', { field: 'publiccodeYmlVersion' })], [], undefined, undefined);
  }
  if (text.length > maxScalarLength) checkScalars(doc, maxScalarLength, lines);

  const positions = new PositionFinder(doc, lines);
  const versionPair = isMap(root) ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'publiccodeYmlVersion') : undefined;
  if (!versionPair || versionPair.value === null || (isScalar(versionPair.value) && versionPair.value.value === null)) {
    return assemble([issue('error', 'required', 'publiccodeYmlVersion', { field: 'publiccodeYmlVersion' })], [], undefined, undefined);
  }
  const versionNode = versionPair.value;
  if (!isScalar(versionNode) || typeof versionNode.value !== 'string') {
    return assemble([issue('error', 'wrong-type', 'publiccodeYmlVersion', {}, positions.positionOf('publiccodeYmlVersion'))], [], undefined, undefined);
  }
  const version = versionNode.value;
  if (!(supportedVersions as readonly string[]).includes(version)) {
    return assemble(
      [issue('error', 'unsupported-version', 'publiccodeYmlVersion', { value: version, supported: supportedVersions.join(', ') })],
      [],
      version,
      undefined,
    );
  }
  const issues: PubliccodeIssue[] = [];
  if (version !== '0' && !version.startsWith(currentVersion)) {
    issues.push(issue('warning', 'old-version', 'publiccodeYmlVersion', { value: version, current: currentVersion }, positions.positionOf('publiccodeYmlVersion')));
  }

  const decoded = decodeDocument(doc, lines, documentShape, { maxDepth, maxNodes });
  if (decoded.problem) {
    const { kind, line, message } = decoded.problem;
    const key = positions.keyAtLine(line);
    issues.push(
      kind === 'unknown'
        ? issue('error', 'unknown-field', key, { name: /^unknown field "(.*)"$/.exec(message)?.[1] ?? '' }, { line, column: 1 })
        : issue('error', 'wrong-type', key, {}, { line, column: 1 }),
    );
  }
  const ipa = options.isItalianIpaCode ?? isItalianIpaCode;
  const place = (pending: PendingIssue): PubliccodeIssue =>
    issue(pending.severity, pending.code, pending.key, pending.params, positions.positionOf(pending.key));
  issues.push(...validateRules(decoded.value, { isItalianIpaCode: ipa }).map(place));
  const checked = await runChecks(decoded.value, {
    fetch: options.fetch,
    baseUrl,
    readFile: options.readFile,
    timeoutMs,
    oembedProvidersUrl: options.oembedProvidersUrl,
    isItalianIpaCode: ipa,
  });
  issues.push(...checked.issues.map(place));
  return assemble(issues, checked.skipped, version, canonical(decoded.value));
}

/**
 * Copies deprecated keys to their successors where the reference parser does, so readers can
 * rely on `IT` (not `it`) and on `organisation.uri` (also when only `IT.riuso.codiceIPA` is given).
 */
function canonical(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  if (out['it'] !== undefined && out['IT'] === undefined) out['IT'] = out['it'];
  const italy = out['IT'] as { riuso?: { codiceIPA?: string } } | undefined;
  const code = italy?.riuso?.codiceIPA;
  if (code && out['organisation'] === undefined) {
    const repoOwner = (out['legal'] as { repoOwner?: string } | undefined)?.repoOwner;
    out['organisation'] = { ...(repoOwner ? { name: repoOwner } : {}), uri: `urn:x-italian-pa:${code}` };
  }
  return out;
}

/** Refuses a document with a single value longer than the limit. */
function checkScalars(doc: Document, limit: number, lines: LineCounter): void {
  const stack: unknown[] = [doc.contents];
  let guard = 0;
  while (stack.length > 0 && guard++ < 1_000_000) {
    const node = stack.pop();
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.length > limit) {
        const offset = node.range?.[0] ?? 0;
        const { line, col: column } = lines.linePos(offset);
        throw new PubliccodeError(
          'scalar-too-large',
          `Wert zu lang (${node.value.length} > ${limit} Zeichen) in Zeile ${line} / value too long (${node.value.length} > ${limit} characters) at line ${line}`,
          { line, column, offset },
        );
      }
    } else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown }).items)) {
      stack.push(...(node as { items: unknown[] }).items);
    }
  }
}

/**
 * Cheap gate before {@link prescan}: flow nesting needs more than `maxDepth` brackets in the whole
 * text, deep block nesting a line with a long run of indentation and `-`/`?` indicators.
 */
function mightNestDeeply(text: string, maxDepth: number): boolean {
  let open = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) {
      if (++open > maxDepth) return true;
    }
  }
  return new RegExp(`^[ \\t?-]{${maxDepth * 2},}`, 'm').test(text);
}

/**
 * Refuses pathological nesting before the YAML is composed (composing recurses): flow
 * collections deeper than `maxDepth`, or block structure whose indentation plus indicators on
 * one line exceeds four times `maxDepth`. Runs on the YAML library's own lexer, in linear time.
 */
function prescan(text: string, maxDepth: number): void {
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let atLineStart = true;
  let scalarContent = false;
  let line = 1;
  const refuse = (): never => {
    throw new PubliccodeError('too-deep', `Verschachtelung zu tief in Zeile ${line} / nesting too deep at line ${line}`, { line });
  };
  for (const token of new Lexer().lex(text)) {
    if (scalarContent) {
      scalarContent = false;
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line += 1;
      atLineStart = false;
      continue;
    }
    switch (CST.tokenType(token)) {
      case 'scalar':
        scalarContent = true;
        break;
      case 'newline':
        line += 1;
        atLineStart = true;
        indent = 0;
        indicators = 0;
        break;
      case 'space':
        if (atLineStart) indent = token.length;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (flow === 0) indicators += 1;
        atLineStart = false;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        flow += 1;
        if (flow > maxDepth) refuse();
        atLineStart = false;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        flow = Math.max(0, flow - 1);
        break;
      default:
        atLineStart = false;
    }
    if (indent + indicators > maxDepth * 4) refuse();
  }
}
