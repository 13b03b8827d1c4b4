import type * as z from 'zod/mini';
import type { IssueLocation } from './errors.js';

/**
 * Format a path of keys as a JSON path (`$.items[3].title`).
 *
 * @example
 * formatJsonPath(['items', 3, 'title']); // '$.items[3].title'
 */
export function formatJsonPath(path: readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** zod issues as JSON paths and messages. */
export function issuesOf(error: z.core.$ZodError, root = '$'): IssueLocation[] {
  return error.issues.map((i) => ({ path: formatJsonPath(i.path, root), message: i.message }));
}

/** One-line summary of issues for an error message. */
export function summarizeIssues(issues: readonly IssueLocation[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) shown.push(`… (+${issues.length - max})`);
  return shown.join('; ');
}

/**
 * Index (in UTF-16 code units) of the first JSON syntax error in `text`, found by a small
 * scanner (engines differ in whether their messages carry a position). `undefined` when the
 * text is valid JSON.
 */
export function jsonErrorIndex(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
            i += k;
            fail();
          }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else fail();
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail();
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail();
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const key = (): void => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  // Iterative parser with an explicit stack: deeply nested input must not overflow.
  const stack: ('{' | '[')[] = [];
  try {
    let needValue = true;
    for (;;) {
      ws();
      if (needValue) {
        const c = text[i];
        if (c === '{' || c === '[') {
          i++;
          ws();
          if (text[i] === (c === '{' ? '}' : ']')) {
            i++;
            needValue = false;
          } else {
            stack.push(c);
            if (c === '{') key();
          }
          continue;
        }
        if (c === '"') string();
        else if (c === 't') literal('true');
        else if (c === 'f') literal('false');
        else if (c === 'n') literal('null');
        else if (c === '-' || /[0-9]/.test(c ?? '')) number();
        else fail();
        needValue = false;
        continue;
      }
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      if (text[i] === ',') {
        i++;
        if (top === '{') key();
        needValue = true;
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else fail();
    }
    if (i < n) fail();
    return undefined;
  } catch (index) {
    if (typeof index === 'number') return Math.min(index, n);
    throw index;
  }
}

/** Byte offset (UTF-8) of the first JSON syntax error in `text`, or `undefined` if valid. */
export function jsonErrorOffset(text: string): number | undefined {
  const index = jsonErrorIndex(text);
  return index === undefined ? undefined : new TextEncoder().encode(text.slice(0, index)).length;
}
