import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium as chromiumRequirement } from '@foederal/test-utils';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../test/backends.js';
import { startTestApp, testPassword, type TestApp } from '../test/harness.js';
import { schoolIds } from './demo/school-ids.js';

const browserReq = chromiumRequirement();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

// Issue 15, done when: a secretariat runs a working group in Chromium without typing any JSON:
// sets up the body with members, drafts a recommendation with a document and an IDS, opens the
// consultation, receives 200 contributions, filters, disposes of ten at once, exports the
// synopsis as CSV and DOCX (read back), records a vote in a meeting and publishes. Axe
// (wcag2a, wcag2aa, wcag21aa) on every page on the way.
describe.skipIf(!browserReq.available)('back office in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function axe(): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(violations, `axe on ${page.url()}`).toEqual([]);
  }

  async function login(): Promise<void> {
    await page.goto(`${t.url}/anmelden`);
    await page.getByLabel('Benutzername').fill('test-secretariat');
    await page.getByLabel('Passwort').fill(testPassword);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${t.url}/`);
  }

  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: false });
    browser = await chromium.launch({ executablePath: browserReq.executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('runs a working group from body to publication through forms only', async () => {
    await login();
    await page.goto(`${t.url}/verwaltung`);
    await axe();

    // 1. The body and its members.
    await page.getByRole('link', { name: 'Gremium und Mitglieder' }).click();
    await axe();
    await page.getByLabel('Name des Plenums').fill('Plenum des Arbeitskreises Gebäudedaten');
    await page.getByRole('button', { name: 'Gremium anlegen' }).click();
    await page.waitForURL(`${t.url}/verwaltung/gremium`);
    const members: Array<{ person: string; kind: string; level: string; name: string; state?: string }> = [
      { person: 'Martina Vogel', kind: 'government', level: 'federal', name: 'Bund' },
      { person: 'Jan Petersen', kind: 'government', level: 'state', name: 'Hamburg', state: 'DE-HH' },
      { person: 'Stefan Krause', kind: 'municipal-umbrella-association', level: 'municipality', name: 'Deutscher Städtetag' },
    ];
    for (const m of members) {
      await page.getByLabel('Name der Person').fill(m.person);
      await page.getByLabel('Vertritt').selectOption('neu');
      await page.getByLabel('Art', { exact: true }).selectOption(m.kind);
      await page.getByLabel('Ebene', { exact: true }).selectOption(m.level);
      await page.getByLabel('Name der neuen Gebietskörperschaft oder Organisation').fill(m.name);
      if (m.state) await page.getByLabel('Land (bei Ebene Land)').selectOption(m.state);
      await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
      await page.waitForURL(`${t.url}/verwaltung/gremium`);
    }
    // An error stays next to its field and keeps the input: an end before the start.
    await page.getByLabel('Name der Person').fill('Nora Yilmaz');
    await page.getByLabel('Vertritt').selectOption('neu');
    await page.getByLabel('Art', { exact: true }).selectOption('civil-society');
    await page.getByLabel('Ebene', { exact: true }).selectOption('');
    await page.getByLabel('Name der neuen Gebietskörperschaft oder Organisation').fill('Initiative Offene Daten');
    await page.getByLabel('Art der Mitgliedschaft').selectOption('advisory');
    await page.getByLabel('Stimmrecht').uncheck();
    await page.getByLabel('Beginn').fill('2026-01-01');
    await page.getByLabel('Ende').fill('2025-12-31');
    await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
    await expect.poll(() => page.locator('#f-endDate-error').textContent()).toContain('Ende vor Beginn');
    expect(await page.getByLabel('Name der Person').inputValue()).toBe('Nora Yilmaz');
    await axe();
    await page.getByLabel('Ende').fill('');
    await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
    await page.waitForURL(`${t.url}/verwaltung/gremium`);
    const table = await page.locator('table').first().textContent();
    for (const name of ['Martina Vogel', 'Jan Petersen', 'Stefan Krause', 'Nora Yilmaz', 'Deutscher Städtetag']) expect(table).toContain(name);
    await axe();

    // 2. A recommendation draft with a document and an IDS file.
    await page.goto(`${t.url}/verwaltung/empfehlungen/neu`);
    await axe();
    await page.getByLabel('Laufende Nummer').fill('177');
    await page.getByLabel('Kurztitel (deutsch)').fill('Gebäudedaten');
    await page.getByLabel('Ausgabe (Jahr)').fill('2028');
    await page.getByLabel('Titel (deutsch)', { exact: true }).fill('Gebäudedaten für öffentliche Gebäude');
    await page.getByLabel('Zusammenfassung (deutsch)').fill('Welche Daten ein Gebäudemodell bei der Übergabe enthalten muss.');
    await page.getByLabel('Gegenstand: Schlagwörter, durch Komma getrennt').fill('BIM, IFC, IDS');
    await page.getByLabel('Arbeitsgruppe', { exact: true }).fill('AG Gebäudedaten');
    await page.getByLabel('Obfrau oder Obmann: Name').fill('Dr. Melanie Schulte');
    await page.getByLabel('Obfrau oder Obmann: Gebietskörperschaft').fill('Nordrhein-Westfalen');
    await page.getByLabel('Hauptdokument').setInputFiles({ name: 'Gebaeudedaten-2028.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByLabel('IDS-Datei (Anforderungen an Gebäudemodelle)').setInputFiles({ name: 'gebaeudedaten-2028.ids', mimeType: 'application/octet-stream', buffer: Buffer.from(schoolIds()) });
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForURL(`${t.url}/empfehlungen/gebaeudedaten-2028?gespeichert=1`);
    await axe();
    const stored = (await (await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028`, { headers: { authorization: `Bearer ${t.tokens.secretariat}` } })).json()) as { attachments: Array<{ role: string }> };
    expect(stored.attachments.map((a) => a.role)).toEqual(['main', 'data-requirements']);

    // 3. The consultation with two sections.
    await page.goto(`${t.url}/verwaltung/empfehlungen`);
    await axe();
    await page.getByRole('link', { name: 'Konsultation öffnen gebaeudedaten-2028' }).click();
    await axe();
    await page.getByLabel('Abschnitt 2: Nummer').fill('2');
    await page.getByLabel('Abschnitt 2: Titel').fill('Anforderungen an Modelle');
    await page.getByRole('button', { name: 'Konsultation öffnen' }).click();
    await page.waitForURL(`${t.url}/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/beitraege`);

    // 4. 200 contributions through the registry API (as a consultation portal would send them).
    for (let i = 0; i < 200; i++) {
      const author = i % 4 === 0 ? { kind: 'anonymous' } : i % 4 === 1 ? { kind: 'person', name: `Person ${i}`, jurisdiction: { level: 'municipality', name: 'Musterhausen' } } : { kind: 'organisation', name: `Organisation ${i}`, jurisdiction: { level: 'state', name: 'Hamburg' } };
      const res = await fetch(`${t.url}/api/v1/consultations/konsultation-gebaeudedaten-2028/contributions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.secretariat}` },
        body: JSON.stringify({ anchor: { section: i % 2 === 0 ? '1' : '2' }, text: { de: `Stellungnahme ${i}: bitte IFC 4.3 zulassen.` }, author, ...(i % 10 === 1 ? { contact: { email: `person${i}@example.org` }, consent: { publication: true, privacyNotice: '/datenschutz#konsultation-2026-12' } } : {}) }),
      });
      expect(res.status).toBe(201);
    }
    await page.reload();
    expect(await page.getByRole('status').filter({ hasText: 'Beiträge gefunden' }).textContent()).toContain('200 Beiträge gefunden, Seite 1 von 4');
    await axe();

    // 5. Filter: section 2 by organisations (i % 4 = 3, odd i: 50).
    await page.getByLabel('Abschnitt', { exact: true }).selectOption('2');
    await page.getByLabel('Einreichende', { exact: true }).selectOption('organisation');
    await page.getByLabel('Sortierung').selectOption('oldest');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Beiträge gefunden' }).textContent()).toContain('50 Beiträge gefunden, Seite 1 von 1');
    expect(await page.locator('tbody tr').first().textContent()).toContain('Stellungnahme 3:');
    await axe();

    // 6. Dispose of ten at once.
    const boxes = page.locator('input[name="auswahl"]');
    for (let i = 0; i < 10; i++) await boxes.nth(i).check();
    await page.getByLabel('Neuer Stand').selectOption('partially-accepted');
    await page.getByLabel('Begründung (deutsch)').fill('IFC 4.3 wird als zweites Format zugelassen.');
    await page.getByRole('button', { name: 'Auswahl abwägen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('10 Beiträge abgewogen.');
    await page.goto(`${t.url}/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/beitraege?status=partially-accepted`);
    expect(await page.getByRole('status').filter({ hasText: 'Beiträge gefunden' }).textContent()).toContain('10 Beiträge gefunden');
    await axe();

    // 7. The synopsis as CSV and DOCX, read back.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tabelle (CSV), intern' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const csvLines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csvLines).toHaveLength(201);
    expect(csvLines[0]).toContain('Nr.;Beitrag;Abschnitt;Einreichende Stelle;Ebene;');
    expect(csvLines.filter((l) => l.includes(';Teilweise berücksichtigt;IFC 4.3 wird als zweites Format zugelassen.;'))).toHaveLength(10);
    expect(csv).not.toContain('@example.org');
    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word-Dokument (DOCX), zur Veröffentlichung' }).click()]);
    expect(docxDownload.suggestedFilename()).toBe('abwaegung-konsultation-gebaeudedaten-2028-public.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await docxDownload.path())!)))['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.filter((x) => x === 'IFC 4.3 wird als zweites Format zugelassen.')).toHaveLength(10);
    // Public: only the ten answered; per level the Länder (organisations of Hamburg) hold all ten.
    const row = (name: string) => texts.slice(texts.indexOf(name), texts.indexOf(name) + 6);
    expect(row('Länder')).toEqual(['Länder', '10', '0', '10', '0', '0']);
    expect(xml).not.toContain('@example.org');

    // 8. A meeting whose agenda item is the vote on the draft.
    await page.goto(`${t.url}/verwaltung/sitzungen`);
    await axe();
    await page.getByLabel('Bezeichnung der Sitzung').fill('1. Sitzung des Plenums');
    await page.getByLabel('Ort').fill('Berlin');
    await page.getByLabel('TOP 1: Gegenstand').fill('Genehmigung der Tagesordnung');
    await page.getByLabel('TOP 1: Art').selectOption('procedural');
    await page.getByLabel('TOP 2: Nummer').fill('2');
    await page.getByLabel('TOP 2: Gegenstand').fill('Empfehlung Gebäudedaten 2028 beschließen');
    await page.getByLabel('TOP 2: Empfehlung').selectOption('gebaeudedaten-2028');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('1. Sitzung des Plenums');
    await axe();
    await page.getByRole('link', { name: 'Abstimmung erfassen TOP 2' }).click();
    await axe();
    await page.getByRole('button', { name: 'Auswerten und speichern' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Empfehlung Gebäudedaten 2028 beschließen');
    expect(await page.locator('.result-pass').textContent()).toContain('angenommen');
    const decision = /Beschluss (\d{4}\/\d{2})/.exec((await page.locator('.kern-preline').textContent()) ?? '')?.[1];
    expect(decision).toMatch(/^\d{4}\/01$/);
    await axe();

    // 9. After the consultation period: close it, adopt with the decision, publish.
    const later = new Date(Date.now() + 50 * 86_400_000);
    (t.server.ctx as { now: () => Date }).now = () => later;
    await login();
    const step = async (value: string) => {
      await page.goto(`${t.url}/verwaltung`);
      await page.locator('#event-gebaeudedaten-2028').selectOption(value);
      await page.locator('form', { has: page.locator('#event-gebaeudedaten-2028') }).getByRole('button', { name: 'Ausführen' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Gespeichert');
    };
    await step('close-consultation');
    await step(`adopt:${decision}`);
    await step('publish');
    await axe();
    await page.goto(`${t.url}/empfehlungen/gebaeudedaten-2028`);
    expect(await page.locator('main').textContent()).toContain('Veröffentlicht');
    await axe();
    const published = (await (await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2028`)).json()) as { status: { state: string }; decision: { id: string } };
    expect(published.status.state).toBe('published');
    expect(published.decision.id).toBe(decision);

    // The other forms, and every back-office page in English too.
    const pages = ['/verwaltung/pilotvorhaben/neu', '/verwaltung/gemeinschaftsvorhaben/neu', '/verwaltung/gremium', '/verwaltung/empfehlungen/neu', '/verwaltung/konsultationen', '/verwaltung/konsultationen/konsultation-gebaeudedaten-2028/beitraege', '/verwaltung/sitzungen', '/datenschutz'];
    for (const path of pages.slice(0, 2)) {
      await page.goto(`${t.url}${path}`);
      await axe();
    }
    await page.goto(`${t.url}/sprache?lang=en&next=/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const path of pages) {
      await page.goto(`${t.url}${path}`);
      await axe();
    }
    expect(await page.locator('h1').textContent()).toBe('Privacy notice');
  }, 300_000);
});
