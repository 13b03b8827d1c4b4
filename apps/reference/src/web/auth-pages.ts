import { html } from 'hono/html';
import { setCookie } from 'hono/cookie';
import { checkSignIn } from '../auth/login.js';
import { OidcSignIn, oidcCallbackPath } from '../auth/oidc.js';
import { safeNext } from '../auth/redirect.js';
import { endSession, startSession } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { requestLanguage, t, type Language } from './i18n.js';
import { alert, csrfField, type PageContext } from './layout.js';
import { formOf, render, type Routes } from './routing.js';


function loginForm(page: PageContext, next: string, failed: boolean, sso?: string) {
  const { lang } = page;
  return html`<h1 class="kern-heading-large">${t(lang, 'loginTitle')}</h1>
${failed ? alert('danger', t(lang, 'loginFailed')) : ''}
${sso ? html`<p><a class="kern-btn kern-btn--primary" href="/anmelden/oidc?next=${encodeURIComponent(next)}"><span class="kern-label">${sso}</span></a></p>
<p class="kern-body">${t(lang, 'signInWithPassword')}</p>` : ''}
<p class="kern-body">${t(lang, 'loginHint')}</p>
<form method="post" action="/anmelden" class="stack" style="max-width:28rem">
  ${csrfField(page)}
  <input type="hidden" name="next" value="${next}">
  <div class="kern-form-input">
    <label class="kern-label" for="username">${t(lang, 'username')}</label>
    <input class="kern-form-input__input" id="username" name="username" type="text" autocomplete="username" required>
  </div>
  <div class="kern-form-input">
    <label class="kern-label" for="password">${t(lang, 'password')}</label>
    <input class="kern-form-input__input" id="password" name="password" type="password" autocomplete="current-password" required>
  </div>
  <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${t(lang, 'signIn')}</span></button>
</form>`;
}

/** Sign in and out (sessions), and the language switch. */
export function authPages(ctx: AppContext, routes: Routes): void {
  const oidc = ctx.config.oidc ? new OidcSignIn(ctx, ctx.config.oidc) : undefined;
  const sso = (lang: Language) => (oidc ? (oidc.config.label ?? t(lang, 'signInSingleSignOn')) : undefined);
  routes.get('/anmelden', 'public', (c) => render(c, t(requestLanguage(c), 'loginTitle'), (page) => loginForm(page, safeNext(c.req.query('next')), false, sso(page.lang))));
  if (oidc) {
    routes.get('/anmelden/oidc', 'public', (c) => oidc.start(c, c.req.query('next')));
    routes.get(oidcCallbackPath, 'public', async (c) => {
      const { next } = await oidc.callback(c);
      return c.redirect(next, 303);
    });
  }
  routes.post('/anmelden', 'public', async (c) => {
    const form = await formOf(c);
    const user = await checkSignIn(ctx, c, form['username'] ?? '', form['password'] ?? '');
    if (!user) return render(c, t(requestLanguage(c), 'loginTitle'), (page) => loginForm(page, safeNext(form['next']), true, sso(page.lang)), 401);
    await startSession(ctx, c, user.id);
    return c.redirect(safeNext(form['next']), 303);
  });
  routes.post('/abmelden', 'public', async (c) => {
    await endSession(ctx, c);
    return c.redirect('/', 303);
  });
  routes.get('/sprache', 'public', (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'de';
    setCookie(c, 'lang', lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    return c.redirect(safeNext(c.req.query('next')), 303);
  });
}
