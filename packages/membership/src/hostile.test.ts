import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoBody } from '../test/fixtures.js';
import { chairFor } from './chair.js';
import { checkComposition } from './composition.js';
import { shareCosts } from './costs.js';
import { MembershipError } from './errors.js';
import { toOParl } from './oparl.js';
import { toPopolo, toPopoloVoteEvent } from './popolo.js';

/** Call `fn` with hostile input: it may return, or throw a MembershipError, nothing else. */
function onlyTypedErrors(fn: (input: never) => unknown, input: unknown): void {
  try {
    fn(input as never);
  } catch (error) {
    if (!MembershipError.isInstance(error)) throw error;
    expect(error.message).toMatch(/ \/ /); // German / English
  }
}

const rules = fc.oneof(fc.constantFrom('it-planungsrat', 'bauministerkonferenz', 'amev-style-working-group', 'x'), fc.anything());
const date = fc.oneof(fc.constant('2027-01-01'), fc.string(), fc.anything());

describe('every entry point answers hostile input with a MembershipError', () => {
  it('chairFor, checkComposition, shareCosts', () => {
    fc.assert(
      fc.property(fc.anything(), rules, date, fc.anything(), fc.anything(), (junk, r, d, members, total) => {
        onlyTypedErrors(chairFor, junk);
        onlyTypedErrors(chairFor, { rules: r, date: d });
        onlyTypedErrors(checkComposition, junk);
        onlyTypedErrors(checkComposition, { rules: r, date: d, members });
        onlyTypedErrors(shareCosts, junk);
        onlyTypedErrors(shareCosts, { rules: r, date: d, participants: members, total });
      }),
      { numRuns: 300 },
    );
  });

  it('toOParl and toPopolo validate the model first and name the path', () => {
    const model = demoBody();
    const broken = { ...model, memberships: [...model.memberships, { ...model.memberships[0]!, startDate: '2026-02-30' }] };
    for (const run of [
      () => toOParl({ baseUrl: 'https://x.example', body: { id: 'b', name: { de: 'B' } }, ...broken }),
      () => toPopolo(broken),
    ]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect((error as MembershipError).code).toBe('invalid-input');
        expect((error as MembershipError).path).toEqual(['memberships', 7, 'startDate']);
      }
    }
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        onlyTypedErrors(toOParl, a);
        onlyTypedErrors(toOParl, { baseUrl: 'https://x.example', body: a, organizations: b, persons: [], memberships: [] });
        onlyTypedErrors(toPopolo, a);
        onlyTypedErrors(toPopolo, { organizations: a, persons: b, memberships: [] });
        onlyTypedErrors(toPopoloVoteEvent, { id: 'x', organizationId: 'o', date: '2027-01-01', motion: { kind: 'decision', text: 't' }, result: a });
      }),
      { numRuns: 200 },
    );
  });
});
