// A small GitLab REST API v4 stand-in for the openCode client tests: the endpoints the client
// uses, answering with bodies and headers shaped as docs.gitlab.com documents them.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface GitLabFixture {
  url: string;
  requests: { method: string; path: string; search: URLSearchParams; headers: IncomingMessage['headers']; body: Buffer }[];
  issues: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  releases: Record<string, unknown>[];
  packages: Map<string, Buffer>;
  /** Answer the next n requests with 429 and this Retry-After. */
  rateLimit(times: number, retryAfter: string): void;
  /** Drop the connection of the next n requests without answering. */
  reset(times: number): void;
  /** Corrupt the SHA-256 reported for the next upload. */
  corruptNextUpload(): void;
  close(): Promise<void>;
}

const token = 'glpat-test-token';
const user = { id: 7, username: 'a.beispiel', name: 'Anna Beispiel', state: 'active', avatar_url: null, web_url: 'https://gitlab.opencode.de/a.beispiel' };

export function issue(iid: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const created = new Date(Date.UTC(2025, 5, 1, 8, iid)).toISOString();
  return {
    id: 1000 + iid,
    iid,
    project_id: 42,
    title: `Hinweis ${iid}`,
    description: `Beschreibung ${iid}`,
    state: 'opened',
    created_at: created,
    updated_at: created,
    closed_at: null,
    closed_by: null,
    labels: ['konsultation'],
    milestone: null,
    assignees: [],
    author: user,
    type: 'ISSUE',
    assignee: null,
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    discussion_locked: null,
    issue_type: 'issue',
    web_url: `https://gitlab.opencode.de/foederal/empfehlungen/-/issues/${iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    references: { short: `#${iid}`, relative: `#${iid}`, full: `foederal/empfehlungen#${iid}` },
    ...overrides,
  };
}

export async function startGitLab(): Promise<GitLabFixture> {
  const requests: GitLabFixture['requests'] = [];
  const issues: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const releases: Record<string, unknown>[] = [];
  const packages = new Map<string, Buffer>();
  let limited = 0;
  let retryAfter = '1';
  let corrupt = false;
  let resets = 0;
  let origin = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: url.pathname, search: url.searchParams, headers: req.headers, body });
      if (resets > 0) {
        resets--;
        req.socket.destroy();
        return;
      }
      if (limited > 0) {
        limited--;
        send(res, 429, { message: 'Retry later' }, { 'retry-after': retryAfter, 'ratelimit-limit': '600', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) });
        return;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (req.headers['private-token'] !== token && bearer !== token) {
        send(res, 401, { message: '401 Unauthorized' });
        return;
      }
      const prefix = '/api/v4/projects/foederal%2Fempfehlungen';
      if (!url.pathname.startsWith(prefix)) {
        send(res, 404, { message: '404 Project Not Found' });
        return;
      }
      const rest = url.pathname.slice(prefix.length);
      let m: RegExpExecArray | null;
      if (req.method === 'GET' && rest === '/issues') {
        const labels = url.searchParams.get('labels')?.split(',').filter(Boolean) ?? [];
        const since = url.searchParams.get('updated_after');
        const state = url.searchParams.get('state') ?? 'all';
        const matching = issues
          .filter((i) => labels.every((l) => (i['labels'] as string[]).includes(l)))
          .filter((i) => !since || Date.parse(i['updated_at'] as string) >= Date.parse(since))
          .filter((i) => state === 'all' || i['state'] === state);
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 20), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const totalPages = Math.max(1, Math.ceil(matching.length / perPage));
        const slice = matching.slice((page - 1) * perPage, page * perPage);
        const link = new URL(url);
        const headers: Record<string, string> = {
          'x-page': String(page),
          'x-per-page': String(perPage),
          'x-total': String(matching.length),
          'x-total-pages': String(totalPages),
          'x-next-page': page < totalPages ? String(page + 1) : '',
          'x-prev-page': page > 1 ? String(page - 1) : '',
        };
        if (page < totalPages) {
          link.searchParams.set('page', String(page + 1));
          headers['link'] = `<${link.href}>; rel="next"`;
        }
        send(res, 200, slice, headers);
        return;
      }
      if ((m = /^\/issues\/(\d+)\/notes$/.exec(rest)) && req.method === 'POST') {
        const iid = Number(m[1]);
        if (!issues.some((i) => i['iid'] === iid)) return send(res, 404, { message: '404 Issue Not Found' });
        const payload = JSON.parse(body.toString('utf8')) as { body?: string };
        if (!payload.body) return send(res, 400, { message: { body: ["can't be blank"] } });
        const note = { id: 300 + notes.length, type: null, body: payload.body, attachment: null, author: user, created_at: new Date().toISOString(), updated_at: new Date().toISOString(), system: false, noteable_id: 1000 + iid, noteable_type: 'Issue', project_id: 42, resolvable: false, confidential: false, internal: false, noteable_iid: iid };
        notes.push(note);
        return send(res, 201, note);
      }
      if ((m = /^\/issues\/(\d+)$/.exec(rest)) && req.method === 'PUT') {
        const found = issues.find((i) => i['iid'] === Number(m?.[1]));
        if (!found) return send(res, 404, { message: '404 Issue Not Found' });
        const payload = JSON.parse(body.toString('utf8')) as { add_labels?: string; remove_labels?: string };
        const remove = new Set((payload.remove_labels ?? '').split(',').filter(Boolean));
        const labels = (found['labels'] as string[]).filter((l) => !remove.has(l));
        for (const l of (payload.add_labels ?? '').split(',').filter(Boolean)) if (!labels.includes(l)) labels.push(l);
        found['labels'] = labels;
        found['updated_at'] = new Date().toISOString();
        return send(res, 200, found);
      }
      if ((m = /^\/packages\/generic\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(rest)) && req.method === 'PUT') {
        const key = m.slice(1).map(decodeURIComponent).join('/');
        packages.set(key, body);
        const sha = corrupt ? '0'.repeat(64) : createHash('sha256').update(body).digest('hex');
        corrupt = false;
        if (url.searchParams.get('select') !== 'package_file') return send(res, 201, { message: '201 Created' });
        return send(res, 201, {
          id: packages.size, package_id: 9, created_at: new Date().toISOString(), updated_at: new Date().toISOString(), size: body.byteLength,
          file_store: 1, file_md5: null, file_sha1: null, file_name: decodeURIComponent(m[3] as string), file: { url: `/${decodeURIComponent(m[3] as string)}` },
          file_sha256: sha, verification_retry_at: null, verified_at: null, verification_failure: null, verification_retry_count: null,
          verification_checksum: null, verification_state: 0, verification_started_at: null, new_file_path: null,
        });
      }
      if (rest === '/releases' && req.method === 'POST') {
        const payload = JSON.parse(body.toString('utf8')) as { tag_name: string; name: string; description: string; assets?: { links?: { name: string; url: string; link_type?: string }[] } };
        if (releases.some((r) => r['tag_name'] === payload.tag_name)) return send(res, 409, { message: 'Release already exists' });
        const release = {
          tag_name: payload.tag_name, description: payload.description, name: payload.name,
          created_at: new Date().toISOString(), released_at: new Date().toISOString(), upcoming_release: false,
          author: user, commit: { id: 'a'.repeat(40), short_id: 'aaaaaaaa' }, milestones: [], commit_path: '/c', tag_path: `/-/tags/${payload.tag_name}`,
          assets: {
            count: (payload.assets?.links?.length ?? 0) + 2,
            sources: [{ format: 'zip', url: `${origin}/archive.zip` }, { format: 'tar.gz', url: `${origin}/archive.tar.gz` }],
            links: (payload.assets?.links ?? []).map((l, i) => ({ id: i + 1, name: l.name, url: l.url, direct_asset_url: l.url, link_type: l.link_type ?? 'other' })),
          },
          evidences: [],
          _links: { self: `https://gitlab.opencode.de/foederal/empfehlungen/-/releases/${payload.tag_name}` },
        };
        releases.push(release);
        return send(res, 201, release);
      }
      send(res, 404, { error: '404 Not Found' });
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    issues,
    notes,
    releases,
    packages,
    rateLimit(times, after) {
      limited = times;
      retryAfter = after;
    },
    reset(times) {
      resets = times;
    },
    corruptNextUpload() {
      corrupt = true;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

export const gitLabToken = token;
