import { describe, expect, it } from 'vitest';
import { checkTrends, findingsToCsv } from './check-trends.js';
import type { Finding } from './rules/engine.js';

const ede = [
  'keyname;device obj.-instance;object-name;object-type;object-instance;description;min-present-value;max-present-value;settable;hi-limit;low-limit;unit-code',
  'L01.B1.KG-H1_RLT.RLT01.ERH01.ST;1;ERH;1;1;Erhitzer Ventil;0;100;N;;;98',
  'L01.B1.KG-H1_RLT.RLT01.KUE01.ST;1;KUE;1;2;Kühler Ventil;0;100;N;;;98',
].join('\n');

describe('checkTrends', () => {
  it('runs from EDE text and a long trend export to findings, matching by object name', async () => {
    const rows = ['Zeit;Datenpunkt;Wert'];
    for (let i = 0; i < 8; i++) {
      const t = `2025-06-03T10:${String(i * 5).padStart(2, '0')}:00Z`;
      rows.push(`${t};ERH;${i < 6 ? 50 : 0}`, `${t};KUE;40`, `${t};KUE;40`);
    }
    rows.push('2025-06-03T10:40:00Z;ERH;150');
    const r = await checkTrends({ ede, trends: rows.join('\n'), stepMinutes: 5 });
    expect(r.roles.map((x) => x.role)).toEqual(['heating-valve', 'cooling-valve']);
    expect(r.report.rejected.byReason).toEqual({ 'duplicate-time': 8, 'out-of-range': 1 });
    const shc = r.findings.filter((f) => f.rule === 'simultaneous-heating-cooling');
    expect(shc).toHaveLength(1);
    expect(shc[0]?.intervals).toEqual([{ start: Date.UTC(2025, 5, 3, 10), end: Date.UTC(2025, 5, 3, 10, 30) }]);
  });
  it('refuses an EDE list without data points', async () => {
    await expect(checkTrends({ ede: 'keyname;object-type;object-instance\n', trends: 'Zeit;A\n' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('findingsToCsv', () => {
  const finding: Finding = {
    rule: 'operation-outside-schedule', check: 'schedule', title: { de: 'Betrieb außerhalb der Nutzungszeit', en: 'Operation outside operating times' },
    severity: 'warning', group: 'HK01', points: ['PU01', 'PU02'],
    intervals: [{ start: Date.UTC(2025, 1, 10, 19), end: Date.UTC(2025, 1, 11, 4) }, { start: Date.UTC(2025, 1, 11, 19), end: Date.UTC(2025, 1, 12, 4, 30) }],
    explanation: { de: 'Läuft nachts; "Pumpe"', en: 'Runs at night; "pump"' }, wastedHours: 18.5, wastedKwh: 9.25,
  };
  it('writes German headers, local times, decimal commas and quotes fields with separators', () => {
    expect(findingsToCsv([finding])).toBe(
      'Regel;Titel;Schwere;Gruppe;Datenpunkte;Beginn;Ende;Intervalle;Stunden;kWh;Erläuterung\r\n' +
        'operation-outside-schedule;Betrieb außerhalb der Nutzungszeit;warning;HK01;PU01|PU02;2025-02-10 20:00;2025-02-12 05:30;2;18,5;9,25;"Läuft nachts; ""Pumpe"""\r\n',
    );
    expect(findingsToCsv([finding], 'en').split('\r\n')[1]).toContain(';18.5;9.25;');
  });
});
