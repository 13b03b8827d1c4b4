// Builders shared by the tests (not part of the published package).
import { states } from '../src/identifiers.js';
import type { DecisionScenarioInput, Voter } from '../src/scenario.js';

/** The working group of the shared scenarios: 10 voting members and two advisory guests. */
export function workingGroup(absent: readonly string[] = []): Voter[] {
  const base: Voter[] = [
    { id: 'bmds', level: 'federal', votingRight: true, present: true },
    { id: 'bmwsb', level: 'federal', votingRight: true, present: true },
    { id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true, present: true },
    { id: 'de-nw', level: 'state', state: 'DE-NW', votingRight: true, present: true },
    { id: 'de-sn', level: 'state', state: 'DE-SN', votingRight: true, present: true },
    { id: 'de-hb', level: 'state', state: 'DE-HB', votingRight: true, present: true },
    { id: 'de-be', level: 'state', state: 'DE-BE', votingRight: true, present: true },
    { id: 'dst', level: 'municipality', votingRight: true, present: true },
    { id: 'dlt', level: 'municipality', votingRight: true, present: true },
    { id: 'dstgb', level: 'municipality', votingRight: true, present: true },
    { id: 'digitalagentur', level: 'federal', votingRight: false, present: true },
    { id: 'uni', level: 'science', votingRight: false, present: true },
  ];
  return base.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** The IT-Planungsrat: Bund and 16 Länder voting, three kommunale Spitzenverbände advising. */
export function itPlanungsrat(absent: readonly string[] = []): Voter[] {
  const out: Voter[] = [{ id: 'bund', level: 'federal', votingRight: true, present: true }];
  for (const s of states) out.push({ id: s.iso.toLowerCase(), level: 'state', state: s.iso, votingRight: true, present: true });
  for (const id of ['dst', 'dlt', 'dstgb']) out.push({ id, level: 'municipality', votingRight: false, present: true });
  return out.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** The Bauministerkonferenz: 16 Länder voting, the Bund as guest. */
export function bauministerkonferenz(absent: readonly string[] = []): Voter[] {
  const out: Voter[] = states.map((s) => ({ id: s.iso.toLowerCase(), level: 'state' as const, state: s.iso, votingRight: true, present: true }));
  out.push({ id: 'bund', level: 'federal', votingRight: false, present: true });
  return out.map((m) => (absent.includes(m.id) ? { ...m, present: false } : m));
}

/** A meeting scenario of the working group. */
export function wgMeeting(
  ballots: Record<string, 'yes' | 'no' | 'abstain'>,
  options: { absent?: string[]; kind?: 'recommendation' | 'procedural' } = {},
): DecisionScenarioInput {
  return {
    rules: 'amev-style-working-group',
    motion: { kind: options.kind ?? 'recommendation' },
    date: '2027-02-10',
    members: workingGroup(options.absent),
    ballots,
  };
}

/** Ballots: the listed ids vote `option`. */
export function vote(option: 'yes' | 'no' | 'abstain', ids: readonly string[]): Record<string, 'yes' | 'no' | 'abstain'> {
  return Object.fromEntries(ids.map((id) => [id, option]));
}
