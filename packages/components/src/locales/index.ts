import type { Language } from '@foederal/core';
import { de, type MessageKey, type Messages } from './de.js';
import { en } from './en.js';

export type { Language } from '@foederal/core';

/**
 * The locale tables by language.
 *
 * @example
 * messages.en['form.submit']; // 'Send contribution'
 */
export const messages: { readonly [L in Language]: Messages } = { de, en };

/**
 * Text for `key` in `language`, with `{name}` placeholders replaced by `params`.
 * An unknown placeholder stays visible so a missing value is noticed, never hidden.
 *
 * @example
 * translate('en', 'list.page', { page: 2, pages: 5 }); // 'Page 2 of 5'
 */
export function translate(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = messages[language][key];
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export { languageOf } from '@foederal/core';

export { de, en };
export type { MessageKey, Messages };
