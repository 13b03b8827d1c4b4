import { describe, expect, it } from 'vitest';
import { validate } from './index.js';
import { exampleCatalogue } from './examples.js';
import type { Catalogue, ExperienceReport, Pilot, RecordKind } from './index.js';

/** The one issue of a refused record: its JSON path and its German and English message. */
function refusal(kind: RecordKind, input: unknown): { jsonPath: string; de: string; en: string }[] {
  const result = validate(kind, input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map(({ jsonPath, de, en }) => ({ jsonPath, de, en }));
}

const completedPilot = (): Pilot => structuredClone(exampleCatalogue.pilots.find((p) => p.status === 'completed')!);
const runningPilot = (): Pilot => structuredClone(exampleCatalogue.pilots.find((p) => p.status === 'running')!);
const publishedReport = (): ExperienceReport =>
  structuredClone(exampleCatalogue.experienceReports.find((r) => r.status.state === 'published')!);
const catalogue = (): Catalogue => structuredClone(exampleCatalogue);

describe('pilotSchema refuses', () => {
  it('accepts the example pilots as they are', () => {
    expect(validate('Pilot', completedPilot()).success).toBe(true);
    expect(validate('Pilot', runningPilot()).success).toBe(true);
  });

  it('an end before the start', () => {
    const pilot = { ...completedPilot(), start: '2026-05-01', end: '2026-04-30' };
    expect(refusal('Pilot', pilot)).toEqual([{ jsonPath: '$.end', de: 'Ende liegt vor dem Beginn', en: 'end lies before start' }]);
  });

  it('a completed or stopped pilot without an end date', () => {
    for (const status of ['completed', 'stopped'] as const) {
      const { end: _end, ...pilot } = { ...runningPilot(), status };
      expect(refusal('Pilot', pilot)).toEqual([{
        jsonPath: '$.end', de: `Status ${status} verlangt ein Enddatum`, en: `state ${status} requires an end date`,
      }]);
    }
  });

  it('a pilot without a leading administration', () => {
    const pilot = runningPilot();
    const participants = pilot.participants.map((p) => ({ ...p, role: 'participant' as const }));
    expect(refusal('Pilot', { ...pilot, participants })).toEqual([{
      jsonPath: '$.participants',
      de: 'Eine teilnehmende Verwaltung muss die Leitung haben',
      en: 'one participating administration must lead',
    }]);
    expect(refusal('Pilot', { ...pilot, participants: [] }).map((i) => i.jsonPath)).toContain('$.participants');
  });

  it('an open-source solution whose repository is not on openCode', () => {
    const pilot = runningPilot();
    expect(pilot.subject.kind).toBe('open-source');
    const subject = { ...pilot.subject, repository: 'https://github.com/foederal/ifc-pruefdienst' };
    const issues = refusal('Pilot', { ...pilot, subject });
    expect(issues.map((i) => i.jsonPath)).toEqual(['$.subject.repository']);
    expect(issues[0]?.de).toContain('Repository auf openCode erwartet');
    expect(issues[0]?.en).toContain('repository on openCode expected');
  });

  it('a recommendation edition without a semantic version', () => {
    const pilot = completedPilot();
    expect(pilot.subject.kind).toBe('recommendation');
    expect(refusal('Pilot', { ...pilot, subject: { ...pilot.subject, version: '2026' } }).map((i) => i.jsonPath))
      .toEqual(['$.subject.version']);
  });

  it('an unknown status', () => {
    expect(refusal('Pilot', { ...runningPilot(), status: 'paused' }).map((i) => i.jsonPath)).toEqual(['$.status']);
  });
});

describe('experienceReportSchema refuses', () => {
  it('accepts the example reports as they are', () => {
    for (const report of exampleCatalogue.experienceReports) expect(validate('ExperienceReport', report).success).toBe(true);
  });

  it('a published report without a licence', () => {
    const { license: _license, ...report } = publishedReport();
    expect(refusal('ExperienceReport', report)).toEqual([{
      jsonPath: '$.license', de: 'Veröffentlichter Bericht braucht eine Lizenz', en: 'a published report needs a licence',
    }]);
  });

  it('a review dated before the report', () => {
    const report = publishedReport();
    const status = { state: 'published' as const, date: '2000-01-01' };
    expect(refusal('ExperienceReport', { ...report, status })).toEqual([{
      jsonPath: '$.status.date', de: 'Prüfung liegt vor dem Berichtsdatum', en: 'review lies before the report date',
    }]);
  });

  it('a rejection without a reason', () => {
    const report = publishedReport();
    expect(refusal('ExperienceReport', { ...report, status: { state: 'rejected', date: report.date } }).map((i) => i.jsonPath))
      .toEqual(['$.status.reason']);
  });

  it('a report with no experience at all', () => {
    expect(refusal('ExperienceReport', { ...publishedReport(), worked: [], didNotWork: [] })).toEqual([{
      jsonPath: '$.worked', de: 'Mindestens eine Erfahrung angeben', en: 'give at least one experience',
    }]);
  });

  it('negative effort, cents that are not whole, and a currency other than euro', () => {
    const report = publishedReport();
    expect(refusal('ExperienceReport', { ...report, effortPersonDays: -1 }).map((i) => i.jsonPath)).toEqual(['$.effortPersonDays']);
    expect(refusal('ExperienceReport', { ...report, costs: { ...report.costs, amountCents: 10.5 } }).map((i) => i.jsonPath))
      .toEqual(['$.costs.amountCents']);
    expect(refusal('ExperienceReport', { ...report, costs: { ...report.costs, currency: 'USD' } }).map((i) => i.jsonPath))
      .toEqual(['$.costs.currency']);
  });
});

describe('catalogueSchema refuses pilots and reports that do not fit together', () => {
  it('a duplicated pilot id', () => {
    const c = catalogue();
    c.pilots.push(structuredClone(c.pilots[0]!));
    const index = c.pilots.length - 1;
    const id = c.pilots[0]!.id;
    expect(refusal('Catalogue', c)).toEqual([{ jsonPath: `$.pilots[${index}].id`, de: `Kennung ${id} doppelt`, en: `id ${id} is duplicated` }]);
  });

  it('a pilot of a recommendation that is not in the catalogue', () => {
    const c = catalogue();
    const index = c.pilots.findIndex((p) => p.subject.kind === 'recommendation');
    const pilot = c.pilots[index]!;
    if (pilot.subject.kind !== 'recommendation') throw new Error('example has no recommendation pilot');
    pilot.subject = { ...pilot.subject, recommendation: 'gibt-es-nicht' };
    expect(refusal('Catalogue', c)).toEqual([{
      jsonPath: `$.pilots[${index}].subject.recommendation`,
      de: 'Empfehlung gibt-es-nicht fehlt im Katalog',
      en: 'recommendation gibt-es-nicht is not in the catalogue',
    }]);
  });

  it('a report of a pilot that is not in the catalogue, and a duplicated report id', () => {
    const c = catalogue();
    c.experienceReports[0] = { ...c.experienceReports[0]!, pilot: 'gibt-es-nicht' };
    expect(refusal('Catalogue', c)).toEqual([{
      jsonPath: '$.experienceReports[0].pilot', de: 'Pilot gibt-es-nicht fehlt im Katalog', en: 'pilot gibt-es-nicht is not in the catalogue',
    }]);
    const d = catalogue();
    d.experienceReports.push(structuredClone(d.experienceReports[1]!));
    const id = d.experienceReports[1]!.id;
    expect(refusal('Catalogue', d)).toEqual([{
      jsonPath: `$.experienceReports[${d.experienceReports.length - 1}].id`, de: `Kennung ${id} doppelt`, en: `id ${id} is duplicated`,
    }]);
  });
});
