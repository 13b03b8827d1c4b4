import { contributionSchema } from '@foederal/recommendations';
import type { Contribution, Disposition, Recommendation } from '@foederal/recommendations';
import ky, { HTTPError } from 'ky';
import * as z from 'zod/mini';
import type { RetryOptions } from '../client/http.js';
import { kyRetry, readBytes, sendJson, toPublicationError } from '../client/http.js';
import { sha256Hex } from '../digest.js';
import { PublicationError } from '../errors.js';
import { issuesOf, summarizeIssues } from '../issues.js';
import type { AnsweredState } from './labels.js';
import { defaultDispositionIssueLabels, dispositionLabels } from './labels.js';
import type { GitLabIssue, GitLabNote, GitLabPackageFile, GitLabRelease } from './schemas.js';
import { gitLabIssueSchema, gitLabNoteSchema, gitLabPackageFileSchema, gitLabReleaseSchema } from './schemas.js';

/**
 * Options of {@link createOpenCodeClient}.
 *
 * @example
 * const options: OpenCodeClientOptions = { token, project: 'foederal/empfehlungen', authScheme: 'bearer' };
 */
export interface OpenCodeClientOptions {
  /** GitLab instance (default `https://gitlab.opencode.de`). */
  readonly baseUrl?: string | URL;
  /** Personal, project or group access token; without one, only public projects can be read ({@link OpenCodeClient.readFile}). */
  readonly token?: string;
  /** How to send the token: `PRIVATE-TOKEN` header (default) or `Authorization: Bearer`. */
  readonly authScheme?: 'private-token' | 'bearer';
  /** Project id or full path (`foederal/empfehlungen`). */
  readonly project: string | number;
  readonly fetch?: typeof fetch;
  /** Timeout per attempt in ms (default 30 000). */
  readonly timeout?: number | false;
  /** Retries: idempotent requests on errors, any request on 429 (honouring `Retry-After`). */
  readonly retry?: RetryOptions | number | false;
  /** Largest response body to read (default 64 MiB); beyond it: `payload-too-large`. */
  readonly maxResponseBytes?: number;
}

/**
 * A document to publish with a release.
 *
 * @example
 * const doc: ReleaseDocument = { fileName: 'empfehlung.pdf', data: pdfBytes };
 */
export interface ReleaseDocument {
  /** File name in the package registry (letters, digits, `.`, `_`, `-`). */
  readonly fileName: string;
  readonly data: Blob | ArrayBuffer | Uint8Array;
}

/**
 * A release link to add besides the uploaded documents.
 *
 * @example
 * const link: ReleaseLink = { name: 'Registry', url: 'https://registry.example.org/empfehlungen/142', linkType: 'other' };
 */
export interface ReleaseLink {
  readonly name: string;
  readonly url: string;
  readonly linkType?: 'other' | 'runbook' | 'image' | 'package';
}

/**
 * Options of importing contributions from issues.
 *
 * @example
 * openCode.importContributions({ labels: ['konsultation'], since: '2027-01-01T00:00:00Z', state: 'opened' });
 */
export interface ImportContributionsOptions {
  /** Only issues with all these labels (e.g. `['konsultation']`). */
  readonly labels?: readonly string[];
  /** Only issues updated at or after this time (ISO 8601). */
  readonly since?: string;
  /** `opened`, `closed` or `all` (default `all`). */
  readonly state?: 'opened' | 'closed' | 'all';
  /** Issues per page, at most 100 (default 100). */
  readonly perPage?: number;
  /** Section of the draft an issue refers to; default: label `abschnitt::3.2`/`section::3.2`, or a title starting `3.2`/`[3.2]`, else `allgemein`. */
  readonly sectionOf?: (issue: GitLabIssue) => string;
  readonly signal?: AbortSignal;
}

/**
 * The openCode (GitLab REST API v4) client.
 *
 * @example
 * const openCode: OpenCodeClient = createOpenCodeClient({ token, project: 'foederal/empfehlungen' });
 */
export interface OpenCodeClient {
  /** Upload one file to the generic package registry; the SHA-256 GitLab reports must match. */
  uploadPackageFile(input: { readonly packageName: string; readonly version: string; readonly fileName: string; readonly data: ReleaseDocument['data'] }, options?: { readonly signal?: AbortSignal }): Promise<GitLabPackageFile & { readonly url: string }>;
  /** Create a release with asset links. */
  createRelease(input: { readonly tagName: string; readonly name: string; readonly description: string; readonly ref?: string; readonly links?: readonly ReleaseLink[] }, options?: { readonly signal?: AbortSignal }): Promise<GitLabRelease>;
  /** Publish a recommendation edition: upload its documents, then create the release linking them. */
  publishEdition(input: { readonly recommendation: Recommendation; readonly documents: readonly ReleaseDocument[]; readonly ref?: string; readonly links?: readonly ReleaseLink[] }, options?: { readonly signal?: AbortSignal }): Promise<{ readonly release: GitLabRelease; readonly files: readonly (GitLabPackageFile & { readonly url: string })[] }>;
  /** All issues matching the filter, across pages (`x-next-page`). */
  issues(options?: Omit<ImportContributionsOptions, 'sectionOf'>): AsyncIterable<GitLabIssue>;
  /** Issues as consultation contributions, each with its issue URL as `externalRef`. */
  importContributions(options?: ImportContributionsOptions): AsyncIterable<Contribution>;
  /**
   * The raw bytes of one file of the repository at a branch, tag or commit (GitLab
   * `GET /projects/:id/repository/files/:file_path/raw`), e.g. the project's `publiccode.yml`.
   * Default ref `HEAD` (the default branch). A missing file is a `not-found` error.
   */
  readFile(input: { readonly path: string; readonly ref?: string }, options?: { readonly signal?: AbortSignal }): Promise<Uint8Array>;
  /** Post a disposition as an issue note (German, then English) and set its outcome label. */
  postDisposition(input: { readonly issueIid: number; readonly state: AnsweredState; readonly disposition: Disposition; readonly labels?: Partial<Record<AnsweredState, string>> }, options?: { readonly signal?: AbortSignal }): Promise<{ readonly note: GitLabNote; readonly issue: GitLabIssue }>;
}

const packageNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

function invalid(message: string, path: string): PublicationError {
  return new PublicationError('invalid-input', message, { issues: [{ path, message }] });
}

function toBytes(data: ReleaseDocument['data']): Promise<Uint8Array> | Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data.arrayBuffer().then((b) => new Uint8Array(b));
}

/**
 * Default section anchor of an issue: a scoped label, or the number the title starts with.
 *
 * @example
 * defaultSectionOf(issue); // '3.2' for a label 'abschnitt::3.2' or a title '3.2 Prüffristen'
 */
export function defaultSectionOf(issue: GitLabIssue): string {
  for (const label of issue.labels) {
    const m = /^(?:abschnitt|section)::\s*([0-9A-Za-z][0-9A-Za-z._-]{0,63})$/i.exec(label);
    if (m) return m[1] as string;
  }
  const t = /^\s*\[?(\d+(?:\.\d+)*)\]?[\s:)]/.exec(issue.title);
  return t ? (t[1] as string) : 'allgemein';
}

const maxText = 20_000;

/**
 * Map a GitLab issue to a consultation contribution (validated by `contributionSchema`).
 *
 * @example
 * const contribution = issueToContribution(issue);
 * contribution.externalRef; // issue.web_url
 */
export function issueToContribution(issue: GitLabIssue, sectionOf: (issue: GitLabIssue) => string = defaultSectionOf): Contribution {
  let text = [issue.title.trim(), (issue.description ?? '').trim()].filter(Boolean).join('\n\n');
  if (text.length > maxText) text = `${text.slice(0, maxText - 1)}…`;
  const candidate = {
    id: `opencode-${issue.project_id}-${issue.iid}`,
    anchor: { section: sectionOf(issue) },
    text: { de: text },
    author: issue.author ? { kind: 'person', name: issue.author.name.trim() || issue.author.username } : { kind: 'anonymous' },
    submittedAt: issue.created_at,
    externalRef: issue.web_url,
    state: issue.confidential ? 'submitted' : 'published',
  };
  const r = z.safeParse(contributionSchema, candidate);
  if (!r.success) {
    const issues = issuesOf(r.error, `$.issues[iid=${issue.iid}]`);
    throw new PublicationError(
      'contract-violation',
      `Issue ${issue.iid} ergibt keinen gültigen Beitrag / issue ${issue.iid} does not make a valid contribution: ${summarizeIssues(issues)}`,
      { issues, url: issue.web_url },
    );
  }
  return r.data;
}

/**
 * The body of a disposition note: German first, English second.
 *
 * @example
 * dispositionNote('accepted', { reason: { de: 'Aufgenommen in 3.2.' }, answeredAt: '2027-03-01T09:00:00Z' });
 */
export function dispositionNote(state: AnsweredState, disposition: Disposition): string {
  const { de, en } = dispositionLabels;
  const lines = [`**${de.heading}: ${de[state]}**`, '', `${de.reason}: ${disposition.reason.de}`];
  if (disposition.duplicateOf) lines.push('', `${de.duplicateOf}: ${disposition.duplicateOf}`);
  lines.push('', '---', '', `**${en.heading}: ${en[state]}**`);
  if (disposition.reason.en) lines.push('', `${en.reason}: ${disposition.reason.en}`);
  if (disposition.duplicateOf) lines.push('', `${en.duplicateOf}: ${disposition.duplicateOf}`);
  return lines.join('\n');
}

/**
 * A client for openCode (gitlab.opencode.de, GitLab REST API v4): publish recommendation editions
 * as releases with documents in the generic package registry, import consultation contributions
 * from issues, and post dispositions back as notes with a label. 429 answers are retried after
 * `Retry-After`; every response is checked against the documented shape.
 *
 * @example
 * const openCode = createOpenCodeClient({ token: process.env.OPENCODE_TOKEN!, project: 'foederal/empfehlungen' });
 * for await (const c of openCode.importContributions({ labels: ['konsultation'], since: '2027-01-01T00:00:00Z' })) await registry.submitContribution('k-1', c);
 * await openCode.publishEdition({ recommendation, documents: [{ fileName: 'empfehlung.pdf', data: pdfBytes }] });
 */
export function createOpenCodeClient(options: OpenCodeClientOptions): OpenCodeClient {
  const base = new URL(String(options.baseUrl ?? 'https://gitlab.opencode.de'));
  const api = `${base.origin}${base.pathname.replace(/\/+$/, '')}/api/v4`;
  const project = `${api}/projects/${encodeURIComponent(String(options.project))}`;
  const timeout = options.timeout ?? 30_000;
  const bodyLimit = options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes };
  const auth = (): Headers => {
    const h = new Headers();
    if (options.token === undefined || options.token === '') return h;
    if (options.authScheme === 'bearer') h.set('authorization', `Bearer ${options.token}`);
    else h.set('private-token', options.token);
    return h;
  };
  const common = { timeout, ...(options.fetch ? { fetch: options.fetch } : {}) };
  // Idempotent requests: retried on network errors and 408/429/5xx.
  const idempotent = ky.create({ ...common, retry: kyRetry(options.retry) });
  // POST: retried only on 429 (the request was not processed), never on other failures.
  const nonIdempotent = ky.create({
    ...common,
    retry: kyRetry(options.retry, {
      methods: ['post'],
      shouldRetry: ({ error }) => (error instanceof HTTPError && error.response.status === 429 ? undefined : false),
    }),
  });

  const packageUrl = (name: string, version: string, file: string): string =>
    `${project}/packages/generic/${encodeURIComponent(name)}/${encodeURIComponent(version)}/${encodeURIComponent(file)}`;

  const client: OpenCodeClient = {
    async readFile(input, callOptions = {}) {
      const segments = input.path.split('/');
      if (input.path.length === 0 || input.path.length > 1024 || segments.some((x) => x === '' || x === '.' || x === '..') || [...input.path].some((ch) => ch.charCodeAt(0) < 0x20)) {
        throw invalid(`Ungültiger Dateipfad / invalid file path: ${input.path.slice(0, 100)}`, '$.path');
      }
      const ref = input.ref ?? 'HEAD';
      if (ref.length === 0 || ref.length > 255 || [...ref].some((ch) => ch.charCodeAt(0) <= 0x20) || /[~^:?*[\\]/.test(ref)) throw invalid(`Ungültige Referenz / invalid ref: ${ref.slice(0, 100)}`, '$.ref');
      const url = new URL(`${project}/repository/files/${encodeURIComponent(input.path)}/raw`);
      url.searchParams.set('ref', ref);
      try {
        const response = await idempotent(url, { method: 'get', headers: auth(), ...(callOptions.signal ? { signal: callOptions.signal } : {}) });
        return await readBytes(response, timeout, callOptions.signal, options.maxResponseBytes);
      } catch (error) {
        throw await toPublicationError(error, { method: 'GET', url: url.href, signal: callOptions.signal, timeout });
      }
    },

    async uploadPackageFile(input, callOptions = {}) {
      if (!packageNamePattern.test(input.packageName)) throw invalid(`Ungültiger Paketname / invalid package name: ${input.packageName}`, '$.packageName');
      if (!/^[A-Za-z0-9][A-Za-z0-9.+_-]*$/.test(input.version)) throw invalid(`Ungültige Version / invalid version: ${input.version}`, '$.version');
      if (!packageNamePattern.test(input.fileName)) throw invalid(`Ungültiger Dateiname / invalid file name: ${input.fileName}`, '$.fileName');
      const bytes = await toBytes(input.data);
      const url = new URL(`${packageUrl(input.packageName, input.version, input.fileName)}?select=package_file`);
      const { data } = await sendJson(idempotent, url, {
        method: 'PUT', headers: auth(), bytes, schema: gitLabPackageFileSchema, signal: callOptions.signal, timeout, ...bodyLimit, operation: 'uploadPackageFile',
      });
      const expected = await sha256Hex(bytes);
      if (data.file_sha256 != null && data.file_sha256 !== expected) {
        throw new PublicationError(
          'contract-violation',
          `openCode meldet SHA-256 ${data.file_sha256}, gesendet ${expected} / openCode reports SHA-256 ${data.file_sha256}, sent ${expected}`,
          { method: 'PUT', url: url.href },
        );
      }
      if (data.size !== bytes.byteLength) {
        throw new PublicationError('contract-violation', `openCode meldet ${data.size} Bytes, gesendet ${bytes.byteLength} / openCode reports ${data.size} bytes, sent ${bytes.byteLength}`, { method: 'PUT', url: url.href });
      }
      return { ...data, url: packageUrl(input.packageName, input.version, input.fileName) };
    },

    async createRelease(input, callOptions = {}) {
      if (!input.tagName.trim()) throw invalid('tagName fehlt / tagName is missing', '$.tagName');
      const body = {
        tag_name: input.tagName,
        name: input.name,
        description: input.description,
        ...(input.ref ? { ref: input.ref } : {}),
        assets: { links: (input.links ?? []).map((l) => ({ name: l.name, url: l.url, link_type: l.linkType ?? 'other' })) },
      };
      const { data } = await sendJson(nonIdempotent, new URL(`${project}/releases`), {
        method: 'POST', headers: auth(), json: body, schema: gitLabReleaseSchema, signal: callOptions.signal, timeout, ...bodyLimit, operation: 'createRelease',
      });
      return data;
    },

    async publishEdition(input, callOptions = {}) {
      const r = input.recommendation;
      const files = [];
      // GitLab asks for uploads to one package version to be made one after the other.
      for (const doc of input.documents) {
        files.push(await client.uploadPackageFile({ packageName: r.id, version: r.version, fileName: doc.fileName, data: doc.data }, callOptions));
      }
      const description = [
        `# ${r.number} ${r.shortTitle.de}`,
        '',
        `**${r.title.de}**${r.title.en ? ` / ${r.title.en}` : ''}`,
        '',
        r.description.de,
        ...(r.description.en ? ['', r.description.en] : []),
        '',
        `Version ${r.version} · Status: ${r.status.state}${r.license ? ` · Lizenz / licence: ${r.license.id}` : ''}`,
      ].join('\n');
      const release = await client.createRelease({
        tagName: `${r.id}-${r.version}`,
        name: `${r.number} ${r.shortTitle.de} ${r.version}`,
        description,
        ...(input.ref ? { ref: input.ref } : {}),
        links: [
          ...files.map((f) => ({ name: f.file_name, url: f.url, linkType: 'package' as const })),
          ...(input.links ?? []),
        ],
      }, callOptions);
      return { release, files };
    },

    issues(filter = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          const perPage = Math.min(Math.max(filter.perPage ?? 100, 1), 100);
          let page: string | null = '1';
          const seen = new Set<string>();
          while (page) {
            if (seen.has(page)) throw new PublicationError('contract-violation', `x-next-page wiederholt Seite ${page} / x-next-page repeats page ${page}`);
            seen.add(page);
            const url = new URL(`${project}/issues`);
            url.searchParams.set('scope', 'all');
            url.searchParams.set('state', filter.state ?? 'all');
            url.searchParams.set('order_by', 'created_at');
            url.searchParams.set('sort', 'asc');
            url.searchParams.set('per_page', String(perPage));
            url.searchParams.set('page', page);
            if (filter.labels?.length) url.searchParams.set('labels', filter.labels.join(','));
            if (filter.since) url.searchParams.set('updated_after', filter.since);
            const { data, headers } = await sendJson(idempotent, url, {
              method: 'GET', headers: auth(), schema: z.array(gitLabIssueSchema), signal: filter.signal, timeout, ...bodyLimit, operation: 'issues',
            });
            yield* data;
            const next = headers.get('x-next-page');
            page = next && next.trim() !== '' ? next.trim() : null;
            if (page !== null && !/^\d+$/.test(page)) throw new PublicationError('contract-violation', `x-next-page ist keine Seitenzahl / x-next-page is not a page number: ${page}`);
          }
        },
      };
    },

    importContributions(filter = {}) {
      const sectionOf = filter.sectionOf ?? defaultSectionOf;
      const issues = client.issues(filter);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const issue of issues) yield issueToContribution(issue, sectionOf);
        },
      };
    },

    async postDisposition(input, callOptions = {}) {
      if (!Number.isInteger(input.issueIid) || input.issueIid < 1) throw invalid(`Ungültige Issue-Nummer / invalid issue iid: ${input.issueIid}`, '$.issueIid');
      const labels = { ...defaultDispositionIssueLabels, ...input.labels };
      const issuePath = `${project}/issues/${input.issueIid}`;
      const { data: note } = await sendJson(nonIdempotent, new URL(`${issuePath}/notes`), {
        method: 'POST', headers: auth(), json: { body: dispositionNote(input.state, input.disposition) }, schema: gitLabNoteSchema,
        signal: callOptions.signal, timeout, ...bodyLimit, operation: 'postDisposition',
      });
      const { data: issue } = await sendJson(idempotent, new URL(issuePath), {
        method: 'PUT', headers: auth(),
        // Scoped labels replace each other only on some GitLab tiers: remove the others explicitly.
        json: { add_labels: labels[input.state], remove_labels: Object.entries(labels).filter(([k]) => k !== input.state).map(([, v]) => v).join(',') },
        schema: gitLabIssueSchema,
        signal: callOptions.signal, timeout, ...bodyLimit, operation: 'postDisposition',
      });
      return { note, issue };
    },
  };
  return client;
}
