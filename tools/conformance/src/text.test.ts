// One name and one shape for language and bilingual text across the packages (issue 20, ADR 0122):
// every package speaks of `Language` ('de' | 'en') and `LocalizedText` ({ de, en? }); helpers that
// render one value take the language first; the old names (`Label`, `BilingualText`, `Lang`,
// `ReportLanguage`, `langOf`, `pick`, `labelSchema`) are gone from every public entry.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as buildingData from '@foederal/building-data';
import type * as cli from '@foederal/cli';
import * as components from '@foederal/components';
import { formatDate, formatNumber, isLanguage, languageOf, textOf } from '@foederal/core';
import { localizedTextSchema } from '@foederal/core/text-schema';
import type * as ids from '@foederal/ids';
import * as membership from '@foederal/membership';
import type * as operation from '@foederal/operation';
import type * as publication from '@foederal/publication';
import type * as publiccode from '@foederal/publiccode';
import * as recommendations from '@foederal/recommendations';
import { describe, expect, expectTypeOf, it } from 'vitest';

type Exactly = 'de' | 'en';
interface Text {
  readonly de: string;
  readonly en?: string;
}

describe('one name for language and text', () => {
  it('every package that speaks a language calls it Language, the same two values', () => {
    expectTypeOf<buildingData.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<cli.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<components.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<ids.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<membership.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<operation.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<publication.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<publiccode.Language>().toEqualTypeOf<Exactly>();
    expectTypeOf<recommendations.Language>().toEqualTypeOf<Exactly>();
  });

  it('every package with texts calls them LocalizedText, German required and English optional', () => {
    expectTypeOf<buildingData.LocalizedText>().toEqualTypeOf<Text>();
    expectTypeOf<membership.LocalizedText>().toEqualTypeOf<Text>();
    expectTypeOf<operation.LocalizedText>().toEqualTypeOf<Text>();
    expectTypeOf<recommendations.LocalizedText>().toEqualTypeOf<Text>();
    expectTypeOf<components.LocalizedText>().toEqualTypeOf<Text>();
  });

  it('texts the packages write themselves always carry English', () => {
    expectTypeOf<membership.CostShareResult['explanation'][number]>().toEqualTypeOf<Required<Text>>();
    expectTypeOf<buildingData.KeyProblem['message']>().toEqualTypeOf<Required<Text>>();
    expectTypeOf<operation.Finding['explanation']>().toEqualTypeOf<Required<Text>>();
  });

  const here = dirname(fileURLToPath(import.meta.url));
  const entry = (pkg: string): string => readFileSync(join(here, '../../../packages', pkg, 'src/index.ts'), 'utf8');
  const packages = ['building-data', 'cli', 'components', 'ids', 'ifc', 'membership', 'operation', 'publication', 'publiccode', 'recommendations'];

  it.each(packages)('@foederal/%s exports none of the old names', (pkg) => {
    const source = entry(pkg);
    for (const old of ['Label', 'labelSchema', 'BilingualText', 'bilingualTextSchema', 'Bi', 'Lang', 'ReportLanguage', 'langOf', 'pick']) {
      expect(source, `${pkg} exports ${old}`).not.toMatch(new RegExp(`export[^;]*[{,]\\s*(?:type\\s+)?${old}\\s*[,}]`));
    }
  });

  it('the shared helpers behave the same through every package that re-exports them', () => {
    const draft = { de: 'Entwurf' };
    for (const pick of [textOf, buildingData.textOf, membership.textOf, recommendations.textOf]) {
      expect(pick('en', draft)).toBe('Entwurf');
      expect(pick('en', { de: 'Entwurf', en: 'Draft' })).toBe('Draft');
      expect(pick('de', { de: 'Entwurf', en: 'Draft' })).toBe('Entwurf');
    }
    expect(recommendations.formatDate).toBe(formatDate);
    expect(recommendations.formatEuro).toBe(membership.formatEuro);
    expect(components.languageOf).toBe(languageOf);
  });

  it('label functions take the language first and return one string', () => {
    expect(membership.label('de', 'ballotOption', 'abstain')).toBe('Enthaltung');
    expect(membership.label('en', 'ballotOption', 'abstain')).toBe('abstain');
    expect(recommendations.label('en', 'state.superseded')).toBe('Superseded');
    expect(buildingData.din276CostGroups.label('de', '400')).toBe('Bauwerk – Technische Anlagen');
    expect(recommendations.formatEuro('de', 320_000)).toBe('3.200,00 €');
    expect(components.formatNumber('de-DE', 12_345)).toBe('12.345');
  });
});

describe('@foederal/core text helpers', () => {
  it('knows exactly two languages', () => {
    expect(['de', 'en', 'fr', 'DE', '', undefined, null, 1].map(isLanguage)).toEqual([true, true, false, false, false, false, false, false]);
  });

  it('reads the language of a BCP 47 tag, German unless English', () => {
    expect(['en', 'en-GB', 'EN-us', ' en ', 'de-AT', 'fr', 'eng', 'english', '', undefined, null].map(languageOf)).toEqual([
      'en', 'en', 'en', 'en', 'de', 'de', 'de', 'de', 'de', 'de', 'de',
    ]);
  });

  it('formats calendar days as written, offsets as written, UTC in Europe/Berlin', () => {
    expect(formatDate('de', '2026-05-04')).toBe('4. Mai 2026');
    expect(formatDate('en', '2026-05-04')).toBe('4 May 2026');
    // The writer's own day, even where UTC is another day.
    expect(formatDate('de', '2026-12-31T23:59:59-10:00')).toBe('31. Dezember 2026');
    expect(formatDate('en', '2026-01-01T00:30:00+14:00')).toBe('1 January 2026');
    expect(formatDate('de', '2026-05-04T10:00')).toBe('4. Mai 2026');
    // A server timestamp in UTC is a day in Berlin: 23:30 UTC in summer is 01:30 the next day.
    expect(formatDate('en', '2026-05-03T23:30:00Z')).toBe('4 May 2026');
    expect(formatDate('de', '2026-01-03T22:59:59.999Z')).toBe('3. Januar 2026');
    expect(formatDate('de', '2026-01-03T23:00:00Z')).toBe('4. Januar 2026');
  });

  it('returns anything that is not a date unchanged', () => {
    for (const value of ['', 'kein Datum', '2026-02-30', '2026-13-01', '2026-5-4', '04.05.2026', '2026-05-04 10:00', '2026-05-04T25:00:00Z']) {
      expect(formatDate('de', value)).toBe(value);
    }
  });

  it('formats numbers with fixed decimals per language', () => {
    expect(formatNumber('de', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 2)).toBe('1,234.50');
    expect(formatNumber('de', 0.4)).toBe('0');
  });

  it('validates a text: German required, English optional, trimmed, no other keys', () => {
    expect(localizedTextSchema.parse({ de: ' Wartung ', en: 'Maintenance' })).toEqual({ de: 'Wartung', en: 'Maintenance' });
    expect(localizedTextSchema.parse({ de: 'Wartung' })).toEqual({ de: 'Wartung' });
    for (const bad of [{}, { en: 'x' }, { de: '' }, { de: '   ' }, { de: 'x', en: '' }, { de: 'x', en: undefined }, { de: 'x', fr: 'y' }, { de: 'x'.repeat(20_001) }, 'x', null]) {
      expect(localizedTextSchema.safeParse(bad).success, JSON.stringify(bad)?.slice(0, 40)).toBe(false);
    }
  });
});
