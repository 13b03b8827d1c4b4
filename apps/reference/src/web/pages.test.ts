import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../test/harness.js';
import { schoolIfc } from '../demo/school-ifc.js';

const consultationPage = '/empfehlungen/gebaeudedaten-2027/konsultation';

describe('pages without JavaScript', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { UPLOAD_LIMIT_BYTES: '65536', CONTRIBUTION_LIMIT_PER_HOUR: '1000' } });
  }, 60_000);
  afterAll(() => t?.close());

  it('shows the seed contribution\'s markup as text, never as markup', async () => {
    const { text } = await new FormClient(t.url).page(consultationPage);
    expect(text).toContain('ausliefern.&lt;br&gt;Zweite Zeile');
    expect(text).toContain('&lt;script&gt;alert(');
    expect(text).not.toContain('<script>alert(');
    expect(text).not.toContain('ausliefern.<br>');
  });

  it('escapes any contribution text on the page (property, script and HTML payloads)', async () => {
    const payload = fc.oneof(
      fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'; DROP TABLE contributions; --", '<a href="javascript:alert(1)">x</a>', '&lt;b&gt;'),
      fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '/', '=') }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (raw) => {
        const text = `Hinweis ${raw}`.trim();
        const submitted = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ anchor: { section: '1' }, text: { de: text }, author: { kind: 'anonymous' } }),
        });
        expect(submitted.status).toBe(201);
        const { id } = (await submitted.json()) as { id: string };
        const get = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
        const published = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}/disposition`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'application/json', 'if-match': get.headers.get('etag') as string },
          body: JSON.stringify({ state: 'published' }),
        });
        expect(published.status).toBe(200);
        // The list shows 20 at a time in submission order: the newest is on its last page.
        const html = await (await fetch(`${t.url}${consultationPage}?seite=999`)).text();
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
        expect(html).toContain(escaped);
        if (/[<>]/.test(text)) expect(html).not.toContain(text);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('keeps the input and lists the errors when the consultation form is incomplete', async () => {
    const client = new FormClient(t.url);
    const { csrf } = await client.page(consultationPage);
    const res = await client.post(consultationPage, { _csrf: csrf, section: '1', text: '', authorKind: 'person', name: '', organisation: 'Stadt Musterhausen' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Bitte korrigieren Sie die Eingaben');
    expect(html).toContain('href="#text"');
    expect(html).toContain('href="#name"');
    expect(html).toContain('value="Stadt Musterhausen"');
    expect(html).toContain('href="#consent"');
  });

  it('takes level, jurisdiction, contact and consent through the plain form and never publishes the contact', async () => {
    const client = new FormClient(t.url);
    const { csrf } = await client.page(consultationPage);
    const bad = await client.post(consultationPage, { _csrf: csrf, section: '1', text: 'Mit Ebene.', authorKind: 'person', name: 'Erika Beispiel', level: 'state', jurisdiction: '', email: 'erika@', consent: 'ja', publishName: 'ja' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('Bitte Land, Kreis oder Kommune zur gewählten Ebene nennen.');
    expect(page).toContain('Bitte eine gültige E-Mail-Adresse angeben');
    expect(page).toContain('value="erika@"');
    expect(page).toMatch(/id="publishName" name="publishName" value="ja" checked/);
    const ok = await client.post(consultationPage, { _csrf: csrf, section: '1', text: 'Mit Ebene und Kontakt.', authorKind: 'person', name: 'Erika Beispiel', organisation: 'Senatskanzlei', level: 'state', jurisdiction: 'Hamburg', email: 'erika@hamburg.example', consent: 'ja' });
    expect(ok.status).toBe(303);
    const id = new URL(ok.headers.get('location') as string, t.url).searchParams.get('eingereicht');
    const stored = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
    expect(await stored.json()).toMatchObject({
      author: { kind: 'person', name: 'Erika Beispiel', organisation: 'Senatskanzlei', jurisdiction: { level: 'state', name: 'Hamburg' } },
      contact: { email: 'erika@hamburg.example' },
      consent: { publication: false, privacyNotice: '/datenschutz#konsultation-2026-12' },
    });
    const publicView = await (await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions/${id}`)).json();
    expect(publicView).toMatchObject({ author: { kind: 'anonymous', jurisdiction: { level: 'state', name: 'Hamburg' } } });
    expect(JSON.stringify(publicView)).not.toMatch(/erika|Senatskanzlei/i);
    expect((await client.page('/datenschutz')).text).toContain('id="konsultation-2026-12"');
  });

  it('takes a contribution through the plain form once, even when the form is sent twice', async () => {
    const client = new FormClient(t.url);
    const { csrf, text } = await client.page(consultationPage);
    const key = /name="submissionKey" value="([0-9a-f]{32})"/.exec(text)?.[1] as string;
    const fields = { _csrf: csrf, submissionKey: key, section: '2', text: 'Doppelt gesendet, einmal gespeichert.', authorKind: 'organisation', name: 'Stadt Musterhausen', consent: 'ja' };
    const first = await client.post(consultationPage, fields);
    const second = await client.post(consultationPage, fields);
    expect(first.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const all = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2027/contributions?limit=100&state=submitted`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
    const items = ((await all.json()) as { items: Array<{ text: { de: string } }> }).items;
    expect(items.filter((i) => i.text.de === 'Doppelt gesendet, einmal gespeichert.')).toHaveLength(1);
  });

  it('records a vote through the form and shows the explained result', async () => {
    const client = new FormClient(t.url);
    await client.login('secretariat');
    const { csrf, text } = await client.page('/abstimmungen/neu');
    const fields: Record<string, string> = { _csrf: csrf, title: 'Testantrag Geschäftsordnung', motionKind: 'recommendation', date: '2026-11-27', recommendation: '' };
    for (const m of text.matchAll(/name="present-([\w-]+)"/g)) fields[`present-${m[1]}`] = '1';
    for (const m of text.matchAll(/name="ballot-([\w-]+)"/g)) fields[`ballot-${m[1]}`] = 'yes';
    fields['ballot-m-dst'] = 'no';
    fields['ballot-m-dlt'] = 'no';
    const res = await client.post('/abstimmungen/neu', fields);
    expect(res.status).toBe(303);
    const result = await client.page(res.headers.get('location') as string);
    expect(result.text).toContain('Testantrag Geschäftsordnung');
    // Kommunen: 1 yes, 2 no fails the per-level condition of the amev-style preset.
    expect(result.text).toContain('abgelehnt');
    expect(result.text).toContain('Begründung nach der Geschäftsordnung');
  });

  it('reads an uploaded IFC model and refuses one above the upload limit', async () => {
    const client = new FormClient(t.url);
    await client.login('member');
    const { csrf } = await client.page('/gebaeudedaten');
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('name', name);
      form.set('model', new Blob([bytes as Uint8Array<ArrayBuffer>]), `${name}.ifc`);
      return client.fetch('/gebaeudedaten', { method: 'POST', body: form });
    };
    const res = await upload(new TextEncoder().encode(schoolIfc()), 'Schule Test');
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    let page = await client.page(location);
    for (let i = 0; i < 50 && page.text.includes('http-equiv="refresh"'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      page = await client.page(location);
    }
    expect(page.text).toContain('Klassenraum 1a');
    expect(page.text).toContain('NUF 5 – Bildung, Unterricht und Kultur');
    expect(page.text).toContain('358,50');
    const big = new Uint8Array(70_000).fill(32);
    const refused = await upload(big, 'Zu groß');
    expect(refused.status).toBe(413);
  });

  it('accepts an experience report from a member and publishes it only after review', async () => {
    const member = new FormClient(t.url);
    await member.login('member');
    const { csrf } = await member.page('/pilotvorhaben/pilot-ifc-pruefdienst/bericht');
    const res = await member.post('/pilotvorhaben/pilot-ifc-pruefdienst/bericht', {
      _csrf: csrf, title: 'Bericht aus Musterhausen', organisation: 'Stadt Musterhausen', participant: '0', date: '2026-11-25',
      worked: 'Schnelle Prüfung\nVerständliche Berichte', didNotWork: '', effort: '3', costs: '1250.50', recommend: '1', licence: '1',
    });
    expect(res.status).toBe(303);
    expect((await new FormClient(t.url).page('/pilotvorhaben/pilot-ifc-pruefdienst')).text).not.toContain('Bericht aus Musterhausen');
    const gs = new FormClient(t.url);
    await gs.login('secretariat');
    const admin = await gs.page('/verwaltung');
    const report = /name="report" value="(bericht-[0-9a-f]+)"/.exec(admin.text.slice(admin.text.indexOf('Bericht aus Musterhausen') - 600))?.[1] as string;
    const reviewed = await gs.post('/verwaltung/berichte', { _csrf: admin.csrf, pilot: 'pilot-ifc-pruefdienst', report, decision: 'published' });
    expect(reviewed.status).toBe(303);
    const pub = await new FormClient(t.url).page('/pilotvorhaben/pilot-ifc-pruefdienst');
    expect(pub.text).toContain('Bericht aus Musterhausen');
    expect(pub.text).toContain('1.250,50');
  });

  it('lists the pilots of a recommendation on its page, with links to their reports', async () => {
    const page = await new FormClient(t.url).page('/empfehlungen/wartung-2026');
    expect(page.text).toContain('Pilotvorhaben zu dieser Empfehlung');
    const pilot = /href="\/pilotvorhaben\/([\w-]+)"/.exec(page.text.slice(page.text.indexOf('Pilotvorhaben zu dieser Empfehlung')))?.[1] as string;
    const detail = await new FormClient(t.url).page(`/pilotvorhaben/${pilot}`);
    expect(detail.text).toContain('Erfahrungsberichte');
    expect(detail.text).toContain('Empfehlung <a class="kern-link" href="/empfehlungen/wartung-2026">');
  });

  it('lets the secretariat open a consultation on a draft, which then takes contributions', async () => {
    const gs = new FormClient(t.url);
    await gs.login('secretariat');
    const admin = await gs.page('/verwaltung');
    expect(admin.text).toContain('value="open-consultation"');
    const before = admin.text.slice(0, admin.text.indexOf('value="open-consultation"'));
    const draftId = [...before.matchAll(/name="id" value="([\w-]+)"/g)].at(-1)?.[1] as string;
    const res = await gs.post('/verwaltung/empfehlungen', { _csrf: admin.csrf, id: draftId, event: 'open-consultation' });
    expect(res.status).toBe(303);
    const rec = await fetch(`${t.url}/api/v1/recommendations/${draftId}`);
    expect(((await rec.json()) as { status: { state: string } }).status.state).toBe('consultation');
    const page = await new FormClient(t.url).page(`/empfehlungen/${draftId}/konsultation`);
    expect(page.text).toContain('Beitrag einreichen');
    expect(page.text).toContain('Gesamter Entwurf');
  });

  it('lets the secretariat create a record as JSON and names every invalid field by its JSON path', async () => {
    const gs = new FormClient(t.url);
    await gs.login('secretariat');
    const { csrf } = await gs.page('/verwaltung');
    const wrong = await gs.post('/verwaltung/anlegen', { _csrf: csrf, kind: 'pilot', record: JSON.stringify({ id: 'Nicht Gültig', title: { de: 'x' } }) });
    expect(wrong.status).toBe(422);
    const text = await wrong.text();
    expect(text).toContain('$.body.id');
    expect(text).toContain('$.body.participants');
    const pilot = {
      id: 'pilot-test-json', title: { de: 'Pilot aus dem JSON-Formular' }, description: { de: 'Test' },
      subject: { kind: 'recommendation', recommendation: 'wartung-2026', version: '1.0.0' },
      participants: [{ organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', key: '06611000', name: 'Kassel' }, role: 'lead' }],
      start: '2027-01-01', status: 'planned',
    };
    const ok = await gs.post('/verwaltung/anlegen', { _csrf: csrf, kind: 'pilot', record: JSON.stringify(pilot) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/pilotvorhaben/pilot-test-json');
    expect((await new FormClient(t.url).page('/pilotvorhaben/pilot-test-json')).text).toContain('Pilot aus dem JSON-Formular');
  });

  it('shows cost shares that add up to the total, for another total and participant set too', async () => {
    const page = await new FormClient(t.url).page('/kostenteilung/ifc-pruefdienst-2027?summe=1000.01&teilnehmer=bund&teilnehmer=de-by&teilnehmer=de-sn&teilnehmer=dst');
    expect(page.text).toContain('1.000,01');
    expect(page.text).toContain('entspricht genau der Gesamtsumme');
    expect(page.text).not.toContain('Hessen</th>');
  });
});
