import { html } from 'hono/html';
import type { Context } from 'hono';
import {
  accountState,
  changeOwnPassword,
  endAllSessions,
  issueToken,
  listUsers,
  minPasswordLength,
  resetPassword,
  revokeToken,
  setActive,
  tokenValidityDays,
  tokensOf,
  unlock,
  type TokenView,
} from '../../auth/accounts.js';
import { roleLabels, isRole } from '../../auth/roles.js';
import { cookieNames, currentSessionHash, type CurrentUser } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { auditCsv, auditLog } from '../../domain/audit.js';
import { AppError } from '../../errors.js';
import { formatDate, requestLanguage, type Language } from '../i18n.js';
import { alert, csrfField, type PageContext } from '../layout.js';
import { formOf, render, type Env, type Routes } from '../routing.js';
import { deleteCookie } from 'hono/cookie';
import { accountText } from '../strings/account.js';

/** Which half of a "de / en" error message belongs to a language. */
const messageHalf: Record<Language, number> = { de: 0, en: 1 };

function me(c: Context<Env>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError('unauthorised', 'Bitte anmelden / please sign in');
  return user;
}

function wantsJson(c: Context<Env>): boolean {
  return (c.req.header('accept') ?? '').includes('application/json') && !(c.req.header('accept') ?? '').includes('text/html');
}

const stateLabel = (lang: Language, state: TokenView['state']) =>
  state === 'active' ? accountText(lang, 'tokenActive') : state === 'expired' ? accountText(lang, 'tokenExpired') : accountText(lang, 'tokenRevoked');

function fieldError(lang: Language, error: AppError | undefined, field: string) {
  const hit = ((error?.details?.['errors'] ?? []) as Array<{ path: string }>).some((e) => e.path === field);
  return hit && error ? html`<p class="kern-error" id="${field}-error" role="alert">${error.message.split(' / ')[messageHalf[lang]] ?? error.message}</p>` : '';
}

function accountPage(page: PageContext, tokens: readonly TokenView[], notice: ReturnType<typeof alert> | '', error?: AppError) {
  const { lang, user } = page;
  if (!user) return html``;
  const invalid = (field: string) => ((error?.details?.['errors'] ?? []) as Array<{ path: string }>).some((e) => e.path === field);
  const described = (field: string) => (invalid(field) ? html` aria-invalid="true" aria-describedby="${field}-error"` : '');
  return html`<h1 class="kern-heading-x-large">${accountText(lang, 'myAccount')}</h1>
${notice}
<p class="kern-body">${user.displayName} (<code>${user.username}</code>) · ${roleLabels[user.role][lang]}</p>
<h2 class="kern-heading-medium">${accountText(lang, 'changePassword')}</h2>
<form method="post" action="/konto/passwort" class="stack" style="max-width:28rem">
  ${csrfField(page)}
  <input type="text" name="username" autocomplete="username" value="${user.username}" hidden>
  <div class="kern-form-input">
    <label class="kern-label" for="currentPassword">${accountText(lang, 'currentPassword')}</label>
    ${fieldError(lang, error, 'currentPassword')}
    <input class="kern-form-input__input" id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required${described('currentPassword')}>
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="newPassword">${accountText(lang, 'newPassword')}</label>
    <div class="kern-hint" id="newPassword-hint">${accountText(lang, 'atLeastCharacters', { minPasswordLength })}</div>
    ${fieldError(lang, error, 'newPassword')}
    <input class="kern-form-input__input" id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength="${minPasswordLength}" required aria-describedby="newPassword-hint${invalid('newPassword') ? ' newPassword-error' : ''}"${invalid('newPassword') ? html` aria-invalid="true"` : ''}>
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${accountText(lang, 'changePassword')}</span></button>
</form>
<h2 class="kern-heading-medium">${accountText(lang, 'apiTokens')}</h2>
${tokens.length === 0 ? html`<p class="kern-body">${accountText(lang, 'noTokens')}</p>` : html`<table class="kern-table kern-table--small">
  <thead class="kern-table__header"><tr><th scope="col">${accountText(lang, 'purpose')}</th><th scope="col">${accountText(lang, 'created')}</th><th scope="col">${accountText(lang, 'validUntil')}</th><th scope="col">${accountText(lang, 'lastUsed')}</th><th scope="col">${accountText(lang, 'state')}</th><th scope="col"><span class="kern-sr-only">${accountText(lang, 'action')}</span></th></tr></thead>
  <tbody class="kern-table__body">${tokens.map((t) => html`<tr><td>${t.label}</td><td>${formatDate(lang, t.createdAt)}</td><td>${t.expiresAt ? formatDate(lang, t.expiresAt) : '–'}</td><td>${t.lastUsedAt ? formatDate(lang, t.lastUsedAt) : '–'}</td><td>${stateLabel(lang, t.state)}</td>
  <td>${t.state === 'active' ? html`<form method="post" action="/konto/tokens/${t.id}/widerrufen" class="inline-form">${csrfField(page)}<button class="kern-btn kern-btn--secondary kern-btn--x-small" type="submit"><span class="kern-label">${accountText(lang, 'revoke')}<span class="kern-sr-only">: ${t.label}</span></span></button></form>` : ''}</td></tr>`)}</tbody>
</table>`}
<form method="post" action="/konto/tokens" class="stack" style="max-width:28rem">
  ${csrfField(page)}
  <div class="kern-form-input">
    <label class="kern-label" for="label">${accountText(lang, 'purposeOfTheNew')}</label>
    ${fieldError(lang, error, 'label')}
    <input class="kern-form-input__input" id="label" name="label" maxlength="100" required${described('label')}>
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="days">${accountText(lang, 'validity')}</label>
    <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="days" name="days">
      ${tokenValidityDays.map((d) => html`<option value="${d}"${d === 90 ? html` selected` : ''}>${d} ${accountText(lang, 'days')}</option>`)}
    </select></div>
  </div>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${accountText(lang, 'createToken')}</span></button>
</form>
<h2 class="kern-heading-medium">${accountText(lang, 'sessions')}</h2>
<form method="post" action="/konto/abmelden-ueberall" class="stack">
  ${csrfField(page)}
  <p class="kern-body">${accountText(lang, 'endsEverySessionOf')}</p>
  <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">${accountText(lang, 'signOutEverywhere')}</span></button>
</form>
${user.role === 'admin' ? html`<h2 class="kern-heading-medium">${accountText(lang, 'administration')}</h2>
<ul class="kern-list"><li><a class="kern-link" href="/verwaltung/konten">${accountText(lang, 'accounts')}</a></li><li><a class="kern-link" href="/verwaltung/protokoll">${accountText(lang, 'auditLog')}</a></li></ul>` : ''}`;
}

/**
 * Accounts and audit: one's own account (password, API tokens with expiry and revocation, sign
 * out everywhere; as page and as JSON), the administrators' account list (reset a password,
 * deactivate, unlock) and the audit log (page and CSV).
 */
export function accountPages(ctx: AppContext, routes: Routes): void {
  const showAccount = async (c: Context<Env>, notice: ReturnType<typeof alert> | '' = '', error?: AppError, status = 200) => {
    const tokens = await tokensOf(ctx, me(c).id);
    return render(c, (lang) => accountText(lang, 'myAccount'), (page) => accountPage(page, tokens, notice, error), status);
  };

  routes.get('/konto', 'member', (c) => showAccount(c));

  routes.post('/konto/passwort', 'member', async (c) => {
    const form = await formOf(c);
    try {
      await changeOwnPassword(ctx, me(c), form['currentPassword'] ?? '', form['newPassword'] ?? '', currentSessionHash(ctx, c));
    } catch (error) {
      if (!(AppError.isInstance(error) && error.code === 'validation')) throw error;
      return showAccount(c, alert('danger', accountText(requestLanguage(c), 'pleaseCorrect')), error, 422);
    }
    return showAccount(c, alert('success', 'Passwort geändert / password changed'));
  });

  // API tokens: the page's forms, and the same as JSON for scripts (`Accept: application/json`).
  routes.get('/konto/tokens', 'member', async (c) => c.json({ items: await tokensOf(ctx, me(c).id) }));
  routes.post('/konto/tokens', 'member', async (c) => {
    const json = (c.req.header('content-type') ?? '').startsWith('application/json');
    const input = json ? ((await c.req.json().catch(() => ({}))) as { label?: unknown; days?: unknown }) : await formOf(c);
    const label = typeof input.label === 'string' ? input.label : '';
    const days = Number(input.days ?? 90);
    if (json || wantsJson(c)) {
      const { secret, token } = await issueToken(ctx, me(c), label, days);
      return c.json({ ...token, token: secret }, 201);
    }
    let issued;
    try {
      issued = await issueToken(ctx, me(c), label, days);
    } catch (error) {
      if (!(AppError.isInstance(error) && error.code === 'validation')) throw error;
      return showAccount(c, '', error, 422);
    }
    const { secret, token } = issued;
    // Shown once in the response body, never in a URL (no logs, no Referer).
    return render(c, (lang) => accountText(lang, 'newApiToken'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${accountText(lang, 'newApiToken')}</h1>
${alert('info', accountText(lang, 'theTokenIsShown'), accountText(lang, 'validUntilDate', { expiresAt: formatDate(lang, token.expiresAt ?? '') }))}
<p class="kern-body"><label class="kern-label" for="token">${token.label}</label></p>
<input class="kern-form-input__input" id="token" readonly value="${secret}">
<p><a class="kern-link" href="/konto">${accountText(lang, 'backToMyAccount')}</a></p>`, 201);
  });
  routes.post('/konto/tokens/:id/widerrufen', 'member', async (c) => {
    await revokeToken(ctx, me(c), c.req.param('id') ?? '');
    return showAccount(c, alert('success', 'Token widerrufen / token revoked'));
  });
  routes.add('DELETE', '/konto/tokens/:id', 'member', async (c) => {
    await revokeToken(ctx, me(c), c.req.param('id') ?? '');
    return c.body(null, 204);
  });

  routes.post('/konto/abmelden-ueberall', 'member', async (c) => {
    const ended = await endAllSessions(ctx, me(c));
    deleteCookie(c, cookieNames(ctx).session, { path: '/', secure: ctx.baseUrl.startsWith('https:') });
    if (wantsJson(c)) return c.json({ sessionsEnded: ended });
    return c.redirect('/', 303);
  });

  // ------------------------------------------------------------ administrators
  routes.get('/verwaltung/konten', 'admin', async (c) => {
    const users = await listUsers(ctx);
    const now = ctx.now().toISOString();
    return render(c, (lang) => accountText(lang, 'accounts'), (page) => {
      const { lang } = page;
      return html`<h1 class="kern-heading-x-large">${accountText(lang, 'accounts')}</h1>
<table class="kern-table kern-table--small">
  <thead class="kern-table__header"><tr><th scope="col">${accountText(lang, 'userName')}</th><th scope="col">${accountText(lang, 'name')}</th><th scope="col">${accountText(lang, 'role')}</th><th scope="col">${accountText(lang, 'state')}</th><th scope="col">${accountText(lang, 'actions')}</th></tr></thead>
  <tbody class="kern-table__body">${users.map((u) => {
    const active = Number(u.active) === 1;
    const lockedNow = u.locked_until !== null && u.locked_until > now;
    const role = isRole(u.role) ? roleLabels[u.role][lang] : u.role;
    return html`<tr><td><code>${u.username}</code></td><td>${u.display_name}</td><td>${role}</td>
    <td>${active ? accountText(lang, 'accountActive') : accountText(lang, 'deactivated')}${lockedNow ? html`, ${accountText(lang, 'lockedUntil')} ${formatDate(lang, u.locked_until ?? '')}` : ''}${u.oidc_subject ? ', SSO' : ''}</td>
    <td class="stack">
      <form method="post" action="/verwaltung/konten/${u.id}/passwort" class="inline-form">${csrfField(page)}<button class="kern-btn kern-btn--secondary kern-btn--x-small" type="submit"><span class="kern-label">${accountText(lang, 'resetPassword')}<span class="kern-sr-only">: ${u.username}</span></span></button></form>
      <form method="post" action="/verwaltung/konten/${u.id}/status" class="inline-form">${csrfField(page)}<input type="hidden" name="active" value="${active ? 'false' : 'true'}"><button class="kern-btn kern-btn--secondary kern-btn--x-small" type="submit"><span class="kern-label">${active ? accountText(lang, 'deactivate') : accountText(lang, 'activate')}<span class="kern-sr-only">: ${u.username}</span></span></button></form>
      ${lockedNow ? html`<form method="post" action="/verwaltung/konten/${u.id}/entsperren" class="inline-form">${csrfField(page)}<button class="kern-btn kern-btn--secondary kern-btn--x-small" type="submit"><span class="kern-label">${accountText(lang, 'unlock')}<span class="kern-sr-only">: ${u.username}</span></span></button></form>` : ''}
    </td></tr>`;
  })}</tbody>
</table>
<p><a class="kern-link" href="/verwaltung/protokoll">${accountText(lang, 'auditLog')}</a></p>`;
    });
  });
  routes.post('/verwaltung/konten/:id/passwort', 'admin', async (c) => {
    const { user, password } = await resetPassword(ctx, me(c), c.req.param('id') ?? '');
    if (wantsJson(c)) return c.json({ username: user.username, password });
    return render(c, (lang) => accountText(lang, 'passwordReset'), ({ lang }) => html`
<h1 class="kern-heading-x-large">${accountText(lang, 'passwordReset')}</h1>
${alert('info', accountText(lang, 'theNewPasswordIs'))}
<p class="kern-body"><label class="kern-label" for="password">${user.username}</label></p>
<input class="kern-form-input__input" id="password" readonly value="${password}">
<p><a class="kern-link" href="/verwaltung/konten">${accountText(lang, 'backToTheAccounts')}</a></p>`);
  });
  routes.post('/verwaltung/konten/:id/status', 'admin', async (c) => {
    const form = await formOf(c);
    const after = await setActive(ctx, me(c), c.req.param('id') ?? '', form['active'] === 'true');
    if (wantsJson(c)) return c.json(accountState(after).data);
    return c.redirect('/verwaltung/konten', 303);
  });
  routes.post('/verwaltung/konten/:id/entsperren', 'admin', async (c) => {
    await unlock(ctx, me(c), c.req.param('id') ?? '');
    return c.redirect('/verwaltung/konten', 303);
  });

  routes.get('/verwaltung/protokoll', 'admin', async (c) => {
    const before = /^(.+)\|([\w-]+)$/.exec(c.req.query('vor') ?? '');
    const entries = await auditLog(ctx.repo, { limit: 51, ...(before ? { before: { at: before[1] as string, id: before[2] as string } } : {}) });
    const page = entries.slice(0, 50);
    const last = entries.length > 50 ? page[page.length - 1] : undefined;
    return render(c, (lang) => accountText(lang, 'auditLog'), ({ lang }) => html`<h1 class="kern-heading-x-large">${accountText(lang, 'auditLog')}</h1>
<p class="kern-body">${accountText(lang, 'everyActionOfThe')}
<a class="kern-link" href="/verwaltung/protokoll.csv" download>${accountText(lang, 'downloadAsCsv')}</a></p>
<table class="kern-table kern-table--small">
  <thead class="kern-table__header"><tr><th scope="col">${accountText(lang, 'time')}</th><th scope="col">${accountText(lang, 'who')}</th><th scope="col">${accountText(lang, 'action')}</th><th scope="col">${accountText(lang, 'subject')}</th><th scope="col">${accountText(lang, 'versionBefore')}</th><th scope="col">${accountText(lang, 'versionAfter')}</th></tr></thead>
  <tbody class="kern-table__body">${page.map((e) => html`<tr><td><time datetime="${e.at}">${e.at.replace('T', ' ').slice(0, 19)}</time></td><td>${e.actor}</td><td><code>${e.action}</code></td><td><code>${e.subject}</code></td><td>${e.beforeVersion ?? '–'}</td><td>${e.afterVersion ?? '–'}</td></tr>`)}</tbody>
</table>
${last ? html`<p><a class="kern-link" href="/verwaltung/protokoll?vor=${encodeURIComponent(`${last.at}|${last.id}`)}">${accountText(lang, 'olderEntries')}</a></p>` : ''}`);
  });
  routes.get('/verwaltung/protokoll.csv', 'admin', async (c) => {
    const entries = await auditLog(ctx.repo, { limit: 100_000 });
    return c.body(`\uFEFF${auditCsv(entries)}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="protokoll-${ctx.now().toISOString().slice(0, 10)}.csv"`,
    });
  });
}
