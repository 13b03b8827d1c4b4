import type { IdsIssue } from '@foederal/ids';
import type { CommandContext } from '../context.js';
import { exitCodes } from '../errors.js';
import { readInput } from '../io.js';

/** `foederal ids audit <spec>`: every finding with line and column; exit 1 when there are errors. */
export async function idsAudit(ctx: CommandContext, path: string, opts: { json?: boolean }): Promise<number> {
  const { auditIds, IdsError } = await import('@foederal/ids');
  const xml = await readInput(path, ctx.io);
  let issues: readonly IdsIssue[];
  let valid: boolean;
  try {
    ({ issues, valid } = auditIds(xml));
  } catch (error) {
    // malformed or hostile XML: the audit's finding, with its place
    if (!IdsError.isInstance(error)) throw error;
    issues = [{ line: error.line, column: error.column, path: '', severity: 'error', rule: error.code, message: error.message }];
    valid = false;
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (opts.json) {
    ctx.out(`${JSON.stringify({ file: path, valid, errors, warnings, issues }, null, 2)}\n`);
  } else {
    const { paint, t } = ctx;
    const lines = issues.map((i) => {
      const sev = i.severity === 'error' ? paint.red(t('Fehler', 'error')) : paint.yellow(t('Warnung', 'warning'));
      return `${path}:${i.line}:${i.column}: ${sev} [${i.rule}] ${i.message}${i.path ? paint.dim(` (${i.path})`) : ''}`;
    });
    lines.push(
      valid
        ? paint.green(t(`gültig, ${warnings} Warnungen`, `valid, ${warnings} warnings`))
        : paint.red(t(`ungültig: ${errors} Fehler, ${warnings} Warnungen`, `invalid: ${errors} errors, ${warnings} warnings`)),
    );
    ctx.out(`${lines.join('\n')}\n`);
  }
  return valid ? exitCodes.ok : exitCodes.failed;
}
