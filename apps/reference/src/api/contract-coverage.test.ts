import { registryContract, type RegistryRouteId } from '@foederal/publication';
import { routePattern } from '@foederal/publication/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../test/backends.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

// The app must implement exactly the registry contract of @foederal/publication: every route of
// `registryContract` is bound with its method, path and least role, and every route the app
// serves under the API prefix is one of the contract's. A route added to the contract and not to
// the app (or the other way round) fails here.
describe('registry contract coverage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(sqliteBackend(), { users: false });
  }, 60_000);
  afterAll(() => t?.close());

  const contractRoutes = Object.entries(registryContract).map(([id, route]) => ({
    id: id as RegistryRouteId,
    key: `${route.method} ${routePattern(route)}`,
    role: route.auth,
  }));

  it('binds every route of registryContract with the contract\'s method, path and role', () => {
    expect(contractRoutes.length).toBe(Object.keys(registryContract).length);
    const bound = new Map(t.server.routes.rules.map((r) => [`${r.method} ${r.path}`, r.role]));
    const served = new Set(t.server.app.routes.map((r) => `${r.method} ${r.path}`));
    const missing = contractRoutes.filter((r) => !bound.has(r.key) || !served.has(r.key)).map((r) => `${r.id}: ${r.key}`);
    expect(missing).toEqual([]);
    const wrongRole = contractRoutes.filter((r) => bound.get(r.key) !== r.role).map((r) => `${r.id}: ${String(bound.get(r.key))} instead of ${r.role}`);
    expect(wrongRole).toEqual([]);
  });

  it('serves no API route outside the contract', () => {
    const inContract = new Set(contractRoutes.map((r) => r.key));
    const extra = t.server.routes.rules
      .filter((r) => r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !inContract.has(key));
    expect(extra).toEqual([]);
  });

  it('answers every contract route on the wire (no 404 or 405 from a missing binding)', async () => {
    const failures: string[] = [];
    for (const route of Object.values(registryContract)) {
      const path = route.path.replace(/\{(\w+)\}/g, 'x');
      const res = await fetch(`${t.url}${path}`, { method: route.method, headers: { accept: 'application/json' }, ...(route.method === 'GET' ? {} : { body: '' }) });
      const body = await res.text();
      // An unbound contract path falls through to the app's fallback: 405 (the contract knows the
      // path) or the 404 for unknown paths ("nothing at"); a bound route's 404 names the record.
      const unknownPath = res.status === 405 || (res.status === 404 && body.includes('nothing at'));
      if (unknownPath) failures.push(`${route.id}: ${route.method} ${path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
