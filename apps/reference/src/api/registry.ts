import { createHash } from 'node:crypto';
import { registryContract as r, sha256Hex } from '@foederal/publication';
import type { Attachment } from '@foederal/recommendations';
import { hasRole } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { checkAttachment, downloadHeaders } from '../domain/attachments.js';
import { getBody } from '../domain/body.js';
import { eraseContribution } from '../domain/contribution-desk.js';
import {
  createConsultation,
  disposeContribution,
  getConsultation,
  getContribution,
  importContribution,
  listConsultations,
  listContributions,
  submitContribution,
} from '../domain/consultations.js';
import { createProject, getProject, listProjects, projectShares, updateProject } from '../domain/projects.js';
import { createPilot, getPilot, getReport, listPilots, listReports, reviewReport, submitReport, updatePilot } from '../domain/pilots.js';
import { getDecision, listDecisions } from '../domain/votes.js';
import {
  applyEvent,
  attachFile,
  attachmentFile,
  createRecommendation,
  getEdition,
  getRecommendation,
  getRecommendationJson,
  listEditions,
  listRecommendationsJson,
  requireRecommendation,
  updateRecommendation,
  visibleRecommendationStates,
} from '../domain/recommendations.js';
import { rateLimit } from '../rate-limit.js';
import type { Routes } from '../web/routing.js';
import { bindRoute, decodeCursor, expectedVersion, nextLink, versionTag } from './contract-routes.js';

const defaultLimit = 20;

function page<T extends { sortKey: string; id: string }>(items: T[], limit: number): { items: T[]; last: { sortKey: string; id: string } | undefined } {
  const more = items.length > limit;
  const shown = more ? items.slice(0, limit) : items;
  const last = more ? shown[shown.length - 1] : undefined;
  return { items: shown, last: last && { sortKey: last.sortKey, id: last.id } };
}

/**
 * The registry API: every route of `registryContract` from `@foederal/publication`, bound with
 * its own method, path and role. Feeds, catalogue and OpenAPI live in `publishing.ts`.
 */
export function registryApi(ctx: AppContext, routes: Routes): void {
  const { repo } = ctx;
  const now = () => ctx.now();

  // ------------------------------------------------------------ recommendations
  bindRoute(ctx, routes, r.listRecommendations, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const visible = visibleRecommendationStates(c.get('role'));
    const status = req.query.status ? (visible && !visible.includes(req.query.status) ? [] : [req.query.status]) : visible;
    const after = decodeCursor(req.query.cursor);
    const p = await listRecommendationsJson(repo, { status, q: req.query.q, after, limit });
    // Stored documents were validated on write: pass their JSON through unparsed.
    return { rawJson: `{"items":[${p.items.join(',')}]}`, headers: nextLink(ctx, c, p.next) };
  });
  bindRoute(ctx, routes, r.createRecommendation, async (req) => {
    const doc = await createRecommendation(repo, req.body);
    return { body: doc.data, etag: versionTag(doc.version), headers: { Location: `/api/v1/recommendations/${doc.id}` } };
  });
  bindRoute(ctx, routes, r.getRecommendation, async (req, c) => {
    const doc = await getRecommendationJson(repo, req.params.id, c.get('role'));
    return { rawJson: doc.json, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.updateRecommendation, async (req) => {
    const current = await requireRecommendation(repo, req.params.id);
    const doc = await updateRecommendation(repo, req.params.id, expectedVersion(req.ifMatch, current.version), req.body);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.transitionRecommendation, async (req) => {
    const current = await requireRecommendation(repo, req.params.id);
    const doc = await applyEvent(repo, req.params.id, expectedVersion(req.ifMatch, current.version), req.body, now());
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.listRecommendationEditions, async (req, c) => {
    await getRecommendation(repo, req.params.id, c.get('role'));
    return { body: { items: await listEditions(repo, req.params.id) } };
  });
  bindRoute(ctx, routes, r.getRecommendationEdition, async (req, c) => {
    await getRecommendation(repo, req.params.id, c.get('role'));
    const doc = await getEdition(repo, req.params.id, req.params.version);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.uploadAttachment, async (req, c) => {
    const bytes = req.body as Uint8Array;
    const sha256 = await sha256Hex(bytes);
    const mediaType = checkAttachment(c.req.header('content-type'), bytes);
    const { id, attachmentId } = req.params;
    const attachment: Attachment = {
      id: attachmentId,
      title: { de: req.query.title, ...(req.query.titleEn ? { en: req.query.titleEn } : {}) },
      role: req.query.role,
      mediaType,
      byteSize: bytes.byteLength,
      sha256,
      downloadUrl: `${ctx.baseUrl}/api/v1/recommendations/${id}/attachments/${attachmentId}`,
      ...(req.query.language ? { language: req.query.language } : {}),
    };
    await attachFile(repo, id, attachment, bytes, now());
    return { body: attachment, headers: { Location: `/api/v1/recommendations/${id}/attachments/${attachmentId}` } };
  });
  bindRoute(ctx, routes, r.downloadAttachment, async (req, c) => {
    const rec = (await getRecommendation(repo, req.params.id, c.get('role'))).data;
    const attachment = rec.attachments.find((a) => a.id === req.params.attachmentId);
    const file = attachment && (await attachmentFile(repo, req.params.id, req.params.attachmentId));
    if (!attachment || !file) throw new AppError('not-found', `Anlage nicht gefunden / attachment not found: ${req.params.attachmentId}`);
    const digest = createHash('sha256').update(file.bytes).digest('base64');
    const { 'Content-Type': contentType, ...headers } = downloadHeaders(file.mediaType, file.bytes, attachment.id);
    return { body: file.bytes, contentType, etag: `"${attachment.sha256}"`, headers: { ...headers, 'Content-Digest': `sha-256=:${digest}:` } };
  });

  // ------------------------------------------------------------ consultations
  bindRoute(ctx, routes, r.listConsultations, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const rows = await listConsultations(repo, {
      ...(req.query.recommendation ? { parentId: req.query.recommendation } : {}),
      ...(after ? { after } : {}),
      limit: limit + 1,
    });
    const p = page(rows, limit);
    const items = await Promise.all(p.items.map(async (d) => (await getConsultation(repo, d.id, c.get('role'))).data));
    return { body: { items }, headers: nextLink(ctx, c, p.last) };
  });
  bindRoute(ctx, routes, r.createConsultation, async (req) => {
    const doc = await createConsultation(repo, req.body);
    return { body: doc.data, etag: versionTag(doc.version), headers: { Location: `/api/v1/consultations/${doc.id}` } };
  });
  bindRoute(ctx, routes, r.getConsultation, async (req, c) => {
    const doc = await getConsultation(repo, req.params.consultationId, c.get('role'));
    return { body: doc.data };
  });
  bindRoute(ctx, routes, r.listContributions, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const rows = await listContributions(repo, req.params.consultationId, c.get('role'), {
      ...(req.query.state ? { state: req.query.state } : {}),
      ...(req.query.section ? { section: req.query.section } : {}),
      ...(req.query.submitter ? { submitter: req.query.submitter } : {}),
      ...(req.query.level ? { level: req.query.level } : {}),
      ...(req.query.q ? { q: req.query.q } : {}),
      ...(after ? { after } : {}),
      limit: limit + 1,
    });
    const p = page(rows, limit);
    return { body: { items: p.items.map((d) => d.data) }, headers: nextLink(ctx, c, p.last) };
  });
  bindRoute(ctx, routes, r.submitContribution, async (req, c) => {
    if (!hasRole(c.get('role'), 'secretariat')) await rateLimit(ctx, c, 'contribution', ctx.config.contributionLimitPerHour, 3600);
    const key = c.req.header('idempotency-key');
    const { created, doc } = await submitContribution(repo, req.params.consultationId, req.body, now(), key && key.length <= 200 ? key : undefined);
    const contributionId = doc.data.id;
    return {
      status: created ? 201 : 200,
      body: doc.data,
      etag: versionTag(doc.version),
      headers: { Location: `/api/v1/consultations/${req.params.consultationId}/contributions/${contributionId}` },
    };
  });
  bindRoute(ctx, routes, r.getContribution, async (req, c) => {
    const doc = await getContribution(repo, req.params.consultationId, req.params.contributionId, c.get('role'));
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.importContribution, async (req) => {
    const { consultationId, contributionId } = req.params;
    const doc = await importContribution(repo, consultationId, contributionId, req.body);
    return {
      body: doc.data,
      etag: versionTag(doc.version),
      headers: { Location: `/api/v1/consultations/${consultationId}/contributions/${contributionId}` },
    };
  });
  bindRoute(ctx, routes, r.disposeContribution, async (req) => {
    const current = await getContribution(repo, req.params.consultationId, req.params.contributionId, 'secretariat');
    const doc = await disposeContribution(repo, req.params.consultationId, req.params.contributionId, expectedVersion(req.ifMatch, current.version), {
      state: req.body.state,
      disposition: req.body.disposition,
    });
    return { body: doc.data, etag: versionTag(doc.version) };
  });

  bindRoute(ctx, routes, r.erasePersonalData, async (req, c) => {
    const current = await getContribution(repo, req.params.consultationId, req.params.contributionId, 'secretariat');
    const user = c.get('user');
    const doc = await eraseContribution(repo, req.params.consultationId, req.params.contributionId, expectedVersion(req.ifMatch, current.version), {
      now,
      user: user ? { id: user.id, username: user.username } : null,
    });
    return { body: doc.data, etag: versionTag(doc.version) };
  });

  // ------------------------------------------------------------ body and decisions
  bindRoute(ctx, routes, r.getBody, async (_req, c) => {
    const doc = await getBody(repo, hasRole(c.get('role'), 'secretariat'));
    return { body: doc.data };
  });
  bindRoute(ctx, routes, r.listDecisions, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const p = await listDecisions(repo, { after, limit });
    return { body: { items: p.items.map((d) => d.data.decision) }, headers: nextLink(ctx, c, p.next) };
  });
  bindRoute(ctx, routes, r.getDecision, async (req) => {
    const doc = await getDecision(repo, `${req.params.year}/${req.params.number.padStart(2, '0')}`);
    return { body: doc.data.decision, etag: versionTag(doc.version) };
  });

  // ------------------------------------------------------------ pilots and experience reports
  bindRoute(ctx, routes, r.listPilots, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const rows = await listPilots(
      repo,
      { status: req.query.status, level: req.query.level, state: req.query.state, recommendation: req.query.recommendation },
      { ...(after ? { after } : {}), limit: limit + 1 },
    );
    const p = page(rows, limit);
    return { body: { items: p.items.map((d) => d.data) }, headers: nextLink(ctx, c, p.last) };
  });
  bindRoute(ctx, routes, r.createPilot, async (req) => {
    const doc = await createPilot(repo, req.body);
    return { body: doc.data, etag: versionTag(doc.version), headers: { Location: `/api/v1/pilots/${doc.id}` } };
  });
  bindRoute(ctx, routes, r.getPilot, async (req) => {
    const doc = await getPilot(repo, req.params.pilotId);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.updatePilot, async (req) => {
    const current = await getPilot(repo, req.params.pilotId);
    const doc = await updatePilot(repo, req.params.pilotId, expectedVersion(req.ifMatch, current.version), req.body);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.listExperienceReports, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const rows = await listReports(repo, req.params.pilotId, c.get('role'), { ...(after ? { after } : {}), limit: limit + 1 });
    const p = page(rows, limit);
    return { body: { items: p.items.map((d) => d.data) }, headers: nextLink(ctx, c, p.last) };
  });
  bindRoute(ctx, routes, r.submitExperienceReport, async (req) => {
    const doc = await submitReport(repo, req.params.pilotId, req.body as Record<string, unknown>);
    return {
      body: doc.data,
      etag: versionTag(doc.version),
      headers: { Location: `/api/v1/pilots/${req.params.pilotId}/reports/${doc.data.id}` },
    };
  });
  bindRoute(ctx, routes, r.getExperienceReport, async (req, c) => {
    const doc = await getReport(repo, req.params.pilotId, req.params.reportId, c.get('role'));
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.reviewExperienceReport, async (req) => {
    const current = await getReport(repo, req.params.pilotId, req.params.reportId, 'secretariat');
    const doc = await reviewReport(repo, req.params.pilotId, req.params.reportId, expectedVersion(req.ifMatch, current.version), req.body.status);
    return { body: doc.data, etag: versionTag(doc.version) };
  });

  // ------------------------------------------------------------ joint projects and cost shares
  bindRoute(ctx, routes, r.listJointProjects, async (req, c) => {
    const limit = req.query.limit ?? defaultLimit;
    const after = decodeCursor(req.query.cursor);
    const rows = await listProjects(repo, { ...(after ? { after } : {}), limit: limit + 1 });
    const p = page(rows, limit);
    return { body: { items: p.items.map((d) => d.data) }, headers: nextLink(ctx, c, p.last) };
  });
  bindRoute(ctx, routes, r.createJointProject, async (req) => {
    const doc = await createProject(repo, req.body);
    return { body: doc.data, etag: versionTag(doc.version), headers: { Location: `/api/v1/joint-projects/${doc.id}` } };
  });
  bindRoute(ctx, routes, r.getJointProject, async (req) => {
    const doc = await getProject(repo, req.params.projectId);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  bindRoute(ctx, routes, r.updateJointProject, async (req) => {
    const current = await getProject(repo, req.params.projectId);
    const doc = await updateProject(repo, req.params.projectId, expectedVersion(req.ifMatch, current.version), req.body);
    return { body: doc.data, etag: versionTag(doc.version) };
  });
  // The shares depend on the project and on the body's rules: a weak ETag over the answer's bytes.
  bindRoute(ctx, routes, r.getCostShares, async (req) => ({ body: await projectShares(repo, req.params.projectId) }));
}
