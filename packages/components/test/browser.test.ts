// The elements in Debian's Chromium: every demo page served over HTTP against a registry built
// from the publication contract, axe (WCAG 2.1 A/AA) in German and English, 400 % zoom, keyboard-only
// use of the consultation form, loading and error states, and no request to any other host.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium as requireChromium } from '@foederal/test-utils';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleText } from '../scripts/bundle.mjs';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { exampleCatalogue } from '@foederal/recommendations/examples';
import { startRegistryServer, type RegistryServer } from './registry-server.js';

const chrome = requireChromium();

/** What each demo page shows once its data has loaded, per language. */
const pages = {
  'recommendation-list': { de: '3 Empfehlungen gefunden.', en: '3 recommendations found.' },
  recommendation: { de: 'Herausgegeben1. April 2026', en: 'IssuedApril 1, 2026' },
  'consultation-form': { de: 'Beitrag absenden', en: 'Send contribution' },
  contributions: { de: '3 veröffentlichte Beiträge.', en: '3 published contributions.' },
  roster: {
    de: 'Stimmberechtigte Sitze: Bund 1, Länder 3, Kommunen 2.',
    en: 'Voting seats: Federal 1, States 3, Municipalities 2.',
  },
  'vote-result': { de: 'Angenommen', en: 'Adopted' },
} as const;

type PageName = keyof typeof pages;

describe.skipIf(!chrome.available)('elements in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let registry: RegistryServer;
  let demo: DemoServer;
  const foreign: string[] = [];
  const allowed = new Set<string>();

  beforeAll(async () => {
    const bundle = await bundleText();
    registry = await startRegistryServer();
    demo = await startDemoServer(bundle);
    allowed.add(demo.url).add(registry.url);
    browser = await chromium.launch({
      executablePath: chrome.executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    context.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (!allowed.has(origin)) foreign.push(request.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.close();
    await registry?.close();
  });

  async function open(name: PageName | 'index', lang: 'de' | 'en', extra = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.url}/${name}.html?lang=${lang}&api=${encodeURIComponent(registry.url)}${extra}`);
    return page;
  }

  /** Text of an element's shadow root (visible and hidden), whitespace collapsed. */
  function shadowText(page: Page, tag: string): Promise<string> {
    return page.evaluate((t) => {
      const root = document.querySelector(t)?.shadowRoot;
      return (root?.textContent ?? '').replace(/\s+/g, ' ');
    }, tag);
  }

  async function waitForText(page: Page, tag: string, text: string): Promise<void> {
    await page.waitForFunction(
      ([t, x]) => (document.querySelector(t!)?.shadowRoot?.textContent ?? '').replace(/\s+/g, '').includes(x!.replace(/\s+/g, '')),
      [tag, text],
      { timeout: 10_000 },
    );
  }

  /** Id of the focused element, looking into shadow roots. */
  function focusedId(page: Page): Promise<string> {
    return page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id ?? '';
    });
  }

  for (const name of Object.keys(pages) as PageName[]) {
    for (const lang of ['de', 'en'] as const) {
      it(`${name} (${lang}): renders its data and axe finds no WCAG 2.1 A/AA violation`, async () => {
        const page = await open(name, lang);
        await waitForText(page, `foederal-${name}`, pages[name][lang]);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
        // axe looked inside the element's shadow root (targets there are selector paths).
        expect(results.passes.flatMap((p) => p.nodes).some((n) => Array.isArray(n.target[0]))).toBe(true);
        await page.close();
      });
    }
  }

  it('renders the example catalogue of @foederal/recommendations without axe violations', async () => {
    const example = await startRegistryServer(exampleCatalogue);
    allowed.add(example.url);
    try {
      const page = await context.newPage();
      const api = encodeURIComponent(example.url);
      const checks: [string, string, string][] = [
        ['recommendation-list', '', '7 recommendations found.'],
        ['recommendation', '&id=fernwirken-2025', 'Withdrawn'],
        ['contributions', `&consultation=${exampleCatalogue.consultations[0]!.id}`, '7 published contributions.'],
      ];
      for (const [name, extra, text] of checks) {
        await page.goto(`${demo.url}/${name}.html?lang=en&api=${api}${extra}`);
        await waitForText(page, `foederal-${name}`, text);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      await page.close();
    } finally {
      await example.close();
    }
  });

  it('reflows at 400 % zoom (320 CSS pixels wide) without horizontal scrolling', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 256 });
    for (const name of Object.keys(pages) as PageName[]) {
      await page.goto(`${demo.url}/${name}.html?lang=de&api=${encodeURIComponent(registry.url)}`);
      await waitForText(page, `foederal-${name}`, pages[name].de);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('can be themed through KERN custom properties and ::part', async () => {
    const page = await open('recommendation-list', 'de');
    await waitForText(page, 'foederal-recommendation-list', pages['recommendation-list'].de);
    await page.addStyleTag({
      content: `:root { --kern-color-action-default: rgb(1, 2, 3); }
        foederal-recommendation-list::part(item) { border-radius: 0px; border-color: rgb(200, 0, 0); }`,
    });
    const button = await page.locator('foederal-recommendation-list form button').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(button).toBe('rgb(1, 2, 3)');
    const item = await page.locator('foederal-recommendation-list li.card').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.borderTopLeftRadius, style.borderTopColor];
    });
    expect(item).toEqual(['0px', 'rgb(200, 0, 0)']);
    await page.close();
  });

  it('keeps chart bars and control borders visible in forced-colours mode', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${demo.url}/roster.html?lang=de&api=${encodeURIComponent(registry.url)}`);
    await waitForText(page, 'foederal-roster', pages.roster.de);
    const bar = await page.locator('foederal-roster .bar .fill').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return { adjust: style.forcedColorAdjust, background: style.backgroundColor, width: el.getBoundingClientRect().width };
    });
    expect(bar.adjust).toBe('none');
    expect(bar.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(bar.width).toBeGreaterThan(10);
    await page.goto(`${demo.url}/consultation-form.html?lang=de&api=${encodeURIComponent(registry.url)}`);
    await waitForText(page, 'foederal-consultation-form', pages['consultation-form'].de);
    const border = await page.locator('foederal-consultation-form #submit').evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(border).toBe('solid');
    await page.close();
  });

  it('follows a change of the page language at once', async () => {
    const page = await open('vote-result', 'en');
    await waitForText(page, 'foederal-vote-result', 'Adopted');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
    await waitForText(page, 'foederal-vote-result', 'Angenommen');
    expect(await page.evaluate(() => document.querySelector('foederal-vote-result')!.shadowRoot!.querySelector('section')!.lang)).toBe('de');
    await page.close();
  });

  it('takes the language from the nearest ancestor with a lang attribute', async () => {
    const page = await open('vote-result', 'de');
    const tag = 'foederal-vote-result';
    await waitForText(page, tag, 'Angenommen');
    const sectionLang = () => page.evaluate(() => document.querySelector('foederal-vote-result')!.shadowRoot!.querySelector('section')!.lang);
    // An English passage inside a German page: the element follows its parent, not the document.
    await page.evaluate(() => document.querySelector('main')!.setAttribute('lang', 'en'));
    await waitForText(page, tag, 'Adopted');
    expect(await sectionLang()).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // Its own lang attribute wins over the ancestor's.
    await page.evaluate(() => document.querySelector('foederal-vote-result')!.setAttribute('lang', 'de'));
    await waitForText(page, tag, 'Angenommen');
    expect(await sectionLang()).toBe('de');
    await page.evaluate(() => {
      document.querySelector('foederal-vote-result')!.removeAttribute('lang');
      document.querySelector('main')!.removeAttribute('lang');
    });
    await waitForText(page, tag, 'Angenommen');
    expect(await sectionLang()).toBe('de');
    await page.close();
  });

  it('recommendation list: search, status filter and paging against the registry', async () => {
    const page = await open('recommendation-list', 'de');
    const list = 'foederal-recommendation-list';
    await waitForText(page, list, 'Seite 1 von 2');
    await page.locator(`${list} #q`).fill('gebäudedaten');
    await page.locator(`${list} #q`).press('Enter');
    await waitForText(page, list, '1 Empfehlung gefunden.');
    expect(await shadowText(page, list)).toContain('Gebäudedaten 2027');
    expect(registry.requests).toContain('GET /api/v1/recommendations?q=geb%C3%A4udedaten');
    await page.locator(`${list} #q`).fill('');
    await page.locator(`${list} #status`).selectOption('superseded');
    await page.locator(`${list} button[type=submit]`).click();
    await waitForText(page, list, 'Wartung 2018');
    expect(await shadowText(page, list)).not.toContain('Wartung 2026');
    await page.locator(`${list} #status`).selectOption('');
    await page.locator(`${list} button[type=submit]`).click();
    await waitForText(page, list, 'Seite 1 von 2');
    await page.locator(`${list} nav button`, { hasText: 'Nächste Seite' }).click();
    await waitForText(page, list, 'Seite 2 von 2');
    expect(await shadowText(page, list)).toContain('Gebäudedaten 2027');
    expect(await focusedId(page)).toBe('results');
    await page.close();
  });

  it('recommendation list works by keyboard alone: search, clear, next and previous page', async () => {
    const page = await open('recommendation-list', 'de');
    const list = 'foederal-recommendation-list';
    await waitForText(page, list, 'Seite 1 von 2');
    /** Text of the focused element, looking into shadow roots. */
    const focusedText = () =>
      page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return (active?.textContent ?? '').trim();
      });
    const tabTo = async (found: () => Promise<boolean>) => {
      for (let i = 0; i < 25 && !(await found()); i++) await page.keyboard.press('Tab');
      expect(await found()).toBe(true);
    };
    await tabTo(async () => (await focusedId(page)) === 'q');
    await page.keyboard.type('gebäudedaten');
    await page.keyboard.press('Enter');
    await waitForText(page, list, '1 Empfehlung gefunden.');
    expect(await shadowText(page, list)).toContain('Gebäudedaten 2027');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await waitForText(page, list, 'Seite 1 von 2');
    await tabTo(async () => (await focusedText()) === 'Nächste Seite');
    expect(await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? getComputedStyle(active).outlineStyle : '';
    })).toBe('solid');
    await page.keyboard.press('Enter');
    await waitForText(page, list, 'Seite 2 von 2');
    expect(await focusedId(page)).toBe('results');
    await tabTo(async () => (await focusedText()) === 'Vorherige Seite');
    await page.keyboard.press('Enter');
    await waitForText(page, list, 'Seite 1 von 2');
    expect(await focusedId(page)).toBe('results');
    await page.close();
  });

  it('contributions: shows each disposition with its reason and filters by disposition', async () => {
    const page = await open('contributions', 'de');
    const tag = 'foederal-contributions';
    await waitForText(page, tag, pages.contributions.de);
    const compact = async () => (await shadowText(page, tag)).replace(/\s+/g, '');
    expect(await compact()).toContain('Abwägung:Berücksichtigt');
    expect(await compact()).toContain('Begründung:AufgenommeninAbschnitt3.2.');
    expect(await compact()).toContain('Abwägung:NichtberücksichtigtBegründung:IFCistderoffeneStandard(ISO16739).');
    expect(await page.locator(`${tag} article`).count()).toBe(3);
    await page.locator(`${tag} #filter`).selectOption('rejected');
    await waitForText(page, tag, '1 veröffentlichter Beitrag.');
    expect(await page.locator(`${tag} article`).count()).toBe(1);
    expect(await compact()).toContain('ErikaMustermann');
    expect(await compact()).not.toContain('StadtBeispiel');
    await page.locator(`${tag} #filter`).selectOption('duplicate');
    await waitForText(page, tag, 'Noch keine veröffentlichten Beiträge.');
    expect(await page.locator(`${tag} article`).count()).toBe(0);
    // The filter stays, so the reader can choose another one.
    expect(await page.locator(`${tag} #filter`).count()).toBe(1);
    await page.locator(`${tag} #filter`).selectOption('');
    await waitForText(page, tag, pages.contributions.de);
    expect(await page.locator(`${tag} article`).count()).toBe(3);
    await page.close();
  });

  it('vote result: counts per level in a table with headers, totals and the explanation', async () => {
    const page = await open('vote-result', 'de');
    const tag = 'foederal-vote-result';
    await waitForText(page, tag, pages['vote-result'].de);
    const cells = await page.evaluate(() => {
      const table = document.querySelector('foederal-vote-result')!.shadowRoot!.querySelector('table')!;
      return {
        caption: table.caption?.textContent?.trim(),
        rows: [...table.rows].map((tr) => [...tr.cells].map((c) => `${c.tagName === 'TH' ? c.getAttribute('scope') : 'td'}:${c.textContent!.trim()}`)),
      };
    });
    expect(cells.caption).toBe('Stimmen nach Ebene');
    // Ballots of the fixture: Bund yes; Länder yes, yes, abstain; Kommunen yes, no.
    const row = (name: string) => cells.rows.find((r) => r[0] === `row:${name}`)?.slice(0, 4);
    expect(cells.rows[0]?.slice(0, 4)).toEqual(['col:Ebene', 'col:Ja', 'col:Nein', 'col:Enthaltung']);
    expect(row('Bund')).toEqual(['row:Bund', 'td:1', 'td:0', 'td:0']);
    expect(row('Länder')).toEqual(['row:Länder', 'td:2', 'td:0', 'td:1']);
    expect(row('Kommunen')).toEqual(['row:Kommunen', 'td:1', 'td:1', 'td:0']);
    expect(row('Gesamt')).toEqual(['row:Gesamt', 'td:4', 'td:1', 'td:1']);
    expect(await shadowText(page, tag)).toContain('Beschlussfähig');
    const reasons = page.locator(`${tag} [part=reasons]`);
    expect(await reasons.locator('h1, h2, h3, h4, h5, h6').first().textContent()).toBe('Begründung');
    expect(await reasons.locator('li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('roster: the seat chart is an image named by its text alternative, bars in proportion to the seats', async () => {
    for (const lang of ['de', 'en'] as const) {
      const page = await open('roster', lang);
      await waitForText(page, 'foederal-roster', pages.roster[lang]);
      const chart = page.getByRole('img', { name: pages.roster[lang], exact: true });
      expect(await chart.count()).toBe(1);
      const widths = await page.locator('foederal-roster .bar .fill').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
      // Voting seats of the fixture: Bund 1, Länder 3, Kommunen 2.
      expect(widths).toHaveLength(3);
      expect(widths[0]! / widths[1]!).toBeCloseTo(1 / 3, 2);
      expect(widths[2]! / widths[1]!).toBeCloseTo(2 / 3, 2);
      await page.close();
    }
  });

  it('recommendation: documents are download links named with type and size, and the citation is copied by keyboard', async () => {
    const tag = 'foederal-recommendation';
    const expected = {
      de: ['Wartung 2026 (Hauptdokument) herunterladen (application/pdf, 1,3 MB)', 'Datenanforderungen (IDS) herunterladen (application/xml, 48,2 kB)'],
      en: ['Download Maintenance 2026 (main document) (application/pdf, 1.3 MB)', 'Download Data requirements (IDS) (application/xml, 48.2 kB)'],
    };
    for (const lang of ['de', 'en'] as const) {
      const page = await open('recommendation', lang);
      await waitForText(page, tag, pages.recommendation[lang]);
      const links = page.locator(`${tag} table a[download]`);
      expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(expected[lang]);
      expect(await links.first().getAttribute('href')).toBe('https://registry.example.org/api/v1/recommendations/wartung-2026/attachments/wartung-2026-pdf');
      await page.close();
    }
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url });
    const page = await open('recommendation', 'de');
    await waitForText(page, tag, 'Zitiervorschlag');
    await page.locator(`${tag} button`, { hasText: 'Zitat kopieren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${tag} [role=status]`).first().textContent()).toContain('Zitat in die Zwischenablage kopiert.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Wartung');
    expect((await shadowText(page, tag)).replace(/\s+/g, '')).toContain(copied.replace(/\s+/g, ''));
    await page.close();
  });

  it('announces loading in a live region, without animation when reduced motion is asked for', async () => {
    registry.delay('getRecommendation', 2500);
    try {
      const page = await context.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${demo.url}/recommendation.html?lang=de&api=${encodeURIComponent(registry.url)}`);
      const status = page.locator('foederal-recommendation [role=status]');
      await expect.poll(() => status.textContent()).toContain('Wird geladen');
      expect(await page.locator('foederal-recommendation .loader').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      await waitForText(page, 'foederal-recommendation', pages.recommendation.de);
      await page.close();
    } finally {
      registry.delay('getRecommendation', 0);
    }
  });

  it('lists the versions of a recommendation, and still shows it when only they fail to load', async () => {
    const tag = 'foederal-recommendation';
    const compact = async (page: Page) => (await shadowText(page, tag)).replace(/\s+/g, '');
    const page = await open('recommendation', 'de');
    await waitForText(page, tag, 'Zitiervorschlag');
    expect(await compact(page)).toContain('Version2.0.0Veröffentlicht1.April2026–DieseAusgabe');
    expect(await compact(page)).toContain('Version1.0.0Entwurf15.Januar2026');
    expect(await compact(page)).toContain('Ersetztwartung-2018');
    registry.fail('listRecommendationEditions', 'server-error');
    try {
      await page.reload();
      await waitForText(page, tag, 'Zitiervorschlag');
      expect(await compact(page)).not.toContain('Version1.0.0');
      expect(await compact(page)).toContain('Ersetztwartung-2018');
      expect(await page.locator(`${tag} [role=alert]`).count()).toBe(0);
    } finally {
      registry.clearFaults();
    }
    await page.close();
  });

  it('shows a not-found error with a retry button', async () => {
    const page = await open('recommendation', 'en', '&id=no-such-thing');
    await waitForText(page, 'foederal-recommendation', 'The entry was not found.');
    await expect.poll(() => page.locator('foederal-recommendation [role=alert] button').textContent()).toContain('Try again');
    await page.close();
  });

  it('shows invalid property data as an error with its JSON path, and renders contribution text as text', async () => {
    const page = await open('contributions', 'en');
    const tag = 'foederal-contributions';
    await waitForText(page, tag, pages.contributions.en);
    await page.evaluate(() => {
      const el = document.querySelector('foederal-contributions') as HTMLElement & { contributions: unknown };
      el.contributions = [{ id: 'x', text: 'no object' }];
    });
    await waitForText(page, tag, 'The data passed in is invalid: $.contributions[0]');
    expect(await page.locator(`${tag} [role=alert]`).count()).toBe(1);
    await page.evaluate(() => {
      const el = document.querySelector('foederal-contributions') as HTMLElement & { contributions: unknown };
      el.contributions = [
        {
          id: 'x',
          anchor: { section: '1' },
          text: { de: '<img src=x onerror="window.pwned = 1"><script>window.pwned = 2</script>' },
          author: { kind: 'anonymous' },
          submittedAt: '2026-02-01T09:30:00Z',
          state: 'published',
        },
      ];
    });
    await waitForText(page, tag, '1 published contribution.');
    expect(await shadowText(page, tag)).toContain('<img src=x onerror="window.pwned = 1">');
    expect(await page.locator(`${tag} img, ${tag} blockquote script`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('consultation form with data and a submitter from the page, and a closed consultation', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/consultation-form.html?lang=en`);
    const form = 'foederal-consultation-form';
    await page.evaluate(() => {
      const el = document.querySelector('foederal-consultation-form') as unknown as Record<string, unknown>;
      el['submitter'] = async (id: string, contribution: unknown) => {
        (window as unknown as { sent: unknown }).sent = { id, contribution };
        return { id: 'page-1' };
      };
      el['consultation'] = {
        id: 'own',
        recommendation: 'own-draft',
        draftVersion: '1',
        title: { de: 'Eigene Konsultation' },
        opens: '2020-01-01T00:00:00Z',
        closes: '2099-01-01T00:00:00Z',
        sections: [],
        contributions: [],
      };
    });
    await waitForText(page, form, 'Send contribution');
    expect(await page.locator(`${form} #anchor`).count()).toBe(0);
    await page.locator(`${form} #text`).fill('A contribution without a section.');
    await page.locator(`${form} #author-anonymous`).check();
    await page.locator(`${form} #consent`).check();
    await page.locator(`${form} #submit`).click();
    await waitForText(page, form, 'Reference: page-1.');
    expect(await page.evaluate(() => (window as unknown as { sent: unknown }).sent)).toEqual({
      id: 'own',
      contribution: {
        anchor: { section: 'general' }, text: { de: 'A contribution without a section.' }, author: { kind: 'anonymous' },
        // Without a privacy-url the consent records the consent text the author agreed to.
        consent: { publication: false, privacyNotice: 'I agree that my contribution is published together with its disposition (anonymous contributions without a name).' },
      },
    });
    await page.evaluate(() => {
      const el = document.querySelector('foederal-consultation-form') as unknown as Record<string, unknown>;
      el['consultation'] = { ...(el['consultation'] as object), id: 'closed', closes: '2021-01-01T00:00:00Z' };
    });
    await waitForText(page, form, 'This consultation is not open.');
    expect(await page.locator(`${form} form`).count()).toBe(0);
    await page.close();
  });

  it('consultation form sends once while a submission is under way, fires its event, and starts another contribution empty', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/consultation-form.html?lang=en`);
    const form = 'foederal-consultation-form';
    await page.evaluate(() => {
      const w = window as unknown as { calls: number; events: unknown[] };
      w.calls = 0;
      w.events = [];
      window.addEventListener('foederal-contribution-submitted', (e) => w.events.push((e as CustomEvent).detail));
      const el = document.querySelector('foederal-consultation-form') as unknown as Record<string, unknown>;
      el['submitter'] = async () => {
        w.calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { id: `slow-${w.calls}` };
      };
      el['consultation'] = {
        id: 'own',
        recommendation: 'own-draft',
        draftVersion: '1',
        title: { de: 'Eigene Konsultation' },
        opens: '2020-01-01T00:00:00Z',
        closes: '2099-01-01T00:00:00Z',
        sections: [],
        contributions: [],
      };
    });
    await waitForText(page, form, 'Send contribution');
    await page.locator(`${form} #text`).fill('Sent once only.');
    await page.locator(`${form} #author-anonymous`).check();
    await page.locator(`${form} #consent`).check();
    await page.locator(`${form} #submit`).click();
    // While sending, the button says so and is marked disabled; pressing it again sends nothing.
    await expect.poll(() => page.locator(`${form} #submit`).getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator(`${form} [role=status]`).first().textContent()).toContain('Sending');
    // (force: Playwright would wait for a button marked aria-disabled to become enabled.)
    await page.locator(`${form} #submit`).click({ force: true });
    await page.locator(`${form} #submit`).press('Enter');
    await waitForText(page, form, 'Reference: slow-1.');
    expect(await page.evaluate(() => (window as unknown as { calls: number }).calls)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { events: unknown[] }).events)).toEqual([{ id: 'slow-1', consultationId: 'own' }]);
    expect(await focusedId(page)).toBe('thanks');
    // Another contribution: an empty form, the focus in the text field.
    await page.locator(`${form} button`, { hasText: 'Write another contribution' }).click();
    await expect.poll(() => focusedId(page)).toBe('text');
    expect(await page.locator(`${form} #text`).inputValue()).toBe('');
    expect(await page.locator(`${form} #consent`).isChecked()).toBe(false);
    await page.close();
  });

  it('consultation form shows the reason when the registry refuses a contribution, and keeps the input', async () => {
    const page = await open('consultation-form', 'de');
    const form = 'foederal-consultation-form';
    await waitForText(page, form, 'Beitrag absenden');
    await page.locator(`${form} #anchor`).selectOption('1');
    await page.locator(`${form} #text`).fill('Ein Beitrag, den die Registry ablehnt.');
    await page.locator(`${form} #author-anonymous`).check();
    await page.locator(`${form} #consent`).check();
    const before = registry.submissions.length;
    registry.fail('submitContribution', 'conflict');
    try {
      await page.locator(`${form} #submit`).click();
      await expect.poll(() => focusedId(page)).toBe('send-error');
      expect(await page.locator(`${form} #send-error`).getAttribute('role')).toBe('alert');
      expect((await page.locator(`${form} #send-error`).textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        'Der Server hat den Beitrag abgelehnt: Die Konsultation wurde soeben geschlossen.',
      );
    } finally {
      registry.clearFaults();
    }
    expect(await page.locator(`${form} #text`).inputValue()).toBe('Ein Beitrag, den die Registry ablehnt.');
    expect(await page.locator(`${form} #consent`).isChecked()).toBe(true);
    expect(registry.submissions).toHaveLength(before);
    await page.close();
  });

  it('consultation form works by keyboard alone: validation, error summary, kept input on a network error, confirmation', async () => {
    const page = await open('consultation-form', 'de');
    const form = 'foederal-consultation-form';
    await waitForText(page, form, 'Beitrag absenden');
    // Tab from the page start to the submit button, the focus ring visible on the way.
    for (let i = 0; i < 12 && (await focusedId(page)) !== 'submit'; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('submit');
    expect(await page.locator(`${form} #submit`).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    // Empty form: the error summary takes focus and lists every problem in field order.
    await expect.poll(() => focusedId(page)).toBe('summary');
    expect(await page.locator(`${form} #summary-title`).textContent()).toBe('Bitte korrigieren Sie 4 Angaben:');
    const summary = await page.locator(`${form} #summary li`).allTextContents();
    expect(summary.map((s) => s.trim())).toEqual([
      'Bitte wählen Sie den Abschnitt, auf den sich Ihr Beitrag bezieht.',
      'Bitte geben Sie Ihren Beitrag ein.',
      'Bitte geben Sie einen Namen an.',
      'Bitte stimmen Sie der Veröffentlichung zu.',
    ]);
    expect(await page.locator(`${form} #text`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`${form} #text`).getAttribute('aria-describedby')).toBe('text-hint text-error');
    // The first link of the summary leads to its field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('anchor');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('text');
    await page.keyboard.type('Bitte den Abschnitt zum Geltungsbereich um Mietobjekte ergänzen.');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('author-person');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('name');
    await page.keyboard.type('Erika Beispiel');
    // Optional: organisation, level and jurisdiction, contact e-mail, publication of the name.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('organisation');
    await page.keyboard.type('Stadt Musterhausen');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('level');
    await page.locator(`${form} #level`).selectOption('municipality');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('jurisdictionName');
    await page.keyboard.type('Musterhausen');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('email');
    await page.keyboard.type('erika@musterhausen.example');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('publishName');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('submit');
    // The connection breaks: the message takes focus, every input stays.
    registry.fail('submitContribution', 'reset');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('send-error');
    expect(await page.locator(`${form} #send-error`).textContent()).toContain('Ihre Eingaben sind erhalten');
    expect(await page.locator(`${form} #anchor`).inputValue()).toBe('1');
    expect(await page.locator(`${form} #text`).inputValue()).toBe('Bitte den Abschnitt zum Geltungsbereich um Mietobjekte ergänzen.');
    expect(await page.locator(`${form} #name`).inputValue()).toBe('Erika Beispiel');
    expect(await page.locator(`${form} #consent`).isChecked()).toBe(true);
    expect(registry.submissions).toHaveLength(0);
    registry.clearFaults();
    // Send again: the confirmation takes focus and the registry got exactly what was typed.
    for (let i = 0; i < 12 && (await focusedId(page)) !== 'submit'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('thanks');
    expect(await shadowText(page, form)).toContain('Aktenzeichen: b-4.');
    expect(registry.submissions).toHaveLength(1);
    expect(registry.submissions[0]).toMatchObject({
      anchor: { section: '1' },
      text: { de: 'Bitte den Abschnitt zum Geltungsbereich um Mietobjekte ergänzen.' },
      author: { kind: 'person', name: 'Erika Beispiel', organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', name: 'Musterhausen' } },
      contact: { email: 'erika@musterhausen.example' },
      consent: { publication: false },
      state: 'submitted',
    });
    await page.close();
  });

  it('sent no request to any host but the page and the registry', () => {
    expect(foreign).toEqual([]);
  });
});
