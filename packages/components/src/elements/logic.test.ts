// The pure parts of the elements (what they compute before rendering), tested in Node.
import { describe, expect, it } from 'vitest';
import { adoptingDecision, recommendations, roster } from '../../test/fixtures.js';
import { filterRecommendations, fillHref } from '../shared.js';
import { compositionOf } from './roster.js';
import { countTable } from './vote-result.js';

describe('countTable', () => {
  it('arranges the counts of @foederal/membership by level and option, with its totals', () => {
    const table = countTable(adoptingDecision().result.counts);
    expect(table.options.slice(0, 3)).toEqual(['yes', 'no', 'abstain']);
    const row = (group: string) => table.rows.find((r) => r.group === group)?.values.slice(0, 3);
    expect(table.rows.map((r) => r.group)).toEqual(['federal', 'state', 'municipality']);
    expect(row('federal')).toEqual([1, 0, 0]);
    expect(row('state')).toEqual([2, 0, 1]);
    expect(row('municipality')).toEqual([1, 1, 0]);
    expect(table.total.slice(0, 3)).toEqual([4, 1, 1]);
  });
  it('sums the groups when no totals are given, and keeps unknown options and groups', () => {
    expect(
      countTable([
        { option: 'no', value: 1, group: 'state' },
        { option: 'yes', value: 2, group: 'state' },
        { option: 'yes', value: 3, group: 'guild' },
        { option: 'maybe', value: 1, group: 'guild' },
      ]),
    ).toEqual({
      options: ['yes', 'no', 'maybe'],
      rows: [
        { group: 'state', values: [2, 1, 0] },
        { group: 'guild', values: [3, 0, 1] },
      ],
      total: [5, 1, 1],
    });
  });
  it('handles no counts', () => {
    expect(countTable([])).toEqual({ options: [], rows: [], total: [] });
  });
});

describe('filterRecommendations', () => {
  const all = recommendations();
  it('matches every word, ignoring case and accents, in number, titles and keywords', () => {
    expect(filterRecommendations(all, { q: 'GEBAUDEDATEN' }).map((r) => r.id)).toEqual(['gebaeudedaten-2027']);
    expect(filterRecommendations(all, { q: 'wartung 2018' }).map((r) => r.id)).toEqual(['wartung-2018']);
    expect(filterRecommendations(all, { q: '142' }).map((r) => r.id)).toEqual(['wartung-2026']);
    expect(filterRecommendations(all, { q: 'maintenance operation' }).map((r) => r.id)).toEqual(['wartung-2026']);
    expect(filterRecommendations(all, { q: 'wartung nichtda' })).toEqual([]);
  });
  it('filters by state', () => {
    expect(filterRecommendations(all, { status: 'superseded' }).map((r) => r.id)).toEqual(['wartung-2018']);
    expect(filterRecommendations(all, { q: '  ', status: '' })).toHaveLength(3);
  });
});

describe('fillHref', () => {
  it('encodes the id and needs a template', () => {
    expect(fillHref('/empfehlungen/{id}?x={id}', 'a b/c')).toBe('/empfehlungen/a%20b%2Fc?x=a%20b%2Fc');
    expect(fillHref(undefined, 'x')).toBeUndefined();
  });
});

describe('compositionOf', () => {
  it('counts voting and advisory seats per level with checkComposition', () => {
    const report = compositionOf(roster(), '2026-06-01');
    const seats = Object.fromEntries(report.seats.filter((s) => s.voting + s.advisory > 0).map((s) => [s.level, [s.voting, s.advisory]]));
    expect(seats).toEqual({ federal: [1, 0], state: [3, 0], municipality: [2, 0], science: [0, 1] });
  });
  it('reports members who left before the date as inactive', () => {
    const r = roster();
    const report = compositionOf({ ...r, memberships: r.memberships.map((m) => (m.id === 'm4' ? { ...m, endDate: '2026-02-01' } : m)) }, '2026-06-01');
    expect(report.inactive).toContain('m4');
    expect(report.seats.find((s) => s.level === 'state')?.voting).toBe(2);
  });
});

describe('hostile and fuzzed input', () => {
  it('countTable: rows hold exactly the grouped counts and the totals are their sums', async () => {
    const fc = (await import('fast-check')).default;
    const count = fc.record({
      option: fc.constantFrom('yes', 'no', 'abstain', 'absent', 'not voting', '__proto__', ''),
      value: fc.nat({ max: 1000 }),
      group: fc.constantFrom('federal', 'state', 'municipality', 'science', 'constructor', 'x y'),
    });
    fc.assert(
      fc.property(fc.array(count, { maxLength: 60 }), (counts) => {
        const table = countTable(counts);
        const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(table.rows.flatMap((r) => r.values))).toBe(sum(counts.map((c) => c.value)));
        table.options.forEach((option, i) => {
          expect(table.total[i]).toBe(sum(counts.filter((c) => c.option === option).map((c) => c.value)));
        });
      }),
      { numRuns: 200 },
    );
  });
  it('filterRecommendations never throws and returns a subset, whatever the query', async () => {
    const fc = (await import('fast-check')).default;
    const all = recommendations();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 12 }), (q, status) => {
        const hits = filterRecommendations(all, { q, status });
        expect(hits.every((h) => all.includes(h))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('documentation of CSS parts', () => {
  it('every part an element renders is documented with @csspart, and nothing more', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files).toHaveLength(6);
    const base = readFileSync(new URL('../base.ts', import.meta.url), 'utf8');
    const basePart = (text: string) => [...text.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const rendered = new Set([
        ...basePart(text),
        // heading parts (their names end in "heading") are the third argument of this.heading()
        ...[...text.matchAll(/this\.heading\([^]{0,200}?'([a-z-]*heading)'/g)].map((m) => m[1]!),
        // the base class renders the live region and the error block for every element
        ...basePart(base).filter((p) => p === 'status' || p === 'error' || p === 'button'),
      ]);
      const documented = new Set([...text.matchAll(/@csspart ([a-z-]+) - /g)].map((m) => m[1]!));
      expect([...rendered].sort(), file).toEqual([...documented].sort());
    }
  });
});
