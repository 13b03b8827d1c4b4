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

const d = (de: string, en: string): { de: string; en: string } => ({ de, en });

// ---------------------------------------------------------------- recommendations
const listRecommendations = defineRoute({
  id: 'listRecommendations',
  method: 'GET',
  path: `${api}/recommendations`,
  tag: 'recommendations',
  summary: d('Empfehlungen auflisten (Filter, Volltextsuche, seitenweise)', 'List recommendations (filter, full-text search, paged)'),
  auth: 'public',
  query: listRecommendationsQuerySchema,
  response: { status: 200, description: d('Eine Seite des Katalogs', 'One page of the catalogue'), body: json(recommendationPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createRecommendation = defineRoute({
  id: 'createRecommendation',
  method: 'POST',
  path: `${api}/recommendations`,
  tag: 'recommendations',
  summary: d('Empfehlung anlegen', 'Create a recommendation'),
  auth: 'secretariat',
  body: json(recommendationSchema),
  response: { status: 201, description: d('Angelegt', 'Created'), body: json(recommendationSchema), headers: ['ETag', 'Location'] },
  resource: 'getRecommendation',
  problems: ['validation-failed', 'conflict'],
});

const getRecommendation = defineRoute({
  id: 'getRecommendation',
  method: 'GET',
  path: `${api}/recommendations/{id}`,
  tag: 'recommendations',
  summary: d('Eine Empfehlung lesen (aktuelle Ausgabe)', 'Read a recommendation (current edition)'),
  auth: 'public',
  params: recommendationParamsSchema,
  response: { status: 200, description: d('Die Empfehlung', 'The recommendation'), body: json(recommendationSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const updateRecommendation = defineRoute({
  id: 'updateRecommendation',
  method: 'PUT',
  path: `${api}/recommendations/{id}`,
  tag: 'recommendations',
  summary: d('Empfehlung ändern (If-Match erforderlich)', 'Update a recommendation (If-Match required)'),
  auth: 'secretariat',
  params: recommendationParamsSchema,
  body: json(recommendationSchema),
  response: { status: 200, description: d('Geändert', 'Updated'), body: json(recommendationSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getRecommendation',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const transitionRecommendation = defineRoute({
  id: 'transitionRecommendation',
  method: 'POST',
  path: `${api}/recommendations/{id}/transitions`,
  tag: 'recommendations',
  summary: d(
    'Lebenszyklus-Ereignis anwenden: überarbeiten, Konsultation öffnen/schließen, beschließen, veröffentlichen, ersetzen, zurückziehen, Einführung erfassen (If-Match erforderlich)',
    'Apply a lifecycle event: revise, open/close consultation, adopt, publish, supersede, withdraw, record an adoption (If-Match required)',
  ),
  auth: 'secretariat',
  params: recommendationParamsSchema,
  body: json(lifecycleEventSchema),
  response: { status: 200, description: d('Neuer Stand', 'New state'), body: json(recommendationSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getRecommendation',
  problems: ['not-found', 'validation-failed', 'invalid-transition', 'precondition-failed', 'precondition-required'],
});

const listRecommendationEditions = defineRoute({
  id: 'listRecommendationEditions',
  method: 'GET',
  path: `${api}/recommendations/{id}/editions`,
  tag: 'recommendations',
  summary: d('Alle Ausgaben (Versionen) einer Empfehlung, neueste zuerst', 'All editions (versions) of a recommendation, newest first'),
  auth: 'public',
  params: recommendationParamsSchema,
  response: { status: 200, description: d('Die Ausgaben', 'The editions'), body: json(editionListSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const getRecommendationEdition = defineRoute({
  id: 'getRecommendationEdition',
  method: 'GET',
  path: `${api}/recommendations/{id}/editions/{version}`,
  tag: 'recommendations',
  summary: d('Eine Ausgabe lesen (unveränderlich)', 'Read one edition (immutable)'),
  auth: 'public',
  params: editionParamsSchema,
  response: { status: 200, description: d('Die Ausgabe', 'The edition'), body: json(recommendationSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const uploadAttachment = defineRoute({
  id: 'uploadAttachment',
  method: 'PUT',
  path: `${api}/recommendations/{id}/attachments/{attachmentId}`,
  tag: 'recommendations',
  summary: d(
    'Dokument hochladen (Content-Digest mit SHA-256 erforderlich)',
    'Upload a document (Content-Digest with SHA-256 required)',
  ),
  auth: 'secretariat',
  params: attachmentParamsSchema,
  query: uploadAttachmentQuerySchema,
  body: { kind: 'binary', mediaType: 'application/octet-stream' },
  digest: 'required',
  response: { status: 201, description: d('Gespeichert', 'Stored'), body: json(attachmentSchema), headers: ['Location'] },
  resource: 'getRecommendation',
  problems: ['not-found', 'bad-request', 'digest-mismatch', 'payload-too-large', 'unsupported-media-type'],
});

const downloadAttachment = defineRoute({
  id: 'downloadAttachment',
  method: 'GET',
  path: `${api}/recommendations/{id}/attachments/{attachmentId}`,
  tag: 'recommendations',
  summary: d('Dokument herunterladen', 'Download a document'),
  auth: 'public',
  params: attachmentParamsSchema,
  response: {
    status: 200,
    description: d('Der Inhalt; Content-Digest zur Prüfung', 'The content; Content-Digest to verify it'),
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
  summary: d('Konsultationen auflisten', 'List consultations'),
  auth: 'public',
  query: listConsultationsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(consultationPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createConsultation = defineRoute({
  id: 'createConsultation',
  method: 'POST',
  path: `${api}/consultations`,
  tag: 'consultations',
  summary: d('Konsultation anlegen', 'Create a consultation'),
  auth: 'secretariat',
  body: json(consultationSchema),
  response: { status: 201, description: d('Angelegt', 'Created'), body: json(consultationSchema), headers: ['ETag', 'Location'] },
  resource: 'getConsultation',
  problems: ['validation-failed', 'conflict', 'not-found'],
});

const getConsultation = defineRoute({
  id: 'getConsultation',
  method: 'GET',
  path: `${api}/consultations/{consultationId}`,
  tag: 'consultations',
  summary: d('Eine Konsultation lesen (mit den veröffentlichten Beiträgen)', 'Read a consultation (with the published contributions)'),
  auth: 'public',
  params: consultationParamsSchema,
  response: { status: 200, description: d('Die Konsultation', 'The consultation'), body: json(consultationSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const listContributions = defineRoute({
  id: 'listContributions',
  method: 'GET',
  path: `${api}/consultations/{consultationId}/contributions`,
  tag: 'consultations',
  summary: d(
    'Beiträge auflisten (öffentlich: nur veröffentlichte und beantwortete)',
    'List contributions (public: only published and answered ones)',
  ),
  auth: 'public',
  params: consultationParamsSchema,
  query: listContributionsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(contributionPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['not-found', 'bad-request'],
});

const submitContribution = defineRoute({
  id: 'submitContribution',
  method: 'POST',
  path: `${api}/consultations/{consultationId}/contributions`,
  tag: 'consultations',
  summary: d('Beitrag einreichen (öffentlich)', 'Submit a contribution (public)'),
  auth: 'public',
  params: consultationParamsSchema,
  body: json(contributionSubmissionSchema),
  response: { status: 201, description: d('Eingegangen', 'Received'), body: json(contributionSchema), headers: ['ETag', 'Location'] },
  resource: 'getContribution',
  problems: ['not-found', 'validation-failed', 'conflict', 'rate-limited', 'payload-too-large'],
});

const getContribution = defineRoute({
  id: 'getContribution',
  method: 'GET',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}`,
  tag: 'consultations',
  summary: d('Einen Beitrag lesen', 'Read a contribution'),
  auth: 'public',
  params: contributionParamsSchema,
  response: { status: 200, description: d('Der Beitrag', 'The contribution'), body: json(contributionSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const disposeContribution = defineRoute({
  id: 'disposeContribution',
  method: 'PUT',
  path: `${api}/consultations/{consultationId}/contributions/{contributionId}/disposition`,
  tag: 'consultations',
  summary: d('Beitrag abwägen (Geschäftsstelle, If-Match erforderlich)', 'Dispose of a contribution (secretariat, If-Match required)'),
  auth: 'secretariat',
  params: contributionParamsSchema,
  body: json(contributionDispositionSchema),
  response: { status: 200, description: d('Neuer Stand', 'New state'), body: json(contributionSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getContribution',
  problems: ['not-found', 'validation-failed', 'precondition-failed', 'precondition-required'],
});

// ---------------------------------------------------------------- body and decisions
const getBody = defineRoute({
  id: 'getBody',
  method: 'GET',
  path: `${api}/body`,
  tag: 'body',
  summary: d('Das Gremium mit Organen, Mitgliedern, Sitzen und Geschäftsordnung', 'The body with its organs, members, seats and rules of procedure'),
  auth: 'public',
  response: { status: 200, description: d('Das Gremium', 'The body'), body: json(bodySchema), headers: ['ETag'] },
  etag: true,
  problems: [],
});

const listDecisions = defineRoute({
  id: 'listDecisions',
  method: 'GET',
  path: `${api}/decisions`,
  tag: 'body',
  summary: d('Beschlüsse des Gremiums', 'Decisions of the body'),
  auth: 'public',
  query: listDecisionsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(decisionPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const getDecision = defineRoute({
  id: 'getDecision',
  method: 'GET',
  path: `${api}/decisions/{year}/{number}`,
  tag: 'body',
  summary: d('Einen Beschluss lesen (Ergebnis mit Begründung)', 'Read a decision (result with explanation)'),
  auth: 'public',
  params: decisionParamsSchema,
  response: { status: 200, description: d('Der Beschluss', 'The decision'), body: json(decisionSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

// ---------------------------------------------------------------- pilots and experience reports
const listPilots = defineRoute({
  id: 'listPilots',
  method: 'GET',
  path: `${api}/pilots`,
  tag: 'pilots',
  summary: d('Pilotregister (Filter nach Status, Ebene, Land, Empfehlung)', 'Pilot register (filter by status, level, Land, recommendation)'),
  auth: 'public',
  query: listPilotsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(pilotPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createPilot = defineRoute({
  id: 'createPilot',
  method: 'POST',
  path: `${api}/pilots`,
  tag: 'pilots',
  summary: d('Pilotierung eintragen', 'Register a pilot'),
  auth: 'secretariat',
  body: json(pilotSchema),
  response: { status: 201, description: d('Angelegt', 'Created'), body: json(pilotSchema), headers: ['ETag', 'Location'] },
  resource: 'getPilot',
  problems: ['validation-failed', 'conflict'],
});

const getPilot = defineRoute({
  id: 'getPilot',
  method: 'GET',
  path: `${api}/pilots/{pilotId}`,
  tag: 'pilots',
  summary: d('Eine Pilotierung lesen', 'Read a pilot'),
  auth: 'public',
  params: pilotParamsSchema,
  response: { status: 200, description: d('Die Pilotierung', 'The pilot'), body: json(pilotSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const updatePilot = defineRoute({
  id: 'updatePilot',
  method: 'PUT',
  path: `${api}/pilots/{pilotId}`,
  tag: 'pilots',
  summary: d('Pilotierung ändern (If-Match erforderlich)', 'Update a pilot (If-Match required)'),
  auth: 'secretariat',
  params: pilotParamsSchema,
  body: json(pilotSchema),
  response: { status: 200, description: d('Geändert', 'Updated'), body: json(pilotSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getPilot',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const listExperienceReports = defineRoute({
  id: 'listExperienceReports',
  method: 'GET',
  path: `${api}/pilots/{pilotId}/reports`,
  tag: 'pilots',
  summary: d('Erfahrungsberichte einer Pilotierung (öffentlich: nur veröffentlichte)', 'Experience reports of a pilot (public: published only)'),
  auth: 'public',
  params: pilotParamsSchema,
  query: listReportsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(experienceReportPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['not-found', 'bad-request'],
});

const submitExperienceReport = defineRoute({
  id: 'submitExperienceReport',
  method: 'POST',
  path: `${api}/pilots/{pilotId}/reports`,
  tag: 'pilots',
  summary: d('Erfahrungsbericht einreichen (Prüfung durch die Geschäftsstelle)', 'Submit an experience report (reviewed by the secretariat)'),
  auth: 'member',
  params: pilotParamsSchema,
  body: json(experienceReportSubmissionSchema),
  response: { status: 201, description: d('Eingegangen', 'Received'), body: json(experienceReportSchema), headers: ['ETag', 'Location'] },
  resource: 'getExperienceReport',
  problems: ['not-found', 'validation-failed', 'rate-limited'],
});

const getExperienceReport = defineRoute({
  id: 'getExperienceReport',
  method: 'GET',
  path: `${api}/pilots/{pilotId}/reports/{reportId}`,
  tag: 'pilots',
  summary: d('Einen Erfahrungsbericht lesen', 'Read an experience report'),
  auth: 'public',
  params: reportParamsSchema,
  response: { status: 200, description: d('Der Bericht', 'The report'), body: json(experienceReportSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const reviewExperienceReport = defineRoute({
  id: 'reviewExperienceReport',
  method: 'PUT',
  path: `${api}/pilots/{pilotId}/reports/{reportId}/review`,
  tag: 'pilots',
  summary: d('Erfahrungsbericht prüfen: veröffentlichen oder ablehnen (If-Match erforderlich)', 'Review an experience report: publish or reject (If-Match required)'),
  auth: 'secretariat',
  params: reportParamsSchema,
  body: json(experienceReportReviewSchema),
  response: { status: 200, description: d('Neuer Stand', 'New state'), body: json(experienceReportSchema), headers: ['ETag'] },
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
  summary: d('Gemeinsame Vorhaben', 'Joint projects'),
  auth: 'public',
  query: listJointProjectsQuerySchema,
  response: { status: 200, description: d('Eine Seite', 'One page'), body: json(jointProjectPageSchema), headers: ['ETag', 'Link'] },
  etag: true,
  paginated: true,
  problems: ['bad-request'],
});

const createJointProject = defineRoute({
  id: 'createJointProject',
  method: 'POST',
  path: `${api}/joint-projects`,
  tag: 'cost-shares',
  summary: d('Gemeinsames Vorhaben anlegen', 'Create a joint project'),
  auth: 'secretariat',
  body: json(jointProjectSchema),
  response: { status: 201, description: d('Angelegt', 'Created'), body: json(jointProjectSchema), headers: ['ETag', 'Location'] },
  resource: 'getJointProject',
  problems: ['validation-failed', 'conflict'],
});

const getJointProject = defineRoute({
  id: 'getJointProject',
  method: 'GET',
  path: `${api}/joint-projects/{projectId}`,
  tag: 'cost-shares',
  summary: d('Ein gemeinsames Vorhaben lesen', 'Read a joint project'),
  auth: 'public',
  params: jointProjectParamsSchema,
  response: { status: 200, description: d('Das Vorhaben', 'The project'), body: json(jointProjectSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found'],
});

const updateJointProject = defineRoute({
  id: 'updateJointProject',
  method: 'PUT',
  path: `${api}/joint-projects/{projectId}`,
  tag: 'cost-shares',
  summary: d('Gemeinsames Vorhaben ändern (If-Match erforderlich)', 'Update a joint project (If-Match required)'),
  auth: 'secretariat',
  params: jointProjectParamsSchema,
  body: json(jointProjectSchema),
  response: { status: 200, description: d('Geändert', 'Updated'), body: json(jointProjectSchema), headers: ['ETag'] },
  ifMatch: 'required',
  resource: 'getJointProject',
  problems: ['not-found', 'validation-failed', 'conflict', 'precondition-failed', 'precondition-required'],
});

const getCostShares = defineRoute({
  id: 'getCostShares',
  method: 'GET',
  path: `${api}/joint-projects/{projectId}/cost-shares`,
  tag: 'cost-shares',
  summary: d(
    'Kostenanteile des Vorhabens mit Erläuterung (Königsteiner Schlüssel, centgenau)',
    'Cost shares of the project with their explanation (Königsteiner Schlüssel, exact to the cent)',
  ),
  auth: 'public',
  params: jointProjectParamsSchema,
  response: { status: 200, description: d('Die Anteile', 'The shares'), body: json(costShareResultSchema), headers: ['ETag'] },
  etag: true,
  problems: ['not-found', 'conflict'],
});

// ---------------------------------------------------------------- feeds, catalogue, description
const atomFeed = defineRoute({
  id: 'atomFeed',
  method: 'GET',
  path: '/feed.atom',
  tag: 'publication',
  summary: d('Atom-Feed der Empfehlungen (RFC 4287)', 'Atom feed of the recommendations (RFC 4287)'),
  auth: 'public',
  response: { status: 200, description: d('Der Feed', 'The feed'), body: { kind: 'text', mediaType: 'application/atom+xml' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const jsonFeed = defineRoute({
  id: 'jsonFeed',
  method: 'GET',
  path: '/feed.json',
  tag: 'publication',
  summary: d('JSON Feed 1.1 der Empfehlungen', 'JSON Feed 1.1 of the recommendations'),
  auth: 'public',
  response: { status: 200, description: d('Der Feed', 'The feed'), body: { kind: 'text', mediaType: 'application/feed+json' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const catalogTurtle = defineRoute({
  id: 'catalogTurtle',
  method: 'GET',
  path: '/catalog.ttl',
  tag: 'publication',
  summary: d('DCAT-AP.de-Katalog als Turtle (für GovData)', 'DCAT-AP.de catalogue as Turtle (for GovData)'),
  auth: 'public',
  response: { status: 200, description: d('Der Katalog', 'The catalogue'), body: { kind: 'text', mediaType: 'text/turtle' }, headers: ['ETag'] },
  etag: true,
  problems: [],
});

const catalogJsonLd = defineRoute({
  id: 'catalogJsonLd',
  method: 'GET',
  path: '/catalog.jsonld',
  tag: 'publication',
  summary: d('DCAT-AP.de-Katalog als JSON-LD', 'DCAT-AP.de catalogue as JSON-LD'),
  auth: 'public',
  response: {
    status: 200,
    description: d('Der Katalog', 'The catalogue'),
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
  summary: d('Diese Schnittstellenbeschreibung (OpenAPI 3.1)', 'This API description (OpenAPI 3.1)'),
  auth: 'public',
  response: { status: 200, description: d('Das Dokument', 'The document'), body: json(openApiDocumentSchema), headers: ['ETag'] },
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
  disposeContribution,
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
