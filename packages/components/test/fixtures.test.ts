import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { consultationSchema, decisionSchema, recommendationSchema } from '@foederal/recommendations';
import { jurisdictionSchema, membershipSchema, personSchema } from '@foederal/membership';
import { adoptingDecision, consultation, editionsOf, recommendations, roster } from './fixtures.js';

describe('fixtures follow the schemas of the records they stand for', () => {
  it.each(recommendations().map((r) => [r.id, r] as const))('recommendation %s', (_id, r) => {
    const result = z.safeParse(recommendationSchema, r);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it.each(editionsOf(recommendations()[0]!).map((r) => [r.version, r] as const))('edition %s of wartung-2026', (_v, r) => {
    const result = z.safeParse(recommendationSchema, r);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it('consultation', () => {
    const result = z.safeParse(consultationSchema, consultation());
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it('decision, whose result membership computed as a pass', () => {
    const decision = adoptingDecision();
    expect(z.safeParse(decisionSchema, decision).success).toBe(true);
    expect(decision.result.result).toBe('pass');
  });
  it('roster', () => {
    const r = roster();
    for (const j of r.jurisdictions) expect(z.safeParse(jurisdictionSchema, j).success, j.id).toBe(true);
    for (const p of r.people) expect(z.safeParse(personSchema, p).success, p.id).toBe(true);
    for (const m of r.memberships) expect(z.safeParse(membershipSchema, m).success, m.id).toBe(true);
  });
});
