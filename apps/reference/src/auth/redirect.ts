/**
 * Where to send the browser after signing in or switching the language: only a path of this
 * site. Accepted are values that start with one `/` followed by a character that is neither
 * `/`, `\` nor a control character or space (`^/[^/\\\x00-\x20]`), and contain no control
 * character anywhere (a header cannot carry them); everything else becomes `/`. Browsers strip
 * tabs and newlines from URLs, so `/\t/evil.example` would otherwise turn into `//evil.example`.
 *
 * @example
 * safeNext('/empfehlungen?q=x'); // '/empfehlungen?q=x'
 * safeNext('/\t/evil.example'); // '/'
 */
export function safeNext(next: string | undefined): string {
  if (next === undefined || next.length > 2000) return '/';
  if (next === '/') return next;
  // eslint-disable-next-line no-control-regex
  return /^\/[^/\\\x00-\x20]/.test(next) && !/[\x00-\x1f\x7f]/.test(next) ? next : '/';
}
