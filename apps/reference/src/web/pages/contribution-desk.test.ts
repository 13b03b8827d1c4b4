import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../../test/harness.js';

const cid = 'konsultation-gebaeudedaten-2027';
const desk = `/verwaltung/konsultationen/${cid}/beitraege`;

describe('contribution desk pages', () => {
  let t: TestApp;
  let gs: FormClient;
  const submitted: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { CONTRIBUTION_LIMIT_PER_HOUR: '1000' } });
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${t.url}/api/v1/consultations/${cid}/contributions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.secretariat}` },
        body: JSON.stringify({
          anchor: { section: '1' }, text: { de: `Seitentest ${i}${i % 10 === 0 ? ' Zehner' : ''}` },
          author: i % 2 === 0 ? { kind: 'organisation', name: `Landkreis ${i}`, jurisdiction: { level: 'administrativeDistrict', key: '01054', name: 'Nordfriesland' } } : { kind: 'anonymous' },
          ...(i === 1 ? { contact: { email: 'geheim@example.org' }, consent: { publication: false, privacyNotice: 'datenschutz' } } : {}),
        }),
      });
      expect(res.status).toBe(201);
      submitted.push(((await res.json()) as { id: string }).id);
    }
    gs = new FormClient(t.url);
    await gs.login('secretariat');
  }, 60_000);
  afterAll(() => t?.close());

  it('is for the secretariat only', async () => {
    const res = await new FormClient(t.url).fetch(desk);
    expect([302, 303, 401, 403]).toContain(res.status);
    const member = new FormClient(t.url);
    await member.login('member');
    expect((await member.fetch(desk)).status).toBe(403);
  });

  it('pages and filters the contributions', async () => {
    const { res, text } = await gs.page(`${desk}?q=Seitentest&je_seite=25`);
    expect(res.status).toBe(200);
    expect(text).toContain('60 Beiträge gefunden, Seite 1 von 3');
    expect((text.match(/name="auswahl"/g) ?? []).length).toBe(25);
    // The shared pager keeps the filters and the page size in its links.
    expect(text).toContain(`rel="next" href="${desk}?q=Seitentest&amp;je_seite=25&amp;seite=2"`);
    expect(text).toContain(`href="${desk}?q=Seitentest&amp;je_seite=25&amp;seite=3">Seite 3</a>`);
    const last = await gs.page(`${desk}?q=Seitentest&je_seite=25&seite=3`);
    expect(last.text).toContain(`rel="prev" href="${desk}?q=Seitentest&amp;je_seite=25&amp;seite=2"`);
    expect((last.text.match(/name="auswahl"/g) ?? []).length).toBe(10);
    const tens = await gs.page(`${desk}?q=zehner&ebene=administrativeDistrict&einreichende=organisation&sortierung=oldest`);
    expect(tens.text).toContain('6 Beiträge gefunden');
    const order = [...tens.text.matchAll(/Seitentest (\d+) Zehner/g)].map((m) => Number(m[1]));
    expect(order).toEqual([0, 10, 20, 30, 40, 50]);
    // The contact is shown to the secretariat, marked as not public.
    expect((await gs.page(`${desk}?q=Seitentest 1&sortierung=oldest`)).text).toContain('geheim@example.org');
  });

  it('disposes ten at once, keeps the selection and input on an error, and exports the synopsis', async () => {
    const { text, csrf } = await gs.page(`${desk}?q=Seitentest&sortierung=oldest&je_seite=25`);
    const tokens = [...text.matchAll(/name="auswahl" value="([^"]+)"/g)].map((m) => m[1]!).slice(0, 10);
    expect(tokens).toHaveLength(10);
    const body = new URLSearchParams({ _csrf: csrf, stand: 'rejected', begruendung: '', begruendung_en: 'kept text', veroeffentlichen: 'ja' });
    for (const token of tokens) body.append('auswahl', token);
    const refused = await gs.fetch(`${desk}?q=Seitentest&sortierung=oldest&je_seite=25`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('Für diese Entscheidung ist eine Begründung nötig');
    expect(page).toContain('kept text');
    expect((page.match(/name="auswahl" value="[^"]+" checked/g) ?? []).length).toBe(10);

    body.set('begruendung', 'Nicht Gegenstand dieser Empfehlung');
    const done = await gs.fetch(`${desk}?q=Seitentest&sortierung=oldest&je_seite=25`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toContain('erledigt=10');
    expect((await gs.page(`${desk}?status=rejected&q=Seitentest`)).text).toContain('10 Beiträge gefunden');

    // Stale: the same versions again are refused as a whole.
    const stale = await gs.fetch(desk, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(stale.status).toBe(412);
    expect(await stale.text()).toContain('inzwischen geändert');

    const csv = await gs.fetch(`/verwaltung/konsultationen/${cid}/abwaegung.csv?sicht=intern`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvText = await csv.text();
    expect(csvText.split('\r\n').filter((l) => l.includes('Nicht Gegenstand dieser Empfehlung'))).toHaveLength(10);
    expect(csvText).not.toContain('geheim@example.org');

    const docx = await gs.fetch(`/verwaltung/konsultationen/${cid}/abwaegung.docx?sicht=oeffentlich`);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
    expect(xml.split('Nicht Gegenstand dieser Empfehlung').length - 1).toBe(10);
    expect(xml).not.toContain('geheim@example.org');
    // Anonymous contributor 1 gave a contact and no consent: its row shows no name.
    expect(xml).not.toContain('Landkreis 1<');
  });

  it('answers hostile queries and forms with a page or a typed 4xx, never a 500', async () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '-1', '0', '9999999999', "' or 1=1 --", '%', '_', '\\', 'anchor.section', '../', '<script>', 'submitted', 'NaN'));
    await fc.assert(
      fc.asyncProperty(fc.record({ status: text, abschnitt: text, einreichende: text, ebene: text, q: text, sortierung: text, seite: text, je_seite: text }), async (query) => {
        const res = await gs.fetch(`${desk}?${new URLSearchParams(query).toString()}`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }),
      { numRuns: 40 },
    );
    const { csrf } = await gs.page(desk);
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 4 }), text, text, text, async (selection, stand, reason, duplicate) => {
        const body = new URLSearchParams({ _csrf: csrf, stand, begruendung: reason, dublette_von: duplicate });
        for (const token of selection) body.append('auswahl', token);
        const res = await gs.fetch(desk, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect([303, 404, 409, 412, 422]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 40 },
    );
  });

  it('erases the personal data of one contribution on request', async () => {
    const { csrf } = await gs.page(desk);
    const res = await gs.post(`/verwaltung/konsultationen/${cid}/personendaten`, { _csrf: csrf, beitrag: submitted[2]! });
    expect(res.status).toBe(303);
    const api = await fetch(`${t.url}/api/v1/consultations/${cid}/contributions/${submitted[2]}`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } });
    const c = (await api.json()) as { author: unknown; erasedAt?: string; text: { de: string } };
    expect(c.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'administrativeDistrict', key: '01054', name: 'Nordfriesland' } });
    expect(c.erasedAt).toBeDefined();
    expect(c.text.de).toBe('Seitentest 2');
  });
});
