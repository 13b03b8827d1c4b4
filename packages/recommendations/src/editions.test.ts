import { describe, expect, it } from 'vitest';
import { editionChain, editionName, type Catalogue, type Recommendation } from './index.js';
import { exampleCatalogue } from './examples.js';

describe('editions', () => {
  it('names an edition by short title and year', () => {
    const r = exampleCatalogue.recommendations.find((x) => x.id === 'wartung-2026') as Recommendation;
    expect(editionName(r)).toBe('Wartung 2026');
    expect(editionName(r, 'en')).toBe('Maintenance 2026');
  });

  it('follows the chain of editions from either end', () => {
    expect(editionChain(exampleCatalogue, 'wartung-2022').map((r) => r.id)).toEqual(['wartung-2022', 'wartung-2026']);
    expect(editionChain(exampleCatalogue, 'wartung-2026').map((r) => r.id)).toEqual(['wartung-2022', 'wartung-2026']);
    expect(editionChain(exampleCatalogue, 'fernwirken-2025').map((r) => r.id)).toEqual(['fernwirken-2025']);
    expect(editionChain(exampleCatalogue, 'unbekannt')).toEqual([]);
  });

  it('stops at cycles in unvalidated data', () => {
    const [a, b] = exampleCatalogue.recommendations as [Recommendation, Recommendation];
    const cyclic = { ...exampleCatalogue, recommendations: [
      { ...a, id: 'a', supersedes: 'b', supersededBy: 'b' },
      { ...b, id: 'b', supersedes: 'a', supersededBy: 'a' },
    ] } as Catalogue;
    expect(editionChain(cyclic, 'a').map((r) => r.id)).toEqual(['b', 'a']);
  });
});
