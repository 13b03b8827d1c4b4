import { html } from 'hono/html';
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
export function pageHref(path: string, query: URLSearchParams, n: number): string {
  const params = new URLSearchParams(query);
  params.delete(pageParameter);
  params.delete('lang');
  if (n > 1) params.set(pageParameter, String(n));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Links to the previous and next page and to nearby page numbers, under a paged list (nothing
 * when everything fits on one page). German first: the labels come from `strings/pager.ts`.
 *
 * @example
 * pager('de', '/abstimmungen', new URL(c.req.url).searchParams, { page: 2, pages: 5 });
 */
export function pager(lang: Language, path: string, query: URLSearchParams, state: PagerState): Markup {
  const { page, pages } = state;
  if (pages <= 1) return html``;
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return html`<nav aria-label="${pagerText(lang, 'pages')}" class="pager"><p class="kern-body--small">${pagerText(lang, 'pageOf', { page, pages })}</p><ul class="kern-list kern-list--horizontal filters">
  ${page > 1 ? html`<li><a class="kern-link" rel="prev" href="${pageHref(path, query, page - 1)}">${pagerText(lang, 'previousPage')}</a></li>` : ''}
  ${numbers.map((n) => html`<li>${n === page ? html`<span aria-current="page"><strong>${pagerText(lang, 'page', { page: n })}</strong></span>` : html`<a class="kern-link" href="${pageHref(path, query, n)}">${pagerText(lang, 'page', { page: n })}</a>`}</li>`)}
  ${page < pages ? html`<li><a class="kern-link" rel="next" href="${pageHref(path, query, page + 1)}">${pagerText(lang, 'nextPage')}</a></li>` : ''}
</ul></nav>`;
}
