import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { AppError } from './errors.js';

const integer = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/)),
    z.transform((v) => Number(v)),
  ).check(z.refine((n: number) => n >= min && n <= max, `zwischen ${min} und ${max} / between ${min} and ${max}`));

const envSchema = z.object({
  PORT: z.optional(integer(0, 65535)),
  HOST: z.optional(z.string()),
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'postgres://…'))),
  DATA_DIR: z.optional(z.string().check(z.minLength(1))),
  BASE_URL: z.optional(z.url()),
  UPLOAD_LIMIT_BYTES: z.optional(integer(1024, 4 * 1024 ** 3)),
  CONTRIBUTION_LIMIT_PER_HOUR: z.optional(integer(1, 1_000_000)),
  LOG_LEVEL: z.optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  SHUTDOWN_TIMEOUT_MS: z.optional(integer(0, 600_000)),
  READ_CACHE_TTL_MS: z.optional(integer(0, 60_000)),
  IN_PROCESS_WORKER: z.optional(z.enum(['true', 'false'])),
  JOB_TIMEOUT_SECONDS: z.optional(integer(5, 86_400)),
  SEED_DEMO: z.optional(z.enum(['true', 'false'])),
  ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(12, 'mindestens 12 Zeichen / at least 12 characters'))),
  UNZIP_LIMIT_BYTES: z.optional(integer(1024, 4 * 1024 ** 3)),
  LOGIN_LIMIT_PER_MINUTE: z.optional(integer(1, 1_000_000)),
  OIDC_ISSUER: z.optional(z.url()),
  OIDC_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  OIDC_CLIENT_SECRET: z.optional(z.string().check(z.minLength(1))),
  OIDC_SCOPE: z.optional(z.string().check(z.regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'Scopes durch Leerzeichen getrennt / space-separated scopes'))),
  OIDC_ROLES_CLAIM: z.optional(z.string().check(z.regex(/^[\w:-]+(\.[\w:-]+)*$/, 'Claim-Name, Pfad mit Punkten / claim name, dotted path'))),
  OIDC_ROLE_MAP: z.optional(
    z.string().check(z.regex(/^\s*[^=,\s][^=,]*=(member|secretariat|admin)\s*(,\s*[^=,\s][^=,]*=(member|secretariat|admin)\s*)*$/, 'Wert=Rolle, durch Komma getrennt (Rollen member, secretariat, admin) / value=role, comma-separated')),
  ),
  OIDC_LABEL: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  OPENCODE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  TRUST_PROXY: z.optional(z.string().check(z.regex(/^[\w.:%]+(\s*,\s*[\w.:%]+)*$/, 'IP-Adressen, durch Komma getrennt / IP addresses, comma-separated'))),
});

/** Default of `UNZIP_LIMIT_BYTES`: an uploaded .ifczip may unpack to at most 512 MiB. */
export const defaultUnzipLimitBytes = 512 * 1024 * 1024;

/**
 * The unpack limit of `.ifczip` uploads from `UNZIP_LIMIT_BYTES` (default 512 MiB). Read where
 * models are analysed (also in worker threads and worker processes, which share the environment).
 */
export function unzipLimitBytes(env: Record<string, string | undefined> = process.env): number {
  const value = env['UNZIP_LIMIT_BYTES'];
  return value && /^\d+$/.test(value) && Number(value) >= 1024 ? Number(value) : defaultUnzipLimitBytes;
}

/** True for an address that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** The app's configuration, read from the environment by {@link loadConfig}. */
export interface AppConfig {
  /** TCP port; 0 picks a free one. Default 3000. */
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; SQLite under `dataDir` when absent. */
  readonly databaseUrl: string | undefined;
  /** Folder for the SQLite file. Default `data/` under the working directory. */
  readonly dataDir: string;
  /** Public base URL used in feeds, DCAT and OParl ids; defaults to `http://localhost:<port>`. */
  readonly baseUrl: string | undefined;
  /** Largest accepted upload (IFC models, attachments) in bytes. Default 50 MiB. */
  readonly uploadLimitBytes: number;
  /** Public contributions accepted per client address and hour. Default 20. */
  readonly contributionLimitPerHour: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long shutdown waits for running requests. Default 10 s. */
  readonly shutdownTimeoutMs: number;
  /** How long a checked catalogue generation is trusted (the staleness bound across instances). Default 500 ms. */
  readonly readCacheTtlMs: number;
  /** Run IFC analysis and IDS checks in a worker thread of this process. Default true; `false` when `node dist/worker.js` processes do it (PostgreSQL only). */
  readonly inProcessWorker: boolean;
  /** How long a job may run before it counts as lost (its worker died) and is retried. Default 900 s. */
  readonly jobTimeoutSeconds: number;
  /**
   * Load demo data (and demo accounts, each with its own generated password) into an empty
   * database: with `SEED_DEMO=true` or `--demo`, and by default when listening on loopback only.
   */
  readonly seedDemo: boolean;
  /** Password of the first administrator (`admin`); generated and printed once when absent. */
  readonly adminPassword: string | undefined;
  /** Largest size an uploaded .ifczip may unpack to. Default 512 MiB. */
  readonly unzipLimitBytes: number;
  /** Addresses of reverse proxies whose `X-Forwarded-For` is believed (rate limits). Default none. */
  readonly trustProxy: readonly string[];
  /** Sign-in attempts per client address and minute (besides the per-account back-off). Default 20. */
  readonly loginLimitPerMinute: number;
  /** Single sign-on through an OpenID Connect provider; absent unless `OIDC_ISSUER` is set. */
  readonly oidc: OidcConfig | undefined;
  /** openCode (GitLab) that holds the publiccode.yml of open-source pilots, without trailing slash. Default https://gitlab.opencode.de. */
  readonly openCodeUrl: string;
}

/** Sign-in through an administration's OpenID Connect identity provider (Keycloak, ADFS …). */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the issuer URL; discovery reads `/.well-known/openid-configuration` under it. */
  readonly issuer: string;
  readonly clientId: string;
  /** Confidential client (`client_secret_basic`); without one the client is public (PKCE only). */
  readonly clientSecret: string | undefined;
  /** Default `openid profile email`. */
  readonly scope: string;
  /** Claim with the user's groups or roles, a dotted path for nested ones (`realm_access.roles`). Default `roles`. */
  readonly rolesClaim: string;
  /** Claim value → app role (`OIDC_ROLE_MAP=gs=secretariat,ak-mitglied=member`); the highest mapped role wins. */
  readonly roleMap: Readonly<Record<string, 'member' | 'secretariat' | 'admin'>>;
  /** Text of the sign-in button. Default "Anmelden mit Single Sign-on / Sign in with single sign-on". */
  readonly label: string | undefined;
}

/**
 * Read and validate the configuration from environment variables.
 *
 * @example
 * const config = loadConfig({ PORT: '0', DATA_DIR: '/tmp/foederal' });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, args: readonly string[] = []): AppConfig {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = z.safeParse(envSchema, picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '?';
    throw new AppError('config-invalid', `Ungültige Konfiguration / invalid configuration: ${where}: ${issue?.message ?? ''}`, {
      details: { variable: where },
    });
  }
  const e = parsed.data;
  return {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '127.0.0.1',
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR ?? 'data'),
    baseUrl: e.BASE_URL?.replace(/\/$/, ''),
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES ?? 50 * 1024 * 1024,
    contributionLimitPerHour: e.CONTRIBUTION_LIMIT_PER_HOUR ?? 20,
    logLevel: e.LOG_LEVEL ?? 'info',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    readCacheTtlMs: e.READ_CACHE_TTL_MS ?? 500,
    inProcessWorker: (e.IN_PROCESS_WORKER ?? 'true') === 'true',
    jobTimeoutSeconds: e.JOB_TIMEOUT_SECONDS ?? 900,
    seedDemo: e.SEED_DEMO === undefined ? args.includes('--demo') || isLoopback(e.HOST ?? '127.0.0.1') : e.SEED_DEMO === 'true',
    adminPassword: e.ADMIN_PASSWORD,
    unzipLimitBytes: e.UNZIP_LIMIT_BYTES ?? defaultUnzipLimitBytes,
    loginLimitPerMinute: e.LOGIN_LIMIT_PER_MINUTE ?? 20,
    oidc: oidcConfig(e),
    openCodeUrl: (e.OPENCODE_URL ?? 'https://gitlab.opencode.de').replace(/\/+$/, ''),
    trustProxy: (e.TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter((a) => a !== ''),
  };
}

function oidcConfig(e: z.infer<typeof envSchema>): OidcConfig | undefined {
  if (e.OIDC_ISSUER === undefined) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const).find((k) => e[k] !== undefined);
    if (stray) throw new AppError('config-invalid', `Ungültige Konfiguration / invalid configuration: ${stray} ohne / without OIDC_ISSUER`, { details: { variable: 'OIDC_ISSUER' } });
    return undefined;
  }
  for (const k of ['OIDC_CLIENT_ID', 'OIDC_ROLE_MAP'] as const) {
    if (e[k] === undefined) throw new AppError('config-invalid', `Ungültige Konfiguration / invalid configuration: ${k} fehlt / missing (OIDC_ISSUER ist gesetzt / is set)`, { details: { variable: k } });
  }
  const roleMap: Record<string, 'member' | 'secretariat' | 'admin'> = {};
  for (const pair of (e.OIDC_ROLE_MAP as string).split(',')) {
    const at = pair.lastIndexOf('=');
    roleMap[pair.slice(0, at).trim()] = pair.slice(at + 1).trim() as 'member' | 'secretariat' | 'admin';
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID as string,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scope: e.OIDC_SCOPE ?? 'openid profile email',
    rolesClaim: e.OIDC_ROLES_CLAIM ?? 'roles',
    roleMap,
    label: e.OIDC_LABEL,
  };
}

/**
 * The start check of `pnpm start`: an app reachable from other machines (any `HOST` but a
 * loopback address) must have its own administrator password; without `ADMIN_PASSWORD` it
 * refuses to start, so it never comes up with a generated or well-known password.
 *
 * @example
 * assertSafeToListen(loadConfig({ HOST: '0.0.0.0' })); // throws config-invalid
 */
export function assertSafeToListen(config: AppConfig): void {
  if (!isLoopback(config.host) && config.adminPassword === undefined) {
    throw new AppError(
      'config-invalid',
      `HOST=${config.host} ist von anderen Rechnern erreichbar: bitte ADMIN_PASSWORD (mindestens 12 Zeichen) setzen, oder HOST=127.0.0.1 für einen lokalen Start. / ` +
        `HOST=${config.host} is reachable from other machines: set ADMIN_PASSWORD (at least 12 characters), or HOST=127.0.0.1 for a local start.`,
      { details: { variable: 'ADMIN_PASSWORD' } },
    );
  }
}
