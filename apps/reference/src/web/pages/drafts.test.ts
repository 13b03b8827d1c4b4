import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { schoolIds } from '../../demo/school-ids.js';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function draftFields(csrf: string, overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const values: Record<string, string> = {
    _csrf: csrf, id: '', number: '177', shortTitleDe: 'Gebäudedaten', shortTitleEn: 'Building data', edition: '2028', version: '0.1.0',
    titleDe: 'Gebäudedaten für öffentliche Gebäude', titleEn: '', descriptionDe: 'Was ein Gebäudemodell enthalten muss.', descriptionEn: '',
    keywords: 'BIM, IFC, IDS', wgName: 'AG Gebäudedaten', leadName: 'Dr. Erika Beispiel', leadOrganisation: 'Finanzbehörde', leadLevel: 'state', leadJurisdiction: 'Hamburg',
    license: 'DL-DE-BY-2.0', attribution: '', supersedes: '', ...overrides,
  };
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  form.append('themes', 'TECH');
  return form;
}

describe('recommendation draft and consultation forms', () => {
  let t: TestApp;
  let gs: FormClient;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true });
    gs = new FormClient(t.url);
    await gs.login('secretariat');
  }, 60_000);
  afterAll(() => t?.close());

  it('keeps the uploaded files and every value when the form has errors, then saves the draft with its documents', async () => {
    const { csrf } = await gs.page('/verwaltung/empfehlungen/neu');
    const first = draftFields(csrf, { number: '17a', leadJurisdiction: '' });
    first.append('main', new File([pdf], 'Gebaeudedaten-2028.pdf', { type: 'application/pdf' }));
    first.append('ids', new File([schoolIds()], 'gebaeudedaten.ids', { type: '' }));
    const refused = await gs.fetch('/verwaltung/empfehlungen/neu', { method: 'POST', body: first });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    // The error is next to its field, and listed in the summary linking to it.
    expect(page).toMatch(/id="f-number-error"[^]*laufende Nummer: drei oder vier Ziffern/);
    expect(page).toContain('href="#f-number"');
    expect(page).toContain('href="#f-leadJurisdiction"');
    expect(page).toContain('value="Gebäudedaten für öffentliche Gebäude"');
    expect(page).toContain('Bereits hochgeladen, bleibt erhalten: Gebaeudedaten-2028.pdf');
    expect(page).toContain('Bereits hochgeladen, bleibt erhalten: gebaeudedaten.ids');
    const kept = [...page.matchAll(/name="kept" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(kept).toHaveLength(2);

    const second = draftFields(csrf);
    for (const k of kept) second.append('kept', k.replace(/&#39;|&amp;/g, (e) => (e === '&amp;' ? '&' : "'")));
    const saved = await gs.fetch('/verwaltung/empfehlungen/neu', { method: 'POST', body: second });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/empfehlungen/gebaeudedaten-2028?gespeichert=1');
    const rec = (await (await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } })).json()) as {
      status: { state: string }; license: { id: string; attribution: string }; keywords: Array<{ de: string }>;
      attachments: Array<{ id: string; role: string; mediaType: string; sha256: string; byteSize: number }>;
    };
    expect(rec.status.state).toBe('draft');
    expect(rec.license.id).toBe('DL-DE-BY-2.0');
    expect(rec.keywords.map((k) => k.de)).toEqual(['BIM', 'IFC', 'IDS']);
    expect(rec.attachments.map((a) => [a.id, a.role, a.mediaType])).toEqual([
      ['hauptdokument-gebaeudedaten-2028', 'main', 'application/pdf'],
      ['ids-gebaeudedaten', 'data-requirements', 'application/ids+xml'],
    ]);
    expect(rec.attachments[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const download = await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028/attachments/hauptdokument-gebaeudedaten-2028`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it('refuses a file that is no IDS next to the IDS field, and a duplicate id next to the id field', async () => {
    const { csrf } = await gs.page('/verwaltung/empfehlungen/neu');
    const form = draftFields(csrf, { id: 'gebaeudedaten-2028' });
    form.append('ids', new File(['<html><body>kein IDS</body></html>'], 'falsch.ids'));
    const res = await gs.fetch('/verwaltung/empfehlungen/neu', { method: 'POST', body: form });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toMatch(/id="f-ids-error"[^]*falsch\.ids: Keine gültige IDS-Datei/);
    const again = await gs.fetch('/verwaltung/empfehlungen/neu', { method: 'POST', body: draftFields(csrf, { id: 'gebaeudedaten-2028' }) });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/id="f-id-error"[^]*Existiert bereits/);
  });

  it('answers hostile draft and consultation forms with a form and its errors, never a 500', async () => {
    const { csrf } = await gs.page('/verwaltung/empfehlungen/neu');
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '1e9', '-5', 'NaN', '<b>x</b>', "' or 1=1", 'main|' + 'a'.repeat(32) + '|1|x|y', 'DL-DE-BY-2.0', 'state', '2027-02-30'));
    await fc.assert(
      fc.asyncProperty(fc.record({ number: text, shortTitleDe: text, edition: text, version: text, titleDe: text, descriptionDe: text, leadLevel: text, license: text, kept: text, supersedes: text }), async (values) => {
        const form = draftFields(csrf, values);
        form.append('kept', values.kept);
        const res = await gs.fetch('/verwaltung/empfehlungen/neu', { method: 'POST', body: form });
        expect([303, 409, 422]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ opens: text, closes: text, rows: text, 'anchor-0': text, 'sectionTitle-0': text, draftVersion: text, titleDe: text }), async (values) => {
        const res = await gs.post('/verwaltung/empfehlungen/wartung-2026/konsultation', { _csrf: csrf, ...values });
        expect([303, 409, 422]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 30 },
    );
  });

  it('edits the draft at its version and opens its consultation with sections', async () => {
    const edit = await gs.page('/verwaltung/empfehlungen/gebaeudedaten-2028/bearbeiten');
    expect(edit.text).toContain('value="Dr. Erika Beispiel"');
    const form = draftFields(edit.csrf, { descriptionDe: 'Überarbeitet.', _version: /name="_version" value="(\d+)"/.exec(edit.text)![1]! });
    form.append('remove', 'ids-gebaeudedaten');
    expect((await gs.fetch('/verwaltung/empfehlungen/gebaeudedaten-2028/bearbeiten', { method: 'POST', body: form })).status).toBe(303);
    // The same version again is stale.
    const stale = await gs.fetch('/verwaltung/empfehlungen/gebaeudedaten-2028/bearbeiten', { method: 'POST', body: draftFields(edit.csrf, { _version: /name="_version" value="(\d+)"/.exec(edit.text)![1]! }) });
    expect(stale.status).toBe(412);

    const { csrf, text } = await gs.page('/verwaltung/empfehlungen/gebaeudedaten-2028/konsultation');
    expect(text).toContain('value="1"');
    const more = await gs.post('/verwaltung/empfehlungen/gebaeudedaten-2028/konsultation', { _csrf: csrf, rows: '4', _action: 'more', titleDe: 'Meine Konsultation' });
    const morePage = await more.text();
    expect(morePage).toContain('name="anchor-8"');
    expect(morePage).toContain('value="Meine Konsultation"');
    const fields = { _csrf: csrf, rows: '9', titleDe: 'Konsultation Gebäudedaten 2028', titleEn: '', draftVersion: '0.1.0', opens: '2026-12-01', closes: '2026-11-01', 'anchor-0': '1', 'sectionTitle-0': 'Geltungsbereich', 'anchor-1': '2', 'sectionTitle-1': '' };
    const bad = await gs.post('/verwaltung/empfehlungen/gebaeudedaten-2028/konsultation', fields);
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain('Abschnitt 2: Titel fehlt.');
    const period = await gs.post('/verwaltung/empfehlungen/gebaeudedaten-2028/konsultation', { ...fields, 'sectionTitle-1': 'Anforderungen' });
    expect(period.status).toBe(422);
    expect(await period.text()).toMatch(/id="f-closes-error"[^]*Ende muss nach dem Beginn liegen/);
    const ok = await gs.post('/verwaltung/empfehlungen/gebaeudedaten-2028/konsultation', { ...fields, 'sectionTitle-1': 'Anforderungen', closes: '2027-01-31' });
    expect(ok.status).toBe(303);
    const consultation = (await (await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2028`)).json()) as { opens: string; closes: string; sections: unknown[] };
    expect(consultation.sections).toEqual([{ anchor: '1', title: { de: 'Geltungsbereich' } }, { anchor: '2', title: { de: 'Anforderungen' } }]);
    expect([consultation.opens, consultation.closes]).toEqual(['2026-11-30T23:00:00.000Z', '2027-01-31T22:59:59.000Z']);
    const rec = (await (await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028`)).json()) as { status: { state: string }; description: { de: string }; attachments: unknown[] };
    expect([rec.status.state, rec.description.de, rec.attachments.length]).toEqual(['consultation', 'Überarbeitet.', 1]);

    // Change the running consultation: a later end; a section with contributions stays.
    const contribution = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2028/contributions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.secretariat}` },
      body: JSON.stringify({ anchor: { section: '1' }, text: { de: 'Zum Geltungsbereich' }, author: { kind: 'anonymous' } }),
    });
    expect(contribution.status).toBe(201);
    const editConsultation = await gs.page('/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/bearbeiten');
    expect(editConsultation.text).toContain('value="2027-01-31"');
    expect(editConsultation.text).toContain('value="Anforderungen"');
    const version = /name="_version" value="(\d+)"/.exec(editConsultation.text)![1]!;
    const change = { _csrf: editConsultation.csrf, _version: version, rows: '4', titleDe: 'Konsultation Gebäudedaten 2028', titleEn: '', draftVersion: '0.1.0', opens: '2026-12-01', closes: '2027-02-28', 'anchor-0': '2', 'sectionTitle-0': 'Anforderungen' };
    const refused = await gs.post('/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/bearbeiten', change);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Abschnitt 1 hat 1 Beiträge und bleibt');
    const savedConsultation = await gs.post('/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/bearbeiten', { ...change, 'anchor-1': '1', 'sectionTitle-1': 'Geltungsbereich' });
    expect(savedConsultation.status).toBe(303);
    const after = (await (await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2028`)).json()) as { closes: string; sections: Array<{ anchor: string }> };
    expect([after.closes, after.sections.map((x) => x.anchor)]).toEqual(['2027-02-28T22:59:59.000Z', ['2', '1']]);
    const recAfter = (await (await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028`)).json()) as { status: { closes: string } };
    expect(recAfter.status.closes).toBe('2027-02-28T22:59:59.000Z');
    const staleConsultation = await gs.post('/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/bearbeiten', { ...change, 'anchor-1': '1', 'sectionTitle-1': 'Geltungsbereich' });
    expect(staleConsultation.status).toBe(422);
    expect(await staleConsultation.text()).toContain('inzwischen geändert');
  });
});
