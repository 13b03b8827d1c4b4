import * as z from 'zod/mini';

/**
 * A German/English label pair; German is the source language.
 *
 * @example
 * ```ts
 * labelSchema.parse({ de: 'Büroarbeit', en: 'Office work' });
 * ```
 */
export const labelSchema = z.object({
  de: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});

/**
 * A German/English label pair.
 *
 * @example
 * ```ts
 * const label: Label = { de: 'Heizung', en: 'heating' };
 * ```
 */
export type Label = z.infer<typeof labelSchema>;

/**
 * Language of a label: German first.
 *
 * @example
 * ```ts
 * const language: Language = 'de';
 * ```
 */
export type Language = keyof Label;
