import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../../test/backends.js';
import { FormClient, startTestApp, type TestApp } from '../../../test/harness.js';
import * as catalogue from './catalogue.js';
import * as consultation from './consultation.js';
import { loadTables, type LoadedTables } from './tables.js';
import * as votes from './votes.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Proper names: the body's German name also appears in English pages' data (publisher, citation). */
const names: Readonly<Record<string, readonly string[]>> = { 'i18n.ts': ['appName'] };

/** German runs of table texts (between placeholders) long enough not to occur in English by chance. */
function germanOnly(tables: readonly LoadedTables[]): string[] {
  const runs = new Set<string>();
  for (const { name, de, en } of tables) {
    for (const [key, german] of Object.entries(de)) {
      if (german === en[key] || names[name]?.includes(key)) continue;
      for (const run of german.split(/\{\w+\}/)) if (run.trim().length >= 16 && !(en[key] ?? '').includes(run)) runs.add(escape(run.trim()));
    }
  }
  return [...runs];
}

describe('pages in English (?lang=en)', () => {
  let app: TestApp;
  let runs: string[];
  beforeAll(async () => {
    app = await startTestApp(sqliteBackend(), { seed: true });
    runs = germanOnly(await loadTables());
  }, 60_000);
  afterAll(() => app?.close());

  const pages = ['/', '/empfehlungen', '/empfehlungen/gebaeudedaten-2027', '/empfehlungen/gebaeudedaten-2027/konsultation', '/abstimmungen', '/arbeitskreis', '/pilotvorhaben', '/gebaeudedaten', '/datenschutz', '/anmelden'];

  it.each(pages)('%s shows the English texts of the tables and no German one', async (path) => {
    const { res, text } = await new FormClient(app.url).page(`${path}?lang=en`);
    expect(res.status).toBe(200);
    expect(text).toContain('<html lang="en">');
    expect(runs.filter((run) => text.includes(run))).toEqual([]);
  });

  const signedIn = ['/konto', '/verwaltung', '/verwaltung/konten', '/verwaltung/protokoll', '/verwaltung/konsultationen', '/verwaltung/empfehlungen', '/verwaltung/empfehlungen/neu', '/verwaltung/sitzungen', '/verwaltung/gremium', '/verwaltung/pilotvorhaben/neu', '/verwaltung/gemeinschaftsvorhaben/neu', '/abstimmungen/neu', '/kostenteilung', '/einbetten'];

  it('shows the secretariat\'s and the administrator\'s pages without a German table text', async () => {
    const client = new FormClient(app.url);
    await client.login('admin');
    for (const path of signedIn) {
      const { res, text } = await client.page(`${path}?lang=en`);
      expect(res.status, path).toBe(200);
      expect(runs.filter((run) => text.includes(run)), path).toEqual([]);
    }
  });

  it('shows chosen keys in English and never their German text', async () => {
    const client = new FormClient(app.url);
    const list = (await client.page('/empfehlungen?lang=en')).text;
    expect(list).toContain(catalogue.en.filter);
    expect(list).not.toContain(`>${catalogue.de.filter}<`);
    const form = (await client.page('/empfehlungen/gebaeudedaten-2027/konsultation?lang=en')).text;
    expect(form).toContain(escape(consultation.en.levelNotStated));
    expect(form).not.toContain(escape(consultation.de.levelNotStated));
    const privacy = (await client.page('/datenschutz?lang=en')).text;
    expect(privacy).toContain(escape(consultation.en.privacyRights));
    expect(privacy).not.toContain(escape(consultation.de.privacyRights));
    const list2 = (await client.page('/abstimmungen?lang=en')).text;
    expect(list2).toContain(`>${votes.en.decision}<`);
    expect(list2).not.toContain(`>${votes.de.decision}<`);
  });

  it('shows the same keys in German without ?lang', async () => {
    const client = new FormClient(app.url);
    expect((await client.page('/datenschutz')).text).toContain(escape(consultation.de.privacyRights));
    expect((await client.page('/abstimmungen')).text).toContain(`>${votes.de.decision}<`);
  });
});
