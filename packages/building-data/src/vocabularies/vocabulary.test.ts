import { describe, expect, it } from 'vitest';
import { BuildingDataError } from '../errors.js';
import { checkVocabularyStructure, createVocabulary } from './vocabulary.js';
import { din277UsageCategories } from './din277.js';

const base = { id: 'test', title: { de: 'Test', en: 'Test' }, source: 'unit test', edition: '2026', version: '1.0.0' };
const e = (code: string, parent: string | null) => ({ code, parent, label: { de: code, en: code }, verified: true });

describe('createVocabulary', () => {
  it('looks up codes, labels, children, ancestors and levels', () => {
    const v = createVocabulary({ ...base, entries: [e('1', null), e('11', '1'), e('111', '11'), e('2', null)] });
    expect(v.get('11')?.parent).toBe('1');
    expect(v.has('3')).toBe(false);
    expect(v.children(null).map((x) => x.code)).toEqual(['1', '2']);
    expect(v.ancestors('111').map((x) => x.code)).toEqual(['11', '1']);
    expect(v.level('111')).toBe(3);
    expect(() => v.require('9')).toThrow(BuildingDataError);
  });

  it('rejects duplicate codes, unknown parents and cycles with the entry index', () => {
    expect(checkVocabularyStructure({ entries: [e('1', null), e('1', null)] })).toEqual([{ code: '1', index: 1, problem: 'duplicate-code' }]);
    expect(checkVocabularyStructure({ entries: [e('1', '0')] })).toEqual([{ code: '1', index: 0, problem: 'unknown-parent' }]);
    expect(checkVocabularyStructure({ entries: [e('1', '2'), e('2', '1')] }).map((p) => p.problem)).toEqual(['cycle', 'cycle']);
    try {
      createVocabulary({ ...base, entries: [e('1', null), e('2', '9')] });
      expect.unreachable();
    } catch (error) {
      expect(BuildingDataError.isInstance(error)).toBe(true);
      expect((error as BuildingDataError).code).toBe('invalid-vocabulary');
      expect((error as BuildingDataError).location.path).toBe('$.entries[1].code');
    }
  });

  it('rejects data without source or edition', () => {
    const { source: _s, ...noSource } = base;
    expect(() => createVocabulary({ ...noSource, entries: [] })).toThrow(/source/);
  });
});

describe('DIN 277 usage categories', () => {
  it('states source and edition and has groups 1-9 with their area fields', () => {
    expect(din277UsageCategories.info.edition).toBe('2021-08');
    expect(din277UsageCategories.info.source).toContain('DIN 277');
    expect(din277UsageCategories.children(null).map((c) => [c.code, c.area])).toEqual([
      ['1', 'nuf1'], ['2', 'nuf2'], ['3', 'nuf3'], ['4', 'nuf4'], ['5', 'nuf5'], ['6', 'nuf6'], ['7', 'nuf7'], ['8', 'tf'], ['9', 'vf'],
    ]);
    expect(din277UsageCategories.label('de', '2')).toBe('Büroarbeit');
  });

  it('is structurally sound: unique codes, parents exist, x.y under x with the same area', () => {
    expect(checkVocabularyStructure(din277UsageCategories)).toEqual([]);
    for (const entry of din277UsageCategories.entries) {
      if (entry.parent === null) continue;
      expect(entry.code.startsWith(`${entry.parent}.`)).toBe(true);
      expect(entry.area).toBe(din277UsageCategories.require(entry.parent).area);
      expect(entry.verified).toBe(false);
    }
  });
});
