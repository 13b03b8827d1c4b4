import {
  attachmentSchema,
  consultationSchema,
  contributionSchema,
  decisionSchema,
  experienceReportSchema,
  lifecycleEventSchema,
  pilotSchema,
  recommendationSchema,
} from '@foederal/recommendations';
import { defineRoute, json } from '../contract/types.js';
import {
  attachmentParamsSchema,
  bodySchema,
  costShareResultSchema,
  jointProjectPageSchema,
  jointProjectParamsSchema,
  jointProjectSchema,
  listJointProjectsQuerySchema,
  consultationPageSchema,
  consultationParamsSchema,
  contributionDispositionSchema,
  contributionPageSchema,
  contributionParamsSchema,
  contributionSubmissionSchema,
  decisionPageSchema,
  decisionParamsSchema,
  editionListSchema,
  editionParamsSchema,
  experienceReportPageSchema,
  experienceReportReviewSchema,
  experienceReportSubmissionSchema,
  jsonLdDocumentSchema,
  listConsultationsQuerySchema,
  listContributionsQuerySchema,
  listDecisionsQuerySchema,
  listPilotsQuerySchema,
  listRecommendationsQuerySchema,
  listReportsQuerySchema,
  openApiDocumentSchema,
  pilotPageSchema,
  pilotParamsSchema,
  recommendationPageSchema,
  recommendationParamsSchema,
  reportParamsSchema,
  uploadAttachmentQuerySchema,
} from './schemas.js';

/** Path prefix of the registry API. @example `${baseUrl}${registryApiPrefix}/recommendations` */
export const registryApiPrefix = '/api/v1';
const api = registryApiPrefix;

// ---------------------------------------------------------------- recommendations
const listRecommendations = defineRoute({
  id: 'listRecommendations',
  method: 'GET',
  path: `${api}/recommendations`,
  tag: 'recommendations',
  auth: 'public',
  query: listRecommendationsQuerySchema,
  response: { status: 200, body: json(recommendationPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createRecommendation = defineRoute({
  id: 'createRecommendation',
  method: 'POST',
  path: `${api}/recommendations`,
  tag: 'recommendations',
  auth: 'secretariat',
  body: json(recommendationSchema),
  response: { status: 201, body: json(recommendationSchema), headers: ['ETag', 'Location'] },
  resource: 'getRecommendation',
  problems: ['validation-failed', 'conflict'],
});

const getRecommendation = defineRoute({
  id: 'getRecommendation',
  method: 'GET',
  path: `${api}/recommendations/{id}`,
  tag: 'recommendations',
  auth: 'public',
  params: recommendationParamsSchema,
  response: { status: 200, body: json(recommendationSchema), headers: ['ETag', 'Deprecation', 'Sunset'] },
  etag: true,
  problems: ['not-found'],
});

const updateRecommendation = defineRoute({
  id: 'updateRecommendation',
  method: 'PUT',
  path: `${api}/recommendations/{id}`,
  tag: 'recommendations',
  auth: 'secretariat',
  params: recommendationParamsSchema,
  body: json(recommendationSchema),
  response: { status: 200, body: json(recommendationSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getRecommendation',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const transitionRecommendation = defineRoute({
  id: 'transitionRecommendation',
  method: 'POST',
  path: `${api}/recommendations/{id}/transitions`,
  tag: 'recommendations',
  auth: 'secretariat',
  params: recommendationParamsSchema,
  body: json(lifecycleEventSchema),
  response: { status: 200, body: json(recommendationSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getRecommendation',
  problems: ['not-found', 'validation-failed', 'invalid-transition', 'precondition-failed', 'precondition-required'],
});

const listRecommendationEditions = defineRoute({
  id: 'listRecommendationEditions',
  method: 'GET',
  path: `${api}/recommendations/{id}/editions`,
  tag: 'recommendations',
  auth: 'public',
  params: recommendationParamsSchema,
  response: { status: 200, body: json(editionListSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const getRecommendationEdition = defineRoute({
  id: 'getRecommendationEdition',
  method: 'GET',
  path: `${api}/recommendations/{id}/editions/{version}`,
  tag: 'recommendations',
  auth: 'public',
  params: editionParamsSchema,
  response: { status: 200, body: json(recommendationSchema), headers: ['ETag', 'Deprecation', 'Sunset'] },
  etag: true,
  problems: ['not-found'],
});

const uploadAttachment = defineRoute({
  id: 'uploadAttachment',
  method: 'PUT',
  path: `${api}/recommendations/{id}/attachments/{attachmentId}`,
  tag: 'recommendations',
  auth: 'secretariat',
  params: attachmentParamsSchema,
  query: uploadAttachmentQuerySchema,
  body: { kind: 'binary', mediaType: 'application/octet-stream' },
  digest: 'required',
  response: { status: 201, body: json(attachmentSchema), headers: ['Location'] },
  resource: 'getRecommendation',
  problems: ['not-found', 'bad-request', 'digest-mismatch', 'payload-too-large', 'unsupported-media-type'],
});

const downloadAttachment = defineRoute({
  id: 'downloadAttachment',
  method: 'GET',
  path: `${api}/recommendations/{id}/attachments/{attachmentId}`,
  tag: 'recommendations',
  auth: 'public',
  params: attachmentParamsSchema,
  response: {
    status: 200,
    body: { kind: 'binary', mediaType: 'application/octet-stream' },
    headers: ['ETag', 'Content-Digest'],
  },
  etag: true,
  problems: ['not-found'],
});

// ---------------------------------------------------------------- consultations
const listConsultations = defineRoute({
  id: 'listConsultations',
  method: 'GET',
  path: `${api}/consultations`,
  tag: 'consultations',
  auth: 'public',
  query: listConsultationsQuerySchema,
  response: { status: 200, body: json(consultationPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createConsultation = defineRoute({
  id: 'createConsultation',
  method: 'POST',
  path: `${api}/consultations`,
  tag: 'consultations',
  auth: 'secretariat',
  body: json(consultationSchema),
  response: { status: 201, body: json(consultationSchema), headers: ['ETag', 'Location'] },
  resource: 'getConsultation',
  problems: ['validation-failed', 'conflict', 'not-found'],
});

const getConsultation = defineRoute({
  id: 'getConsultation',
  method: 'GET',
  path: `${api}/consultations/{consultationId}`,
  tag: 'consultations',
  auth: 'public',
  params: consultationParamsSchema,
  response: { status: 200, body: json(consultationSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const listContributions = defineRoute({
  id: 'listContributions',
  method: 'GET',
  path: `${api}/consultations/{consultationId}/contributions`,
  tag: 'consultations',
  auth: 'public',
  params: consultationParamsSchema,
  query: listContributionsQuerySchema,
  response: { status: 200, body: json(contributionPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['not-found', 'bad-request'],
});

const submitContribution = defineRoute({
  id: 'submitContribution',
  method: 'POST',
  path: `${api}/consultations/{consultationId}/contributions`,
  tag: 'consultations',
  auth: 'public',
  params: consultationParamsSchema,
  body: json(contributionSubmissionSchema),
  response: { status: 201, body: json(contributionSchema), headers: ['ETag', 'Location'] },
  resource: 'getContribution',
  problems: ['not-found', 'validation-failed', 'conflict', 'rate-limited', 'payload-too-large'],
});

const getContribution = defineRoute({
  id: 'getContribution',
  method: 'GET',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}`,
  tag: 'consultations',
  auth: 'public',
  params: contributionParamsSchema,
  response: { status: 200, body: json(contributionSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const importContribution = defineRoute({
  id: 'importContribution',
  method: 'PUT',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}`,
  tag: 'consultations',
  auth: 'secretariat',
  params: contributionParamsSchema,
  body: json(contributionSchema),
  response: { status: 201, body: json(contributionSchema), headers: ['ETag', 'Location'] },
  resource: 'getContribution',
  problems: ['not-found', 'validation-failed', 'conflict'],
});

const disposeContribution = defineRoute({
  id: 'disposeContribution',
  method: 'PUT',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}/disposition`,
  tag: 'consultations',
  auth: 'secretariat',
  params: contributionParamsSchema,
  body: json(contributionDispositionSchema),
  response: { status: 200, body: json(contributionSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getContribution',
  problems: ['not-found', 'validation-failed', 'precondition-failed', 'precondition-required'],
});

const erasePersonalData = defineRoute({
  id: 'erasePersonalData',
  method: 'DELETE',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}/personal-data`,
  tag: 'consultations',
  auth: 'secretariat',
  params: contributionParamsSchema,
  response: { status: 200, body: json(contributionSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getContribution',
  problems: ['not-found', 'precondition-failed', 'precondition-required'],
});

// ---------------------------------------------------------------- body and decisions
const getBody = defineRoute({
  id: 'getBody',
  method: 'GET',
  path: `${api}/body`,
  tag: 'body',
  auth: 'public',
  response: { status: 200, body: json(bodySchema), headers: ['ETag'] },
  etag: true,
  problems: [],
});

const listDecisions = defineRoute({
  id: 'listDecisions',
  method: 'GET',
  path: `${api}/decisions`,
  tag: 'body',
  auth: 'public',
  query: listDecisionsQuerySchema,
  response: { status: 200, body: json(decisionPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const getDecision = defineRoute({
  id: 'getDecision',
  method: 'GET',
  path: `${api}/decisions/{year}/{number}`,
  tag: 'body',
  auth: 'public',
  params: decisionParamsSchema,
  response: { status: 200, body: json(decisionSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

// ---------------------------------------------------------------- pilots and experience reports
const listPilots = defineRoute({
  id: 'listPilots',
  method: 'GET',
  path: `${api}/pilots`,
  tag: 'pilots',
  auth: 'public',
  query: listPilotsQuerySchema,
  response: { status: 200, body: json(pilotPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createPilot = defineRoute({
  id: 'createPilot',
  method: 'POST',
  path: `${api}/pilots`,
  tag: 'pilots',
  auth: 'secretariat',
  body: json(pilotSchema),
  response: { status: 201, body: json(pilotSchema), headers: ['ETag', 'Location'] },
  resource: 'getPilot',
  problems: ['validation-failed', 'conflict'],
});

const getPilot = defineRoute({
  id: 'getPilot',
  method: 'GET',
  path: `${api}/pilots/{pilotId}`,
  tag: 'pilots',
  auth: 'public',
  params: pilotParamsSchema,
  response: { status: 200, body: json(pilotSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const updatePilot = defineRoute({
  id: 'updatePilot',
  method: 'PUT',
  path: `${api}/pilots/{pilotId}`,
  tag: 'pilots',
  auth: 'secretariat',
  params: pilotParamsSchema,
  body: json(pilotSchema),
  response: { status: 200, body: json(pilotSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getPilot',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const listExperienceReports = defineRoute({
  id: 'listExperienceReports',
  method: 'GET',
  path: `${api}/pilots/{pilotId}/reports`,
  tag: 'pilots',
  auth: 'public',
  params: pilotParamsSchema,
  query: listReportsQuerySchema,
  response: { status: 200, body: json(experienceReportPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['not-found', 'bad-request'],
});

const submitExperienceReport = defineRoute({
  id: 'submitExperienceReport',
  method: 'POST',
  path: `${api}/pilots/{pilotId}/reports`,
  tag: 'pilots',
  auth: 'member',
  params: pilotParamsSchema,
  body: json(experienceReportSubmissionSchema),
  response: { status: 201, body: json(experienceReportSchema), headers: ['ETag', 'Location'] },
  resource: 'getExperienceReport',
  problems: ['not-found', 'validation-failed', 'rate-limited'],
});

const getExperienceReport = defineRoute({
  id: 'getExperienceReport',
  method: 'GET',
  path: `${api}/pilots/{pilotId}/reports/{reportId}`,
  tag: 'pilots',
  auth: 'public',
  params: reportParamsSchema,
  response: { status: 200, body: json(experienceReportSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const reviewExperienceReport = defineRoute({
  id: 'reviewExperienceReport',
  method: 'PUT',
  path: `${api}/pilots/{pilotId}/reports/{reportId}/review`,
  tag: 'pilots',
  auth: 'secretariat',
  params: reportParamsSchema,
  body: json(experienceReportReviewSchema),
  response: { status: 200, body: json(experienceReportSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getExperienceReport',
  problems: ['not-found', 'validation-failed', 'invalid-transition', 'precondition-failed', 'precondition-required'],
});

// ---------------------------------------------------------------- joint projects and cost shares
const listJointProjects = defineRoute({
  id: 'listJointProjects',
  method: 'GET',
  path: `${api}/joint-projects`,
  tag: 'cost-shares',
  auth: 'public',
  query: listJointProjectsQuerySchema,
  response: { status: 200, body: json(jointProjectPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createJointProject = defineRoute({
  id: 'createJointProject',
  method: 'POST',
  path: `${api}/joint-projects`,
  tag: 'cost-shares',
  auth: 'secretariat',
  body: json(jointProjectSchema),
  response: { status: 201, body: json(jointProjectSchema), headers: ['ETag', 'Location'] },
  resource: 'getJointProject',
  problems: ['validation-failed', 'conflict'],
});

const getJointProject = defineRoute({
  id: 'getJointProject',
  method: 'GET',
  path: `${api}/joint-projects/{projectId}`,
  tag: 'cost-shares',
  auth: 'public',
  params: jointProjectParamsSchema,
  response: { status: 200, body: json(jointProjectSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const updateJointProject = defineRoute({
  id: 'updateJointProject',
  method: 'PUT',
  path: `${api}/joint-projects/{projectId}`,
  tag: 'cost-shares',
  auth: 'secretariat',
  params: jointProjectParamsSchema,
  body: json(jointProjectSchema),
  response: { status: 200, body: json(jointProjectSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getJointProject',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const getCostShares = defineRoute({
  id: 'getCostShares',
  method: 'GET',
  path: `${api}/joint-projects/{projectId}/cost-shares`,
  tag: 'cost-shares',
  auth: 'public',
  params: jointProjectParamsSchema,
  response: { status: 200, body: json(costShareResultSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found', 'conflict'],
});

// ---------------------------------------------------------------- feeds, catalogue, description
const atomFeed = defineRoute({
  id: 'atomFeed',
  method: 'GET',
  path: '/feed.atom',
  tag: 'publication',
  auth: 'public',
  response: { status: 200, body: { kind: 'text', mediaType: 'application/atom+xml' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const jsonFeed = defineRoute({
  id: 'jsonFeed',
  method: 'GET',
  path: '/feed.json',
  tag: 'publication',
  auth: 'public',
  response: { status: 200, body: { kind: 'text', mediaType: 'application/feed+json' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const catalogTurtle = defineRoute({
  id: 'catalogTurtle',
  method: 'GET',
  path: '/catalog.ttl',
  tag: 'publication',
  auth: 'public',
  response: { status: 200, body: { kind: 'text', mediaType: 'text/turtle' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const catalogJsonLd = defineRoute({
  id: 'catalogJsonLd',
  method: 'GET',
  path: '/catalog.jsonld',
  tag: 'publication',
  auth: 'public',
  response: {
    status: 200,
    body: json(jsonLdDocumentSchema, { mediaType: 'application/ld+json' }),
    headers: ['ETag'],
  },
  etag: true,
  problems: [],
});

const openApiDocument = defineRoute({
  id: 'openApiDocument',
  method: 'GET',
  path: '/openapi.json',
  tag: 'publication',
  auth: 'public',
  response: { status: 200, body: json(openApiDocumentSchema), headers: ['ETag'] },
  etag: true,
  problems: [],
});

/**
 * The registry API contract: every route of the registry with method, path, parameters, query,
 * request body, success response, ETag/If-Match rules, pagination and the problems (RFC 9457)
 * it answers with. The reference app implements exactly these routes; the client
 * ({@link createRegistryClient}) and the OpenAPI document are generated from it.
 *
 * @example
 * const route = registryContract.getRecommendation;
 * route.method; // 'GET'
 * route.path;   // '/api/v1/recommendations/{id}'
 */
export const registryContract = {
  listRecommendations,
  createRecommendation,
  getRecommendation,
  updateRecommendation,
  transitionRecommendation,
  listRecommendationEditions,
  getRecommendationEdition,
  uploadAttachment,
  downloadAttachment,
  listConsultations,
  createConsultation,
  getConsultation,
  listContributions,
  submitContribution,
  getContribution,
  importContribution,
  disposeContribution,
  erasePersonalData,
  getBody,
  listDecisions,
  getDecision,
  listPilots,
  createPilot,
  getPilot,
  updatePilot,
  listExperienceReports,
  submitExperienceReport,
  getExperienceReport,
  reviewExperienceReport,
  listJointProjects,
  createJointProject,
  getJointProject,
  updateJointProject,
  getCostShares,
  atomFeed,
  jsonFeed,
  catalogTurtle,
  catalogJsonLd,
  openApiDocument,
} as const;

/** The registry contract's type. @example type Routes = keyof RegistryContract; */
export type RegistryContract = typeof registryContract;
/** Id of a registry route. @example const id: RegistryRouteId = 'getRecommendation'; */
export type RegistryRouteId = keyof RegistryContract;
