import type { Language } from '@foederal/core';
import type { Finding } from '../rules/engine.js';
import { formatBerlin } from '../time/berlin.js';
import type { AlignedTrends } from '../trend/series.js';

/**
 * Options of {@link renderFindingChart}.
 *
 * @example
 * ```ts
 * renderFindingChart(finding, aligned, 'de', { width: 800, panelHeight: 100 });
 * ```
 */
export interface ChartOptions {
  /** Width in SVG units; default 720. */
  readonly width?: number;
  /** Height of one panel (one per data point); default 90. */
  readonly panelHeight?: number;
  /** Time shown before the first and after the last interval; default 10 % of the span, at least one hour. */
  readonly marginMs?: number;
  /** `id` prefix of the `<title>`/`<desc>` elements, for several charts on one page; default `chart`. */
  readonly idPrefix?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number, lang: Language): string => {
  const t = (Math.round(v * 10) / 10).toString();
  return lang === 'de' ? t.replace('.', ',') : t;
};

/**
 * Renders a finding as a static SVG chart (no script, readable without JavaScript): one panel per
 * data point of the finding with its values around the finding's intervals, the intervals shaded,
 * and a `<title>` and `<desc>` (text alternative: rule, explanation, points, period, value ranges)
 * referenced by `aria-labelledby`. Values are averaged per pixel column; cells without data leave
 * the line open.
 *
 * @example
 * ```ts
 * const svg = renderFindingChart(result.findings[0]!, result.aligned, 'de');
 * response.type('image/svg+xml').send(svg);
 * ```
 */
export function renderFindingChart(finding: Finding, series: AlignedTrends, lang: Language = 'de', options: ChartOptions = {}): string {
  const width = options.width ?? 720;
  const panelHeight = options.panelHeight ?? 90;
  const id = options.idPrefix ?? 'chart';
  const left = 64;
  const right = 12;
  const top = 28;
  const gapY = 22;
  const plotW = width - left - right;
  const { grid } = series;
  const gridEnd = grid.start + grid.length * grid.step;
  const first = finding.intervals[0];
  const last = finding.intervals[finding.intervals.length - 1];
  const span = first && last ? last.end - first.start : grid.length * grid.step;
  const margin = options.marginMs ?? Math.max(3_600_000, span * 0.1);
  const from = Math.max(grid.start, (first?.start ?? grid.start) - margin);
  const to = Math.min(gridEnd, (last?.end ?? gridEnd) + margin);
  const points = finding.points.filter((p) => series.index.has(p));
  const height = top + points.length * (panelHeight + gapY) + 24;
  const x = (t: number): number => left + ((t - from) / Math.max(1, to - from)) * plotW;
  const de = lang === 'de';
  const descParts: string[] = [
    finding.explanation[lang],
    `${de ? 'Zeitraum' : 'Period'}: ${formatBerlin(from)} – ${formatBerlin(to)} (${de ? 'Ortszeit Berlin' : 'Berlin local time'}).`,
  ];
  const body: string[] = [];
  for (const iv of finding.intervals) {
    if (iv.end <= from || iv.start >= to) continue;
    const a = x(Math.max(from, iv.start));
    const b = x(Math.min(to, iv.end));
    body.push(`<rect class="finding-interval" x="${a.toFixed(1)}" y="${top}" width="${Math.max(1, b - a).toFixed(1)}" height="${points.length * (panelHeight + gapY) - gapY}" fill="#d4351c" fill-opacity="0.15"/>`);
  }
  points.forEach((name, k) => {
    const i = series.index.get(name) as number;
    const values = series.values[i] as Float32Array;
    const quality = series.quality[i] as Uint8Array;
    const unit = series.points[i]?.unit ?? '';
    const a = Math.max(0, Math.floor((from - grid.start) / grid.step));
    const b = Math.min(grid.length, Math.ceil((to - grid.start) / grid.step));
    const columns = Math.max(1, Math.min(plotW, b - a));
    const sum = new Float64Array(columns);
    const count = new Uint32Array(columns);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = a; c < b; c++) {
      if (quality[c] === 0) continue;
      const v = values[c] as number;
      const col = Math.min(columns - 1, Math.floor(((c - a) / Math.max(1, b - a)) * columns));
      sum[col] = (sum[col] as number) + v;
      count[col] = (count[col] as number) + 1;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const y0 = top + k * (panelHeight + gapY);
    body.push(`<text x="${left}" y="${y0 - 6}" font-size="11" fill="#1b1b1b">${esc(name)}${unit ? ` [${esc(unit)}]` : ''}</text>`);
    body.push(`<rect x="${left}" y="${y0}" width="${plotW}" height="${panelHeight}" fill="none" stroke="#b1b4b6"/>`);
    if (min > max) {
      descParts.push(`${name}: ${de ? 'keine Daten im Zeitraum' : 'no data in the period'}.`);
      return;
    }
    const lo = min === max ? min - 1 : min;
    const hi = min === max ? max + 1 : max;
    const y = (v: number): number => y0 + panelHeight - ((v - lo) / (hi - lo)) * (panelHeight - 8) - 4;
    let d = '';
    let open = false;
    for (let col = 0; col < columns; col++) {
      if (count[col] === 0) {
        open = false;
        continue;
      }
      const px = left + ((col + 0.5) / columns) * plotW;
      d += `${open ? 'L' : 'M'}${px.toFixed(1)} ${y((sum[col] as number) / (count[col] as number)).toFixed(1)}`;
      open = true;
    }
    body.push(`<path class="series" d="${d}" fill="none" stroke="#005ea5" stroke-width="1.2"/>`);
    body.push(`<text x="${left - 4}" y="${y0 + 10}" font-size="10" text-anchor="end">${esc(fmt(max, lang))}</text>`);
    body.push(`<text x="${left - 4}" y="${y0 + panelHeight}" font-size="10" text-anchor="end">${esc(fmt(min, lang))}</text>`);
    descParts.push(`${name}: ${de ? 'Werte von' : 'values from'} ${fmt(min, lang)} ${de ? 'bis' : 'to'} ${fmt(max, lang)}${unit ? ` ${unit}` : ''}.`);
  });
  const axisY = height - 8;
  body.push(`<text x="${left}" y="${axisY}" font-size="10">${esc(formatBerlin(from))}</text>`);
  body.push(`<text x="${width - right}" y="${axisY}" font-size="10" text-anchor="end">${esc(formatBerlin(to))}</text>`);
  const title = `${finding.title[lang]} – ${finding.group || finding.points.join(', ')}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc">` +
    `<title id="${esc(id)}-title">${esc(title)}</title>` +
    `<desc id="${esc(id)}-desc">${esc(descParts.join(' '))}</desc>` +
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${esc(title)}</text>` +
    body.join('') +
    '</svg>'
  );
}
