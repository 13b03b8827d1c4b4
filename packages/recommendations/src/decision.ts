import { decisionResultSchema } from '@foederal/membership';
import * as z from 'zod/mini';
import { bilingual, isoDateSchema } from './common-schemas.js';

/**
 * The adopting decision: decision id (`2027/04`, year/number), date, deciding body and the vote
 * result as computed by `evaluateDecision` of `@foederal/membership` (its `decisionResultSchema`).
 *
 * @example
 * decisionSchema.parse({ id: '2027/04', date: '2027-04-15', result: { result: 'pass', quorate: true, counts: [], reasons: [] } });
 */
export const decisionSchema = z.strictObject({
  id: z.string().check(z.regex(/^\d{4}\/\d{1,4}$/, bilingual(
    'Beschlussnummer der Form Jahr/Nummer erwartet (z. B. 2027/04)',
    'decision id of the form year/number expected (e.g. 2027/04)',
  ))),
  date: isoDateSchema,
  body: z.exactOptional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  result: decisionResultSchema,
});
/** An adopting decision. @example const d: Decision = exampleCatalogue.recommendations[0]!.decision!; */
export type Decision = z.infer<typeof decisionSchema>;
