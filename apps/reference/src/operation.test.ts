// The Betrieb page of a building (issue 17) end to end on SQLite and PostgreSQL: the demo school's
// year of trend data checked by the job queue, findings with charts and as open data, the
// secretariat's EDE and trend uploads, and refusals.
import { demoPoints, demoSchoolEde } from '@foederal/operation/examples';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../test/harness.js';
import { openRepository, type Repository } from './db/repository.js';
import { chartKey, getOperation, parseUsage, processTrendCheck, requestTrendCheck, seedDemoOperation, storeEde, type OperationState } from './domain/operation.js';
import { AppError } from './errors.js';
import type { ModelSummary } from './domain/models.js';
import { operationText } from './web/strings/operation.js';

interface FindingJson {
  rule: string;
  points: string[];
  intervals: Array<{ start: string; end: string }>;
  wastedHours?: number;
}
interface FindingsJson {
  building: { id: string };
  check: { source: string; rejectedSamples: number; usage: { land: string } };
  findings: FindingJson[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A wide trend export of the demo pump alone: 15-minute values, local time, pump on `from`–`to` (local hours, 6/7 January 2025). */
function pumpCsv(onAt: (day: number, minute: number) => boolean, brokenLine = false): string {
  const rows = [`Zeitstempel;${demoPoints.pump}`];
  for (const day of [6, 7]) {
    for (let m = 0; m < 24 * 60; m += 15) {
      const hh = String(Math.floor(m / 60)).padStart(2, '0');
      const mm = String(m % 60).padStart(2, '0');
      rows.push(`0${day}.01.2025 ${hh}:${mm};${onAt(day, m) ? 1 : 0}`);
      if (brokenLine && day === 7 && m === 600) rows.push('07.01.2025 99:99;1');
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

async function waitForRun(read: () => Promise<OperationState>, poke: () => Promise<unknown>, timeoutMs = 90_000): Promise<OperationState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await poke();
    const state = await read();
    if (state.run && state.run.state !== 'queued') return state;
    if (Date.now() > until) throw new Error('trend check did not finish');
    await sleep(250);
  }
}

for (const factory of backends) {
  describe.skipIf(!factory.available)(`Betrieb page on ${factory.name}`, () => {
    let t: TestApp;
    let modelId: string;
    beforeAll(async () => {
      t = await startTestApp(factory, { seed: true });
      const models = await t.server.ctx.repo.models.list();
      modelId = (models.find((d) => (d.data).fileName === 'grundschule-am-lindenhof.ifc') as { id: string }).id;
    }, 60_000);
    afterAll(() => t?.close());

    it('checks the demo school\'s year on first view and finds exactly the four built-in faults', async () => {
      // seeded: the EDE list and a check not yet handed to the queue (the start stays fast)
      const seeded = await getOperation(t.server.ctx.repo, modelId);
      expect(seeded.ede?.points).toHaveLength(15);
      expect(seeded.run).toMatchObject({ source: 'demo', state: 'queued', sentAt: null });
      const first = await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb`, { headers: { accept: 'text/html' } });
      expect(first.status).toBe(200);
      const firstText = await first.text();
      // the data points of the EDE list are there at once; the check runs as a job
      expect(firstText).toContain(demoPoints.pump);
      expect(firstText).toContain('Pumpe Heizkreis 1 Betriebsmeldung');
      expect(firstText).toMatch(/<code>pump-status<\/code>/);
      expect(firstText).toContain('Die Trenddaten werden geprüft');
      expect(firstText).toContain('Stand abrufen');
      const state = await waitForRun(() => getOperation(t.server.ctx.repo, modelId), () => fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb`).then((r) => r.arrayBuffer()));
      expect(state.run?.state).toBe('done');
      expect(state.run?.report?.cells).toBe(525_600);

      const jsonRes = await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb/befunde.json`, { headers: { origin: 'https://kommune.example' } });
      // open data: readable from any site, like the feeds
      expect(jsonRes.headers.get('access-control-allow-origin')).toBe('*');
      const json = (await jsonRes.json()) as FindingsJson;
      expect(json.building.id).toBe(modelId);
      expect(json.check.source).toBe('demo');
      expect(json.findings.map((f) => f.rule).sort()).toEqual(['data-gap', 'frozen-value', 'operation-outside-schedule', 'simultaneous-heating-cooling']);
      const pump = json.findings.find((f) => f.rule === 'operation-outside-schedule')!;
      // five nights 10-14 February, 20:00-05:00 CET (19:00-04:00 UTC): 5 x 9 h
      expect(pump.points).toEqual([demoPoints.pump]);
      expect(pump.wastedHours).toBe(45);
      expect(pump.intervals[0]).toEqual({ start: '2025-02-10T19:00:00.000Z', end: '2025-02-11T04:00:00.000Z' });
      expect(pump.intervals).toHaveLength(5);
      const frozen = json.findings.find((f) => f.rule === 'frozen-value')!;
      expect(frozen.points).toEqual([demoPoints.room2]);
      // the six-hour gap on 16 September, 08:00-14:00 CEST
      expect(json.findings.find((f) => f.rule === 'data-gap')!.intervals).toEqual([{ start: '2025-09-16T06:00:00.000Z', end: '2025-09-16T12:00:00.000Z' }]);

      const csv = await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb/befunde.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = (await csv.text()).split('\r\n');
      expect(lines[0]).toBe('Regel;Titel;Schwere;Gruppe;Datenpunkte;Beginn;Ende;Intervalle;Stunden;kWh;Erläuterung');
      expect(lines).toHaveLength(6); // header, four findings, the empty string after the last CRLF
      const en = await (await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb/befunde.csv?lang=en`)).text();
      expect(en.split('\r\n')[0]).toBe('rule;title;severity;group;points;start;end;intervals;hours;kWh;explanation');

      for (const lang of ['de', 'en'] as const) {
        const page = await (await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb?lang=${lang}`, { headers: { accept: 'text/html' } })).text();
        expect(page.match(/<svg [^>]*role="img"/g)).toHaveLength(4);
        expect(page).toContain('aria-labelledby="befund-0-title befund-0-desc"');
        expect(page).not.toContain('<script>');
        expect(page).not.toContain('http-equiv="refresh"');
        expect(page).toContain(operationText(lang, 'openData'));
        // the upload forms are for the secretariat only
        expect(page).not.toContain('action="/gebaeudedaten/' + modelId + '/betrieb/ede"');
      }
    }, 150_000);

    it('takes EDE lists and trend exports from the secretariat only, and checks an upload against the Land\'s holidays', async () => {
      const member = new FormClient(t.url);
      await member.login('member');
      const memberPage = await member.page(`/gebaeudedaten/${modelId}/betrieb`);
      const form = new FormData();
      form.append('_csrf', memberPage.csrf);
      form.append('ede', new File([demoSchoolEde], 'ede.csv'));
      expect((await member.fetch(`/gebaeudedaten/${modelId}/betrieb/ede`, { method: 'POST', body: form })).status).toBe(403);

      const gs = new FormClient(t.url);
      await gs.login('secretariat');
      const { text, csrf } = await gs.page(`/gebaeudedaten/${modelId}/betrieb`);
      expect(text).toContain(`action="/gebaeudedaten/${modelId}/betrieb/trends"`);
      // without the CSRF token: refused
      const noCsrf = new FormData();
      noCsrf.append('ede', new File([demoSchoolEde], 'ede.csv'));
      expect((await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/ede`, { method: 'POST', body: noCsrf })).status).toBe(403);
      // an EDE list without data points: refused with the reason
      const bad = new FormData();
      bad.append('_csrf', csrf);
      bad.append('ede', new File(['kein;EDE\r\n1;2\r\n'], 'falsch.csv'));
      const refused = await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/ede`, { method: 'POST', body: bad });
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('EDE');
      const good = new FormData();
      good.append('_csrf', csrf);
      good.append('ede', new File([demoSchoolEde], 'anlage-ede.csv'));
      const saved = await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/ede`, { method: 'POST', body: good });
      expect(saved.status).toBe(303);
      expect((await getOperation(t.server.ctx.repo, modelId)).ede?.fileName).toBe('anlage-ede.csv');

      // Monday 6 January 2025: the pump runs 08:00-12:00, and 22:00 to 02:00 into Tuesday.
      // Usage 07:00-16:00 with two hours before and one after: 05:00-17:00 on working days.
      const csv = pumpCsv((day, m) => (day === 6 && m >= 8 * 60 && m < 12 * 60) || (day === 6 && m >= 22 * 60) || (day === 7 && m < 2 * 60), true);
      const upload = async (land: string) => {
        const f = new FormData();
        f.append('_csrf', csrf);
        f.append('land', land);
        f.append('from', '07:00');
        f.append('to', '16:00');
        f.append('trends', new File([csv], 'pumpe.csv'));
        const res = await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/trends`, { method: 'POST', body: f });
        expect(res.status).toBe(303);
        await waitForRun(() => getOperation(t.server.ctx.repo, modelId), () => gs.fetch(`/gebaeudedaten/${modelId}/betrieb`).then((r) => r.arrayBuffer()));
        return (await (await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb/befunde.json`)).json()) as FindingsJson;
      };
      // Berlin: 6 January is a working day; only the night is outside: 22:00-02:00 CET = 4 h
      const berlin = await upload('BE');
      expect(berlin.check.usage.land).toBe('BE');
      expect(berlin.check.rejectedSamples).toBe(1);
      const night = berlin.findings.filter((f) => f.rule === 'operation-outside-schedule');
      expect(night).toHaveLength(1);
      expect(night[0]!.intervals).toEqual([{ start: '2025-01-06T21:00:00.000Z', end: '2025-01-07T01:00:00.000Z' }]);
      expect(night[0]!.wastedHours).toBe(4);
      // Bayern: 6 January is Heilige Drei Könige, so the morning run counts too: 4 h + 4 h
      const bayern = await upload('BY');
      const holiday = bayern.findings.filter((f) => f.rule === 'operation-outside-schedule');
      expect(holiday).toHaveLength(1);
      expect(holiday[0]!.intervals).toEqual([
        { start: '2025-01-06T07:00:00.000Z', end: '2025-01-06T11:00:00.000Z' },
        { start: '2025-01-06T21:00:00.000Z', end: '2025-01-07T01:00:00.000Z' },
      ]);
      expect(holiday[0]!.wastedHours).toBe(8);

      // a file that is no trend export ends as a failed check with the reason, never a 500
      const junk = new FormData();
      junk.append('_csrf', csrf);
      junk.append('trends', new File([new Uint8Array([0, 1, 2, 3, 255, 254])], 'kaputt.csv'));
      expect((await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/trends`, { method: 'POST', body: junk })).status).toBe(303);
      const failed = await waitForRun(() => getOperation(t.server.ctx.repo, modelId), () => gs.fetch(`/gebaeudedaten/${modelId}/betrieb`).then((r) => r.arrayBuffer()));
      expect(failed.run?.state).toBe('failed');
      const page = await gs.page(`/gebaeudedaten/${modelId}/betrieb`);
      expect(page.res.status).toBe(200);
      expect(page.text).toContain('Die Prüfung der Trenddaten ist fehlgeschlagen.');
      expect((await fetch(`${t.url}/gebaeudedaten/${modelId}/betrieb/befunde.json`)).status).toBe(404);

      // usage times that make no sense are refused before anything is stored
      const wrong = new FormData();
      wrong.append('_csrf', csrf);
      wrong.append('land', 'XX');
      wrong.append('trends', new File([csv], 'pumpe.csv'));
      expect((await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/trends`, { method: 'POST', body: wrong })).status).toBe(422);

      // a large EDE list: the page lists the first 500 points and says how many more there are
      const lines = demoSchoolEde.split('\r\n');
      const rows = Array.from({ length: 600 }, (_, i) => `P${i};1001;P${i};0;${i + 1};Fühler ${i};;;;N;N;;;;62`);
      const large = new FormData();
      large.append('_csrf', csrf);
      large.append('ede', new File([[...lines.slice(0, 3), ...rows, ''].join('\r\n')], 'gross.csv'));
      expect((await gs.fetch(`/gebaeudedaten/${modelId}/betrieb/ede`, { method: 'POST', body: large })).status).toBe(303);
      const listed = await gs.page(`/gebaeudedaten/${modelId}/betrieb`);
      expect(listed.text).toContain('100 weitere Datenpunkte nicht aufgeführt');
      expect(listed.text).toContain('<td>P499</td>');
      expect(listed.text).not.toContain('<td>P500</td>');
    }, 150_000);

    it('answers 404 for a building that does not exist', async () => {
      expect((await fetch(`${t.url}/gebaeudedaten/modell-fehlt/betrieb`, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${t.url}/gebaeudedaten/modell-fehlt/betrieb/befunde.json`)).status).toBe(404);
    });
  });
}

describe('trend check job', () => {
  const factory = backends[0]!;
  let repo: Repository;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const backend = await factory.create();
    repo = await openRepository(backend.options);
    dispose = async () => {
      await repo.close();
      await backend.dispose();
    };
  });
  afterAll(() => dispose?.());

  it('is idempotent and leaves a replaced run alone', async () => {
    const model: ModelSummary = {
      id: 'modell-x', state: 'ready', progress: 100, name: 'X', fileName: 'x.ifc', bytes: 0, sha256: '', uploadedAt: '2027-01-01T00:00:00.000Z', uploadedBy: 'Test',
      schema: 'IFC4', entities: 0, buildings: [], areas: {}, spacesWithoutArea: 0, checks: [],
    };
    await repo.models.create('modell-x', model, { sortKey: 'x', search: 'x', status: 'ready' });
    await storeEde(repo, 'modell-x', { fileName: 'ede.csv', bytes: new TextEncoder().encode(demoSchoolEde), uploadedBy: 'Test', now: new Date() });
    await seedDemoOperation(repo, 'modell-x', new Date());
    // sixty days: only the pump nights of February are in them
    const done = await processTrendCheck(repo, 'modell-x', 'lauf-demo', { demoDays: 60 });
    expect(done?.findings.map((f) => [f.rule, f.wastedHours])).toEqual([['operation-outside-schedule', 45]]);
    expect(await processTrendCheck(repo, 'modell-x', 'lauf-demo', { demoDays: 60 })).toBeUndefined();
    expect(await processTrendCheck(repo, 'modell-x', 'lauf-anderer')).toBeUndefined();
    expect((await getOperation(repo, 'modell-x')).run?.findings).toHaveLength(1);
  }, 60_000);

  it('ends every hostile trend export as a stored result (done or failed with a reason), never a thrown error', async () => {
    const usage = parseUsage('BE', '07:00', '16:00');
    const header = `Zeitstempel;${demoPoints.pump};${demoPoints.supply} [°C]\r\n`;
    const line = fc.tuple(fc.constantFrom('06.01.2025', '31.03.2025', '30.02.2025', '2025-01-06', ''), fc.constantFrom('00:00', '02:30', '25:00', 'x'), fc.constantFrom('1', '0', '1,5', 'NaN', '-', '1e309', '"; DROP'), fc.string({ maxLength: 8 }))
      .map(([d, t, v, w]) => `${d} ${t};${v};${w}`);
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(line, { maxLength: 40 }).map((rows) => header + rows.join('\r\n')));
    await fc.assert(
      fc.asyncProperty(fc.oneof(text.map((x) => new TextEncoder().encode(x)), fc.uint8Array({ maxLength: 300 })), async (bytes) => {
        const run = await requestTrendCheck(repo, 'modell-x', { fileName: 'fuzz.csv', bytes, usage, now: new Date() });
        await processTrendCheck(repo, 'modell-x', run.id);
        const after = (await getOperation(repo, 'modell-x')).run!;
        expect(after.id).toBe(run.id);
        expect(['done', 'failed']).toContain(after.state);
        if (after.state === 'failed') expect(after.error).toMatch(/^Trenddaten nicht auswertbar/);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('keeps markup in point names as text in the stored charts', async () => {
    const evil = '<img src=x onerror=alert(1)>&"';
    const ede = [...demoSchoolEde.split('\r\n').slice(0, 3), `${evil};1001;${evil};3;1;Pumpe Heizkreis 1 Betriebsmeldung;;;;N;N;;;;`, ''].join('\r\n');
    await storeEde(repo, 'modell-x', { fileName: 'ede.csv', bytes: new TextEncoder().encode(ede), uploadedBy: 'Test', now: new Date() });
    const csv = pumpCsv((day, m) => day === 6 && m >= 22 * 60).replace(demoPoints.pump, evil);
    const run = await requestTrendCheck(repo, 'modell-x', { fileName: 'x.csv', bytes: new TextEncoder().encode(csv), usage: parseUsage('BE', '07:00', '16:00'), now: new Date() });
    const done = await processTrendCheck(repo, 'modell-x', run.id);
    expect(done?.findings.map((f) => [f.rule, f.points, f.wastedHours])).toEqual([['operation-outside-schedule', [evil], 2]]);
    const svg = new TextDecoder().decode((await repo.files.get(chartKey('modell-x', run.id, 0, 'de')))!.bytes);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;');
  }, 60_000);

  it('refuses any EDE list it cannot read with a validation error, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((x) => new TextEncoder().encode(x))), async (bytes) => {
        try {
          const ede = await storeEde(repo, 'modell-x', { fileName: 'fuzz.csv', bytes, uploadedBy: 'Test', now: new Date() });
          expect(ede.points.length).toBeGreaterThan(0);
        } catch (error) {
          expect(AppError.isInstance(error) && error.code === 'validation').toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
