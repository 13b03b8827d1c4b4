import * as z from 'zod/mini';
import {
  attachmentSchema,
  bilingual,
  dataThemeSchema,
  httpUrlSchema,
  isoDateSchema,
  isoDateTimeSchema,
  jurisdictionRefSchema,
  licenseSchema,
  localizedTextSchema,
  personSchema,
  publisherSchema,
  slugSchema,
} from './common-schemas.js';
import { decisionSchema } from './decision.js';

/**
 * A reference from a recommendation: a norm (`DIN 276:2018-12`), a law, another recommendation
 * of the catalogue, or a web resource.
 *
 * @example
 * referenceSchema.parse({ kind: 'norm', id: 'DIN 276:2018-12' });
 */
export const referenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('norm'),
    id: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    title: z.exactOptional(localizedTextSchema),
    url: z.exactOptional(httpUrlSchema),
  }),
  z.strictObject({
    kind: z.literal('law'),
    citation: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    title: z.exactOptional(localizedTextSchema),
    url: z.exactOptional(httpUrlSchema),
  }),
  z.strictObject({
    kind: z.literal('recommendation'),
    id: slugSchema,
  }),
  z.strictObject({
    kind: z.literal('web'),
    title: localizedTextSchema,
    url: httpUrlSchema,
  }),
]);
/** A reference to a norm, law, recommendation or web page. @example const r: Reference = { kind: 'law', citation: 'GEG § 3' }; */
export type Reference = z.infer<typeof referenceSchema>;

/**
 * The working group that wrote the recommendation: its name, its lead (Obmann/Obfrau) and its
 * contributors with the jurisdiction each represents.
 *
 * @example
 * workingGroupSchema.parse({ name: { de: 'AG Wartung' }, lead: { name: 'A', jurisdiction: { level: 'federal', name: 'Bund' } }, contributors: [] });
 */
export const workingGroupSchema = z.strictObject({
  name: localizedTextSchema,
  lead: personSchema,
  contributors: z.array(personSchema),
});
/** A working group. @example const wg: WorkingGroup = exampleCatalogue.recommendations[0]!.workingGroup; */
export type WorkingGroup = z.infer<typeof workingGroupSchema>;

/** How a jurisdiction adopted a recommendation. @example adoptionInstrumentSchema.parse('decree'); */
export const adoptionInstrumentSchema = z.enum(['decree', 'resolution', 'circular']);
/** Adoption instrument: `decree` (Erlass), `resolution` (Beschluss), `circular` (Rundschreiben). @example const i: AdoptionInstrument = 'circular'; */
export type AdoptionInstrument = z.infer<typeof adoptionInstrumentSchema>;

/**
 * A jurisdiction's adoption (Einführung) of a recommendation: instrument, date, scope,
 * bindingness and the reference of the instrument.
 *
 * @example
 * adoptionSchema.parse({ jurisdiction: { level: 'federal', name: 'Bund' }, instrument: 'decree', date: '2021-03-01',
 *   scope: { de: 'Ziviler Bundesbau' }, bindingness: 'binding', reference: 'BMI-Erlass vom 1. März 2021' });
 */
export const adoptionSchema = z.strictObject({
  jurisdiction: jurisdictionRefSchema,
  instrument: adoptionInstrumentSchema,
  date: isoDateSchema,
  scope: localizedTextSchema,
  bindingness: z.enum(['guidance', 'binding']),
  reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  url: z.exactOptional(httpUrlSchema),
});
/** A jurisdiction's adoption. @example const a: Adoption = exampleCatalogue.recommendations[0]!.adoptions[0]!; */
export type Adoption = z.infer<typeof adoptionSchema>;

const closesAfterOpens = z.superRefine<{ opens: string; closes: string }>((value, ctx) => {
  if (Date.parse(value.closes) <= Date.parse(value.opens)) {
    ctx.addIssue({
      code: 'custom', path: ['closes'], input: value.closes,
      ...bilingual('Ende muss nach dem Beginn liegen', 'closing must come after opening'),
    });
  }
});

/**
 * The lifecycle state of a recommendation, discriminated by `state`.
 *
 * @example
 * recommendationStatusSchema.parse({ state: 'published', date: '2027-05-02' });
 */
export const recommendationStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('draft') }),
  z.strictObject({
    state: z.literal('consultation'),
    opens: isoDateTimeSchema,
    closes: isoDateTimeSchema,
    consultation: z.exactOptional(slugSchema),
  }).check(closesAfterOpens),
  z.strictObject({
    state: z.literal('adopted'),
    date: isoDateSchema,
    decision: decisionSchema.shape.id,
  }),
  z.strictObject({ state: z.literal('published'), date: isoDateSchema }),
  z.strictObject({ state: z.literal('superseded'), by: slugSchema, date: isoDateSchema }),
  z.strictObject({ state: z.literal('withdrawn'), date: isoDateSchema, reason: localizedTextSchema }),
]);
/** Lifecycle state. @example const s: RecommendationStatus = { state: 'draft' }; */
export type RecommendationStatus = z.infer<typeof recommendationStatusSchema>;
/** Name of a lifecycle state. @example const s: RecommendationState = 'adopted'; */
export type RecommendationState = RecommendationStatus['state'];

const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The fields of a recommendation without the cross-field invariants (internal). */
export const recommendationFields = z.strictObject({
  id: slugSchema,
  number: z.string().check(z.regex(/^\d{3,4}(?: [a-z]{2})?$/, bilingual(
    'laufende Nummer: drei oder vier Ziffern, optional Sprachkürzel (z. B. "136 en")',
    'running number: three or four digits, optional language suffix (e.g. "136 en")',
  ))),
  shortTitle: localizedTextSchema,
  edition: z.int().check(z.gte(1950), z.lte(2200)),
  title: localizedTextSchema,
  description: localizedTextSchema,
  version: z.string().check(z.regex(semver, bilingual('Version nach SemVer erwartet (z. B. 1.0.0)', 'SemVer version expected (e.g. 1.0.0)'))),
  status: recommendationStatusSchema,
  issued: z.exactOptional(isoDateSchema),
  modified: isoDateTimeSchema,
  publisher: publisherSchema,
  workingGroup: workingGroupSchema,
  license: z.exactOptional(licenseSchema),
  keywords: z.array(localizedTextSchema),
  themes: z.array(dataThemeSchema),
  references: z.array(referenceSchema),
  attachments: z.array(attachmentSchema),
  supersedes: z.exactOptional(slugSchema),
  supersededBy: z.exactOptional(slugSchema),
  decision: z.exactOptional(decisionSchema),
  adoptions: z.array(adoptionSchema),
});

type RecommendationShape = z.infer<typeof recommendationFields>;

const decidedStates = new Set(['adopted', 'published', 'superseded']);
const releasedStates = new Set(['published', 'superseded']);

/** Invariants between fields that every reachable lifecycle state keeps. */
function checkInvariants(value: RecommendationShape, ctx: z.core.$RefinementCtx<RecommendationShape>): void {
  const issue = (path: (string | number)[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  const state = value.status.state;
  if (decidedStates.has(state)) {
    if (value.decision === undefined) {
      issue(['decision'], `Status ${state} verlangt einen Beschluss`, `state ${state} requires a decision`);
    } else if (value.decision.result.result !== 'pass') {
      issue(['decision', 'result', 'result'], 'Beschluss ist nicht angenommen', 'decision did not pass');
    }
  }
  if (value.status.state === 'adopted' && value.decision !== undefined && value.status.decision !== value.decision.id) {
    issue(['status', 'decision'], 'Status verweist auf einen anderen Beschluss', 'status names a different decision');
  }
  if (releasedStates.has(state)) {
    if (value.license === undefined) {
      issue(['license'], `Status ${state} verlangt eine Lizenz`, `state ${state} requires a licence`);
    }
    if (!value.attachments.some((a) => a.role === 'main')) {
      issue(['attachments'], `Status ${state} verlangt ein Hauptdokument`, `state ${state} requires a main document`);
    }
    if (value.issued === undefined) {
      issue(['issued'], `Status ${state} verlangt ein Ausgabedatum`, `state ${state} requires an issue date`);
    }
  }
  if (value.status.state === 'superseded' && value.supersededBy !== value.status.by) {
    issue(['supersededBy'], 'supersededBy muss dem Nachfolger im Status entsprechen', 'supersededBy must equal the successor named in the status');
  }
  if (value.supersedes !== undefined && value.supersedes === value.id) {
    issue(['supersedes'], 'Eine Empfehlung kann sich nicht selbst ersetzen', 'a recommendation cannot supersede itself');
  }
  if (value.supersededBy !== undefined && value.supersededBy === value.id) {
    issue(['supersededBy'], 'Eine Empfehlung kann sich nicht selbst ersetzen', 'a recommendation cannot supersede itself');
  }
  if (value.adoptions.length > 0 && !['published', 'superseded', 'withdrawn'].includes(state)) {
    issue(['adoptions'], 'Einführungen erst nach der Veröffentlichung', 'adoptions only after publication');
  }
  const seen = new Set<string>();
  value.attachments.forEach((attachment, index) => {
    if (seen.has(attachment.id)) {
      issue(['attachments', index, 'id'], `Anlagen-Kennung ${attachment.id} doppelt`, `attachment id ${attachment.id} is duplicated`);
    }
    seen.add(attachment.id);
  });
  if (value.issued !== undefined && value.modified.slice(0, 10) < value.issued) {
    issue(['modified'], 'Änderungsdatum liegt vor dem Ausgabedatum', 'modified lies before issued');
  }
}

/**
 * A recommendation (Empfehlung) of the working group: one edition with its number, short title
 * and edition year ("Wartung 2018"), lifecycle status, licence, documents, adopting decision and
 * the adoptions by jurisdictions.
 *
 * @example
 * const result = recommendationSchema.safeParse(exampleCatalogue.recommendations[0]);
 * result.success; // true
 */
export const recommendationSchema = recommendationFields.check(z.superRefine(checkInvariants));
/** A recommendation record. @example const r: Recommendation = exampleCatalogue.recommendations[0]!; */
export type Recommendation = z.infer<typeof recommendationSchema>;
