import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPoints, demoSchoolEde, demoSchoolSchedule, generateDemoTrends, trendsToCsv } from '@foederal/operation/examples';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInPty, pty, tempDir } from './helpers.js';

const dir = tempDir();
const ede = join(dir, 'ede.csv');
const trends = join(dir, 'trends.csv');
const schedule = join(dir, 'nutzungszeiten.json');

interface Finding {
  rule: string;
  points: string[];
  intervals: unknown[];
  wastedHours?: number;
}

beforeAll(() => {
  // the demo school of @foederal/operation: January and February, with the pump running on five
  // nights in February (its built-in fault: 45 hours outside the usage times)
  const demo = generateDemoTrends({ seed: 1, days: 59 });
  writeFileSync(ede, demoSchoolEde);
  writeFileSync(trends, [...trendsToCsv(demo.aligned)].join(''));
  writeFileSync(schedule, JSON.stringify(demoSchoolSchedule));
});

describe('operation check on the demo school', () => {
  it('finds the pump running at night: exit code 1, the finding as JSON', async () => {
    const r = await cli(['operation', 'check', ede, trends, '--schedule', schedule, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Finding[]; read: { rejected: { total: number } } };
    expect(out.findings.map((f) => [f.rule, f.points, f.intervals.length, f.wastedHours])).toEqual([
      ['operation-outside-schedule', [demoPoints.pump], 5, 45],
    ]);
    expect(out.read.rejected.total).toBe(0);
  });

  it('as a table in German and English, and as CSV', async () => {
    const de = await cli(['operation', 'check', ede, trends, '--schedule', schedule]);
    expect(de.stdout).toMatch(/Betrieb außerhalb der Nutzungszeit\s+warning\s+L01\S+PU01\.BM\s+5\s+45,0/);
    const en = await cli(['operation', 'check', ede, trends, '--schedule', schedule, '--lang', 'en']);
    expect(en.stdout).toContain('Findings: 1');
    const csv = await cli(['operation', 'check', ede, trends, '--schedule', schedule, '--csv']);
    const rows = csv.stdout.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('Regel;Titel;Schwere;Gruppe;Datenpunkte;Beginn;Ende;Intervalle;Stunden;kWh;Erläuterung');
    expect(rows[1]?.split(';')[0]).toBe('operation-outside-schedule');
  });

  it('without usage times the schedule rule is skipped and nothing is found: exit code 0; trends from stdin', async () => {
    const r = await cli(['operation', 'check', ede, '-', '--json'], { input: readFileSync(trends) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Finding[]; skipped: { rule: string }[] };
    expect(out.findings).toEqual([]);
    expect(out.skipped.map((s) => s.rule)).toContain('operation-outside-schedule');
  });

  it.skipIf(!pty.available)('shows a progress bar with bytes and speed for the 7 MB export in a terminal', async () => {
    const r = await cliInPty(['operation', 'check', ede, trends, '--schedule', schedule]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Trends lesen \[[^\]]*\] \d+% \| [\d,]+ MB \/ [\d,]+ MB \| [\d,]+ MB\/s/);
  });

  it('broken input is exit code 2 with a message, never a crash', async () => {
    const empty = join(dir, 'leer.csv');
    writeFileSync(empty, '');
    const badSchedule = join(dir, 'kaputt.json');
    writeFileSync(badSchedule, JSON.stringify({ weekly: { 9: ['25:00-26:00'] } }));
    for (const args of [
      [empty, trends],
      [ede, join(dir, 'fehlt.csv')],
      [ede, trends, '--schedule', badSchedule],
      [ede, trends, '--json', '--csv'],
      ['-', '-'],
    ]) {
      const r = await cli(['operation', 'check', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toContain('Interner Fehler');
    }
    const garbage = await cli(['operation', 'check', ede, '-'], { input: 'Zeit;Wert\nkein;Datum\n\u0000\u0001' });
    expect([0, 2]).toContain(garbage.code);
    expect(garbage.stderr).not.toContain('Interner Fehler');
  });
});
