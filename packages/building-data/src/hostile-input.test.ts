import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildingDataError } from './errors.js';
import { rollUpAreas } from './physical/area-rollup.js';
import { buildingSchema } from './physical/spatial.js';
import { parseObis } from './operation/obis.js';
import { loadBwzk } from './vocabularies/bwzk.js';
import { createVocabulary } from './vocabularies/vocabulary.js';
import { createKeyGrammar } from './keys/key-grammar.js';
import { consumptionIndicators } from './operation/consumption.js';

const onlyTyped = (fn: () => unknown): void => {
  try {
    fn();
  } catch (e) {
    expect(BuildingDataError.isInstance(e)).toBe(true);
  }
};

describe('hostile input gets a typed error, never a crash', () => {
  it('createVocabulary, createKeyGrammar and consumptionIndicators on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        onlyTyped(() => createVocabulary(value));
        onlyTyped(() => createKeyGrammar(value));
        onlyTyped(() => consumptionIndicators(value as never));
      }),
      { numRuns: 300 },
    );
  });

  it('parseObis and loadBwzk on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'0123456789;,\t\n"#abc'), maxLength: 80 }), (a, b) => {
        onlyTyped(() => parseObis(a));
        onlyTyped(() => loadBwzk(b, { source: 's', edition: 'e' }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('area roll-up (property-based)', () => {
  const cents = fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100);
  const category = fc.constantFrom('1.1', '2.1', '3.8', '4.1', '5.2', '6.1', '7.1', '8.3', '9.1', '5');
  const storeys = fc.array(fc.array(fc.tuple(category, cents), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });

  it('finds no issue when every declared total is the true sum, and names the storey whose total is off', () => {
    fc.assert(
      fc.property(storeys, cents, fc.nat(), (plan, kgf, pick) => {
        // expected sums computed here independently of the roll-up
        const storeyNrf = plan.map((spaces) => Math.round(spaces.reduce((s, [, a]) => s + a * 100, 0)) / 100);
        const nrf = Math.round(storeyNrf.reduce((s, a) => s + a * 100, 0)) / 100;
        const input = {
          id: 'B',
          name: 'B',
          areas: { bgf: Math.round((kgf + nrf) * 100) / 100, kgf, nrf },
          storeys: plan.map((spaces, i) => ({
            id: `S${i}`,
            name: `S${i}`,
            areas: { nrf: storeyNrf[i] },
            spaces: spaces.map(([usageCategory, a], j) => ({ id: `R${i}.${j}`, name: `R${i}.${j}`, usageCategory, areas: { nrf: a } })),
          })),
        };
        const ok = rollUpAreas(buildingSchema.parse(input));
        expect(ok.issues).toEqual([]);
        expect(ok.rollUp.effective.nrf).toBeCloseTo(nrf, 6);
        const wrong = pick % plan.length;
        input.storeys[wrong]!.areas = { nrf: (storeyNrf[wrong] ?? 0) + 1 + nrf * 0.01 };
        const bad = rollUpAreas(buildingSchema.parse(input));
        const storeyIssues = bad.issues.filter((x) => x.location.kind === 'storey');
        expect(storeyIssues.map((x) => x.location.path)).toEqual([['storeys', wrong]]);
        expect(storeyIssues[0]).toMatchObject({ code: 'children-mismatch', field: 'nrf' });
        // the building's declared NRF is still the sum of the spaces, so it now disagrees with the storeys
        expect(bad.issues.some((x) => x.location.kind === 'building' && x.field === 'nrf')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
