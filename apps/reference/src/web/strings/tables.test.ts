import { describe, expect, it } from 'vitest';
import { format, t, translate } from '../i18n.js';
import { loadTables, placeholdersOf } from './tables.js';

describe('string tables', () => {
  it('finds the frame table and one table per area', async () => {
    const tables = await loadTables();
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['i18n.ts', 'admin.ts', 'catalogue.ts', 'consultation.ts', 'votes.ts']));
  });

  it('has for every German key a non-empty English text with the same placeholders, and no English key without a German one', async () => {
    const problems: string[] = [];
    for (const { name, de, en } of await loadTables()) {
      for (const [key, german] of Object.entries(de)) {
        const english = en[key];
        if (!german.trim()) problems.push(`${name} ${key}: German text empty`);
        if (english === undefined || !english.trim()) problems.push(`${name} ${key}: English text missing or empty`);
        else if (placeholdersOf(german).join() !== placeholdersOf(english).join()) problems.push(`${name} ${key}: placeholders {${placeholdersOf(german).join(', ')}} in German, {${placeholdersOf(english).join(', ')}} in English`);
      }
      for (const key of Object.keys(en)) if (!(key in de)) problems.push(`${name} ${key}: English only`);
    }
    expect(problems).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(format('{count} von {total}', { count: 3, total: '10' })).toBe('3 von 10');
    expect(format('{a} und {b}', { a: 'x' })).toBe('x und {b}');
    expect(format('kein Platzhalter', {})).toBe('kein Platzhalter');
  });

  it('looks a key up in the asked language, German and English alike', () => {
    const text = translate({ de: { hits: '{count} Treffer', none: 'keine' }, en: { hits: '{count} results', none: 'none' } });
    expect(text('de', 'hits', { count: 2 })).toBe('2 Treffer');
    expect(text('en', 'hits', { count: 2 })).toBe('2 results');
    expect(text('en', 'none')).toBe('none');
    expect(t('de', 'correctInput', { count: 1 })).toBe('Bitte korrigieren Sie die Eingaben (1)');
    expect(t('en', 'signIn')).toBe('Sign in');
  });
});
