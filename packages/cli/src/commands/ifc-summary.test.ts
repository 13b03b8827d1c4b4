import { describe, expect, it } from 'vitest';
import { din277CodeOf } from './ifc-summary.js';

describe('din277CodeOf', () => {
  it.each([
    ['NUF 5', '5'],
    ['nuf5.2', '5.2'],
    ['5.2', '5.2'],
    ['NUF  7', '7'],
    ['TF', '8'],
    ['TF 8.1', '8.1'],
    ['VF', '9'],
    ['VF 9.2', '9.2'],
    ['9', '9'],
  ])('%s → %s', (text, code) => {
    expect(din277CodeOf(text)).toBe(code);
  });
  it.each(['NUF 8', 'TF 9', 'VF 5', 'BGF', '', '10', 'NUF 5.0', 'Klassenraum'])('%s is no category', (text) => {
    expect(din277CodeOf(text)).toBeUndefined();
  });
});
