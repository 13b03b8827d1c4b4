// The parts of GitLab REST API v4 responses the openCode client reads (docs.gitlab.com/api/:
// releases, generic packages, issues, notes). Loose objects: GitLab adds fields over time.
import * as z from 'zod/mini';

const dateTime = z.iso.datetime({ offset: true });

/**
 * A GitLab user as embedded in issues and notes.
 *
 * @example
 * gitLabUserSchema.parse({ id: 1, username: 'a.beispiel', name: 'Anna Beispiel' });
 */
export const gitLabUserSchema = z.looseObject({
  id: z.int(),
  username: z.string(),
  name: z.string(),
  web_url: z.optional(z.string()),
});

/**
 * A GitLab issue (`GET /projects/:id/issues`).
 *
 * @example
 * gitLabIssueSchema.parse({ id: 1, iid: 4, project_id: 7, title: 'Hinweis', description: null, state: 'opened',
 *   created_at: '2025-06-02T10:00:00.000Z', updated_at: '2025-06-02T10:00:00.000Z', labels: [], author: { id: 1, username: 'a', name: 'A' },
 *   web_url: 'https://gitlab.opencode.de/g/p/-/issues/4' });
 */
export const gitLabIssueSchema = z.looseObject({
  id: z.int(),
  iid: z.int(),
  project_id: z.int(),
  title: z.string(),
  description: z.nullable(z.string()),
  state: z.string(),
  created_at: dateTime,
  updated_at: dateTime,
  labels: z.array(z.string()),
  author: z.nullable(gitLabUserSchema),
  web_url: z.string(),
  confidential: z.optional(z.boolean()),
});
/**
 * A GitLab issue.
 *
 * @example
 * for await (const issue of openCode.issues({ labels: ['konsultation'] })) console.log(issue.iid, issue.title);
 */
export type GitLabIssue = z.output<typeof gitLabIssueSchema>;

/**
 * A note (comment) on an issue (`POST /projects/:id/issues/:iid/notes`).
 *
 * @example
 * gitLabNoteSchema.parse(await response.json());
 */
export const gitLabNoteSchema = z.looseObject({
  id: z.int(),
  body: z.string(),
  author: gitLabUserSchema,
  created_at: dateTime,
  system: z.optional(z.boolean()),
});
/**
 * A GitLab note.
 *
 * @example
 * const { note } = await openCode.postDisposition({ issueIid: 4, state: 'accepted', disposition });
 */
export type GitLabNote = z.output<typeof gitLabNoteSchema>;

/**
 * A release asset link.
 *
 * @example
 * gitLabReleaseLinkSchema.parse({ id: 1, name: 'empfehlung.pdf', url: 'https://example.org/a.pdf' });
 */
export const gitLabReleaseLinkSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  url: z.string(),
  direct_asset_url: z.optional(z.string()),
  link_type: z.optional(z.string()),
});

/**
 * A release (`POST /projects/:id/releases`).
 *
 * @example
 * gitLabReleaseSchema.parse(await response.json());
 */
export const gitLabReleaseSchema = z.looseObject({
  tag_name: z.string(),
  name: z.nullable(z.string()),
  description: z.nullable(z.string()),
  created_at: dateTime,
  released_at: z.optional(dateTime),
  assets: z.looseObject({
    count: z.optional(z.int()),
    links: z.array(gitLabReleaseLinkSchema),
  }),
  _links: z.optional(z.looseObject({ self: z.optional(z.string()) })),
});
/**
 * A GitLab release.
 *
 * @example
 * const { release } = await openCode.publishEdition({ recommendation, documents });
 */
export type GitLabRelease = z.output<typeof gitLabReleaseSchema>;

/**
 * A generic package file (`PUT …/packages/generic/… ?select=package_file`).
 *
 * @example
 * gitLabPackageFileSchema.parse(await response.json());
 */
export const gitLabPackageFileSchema = z.looseObject({
  id: z.int(),
  package_id: z.int(),
  file_name: z.string(),
  size: z.int(),
  file_sha256: z.nullable(z.optional(z.string())),
  created_at: dateTime,
});
/**
 * A generic package file.
 *
 * @example
 * const file: GitLabPackageFile = await openCode.uploadPackageFile({ packageName: 'p', version: '1.0.0', fileName: 'a.pdf', data });
 */
export type GitLabPackageFile = z.output<typeof gitLabPackageFileSchema>;
