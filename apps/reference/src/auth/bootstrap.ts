import type { AppContext } from '../context.js';
import type { StartCredential } from './credentials.js';
import { seedDemo } from '../demo/seed.js';
import { audit } from '../domain/audit.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';
import { createUser } from './session.js';

export type { StartCredential };

/** The password all demo accounts shared before each got its own (issue 21). */
const formerSharedPassword = 'foederal-demo';

/**
 * First-administrator bootstrap: when the database has no administrator yet, create `admin`
 * with `ADMIN_PASSWORD`, or with a generated password that the caller shows once. Runs once per
 * database, also when several instances start at the same time (a `meta` claim in the same
 * transaction), and is recorded in the audit log.
 */
export async function bootstrapAdmin(ctx: AppContext): Promise<StartCredential | undefined> {
  return ctx.repo.transaction(async (tx) => {
    if ((await tx.users.list()).some((u) => u.role === 'admin')) return undefined;
    if (!(await tx.meta.claim('admin-bootstrapped', ctx.now().toISOString()))) return undefined;
    const password = ctx.config.adminPassword ?? generatePassword();
    const user = await createUser(tx, { username: 'admin', displayName: 'Administration', role: 'admin', password });
    await audit({ repo: tx, now: ctx.now, user: null }, 'user.bootstrap', `users/${user.id}`, null, { data: { username: 'admin', role: 'admin' } });
    return { username: 'admin', role: 'admin', password: ctx.config.adminPassword === undefined ? password : undefined };
  });
}

/**
 * Databases seeded before every demo account had its own password still have `admin`,
 * `geschaeftsstelle` and `mitglied` with the one shared demo password: once per database, each
 * of them that still has it gets a new password (`admin` the one of `ADMIN_PASSWORD` if set).
 */
export async function replaceSharedDemoPasswords(ctx: AppContext): Promise<StartCredential[]> {
  if (!(await ctx.repo.meta.claim('shared-demo-password-replaced', ctx.now().toISOString()))) return [];
  const out: StartCredential[] = [];
  for (const username of ['admin', 'geschaeftsstelle', 'mitglied']) {
    const user = await ctx.repo.users.byName(username);
    if (!user || !(await verifyPassword(formerSharedPassword, user.password_hash))) continue;
    const fromEnv = username === 'admin' ? ctx.config.adminPassword : undefined;
    const password = fromEnv ?? generatePassword();
    await ctx.repo.users.update(user.id, { password_hash: await hashPassword(password) });
    await ctx.repo.sessions.deleteForUser(user.id);
    await audit({ repo: ctx.repo, now: ctx.now, user: null }, 'user.password-replaced', `users/${user.id}`, null, { data: { username, reason: 'shared demo password' } });
    out.push({ username, role: user.role as Role, password: fromEnv === undefined ? password : undefined });
  }
  return out;
}

/**
 * The text shown once at start for new accounts: user names and passwords, written straight to
 * the terminal (standard output), never to the structured log.
 */
export function credentialNotice(credentials: readonly StartCredential[], baseUrl: string): string {
  if (credentials.length === 0) return '';
  const width = Math.max(...credentials.map((c) => c.username.length));
  const lines = credentials.map((c) => `  ${c.username.padEnd(width)}  ${c.password ?? '(ADMIN_PASSWORD)'}`);
  return [
    '',
    `Neue Konten für ${baseUrl} – Passwörter werden nur jetzt angezeigt: / New accounts for ${baseUrl} – passwords are shown only now:`,
    ...lines,
    'Bitte nach der Anmeldung unter „Mein Konto“ ändern. / Please change them under "My account" after signing in.',
    '',
  ].join('\n');
}

/**
 * Accounts at start (`pnpm start`): replace the former shared demo password, create the first
 * administrator, load the demo data when configured, and write the new passwords once to
 * `write` (the terminal). Returns the accounts created or changed.
 */
export async function prepareAccounts(ctx: AppContext, write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<StartCredential[]> {
  const created: StartCredential[] = [...(await replaceSharedDemoPasswords(ctx))];
  const admin = await bootstrapAdmin(ctx);
  if (admin) created.unshift(admin);
  if (ctx.config.seedDemo) await seedDemo(ctx, (accounts) => created.push(...accounts));
  const notice = credentialNotice(created, ctx.baseUrl);
  if (notice) write(`${notice}\n`);
  return created;
}
