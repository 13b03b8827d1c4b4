import type { Language } from '@foederal/core';
import type {
  LifecycleEvent,
  Consultation,
  Contribution,
  Decision,
  ExperienceReport,
  Pilot,
  Recommendation,
} from '@foederal/recommendations';
import type * as z from 'zod/mini';
import type { CallOptions, ContractClient, ContractClientOptions, PagedList } from '../client/contract-client.js';
import { createContractClient } from '../client/contract-client.js';
import type { BinaryInput, RouteResult } from '../contract/types.js';
import { PublicationError } from '../errors.js';
import type { RegistryContract } from './contract.js';
import { registryContract } from './contract.js';
import type {
  Body,
  ContributionDisposition,
  ContributionSubmission,
  ExperienceReportReview,
  ExperienceReportSubmission,
  JointProject,
  listConsultationsQuerySchema,
  listJointProjectsQuerySchema,
  listContributionsQuerySchema,
  listDecisionsQuerySchema,
  listPilotsQuerySchema,
  listRecommendationsQuerySchema,
  listReportsQuerySchema,
} from './schemas.js';

/**
 * Options of {@link createRegistryClient}.
 *
 * @example
 * const options: RegistryClientOptions = { baseUrl: 'https://registry.example.org', token: () => sessionStorage.getItem('token') ?? undefined };
 */
export type RegistryClientOptions = ContractClientOptions;

/**
 * Query of a paginated list, without the cursor (the client follows the links itself).
 *
 * @example
 * const query: ListQuery<typeof listPilotsQuerySchema> = { level: 'municipality', limit: 50 };
 */
export type ListQuery<S extends z.core.$ZodType> = Omit<z.output<S>, 'cursor'>;

/**
 * Metadata of an uploaded document.
 *
 * @example
 * await registry.uploadAttachment(id, 'main', pdf, { role: 'main', title: 'Empfehlung', mediaType: 'application/pdf' });
 */
export interface AttachmentUpload {
  readonly role: 'main' | 'annex' | 'template' | 'data-requirements';
  /** German title. */
  readonly title: string;
  /** English title. */
  readonly titleEn?: string;
  readonly language?: Language;
  /** Media type sent as `Content-Type` (default `application/octet-stream`). */
  readonly mediaType?: string;
}

/**
 * The registry client: one method per route of {@link registryContract}.
 *
 * @example
 * const registry: RegistryClient = createRegistryClient({ baseUrl: 'https://registry.example.org' });
 */
export interface RegistryClient {
  /** All recommendations matching the query, across all pages. */
  listRecommendations(query?: ListQuery<typeof listRecommendationsQuerySchema>, options?: CallOptions): PagedList<Recommendation, RouteResult<RegistryContract['listRecommendations']>>;
  createRecommendation(recommendation: z.input<typeof registryContract.createRecommendation.body.schema>, options?: CallOptions): Promise<Recommendation>;
  getRecommendation(id: string, options?: CallOptions): Promise<Recommendation>;
  /** Replace a recommendation; `If-Match` is the ETag of the last read (or `options.ifMatch`). */
  updateRecommendation(id: string, recommendation: z.input<typeof registryContract.updateRecommendation.body.schema>, options?: CallOptions): Promise<Recommendation>;
  /** Apply a lifecycle event (`publish`, `adopt`, …); the server answers 409 `invalid-transition` when a guard refuses. */
  transitionRecommendation(id: string, event: LifecycleEvent, options?: CallOptions): Promise<Recommendation>;
  listRecommendationEditions(id: string, options?: CallOptions): Promise<Recommendation[]>;
  getRecommendationEdition(id: string, version: string, options?: CallOptions): Promise<Recommendation>;
  /** Upload a document; its SHA-256 goes along as `Content-Digest` and the server checks it. */
  uploadAttachment(id: string, attachmentId: string, data: BinaryInput, meta: AttachmentUpload, options?: CallOptions): Promise<RouteResult<RegistryContract['uploadAttachment']>>;
  /** Download a document; a `Content-Digest` that does not match the bytes is a `contract-violation`. */
  downloadAttachment(id: string, attachmentId: string, options?: CallOptions): Promise<Uint8Array>;
  listConsultations(query?: ListQuery<typeof listConsultationsQuerySchema>, options?: CallOptions): PagedList<Consultation, RouteResult<RegistryContract['listConsultations']>>;
  createConsultation(consultation: z.input<typeof registryContract.createConsultation.body.schema>, options?: CallOptions): Promise<Consultation>;
  getConsultation(consultationId: string, options?: CallOptions): Promise<Consultation>;
  listContributions(consultationId: string, query?: ListQuery<typeof listContributionsQuerySchema>, options?: CallOptions): PagedList<Contribution, RouteResult<RegistryContract['listContributions']>>;
  submitContribution(consultationId: string, submission: ContributionSubmission, options?: CallOptions): Promise<Contribution>;
  getContribution(consultationId: string, contributionId: string, options?: CallOptions): Promise<Contribution>;
  /** Import a full contribution (e.g. from `openCode.importContributions`), keeping its id and `externalRef`; 409 when it exists. */
  importContribution(consultationId: string, contribution: z.input<typeof registryContract.importContribution.body.schema>, options?: CallOptions): Promise<Contribution>;
  disposeContribution(consultationId: string, contributionId: string, disposition: ContributionDisposition, options?: CallOptions): Promise<Contribution>;
  /** Erase the personal data of a contribution (secretariat); text and disposition stay. */
  erasePersonalData(consultationId: string, contributionId: string, options?: CallOptions): Promise<Contribution>;
  /** The body with its organs, members, seats and rules of procedure. */
  getBody(options?: CallOptions): Promise<Body>;
  listDecisions(query?: ListQuery<typeof listDecisionsQuerySchema>, options?: CallOptions): PagedList<Decision, RouteResult<RegistryContract['listDecisions']>>;
  /** A decision by its id (`2027/04`). */
  getDecision(decisionId: string, options?: CallOptions): Promise<Decision>;
  listPilots(query?: ListQuery<typeof listPilotsQuerySchema>, options?: CallOptions): PagedList<Pilot, RouteResult<RegistryContract['listPilots']>>;
  createPilot(pilot: z.input<typeof registryContract.createPilot.body.schema>, options?: CallOptions): Promise<Pilot>;
  getPilot(pilotId: string, options?: CallOptions): Promise<Pilot>;
  updatePilot(pilotId: string, pilot: z.input<typeof registryContract.updatePilot.body.schema>, options?: CallOptions): Promise<Pilot>;
  listExperienceReports(pilotId: string, query?: ListQuery<typeof listReportsQuerySchema>, options?: CallOptions): PagedList<ExperienceReport, RouteResult<RegistryContract['listExperienceReports']>>;
  submitExperienceReport(pilotId: string, report: ExperienceReportSubmission, options?: CallOptions): Promise<ExperienceReport>;
  getExperienceReport(pilotId: string, reportId: string, options?: CallOptions): Promise<ExperienceReport>;
  reviewExperienceReport(pilotId: string, reportId: string, review: ExperienceReportReview, options?: CallOptions): Promise<ExperienceReport>;
  listJointProjects(query?: ListQuery<typeof listJointProjectsQuerySchema>, options?: CallOptions): PagedList<JointProject, RouteResult<RegistryContract['listJointProjects']>>;
  createJointProject(project: z.input<typeof registryContract.createJointProject.body.schema>, options?: CallOptions): Promise<JointProject>;
  getJointProject(projectId: string, options?: CallOptions): Promise<JointProject>;
  updateJointProject(projectId: string, project: z.input<typeof registryContract.updateJointProject.body.schema>, options?: CallOptions): Promise<JointProject>;
  /** The cost shares of a joint project as computed by `shareCosts`, with explanations; the amounts add up to the total. */
  getCostShares(projectId: string, options?: CallOptions): Promise<RouteResult<RegistryContract['getCostShares']>>;
  /** The Atom feed (XML text). */
  atomFeed(options?: CallOptions): Promise<string>;
  /** The JSON Feed (JSON text). */
  jsonFeed(options?: CallOptions): Promise<string>;
  /** The DCAT-AP.de catalogue as Turtle. */
  catalogTurtle(options?: CallOptions): Promise<string>;
  /** The DCAT-AP.de catalogue as JSON-LD. */
  catalogJsonLd(options?: CallOptions): Promise<RouteResult<RegistryContract['catalogJsonLd']>>;
  /** The server's OpenAPI document. */
  openApiDocument(options?: CallOptions): Promise<RouteResult<RegistryContract['openApiDocument']>>;
  /** The contract client underneath: `call` any route with full metadata (status, ETag, links). */
  readonly contract: ContractClient<RegistryContract>;
}

function decisionParams(decisionId: string): { year: string; number: string } {
  const m = /^(\d{4})\/(\d{1,4})$/.exec(decisionId);
  if (!m) {
    throw new PublicationError('invalid-input', `Beschlussnummer Jahr/Nummer erwartet / decision id year/number expected: ${decisionId}`, {
      issues: [{ path: '$.decisionId', message: 'expected year/number, e.g. 2027/04' }],
    });
  }
  return { year: m[1] as string, number: m[2] as string };
}

/**
 * A typed client for the registry API, small enough for web pages and unchanged in Node.
 * Lists are async iterables over all pages (`Link: rel="next"`); GETs are cached by ETag and
 * revalidated with `If-None-Match`; writes send `If-Match` from that cache; only idempotent
 * requests are retried (backoff with jitter, `Retry-After` on 429/503); every response is checked
 * against the contract; every failure is a {@link PublicationError} with the problem details.
 *
 * @example
 * const registry = createRegistryClient({ baseUrl: 'https://registry.example.org', token });
 * for await (const r of registry.listRecommendations({ status: 'published', q: 'Wartung' })) console.log(r.title.de);
 * const r = await registry.getRecommendation('wartung-2018');
 * await registry.updateRecommendation('wartung-2018', { ...r, description: { de: 'Neu' } }); // If-Match from the read
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const c = createContractClient(registryContract, options);
  const data = async <T>(p: Promise<{ data: T }>): Promise<T> => (await p).data;
  return {
    contract: c,
    listRecommendations: (query = {}, o) => c.paginate('listRecommendations', { query }, o),
    createRecommendation: (body, o) => data(c.call('createRecommendation', { body }, o)),
    getRecommendation: (id, o) => data(c.call('getRecommendation', { params: { id } }, o)),
    updateRecommendation: (id, body, o) => data(c.call('updateRecommendation', { params: { id }, body }, o)),
    transitionRecommendation: (id, body, o) => data(c.call('transitionRecommendation', { params: { id }, body }, o)),
    listRecommendationEditions: async (id, o) => (await c.call('listRecommendationEditions', { params: { id } }, o)).data.items,
    getRecommendationEdition: (id, version, o) => data(c.call('getRecommendationEdition', { params: { id, version } }, o)),
    uploadAttachment: (id, attachmentId, body, meta, o) => {
      const query: Record<string, string> = { role: meta.role, title: meta.title };
      if (meta.titleEn !== undefined) query['titleEn'] = meta.titleEn;
      if (meta.language !== undefined) query['language'] = meta.language;
      return data(c.call('uploadAttachment', {
        params: { id, attachmentId }, query, body,
        ...(meta.mediaType === undefined ? {} : { contentType: meta.mediaType }),
      }, o));
    },
    downloadAttachment: (id, attachmentId, o) => data(c.call('downloadAttachment', { params: { id, attachmentId } }, o)),
    listConsultations: (query = {}, o) => c.paginate('listConsultations', { query }, o),
    createConsultation: (body, o) => data(c.call('createConsultation', { body }, o)),
    getConsultation: (consultationId, o) => data(c.call('getConsultation', { params: { consultationId } }, o)),
    listContributions: (consultationId, query = {}, o) => c.paginate('listContributions', { params: { consultationId }, query }, o),
    submitContribution: (consultationId, body, o) => data(c.call('submitContribution', { params: { consultationId }, body }, o)),
    getContribution: (consultationId, contributionId, o) => data(c.call('getContribution', { params: { consultationId, contributionId } }, o)),
    importContribution: (consultationId, body, o) =>
      data(c.call('importContribution', { params: { consultationId, contributionId: body.id }, body }, o)),
    disposeContribution: (consultationId, contributionId, body, o) =>
      data(c.call('disposeContribution', { params: { consultationId, contributionId }, body }, o)),
    erasePersonalData: (consultationId, contributionId, o) =>
      data(c.call('erasePersonalData', { params: { consultationId, contributionId } }, o)),
    getBody: (o) => data(c.call('getBody', {}, o)),
    listDecisions: (query = {}, o) => c.paginate('listDecisions', { query }, o),
    getDecision: async (decisionId, o) => data(c.call('getDecision', { params: decisionParams(decisionId) }, o)),
    listPilots: (query = {}, o) => c.paginate('listPilots', { query }, o),
    createPilot: (body, o) => data(c.call('createPilot', { body }, o)),
    getPilot: (pilotId, o) => data(c.call('getPilot', { params: { pilotId } }, o)),
    updatePilot: (pilotId, body, o) => data(c.call('updatePilot', { params: { pilotId }, body }, o)),
    listExperienceReports: (pilotId, query = {}, o) => c.paginate('listExperienceReports', { params: { pilotId }, query }, o),
    submitExperienceReport: (pilotId, body, o) => data(c.call('submitExperienceReport', { params: { pilotId }, body }, o)),
    getExperienceReport: (pilotId, reportId, o) => data(c.call('getExperienceReport', { params: { pilotId, reportId } }, o)),
    reviewExperienceReport: (pilotId, reportId, body, o) => data(c.call('reviewExperienceReport', { params: { pilotId, reportId }, body }, o)),
    listJointProjects: (query = {}, o) => c.paginate('listJointProjects', { query }, o),
    createJointProject: (body, o) => data(c.call('createJointProject', { body }, o)),
    getJointProject: (projectId, o) => data(c.call('getJointProject', { params: { projectId } }, o)),
    updateJointProject: (projectId, body, o) => data(c.call('updateJointProject', { params: { projectId }, body }, o)),
    getCostShares: (projectId, o) => data(c.call('getCostShares', { params: { projectId } }, o)),
    atomFeed: (o) => data(c.call('atomFeed', {}, o)),
    jsonFeed: (o) => data(c.call('jsonFeed', {}, o)),
    catalogTurtle: (o) => data(c.call('catalogTurtle', {}, o)),
    catalogJsonLd: (o) => data(c.call('catalogJsonLd', {}, o)),
    openApiDocument: (o) => data(c.call('openApiDocument', {}, o)),
  };
}
