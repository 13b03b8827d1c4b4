import { buildExampleCatalogue } from '@foederal/recommendations/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { createConsultation } from '../domain/consultations.js';
import { defaultPageSize } from '../domain/paging.js';
import { createRecommendation } from '../domain/recommendations.js';
import { importDecision } from '../domain/votes.js';

// More than one page of votes and recommendations on a real database (a SQLite file and
// PostgreSQL): the list pages show numbered pages with German-first pager links (ADR 0170).

const count = defaultPageSize + 5;
const contributionCount = 2 * defaultPageSize + 5;
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
      // A consultation with more published contributions and dispositions than fit on a page:
      // contribution n (1..45) in section 1 or 2 by parity; every third one answered and published.
      await createConsultation(t.server.ctx.repo, {
        id: 'konsultation-seitentest', recommendation: 'seitentest-01', draftVersion: '0.9.0',
        title: { de: 'Konsultation Seitentest', en: 'Consultation paging test' },
        opens: '2030-01-01T00:00:00Z', closes: '2030-02-01T00:00:00Z',
        sections: [{ anchor: '1', title: { de: 'Eins' } }, { anchor: '2', title: { de: 'Zwei' } }],
        contributions: Array.from({ length: contributionCount }, (_, i) => {
          const n = i + 1;
          const answered = n % 3 === 0;
          return {
            id: `beitrag-${two(n)}`, anchor: { section: String((n % 2) + 1) }, text: { de: `Stellungnahme ${two(n)}` },
            author: { kind: 'anonymous' }, submittedAt: `2030-01-02T10:${two(n)}:00Z`,
            state: answered ? 'accepted' : 'published',
            ...(answered ? { disposition: { reason: { de: `Begründung ${two(n)}` }, answeredAt: '2030-02-10T10:00:00Z', publishedAt: '2030-02-11T10:00:00Z' } } : {}),
          };
        }),
      });
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

    it('pages the published contributions and the synopsis of a consultation, each with its own parameter and label', async () => {
      const path = '/empfehlungen/seitentest-01/konsultation';
      const statements = (html: string) => [...html.matchAll(/Stellungnahme (\d\d)/g)].map((m) => m[1]);
      const reasons = (html: string) => [...html.matchAll(/Begründung (\d\d)/g)].map((m) => m[1]);
      const first = await (await fetch(`${t.url}${path}`)).text();
      expect(first).toContain(`Veröffentlichte Beiträge (${contributionCount})`);
      // The list: contributions 01-20 in submission order; the synopsis: its first 20 rows, section 1
      // (even numbers) before section 2, each with its number in the whole table.
      const listPart = first.slice(0, first.indexOf('id="abwaegung"'));
      const synopsisPart = first.slice(first.indexOf('id="abwaegung"'));
      expect(statements(listPart)).toEqual(Array.from({ length: defaultPageSize }, (_, i) => two(i + 1)));
      const evens = Array.from({ length: 22 }, (_, i) => two(2 * (i + 1)));
      expect(statements(synopsisPart)).toEqual(evens.slice(0, defaultPageSize));
      expect(reasons(synopsisPart)).toEqual(['06', '12', '18', '24', '30', '36']);
      expect(listPart).toMatch(/<nav aria-label="Seiten: Veröffentlichte Beiträge" class="pager">/);
      expect(listPart).toMatch(new RegExp(`rel="next" href="${path}\\?seite=2"`));
      expect(synopsisPart).toMatch(/<nav aria-label="Seiten: Abwägung" class="pager">/);
      expect(synopsisPart).toMatch(new RegExp(`rel="next" href="${path}\\?abwaegung=2"`));
      expect(synopsisPart).toContain('Seite 1 von 3');

      // Both pages at once: the last page of each, the other list's parameter kept in the links.
      const last = await (await fetch(`${t.url}${path}?seite=3&abwaegung=3`)).text();
      const lastList = last.slice(0, last.indexOf('id="abwaegung"'));
      const lastSynopsis = last.slice(last.indexOf('id="abwaegung"'));
      expect(statements(lastList)).toEqual(['41', '42', '43', '44', '45']);
      expect(lastList).toMatch(new RegExp(`rel="prev" href="${path}\\?abwaegung=3&amp;seite=2"`));
      const odds = Array.from({ length: 23 }, (_, i) => two(2 * i + 1));
      expect(statements(lastSynopsis)).toEqual(odds.slice(2 * defaultPageSize - 22));
      expect(lastSynopsis).toMatch(/<td class="">4[1-5]<\/td>/);
      expect(lastSynopsis).not.toContain('rel="next"');

      // Nonsense page numbers answer the first or the last page.
      const odd = await (await fetch(`${t.url}${path}?seite=abc&abwaegung=999`)).text();
      expect(statements(odd.slice(0, odd.indexOf('id="abwaegung"')))[0]).toBe('01');
      expect(odd.slice(odd.indexOf('id="abwaegung"'))).toContain('Seite 3 von 3');
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
