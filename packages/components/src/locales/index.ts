import { de, type MessageKey, type Messages } from './de.js';
import { en } from './en.js';

/**
 * Languages the elements speak. German is the default.
 *
 * @example
 * const language: Language = languageOf(document.documentElement.lang);
 */
export type Language = 'de' | 'en';

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

/**
 * Language of a BCP 47 tag (`de-AT` → `de`); anything not English is German, the default.
 *
 * @example
 * languageOf('en-GB'); // 'en'
 * languageOf(''); // 'de'
 */
export function languageOf(tag: string | null | undefined): Language {
  return /^en(?:-|$)/i.test(tag ?? '') ? 'en' : 'de';
}

export { de, en };
export type { MessageKey, Messages };
