// Module hook for `root-entry.test.ts`: prints every module URL that is loaded, one per line, so
// the test can tell which files an import of the root entry evaluates.
export async function load(url, context, nextLoad) {
  process.stderr.write(`load ${url}\n`);
  return nextLoad(url, context);
}
