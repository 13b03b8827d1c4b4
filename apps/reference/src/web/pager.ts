import { html } from 'hono/html';
import { defaultPageSize } from '../domain/paging.js';
import type { Language } from './i18n.js';
import type { Markup } from './layout.js';
import { pagerText } from './strings/pager.js';

/** The query parameter of the page number on every paged list (`?seite=2`). */
export const pageParameter = 'seite';

/** The numbers of a page shown by {@link pager}. */
export interface PagerState {
  readonly page: number;
  readonly pages: number;
}

/** The link of page `n` of the list at `path`, keeping the list's other parameters (filters, search). */
export function pageHref(path: string, query: URLSearchParams, n: number, parameter: string = pageParameter): string {
  const params = new URLSearchParams(query);
  params.delete(parameter);
  params.delete('lang');
  if (n > 1) params.set(parameter, String(n));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * One page of a list held in memory (lists that must be read whole anyway, such as a
 * consultation's synopsis, whose order and numbers span all contributions): the requested page
 * (`?seite=N` or another `parameter`), where a missing, malformed or too large number answers
 * the first or the last page.
 *
 * @example
 * const { items, page, pages } = pageOf(rows, url.searchParams);
 */
export function pageOf<T>(all: readonly T[], query: URLSearchParams, parameter: string = pageParameter, pageSize: number = defaultPageSize): PagerState & { readonly items: readonly T[] } {
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const requested = Number(query.get(parameter) ?? '1');
  const page = Math.min(pages, Math.max(1, Number.isSafeInteger(requested) ? requested : 1));
  return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pages };
}

/**
 * Links to the previous and next page and to nearby page numbers, under a paged list (nothing
 * when everything fits on one page). German first: the labels come from `strings/pager.ts`.
 * A page with two paged lists gives the second one its own `parameter`, and each pager a `label`
 * of its own (navigation landmarks must be told apart).
 *
 * @example
 * pager('de', '/abstimmungen', new URL(c.req.url).searchParams, { page: 2, pages: 5 });
 */
export function pager(lang: Language, path: string, query: URLSearchParams, state: PagerState, options: { readonly parameter?: string; readonly label?: string } = {}): Markup {
  const { page, pages } = state;
  const parameter = options.parameter ?? pageParameter;
  if (pages <= 1) return html``;
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return html`<nav aria-label="${options.label ?? pagerText(lang, 'pages')}" class="pager"><p class="kern-body--small">${pagerText(lang, 'pageOf', { page, pages })}</p><ul class="kern-list kern-list--horizontal filters">
  ${page > 1 ? html`<li><a class="kern-link" rel="prev" href="${pageHref(path, query, page - 1, parameter)}">${pagerText(lang, 'previousPage')}</a></li>` : ''}
  ${numbers.map((n) => html`<li>${n === page ? html`<span aria-current="page"><strong>${pagerText(lang, 'page', { page: n })}</strong></span>` : html`<a class="kern-link" href="${pageHref(path, query, n, parameter)}">${pagerText(lang, 'page', { page: n })}</a>`}</li>`)}
  ${page < pages ? html`<li><a class="kern-link" rel="next" href="${pageHref(path, query, page + 1, parameter)}">${pagerText(lang, 'nextPage')}</a></li>` : ''}
</ul></nav>`;
}
