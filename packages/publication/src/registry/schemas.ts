// Schemas of the registry API. Records come from `@foederal/recommendations` and
// `@foederal/membership` (never redefined here); this module only composes them into request
// bodies, pages and query parameters.
import * as z from 'zod/mini';
import {
  answeredStates,
  attachmentRoleSchema,
  attachmentSchema,
  consultationSchema,
  contributionSchema,
  contributionStateSchema,
  decisionSchema,
  dispositionSchema,
  lifecycleEventSchema,
  experienceReportSchema,
  experienceReportStatusSchema,
  pilotSchema,
  pilotStatusSchema,
  recommendationSchema,
  recommendationStatusSchema,
  administrativeLevelSchema,
  slugSchema,
  isoDateSchema,
  localizedTextSchema,
} from '@foederal/recommendations';
import type { RecommendationState } from '@foederal/recommendations';
import type { CostShareResult } from '@foederal/membership';
import {
  conditionSchema,
  costParticipantSchema,
  memberLevelSchema,
  stateCodeSchema,
  jurisdictionSchema,
  membershipSchema,
  organizationSchema,
  personSchema,
  postSchema,
  rulesOfProcedureSchema,
} from '@foederal/membership';
import type { AnySchema } from '../contract/types.js';
import { problemDetailsSchema } from '../problem.js';

/**
 * A page of a paginated list: `items`; the next page is linked by `Link: <…>; rel="next"`.
 *
 * @example
 * const recommendationPage = pageSchema(recommendationSchema);
 */
export function pageSchema<S extends AnySchema>(item: S): z.ZodMiniObject<{ items: z.ZodMiniArray<S> }, z.core.$strip> {
  return z.object({ items: z.array(item) });
}

const cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(500)));
const limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)));

const recommendationStates = recommendationStatusSchema.def.options.map(
  (option) => option.def.shape.state.def.values[0],
) as [RecommendationState, ...RecommendationState[]];

/** Query of `listRecommendations`. @example listRecommendationsQuerySchema.parse({ status: 'published', q: 'Wartung' }); */
export const listRecommendationsQuerySchema = z.object({
  status: z.optional(z.enum(recommendationStates)),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  cursor,
  limit,
});

/** Path parameters naming a recommendation. */
export const recommendationParamsSchema = z.object({ id: slugSchema });
/** Path parameters naming one edition (version) of a recommendation. */
export const editionParamsSchema = z.object({
  id: slugSchema,
  version: recommendationSchema.shape.version,
});
/** Path parameters naming an attachment of a recommendation. */
export const attachmentParamsSchema = z.object({ id: slugSchema, attachmentId: attachmentSchema.shape.id });

/** Query of `uploadAttachment`: the attachment's metadata (the media type is the `Content-Type`). */
export const uploadAttachmentQuerySchema = z.object({
  role: attachmentRoleSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  titleEn: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  language: z.optional(z.enum(['de', 'en'])),
});

/**
 * Query of `listConsultations`.
 *
 * @example
 * listConsultationsQuerySchema.parse({ recommendation: 'gebaeudedaten-2027' });
 */
export const listConsultationsQuerySchema = z.object({ recommendation: z.optional(slugSchema), cursor, limit });
/** Path parameters naming a consultation. */
export const consultationParamsSchema = z.object({ consultationId: slugSchema });
/** Path parameters naming a contribution. */
export const contributionParamsSchema = z.object({ consultationId: slugSchema, contributionId: slugSchema });
/**
 * Query of `listContributions`.
 *
 * @example
 * listContributionsQuerySchema.parse({ state: 'accepted', limit: '50' });
 */
export const listContributionsQuerySchema = z.object({
  state: z.optional(contributionStateSchema),
  /** Only contributions anchored to this section of the draft. */
  section: z.optional(contributionSchema.shape.anchor.shape.section),
  /** Only contributions by this kind of submitter. */
  submitter: z.optional(z.enum(['person', 'organisation', 'anonymous'])),
  /** Only contributions whose submitter names a jurisdiction of this level. */
  level: z.optional(administrativeLevelSchema),
  /** Case-insensitive text search in text, author and section. */
  q: z.optional(z.string().check(z.maxLength(200))),
  cursor,
  limit,
});

/**
 * What the public submits to a consultation: anchor, text and author (optionally with
 * organisation and jurisdiction); optionally a contact e-mail, which the registry never
 * publishes, and the consent to publication with the privacy notice shown. The registry assigns
 * id, time and state.
 *
 * @example
 * contributionSubmissionSchema.parse({ anchor: { section: '3.2' }, text: { de: 'Bitte ergänzen …' }, author: { kind: 'anonymous' } });
 */
export const contributionSubmissionSchema = z.strictObject({
  anchor: contributionSchema.shape.anchor,
  text: contributionSchema.shape.text,
  author: contributionSchema.shape.author,
  contact: contributionSchema.shape.contact,
  consent: contributionSchema.shape.consent,
});
/** A contribution submission. @example const s: ContributionSubmission = { anchor: { section: '1' }, text: { de: 'Text' }, author: { kind: 'anonymous' } }; */
export type ContributionSubmission = z.input<typeof contributionSubmissionSchema>;

/**
 * The secretariat's decision on a contribution: its new state and, for answered states
 * (`accepted`, `partially-accepted`, `rejected`, `duplicate`), the disposition.
 *
 * @example
 * contributionDispositionSchema.parse({ state: 'accepted', disposition: { reason: { de: 'Aufgenommen' }, answeredAt: '2027-03-01T09:00:00Z' } });
 */
export const contributionDispositionSchema = z.strictObject({
  state: contributionStateSchema,
  disposition: z.optional(dispositionSchema),
});
/** A disposition request. @example const d: ContributionDisposition = { state: 'published' }; */
export type ContributionDisposition = z.input<typeof contributionDispositionSchema>;

/** Contribution states that carry a disposition. @example dispositionStates.includes('rejected'); */
export const dispositionStates: readonly string[] = answeredStates;

/**
 * Query of `listPilots`: filter by status, administrative level, Land (state key) and recommendation.
 *
 * @example
 * listPilotsQuerySchema.parse({ level: 'municipality', state: '09' });
 */
export const listPilotsQuerySchema = z.object({
  status: z.optional(pilotStatusSchema),
  level: z.optional(administrativeLevelSchema),
  state: z.optional(z.string().check(z.regex(/^\d{2}$/))),
  recommendation: z.optional(slugSchema),
  cursor,
  limit,
});
/** Path parameters naming a pilot. */
export const pilotParamsSchema = z.object({ pilotId: slugSchema });
/** Path parameters naming an experience report. */
export const reportParamsSchema = z.object({ pilotId: slugSchema, reportId: slugSchema });
/** Query of `listExperienceReports`. */
export const listReportsQuerySchema = z.object({ cursor, limit });

const reportShape = experienceReportSchema.shape;
/**
 * What an administration submits as an experience report; the registry assigns id, pilot and
 * the review status `submitted`.
 *
 * @example
 * experienceReportSubmissionSchema.parse({ title: { de: 'Erfahrungen' }, author: { organisation: 'Stadt A', jurisdiction: { level: 'municipality', key: '01054015', name: 'A' } },
 *   date: '2027-09-01', worked: [{ de: 'Import' }], didNotWork: [], effortPersonDays: 3, costs: { amountCents: 0, currency: 'EUR' }, wouldRecommend: true, attachments: [] });
 */
export const experienceReportSubmissionSchema = z.strictObject({
  title: reportShape.title,
  author: reportShape.author,
  date: reportShape.date,
  worked: reportShape.worked,
  didNotWork: reportShape.didNotWork,
  effortPersonDays: reportShape.effortPersonDays,
  costs: reportShape.costs,
  wouldRecommend: reportShape.wouldRecommend,
  attachments: reportShape.attachments,
  license: reportShape.license,
});
/**
 * An experience report submission.
 *
 * @example
 * await registry.submitExperienceReport('pilot-1', submission satisfies ExperienceReportSubmission);
 */
export type ExperienceReportSubmission = z.input<typeof experienceReportSubmissionSchema>;

/**
 * The secretariat's review of an experience report: publish or reject (with a reason).
 *
 * @example
 * experienceReportReviewSchema.parse({ status: { state: 'published', date: '2027-09-10' } });
 */
export const experienceReportReviewSchema = z.strictObject({ status: experienceReportStatusSchema });
/**
 * A review request.
 *
 * @example
 * await registry.reviewExperienceReport('pilot-1', 'r-1', { status: { state: 'published', date: '2027-09-10' } });
 */
export type ExperienceReportReview = z.input<typeof experienceReportReviewSchema>;

/** Path parameters naming a decision (`2027/04` → year 2027, number 04). */
export const decisionParamsSchema = z.object({
  year: z.string().check(z.regex(/^\d{4}$/)),
  number: z.string().check(z.regex(/^\d{1,4}$/)),
});
/** Query of `listDecisions`. */
export const listDecisionsQuerySchema = z.object({ cursor, limit });

/**
 * The OpenAPI document served at `/openapi.json` (checked loosely: the version and the paths).
 *
 * @example
 * openApiDocumentSchema.parse({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} });
 */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** A JSON-LD document (the DCAT-AP.de catalogue): a JSON object with an `@context`. */
export const jsonLdDocumentSchema = z.looseObject({ '@context': z.unknown() });

/**
 * The body (Gremium) with its members: organs, jurisdictions, people, seats, memberships and
 * rules of procedure, all as `@foederal/membership` defines them. Contact data of people is
 * left out by the server unless the caller may see it.
 *
 * @example
 * bodySchema.parse({ organizations: [], jurisdictions: [], people: [], posts: [], memberships: [], rules: [] });
 */
export const bodySchema = z.object({
  organizations: z.array(organizationSchema),
  jurisdictions: z.array(jurisdictionSchema),
  people: z.array(personSchema),
  posts: z.array(postSchema),
  memberships: z.array(membershipSchema),
  rules: z.array(rulesOfProcedureSchema),
});
/**
 * The body with its members.
 *
 * @example
 * const body: Body = await registry.getBody();
 */
export type Body = z.output<typeof bodySchema>;

/**
 * A joint project whose costs the participants share (issue 11): total in euro cents, the rules
 * whose `costSharing` applies (a preset id such as `amev-style-working-group` or a rules id of the
 * body), the date that selects the Königsteiner Schlüssel table, and the participants.
 *
 * @example
 * jointProjectSchema.parse({ id: 'gebaeudedatenportal', title: { de: 'Gebäudedatenportal' }, total: 100_000_000,
 *   rules: 'amev-style-working-group', date: '2027-01-01', participants: [{ id: 'bund', level: 'federal' }] });
 */
export const jointProjectSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  total: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  rules: z.string().check(z.minLength(1), z.maxLength(200)),
  date: isoDateSchema,
  koenigsteinYear: z.optional(z.int().check(z.minimum(1949), z.maximum(2200))),
  participants: z.array(costParticipantSchema).check(z.minLength(1), z.maxLength(10_000)),
});
/**
 * A joint project.
 *
 * @example
 * const project: JointProject = await registry.getJointProject('gebaeudedatenportal');
 */
export type JointProject = z.output<typeof jointProjectSchema>;

/** Texts the packages write themselves carry both languages (`Required<LocalizedText>`). */
const writtenTextSchema = z.required(localizedTextSchema);

/**
 * The wire form of `shareCosts` from `@foederal/membership` (its `CostShareResult`): every share
 * with basis and explanation, the table used, and the explanation lines. The amounts must add up
 * to the total exactly.
 *
 * @example
 * costShareResultSchema.parse(shareCosts({ total: 100_00, rules: 'amev-style-working-group', date: '2027-01-01', participants }));
 */
export const costShareResultSchema = z.object({
  total: z.int().check(z.minimum(0)),
  currency: z.literal('EUR'),
  table: z.exactOptional(z.object({ year: z.int(), source: z.string() })),
  shares: z.array(z.object({
    id: z.string(),
    level: memberLevelSchema,
    state: z.exactOptional(stateCodeSchema),
    amount: z.int().check(z.minimum(0)),
    basis: z.enum(['federal', 'fixed', 'koenigstein', 'none']),
    roundedUp: z.boolean(),
    explanation: writtenTextSchema,
  })),
  explanation: z.array(writtenTextSchema),
}).check(z.refine((r) => r.shares.reduce((sum, s) => sum + s.amount, 0) === r.total, {
  error: 'Die Anteile ergeben nicht den Gesamtbetrag / the shares do not add up to the total',
  path: ['shares'],
}));
// Compile-time link to membership's type: if CostShareResult changes, this line stops compiling.
const costShareResultMatches: z.output<typeof costShareResultSchema> extends CostShareResult ? true : never = true;
void costShareResultMatches;

/** Query of `listJointProjects`. */
export const listJointProjectsQuerySchema = z.object({ cursor, limit });
/** Path parameters naming a joint project. */
export const jointProjectParamsSchema = z.object({ projectId: slugSchema });
/** A page of joint projects. */
export const jointProjectPageSchema = pageSchema(jointProjectSchema);

/** A page of recommendations. */
export const recommendationPageSchema = pageSchema(recommendationSchema);
/** A page of consultations. */
export const consultationPageSchema = pageSchema(consultationSchema);
/** A page of contributions. */
export const contributionPageSchema = pageSchema(contributionSchema);
/** A page of decisions. */
export const decisionPageSchema = pageSchema(decisionSchema);
/** A page of pilots. */
export const pilotPageSchema = pageSchema(pilotSchema);
/** A page of experience reports. */
export const experienceReportPageSchema = pageSchema(experienceReportSchema);
/** The editions (versions) of one recommendation, newest first. */
export const editionListSchema = z.object({ items: z.array(recommendationSchema) });

/**
 * Named schemas of the registry API: the components of the OpenAPI document.
 *
 * @example
 * Object.keys(registryComponents); // ['Recommendation', 'Attachment', …]
 */
export const registryComponents = {
  ProblemDetails: problemDetailsSchema,
  Recommendation: recommendationSchema,
  RecommendationPage: recommendationPageSchema,
  EditionList: editionListSchema,
  Attachment: attachmentSchema,
  LifecycleEvent: lifecycleEventSchema,
  Consultation: consultationSchema,
  ConsultationPage: consultationPageSchema,
  Contribution: contributionSchema,
  ContributionPage: contributionPageSchema,
  ContributionSubmission: contributionSubmissionSchema,
  ContributionDisposition: contributionDispositionSchema,
  Body: bodySchema,
  Organization: organizationSchema,
  Jurisdiction: jurisdictionSchema,
  Person: personSchema,
  Post: postSchema,
  Membership: membershipSchema,
  RulesOfProcedure: rulesOfProcedureSchema,
  Condition: conditionSchema,
  Decision: decisionSchema,
  JointProject: jointProjectSchema,
  JointProjectPage: jointProjectPageSchema,
  CostShareResult: costShareResultSchema,
  DecisionPage: decisionPageSchema,
  Pilot: pilotSchema,
  PilotPage: pilotPageSchema,
  ExperienceReport: experienceReportSchema,
  ExperienceReportPage: experienceReportPageSchema,
  ExperienceReportSubmission: experienceReportSubmissionSchema,
  ExperienceReportReview: experienceReportReviewSchema,
  OpenApiDocument: openApiDocumentSchema,
  JsonLdDocument: jsonLdDocumentSchema,
} as const;
