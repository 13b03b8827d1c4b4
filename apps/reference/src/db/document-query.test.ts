import { beforeAll, describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../../test/backends.js';
import { AppError } from '../errors.js';
import { type DocumentStore, type Repository } from './repository.js';
import type { DocumentTableName } from './schema.js';

/** Toy documents for the store mechanics: the one place that looks past the table's type. */
function toy(repo: Repository, table: DocumentTableName): DocumentStore<Record<string, unknown>> {
  return repo[table] as unknown as DocumentStore<Record<string, unknown>>;
}


// Filters on JSON fields, a JSON sort field and numbered pages (offset), as the back office's
// contribution list uses them, on both dialects.
for (const factory of backends) {
  describe.skipIf(!factory.available)(`document queries on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));
    beforeAll(async () => {
      const docs = [
        { id: 'a', anchor: { section: '2' }, author: { kind: 'person' } },
        { id: 'b', anchor: { section: '1' }, author: { kind: 'anonymous' } },
        { id: 'c', anchor: { section: '2' }, author: { kind: 'organisation', jurisdiction: { level: 'state' } } },
        { id: 'd', anchor: { section: '3' }, author: { kind: 'person', jurisdiction: { level: 'state' } } },
        { id: 'e', anchor: { section: "2' or 1=1 --" }, author: { kind: 'person' } },
      ];
      for (const [i, d] of docs.entries()) await toy(repo, 'contributions').create(`k/${d.id}`, d, { parentId: 'k', sortKey: `2027-01-0${i + 1}`, search: d.id });
    });

    it('filters by values inside the document, also nested and combined', async () => {
      const ids = async (fields: Record<string, string>) => (await repo.contributions.list({ parentId: 'k', fields })).map((d) => d.id);
      expect(await ids({ 'anchor.section': '2' })).toEqual(['k/a', 'k/c']);
      expect(await ids({ 'author.kind': 'person' })).toEqual(['k/a', 'k/d', 'k/e']);
      expect(await ids({ 'author.kind': 'person', 'author.jurisdiction.level': 'state' })).toEqual(['k/d']);
      expect(await ids({ 'anchor.section': "2' or 1=1 --" })).toEqual(['k/e']);
      expect(await repo.contributions.count({ parentId: 'k', fields: { 'anchor.section': '2' } })).toBe(2);
    });

    it('sorts by a document field, then by sort key, and pages by offset', async () => {
      const sorted = (await repo.contributions.list({ parentId: 'k', sortField: 'anchor.section' })).map((d) => d.id);
      expect(sorted).toEqual(['k/b', 'k/a', 'k/c', "k/e", 'k/d']);
      const desc = (await repo.contributions.list({ parentId: 'k', sortField: 'anchor.section', order: 'desc', limit: 2, offset: 1 })).map((d) => d.id);
      expect(desc).toEqual(['k/e', 'k/c']);
      expect((await repo.contributions.list({ parentId: 'k', limit: 2, offset: 4 })).map((d) => d.id)).toEqual(['k/e']);
    });

    it('refuses a field path that is not a plain dotted name', async () => {
      const error = await repo.contributions.list({ fields: { "anchor') or 1=1 --": 'x' } }).catch((e: unknown) => e);
      expect(AppError.isInstance(error) && error.code).toBe('validation');
    });
  });
}
