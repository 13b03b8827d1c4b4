import * as z from 'zod/mini';
import type { CommandContext } from '../context.js';
import { CliError, exitCodes } from '../errors.js';
import { columns } from '../format.js';
import { jsonPath, readJson } from '../io.js';

/** `foederal costs <project>`: the cost shares of a joint project, each explained. */
export async function costs(ctx: CommandContext, path: string, opts: { json?: boolean; rules?: string }): Promise<number> {
  const [{ jointProjectSchema }, { shareCosts, formatEuro, labels, describeIssue }] = await Promise.all([
    import('@foederal/publication'),
    import('@foederal/membership'),
  ]);
  const raw = await readJson(path, ctx.io);
  const parsed = z.safeParse(jointProjectSchema, raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: describeIssue(i) }));
    const first = issues[0];
    throw Object.assign(
      new CliError('invalid-input', `Ungültiges Vorhaben / invalid joint project: ${path} ${first?.path ?? ''}: ${first?.message ?? ''}`),
      { issues: issues.slice(1) },
    );
  }
  const project = parsed.data;
  const rules = opts.rules === undefined ? project.rules : await readJson(opts.rules, ctx.io);
  const result = shareCosts({
    total: project.total,
    rules: rules as string,
    date: project.date,
    participants: project.participants,
    ...(project.koenigsteinYear === undefined ? {} : { koenigsteinYear: project.koenigsteinYear }),
  });
  if (opts.json) {
    ctx.out(`${JSON.stringify({ project: project.id, ...result }, null, 2)}\n`);
    return exitCodes.ok;
  }
  const { lang, paint, t } = ctx;
  const table = labels[lang];
  const names = new Map(project.participants.map((p) => [p.id, p.name ?? p.id]));
  const lines: string[] = [paint.bold(lang === 'en' ? (project.title.en ?? project.title.de) : project.title.de), ''];
  lines.push(
    columns(
      [
        [t('Beteiligte', 'Participant'), t('Ebene', 'Level'), t('Grundlage', 'Basis'), t('Betrag', 'Amount')],
        ...result.shares.map((s) => [
          names.get(s.id) ?? s.id,
          s.state ?? table.memberLevel[s.level],
          table.costShareBasis[s.basis],
          formatEuro(lang, s.amount),
        ]),
        [t('Summe', 'Total'), '', '', formatEuro(lang, result.total)],
      ],
      [3],
    ),
  );
  lines.push('', paint.bold(t('Erklärung', 'Explanation')));
  for (const line of result.explanation) lines.push(`  ${lang === 'en' ? line.en : line.de}`);
  for (const s of result.shares) lines.push(`  ${lang === 'en' ? s.explanation.en : s.explanation.de}`);
  ctx.out(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}
