import { describe, expect, it } from 'vitest';
import { de, en, languageOf, translate } from './index.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!).sort();

describe('locale tables', () => {
  it('English has exactly the keys of German', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });
  it.each(Object.keys(de))('%s: same placeholders in both languages, no empty text', (key) => {
    const k = key as keyof typeof de;
    expect(placeholders(en[k])).toEqual(placeholders(de[k]));
    expect(de[k].trim()).not.toBe('');
    expect(en[k].trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'list.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate('de', 'list.page', { page: 2, pages: 5 })).toBe('Seite 2 von 5');
  });
  it('leaves an unfilled placeholder visible', () => {
    expect(translate('de', 'list.page', { page: 1 })).toBe('Seite 1 von {pages}');
  });
  it('does not read placeholders from the prototype', () => {
    expect(translate('en', 'list.number', {})).toBe('No. {number}');
    expect(translate('en', 'common.errorDetail', JSON.parse('{"__proto__": {"message": "x"}}') as Record<string, string>)).toBe(
      'Error: {message}',
    );
  });
});

describe('languageOf', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['fr', 'de'],
    ['', 'de'],
    [null, 'de'],
    ['english', 'de'],
  ])('%s → %s', (tag, language) => {
    expect(languageOf(tag)).toBe(language);
  });
});
