import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  LifecycleError,
  lifecycleGuards,
  RecommendationsError,
  recommendationSchema,
  transition,
  type Decision,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleGuard,
  type Recommendation,
  type Revision,
} from './index.js';

const bund = { level: 'federal', name: 'Bund' } as const;
const checksum = 'a'.repeat(64);

function draft(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'gebaeudedaten-2027',
    number: '180',
    shortTitle: { de: 'Gebäudedaten' },
    edition: 2027,
    title: { de: 'Gebäudedaten im öffentlichen Hochbau' },
    description: { de: 'Datenmodell für öffentliche Gebäude.' },
    version: '0.1.0',
    status: { state: 'draft' },
    modified: '2027-01-01T00:00:00Z',
    publisher: { id: 'https://example.org/ak', name: { de: 'Arbeitskreis' }, jurisdiction: bund, email: 'ak@example.org' },
    workingGroup: { name: { de: 'AG Gebäudedaten' }, lead: { name: 'Anna Beispiel', jurisdiction: bund }, contributors: [] },
    license: { id: 'CC-BY-4.0', iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', attribution: 'Arbeitskreis' },
    keywords: [],
    themes: ['TECH'],
    references: [],
    attachments: [{
      id: 'main', title: { de: 'Empfehlung' }, role: 'main', mediaType: 'text/markdown', byteSize: 10, sha256: checksum,
      downloadUrl: 'https://example.org/main.md',
    }],
    adoptions: [],
    ...overrides,
  };
}

function decision(result: 'pass' | 'fail' | 'pending' = 'pass', date = '2027-03-01', quorate = true): Decision {
  return { id: '2027/04', date, result: { result, quorate, counts: [{ option: 'yes', value: 12 }], reasons: [] } };
}

const at = (now: string, find?: LifecycleContext['find']): LifecycleContext => (find ? { now, find } : { now });

function refused(result: ReturnType<typeof transition>): LifecycleError {
  if (result.ok) throw new Error(`expected a refusal, got state ${result.record.status.state}`);
  return result.error;
}

function ok(result: ReturnType<typeof transition>): Recommendation {
  if (!result.ok) throw result.error;
  return result.record;
}

function published(overrides: Partial<Recommendation> = {}): Recommendation {
  const adopted = ok(transition(draft(overrides), { type: 'adopt', decision: decision() }, at('2027-03-02T00:00:00Z')));
  return ok(transition(adopted, { type: 'publish' }, at('2027-04-01T00:00:00Z')));
}

describe('transition: happy path', () => {
  it('walks draft → consultation → draft → adopted → published → superseded and updates modified each time', () => {
    let record = draft();
    const steps: [LifecycleEvent, string, string][] = [
      [{ type: 'open-consultation', opens: '2027-01-10T00:00:00Z', closes: '2027-02-10T00:00:00Z' }, '2027-01-05T00:00:00Z', 'consultation'],
      [{ type: 'close-consultation' }, '2027-02-11T00:00:00Z', 'draft'],
      [{ type: 'adopt', decision: decision() }, '2027-03-02T00:00:00Z', 'adopted'],
      [{ type: 'publish' }, '2027-04-01T10:00:00Z', 'published'],
    ];
    for (const [event, now, state] of steps) {
      record = ok(transition(record, event, at(now)));
      expect(record.status.state).toBe(state);
      expect(record.modified).toBe(now);
    }
    expect(record.issued).toBe('2027-04-01');
    expect(record.status).toEqual({ state: 'published', date: '2027-04-01' });
    const successor = published({ id: 'gebaeudedaten-2029', number: '190', edition: 2029, supersedes: record.id });
    const superseded = ok(transition(record, { type: 'supersede', by: successor.id }, at('2029-01-01T00:00:00Z', (id) => (id === successor.id ? successor : undefined))));
    expect(superseded.status).toEqual({ state: 'superseded', by: 'gebaeudedaten-2029', date: '2029-01-01' });
    expect(superseded.supersededBy).toBe('gebaeudedaten-2029');
  });

  it('never changes the input record', () => {
    const record = Object.freeze(draft());
    const next = ok(transition(record, { type: 'withdraw', reason: { de: 'Doppelt' } }, at('2027-02-01T00:00:00Z')));
    expect(record.status.state).toBe('draft');
    expect(next).not.toBe(record);
  });

  it('records adoptions by jurisdictions after publication', () => {
    const record = ok(transition(published(), {
      type: 'record-adoption',
      adoption: { jurisdiction: bund, instrument: 'decree', date: '2027-05-01', scope: { de: 'Ziviler Bundesbau' }, bindingness: 'binding', reference: 'Erlass vom 1. Mai 2027' },
    }, at('2027-05-02T00:00:00Z')));
    expect(record.adoptions).toHaveLength(1);
  });

  it('lets a draft be revised', () => {
    const record = ok(transition(draft(), { type: 'revise', changes: { version: '0.2.0' } }, at('2027-01-02T00:00:00Z')));
    expect(record.version).toBe('0.2.0');
  });
});

describe('transition: every guard refuses', () => {
  const now = at('2027-03-02T00:00:00Z');
  const cases: [LifecycleGuard, () => ReturnType<typeof transition>][] = [
    ['invalid-record', () => transition({ ...draft(), id: 'NOT OK' }, { type: 'publish' }, now)],
    ['invalid-event', () => transition(draft(), { type: 'launch' } as unknown as LifecycleEvent, now)],
    ['invalid-time', () => transition(draft(), { type: 'withdraw', reason: { de: 'x' } }, at('yesterday'))],
    ['clock-went-backwards', () => transition(draft(), { type: 'withdraw', reason: { de: 'x' } }, at('2026-12-31T23:59:59Z'))],
    ['withdrawn-is-final', () => transition(
      ok(transition(draft(), { type: 'withdraw', reason: { de: 'x' } }, now)), { type: 'revise', changes: {} }, now)],
    ['not-allowed-in-state', () => transition(draft(), { type: 'publish' }, now)],
    ['consultation-window-invalid', () => transition(draft(), {
      type: 'open-consultation', opens: '2027-02-01T00:00:00Z', closes: '2027-01-01T00:00:00Z',
    }, now)],
    ['consultation-still-open', () => transition(
      draft({ status: { state: 'consultation', opens: '2027-02-01T00:00:00Z', closes: '2027-04-01T00:00:00Z' } }),
      { type: 'adopt', decision: decision() }, now)],
    ['decision-not-passed', () => transition(draft(), { type: 'adopt', decision: decision('fail') }, now)],
    ['decision-in-future', () => transition(draft(), { type: 'adopt', decision: decision('pass', '2027-03-05') }, now)],
    ['license-missing', () => {
      const { license: _license, ...rest } = draft();
      const adopted = ok(transition(rest, { type: 'adopt', decision: decision() }, now));
      return transition(adopted, { type: 'publish' }, now);
    }],
    ['main-attachment-missing', () => {
      const adopted = ok(transition(draft({ attachments: [] }), { type: 'adopt', decision: decision() }, now));
      return transition(adopted, { type: 'publish' }, now);
    }],
    ['successor-is-self', () => transition(published(), { type: 'supersede', by: 'gebaeudedaten-2027' }, at('2027-05-01T00:00:00Z'))],
    ['successor-unknown', () => transition(published(), { type: 'supersede', by: 'nachfolger' }, at('2027-05-01T00:00:00Z', () => undefined))],
    ['successor-invalid', () => transition(published(), { type: 'supersede', by: 'nachfolger' },
      at('2027-05-01T00:00:00Z', () => ({ id: 'nachfolger' }) as unknown as Recommendation))],
    ['successor-not-published', () => transition(published(), { type: 'supersede', by: 'nachfolger' },
      at('2027-05-01T00:00:00Z', () => draft({ id: 'nachfolger', supersedes: 'gebaeudedaten-2027' })))],
    ['successor-does-not-supersede', () => transition(published(), { type: 'supersede', by: 'nachfolger' },
      at('2027-05-01T00:00:00Z', () => published({ id: 'nachfolger' })))],
    ['adoption-before-publication', () => transition(published(), {
      type: 'record-adoption',
      adoption: { jurisdiction: bund, instrument: 'decree', date: '2027-01-01', scope: { de: 'x' }, bindingness: 'binding', reference: 'x' },
    }, at('2027-05-01T00:00:00Z'))],
    ['adoption-duplicate', () => {
      const adoption = { jurisdiction: bund, instrument: 'decree', date: '2027-04-02', scope: { de: 'x' }, bindingness: 'binding', reference: 'x' } as const;
      const once = ok(transition(published(), { type: 'record-adoption', adoption }, at('2027-05-01T00:00:00Z')));
      return transition(once, { type: 'record-adoption', adoption }, at('2027-05-01T00:00:00Z'));
    }],
    ['result-invalid', () => transition(draft(), { type: 'revise', changes: { supersedes: 'gebaeudedaten-2027' } }, now)],
  ];

  it('covers every guard', () => {
    expect(cases.map(([guard]) => guard).sort()).toEqual(Object.keys(lifecycleGuards).sort());
  });

  it.each(cases)('%s', (guard, run) => {
    const error = refused(run());
    expect(error).toBeInstanceOf(LifecycleError);
    expect(RecommendationsError.isInstance(error)).toBe(true);
    expect(error.code).toBe('lifecycle-guard');
    expect(error.guard).toBe(guard);
    expect(error.messages.de).toContain(lifecycleGuards[guard].de);
    expect(error.messages.en).toContain(lifecycleGuards[guard].en);
  });

  it('names the JSON path of an invalid event in German and English', () => {
    const error = refused(transition(draft(), { type: 'adopt', decision: { ...decision(), id: '27-4' } }, now));
    expect(error.guard).toBe('invalid-event');
    expect(error.issues[0]).toMatchObject({ jsonPath: '$.decision.id' });
    expect(error.issues[0]?.de).toMatch(/Beschlussnummer/);
    expect(error.issues[0]?.en).toMatch(/decision id/);
  });

  it('treats a lookup that throws as an unknown successor (never throws itself)', () => {
    const error = refused(transition(published(), { type: 'supersede', by: 'nachfolger' }, at('2027-05-01T00:00:00Z', () => {
      throw new Error('database down');
    })));
    expect(error.guard).toBe('successor-unknown');
  });

  it('refuses a quorum failure even when the tally says pass', () => {
    expect(refused(transition(draft(), { type: 'adopt', decision: decision('pass', '2027-03-01', false) }, now)).guard).toBe('decision-not-passed');
  });

  it('refuses every event once withdrawn', () => {
    const withdrawn = ok(transition(published(), { type: 'withdraw', reason: { de: 'Fehlerhaft' } }, at('2027-06-01T00:00:00Z')));
    for (const event of [
      { type: 'publish' }, { type: 'withdraw', reason: { de: 'x' } }, { type: 'revise', changes: {} },
      { type: 'adopt', decision: decision() }, { type: 'close-consultation' },
    ] as LifecycleEvent[]) {
      expect(refused(transition(withdrawn, event, at('2027-07-01T00:00:00Z'))).guard).toBe('withdrawn-is-final');
    }
  });
});

describe('transition: properties over random event sequences', () => {
  // The transition table as the issue states it, written out independently of `allowedEvents`.
  const expectedTable: Record<string, string[]> = {
    'draft': ['revise', 'open-consultation', 'adopt', 'withdraw'],
    'consultation': ['close-consultation', 'adopt', 'withdraw'],
    'adopted': ['publish', 'withdraw'],
    'published': ['supersede', 'record-adoption', 'withdraw'],
    'superseded': ['withdraw'],
    'withdrawn': [],
  };

  it('allowedEvents matches the table of the issue', () => {
    expect(allowedEvents).toEqual(expectedTable);
  });

  const successor = published({ id: 'nachfolger-2030', number: '200', supersedes: 'gebaeudedaten-2027' });
  const unpublishedSuccessor = draft({ id: 'entwurf-2030', number: '201', supersedes: 'gebaeudedaten-2027' });
  const find = (id: string): Recommendation | undefined =>
    id === successor.id ? successor : id === unpublishedSuccessor.id ? unpublishedSuccessor : undefined;

  const eventArb: fc.Arbitrary<LifecycleEvent> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ type: fc.constant('revise' as const), changes: fc.constantFrom<Revision[]>(
      {},
      { attachments: [] },
      { version: '0.3.0' },
      { license: { id: 'DL-DE-BY-2.0', iri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0', attribution: 'AK' } },
    ) }) },
    { weight: 1, arbitrary: fc.record({
      type: fc.constant('open-consultation' as const),
      opens: fc.constant('2027-01-01T00:00:00Z'),
      closes: fc.constantFrom('2027-01-15T00:00:00Z', '2030-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    }) },
    { weight: 1, arbitrary: fc.constant({ type: 'close-consultation' as const }) },
    { weight: 3, arbitrary: fc.record({
      type: fc.constant('adopt' as const),
      decision: fc.constantFrom<[ 'pass' | 'fail' | 'pending', boolean ]>(['pass', true], ['pass', true], ['pass', false], ['fail', true], ['pending', true])
        .map(([r, q]) => decision(r, '2027-01-01', q)),
    }) },
    { weight: 3, arbitrary: fc.constant({ type: 'publish' as const }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('supersede' as const), by: fc.constantFrom('nachfolger-2030', 'nachfolger-2030', 'nachfolger-2030', 'nachfolger-2030', 'entwurf-2030', 'unbekannt', 'gebaeudedaten-2027') }) },
    { weight: 1, arbitrary: fc.constant({ type: 'withdraw' as const, reason: { de: 'Zurückgezogen' } }) },
    { weight: 2, arbitrary: fc.record({
      type: fc.constant('record-adoption' as const),
      adoption: fc.constantFrom('2026-01-01', '2030-12-31').map((date) => ({
        jurisdiction: { level: 'state' as const, key: '09', name: 'Bayern' }, instrument: 'circular' as const, date,
        scope: { de: 'Staatlicher Hochbau' }, bindingness: 'guidance' as const, reference: 'Rundschreiben',
      })),
    }) },
  );
  const stepArb = fc.tuple(eventArb, fc.integer({ min: -2, max: 30 }));

  it('keeps every invariant, updates modified, follows the table, and never revives a withdrawn record', () => {
    const reached = new Set<string>();
    fc.assert(fc.property(fc.boolean(), fc.array(stepArb, { minLength: 5, maxLength: 40 }), (withLicence, steps) => {
      let record = withLicence ? draft() : (({ license: _l, ...rest }) => rest)(draft());
      let clock = Date.parse(record.modified);
      let wasWithdrawn = false;
      for (const [event, days] of steps) {
        clock += days * 86_400_000;
        const now = new Date(clock).toISOString();
        const before = JSON.stringify(record);
        const from = record.status.state;
        const result = transition(record, event, at(now, find));
        expect(JSON.stringify(record)).toBe(before);
        if (result.ok) {
          expect(expectedTable[from]).toContain(event.type);
          expect(result.record.modified).toBe(now);
          expect(recommendationSchema.safeParse(result.record).success).toBe(true);
          expect(wasWithdrawn).toBe(false);
          const s = result.record.status.state;
          if (s === 'adopted' || s === 'published' || s === 'superseded') {
            expect(result.record.decision?.result.result).toBe('pass');
          }
          if (s === 'published') {
            expect(result.record.license).toBeDefined();
            expect(result.record.attachments.some((a) => a.role === 'main' && /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
          }
          if (s === 'superseded') expect(find(result.record.supersededBy ?? '')?.status.state).toBe('published');
          record = result.record;
          reached.add(record.status.state);
        } else {
          expect(Object.keys(lifecycleGuards)).toContain(result.error.guard);
          expect(result.error.from).toBe(from);
          if (wasWithdrawn) expect(result.error.guard).toBe('withdrawn-is-final');
          if (!wasWithdrawn && clock >= Date.parse(record.modified) && !expectedTable[from]?.includes(event.type)) {
            expect(result.error.guard).toBe('not-allowed-in-state');
          }
        }
        if (record.status.state === 'withdrawn') wasWithdrawn = true;
      }
    }), { numRuns: 200 });
    // the random walks must actually reach every state, or the properties above say little
    expect([...reached].sort()).toEqual(['adopted', 'consultation', 'draft', 'published', 'superseded', 'withdrawn']);
  });

  it('survives arbitrary junk as event and record without throwing', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (junkEvent, junkRecord) => {
      const a = transition(draft(), junkEvent as LifecycleEvent, at('2027-02-01T00:00:00Z'));
      const b = transition(junkRecord as Recommendation, { type: 'publish' }, at('2027-02-01T00:00:00Z'));
      expect(a.ok).toBe(false);
      expect(b.ok).toBe(false);
      if (!b.ok) expect(b.error.guard).toBe('invalid-record');
    }), { numRuns: 200 });
  });
});
