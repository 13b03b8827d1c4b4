import { translate } from '../i18n.js';

/** German texts of the pager under every paged list, the type source of the keys. */
export const de = {
  pages: 'Seiten',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  page: 'Seite {page}',
  pageOf: 'Seite {page} von {pages}',
} as const;

/** English texts of the pager, complete by type. */
export const en: Record<keyof typeof de, string> = {
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: 'Page {page}',
  pageOf: 'Page {page} of {pages}',
};

/** A text of the pager in a language, with its placeholders filled. */
export const pagerText = translate({ de, en });
