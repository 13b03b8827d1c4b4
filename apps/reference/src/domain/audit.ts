import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery, Repository } from '../db/repository.js';

/**
 * Who acts, and where the entry is written: the app context's repository (or the transaction
 * the change runs in, so the entry commits or rolls back with it), its clock, and the user.
 */
export interface AuditContext {
  readonly repo: Repository;
  readonly now: () => Date;
  /** The signed-in user; `null` for actions of the system itself (demo seed, bootstrap). */
  readonly user: { readonly id: string; readonly username: string } | null;
}

/**
 * A state before or after an action. A stored document (`Versioned`) fits as it is; anything
 * else may name its version and data, or is stored as JSON as given.
 */
export type AuditState = { readonly version?: number | null; readonly data?: unknown } | null | undefined;

/** One entry as the admin pages and the CSV export show it. */
export interface AuditRecord {
  readonly id: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly beforeVersion: number | null;
  readonly afterVersion: number | null;
  readonly before: unknown;
  readonly after: unknown;
}

function versionOf(state: AuditState): number | null {
  return state && typeof state.version === 'number' ? state.version : null;
}

function dataOf(state: AuditState): string | null {
  if (state === null || state === undefined) return null;
  const value = 'data' in state ? state.data : state;
  return JSON.stringify(value ?? null);
}

/**
 * Record one secretariat or admin action in the audit log: who (the user of `ctx`), when (its
 * clock), what (`action`, e.g. `recommendation.update`, on `subject`, e.g.
 * `recommendations/rec-1`), and the state before and after (null for creation or deletion).
 * Pass the transaction's repository as `ctx.repo` to commit the entry with the change.
 *
 * @example
 * await ctx.repo.transaction(async (tx) => {
 *   const before = await tx.recommendations.require(id);
 *   const after = await tx.recommendations.update(id, before.version, next, fields);
 *   await audit({ repo: tx, now: ctx.now, user: c.get('user') }, 'recommendation.update', `recommendations/${id}`, before, after);
 * });
 */
export async function audit(ctx: AuditContext, action: string, subject: string, before: AuditState, after: AuditState): Promise<AuditRecord> {
  const entry: AuditEntry = {
    id: randomUUID(),
    at: ctx.now().toISOString(),
    actor_id: ctx.user?.id ?? null,
    actor_name: ctx.user?.username ?? 'system',
    action,
    subject,
    before_version: versionOf(before),
    after_version: versionOf(after),
    before_data: dataOf(before),
    after_data: dataOf(after),
  };
  await ctx.repo.audit.add(entry);
  return toRecord(entry);
}

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toRecord(e: AuditEntry): AuditRecord {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actor_id,
    actor: e.actor_name,
    action: e.action,
    subject: e.subject,
    beforeVersion: e.before_version,
    afterVersion: e.after_version,
    before: parse(e.before_data),
    after: parse(e.after_data),
  };
}

/** The audit log, newest first, with keyset paging. */
export async function auditLog(repo: Repository, query: AuditQuery = {}): Promise<AuditRecord[]> {
  return (await repo.audit.list(query)).map(toRecord);
}

function csvCell(value: string): string {
  // Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Column names of the CSV export. */
export const auditCsvColumns = ['at', 'actor', 'action', 'subject', 'before_version', 'after_version', 'before', 'after'] as const;

/**
 * The audit log as CSV (RFC 4180, CRLF line ends, UTF-8), newest first. Text that a spreadsheet
 * would evaluate as a formula is prefixed with an apostrophe.
 */
export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [auditCsvColumns.join(',')];
  for (const r of records) {
    lines.push(
      [
        r.at,
        r.actor,
        r.action,
        r.subject,
        r.beforeVersion === null ? '' : String(r.beforeVersion),
        r.afterVersion === null ? '' : String(r.afterVersion),
        r.before === null ? '' : JSON.stringify(r.before),
        r.after === null ? '' : JSON.stringify(r.after),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The newest audit entry of one actor, if any (the audit fallback of the routes checks whether a handler logged). */
export async function latestAuditEntryOf(repo: Repository, actorId: string): Promise<{ readonly at: string } | undefined> {
  const [latest] = await repo.audit.list({ actorId, limit: 1 });
  return latest;
}
