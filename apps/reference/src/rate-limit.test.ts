import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { backends, freshRepository } from '../test/backends.js';
import type { AppContext } from './context.js';
import type { Repository } from './db/repository.js';
import { createLogger } from './logger.js';
import { tidyUp } from './rate-limit.js';

/** A logger whose JSON lines land in `lines`. */
function capturingLogger(lines: Array<Record<string, unknown>>) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return createLogger('info', sink);
}

const at = new Date('2027-05-01T12:00:00.000Z');

for (const factory of backends) {
  describe.skipIf(!factory.available)(`tidying up expired state on ${factory.name}`, () => {
    let repo: Repository;
    freshRepository(factory, (opened) => (repo = opened));
    const contextOf = (lines: Array<Record<string, unknown>>, store: Repository = repo) => ({ repo: store, now: () => at, log: capturingLogger(lines) }) as unknown as AppContext;

    it('removes expired meta rows, expired sessions and old rate-limit windows when it runs', async () => {
      const seconds = at.getTime() / 1000;
      await repo.meta.put('pending-old', 'a', '2027-05-01T11:59:00.000Z');
      await repo.meta.put('pending-new', 'b', '2027-05-01T12:09:00.000Z');
      await repo.hit('login:192.0.2.1', seconds - 3 * 86_400);
      await repo.hit('login:192.0.2.1', seconds - 60);
      const lines: Array<Record<string, unknown>> = [];

      await tidyUp(contextOf(lines), 0);
      expect(await repo.meta.get('pending-old')).toBe('a');

      await tidyUp(contextOf(lines), 1);
      expect([await repo.meta.get('pending-old'), await repo.meta.get('pending-new')]).toEqual([undefined, 'b']);
      // The old window was removed (a new hit counts from 1), the recent one kept (2).
      expect(await repo.hit('login:192.0.2.1', seconds - 3 * 86_400)).toBe(1);
      expect(await repo.hit('login:192.0.2.1', seconds - 60)).toBe(2);
      expect(lines.find((l) => l['msg'] === 'expired state removed')).toMatchObject({ meta: 1, sessions: 0 });
    });

    it('logs a failing clean-up instead of failing the request that triggered it', async () => {
      const lines: Array<Record<string, unknown>> = [];
      // Fault injected: the database refuses the delete.
      const failing = Object.create(repo, { pruneExpired: { value: () => Promise.reject(new Error('disk full')) } }) as Repository;
      await expect(tidyUp(contextOf(lines, failing), 1)).resolves.toBeUndefined();
      expect(lines.find((l) => l['msg'] === 'removing expired state failed')).toMatchObject({ level: 40, err: { message: 'disk full' } });
    });
  });
}
