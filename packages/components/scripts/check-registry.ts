// `pnpm --filter @foederal/components check:registry <base URL>`: runs every demo page against a
// real registry (e.g. the reference app: `http://localhost:3000`) in Debian's Chromium. Picks the
// first recommendation, consultation and decision from the registry, waits until each element shows
// data, and runs axe (wcag2a, wcag2aa, wcag21aa) in German and English. Exits 1 on any error shown
// by an element or any axe violation. Reports whether the registry sends CORS headers (needed when
// the elements are embedded on another site); the pages reach the registry through a same-origin
// proxy so that the elements themselves are checked either way.
import { AxeBuilder } from '@axe-core/playwright';
import { createRegistryClient } from '@foederal/publication';
import { chromium } from 'playwright-core';
import { bundleText } from './bundle.mjs';
import { startDemoServer } from '../test/demo-server.js';

const base = process.argv[2];
if (!base) {
  console.error('Aufruf / usage: check:registry <base URL of the registry>');
  process.exit(2);
}
const client = createRegistryClient({ baseUrl: base });
const recommendation = (await client.listRecommendations().toArray())[0];
const consultation = (await client.listConsultations().toArray())[0];
const decision = (await client.listDecisions().toArray())[0];

const preflight = await fetch(new URL('/api/v1/recommendations', base), {
  method: 'OPTIONS',
  headers: { origin: 'https://cms.example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
});
const cors = preflight.headers.get('access-control-allow-origin');
console.log(cors ? `CORS: ${cors}` : 'CORS: keine Freigabe für andere Websites / no CORS headers: elements can only be embedded on the registry’s own origin');

const demo = await startDemoServer(await bundleText(), { proxyTo: base });
const browser = await chromium.launch({
  executablePath: process.env['FOEDERAL_CHROMIUM'] ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
const pages: [string, string][] = [
  ['recommendation-list', ''],
  ['recommendation', recommendation ? `&id=${recommendation.id}` : ''],
  ['consultation-form', consultation ? `&consultation=${consultation.id}` : ''],
  ['contributions', consultation ? `&consultation=${consultation.id}` : ''],
  ['roster', ''],
  ['vote-result', decision ? `&decision=${encodeURIComponent(decision.id)}` : ''],
];
let failures = 0;
for (const [name, extra] of pages) {
  for (const lang of ['de', 'en']) {
    const page = await context.newPage();
    await page.goto(`${demo.url}/${name}.html?lang=${lang}&api=${encodeURIComponent(demo.url)}${extra}`);
    const tag = `foederal-${name}`;
    await page.waitForFunction(
      (t) => {
        const root = document.querySelector(t)?.shadowRoot;
        return !!root && !root.querySelector('.loader') && (root.textContent ?? '').trim().length > 40;
      },
      tag,
      { timeout: 15_000 },
    );
    const error = await page.locator(`${tag} [role=alert]`).allTextContents();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const problems = [...error.map((e) => `shows an error: ${e.trim()}`), ...axe.violations.map((v) => `axe ${v.id}`)];
    failures += problems.length;
    console.log(`${problems.length ? '✗' : '✓'} ${name} (${lang})${problems.length ? `: ${problems.join('; ')}` : ''}`);
    await page.close();
  }
}
await browser.close();
await demo.close();
process.exit(failures ? 1 : 0);
