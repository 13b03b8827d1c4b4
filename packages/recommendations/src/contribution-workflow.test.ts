import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contributionGuards,
  contributionSchema,
  ContributionWorkflowError,
  findPilots,
  transitionContribution,
  type Contribution,
  type ContributionEvent,
  type ContributionGuard,
} from './index.js';
import { exampleCatalogue } from './examples.js';

const fresh: Contribution = {
  id: 'beitrag-99',
  anchor: { section: '2.1' },
  text: { de: 'Bitte ergänzen.' },
  author: { kind: 'anonymous' },
  submittedAt: '2027-02-01T10:00:00Z',
  state: 'submitted',
};
const at = (now: string) => ({ now });
const accept: ContributionEvent = { type: 'answer', outcome: 'accepted', reason: { de: 'Übernommen in 2.1' } };

function ok(r: ReturnType<typeof transitionContribution>): Contribution {
  if (!r.ok) throw r.error;
  return r.contribution;
}

describe('transitionContribution', () => {
  it('moderates, answers and publishes the answer, keeping answered-at and published-at apart', () => {
    const published = ok(transitionContribution(fresh, { type: 'publish' }, at('2027-02-01T12:00:00Z')));
    const answered = ok(transitionContribution(published, accept, at('2027-03-01T09:00:00Z')));
    expect(answered.disposition).toEqual({ reason: { de: 'Übernommen in 2.1' }, answeredAt: '2027-03-01T09:00:00Z' });
    const released = ok(transitionContribution(answered, { type: 'publish-answer' }, at('2027-03-05T09:00:00Z')));
    expect(released.state).toBe('accepted');
    expect(released.disposition?.publishedAt).toBe('2027-03-05T09:00:00Z');
    expect(released.disposition?.answeredAt).toBe('2027-03-01T09:00:00Z');
  });

  const now = at('2027-03-01T00:00:00Z');
  const cases: [ContributionGuard, () => ReturnType<typeof transitionContribution>][] = [
    ['invalid-contribution', () => transitionContribution({ ...fresh, id: 'X Y' }, accept, now)],
    ['invalid-event', () => transitionContribution(fresh, { type: 'answer', outcome: 'accepted', reason: { en: 'x' } } as unknown as ContributionEvent, now)],
    ['invalid-time', () => transitionContribution(fresh, accept, at('morgen'))],
    ['clock-went-backwards', () => transitionContribution(fresh, accept, at('2027-01-01T00:00:00Z'))],
    ['withdrawn-is-final', () => transitionContribution(ok(transitionContribution(fresh, { type: 'withdraw' }, now)), { type: 'publish' }, now)],
    ['not-allowed-in-state', () => transitionContribution(ok(transitionContribution(fresh, accept, now)), { type: 'review' }, now)],
    ['duplicate-needs-original', () => transitionContribution(fresh, { type: 'answer', outcome: 'duplicate', reason: { de: 'doppelt' } }, now)],
    ['answer-not-given', () => transitionContribution(fresh, { type: 'publish-answer' }, now)],
    ['answer-already-published', () => {
      const answered = ok(transitionContribution(fresh, accept, now));
      const released = ok(transitionContribution(answered, { type: 'publish-answer' }, now));
      return transitionContribution(released, { type: 'publish-answer' }, now);
    }],
  ];

  it('covers every guard', () => {
    expect(cases.map(([g]) => g).sort()).toEqual(Object.keys(contributionGuards).sort());
  });

  it.each(cases)('refuses: %s', (guard, run) => {
    const result = run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ContributionWorkflowError);
    expect(result.error.guard).toBe(guard);
    expect(result.error.messages.de).toContain(contributionGuards[guard].de);
    expect(result.error.messages.en).toContain(contributionGuards[guard].en);
  });

  it('keeps every contribution valid over random event sequences', () => {
    const event: fc.Arbitrary<ContributionEvent> = fc.oneof(
      fc.constant({ type: 'publish' as const }),
      fc.constant({ type: 'review' as const }),
      fc.constant({ type: 'withdraw' as const }),
      fc.constant({ type: 'publish-answer' as const }),
      fc.record({
        type: fc.constant('answer' as const),
        outcome: fc.constantFrom('accepted' as const, 'partially-accepted' as const, 'rejected' as const),
        reason: fc.constant({ de: 'Begründung' }),
      }),
      fc.constant({ type: 'answer' as const, outcome: 'duplicate' as const, reason: { de: 'siehe 1' }, duplicateOf: 'beitrag-1' }),
    );
    fc.assert(fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 5 })), { maxLength: 12 }), (steps) => {
      let c = fresh;
      let clock = Date.parse(fresh.submittedAt);
      let withdrawn = false;
      for (const [e, days] of steps) {
        clock += days * 86_400_000;
        const r = transitionContribution(c, e, at(new Date(clock).toISOString()));
        if (r.ok) {
          expect(withdrawn).toBe(false);
          expect(contributionSchema.safeParse(r.contribution).success).toBe(true);
          c = r.contribution;
          if (c.state === 'withdrawn') withdrawn = true;
        } else if (withdrawn) {
          expect(r.error.guard).toBe('withdrawn-is-final');
        }
      }
    }), { numRuns: 200 });
  });
});

describe('findPilots', () => {
  it('finds every pilot of a recommendation with its published reports', () => {
    const found = findPilots(exampleCatalogue, { recommendation: 'wartung-2026' });
    expect(found.map((f) => f.pilot.id)).toEqual(['pilot-wartung-2026-sachsen']);
    expect(found[0]?.reports.map((r) => r.author.jurisdiction.level).sort()).toEqual(['municipality', 'state']);
  });

  it('filters by level, Land and status', () => {
    expect(findPilots(exampleCatalogue, { stateKey: '06' }).map((f) => f.pilot.id)).toEqual(['pilot-ifc-pruefdienst']);
    expect(findPilots(exampleCatalogue, { level: 'municipality' })).toHaveLength(2);
    expect(findPilots(exampleCatalogue, { status: ['completed'] }).map((f) => f.pilot.id)).toEqual(['pilot-wartung-2026-sachsen']);
    expect(findPilots(exampleCatalogue, { level: 'administrativeDistrict' })).toEqual([]);
    const running = findPilots(exampleCatalogue, { status: ['running'] })[0];
    expect(running?.reports.map((r) => r.id)).not.toContain('bericht-kassel-ifc-pruefdienst');
  });
});
