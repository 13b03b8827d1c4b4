import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/engine.js';
import type { AlignedTrends } from '../trend/series.js';
import { renderFindingChart } from './finding-chart.js';

const t0 = Date.UTC(2025, 5, 3, 8);
const h = 3_600_000;
const series: AlignedTrends = {
  grid: { start: t0, step: h, length: 6 },
  points: [{ id: 'ERH<1>', unit: '%' }, { id: 'KUE' }],
  index: new Map([['ERH<1>', 0], ['KUE', 1]]),
  values: [Float32Array.from([0, 40, 40, 0, 0, 0]), Float32Array.from([30, 30, 30, 30, 0, 0])],
  quality: [Uint8Array.from([1, 1, 1, 1, 1, 1]), Uint8Array.from([1, 1, 1, 1, 0, 0])],
  aggregation: ['mean', 'mean'],
};
const finding: Finding = {
  rule: 'simultaneous-heating-cooling', check: 'simultaneous', severity: 'critical', group: 'RLT01', points: ['ERH<1>', 'KUE'],
  title: { de: 'Gleichzeitiges Heizen und Kühlen', en: 'Simultaneous heating and cooling' },
  intervals: [{ start: t0 + h, end: t0 + 3 * h }],
  explanation: { de: 'Beide Ventile offen & gleichzeitig.', en: 'Both valves open & at once.' },
};

describe('renderFindingChart', () => {
  const svg = renderFindingChart(finding, series, 'de', { width: 612, marginMs: h, idPrefix: 'f1' });
  it('has a title and a description as text alternative, escaped', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="f1-title f1-desc">/);
    expect(svg).toContain('<title id="f1-title">Gleichzeitiges Heizen und Kühlen – RLT01</title>');
    expect(svg).toContain('<desc id="f1-desc">Beide Ventile offen &amp; gleichzeitig. Zeitraum: 2025-06-03 10:00 – 2025-06-03 14:00 (Ortszeit Berlin). ERH&lt;1&gt;: Werte von 0 bis 40 %. KUE: Werte von 30 bis 30.</desc>');
    expect(svg).not.toContain('<script');
    expect(renderFindingChart(finding, series, 'en')).toContain('Period: 2025-06-03 10:00 – 2025-06-03 14:00 (Berlin local time).');
  });
  it('shades the interval and draws one point per cell, leaving gaps open', () => {
    // window 08:00-12:00 UTC (4 cells of 134 units) over a plot 536 wide from x = 64; panel 28-118
    expect(svg).toContain('<rect class="finding-interval" x="198.0" y="28" width="268.0"');
    const paths = [...svg.matchAll(/<path class="series" d="([^"]*)"/g)].map((p) => p[1]);
    expect(paths[0]).toBe('M131.0 114.0L265.0 32.0L399.0 32.0L533.0 114.0');
    // a constant series is drawn at the middle of its panel (140-230)
    expect(paths[1]).toBe('M131.0 185.0L265.0 185.0L399.0 185.0L533.0 185.0');
    // with the whole grid in view, KUE's last two cells without data leave the line open
    const wide = renderFindingChart(finding, series, 'de', { width: 612, marginMs: 3 * h });
    const kue = [...wide.matchAll(/<path class="series" d="([^"]*)"/g)].map((p) => p[1])[1];
    expect(kue?.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
  });
});
