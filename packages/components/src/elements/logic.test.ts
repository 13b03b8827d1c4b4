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
