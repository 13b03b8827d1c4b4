// @foederal/publication: the registry API contract and typed HTTP clients.
export { PublicationError, isPublicationError } from './errors.js';
export type { PublicationErrorCode, PublicationErrorDetails, IssueLocation, ErrorLocation, ErrorMessages } from './errors.js';
export {
  problemDetailsSchema,
  problemMediaType,
  problemTypes,
  problemTypeUri,
  createProblem,
} from './problem.js';
export type { ProblemDetails, ProblemCode, ProblemType, CreateProblemOptions } from './problem.js';
export { defineRoute, json } from './contract/types.js';
export type {
  AnySchema,
  ParamsSchema,
  HttpMethod,
  Role,
  JsonBody,
  BinaryBody,
  TextBody,
  BodyDefinition,
  ResponseHeader,
  SuccessResponse,
  RouteDefinition,
  RouteDocs,
  Contract,
  BinaryInput,
  RouteParams,
  RouteQuery,
  RouteBody,
  RouteBodyOutput,
  RouteResult,
  RouteResponseBody,
  RouteItem,
  SchemaInput,
  SchemaOutput,
} from './contract/types.js';
export { buildPath } from './contract/server.js';
export {
  parseLinkHeader,
  formatLinkHeader,
  parseEtagList,
  formatEtag,
  ifMatchSatisfied,
  ifNoneMatchMatches,
} from './http-headers.js';
export type { LinkValue } from './http-headers.js';
export { sha256Hex, contentDigest, parseContentDigest } from './digest.js';
export { formatJsonPath } from './issues.js';
export { registryContract, registryApiPrefix } from './registry/contract.js';
export { registryRouteDocs } from './registry/docs.js';
export type { RegistryContract, RegistryRouteId } from './registry/contract.js';
export {
  pageSchema,
  bodySchema,
  jointProjectSchema,
  costShareResultSchema,
  registryComponents,
  contributionSubmissionSchema,
  contributionDispositionSchema,
  experienceReportSubmissionSchema,
  experienceReportReviewSchema,
  listRecommendationsQuerySchema,
  listConsultationsQuerySchema,
  listContributionsQuerySchema,
  listPilotsQuerySchema,
} from './registry/schemas.js';
export type {
  Body,
  JointProject,
  ContributionSubmission,
  ContributionDisposition,
  ExperienceReportSubmission,
  ExperienceReportReview,
} from './registry/schemas.js';
export { createContractClient } from './client/contract-client.js';
export type { ContractClient, ContractClientOptions, CallOptions, CallInput, CallResult, PagedList } from './client/contract-client.js';
export type { RetryOptions } from './client/http.js';
export { createRegistryClient } from './registry/client.js';
export type { RegistryClient, RegistryClientOptions, AttachmentUpload, ListQuery } from './registry/client.js';
export { createOpenApiDocument } from './openapi.js';
export type { OpenApiOptions, JsonObject } from './openapi.js';
export { createRegistryOpenApiDocument, registryApiVersion } from './registry/openapi.js';
export {
  createOpenCodeClient,
  issueToContribution,
  defaultSectionOf,
  dispositionNote,
} from './opencode/client.js';
export type {
  OpenCodeClient,
  OpenCodeClientOptions,
  ReleaseDocument,
  ReleaseLink,
  ImportContributionsOptions,
} from './opencode/client.js';
export { dispositionLabels, defaultDispositionIssueLabels } from './opencode/labels.js';
export type { AnsweredState } from './opencode/labels.js';
export {
  gitLabIssueSchema,
  gitLabNoteSchema,
  gitLabReleaseSchema,
  gitLabReleaseLinkSchema,
  gitLabPackageFileSchema,
  gitLabUserSchema,
} from './opencode/schemas.js';
export type { GitLabIssue, GitLabNote, GitLabRelease, GitLabPackageFile } from './opencode/schemas.js';
export { createGovDataClient } from './govdata/client.js';
export type { GovDataClient, GovDataClientOptions, PackageSearchQuery, PackageSearch } from './govdata/client.js';
export {
  ckanPackageSchema,
  ckanResourceSchema,
  ckanTagSchema,
  ckanOrganizationSchema,
  ckanSearchResultSchema,
  ckanExtras,
} from './govdata/schemas.js';
export type { CkanPackage, CkanSearchResult } from './govdata/schemas.js';
export type { Language } from '@foederal/core';
