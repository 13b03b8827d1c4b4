import { createReadStream } from 'node:fs';
import type { CommandContext } from '../context.js';
import { CliError, exitCodes } from '../errors.js';
import { columns, num } from '../format.js';
import { fileSize, readInput, readJson, stdinChunks } from '../io.js';
import { byteProgress } from '../progress.js';

/**
 * `foederal operation check <ede.csv> <trends.csv>`: the Technisches Monitoring rules of
 * `@foederal/operation` over an EDE list and a trend export; findings as a table, JSON or CSV.
 */
export async function operationCheck(
  ctx: CommandContext,
  edePath: string,
  trendsPath: string,
  opts: { json?: boolean; csv?: boolean; schedule?: string; step?: number },
): Promise<number> {
  if (edePath === '-' && trendsPath === '-') {
    throw new CliError('usage', 'Nur eine Eingabe kann von der Standardeingabe kommen / only one input can come from standard input');
  }
  if (opts.json && opts.csv) throw new CliError('usage', '--json und --csv schließen sich aus / --json and --csv exclude each other');
  const { checkTrends, findingsToCsv } = await import('@foederal/operation');
  const ede = await readInput(edePath, ctx.io);
  const schedule = opts.schedule === undefined ? undefined : await readJson(opts.schedule, ctx.io);
  const size = await fileSize(trendsPath);
  const progress = await byteProgress(ctx.io, ctx.t('Trends lesen', 'reading trends'), size, ctx.lang);
  let result;
  try {
    const trends = trendsPath === '-' ? stdinChunks(ctx.io) : createReadStream(trendsPath, { signal: ctx.io.signal, highWaterMark: 1 << 20 });
    result = await checkTrends({
      ede,
      trends,
      signal: ctx.io.signal,
      onProgress: (p) => progress.update(p.bytes),
      ...(schedule === undefined ? {} : { schedule: schedule as never }),
      ...(opts.step === undefined ? {} : { stepMinutes: opts.step }),
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e?.name === 'AbortError' || ctx.io.signal.aborted) throw new CliError('aborted', 'Abgebrochen / aborted', { cause: error });
    if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
      throw new CliError('io', `Datei nicht lesbar / cannot read file ${trendsPath}: ${e.message}`, { cause: error });
    }
    throw error;
  } finally {
    progress.stop();
  }
  const { findings } = result;
  const code = findings.length === 0 ? exitCodes.ok : exitCodes.failed;
  if (opts.csv) {
    ctx.out(findingsToCsv(findings, ctx.lang));
    return code;
  }
  if (opts.json) {
    const { lines, samples, rejected, issueCount, from, to } = result.report;
    ctx.out(
      `${JSON.stringify(
        {
          findings,
          skipped: result.skipped,
          evaluated: result.evaluated,
          read: { lines, samples, rejected, issues: issueCount, from: from === undefined ? null : new Date(from).toISOString(), to: to === undefined ? null : new Date(to).toISOString() },
          edeRejected: result.edeRejected.length,
          unmatched: result.unmatched,
        },
        null,
        2,
      )}\n`,
    );
    return code;
  }
  const { lang, paint, t } = ctx;
  const pickLabel = (l: { de: string; en?: string | undefined }) => (lang === 'en' && l.en ? l.en : l.de);
  const lines: string[] = [];
  const r = result.report;
  lines.push(
    t(
      `${num(r.samples, lang)} Messwerte aus ${num(r.lines, lang)} Zeilen, ${num(r.rejected.total, lang)} verworfen; ${result.dataPoints.length} Datenpunkte`,
      `${num(r.samples, lang)} samples from ${num(r.lines, lang)} lines, ${num(r.rejected.total, lang)} rejected; ${result.dataPoints.length} data points`,
    ),
  );
  if (findings.length === 0) lines.push('', paint.green(t('Keine Befunde', 'No findings')));
  else {
    lines.push('', paint.bold(t(`Befunde: ${findings.length}`, `Findings: ${findings.length}`)));
    lines.push(
      columns(
        [
          [t('Regel', 'Rule'), t('Schwere', 'Severity'), t('Datenpunkte', 'Points'), t('Intervalle', 'Intervals'), t('Stunden', 'Hours'), 'kWh'],
          ...findings.map((f) => [
            pickLabel(f.title),
            f.severity,
            f.points.join(', '),
            num(f.intervals.length, lang),
            f.wastedHours ?? f.figures?.['hours'] ?? undefined,
            f.wastedKwh,
          ].map((v, i) => (i < 4 ? String(v) : v === undefined ? '–' : num(v as number, lang, 1)))),
        ],
        [3, 4, 5],
        '  ',
      ),
    );
    lines.push('', paint.bold(t('Erläuterungen', 'Explanations')));
    for (const f of findings) lines.push(`  ${pickLabel(f.title)}: ${pickLabel(f.explanation)}`);
  }
  if (result.skipped.length) {
    lines.push('', paint.yellow(t(`Nicht angewandte Regeln: ${result.skipped.length}`, `Rules not applied: ${result.skipped.length}`)));
    for (const s of result.skipped) lines.push(`  ${s.rule}: ${pickLabel(s.reason)}`);
  }
  if (result.unmatched.length) {
    lines.push('', paint.yellow(t(`Trendspalten ohne Datenpunkt: ${result.unmatched.join(', ')}`, `Trend columns without a data point: ${result.unmatched.join(', ')}`)));
  }
  ctx.out(`${lines.join('\n')}\n`);
  return code;
}
