// Lean entries (issue 20): the root entry is what clients and web pages import; the helpers for a
// server that implements the contract live in `@foederal/publication/server`.
import { describe, expect, it } from 'vitest';
import * as root from './index.js';
import * as server from './server.js';

const serverHelpers = ['routePattern', 'matchRoute', 'allowedMethods', 'validateRequest'];

describe('entries', () => {
  it('the root entry carries no server helpers', () => {
    for (const name of serverHelpers) expect(Object.keys(root), name).not.toContain(name);
  });

  it('the server entry carries exactly the server helpers', () => {
    expect(Object.keys(server).sort()).toEqual([...serverHelpers].sort());
  });

  it('the root entry keeps what a client needs to build a path', () => {
    expect(root.buildPath('/recommendations/{id}', { id: 'a b' })).toBe('/recommendations/a%20b');
  });
});
