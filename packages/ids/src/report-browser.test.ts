import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium as chromiumRequirement, repoRoot } from '@foederal/test-utils';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsWith, sampleModel, wallSpec } from '../test/sample-model.js';
import { checkIds } from './check.js';
import { parseIds } from './parse.js';
import { toHtmlReport } from './report-html.js';

const browserReq = chromiumRequirement();
const screenshots = join(repoRoot, 'docs', 'guides', 'img');

const report = checkIds(
  parseIds(
    idsWith(
      wallSpec('Brandschutz der Wände', '<property dataType="IFCLABEL" instructions="Feuerwiderstand nach DIN 4102 angeben"><propertySet><simpleValue>Pset_WallCommon</simpleValue></propertySet><baseName><simpleValue>FireRating</simpleValue></baseName><value><xs:restriction base="xs:string"><xs:pattern value="F(30|60|90)"/></xs:restriction></value></property><classification><value><simpleValue>331</simpleValue></value><system><simpleValue>DIN 276</simpleValue></system></classification>') +
        wallSpec('Wände im Geschoss', '<partOf relation="IFCRELCONTAINEDINSPATIALSTRUCTURE"><entity><name><simpleValue>IFCBUILDINGSTOREY</simpleValue></name></entity></partOf>') +
        wallSpec('Keine Decken in diesem Teilmodell', '', '<entity><name><simpleValue>IFCSLAB</simpleValue></name></entity>', 'minOccurs="0" maxOccurs="0"'),
    ),
  ),
  sampleModel(),
);

// The HTML report in Debian's Chromium (headless): axe with wcag2a/wcag2aa/wcag21aa in German and
// English, and the screenshot of the guide (docs/guides/ids.md).
describe.skipIf(!browserReq.available)('HTML report in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: browserReq.executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['de', 'en'] as const)('passes axe (%s)', async (lang) => {
    const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.setContent(toHtmlReport(report, { lang }));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('h1').textContent()).toContain(lang === 'de' ? 'IDS-Prüfbericht' : 'IDS check report');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(violations).toEqual([]);
    if (lang === 'de') {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, 'ids-report.png'), fullPage: true });
    }
    await context.close();
  }, 60_000);
});
