import { localizedTextSchema, slugSchema } from '@foederal/recommendations';
import * as z from 'zod/mini';

// A leaf module (no import of the repository): the table-to-type map of the db layer
// (`src/db/documents.ts`) names the meeting type without an import cycle (ADR 0170).

/**
 * An agenda item (OParl AgendaItem): its number, its subject, optionally the recommendation it
 * is about and the kind of motion, and once voted the decision id (`2027/04`) and its result.
 */
export const agendaItemSchema = z.strictObject({
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  name: localizedTextSchema,
  recommendation: z.exactOptional(slugSchema),
  motionKind: z.enum(['recommendation', 'procedural']),
  decision: z.exactOptional(z.string().check(z.regex(/^\d{4}\/\d{2,}$/))),
  result: z.exactOptional(z.enum(['pass', 'fail'])),
});
/** An agenda item. */
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/**
 * A meeting of the body (OParl Meeting): name, date, optional start time and place, its state
 * (`scheduled` terminiert, `invited` eingeladen, `held` durchgeführt) and the agenda.
 */
export const meetingSchema = z.strictObject({
  id: slugSchema,
  name: localizedTextSchema,
  date: z.iso.date(),
  time: z.exactOptional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  location: z.exactOptional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  state: z.enum(['scheduled', 'invited', 'held']),
  agenda: z.array(agendaItemSchema).check(z.minLength(1), z.maxLength(200)),
}).check(z.superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.agenda.forEach((item, index) => {
    if (seen.has(item.number)) ctx.addIssue({ code: 'custom', path: ['agenda', index, 'number'], input: item.number, message: `TOP ${item.number} doppelt / agenda item ${item.number} twice` });
    seen.add(item.number);
  });
}));
/** A meeting. */
export type Meeting = z.infer<typeof meetingSchema>;

/** Validate a meeting; issues with their dotted paths (`agenda.1.number`). */
export function checkMeeting(value: unknown): { ok: true; meeting: Meeting } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = z.safeParse(meetingSchema, value);
  if (parsed.success) return { ok: true, meeting: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
