import { buildExampleCatalogue } from '@foederal/recommendations/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { defaultPageSize } from '../domain/paging.js';
import { createRecommendation } from '../domain/recommendations.js';
import { importDecision } from '../domain/votes.js';

// More than one page of votes and recommendations on a real database (a SQLite file and
// PostgreSQL): the list pages show numbered pages with German-first pager links (ADR 0170).

const count = defaultPageSize + 5;
const two = (n: number) => String(n).padStart(2, '0');
const rowsOf = (html: string, prefix: string) => [...html.matchAll(new RegExp(`href="${prefix}([^"?]+)"`, 'g'))].map((m) => m[1]);

for (const factory of backends) {
  describe.skipIf(!factory.available)(`paged list pages on ${factory.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(factory, { users: false });
      const catalogue = buildExampleCatalogue({ baseUrl: t.url });
      const model = catalogue.recommendations.find((r) => r.decision && r.status.state === 'published');
      if (!model?.decision) throw new Error('the example catalogue has no published recommendation with a decision');
      const { supersedes: _supersedes, ...rest } = model;
      const decision = model.decision;
      for (let n = 1; n <= count; n++) {
        await importDecision(t.server.ctx.repo, { ...decision, id: `2030/${two(n)}`, date: `2030-01-${two(n)}` }, { de: `Beschluss ${n}`, en: `Decision ${n}` });
        await createRecommendation(t.server.ctx.repo, { ...rest, id: `seitentest-${two(n)}`, number: String(900 + n), shortTitle: { de: `Seitentest ${n}`, en: `Paging test ${n}` }, decision: { ...decision, id: `2030/${two(n)}` } });
      }
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('shows the newest votes on page 1 and the rest on page 2, with links both ways', async () => {
      const first = await (await fetch(`${t.url}/abstimmungen`)).text();
      expect(rowsOf(first, '/abstimmungen/2030-')).toHaveLength(defaultPageSize);
      expect(first).toContain('href="/abstimmungen/2030-25"');
      expect(first).toContain('Seite 1 von 2');
      expect(first).toMatch(/rel="next" href="\/abstimmungen\?seite=2">Nächste Seite</);

      const res = await fetch(`${t.url}/abstimmungen?seite=2`);
      expect(res.status).toBe(200);
      const second = await res.text();
      expect(rowsOf(second, '/abstimmungen/2030-')).toEqual(['05', '04', '03', '02', '01']);
      expect(second).toContain('Seite 2 von 2');
      expect(second).toMatch(/rel="prev" href="\/abstimmungen">Vorherige Seite</);
      expect(second).not.toContain('rel="next"');
    });

    it('answers the last page for a page number beyond it, and labels the pager in English on request', async () => {
      const beyond = await (await fetch(`${t.url}/abstimmungen?seite=99`)).text();
      expect(rowsOf(beyond, '/abstimmungen/2030-')).toHaveLength(count - defaultPageSize);
      const english = await (await fetch(`${t.url}/abstimmungen?seite=2&lang=en`)).text();
      expect(english).toContain('Page 2 of 2');
      expect(english).toContain('Previous page');
    });

    it('pages the catalogue by number and keeps the search in the pager links', async () => {
      const first = await (await fetch(`${t.url}/empfehlungen?q=seitentest`)).text();
      expect(rowsOf(first, '/empfehlungen/seitentest-')).toHaveLength(defaultPageSize);
      expect(first).toContain(`${count} Empfehlungen`);
      expect(first).toMatch(/rel="next" href="\/empfehlungen\?q=seitentest&amp;seite=2"/);
      const second = await (await fetch(`${t.url}/empfehlungen?q=seitentest&seite=2`)).text();
      expect(rowsOf(second, '/empfehlungen/seitentest-')).toEqual(['21', '22', '23', '24', '25']);
      expect(second).toContain('Seite 2 von 2');
    });
  });
}
