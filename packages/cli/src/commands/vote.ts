import type { CommandContext } from '../context.js';
import { exitCodes } from '../errors.js';
import { readJson } from '../io.js';

/** `foederal vote <scenario>`: the decision under the rules and why, in German or English. */
export async function vote(ctx: CommandContext, path: string, opts: { json?: boolean }): Promise<number> {
  const { evaluateDecision, labels } = await import('@foederal/membership');
  const scenario = await readJson(path, ctx.io);
  const result = evaluateDecision(scenario);
  if (opts.json) {
    ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    return exitCodes.ok;
  }
  const { lang, paint, t } = ctx;
  const table = labels[lang];
  const name = (scenario as { name?: unknown }).name;
  const outcome = table.decisionOutcome[result.result];
  const color = result.result === 'pass' ? paint.green : result.result === 'fail' ? paint.red : paint.yellow;
  const lines: string[] = [];
  if (typeof name === 'string' && name) lines.push(paint.bold(name));
  lines.push(
    `${t('Ergebnis', 'Result')}: ${color(paint.bold(outcome))} (${result.quorate ? t('beschlussfähig', 'quorate') : t('nicht beschlussfähig', 'not quorate')})`,
  );
  lines.push('', paint.bold(t('Begründung', 'Reasons')));
  for (const r of result.reasons) {
    const mark = r.satisfied === undefined ? '·' : r.satisfied ? paint.green('✓') : paint.red('✗');
    lines.push(`  ${mark} ${lang === 'en' ? r.en : r.de}`);
  }
  ctx.out(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}
