// A small registry API for the browser tests and the demo pages: a real HTTP server on port 0
// that routes and validates requests with the contract of @foederal/publication (matchRoute,
// validateRequest, problem details) and answers the routes the elements use from fixtures.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProblem, registryContract } from '@foederal/publication';
import { matchRoute, validateRequest } from '@foederal/publication/server';
import type { Consultation, Contribution, Decision, Recommendation } from '@foederal/recommendations';
import { adoptingDecision, consultation, editionsOf, recommendations, roster } from './fixtures.js';

/** A fault to inject into the next request of a route. */
export type Fault = 'reset' | 'server-error' | 'conflict';

export interface RegistryServer {
  readonly url: string;
  /** Contributions received through `submitContribution`. */
  readonly submissions: Contribution[];
  /** Every request as `METHOD path?query`. */
  readonly requests: string[];
  /**
   * Makes every request of `routeId` fail with `fault` until {@link clearFaults} (a browser
   * silently resends a request once when a reused connection breaks, so one fault is not enough).
   */
  fail(routeId: string, fault: Fault): void;
  clearFaults(): void;
  /** Delays every answer of `routeId` by `ms` (to observe loading states). */
  delay(routeId: string, ms: number): void;
  close(): Promise<void>;
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, if-none-match, if-match, accept',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-expose-headers': 'etag, link, location',
};

const pageSize = 2;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Data the registry serves: by default this package's fixtures. */
export interface RegistryData {
  readonly recommendations: readonly Recommendation[];
  readonly consultations: readonly Consultation[];
}

export async function startRegistryServer(data?: RegistryData): Promise<RegistryServer> {
  const catalogue = [...(data?.recommendations ?? recommendations())];
  const consultations = [...(data?.consultations ?? [consultation()])];
  const decisions: Decision[] = [adoptingDecision()];
  for (const r of catalogue) if (r.decision && !decisions.some((d) => d.id === r.decision!.id)) decisions.push(r.decision);
  const body = roster();
  const submissions: Contribution[] = [];
  const requests: string[] = [];
  const faults = new Map<string, Fault>();
  const delays = new Map<string, number>();
  let origin = '';

  function send(res: ServerResponse, req: IncomingMessage, status: number, value: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(value);
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 16)}"`;
    if (status === 200 && req.method === 'GET' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...cors, etag, ...headers });
      res.end();
      return;
    }
    res.writeHead(status, {
      ...cors,
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
      ...(status < 300 ? { etag } : {}),
      ...headers,
    });
    res.end(text);
  }

  function problem(res: ServerResponse, req: IncomingMessage, code: Parameters<typeof createProblem>[0], detail: string): void {
    const p = createProblem(code, { detail });
    send(res, req, p.status as number, p);
  }

  function page<T>(items: readonly T[], cursor: string | undefined, path: string, query: URLSearchParams): { value: { items: T[] }; headers: Record<string, string> } {
    const start = cursor ? Number(cursor) : 0;
    const slice = items.slice(start, start + pageSize);
    const headers: Record<string, string> = {};
    if (start + pageSize < items.length) {
      const next = new URLSearchParams(query);
      next.set('cursor', String(start + pageSize));
      headers['link'] = `<${origin}${path}?${next}>; rel="next"`;
    }
    return { value: { items: slice }, headers };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      if (url.pathname === '/demo/roster.json') {
        send(res, req, 200, body);
        return;
      }
      const match = matchRoute(registryContract, req.method ?? 'GET', url.pathname);
      if (!match) {
        problem(res, req, 'not-found', `no route ${req.method} ${url.pathname}`);
        return;
      }
      const id = match.route.id;
      const wait = delays.get(id);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const fault = faults.get(id);
      if (fault) {
        if (fault === 'reset') {
          req.socket.destroy();
          return;
        }
        if (fault === 'conflict') {
          problem(res, req, 'conflict', 'Die Konsultation wurde soeben geschlossen.');
          return;
        }
        problem(res, req, 'internal', 'injected fault');
        return;
      }
      const text = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : undefined;
      const valid = await validateRequest(match.route, {
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        ...(text === undefined ? {} : { body: text }),
      });
      if (!valid.ok) {
        send(res, req, valid.status, valid.problem);
        return;
      }
      const params = match.params;
      switch (id) {
        case 'listRecommendations': {
          const status = url.searchParams.get('status');
          const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
          const hits = catalogue.filter(
            (r) =>
              (!status || r.status.state === status) &&
              words.every((w) => JSON.stringify([r.number, r.shortTitle, r.edition, r.title, r.keywords]).toLowerCase().includes(w)),
          );
          const p = page(hits, url.searchParams.get('cursor') ?? undefined, url.pathname, url.searchParams);
          send(res, req, 200, p.value, p.headers);
          return;
        }
        case 'getRecommendation': {
          const r = catalogue.find((x) => x.id === params['id']);
          if (r) send(res, req, 200, r);
          else problem(res, req, 'not-found', `recommendation ${params['id']}`);
          return;
        }
        case 'listRecommendationEditions': {
          const r = catalogue.find((x) => x.id === params['id']);
          if (!r) {
            problem(res, req, 'not-found', `recommendation ${params['id']}`);
            return;
          }
          send(res, req, 200, { items: data ? [r] : editionsOf(r) });
          return;
        }
        case 'getConsultation': {
          const running = consultations.find((c) => c.id === params['consultationId']);
          if (!running) problem(res, req, 'not-found', `consultation ${params['consultationId']}`);
          else send(res, req, 200, running);
          return;
        }
        case 'listContributions': {
          const running = consultations.find((c) => c.id === params['consultationId']);
          if (!running) {
            problem(res, req, 'not-found', `consultation ${params['consultationId']}`);
            return;
          }
          const p = page(running.contributions, url.searchParams.get('cursor') ?? undefined, url.pathname, url.searchParams);
          send(res, req, 200, p.value, p.headers);
          return;
        }
        case 'submitContribution': {
          const running = consultations.find((c) => c.id === params['consultationId']);
          if (!running) {
            problem(res, req, 'not-found', `consultation ${params['consultationId']}`);
            return;
          }
          const submission = valid.body as unknown as Pick<Contribution, 'anchor' | 'text' | 'author'>;
          const contribution: Contribution = {
            ...submission,
            id: `b-${running.contributions.length + submissions.length + 1}`,
            submittedAt: new Date().toISOString(),
            state: 'submitted',
          };
          submissions.push(contribution);
          const location = `${url.pathname}/${contribution.id}`;
          send(res, req, 201, contribution, { location });
          return;
        }
        case 'getDecision': {
          const d = decisions.find((x) => x.id === `${params['year']}/${Number(params['number'])}`);
          if (d) send(res, req, 200, d);
          else problem(res, req, 'not-found', `decision ${params['year']}/${params['number']}`);
          return;
        }
        case 'getBody': {
          send(res, req, 200, {
            organizations: [{ id: 'plenum', name: body.name, classification: 'plenum' }],
            jurisdictions: body.jurisdictions,
            people: body.people,
            posts: [],
            memberships: body.memberships,
            rules: [],
          });
          return;
        }
        default:
          problem(res, req, 'not-found', `route ${id} is not part of this test registry`);
      }
    })().catch((error: unknown) => {
      res.writeHead(500, cors);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    submissions,
    requests,
    fail: (routeId, fault) => faults.set(routeId, fault),
    clearFaults: () => faults.clear(),
    delay: (routeId, ms) => delays.set(routeId, ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
