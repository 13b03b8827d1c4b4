import { createHash } from 'node:crypto';
import { licenseFor, type Recommendation } from '@foederal/recommendations';
import { describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import type { Repository } from '../db/repository.js';
import { schoolIds } from '../demo/school-ids.js';
import { AppError } from '../errors.js';
import { berlinDay, berlinInstant } from './berlin-time.js';
import { submitContribution } from './consultations.js';
import { keepUpload, openConsultation, saveDraft, updateConsultation } from './drafts.js';

const who = { now: () => new Date('2027-01-10T09:00:00Z'), user: { id: 'u1', username: 'gs' } };
const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

function draft(): Recommendation {
  return {
    id: 'betrieb-2028', number: '178', shortTitle: { de: 'Betrieb' }, edition: 2028, title: { de: 'Gebäudebetrieb' }, description: { de: 'Entwurf' },
    version: '0.1.0', status: { state: 'draft' }, modified: '2027-01-10T09:00:00Z',
    publisher: { id: 'https://ak.example', name: { de: 'Geschäftsstelle' }, jurisdiction: { level: 'federal', name: 'Bund' }, homepage: 'https://ak.example/' },
    workingGroup: { name: { de: 'AG Betrieb' }, lead: { name: 'A. Obmann', jurisdiction: { level: 'state', name: 'Bayern' } }, contributors: [] },
    license: licenseFor('Geschäftsstelle', 'DL-DE-BY-2.0'), keywords: [], themes: ['TECH'], references: [], attachments: [], adoptions: [],
  };
}

describe('German days', () => {
  it('turns German calendar days into instants across the clock changes', () => {
    expect(berlinInstant('2027-01-15')).toBe('2027-01-14T23:00:00.000Z');
    expect(berlinInstant('2027-07-01', '23:59:59')).toBe('2027-07-01T21:59:59.000Z');
    expect(berlinInstant('2027-03-28', '00:00')).toBe('2027-03-27T23:00:00.000Z');
    expect(berlinInstant('2027-02-30')).toBeUndefined();
    expect(berlinInstant('morgen')).toBeUndefined();
    expect(berlinDay('2027-03-27T23:30:00Z')).toBe('2027-03-28');
  });
});

for (const factory of backends) {
  describe.skipIf(!factory.available)(`drafts on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));

    it('keeps checked uploads, refuses wrong ones, and saves them as attachments with the draft', async () => {
      const main = await keepUpload(repo, new File([pdf], 'Betrieb 2028.pdf', { type: 'application/pdf' }), 'main');
      const ids = await keepUpload(repo, new File([schoolIds()], 'betrieb.xml', { type: 'text/xml' }), 'data-requirements');
      expect([main.mediaType, main.byteSize, ids.mediaType]).toEqual(['application/pdf', pdf.byteLength, 'application/ids+xml']);
      const notPdf = await keepUpload(repo, new File(['hallo'], 'x.pdf', { type: 'application/pdf' }), 'main').catch((e: unknown) => e);
      expect(AppError.isInstance(notPdf) && notPdf.code).toBe('unsupported-media-type');
      const notIds = await keepUpload(repo, new File(['<a/>'], 'x.ids'), 'data-requirements').catch((e: unknown) => e);
      expect(AppError.isInstance(notIds) && notIds.code).toBe('validation');

      const saved = await saveDraft(repo, draft(), [{ upload: main, role: 'main', title: 'Hauptdokument' }, { upload: ids, role: 'data-requirements', title: 'IDS' }], undefined, who, 'https://ak.example');
      expect(saved.data.attachments.map((a) => [a.id, a.role, a.byteSize, a.downloadUrl])).toEqual([
        ['hauptdokument-betrieb-2028', 'main', pdf.byteLength, 'https://ak.example/api/v1/recommendations/betrieb-2028/attachments/hauptdokument-betrieb-2028'],
        ['ids-betrieb', 'data-requirements', new TextEncoder().encode(schoolIds()).byteLength, 'https://ak.example/api/v1/recommendations/betrieb-2028/attachments/ids-betrieb'],
      ]);
      expect(saved.data.attachments[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect((await repo.files.get('attachment:betrieb-2028/hauptdokument-betrieb-2028'))?.bytes).toEqual(pdf);
      expect(await repo.files.get(`pending:${main.token}`)).toBeUndefined();
      const log = await repo.audit.list({ subject: 'recommendations/betrieb-2028' });
      expect(log.map((e) => [e.action, e.before_version, e.after_version])).toEqual([['recommendation.create', null, 1]]);

      const stale = await saveDraft(repo, { ...saved.data, description: { de: 'neu' } }, [], 7, who, 'https://ak.example').catch((e: unknown) => e);
      expect(AppError.isInstance(stale) && stale.code).toBe('precondition-failed');
      const updated = await saveDraft(repo, { ...saved.data, description: { de: 'neu' } }, [], 1, who, 'https://ak.example');
      expect([updated.version, updated.data.description.de, updated.data.attachments.length]).toEqual([2, 'neu', 2]);
    });

    it('opens the consultation and moves the draft into it, in one step', async () => {
      const consultation = {
        id: 'konsultation-betrieb-2028', recommendation: 'betrieb-2028', draftVersion: '0.1.0', title: { de: 'Konsultation Betrieb' },
        opens: '2027-01-09T23:00:00.000Z', closes: '2027-02-28T22:59:59.000Z', sections: [{ anchor: '1', title: { de: 'Alles' } }], contributions: [],
      };
      await openConsultation(repo, 'betrieb-2028', consultation, who);
      const rec = (await repo.recommendations.require('betrieb-2028')).data;
      expect(rec.status).toEqual({ state: 'consultation', opens: consultation.opens, closes: consultation.closes, consultation: consultation.id });
      // Twice: the consultation exists, nothing changes.
      const again = await openConsultation(repo, 'betrieb-2028', consultation, who).catch((e: unknown) => e);
      expect(AppError.isInstance(again) && again.code).toBe('conflict');
      expect((await repo.recommendations.require('betrieb-2028')).version).toBe(3);

      // Changed while running: a later end reaches the recommendation; a used section stays.
      await submitContribution(repo, consultation.id, { anchor: { section: '1' }, text: { de: 'Hinweis' }, author: { kind: 'anonymous' } }, new Date('2027-01-11T09:00:00Z'));
      const longer = { ...consultation, closes: '2027-03-31T21:59:59.000Z', sections: [{ anchor: '1', title: { de: 'Alles' } }, { anchor: '2', title: { de: 'Neu' } }] };
      await updateConsultation(repo, consultation.id, 1, longer, who);
      expect(((await repo.recommendations.require('betrieb-2028')).data).status).toMatchObject({ closes: '2027-03-31T21:59:59.000Z' });
      const removed = await updateConsultation(repo, consultation.id, 2, { ...longer, sections: [{ anchor: '2', title: { de: 'Neu' } }] }, who).catch((e: unknown) => e);
      expect(AppError.isInstance(removed) && removed.code).toBe('validation');
      const stale = await updateConsultation(repo, consultation.id, 1, longer, who).catch((e: unknown) => e);
      expect(AppError.isInstance(stale) && stale.code).toBe('precondition-failed');
    });
  });
}
