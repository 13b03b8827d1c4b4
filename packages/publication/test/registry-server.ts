// A registry server for the client tests, built from the contract: routing by matchRoute,
// validation by validateRequest, in-memory records, ETags from versions, cursor pagination with
// Link headers, and fault injection (delays, error statuses, truncated or malformed bodies,
// contract violations, connection resets).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  contributionSchema,
  experienceReportSchema,
  transition,
} from '@foederal/recommendations';
import type { Consultation, Contribution, Decision, ExperienceReport, Pilot, Recommendation } from '@foederal/recommendations';
import { erasePersonalData, publicContribution } from '@foederal/recommendations';
import * as z from 'zod/mini';
import { allowedMethods, matchRoute, validateRequest } from '../src/contract/server.js';
import type { Role, RouteDefinition } from '../src/contract/types.js';
import { contentDigest } from '../src/digest.js';
import { formatEtag, formatLinkHeader, ifMatchSatisfied, ifNoneMatchMatches } from '../src/http-headers.js';
import type { ProblemCode } from '../src/problem.js';
import { createProblem } from '../src/problem.js';
import { registryContract } from '../src/registry/contract.js';
import { createRegistryOpenApiDocument } from '../src/registry/openapi.js';
import type { Body, JointProject } from '../src/registry/schemas.js';
import { shareCosts } from '@foederal/membership';
import { body as bodyFixture } from './fixtures.js';

/** A fault to inject into the next matching request(s). */
export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
  | { kind: 'truncate' }
  | { kind: 'malformed'; body: string }
  | { kind: 'violate'; mutate: (body: unknown) => unknown }
  | { kind: 'wrong-type'; contentType: string }
  | { kind: 'reset' }
  | { kind: 'link'; href: string }
  | { kind: 'digest'; value: string }
  | { kind: 'custom'; handle: (req: IncomingMessage, res: ServerResponse) => void };

export interface FaultRule {
  route?: string;
  times: number;
  fault: Fault;
}

interface Versioned<T> {
  value: T;
  version: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  route: string | undefined;
  headers: IncomingMessage['headers'];
  /** Status answered (undefined for resets and custom faults). */
  status?: number;
}

export interface RegistryServer {
  url: string;
  requests: RecordedRequest[];
  faults: FaultRule[];
  inject(fault: Fault, options?: { route?: string; times?: number }): void;
  store: {
    recommendations: Map<string, Versioned<Recommendation>>;
    editions: Map<string, Map<string, Recommendation>>;
    attachments: Map<string, Uint8Array>;
    consultations: Map<string, Versioned<Consultation>>;
    contributions: Map<string, Map<string, Versioned<Contribution>>>;
    decisions: Map<string, Decision>;
    pilots: Map<string, Versioned<Pilot>>;
    reports: Map<string, Map<string, Versioned<ExperienceReport>>>;
    body: Body;
    projects: Map<string, Versioned<JointProject>>;
  };
  pageSize: number;
  /** Files served as they are (outside the contract), e.g. a test page for the browser. */
  files: Map<string, { contentType: string; body: string }>;
  close(): Promise<void>;
}

const tokens: Record<string, Role> = { 'member-token': 'member', 'secretariat-token': 'secretariat', 'admin-token': 'admin' };
const rank: Record<Role, number> = { public: 0, member: 1, secretariat: 2, admin: 3 };

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    readonly raw?: Uint8Array,
  ) {}
}

function problem(code: ProblemCode, detail: string, instance: string): Answer {
  const p = createProblem(code, { detail, instance });
  return new Answer(p.status as number, p, { 'content-type': 'application/problem+json' });
}

const weakEtag = (text: string): string => formatEtag(createHash('sha256').update(text).digest('hex').slice(0, 16), { weak: true });

export async function startRegistryServer(): Promise<RegistryServer> {
  const store: RegistryServer['store'] = {
    recommendations: new Map(),
    editions: new Map(),
    attachments: new Map(),
    consultations: new Map(),
    contributions: new Map(),
    decisions: new Map(),
    pilots: new Map(),
    reports: new Map(),
    body: bodyFixture,
    projects: new Map(),
  };
  const requests: RecordedRequest[] = [];
  const faults: FaultRule[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify(createProblem('internal', { detail: String(error) })));
      }
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const self: RegistryServer = {
    url: origin,
    requests,
    faults,
    store,
    pageSize: 2,
    files: new Map(),
    inject(fault, options = {}) {
      faults.push({ ...(options.route ? { route: options.route } : {}), times: options.times ?? 1, fault });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  function paginate<T>(items: T[], query: { cursor?: string | undefined; limit?: number | undefined }, path: string, search: URLSearchParams): Answer {
    const start = query.cursor ? Number(atob(query.cursor)) : 0;
    if (!Number.isInteger(start) || start < 0) return problem('bad-request', 'invalid cursor', path);
    const limit = query.limit ?? self.pageSize;
    const page = items.slice(start, start + limit);
    const headers: Record<string, string> = {};
    if (start + limit < items.length) {
      const next = new URLSearchParams(search);
      next.set('cursor', btoa(String(start + limit)));
      headers['link'] = formatLinkHeader([{ href: `${path}?${next.toString()}`, rel: ['next'] }]);
    }
    return new Answer(200, { items: page }, headers);
  }

  const versioned = <T>(v: Versioned<T> | undefined, what: string, path: string): Answer | Versioned<T> =>
    v ?? problem('not-found', `${what} gibt es nicht / does not exist`, path);

  function stale(req: IncomingMessage, v: Versioned<unknown>, path: string): Answer | undefined {
    if (!ifMatchSatisfied(req.headers['if-match'], formatEtag(v.version))) {
      return problem('precondition-failed', `aktuelle Version ist ${v.version} / current version is ${v.version}`, path);
    }
    return undefined;
  }

  const ok = <T>(v: Versioned<T>, status = 200, extra: Record<string, string> = {}): Answer =>
    new Answer(status, v.value, { etag: formatEtag(v.version), ...extra });

  async function route(id: string, input: { params: Record<string, string>; query: Record<string, unknown>; body: unknown }, req: IncomingMessage, url: URL, role: Role): Promise<Answer> {
    const path = url.pathname;
    const p = input.params;
    switch (id) {
      case 'listRecommendations': {
        const q = input.query as { status?: string; q?: string; cursor?: string; limit?: number };
        const all = [...store.recommendations.values()].map((v) => v.value)
          .filter((r) => !q.status || r.status.state === q.status)
          .filter((r) => !q.q || JSON.stringify([r.title, r.description, r.shortTitle]).toLowerCase().includes(q.q.toLowerCase()));
        return paginate(all, q, path, url.searchParams);
      }
      case 'createRecommendation': {
        const r = input.body as Recommendation;
        if (store.recommendations.has(r.id)) return problem('conflict', `${r.id} gibt es schon / already exists`, path);
        const v = { value: r, version: 1 };
        store.recommendations.set(r.id, v);
        store.editions.set(r.id, new Map([[r.version, r]]));
        return ok(v, 201, { location: `/api/v1/recommendations/${r.id}` });
      }
      case 'getRecommendation': {
        const v = versioned(store.recommendations.get(p['id'] as string), 'Empfehlung', path);
        if (v instanceof Answer) return v;
        const s = v.value.status;
        const retired = s.state === 'superseded' || s.state === 'withdrawn'
          ? { deprecation: `@${Math.floor(Date.parse(s.date) / 1000)}`, sunset: new Date(Date.parse(s.date)).toUTCString() }
          : {};
        return ok(v, 200, retired);
      }
      case 'updateRecommendation': {
        const v = versioned(store.recommendations.get(p['id'] as string), 'Empfehlung', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        const r = input.body as Recommendation;
        if (r.id !== p['id']) return problem('conflict', 'id im Inhalt weicht ab / id in the body differs', path);
        v.value = r;
        v.version++;
        store.editions.get(r.id)?.set(r.version, r);
        return ok(v);
      }
      case 'transitionRecommendation': {
        const v = versioned(store.recommendations.get(p['id'] as string), 'Empfehlung', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        const result = transition(v.value, input.body as never, {
          now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          find: (other: string) => store.recommendations.get(other)?.value,
        });
        if (!result.ok) return problem('invalid-transition', result.error.message, path);
        v.value = result.record;
        v.version++;
        store.editions.get(v.value.id)?.set(v.value.version, v.value);
        return ok(v);
      }
      case 'listRecommendationEditions': {
        const e = store.editions.get(p['id'] as string);
        if (!e) return problem('not-found', 'Empfehlung gibt es nicht', path);
        return new Answer(200, { items: [...e.values()].reverse() });
      }
      case 'getRecommendationEdition': {
        const r = store.editions.get(p['id'] as string)?.get(p['version'] as string);
        if (!r) return problem('not-found', 'Ausgabe gibt es nicht / edition does not exist', path);
        return new Answer(200, r, { etag: formatEtag(`${r.id}@${r.version}`) });
      }
      case 'uploadAttachment': {
        const v = versioned(store.recommendations.get(p['id'] as string), 'Empfehlung', path);
        if (v instanceof Answer) return v;
        const bytes = input.body as Uint8Array;
        const q = input.query as { role: 'main'; title: string; titleEn?: string; language?: 'de' | 'en' };
        const attachment = {
          id: p['attachmentId'] as string,
          title: q.titleEn ? { de: q.title, en: q.titleEn } : { de: q.title },
          role: q.role,
          mediaType: String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0] as string,
          byteSize: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          downloadUrl: `${origin}${path}`,
          ...(q.language ? { language: q.language } : {}),
        };
        store.attachments.set(`${p['id']}/${p['attachmentId']}`, bytes);
        v.value = { ...v.value, attachments: [...v.value.attachments.filter((a) => a.id !== attachment.id), attachment] };
        v.version++;
        return new Answer(201, attachment, { location: path });
      }
      case 'downloadAttachment': {
        const bytes = store.attachments.get(`${p['id']}/${p['attachmentId']}`);
        if (!bytes) return problem('not-found', 'Dokument gibt es nicht / document does not exist', path);
        return new Answer(200, undefined, {
          'content-type': 'application/octet-stream',
          'content-digest': await contentDigest(bytes),
          etag: formatEtag(createHash('sha256').update(bytes).digest('hex')),
        }, bytes);
      }
      case 'listConsultations': {
        const q = input.query as { recommendation?: string };
        const all = [...store.consultations.values()].map((v) => v.value).filter((c) => !q.recommendation || c.recommendation === q.recommendation);
        return paginate(all, input.query, path, url.searchParams);
      }
      case 'createConsultation': {
        const c = input.body as Consultation;
        if (store.consultations.has(c.id)) return problem('conflict', `${c.id} gibt es schon`, path);
        if (!store.recommendations.has(c.recommendation)) return problem('not-found', `Empfehlung ${c.recommendation} gibt es nicht`, path);
        const v = { value: c, version: 1 };
        store.consultations.set(c.id, v);
        store.contributions.set(c.id, new Map());
        return ok(v, 201, { location: `/api/v1/consultations/${c.id}` });
      }
      case 'getConsultation': {
        const v = versioned(store.consultations.get(p['consultationId'] as string), 'Konsultation', path);
        if (v instanceof Answer) return v;
        const visible = [...(store.contributions.get(v.value.id)?.values() ?? [])].map((c) => c.value)
          .filter((c) => rank[role] >= rank.secretariat || !['submitted', 'in-review'].includes(c.state));
        return ok({ value: { ...v.value, contributions: visible }, version: v.version });
      }
      case 'listContributions': {
        const list = store.contributions.get(p['consultationId'] as string);
        if (!list) return problem('not-found', 'Konsultation gibt es nicht', path);
        const q = input.query as { state?: string; section?: string; submitter?: string; level?: string; q?: string };
        const secretariatRole = rank[role] >= rank.secretariat;
        const all = [...list.values()].map((c) => c.value)
          .filter((c) => secretariatRole || !['submitted', 'in-review'].includes(c.state))
          .filter((c) => !q.state || c.state === q.state)
          .filter((c) => !q.section || c.anchor.section === q.section)
          .filter((c) => !q.submitter || c.author.kind === q.submitter)
          .filter((c) => !q.level || c.author.jurisdiction?.level === q.level)
          .filter((c) => !q.q || `${c.text.de} ${c.author.kind === 'anonymous' ? '' : c.author.name}`.toLowerCase().includes(q.q.toLowerCase()))
          .map((c) => (secretariatRole ? c : publicContribution(c)));
        return paginate(all, input.query, path, url.searchParams);
      }
      case 'submitContribution': {
        const c = store.consultations.get(p['consultationId'] as string);
        const list = store.contributions.get(p['consultationId'] as string);
        if (!c || !list) return problem('not-found', 'Konsultation gibt es nicht', path);
        if (Date.parse(c.value.closes) < Date.now()) return problem('conflict', 'Konsultation ist beendet / consultation is closed', path);
        const s = input.body as Pick<Contribution, 'anchor' | 'text' | 'author' | 'contact' | 'consent'>;
        const contribution: Contribution = {
          id: `c-${++counter}`,
          ...s,
          submittedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          state: 'submitted',
        };
        const v = { value: contribution, version: 1 };
        list.set(contribution.id, v);
        return ok(v, 201, { location: `${path}/${contribution.id}` });
      }
      case 'getContribution': {
        const v = versioned(store.contributions.get(p['consultationId'] as string)?.get(p['contributionId'] as string), 'Beitrag', path);
        return v instanceof Answer ? v : ok(v);
      }
      case 'importContribution': {
        const list = store.contributions.get(p['consultationId'] as string);
        if (!list) return problem('not-found', 'Konsultation gibt es nicht', path);
        const c = input.body as Contribution;
        if (c.id !== p['contributionId']) return problem('conflict', 'Kennung im Pfad und im Inhalt verschieden / id in path and body differ', path);
        if (list.has(c.id)) return problem('conflict', `${c.id} gibt es schon / already exists`, path);
        const v = { value: c, version: 1 };
        list.set(c.id, v);
        return ok(v, 201, { location: path });
      }
      case 'disposeContribution': {
        const v = versioned(store.contributions.get(p['consultationId'] as string)?.get(p['contributionId'] as string), 'Beitrag', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        const d = input.body as { state: Contribution['state']; disposition?: Contribution['disposition'] };
        const next = { ...v.value, state: d.state, ...(d.disposition ? { disposition: d.disposition } : {}) };
        const r = z.safeParse(contributionSchema, next);
        if (!r.success) {
          const p2 = createProblem('validation-failed', { detail: r.error.issues[0]?.message ?? '', instance: path, errors: r.error.issues.map((i) => ({ path: `$.${i.path.join('.')}`, message: i.message })) });
          return new Answer(422, p2, { 'content-type': 'application/problem+json' });
        }
        v.value = r.data;
        v.version++;
        return ok(v);
      }
      case 'erasePersonalData': {
        const v = versioned(store.contributions.get(p['consultationId'] as string)?.get(p['contributionId'] as string), 'Beitrag', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        v.value = erasePersonalData(v.value, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
        v.version++;
        return ok(v);
      }
      case 'getBody':
        return new Answer(200, store.body, { etag: weakEtag(JSON.stringify(store.body)) });
      case 'listDecisions':
        return paginate([...store.decisions.values()], input.query, path, url.searchParams);
      case 'getDecision': {
        const d = store.decisions.get(`${p['year']}/${p['number']}`);
        return d ? new Answer(200, d, { etag: formatEtag(d.id.replace('/', '-')) }) : problem('not-found', 'Beschluss gibt es nicht', path);
      }
      case 'listPilots': {
        const q = input.query as { status?: string; level?: string; state?: string; recommendation?: string };
        const all = [...store.pilots.values()].map((v) => v.value)
          .filter((x) => !q.status || x.status === q.status)
          .filter((x) => !q.level || x.participants.some((a) => a.jurisdiction.level === q.level))
          .filter((x) => !q.state || x.participants.some((a) => a.jurisdiction.key?.startsWith(q.state as string)))
          .filter((x) => !q.recommendation || (x.subject.kind === 'recommendation' && x.subject.recommendation === q.recommendation));
        return paginate(all, input.query, path, url.searchParams);
      }
      case 'createPilot': {
        const x = input.body as Pilot;
        if (store.pilots.has(x.id)) return problem('conflict', `${x.id} gibt es schon`, path);
        const v = { value: x, version: 1 };
        store.pilots.set(x.id, v);
        store.reports.set(x.id, new Map());
        return ok(v, 201, { location: `/api/v1/pilots/${x.id}` });
      }
      case 'getPilot': {
        const v = versioned(store.pilots.get(p['pilotId'] as string), 'Pilot', path);
        return v instanceof Answer ? v : ok(v);
      }
      case 'updatePilot': {
        const v = versioned(store.pilots.get(p['pilotId'] as string), 'Pilot', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        v.value = input.body as Pilot;
        v.version++;
        return ok(v);
      }
      case 'listExperienceReports': {
        const list = store.reports.get(p['pilotId'] as string);
        if (!list) return problem('not-found', 'Pilot gibt es nicht', path);
        const all = [...list.values()].map((v) => v.value).filter((r) => rank[role] >= rank.secretariat || r.status.state === 'published');
        return paginate(all, input.query, path, url.searchParams);
      }
      case 'submitExperienceReport': {
        const list = store.reports.get(p['pilotId'] as string);
        if (!list) return problem('not-found', 'Pilot gibt es nicht', path);
        const report = { ...(input.body as object), id: `r-${++counter}`, pilot: p['pilotId'], status: { state: 'submitted' } };
        const r = z.safeParse(experienceReportSchema, report);
        if (!r.success) return problem('validation-failed', r.error.issues[0]?.message ?? '', path);
        const v = { value: r.data, version: 1 };
        list.set(r.data.id, v);
        return ok(v, 201, { location: `${path}/${r.data.id}` });
      }
      case 'getExperienceReport': {
        const v = versioned(store.reports.get(p['pilotId'] as string)?.get(p['reportId'] as string), 'Bericht', path);
        return v instanceof Answer ? v : ok(v);
      }
      case 'reviewExperienceReport': {
        const v = versioned(store.reports.get(p['pilotId'] as string)?.get(p['reportId'] as string), 'Bericht', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        if (v.value.status.state !== 'submitted') return problem('invalid-transition', 'schon geprüft / already reviewed', path);
        const next = { ...v.value, ...(input.body as object) };
        const r = z.safeParse(experienceReportSchema, next);
        if (!r.success) return problem('validation-failed', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), path);
        v.value = r.data;
        v.version++;
        return ok(v);
      }
      case 'listJointProjects':
        return paginate([...store.projects.values()].map((v) => v.value), input.query, path, url.searchParams);
      case 'createJointProject': {
        const x = input.body as JointProject;
        if (store.projects.has(x.id)) return problem('conflict', `${x.id} gibt es schon`, path);
        const v = { value: x, version: 1 };
        store.projects.set(x.id, v);
        return ok(v, 201, { location: `/api/v1/joint-projects/${x.id}` });
      }
      case 'getJointProject': {
        const v = versioned(store.projects.get(p['projectId'] as string), 'Vorhaben', path);
        return v instanceof Answer ? v : ok(v);
      }
      case 'updateJointProject': {
        const v = versioned(store.projects.get(p['projectId'] as string), 'Vorhaben', path);
        if (v instanceof Answer) return v;
        const s = stale(req, v, path);
        if (s) return s;
        v.value = input.body as JointProject;
        v.version++;
        return ok(v);
      }
      case 'getCostShares': {
        const v = versioned(store.projects.get(p['projectId'] as string), 'Vorhaben', path);
        if (v instanceof Answer) return v;
        try {
          const { total, rules, participants, date, koenigsteinYear } = v.value;
          const result = shareCosts({ total, rules, participants, date, ...(koenigsteinYear === undefined ? {} : { koenigsteinYear }) });
          return new Answer(200, result, { etag: formatEtag(`shares-${v.version}`) });
        } catch (error) {
          return problem('conflict', error instanceof Error ? error.message : String(error), path);
        }
      }
      case 'atomFeed':
        return new Answer(200, undefined, { 'content-type': 'application/atom+xml', etag: '"feed-1"' },
          new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empfehlungen</title></feed>'));
      case 'jsonFeed':
        return new Answer(200, undefined, { 'content-type': 'application/feed+json', etag: '"feed-1"' },
          new TextEncoder().encode(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Empfehlungen', items: [] })));
      case 'catalogTurtle':
        return new Answer(200, undefined, { 'content-type': 'text/turtle; charset=utf-8', etag: '"cat-1"' },
          new TextEncoder().encode('@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://registry.example.org/catalog> a dcat:Catalog .\n'));
      case 'catalogJsonLd':
        return new Answer(200, { '@context': { dcat: 'http://www.w3.org/ns/dcat#' }, '@type': 'dcat:Catalog' }, { 'content-type': 'application/ld+json', etag: '"cat-1"' });
      case 'openApiDocument':
        return new Answer(200, createRegistryOpenApiDocument({ servers: [{ url: origin }] }));
      default:
        return problem('internal', `route ${id} not implemented`, path);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const file = self.files.get(url.pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType });
      res.end(file.body);
      return;
    }
    const match = matchRoute(registryContract, req.method ?? 'GET', url.pathname);
    const routeDef: RouteDefinition | undefined = match?.route;
    const record: RecordedRequest = { method: req.method ?? '', url: url.pathname + url.search, route: routeDef?.id, headers: req.headers };
    requests.push(record);
    const faultIndex = faults.findIndex((f) => f.times > 0 && (!f.route || f.route === routeDef?.id));
    const fault = faultIndex >= 0 ? faults[faultIndex] : undefined;
    if (fault) {
      fault.times--;
      if (fault.times === 0) faults.splice(faultIndex, 1);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = new Uint8Array(Buffer.concat(chunks));
    const f = fault?.fault;
    if (f?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (f?.kind === 'custom') return f.handle(req, res);
    if (f?.kind === 'delay') await new Promise((r) => setTimeout(r, f.ms));
    if (f?.kind === 'status') {
      record.status = f.status;
      res.writeHead(f.status, { 'content-type': f.contentType ?? 'application/problem+json', ...f.headers });
      res.end(f.body ?? JSON.stringify({ type: 'about:blank', status: f.status, title: `Status ${f.status}` }));
      return;
    }
    let answer: Answer;
    if (!match || !routeDef) {
      const methods = allowedMethods(registryContract, url.pathname);
      answer = methods.length
        ? new Answer(405, createProblem('bad-request', { detail: 'method not allowed', instance: url.pathname }), { allow: methods.join(', '), 'content-type': 'application/problem+json' })
        : problem('not-found', 'Pfad unbekannt / unknown path', url.pathname);
    } else {
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      const role: Role = auth ? (tokens[auth[1] as string] ?? 'public') : 'public';
      if (auth && !tokens[auth[1] as string]) answer = problem('unauthorized', 'Token unbekannt / unknown token', url.pathname);
      else if (rank[role] < rank[routeDef.auth]) {
        answer = role === 'public' ? problem('unauthorized', 'Anmeldung erforderlich', url.pathname) : problem('forbidden', 'Rolle reicht nicht', url.pathname);
      } else {
        const body = routeDef.body?.kind === 'binary' ? raw : new TextDecoder().decode(raw);
        const valid = await validateRequest(routeDef, { params: match.params, query: url.searchParams, headers: req.headers as Record<string, string>, body }, { instance: url.pathname });
        if (!valid.ok) answer = new Answer(valid.status, valid.problem, { 'content-type': 'application/problem+json' });
        else answer = await route(routeDef.id, { params: valid.params as Record<string, string>, query: valid.query as Record<string, unknown>, body: valid.body }, req, url, role);
      }
    }
    const headers: Record<string, string> = { ...answer.headers };
    record.status = answer.status;
    if (f?.kind === 'link') headers['link'] = formatLinkHeader([{ href: f.href, rel: ['next'] }]);
    if (f?.kind === 'digest') headers['content-digest'] = f.value;
    let bytes: Uint8Array;
    if (answer.raw) bytes = answer.raw;
    else if (answer.body === undefined) bytes = new Uint8Array();
    else {
      let value: unknown = answer.body;
      if (f?.kind === 'violate') value = f.mutate(JSON.parse(JSON.stringify(value)) as unknown);
      bytes = new TextEncoder().encode(JSON.stringify(value));
      headers['content-type'] ??= 'application/json';
    }
    if (f?.kind === 'wrong-type') headers['content-type'] = f.contentType;
    if (answer.status === 200 && req.method === 'GET' && headers['etag'] === undefined && answer.body !== undefined && !answer.raw) {
      headers['etag'] = weakEtag(new TextDecoder().decode(bytes));
    }
    if (req.method === 'GET' && answer.status === 200 && headers['etag'] && ifNoneMatchMatches(req.headers['if-none-match'], headers['etag'])) {
      record.status = 304;
      res.writeHead(304, { etag: headers['etag'] });
      res.end();
      return;
    }
    if (f?.kind === 'malformed') {
      res.writeHead(answer.status, { ...headers, 'content-type': 'application/json' });
      res.end(f.body);
      return;
    }
    if (f?.kind === 'truncate') {
      res.writeHead(answer.status, { ...headers, 'content-length': String(bytes.byteLength) });
      res.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    res.writeHead(answer.status, { ...headers, 'content-length': String(bytes.byteLength) });
    res.end(bytes);
  }

  return self;
}
