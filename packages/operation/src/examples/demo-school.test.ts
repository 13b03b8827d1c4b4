import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkTrends, findingsToCsv } from '../check-trends.js';
import { demoPoints, demoSchoolEde, demoSchoolMeters, demoSchoolSchedule, generateDemoTrends, trendsToCsv } from './index.js';

describe('demo school', () => {
  it('is deterministic for a seed', () => {
    const a = generateDemoTrends({ seed: 3, days: 2 });
    const b = generateDemoTrends({ seed: 3, days: 2 });
    const c = generateDemoTrends({ seed: 4, days: 2 });
    expect([...a.aligned.values[4]!]).toEqual([...b.aligned.values[4]!]);
    expect([...a.aligned.values[4]!]).not.toEqual([...c.aligned.values[4]!]);
  });

  it('finds every built-in fault in a year of one-minute data, and nothing else', async () => {
    const demo = generateDemoTrends({ seed: 1 });
    expect(demo.aligned.grid.length).toBe(525_600);
    expect(demo.faults.map((f) => f.rule).sort()).toEqual(['data-gap', 'frozen-value', 'operation-outside-schedule', 'simultaneous-heating-cooling']);
    const result = await checkTrends({
      ede: demoSchoolEde,
      trends: Readable.from(trendsToCsv(demo.aligned)),
      schedule: demoSchoolSchedule,
      meters: demoSchoolMeters,
    });
    // the export went through local time with both clock changes and lost nothing
    expect(result.report.rejected.total).toBe(0);
    expect(result.report.ambiguousResolved).toBe(2 * 60 * 15); // both passes of the repeated hour, 15 points
    expect(result.edeRejected).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.aligned.grid).toEqual(demo.aligned.grid);
    // every rule could be bound to the demo's data points
    expect(result.skipped).toEqual([]);
    expect(Object.values(result.evaluated).every((n) => n > 0)).toBe(true);
    const found = result.findings.map((f) => ({ rule: f.rule, points: [...f.points].sort(), intervals: f.intervals }));
    const expected = demo.faults.map((f) => ({ rule: f.rule, points: [...f.points].sort(), intervals: f.intervals }));
    const key = (x: { rule: string }): string => x.rule;
    expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    const pump = result.findings.find((f) => f.rule === 'operation-outside-schedule');
    expect(pump?.wastedHours).toBe(45);
    expect(pump?.points).toEqual([demoPoints.pump]);
    const csv = findingsToCsv(result.findings);
    expect(csv.split('\r\n')).toHaveLength(6);
  }, 120_000);

  it('derives the roles the rules need from the EDE list alone', async () => {
    const demo = generateDemoTrends({ seed: 1, days: 1 });
    const { roles } = await checkTrends({ ede: demoSchoolEde, trends: trendsToCsv(demo.aligned), schedule: demoSchoolSchedule });
    const byPoint = Object.fromEntries(roles.map((r) => [r.point, `${r.role} ${r.group}`]));
    expect(byPoint).toEqual({
      [demoPoints.supply]: 'supply-temperature L01.GS1.UG.HR.HK01',
      [demoPoints.return]: 'return-temperature L01.GS1.UG.HR.HK01',
      [demoPoints.pump]: 'pump-status L01.GS1.UG.HR.HK01',
      [demoPoints.burner]: 'burner-status L01.GS1.UG.HR.WE01',
      [demoPoints.outdoor]: 'outdoor-temperature L01.GS1.UG.HR.WE01',
      [demoPoints.heater]: 'heating-valve L01.GS1.UG.TZ.RLT01',
      [demoPoints.cooler]: 'cooling-valve L01.GS1.UG.TZ.RLT01',
      [demoPoints.fan]: 'fan-status L01.GS1.UG.TZ.RLT01',
      [demoPoints.room1]: 'room-temperature L01.GS1.EG.R012.RK01',
      [demoPoints.setpoint1]: 'temperature-setpoint L01.GS1.EG.R012.RK01',
      [demoPoints.room2]: 'room-temperature L01.GS1.OG.R021.RK02',
      [demoPoints.setpoint2]: 'temperature-setpoint L01.GS1.OG.R021.RK02',
      [demoPoints.mainMeter]: 'energy-meter L01.GS1.UG.HR.HV01',
      [demoPoints.subMeter]: 'energy-meter L01.GS1.UG.HR.UV01',
      [demoPoints.heatMeter]: 'energy-meter L01.GS1.UG.HR.WE01',
    });
  });
});

describe('entry points', () => {
  it('keeps the demo data out of the root entry', async () => {
    const root = await import('../index.js');
    expect(Object.keys(root)).not.toContain('generateDemoTrends');
    expect(Object.keys(root)).not.toContain('demoSchoolEde');
    expect(Object.keys(root)).toContain('checkTrends');
  });
});
