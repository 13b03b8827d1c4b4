import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import type { Repository } from '../db/repository.js';
import { AppError } from '../errors.js';
import { createConsultation, getContribution, listContributions, submitContribution, type Submission } from './consultations.js';
import { consultationWithAll, disposeContributions, eraseContribution, queryContributions, synopsisCsvExport } from './contribution-desk.js';
import { synopsisDocx } from './synopsis-docx.js';

const opens = new Date('2027-02-01T08:00:00Z');
const who = { now: () => new Date('2027-03-20T10:00:00Z'), user: { id: 'u-gs', username: 'geschaeftsstelle' } };

/**
 * Contribution i: sections 1, 2, 3 for three contributions each in turn (section 1: i = 0-2, 9-11,
 * 18-20, 27-29; section 2: 3-5, 12-14, 21-23; section 3: 6-8, 15-17, 24-26); i % 3 = 0 anonymous,
 * 1 a person of a municipality (consenting to publication except i = 1), 2 an organisation of a Land.
 */
function submission(i: number): Submission {
  const section = String((Math.floor(i / 3) % 3) + 1);
  const text = { de: `Beitrag Nummer ${i}${i === 7 ? ' zur Wärmepumpe' : ''}` };
  if (i % 3 === 0) return { anchor: { section }, text, author: { kind: 'anonymous' } };
  if (i % 3 === 1) {
    return {
      anchor: { section }, text,
      author: { kind: 'person', name: `Person ${i}`, organisation: 'Stadt Musterhausen', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } },
      contact: { email: `person${i}@musterhausen.example` },
      consent: { publication: i !== 1, privacyNotice: 'datenschutz-2026-12' },
    };
  }
  return { anchor: { section }, text, author: { kind: 'organisation', name: `Land ${i}`, jurisdiction: { level: 'state', key: '02', name: 'Hamburg' } } };
}

for (const factory of backends) {
  describe.skipIf(!factory.available)(`contribution desk on ${factory.name}`, () => {
    let repo: Repository;
    const ids: string[] = [];
    freshRepository(factory, (opened) => (repo = opened));
    beforeAll(async () => {
      await createConsultation(repo, {
        id: 'k1', recommendation: 'r1', draftVersion: '0.9.0', title: { de: 'Konsultation Gebäudedaten', en: 'Consultation building data' },
        opens: opens.toISOString(), closes: '2027-03-15T08:00:00Z',
        sections: [{ anchor: '1', title: { de: 'Eins' } }, { anchor: '2', title: { de: 'Zwei' } }, { anchor: '3', title: { de: 'Drei' } }],
        contributions: [],
      });
      for (let i = 0; i < 30; i++) {
        const { doc } = await submitContribution(repo, 'k1', submission(i), new Date(opens.getTime() + i * 60_000));
        ids.push(doc.data.id);
      }
    }, 60_000);

    it('pages, filters and sorts in the database', async () => {
      const first = await queryContributions(repo, 'k1', { pageSize: 12 });
      expect([first.total, first.pages, first.page, first.items.length]).toEqual([30, 3, 1, 12]);
      expect(first.items[0]?.data.text.de).toBe('Beitrag Nummer 29');
      const last = await queryContributions(repo, 'k1', { pageSize: 12, page: 9, sort: 'oldest' });
      expect([last.page, last.items.length, last.items[0]?.data.text.de]).toEqual([3, 6, 'Beitrag Nummer 24']);
      const section2 = await queryContributions(repo, 'k1', { section: '2', pageSize: 100 });
      expect(section2.total).toBe(9);
      expect(section2.items.every((d) => d.data.anchor.section === '2')).toBe(true);
      expect((await queryContributions(repo, 'k1', { submitter: 'anonymous' })).total).toBe(10);
      expect((await queryContributions(repo, 'k1', { level: 'state', section: '3', sort: 'oldest' })).items.map((d) => d.data.text.de)).toEqual(
        ['Beitrag Nummer 8', 'Beitrag Nummer 17', 'Beitrag Nummer 26'],
      );
      expect((await queryContributions(repo, 'k1', { submitter: 'person', section: '1', state: 'submitted' })).total).toBe(4);
      expect((await queryContributions(repo, 'k1', { q: 'WÄRMEPUMPE' })).items.map((d) => d.data.text.de)).toEqual(['Beitrag Nummer 7 zur Wärmepumpe']);
      const bySection = (await queryContributions(repo, 'k1', { sort: 'section', pageSize: 30 })).items.map((d) => d.data.anchor.section);
      expect(bySection).toEqual([...Array(12).fill('1'), ...Array(9).fill('2'), ...Array(9).fill('3')]);
    });

    it('disposes ten at once in one transaction, audited, and refuses the whole batch when one changed', async () => {
      const page = await queryContributions(repo, 'k1', { section: '1', pageSize: 10, sort: 'oldest' });
      const targets = page.items.map((d) => ({ id: d.data.id, version: d.version }));
      expect(page.items.map((d) => d.data.text.de)).toEqual([0, 1, 2, 9, 10, 11, 18, 19, 20, 27].map((i) => `Beitrag Nummer ${i}`));
      const stale = [...targets.slice(0, 9), { id: targets[9]!.id, version: 7 }];
      const refused = await disposeContributions(repo, 'k1', stale, { state: 'rejected', reason: { de: 'Nicht Gegenstand' } }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(refused) && refused.code).toBe('precondition-failed');
      expect((await queryContributions(repo, 'k1', { state: 'rejected' })).total).toBe(0);
      const missingReason = await disposeContributions(repo, 'k1', targets, { state: 'accepted' }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(missingReason) && missingReason.code).toBe('validation');
      const done = await disposeContributions(repo, 'k1', targets, { state: 'partially-accepted', reason: { de: 'Teilweise in 1 aufgenommen', en: 'Partly taken into 1' }, publish: true }, who);
      expect(done.map((d) => [d.version, d.data.state, d.data.disposition?.publishedAt])).toEqual(Array(10).fill([2, 'partially-accepted', '2027-03-20T10:00:00.000Z']));
      expect((await queryContributions(repo, 'k1', { state: 'partially-accepted' })).total).toBe(10);
      const log = await repo.audit.list({ subject: `contributions/k1/${targets[0]!.id}` });
      expect(log.map((e) => [e.action, e.actor_name, e.before_version, e.after_version])).toEqual([['contribution.dispose', 'geschaeftsstelle', 1, 2]]);
    });

    it('never shows the contact or unconsented names to the public, and erases personal data on request', async () => {
      const person1 = ids[1]!; // a person who did not consent to publication, disposed above (version 2)
      await disposeContributions(repo, 'k1', [{ id: person1, version: 2 }], { state: 'accepted', reason: { de: 'Aufgenommen' }, publish: true }, who);
      const publicView = (await getContribution(repo, 'k1', person1, 'public')).data;
      expect(publicView.contact).toBeUndefined();
      expect(publicView.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } });
      expect((await getContribution(repo, 'k1', person1, 'secretariat')).data.contact).toEqual({ email: 'person1@musterhausen.example' });
      const listed = await listContributions(repo, 'k1', 'public', { state: 'partially-accepted' });
      expect(listed.every((d) => d.data.contact === undefined)).toBe(true);
      expect(listed.some((d) => d.data.author.kind === 'person')).toBe(true);

      const erased = await eraseContribution(repo, 'k1', person1, 3, who);
      expect(erased.data.author).toEqual({ kind: 'anonymous', jurisdiction: { level: 'municipality', key: '01054015', name: 'Musterhausen' } });
      expect(erased.data.contact).toBeUndefined();
      expect(erased.data.disposition?.reason.de).toBe('Aufgenommen');
      expect(erased.data.erasedAt).toBe('2027-03-20T10:00:00.000Z');
      const log = await repo.audit.list({ subject: `contributions/k1/${person1}` });
      expect(log.map((e) => [e.action, e.before_version, e.after_version]).sort()).toEqual([
        ['contribution.dispose', 1, 2], ['contribution.dispose', 2, 3], ['contribution.erase-personal-data', 3, 4],
      ]);
      // The log keeps no personal data of contributions: only state and disposition.
      expect(JSON.stringify(log)).not.toMatch(/Person 1|musterhausen\.example/);
    });

    it('exports the synopsis as CSV and as a Word document that reads back', async () => {
      const consultation = await consultationWithAll(repo, 'k1');
      expect(consultation.contributions).toHaveLength(30);
      const csv = synopsisCsvExport(consultation, { audience: 'internal', language: 'de' });
      const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('Nr.;Beitrag;Abschnitt;Einreichende Stelle;Ebene;Eingegangen am;Stellungnahme;Ergebnis;Begründung (Abwägung);Beantwortet am;Antwort veröffentlicht am');
      expect(lines).toHaveLength(31);
      expect(csv).not.toMatch(/@musterhausen/);
      expect(lines.filter((l) => l.includes(';Teilweise berücksichtigt;Teilweise in 1 aufgenommen;'))).toHaveLength(9);

      const docx = await synopsisDocx(consultation, { audience: 'public', language: 'de' });
      const files = unzipSync(docx);
      expect(Object.keys(files)).toContain('word/document.xml');
      const xml = strFromU8(files['word/document.xml']!);
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      expect(texts).toContain('Konsultation Gebäudedaten');
      expect(texts).toContain('Teilweise in 1 aufgenommen');
      expect(texts).toContain('Aufgenommen');
      // Public outcome per level over the ten answered: Länder i = 2, 11, 20 partially; Kommunen
      // i = 1 accepted, 10 and 19 partially; without level i = 0, 9, 18, 27 partially.
      const levelRow = (name: string) => texts.slice(texts.indexOf(name), texts.indexOf(name) + 6);
      expect(levelRow('Bund')).toEqual(['Bund', '0', '0', '0', '0', '0']);
      expect(levelRow('Länder')).toEqual(['Länder', '3', '0', '3', '0', '0']);
      expect(levelRow('Kommunen')).toEqual(['Kommunen', '3', '1', '2', '0', '0']);
      expect(levelRow('ohne Angabe der Ebene')).toEqual(['ohne Angabe der Ebene', '4', '0', '4', '0', '0']);
      expect(texts).not.toContain('Person 1');
      expect(texts).toContain('Person 10, Stadt Musterhausen (Musterhausen)');
      expect(xml).not.toContain('@musterhausen');
      expect(xml).toContain('w:orient="landscape"');
      // Public: only the ten answered; contributions still `submitted` (e.g. i = 3) are not in it.
      expect(texts.filter((x) => x === 'Beitrag Nummer 0')).toHaveLength(1);
      expect(texts.filter((x) => x === 'Beitrag Nummer 3')).toHaveLength(0);
      expect(texts.slice(texts.indexOf('Ebene'), texts.indexOf('Ebene') + 6)).toEqual(['Ebene', 'Beiträge', 'berücksichtigt', 'teilweise', 'nicht berücksichtigt', 'sonstige / offen']);
      expect(texts.find((x) => x?.startsWith('Abwägungstabelle · '))).toMatch(/^Abwägungstabelle · Entwurfsfassung \S+ · Konsultation .+ bis .+ · 10 Beiträge$/);

      // English: the document's own texts in English, the same counts
      const english = unzipSync(await synopsisDocx(consultation, { audience: 'public', language: 'en' }));
      const englishTexts = [...strFromU8(english['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      expect(englishTexts).toEqual(expect.arrayContaining(['Outcome per level', 'Contributions and dispositions']));
      expect(englishTexts.slice(englishTexts.indexOf('Level'), englishTexts.indexOf('Level') + 6)).toEqual(['Level', 'Contributions', 'accepted', 'partially', 'rejected', 'other / open']);
      expect(englishTexts.slice(englishTexts.indexOf('States (Länder)'), englishTexts.indexOf('States (Länder)') + 6)).toEqual(['States (Länder)', '3', '0', '3', '0', '0']);
      expect(englishTexts.find((x) => x?.startsWith('Synopsis · '))).toMatch(/^Synopsis · draft version \S+ · consultation .+ to .+ · 10 contributions$/);
      expect(englishTexts).not.toContain('Ergebnis je Ebene');
    });
  });
}
