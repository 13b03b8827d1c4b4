import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium as chromiumRequirement } from '@foederal/test-utils';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../test/backends.js';
import { startTestApp, testPassword, type TestApp } from '../test/harness.js';

const browserReq = chromiumRequirement();

// The stored-XSS path of the security review (issue 21, item 1): the secretariat uploads an SVG
// whose script, run in the app's origin, would use the admin's session to create an admin
// account. In Chromium, signed in as admin, opening the attachment (link and address bar) must
// neither run the script nor create anything.
const attack = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
<rect width="100" height="100" fill="red"/>
<script>
document.title = 'pwned';
fetch('/verwaltung').then((r) => r.text()).then((page) => {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)[1];
  const body = new URLSearchParams({ _csrf: csrf, username: 'eindringling', displayName: 'X', role: 'admin', password: 'eindringling-2027' });
  return fetch('/verwaltung/benutzer', { method: 'POST', body });
});
</script>
</svg>`;

describe.skipIf(!browserReq.available)('attachments in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true });
    browser = await chromium.launch({ executablePath: browserReq.executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('never runs the script of an uploaded SVG for a signed-in admin, and creates nothing', async () => {
    const base = t.server.ctx.baseUrl;
    const upload = await fetch(`${t.url}/api/v1/recommendations/gebaeudedaten-2027/attachments/lageplan?role=annex&title=Lageplan`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.secretariat}`, 'content-type': 'image/svg+xml', 'content-digest': `sha-256=:${createHash('sha256').update(attack).digest('base64')}:` },
      body: attack,
    });
    expect(upload.status).toBe(201);
    const usersBefore = (await t.server.ctx.repo.users.list()).length;

    const context = await browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
    const page = await context.newPage();
    const writes: string[] = [];
    context.on('request', (req) => {
      if (req.method() !== 'GET') writes.push(`${req.method()} ${req.url()}`);
    });
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('Benutzername').fill('test-admin');
    await page.getByLabel('Passwort').fill(testPassword);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/`);
    writes.length = 0;

    // The admin follows the link on the recommendation page: a download, not a page.
    await page.goto(`${base}/empfehlungen/gebaeudedaten-2027`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lageplan' }).click()]);
    expect(download.suggestedFilename()).toBe('lageplan.svg');
    // Typed into the address bar: still a download, the page stays where it was.
    const direct = page.waitForEvent('download');
    await page.goto(`${base}/api/v1/recommendations/gebaeudedaten-2027/attachments/lageplan`).catch(() => undefined);
    await direct;
    // Embedded as an image (how a page would show a drawing), SVG scripts never run either.
    await page.setContent(`<img src="${base}/api/v1/recommendations/gebaeudedaten-2027/attachments/lageplan" alt="">`);
    await page.waitForTimeout(500);

    expect(await page.title()).not.toBe('pwned');
    expect(writes).toEqual([]);
    expect(await t.server.ctx.repo.users.byName('eindringling')).toBeUndefined();
    expect((await t.server.ctx.repo.users.list()).length).toBe(usersBefore);
    await context.close();
  }, 60_000);

  it('has zero axe violations on the account pages, in German and English', async () => {
    const base = t.server.ctx.baseUrl;
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('Benutzername').fill('test-admin');
    await page.getByLabel('Passwort').fill(testPassword);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('link', { name: 'Test admin' }).click();
    await page.waitForURL(`${base}/konto`);
    await page.getByLabel('Verwendungszweck des neuen Tokens').fill('Browsertest');
    await page.getByRole('button', { name: 'Token erstellen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Neues API-Token');
    const pages = ['/konto', '/verwaltung/konten', '/verwaltung/protokoll'];
    for (const lang of ['de', 'en']) {
      await page.goto(`${base}/sprache?lang=${lang}&next=/`);
      for (const path of pages) {
        const res = await page.goto(`${base}${path}`);
        expect(res?.status(), path).toBe(200);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `${lang} ${path}`).toEqual([]);
      }
    }
    // A form error next to its field, still without violations.
    await page.goto(`${base}/sprache?lang=de&next=/konto`);
    await page.getByLabel('Bisheriges Passwort').fill('falsch-falsch-falsch');
    await page.getByLabel('Neues Passwort').fill('Ein-neues-Passwort-2027');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await expect.poll(() => page.locator('#currentPassword-error').textContent()).toContain('bisherige Passwort stimmt nicht');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  }, 90_000);
});
