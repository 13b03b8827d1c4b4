import type { DocumentStore, ListOptions, Versioned } from '../db/repository.js';

/** Filters of a numbered page: everything of {@link ListOptions} but the page window. */
export type PageFilter = Omit<ListOptions, 'after' | 'limit' | 'order' | 'offset' | 'sortField'>;

/** Which numbered page to show, and how long it is. */
export interface PageRequest {
  /** 1-based; a page beyond the last one answers the last page. */
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

/** One page of a list with the numbers a pager needs. */
export interface NumberedPage<T> {
  readonly items: ReadonlyArray<Versioned<T>>;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
}

/** A keyset position: the `sort_key` and id of the last item of the previous page. */
export interface Cursor {
  readonly sortKey: string;
  readonly id: string;
}

/** One keyset page (the API): the items and where the next page starts, if there is one. */
export interface KeysetPage<T> {
  readonly items: ReadonlyArray<Versioned<T> & { readonly sortKey: string }>;
  readonly next: Cursor | undefined;
}

/** Rows on a list page unless a page asks for another size. */
export const defaultPageSize = 20;
/** The longest page any list answers. */
export const maxPageSize = 200;

/** A page size within 1 … {@link maxPageSize}. */
export function boundedPageSize(size: number | undefined, fallback = defaultPageSize): number {
  if (size === undefined || !Number.isFinite(size)) return fallback;
  return Math.min(maxPageSize, Math.max(1, Math.floor(size)));
}

/** Read a 1-based page number from a query parameter leniently (anything else is page 1). */
export function pageNumberOf(value: string | undefined): number {
  const n = Number(value ?? '1');
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/**
 * One numbered page of a store: counts the matching rows, then reads one window of them
 * (`limit`/`offset`, sorted by `sort_key` and id). A page beyond the last answers the last page.
 *
 * @example
 * const page = await numberedPage(repo.votes, {}, { page: 2 }, 'desc');
 */
export async function numberedPage<T>(
  store: DocumentStore<T>,
  filter: PageFilter,
  request: PageRequest,
  order: 'asc' | 'desc' = 'asc',
): Promise<NumberedPage<T>> {
  const pageSize = boundedPageSize(request.pageSize);
  const total = await store.count(filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.max(1, Math.floor(request.page ?? 1)));
  const items = total === 0 ? [] : await store.list({ ...filter, order, limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize, pages };
}

/**
 * One keyset page of a store: `limit` items after `after`, and the cursor of the next page when
 * there are more (reads one row beyond the page to know).
 *
 * @example
 * const { items, next } = await keysetPage(repo.votes, {}, { limit: 20 });
 */
export async function keysetPage<T>(
  store: DocumentStore<T>,
  filter: PageFilter,
  window: { readonly after?: Cursor | undefined; readonly limit?: number | undefined; readonly order?: 'asc' | 'desc' },
): Promise<KeysetPage<T>> {
  const limit = boundedPageSize(window.limit);
  const rows = await store.list({ ...filter, ...(window.after ? { after: window.after } : {}), ...(window.order ? { order: window.order } : {}), limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { sortKey: last.sortKey, id: last.id } : undefined };
}

/**
 * Every matching document, read in keyset pages of `batch` rows: for the few places that need a
 * whole list on purpose (the choices of a select, the published catalogue of DCAT and the feeds,
 * the jobs' restart scan). Never used for what a page lists: those show a numbered page.
 *
 * @example
 * for await (const doc of eachDocument(repo.models, {})) if (doc.data.state === 'reading') queue(doc.id);
 */
export async function* eachDocument<T>(store: DocumentStore<T>, filter: PageFilter, batch = maxPageSize): AsyncGenerator<Versioned<T> & { readonly sortKey: string }> {
  let after: Cursor | undefined;
  for (;;) {
    const rows = await store.list({ ...filter, ...(after ? { after } : {}), limit: batch });
    yield* rows;
    const last = rows[rows.length - 1];
    if (rows.length < batch || !last) return;
    after = { sortKey: last.sortKey, id: last.id };
  }
}

/** {@link eachDocument} collected into an array (the data only). */
export async function allDocuments<T>(store: DocumentStore<T>, filter: PageFilter): Promise<T[]> {
  const out: T[] = [];
  for await (const doc of eachDocument(store, filter)) out.push(doc.data);
  return out;
}
