import type { IdsDocument, IdsReport } from '@foederal/ids';
import type { IfcModel } from '@foederal/ifc';
import { writeResult, type CommandContext } from '../context.js';
import { CliError, exitCodes } from '../errors.js';
import { readInput } from '../io.js';
import { num } from '../format.js';
import { openModel } from '../open-model.js';
import { countProgress, PROGRESS_MIN_BYTES } from '../progress.js';

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks the specifications one at a time (each with `checkIds` of `@foederal/ids`) and merges the
 * reports, so that a progress bar can count specifications and Ctrl-C is seen between them.
 * Specifications are independent in IDS 1.0, so the merged report equals one call over all.
 */
export async function checkBySpecification(
  ids: IdsDocument,
  model: IfcModel,
  options: { maxFailures?: number },
  signal: AbortSignal,
  onSpecification: (done: number) => void,
): Promise<IdsReport> {
  const { checkIds } = await import('@foederal/ids');
  const opts = options.maxFailures === undefined ? {} : { maxFailures: options.maxFailures };
  if (ids.specifications.length < 2) return checkIds(ids, model, opts);
  const parts: IdsReport[] = [];
  for (const [i, spec] of ids.specifications.entries()) {
    if (signal.aborted) throw new CliError('aborted', 'Abgebrochen / aborted');
    parts.push(checkIds({ ...ids, specifications: [spec] }, model, opts));
    onSpecification(i + 1);
    await nextTick();
  }
  const first = parts[0] as IdsReport;
  const specifications = parts.flatMap((p) => p.specifications);
  const seen = new Set<number>();
  const problems = parts
    .flatMap((p) => p.problems)
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .slice(0, 100);
  const failed = specifications.filter((s) => s.status === 'fail').length;
  return {
    ...first,
    passed: failed === 0,
    summary: {
      specifications: specifications.length,
      passed: specifications.length - failed,
      failed,
      checkedEntities: parts.reduce((n, p) => n + p.summary.checkedEntities, 0),
    },
    specifications,
    problems,
  };
}

/** `foederal ids check <spec> <model>`. */
export async function idsCheck(
  ctx: CommandContext,
  specPath: string,
  modelPath: string,
  opts: { format: 'text' | 'json' | 'html' | 'bcf'; output?: string; maxFailures?: number },
): Promise<number> {
  const { t } = ctx;
  if (specPath === '-' && modelPath === '-') {
    throw new CliError('usage', 'Nur eine Eingabe kann von der Standardeingabe kommen / only one input can come from standard input');
  }
  if (opts.format === 'bcf' && (opts.output === undefined || opts.output === '-') && ctx.io.stdout.isTTY) {
    throw new CliError('usage', 'BCF ist ein ZIP-Archiv: bitte --output <datei.bcf> angeben / BCF is a ZIP archive: please give --output <file.bcf>');
  }
  const { parseIds, toHtmlReport, toBcf } = await import('@foederal/ids');
  const ids = parseIds(await readInput(specPath, ctx.io));
  const model = await openModel(ctx, modelPath);
  const progress = await countProgress(ctx.io, t('Spezifikationen', 'specifications'), ids.specifications.length, model.byteLength >= PROGRESS_MIN_BYTES);
  let report: IdsReport;
  try {
    report = await checkBySpecification(ids, model, opts, ctx.io.signal, (n) => progress.update(n));
  } finally {
    progress.stop();
  }
  const code = report.passed ? exitCodes.ok : exitCodes.failed;
  switch (opts.format) {
    case 'json':
      await writeResult(ctx, `${JSON.stringify(report, null, 2)}\n`, opts.output);
      break;
    case 'html':
      await writeResult(ctx, toHtmlReport(report, { lang: ctx.lang }), opts.output);
      break;
    case 'bcf': {
      const name = modelPath === '-' ? 'model.ifc' : (modelPath.split(/[\\/]/).pop() ?? modelPath);
      await writeResult(ctx, toBcf(report, { modelFileName: name }), opts.output);
      break;
    }
    default:
      await writeResult(ctx, textReport(ctx, report, modelPath), opts.output);
  }
  if (opts.format !== 'text' || opts.output !== undefined) {
    ctx.say(
      report.passed
        ? ctx.paintErr.green(t(`Alle ${report.summary.specifications} Spezifikationen bestanden`, `All ${report.summary.specifications} specifications passed`))
        : ctx.paintErr.red(
            t(
              `${report.summary.failed} von ${report.summary.specifications} Spezifikationen nicht bestanden`,
              `${report.summary.failed} of ${report.summary.specifications} specifications failed`,
            ),
          ),
    );
  }
  return code;
}

function textReport(ctx: CommandContext, report: IdsReport, modelPath: string): string {
  const { t, lang, paint } = ctx;
  const pickText = (x: { de: string; en: string }) => (lang === 'en' ? x.en : x.de);
  const lines: string[] = [];
  lines.push(paint.bold(`IDS: ${report.ids.title}${report.ids.version ? ` (${report.ids.version})` : ''}`));
  lines.push(`${t('Modell', 'Model')}: ${modelPath} (${report.model.schema}, ${num(report.model.entities, lang)} ${t('Entitäten', 'entities')})`);
  for (const spec of report.specifications) {
    const mark = spec.status === 'pass' ? paint.green(t('✓ bestanden', '✓ passed')) : paint.red(t('✗ nicht bestanden', '✗ failed'));
    lines.push('', `${mark}  ${paint.bold(spec.name)}  ${paint.dim(`${t('anwendbar', 'applicable')} ${spec.applicable}`)}`);
    if (spec.message) lines.push(`    ${pickText(spec.message)}`);
    for (const e of spec.prohibitedEntities.slice(0, 5)) lines.push(`      #${e.id} ${e.type}${e.name ? ` „${e.name}“` : ''}${e.globalId ? ` ${e.globalId}` : ''}`);
    for (const r of spec.requirements) {
      if (r.failed === 0) continue;
      lines.push(`    ${pickText(r.description)} (${t('Zeile', 'line')} ${r.line}): ${paint.red(`${r.failed} ${t('nicht erfüllt', 'failed')}`)}, ${r.passed} ${t('erfüllt', 'passed')}`);
      for (const f of r.failures.slice(0, 5)) {
        lines.push(`      #${f.entity.id} ${f.entity.type}${f.entity.name ? ` „${f.entity.name}“` : ''}${f.entity.globalId ? ` ${f.entity.globalId}` : ''}: ${pickText(f.reason)}`);
      }
      if (r.failed > 5) lines.push(`      … +${r.failed - 5}`);
    }
  }
  if (report.problems.length) {
    lines.push('', paint.yellow(t(`Nicht dekodierbare Entitäten übersprungen: ${report.problems.length}`, `Undecodable entities skipped: ${report.problems.length}`)));
  }
  const s = report.summary;
  lines.push(
    '',
    report.passed
      ? paint.green(t(`Ergebnis: alle ${s.specifications} Spezifikationen bestanden`, `Result: all ${s.specifications} specifications passed`))
      : paint.red(t(`Ergebnis: ${s.failed} von ${s.specifications} Spezifikationen nicht bestanden`, `Result: ${s.failed} of ${s.specifications} specifications failed`)),
  );
  return `${lines.join('\n')}\n`;
}
