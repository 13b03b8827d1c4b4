import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000));

/**
 * The schema of a `LocalizedText`: German required, English optional, each trimmed, non-empty
 * and at most 20 000 characters, no other keys (a third language or a typo such as `En` is refused, not dropped).
 *
 * @example
 * localizedTextSchema.parse({ de: 'Wartung', en: 'Maintenance' });
 */
export const localizedTextSchema = z.strictObject({
  de: nonEmpty,
  en: z.exactOptional(nonEmpty),
});
