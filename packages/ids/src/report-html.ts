import type { Language } from '@foederal/core';
import { labels } from './labels.js';
import type { IdsReport, SpecificationResult } from './result.js';

/**
 * Options of {@link toHtmlReport}.
 *
 * @example
 * toHtmlReport(report, { lang: 'en', maxRows: 50 });
 */
export interface HtmlReportOptions {
  /** Language of the page; default German. */
  readonly lang?: Language;
  /** Failing entities listed per requirement (the rest are counted). Default 200. */
  readonly maxRows?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>&</b>'); // '&lt;b&gt;&amp;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const CSS = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0;width:100%}
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
.pass{color:#0b6b2b;font-weight:bold}.fail{color:#a30000;font-weight:bold}code{font-size:.9em}
section{border-top:2px solid #ccc;margin-top:1.5rem}`;

/**
 * A self-contained, readable HTML page of a check report in German (default) or English. Every
 * text from the IDS or the model is escaped.
 *
 * @example
 * writeFileSync('bericht.html', toHtmlReport(checkIds(ids, model)));
 * writeFileSync('report.html', toHtmlReport(report, { lang: 'en' }));
 */
export function toHtmlReport(report: IdsReport, options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'de';
  const t = labels[lang];
  const maxRows = options.maxRows ?? 200;
  const e = escapeHtml;
  const status = (ok: boolean) => `<span class="${ok ? 'pass' : 'fail'}">${e(ok ? t.passed : t.failed)}</span>`;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`);
  out.push(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
  out.push(`<title>${e(t.reportTitle)}: ${e(report.title)}</title><style>${CSS}</style></head><body><main>`);
  out.push(`<h1>${e(t.reportTitle)}: ${e(report.title)}</h1>`);
  out.push(`<table><caption>${e(t.summary)}</caption><tbody>`);
  out.push(`<tr><th scope="row">${e(t.result)}</th><td>${status(report.passed)}</td></tr>`);
  out.push(`<tr><th scope="row">${e(t.ids)}</th><td>${e(report.ids.title)}${report.ids.version ? ` (${e(t.version)} ${e(report.ids.version)})` : ''}</td></tr>`);
  if (report.ids.author) out.push(`<tr><th scope="row">${e(t.author)}</th><td>${e(report.ids.author)}</td></tr>`);
  if (report.ids.date) out.push(`<tr><th scope="row">${e(t.date)}</th><td>${e(report.ids.date)}</td></tr>`);
  out.push(`<tr><th scope="row">${e(t.model)}</th><td>${e(t.schema)} ${e(report.model.schema)}, ${report.model.entities} ${e(t.entities)}</td></tr>`);
  out.push(`<tr><th scope="row">${e(t.specifications)}</th><td>${report.summary.passed} ${e(t.passed)}, ${report.summary.failed} ${e(t.failed)}</td></tr>`);
  out.push(`<tr><th scope="row">${e(t.checkedEntities)}</th><td>${report.summary.checkedEntities}</td></tr>`);
  out.push('</tbody></table>');
  if (report.problems.length > 0) {
    out.push(`<h2>${e(t.problems)}</h2><ul>${report.problems.map((p) => `<li><code>#${p.id}</code>: ${e(p.message)}</li>`).join('')}</ul>`);
  }
  report.specifications.forEach((spec, i) => out.push(specification(spec, i, lang, maxRows)));
  out.push('</main></body></html>');
  return out.join('\n');
}

function specification(spec: SpecificationResult, index: number, lang: Language, maxRows: number): string {
  const t = labels[lang];
  const e = escapeHtml;
  const out: string[] = [];
  out.push(`<section aria-labelledby="spec-${index}"><h2 id="spec-${index}">${index + 1}. ${e(spec.name)}: <span class="${spec.status}">${e(spec.status === 'pass' ? t.passed : t.failed)}</span></h2>`);
  if (spec.description) out.push(`<p>${e(spec.description)}</p>`);
  if (spec.instructions) out.push(`<p><strong>${e(t.instructions)}:</strong> ${e(spec.instructions)}</p>`);
  if (spec.message) out.push(`<p class="fail">${e(spec.message[lang])}</p>`);
  out.push(`<p>${e(t.usage)}: ${e(t[spec.usage])} · IFC ${e(spec.ifcVersion.join(', '))} · ${spec.applicable} ${e(t.applicable)}</p>`);
  const app = spec.applicability.length ? spec.applicability.map((a) => e(a[lang])).join('; ') : e(t.allApply);
  out.push(`<p><strong>${e(t.applicability)}:</strong> ${app}</p>`);
  if (spec.usage === 'prohibited' && spec.prohibitedEntities.length > 0) {
    out.push(`<p>${e(t.prohibitedFound)}: ${spec.prohibitedEntities.map((r) => `<code>#${r.id} ${e(r.type)} ${e(r.globalId ?? '')}</code>`).join(', ')}</p>`);
  }
  if (spec.requirements.length === 0) {
    out.push(`<p>${e(t.noRequirements)}</p>`);
  } else {
    out.push(`<table><caption>${e(t.requirements)}</caption><thead><tr><th scope="col">${e(t.requirement)}</th><th scope="col">${e(t.cardinality)}</th><th scope="col">${e(t.passed)}</th><th scope="col">${e(t.failed)}</th></tr></thead><tbody>`);
    for (const r of spec.requirements) {
      const instr = r.instructions ? `<br><small>${e(t.instructions)}: ${e(r.instructions)}</small>` : '';
      out.push(`<tr><td>${e(r.description[lang])}${instr}</td><td>${e(t[r.cardinality])}</td><td>${r.passed}</td><td>${r.failed}</td></tr>`);
    }
    out.push('</tbody></table>');
    for (const r of spec.requirements) {
      if (r.failures.length === 0) continue;
      out.push(`<table><caption>${e(t.failures)}: ${e(r.description[lang])}</caption><thead><tr><th scope="col">${e(t.entity)}</th><th scope="col">${e(t.globalId)}</th><th scope="col">${e(t.name)}</th><th scope="col">${e(t.reason)}</th></tr></thead><tbody>`);
      for (const f of r.failures.slice(0, maxRows)) {
        out.push(`<tr><td><code>#${f.entity.id}</code> ${e(f.entity.type)}</td><td><code>${e(f.entity.globalId ?? '')}</code></td><td>${e(f.entity.name ?? '')}</td><td>${e(f.reason[lang])}</td></tr>`);
      }
      out.push('</tbody></table>');
      const hidden = r.failed - Math.min(maxRows, r.failures.length);
      if (hidden > 0) out.push(`<p>${hidden} ${e(t.moreFailures)}</p>`);
    }
  }
  out.push('</section>');
  return out.join('\n');
}
