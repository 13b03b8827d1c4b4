import * as z from 'zod/mini';
import { MembershipError, requireObject } from './errors.js';
import { isoDateSchema, stateCodeSchema } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import type { Jurisdiction, Membership } from './model.js';
import type { PresetId } from './presets.js';
import type { RulesOfProcedure } from './rules.js';
import { errorFromZod, resolveRules } from './scenario.js';
import { labels, memberLevelSchema } from './vocabulary.js';
import type { LocalizedText, MemberLevel } from './vocabulary.js';

/**
 * A member as seen by a composition check: level (or sector), Land, voting right, term, and the
 * member this one deputises for (deputies take no seat of their own).
 *
 * @example
 * compositionMemberSchema.parse({ id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true, startDate: '2026-01-01' });
 */
export const compositionMemberSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  level: memberLevelSchema,
  state: z.optional(stateCodeSchema),
  votingRight: z.boolean(),
  startDate: z.optional(isoDateSchema),
  endDate: z.optional(isoDateSchema),
  deputyOf: z.optional(z.string().check(z.minLength(1))),
});
/** A member in a composition check. @example const m: CompositionMember = { id: 'bund', level: 'federal', votingRight: true }; */
export type CompositionMember = z.infer<typeof compositionMemberSchema>;

/** Stable codes of composition violations. @example const c: CompositionViolationCode = 'state-seat-limit-exceeded'; */
export type CompositionViolationCode =
  | 'duplicate-member'
  | 'state-missing'
  | 'voting-level-not-allowed'
  | 'state-seat-limit-exceeded'
  | 'level-seats-below-minimum'
  | 'level-seats-above-maximum'
  | 'unknown-deputy'
  | 'deputy-of-deputy'
  | 'deputy-level-mismatch';

/** One violation of the rules' seat balance. @example const v: CompositionViolation = report.violations[0]!; */
export interface CompositionViolation extends Required<LocalizedText> {
  readonly code: CompositionViolationCode;
  /** JSON path into `members`. */
  readonly path: readonly (string | number)[];
  readonly memberId?: string;
  readonly level?: MemberLevel;
  readonly state?: StateCode;
}

/** Seats of one level. @example const s: LevelSeats = report.seats[0]!; */
export interface LevelSeats {
  readonly level: MemberLevel;
  readonly label: Required<LocalizedText>;
  /** Voting seats held on the date (deputies not counted). */
  readonly voting: number;
  /** Advisory seats and guests on the date. */
  readonly advisory: number;
  readonly min?: number;
  readonly max?: number;
}

/** Result of {@link checkComposition}. @example const r: CompositionReport = checkComposition(input); */
export interface CompositionReport {
  /** True when there is no violation. */
  readonly ok: boolean;
  readonly date: string;
  /** Seats per level, in the order of the levels. */
  readonly seats: readonly LevelSeats[];
  /** Members whose term does not cover the date (ignored). */
  readonly inactive: readonly string[];
  readonly violations: readonly CompositionViolation[];
}

const inputSchema = z.object({
  date: isoDateSchema,
  members: z.array(compositionMemberSchema).check(z.maxLength(10_000)),
});

function active(m: CompositionMember, date: string): boolean {
  return (m.startDate === undefined || m.startDate <= date) && (m.endDate === undefined || date <= m.endDate);
}

/**
 * Check a body's composition on a date against its rules: voting seats per level (minimum and
 * maximum), at most the allowed voting seats per Land, voting rights only in voting levels,
 * deputies that point to a real member of the same level. Returns the seat balance per level and
 * every violation with a stable code; invalid input throws a {@link MembershipError}.
 *
 * @example
 * const report = checkComposition({
 *   rules: 'amev-style-working-group',
 *   date: '2026-06-01',
 *   members: [{ id: 'bund', level: 'federal', votingRight: true }],
 * });
 * report.violations.map((v) => v.code); // ['level-seats-below-minimum', 'level-seats-below-minimum']
 */
export function checkComposition(input: {
  rules: PresetId | RulesOfProcedure | string;
  date: string;
  members: readonly CompositionMember[];
}): CompositionReport {
  requireObject(input, 'checkComposition');
  const rules = resolveRules(input.rules, ['rules']);
  const parsed = inputSchema.safeParse({ date: input.date, members: input.members });
  if (!parsed.success) throw errorFromZod(parsed.error, 'invalid-input');
  const { date, members } = parsed.data;
  const violations: CompositionViolation[] = [];
  const inactive: string[] = [];
  const byId = new Map<string, { member: CompositionMember; index: number }>();
  members.forEach((m, index) => {
    if (byId.has(m.id)) {
      violations.push({
        code: 'duplicate-member',
        path: ['members', index, 'id'],
        memberId: m.id,
        de: `Mitglied „${m.id}“ ist doppelt aufgeführt`,
        en: `Member "${m.id}" is listed twice`,
      });
      return;
    }
    byId.set(m.id, { member: m, index });
  });
  const voting = new Map<MemberLevel, number>();
  const advisory = new Map<MemberLevel, number>();
  const perState = new Map<StateCode, string[]>();
  for (const { member: m, index } of byId.values()) {
    if (!active(m, date)) {
      inactive.push(m.id);
      continue;
    }
    if (m.level === 'state' && m.state === undefined) {
      violations.push({
        code: 'state-missing',
        path: ['members', index, 'state'],
        memberId: m.id,
        level: m.level,
        de: `Mitglied „${m.id}“ der Länderebene ohne Land (ISO 3166-2)`,
        en: `State-level member "${m.id}" has no Land (ISO 3166-2)`,
      });
    }
    if (m.deputyOf !== undefined) {
      const principal = byId.get(m.deputyOf);
      if (!principal) {
        violations.push({
          code: 'unknown-deputy',
          path: ['members', index, 'deputyOf'],
          memberId: m.id,
          de: `Mitglied „${m.id}“ vertritt „${m.deputyOf}“, das es nicht gibt`,
          en: `Member "${m.id}" deputises for "${m.deputyOf}", who does not exist`,
        });
      } else if (principal.member.deputyOf !== undefined) {
        violations.push({
          code: 'deputy-of-deputy',
          path: ['members', index, 'deputyOf'],
          memberId: m.id,
          de: `Mitglied „${m.id}“ vertritt „${m.deputyOf}“, das selbst nur Stellvertretung ist`,
          en: `Member "${m.id}" deputises for "${m.deputyOf}", who is a deputy too`,
        });
      } else if (principal.member.level !== m.level || principal.member.state !== m.state) {
        violations.push({
          code: 'deputy-level-mismatch',
          path: ['members', index, 'deputyOf'],
          memberId: m.id,
          level: m.level,
          de: `Mitglied „${m.id}“ vertritt „${m.deputyOf}“ aus einer anderen Ebene oder einem anderen Land`,
          en: `Member "${m.id}" deputises for "${m.deputyOf}" from another level or Land`,
        });
      }
      continue;
    }
    if (!m.votingRight) {
      advisory.set(m.level, (advisory.get(m.level) ?? 0) + 1);
      continue;
    }
    if (!rules.votingLevels.includes(m.level)) {
      violations.push({
        code: 'voting-level-not-allowed',
        path: ['members', index, 'votingRight'],
        memberId: m.id,
        level: m.level,
        de: `Mitglied „${m.id}“ (${labels.de.memberLevel[m.level]}) darf nach den Regeln „${rules.name.de}“ nicht stimmen`,
        en: `Member "${m.id}" (${labels.en.memberLevel[m.level]}) may not vote under the rules "${rules.name.en}"`,
      });
      continue;
    }
    voting.set(m.level, (voting.get(m.level) ?? 0) + 1);
    if (m.level === 'state' && m.state !== undefined) {
      const list = perState.get(m.state) ?? [];
      list.push(m.id);
      perState.set(m.state, list);
      const limit = rules.seats?.votingPerState;
      if (limit !== undefined && list.length > limit) {
        violations.push({
          code: 'state-seat-limit-exceeded',
          path: ['members', index],
          memberId: m.id,
          level: 'state',
          state: m.state,
          de: `${m.state} hat mit „${m.id}“ ${list.length} Stimmen (höchstens ${limit}): ${list.join(', ')}`,
          en: `${m.state} has ${list.length} votes with "${m.id}" (at most ${limit}): ${list.join(', ')}`,
        });
      }
    }
  }
  const levels = memberLevelSchema.options.filter(
    (l) => voting.has(l) || advisory.has(l) || rules.votingLevels.includes(l) || rules.seats?.votingPerLevel?.[l] !== undefined,
  );
  const seats: LevelSeats[] = levels.map((level) => {
    const range = rules.seats?.votingPerLevel?.[level];
    const count = voting.get(level) ?? 0;
    if (range?.min !== undefined && count < range.min) {
      violations.push({
        code: 'level-seats-below-minimum',
        path: ['members'],
        level,
        de: `${labels.de.memberLevel[level]}: ${count} Stimmen, mindestens ${range.min} erforderlich`,
        en: `${labels.en.memberLevel[level]}: ${count} voting seats, at least ${range.min} required`,
      });
    }
    if (range?.max !== undefined && count > range.max) {
      violations.push({
        code: 'level-seats-above-maximum',
        path: ['members'],
        level,
        de: `${labels.de.memberLevel[level]}: ${count} Stimmen, höchstens ${range.max} erlaubt`,
        en: `${labels.en.memberLevel[level]}: ${count} voting seats, at most ${range.max} allowed`,
      });
    }
    return {
      level,
      label: { de: labels.de.memberLevel[level], en: labels.en.memberLevel[level] },
      voting: count,
      advisory: advisory.get(level) ?? 0,
      ...(range?.min === undefined ? {} : { min: range.min }),
      ...(range?.max === undefined ? {} : { max: range.max }),
    };
  });
  return { ok: violations.length === 0, date, seats, inactive, violations };
}

/**
 * The group a jurisdiction's members are counted in: its level for governments, `municipality`
 * for kommunale Spitzenverbände, the sector for everyone else.
 *
 * @example
 * memberLevelOf({ id: 'dst', kind: 'municipal-umbrella-association', name: { de: 'Deutscher Städtetag' } }); // 'municipality'
 */
export function memberLevelOf(jurisdiction: Jurisdiction): MemberLevel {
  switch (jurisdiction.kind) {
    case 'government':
      return jurisdiction.level ?? 'federal';
    case 'municipal-umbrella-association':
      return 'municipality';
    default:
      return jurisdiction.kind;
  }
}

/**
 * Turn memberships and their jurisdictions into the members {@link checkComposition} takes.
 * Throws `unknown-member` when a membership's `onBehalfOf` names no jurisdiction.
 *
 * @example
 * checkComposition({ rules, date, members: compositionMembersFrom({ memberships, jurisdictions }) });
 */
export function compositionMembersFrom(input: {
  memberships: readonly Membership[];
  jurisdictions: readonly Jurisdiction[];
}): CompositionMember[] {
  const byId = new Map(input.jurisdictions.map((j) => [j.id, j]));
  return input.memberships.map((m, index) => {
    const j = m.onBehalfOf === undefined ? undefined : byId.get(m.onBehalfOf);
    if (!j) {
      throw new MembershipError(
        'unknown-member',
        `Mitgliedschaft „${m.id}“: Gebietskörperschaft „${m.onBehalfOf ?? '(fehlt)'}“ unbekannt / membership "${m.id}": unknown jurisdiction "${m.onBehalfOf ?? '(missing)'}"`,
        { path: ['memberships', index, 'onBehalfOf'], memberId: m.id },
      );
    }
    return {
      id: m.id,
      level: memberLevelOf(j),
      ...(j.state === undefined ? {} : { state: j.state }),
      votingRight: m.votingRight,
      startDate: m.startDate,
      ...(m.endDate === undefined ? {} : { endDate: m.endDate }),
      ...(m.deputyOf === undefined ? {} : { deputyOf: m.deputyOf }),
    };
  });
}
