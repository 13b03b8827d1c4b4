import * as z from 'zod/mini';
import {
  attachmentSchema,
  bilingual,
  httpUrlSchema,
  isoDateSchema,
  jurisdictionRefSchema,
  licenseSchema,
  localizedTextSchema,
  slugSchema,
} from './common-schemas.js';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));

/**
 * What a pilot tries out: an edition of a recommendation of the catalogue, or an open-source
 * solution described by its repository on openCode (`https://gitlab.opencode.de/…`).
 *
 * @example
 * pilotSubjectSchema.parse({ kind: 'recommendation', recommendation: 'gebaeudedaten-2027', version: '1.0.0' });
 */
export const pilotSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('recommendation'),
    recommendation: slugSchema,
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/)),
  }),
  z.strictObject({
    kind: z.literal('open-source'),
    name,
    repository: httpUrlSchema.check(z.refine(
      (url) => /^https:\/\/gitlab\.opencode\.de\/[^/?#]+\/[^?#]+$/.test(url),
      bilingual('Repository auf openCode erwartet (https://gitlab.opencode.de/…)', 'repository on openCode expected (https://gitlab.opencode.de/…)'),
    )),
    release: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(64))),
  }),
]);
/** What a pilot tries out. @example const s: PilotSubject = { kind: 'open-source', name: 'X', repository: 'https://gitlab.opencode.de/a/b' }; */
export type PilotSubject = z.infer<typeof pilotSubjectSchema>;

/**
 * An administration that takes part in a pilot, with its jurisdiction.
 *
 * @example
 * pilotParticipantSchema.parse({ organisation: 'Stadt Musterstadt', jurisdiction: { level: 'municipality', key: '01054015', name: 'Borgsum' }, role: 'lead' });
 */
export const pilotParticipantSchema = z.strictObject({
  organisation: name,
  jurisdiction: jurisdictionRefSchema,
  role: z.enum(['lead', 'participant']),
});
/** A pilot participant. @example const p: PilotParticipant = exampleCatalogue.pilots[0]!.participants[0]!; */
export type PilotParticipant = z.infer<typeof pilotParticipantSchema>;

/** Pilot states. @example pilotStatusSchema.parse('running'); */
export const pilotStatusSchema = z.enum(['planned', 'running', 'completed', 'stopped']);
/** A pilot state. @example const s: PilotStatus = 'completed'; */
export type PilotStatus = z.infer<typeof pilotStatusSchema>;

/**
 * A pilot (Pilotierung): selected administrations try out a recommendation edition or an
 * open-source solution between `start` and `end`.
 *
 * @example
 * pilotSchema.parse(exampleCatalogue.pilots[0]);
 */
export const pilotSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  subject: pilotSubjectSchema,
  participants: z.array(pilotParticipantSchema).check(z.minLength(1)),
  start: isoDateSchema,
  end: z.exactOptional(isoDateSchema),
  status: pilotStatusSchema,
  contact: z.exactOptional(z.email()),
}).check(z.superRefine((value, ctx) => {
  const add = (path: string[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  if (value.end !== undefined && value.end < value.start) {
    add(['end'], 'Ende liegt vor dem Beginn', 'end lies before start');
  }
  if ((value.status === 'completed' || value.status === 'stopped') && value.end === undefined) {
    add(['end'], `Status ${value.status} verlangt ein Enddatum`, `state ${value.status} requires an end date`);
  }
  if (!value.participants.some((p) => p.role === 'lead')) {
    add(['participants'], 'Eine teilnehmende Verwaltung muss die Leitung haben', 'one participating administration must lead');
  }
}));
/** A pilot. @example const p: Pilot = exampleCatalogue.pilots[0]!; */
export type Pilot = z.infer<typeof pilotSchema>;

/**
 * Review state of an experience report: the secretariat reviews before publication.
 *
 * @example
 * experienceReportStatusSchema.parse({ state: 'published', date: '2027-09-01' });
 */
export const experienceReportStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('submitted') }),
  z.strictObject({ state: z.literal('published'), date: isoDateSchema }),
  z.strictObject({ state: z.literal('rejected'), date: isoDateSchema, reason: localizedTextSchema }),
]);
/** Review state of a report. @example const s: ExperienceReportStatus = { state: 'submitted' }; */
export type ExperienceReportStatus = z.infer<typeof experienceReportStatusSchema>;

/**
 * An experience report (Erfahrungsbericht) of an administration on a pilot: what worked, what did
 * not, effort in person-days, costs in euro cents, whether it would recommend the subject, and
 * documents.
 *
 * @example
 * experienceReportSchema.parse(exampleCatalogue.experienceReports[0]);
 */
export const experienceReportSchema = z.strictObject({
  id: slugSchema,
  pilot: slugSchema,
  title: localizedTextSchema,
  author: z.strictObject({ organisation: name, jurisdiction: jurisdictionRefSchema, contact: z.exactOptional(z.email()) }),
  date: isoDateSchema,
  worked: z.array(localizedTextSchema),
  didNotWork: z.array(localizedTextSchema),
  effortPersonDays: z.number().check(z.nonnegative(), z.lte(100_000)),
  costs: z.strictObject({
    amountCents: z.int().check(z.nonnegative()),
    currency: z.literal('EUR'),
    note: z.exactOptional(localizedTextSchema),
  }),
  wouldRecommend: z.boolean(),
  attachments: z.array(attachmentSchema),
  license: z.exactOptional(licenseSchema),
  status: experienceReportStatusSchema,
}).check(z.superRefine((value, ctx) => {
  const add = (path: string[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  if (value.status.state === 'published' && value.license === undefined) {
    add(['license'], 'Veröffentlichter Bericht braucht eine Lizenz', 'a published report needs a licence');
  }
  if (value.status.state !== 'submitted' && value.status.date < value.date) {
    add(['status', 'date'], 'Prüfung liegt vor dem Berichtsdatum', 'review lies before the report date');
  }
  if (value.worked.length === 0 && value.didNotWork.length === 0) {
    add(['worked'], 'Mindestens eine Erfahrung angeben', 'give at least one experience');
  }
}));
/** An experience report. @example const r: ExperienceReport = exampleCatalogue.experienceReports[0]!; */
export type ExperienceReport = z.infer<typeof experienceReportSchema>;
