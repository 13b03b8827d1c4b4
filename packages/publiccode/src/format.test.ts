import { describe, expect, it } from 'vitest';
import { baseDocument, yamlWith } from '../test/fixtures.js';
import { formatIssue, formatReport } from './format.js';
import { parsePubliccode } from './parse.js';
import { stringify } from 'yaml';

describe('formatReport', () => {
  it('writes a German report: outcome, one line per issue with file:line:column, skipped checks', async () => {
    const text = yamlWith((d) => {
      delete d['name'];
      d['inputTypes'] = ['text/plain'];
    });
    const result = await parsePubliccode(text);
    const line = (key: string): number => text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;
    expect(formatReport(result, 'de').split('\n')).toEqual([
      'publiccode.yml: ungültig (1 Fehler, 1 Warnung)',
      'publiccode.yml:1:1  Fehler  name: name ist ein Pflichtfeld',
      `publiccode.yml:${line('inputTypes')}:1  Warnung  inputTypes: Dieses Feld ist veraltet und wird künftig entfernt. Es kann gefahrlos entfallen`,
      'Nicht ausgeführte Prüfungen (ohne Netz oder Dateizugriff):',
      '  erreichbar  url: https://gitlab.opencode.de/beispiel/beispiel.git',
      '  Code-Repository  url: https://gitlab.opencode.de/beispiel/beispiel.git',
    ]);
  });

  it('writes the English report with the reference parser wording', async () => {
    const result = await parsePubliccode(yamlWith((d) => (d['developmentStatus'] = 'alpha')), {});
    expect(formatReport(result, 'en', { file: 'a/publiccode.yml', showSkipped: false }).split('\n')).toEqual([
      'a/publiccode.yml: invalid (1 error, 0 warnings)',
      expect.stringMatching(
        /^a\/publiccode\.yml:\d+:1 {2}error {2}developmentStatus: developmentStatus must be one of the following: "concept", "development", "beta", "stable" or "obsolete"$/,
      ),
    ]);
  });

  it('says valid when there is nothing to report', async () => {
    const result = await parsePubliccode(stringify(baseDocument()));
    expect(formatReport(result, 'de', { showSkipped: false })).toBe('publiccode.yml: gültig (0 Fehler, 0 Warnungen)');
    expect(formatReport(result, 'en', { showSkipped: false })).toBe('publiccode.yml: valid (0 errors, 0 warnings)');
  });

  it('formats an issue without position without line and column', () => {
    const issue = { severity: 'error', code: 'required', key: 'legal.license', message: 'license is a required field', line: 0, column: 0, params: { field: 'license' } } as const;
    expect(formatIssue(issue, 'en')).toBe('publiccode.yml  error  legal.license: license is a required field');
    expect(formatIssue(issue, 'de')).toBe('publiccode.yml  Fehler  legal.license: license ist ein Pflichtfeld');
  });
});
