import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../../test/harness.js';

describe('pilot and joint project forms', () => {
  let t: TestApp;
  let gs: FormClient;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true });
    gs = new FormClient(t.url);
    await gs.login('secretariat');
  }, 60_000);
  afterAll(() => t?.close());

  it('creates a pilot from the form, with errors next to the fields and the input kept', async () => {
    const { csrf } = await gs.page('/verwaltung/pilotvorhaben/neu');
    const fields = {
      _csrf: csrf, rows: '2', titleDe: 'Pilot Gebäudedaten Musterhausen', descriptionDe: 'Drei Schulen liefern IFC-Modelle.', subjectKind: 'recommendation', recommendation: 'gebaeudedaten-2027',
      start: '2027-02-01', end: '2027-01-01', status: 'planned', contact: '', 'pName-0': 'Stadt Musterhausen', 'pLevel-0': 'municipality', 'pJurisdiction-0': 'Musterhausen', 'pRole-0': 'participant',
    };
    const bad = await gs.post('/verwaltung/pilotvorhaben/neu', fields);
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toMatch(/id="f-end-error"[^]*Ende liegt vor dem Beginn/);
    expect(page).toMatch(/id="f-pRole-0-error"[^]*Leitung haben/);
    expect(page).toContain('value="Pilot Gebäudedaten Musterhausen"');
    const ok = await gs.post('/verwaltung/pilotvorhaben/neu', { ...fields, end: '2027-12-31', 'pRole-0': 'lead' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/pilotvorhaben/pilot-gebaeudedaten-musterhausen');
    const pilot = (await (await fetch(`${t.url}/api/v1/pilots/pilot-gebaeudedaten-musterhausen`)).json()) as { subject: { kind: string; recommendation: string }; participants: unknown[] };
    expect(pilot.subject).toMatchObject({ kind: 'recommendation', recommendation: 'gebaeudedaten-2027' });
    expect(pilot.participants).toEqual([{ organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', name: 'Musterhausen' }, role: 'lead' }]);

    const edit = await gs.page('/verwaltung/pilotvorhaben/pilot-gebaeudedaten-musterhausen/bearbeiten');
    expect(edit.text).toContain('value="Stadt Musterhausen"');
    const version = /name="_version" value="(\d+)"/.exec(edit.text)![1]!;
    const changed = { ...fields, _csrf: edit.csrf, _version: version, end: '2027-12-31', 'pRole-0': 'lead', status: 'running', rows: '2', 'pName-1': 'Kreis Beispiel', 'pLevel-1': 'administrativeDistrict', 'pJurisdiction-1': 'Kreis Beispiel', 'pRole-1': 'participant' };
    expect((await gs.post('/verwaltung/pilotvorhaben/pilot-gebaeudedaten-musterhausen/bearbeiten', changed)).status).toBe(303);
    const after = (await (await fetch(`${t.url}/api/v1/pilots/pilot-gebaeudedaten-musterhausen`)).json()) as { status: string; participants: unknown[] };
    expect([after.status, after.participants.length]).toEqual(['running', 2]);
    const stale = await gs.post('/verwaltung/pilotvorhaben/pilot-gebaeudedaten-musterhausen/bearbeiten', changed);
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('inzwischen geändert');
  });

  it('creates a joint project from the form, amounts in German notation, shares computed', async () => {
    const { csrf } = await gs.page('/verwaltung/gemeinschaftsvorhaben/neu');
    const fields = {
      _csrf: csrf, rows: '3', titleDe: 'Gebäudedatenportal', descriptionDe: '', total: '1.250.000,00', rules: 'amev-style-working-group', date: '2027-01-01',
      'pName-0': 'Bund', 'pLevel-0': 'federal', 'pState-0': '', 'pName-1': 'Hamburg', 'pLevel-1': 'state', 'pState-1': '', 'pName-2': 'Bayern', 'pLevel-2': 'state', 'pState-2': 'DE-BY',
    };
    const bad = await gs.post('/verwaltung/gemeinschaftsvorhaben/neu', { ...fields, total: '1,2,3' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toMatch(/id="f-total-error"[^]*Betrag in Euro/);
    const noState = await gs.post('/verwaltung/gemeinschaftsvorhaben/neu', fields);
    expect(noState.status).toBe(422);
    expect(await noState.text()).toMatch(/id="f-pState-1-error"[^]*Land ohne ISO-3166-2-Code/);
    const ok = await gs.post('/verwaltung/gemeinschaftsvorhaben/neu', { ...fields, 'pState-1': 'DE-HH' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/kostenteilung/gebaeudedatenportal');
    const project = (await (await fetch(`${t.url}/api/v1/joint-projects/gebaeudedatenportal`)).json()) as { total: number; participants: Array<{ id: string; state?: string }> };
    expect(project.total).toBe(125_000_000);
    expect(project.participants.map((p) => [p.id, p.state])).toEqual([['bund', undefined], ['hamburg', 'DE-HH'], ['bayern', 'DE-BY']]);
    expect((await gs.page('/kostenteilung/gebaeudedatenportal')).res.status).toBe(200);

    const edit = await gs.page('/verwaltung/gemeinschaftsvorhaben/gebaeudedatenportal/bearbeiten');
    expect(edit.text).toContain('value="1.250.000,00"');
    const version = /name="_version" value="(\d+)"/.exec(edit.text)![1]!;
    const saved = await gs.post('/verwaltung/gemeinschaftsvorhaben/gebaeudedatenportal/bearbeiten', { ...fields, _csrf: edit.csrf, _version: version, 'pState-1': 'DE-HH', total: '2.000.000' });
    expect(saved.status).toBe(303);
    expect(((await (await fetch(`${t.url}/api/v1/joint-projects/gebaeudedatenportal`)).json()) as { total: number }).total).toBe(200_000_000);
  });
});
