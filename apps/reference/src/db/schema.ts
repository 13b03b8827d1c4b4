import type { ColumnType, Generated } from 'kysely';

/**
 * Columns shared by every aggregate table: the aggregate itself is a JSON document in `data`
 * (validated by the zod schemas of the domain packages before it is written), `version` counts
 * writes for optimistic concurrency, and a few copied columns serve filters and sorting.
 */
export interface DocumentTable {
  id: string;
  version: number;
  /** Parent aggregate (the recommendation of a contribution, the pilot of a report). */
  parent_id: string | null;
  /** Lifecycle or review state, copied from `data` for filtering. */
  status: string | null;
  /** Sort key (catalogue number, date). */
  sort_key: string;
  /** Lower-case text searched by `q`. */
  search: string;
  /** A unique key supplied by the client (idempotent submissions). */
  unique_key: string | null;
  data: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`, base64url. */
  password_hash: string;
  created_at: string;
  /** 1 active, 0 deactivated (cannot sign in, sessions and tokens refused). */
  active: Generated<number>;
  /** Failed sign-ins since the last success (per-account back-off). */
  failed_logins: Generated<number>;
  /** No sign-in before this time (ISO), set by the back-off. */
  locked_until: string | null;
  /** `issuer#subject` of an account created or linked by OpenID Connect. */
  oidc_subject: string | null;
}

export interface SessionTable {
  /** sha256 of the session cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  /** sha256 of the token. */
  token_hash: string;
  user_id: string;
  label: string;
  created_at: string;
  /** The token is refused from this time (ISO); never when null. */
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** One secretariat or admin action: who, when, what, and the versions before and after. */
export interface AuditTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject: string;
  before_version: number | null;
  after_version: number | null;
  /** JSON of the state before and after (null for creation and deletion respectively). */
  before_data: string | null;
  after_data: string | null;
}

/** An `Idempotency-Key` (scoped by the caller) and the sha256 of the payload first sent with it. */
export interface IdempotencyTable {
  key: string;
  payload_hash: string;
  created_at: string;
}

export interface RateLimitTable {
  bucket: string;
  window_start: number;
  hits: number;
}

export interface FileTable {
  id: string;
  media_type: string;
  bytes: Uint8Array;
}

export interface MetaTable {
  key: string;
  value: string;
  /** When the row may be removed (ISO 8601); null keeps it for good. */
  expires_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every table, as Kysely sees it. */
export interface Database {
  recommendations: DocumentTable;
  contributions: DocumentTable;
  votes: DocumentTable;
  bodies: DocumentTable;
  models: DocumentTable;
  pilots: DocumentTable;
  reports: DocumentTable;
  projects: DocumentTable;
  /** Meetings of the body with agenda items (migration 0005). */
  meetings: DocumentTable;
  consultations: DocumentTable;
  editions: DocumentTable;
  files: FileTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  rate_limits: RateLimitTable;
  meta: MetaTable;
  audit_log: AuditTable;
  idempotency_keys: IdempotencyTable;
}

/** Tables that hold versioned JSON aggregates. */
export type DocumentTableName =
  | 'recommendations'
  | 'editions'
  | 'consultations'
  | 'contributions'
  | 'votes'
  | 'bodies'
  | 'models'
  | 'pilots'
  | 'reports'
  | 'projects'
  | 'meetings';

export const documentTables: readonly DocumentTableName[] = [
  'recommendations',
  'editions',
  'consultations',
  'contributions',
  'votes',
  'bodies',
  'models',
  'pilots',
  'reports',
  'projects',
];

export type { Generated };
