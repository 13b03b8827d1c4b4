import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, hasRole, type Role } from './auth/roles.js';
import { sqliteBackend } from '../test/backends.js';
import { startTestApp, type TestApp } from '../test/harness.js';

// Every route × every role: a role below the route's least role is refused (401 for the public,
// 403 for signed-in users; pages send the public to the login page), every other role gets past
// authorisation. The route list comes from the app itself, so a new route cannot be forgotten.
describe('authorisation matrix', () => {
  let t: TestApp;
  let samples: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { seed: true, env: { CONTRIBUTION_LIMIT_PER_HOUR: '1000' } });
    const model = (await t.server.ctx.repo.models.list())[0]!.data;
    samples = {
      id: 'gebaeudedaten-2027',
      version: '0.9.0',
      attachmentId: 'entwurf',
      consultationId: 'konsultation-gebaeudedaten-2027',
      contributionId: 'beitrag-demo-markup',
      year: '2026',
      number: '19',
      pilotId: 'pilot-ifc-pruefdienst',
      reportId: 'bericht-kassel-ifc-pruefdienst',
      projectId: 'ifc-pruefdienst-2027',
      file: 'gebaeudedaten-2027.ids',
      checkId: model.checks[0]!.id,
    };
    samples['modelId'] = model.id;
  }, 60_000);
  afterAll(() => t?.close());

  const fill = (path: string) =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      if (path.startsWith('/gebaeudedaten') && name === 'id') return samples['modelId'] as string;
      if (path.startsWith('/oparl') && name === 'id') return path.includes('/person/') ? 'martina-vogel' : path.includes('/membership/') ? 'm-bund' : path.includes('/organization/') ? 'plenum' : path.includes('/jurisdiction/') ? 'bund' : 'arbeitskreis';
      if (path.startsWith('/abstimmungen') && name === 'id') return '2026-19';
      if (path.startsWith('/kostenteilung') && name === 'id') return 'ifc-pruefdienst-2027';
      if (path.startsWith('/pilotvorhaben') && name === 'id') return 'pilot-ifc-pruefdienst';
      return samples[name] ?? 'x';
    });

  it('covers every route the app registers', () => {
    const declared = new Set(t.server.routes.rules.map((r) => `${r.method} ${r.path}`));
    const registered = t.server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const outside = new Set(['GET /health', 'GET /ready', 'GET /assets/app.css', 'GET /assets/kern.min.css', 'GET /assets/components.js', 'GET /assets/fonts/*']);
    for (const route of registered) expect(declared.has(route) || outside.has(route), route).toBe(true);
    expect(t.server.routes.rules.length).toBeGreaterThan(50);
    // The joint-project, cost-share and import routes are in the matrix with their contract roles.
    const roleOf = new Map(t.server.routes.rules.map((r) => [`${r.method} ${r.path}`, r.role]));
    expect({
      list: roleOf.get('GET /api/v1/joint-projects'),
      create: roleOf.get('POST /api/v1/joint-projects'),
      get: roleOf.get('GET /api/v1/joint-projects/:projectId'),
      update: roleOf.get('PUT /api/v1/joint-projects/:projectId'),
      shares: roleOf.get('GET /api/v1/joint-projects/:projectId/cost-shares'),
      importContribution: roleOf.get('PUT /api/v1/consultations/:consultationId/contributions/:contributionId'),
    }).toEqual({ list: 'public', create: 'secretariat', get: 'public', update: 'secretariat', shares: 'public', importContribution: 'secretariat' });
  });

  it('refuses every role below the least role and lets every other role past authorisation', async () => {
    const failures: string[] = [];
    for (const rule of t.server.routes.rules) {
      for (const role of roles) {
        const headers: Record<string, string> = { accept: rule.path.startsWith('/api/') ? 'application/json' : 'text/html' };
        if (role !== 'public') headers['authorization'] = `Bearer ${t.tokens[role as Exclude<Role, 'public'>]}`;
        const res = await fetch(`${t.url}${fill(rule.path)}`, { method: rule.method, headers, redirect: 'manual', ...(rule.method === 'GET' ? {} : { body: '' }) });
        const text = await res.text();
        const toLogin = res.status === 303 && (res.headers.get('location') ?? '').startsWith('/anmelden');
        // The login form answers wrong credentials with 401 and its own message: that is
        // authentication of the form's input, not authorisation of the route.
        const wrongPassword = rule.path === '/anmelden' && text.includes('Benutzername oder Passwort ist falsch');
        const refused = (res.status === 401 && !wrongPassword) || res.status === 403 || toLogin;
        const allowed = hasRole(role, rule.role);
        if (allowed && refused) failures.push(`${rule.method} ${rule.path} as ${role}: refused with ${res.status}`);
        if (!allowed && !refused) failures.push(`${rule.method} ${rule.path} as ${role}: not refused (${res.status})`);
        if (!allowed && role === 'public' && !(res.status === 401 || toLogin)) failures.push(`${rule.method} ${rule.path} as public: ${res.status} instead of 401/login`);
        if (!allowed && role !== 'public' && res.status !== 403) failures.push(`${rule.method} ${rule.path} as ${role}: ${res.status} instead of 403`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
