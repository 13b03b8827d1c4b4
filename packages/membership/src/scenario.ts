import * as z from 'zod/mini';
import { MembershipError, formatPath } from './errors.js';
import { isoDateSchema, stateCodeSchema } from './identifiers.js';
import { isPresetId, presets } from './presets.js';
import { rulesOfProcedureSchema } from './rules.js';
import type { RulesOfProcedure } from './rules.js';
import {
  ballotOptionSchema,
  countOptionSchema,
  decisionOutcomeSchema,
  memberLevelSchema,
  motionKindSchema,
  procedureSchema,
} from './vocabulary.js';

const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A member as seen by a vote: id, level (or sector), the Land for state members, voting right,
 * presence.
 *
 * @example
 * voterSchema.parse({ id: 'de-by', level: 'state', state: 'DE-BY', votingRight: true, present: true });
 */
export const voterSchema = z
  .object({
    id: idSchema,
    level: memberLevelSchema,
    state: z.optional(stateCodeSchema),
    votingRight: z.boolean(),
    present: z.boolean(),
  })
  .check(
    z.refine((m) => m.level !== 'state' || m.state !== undefined, {
      error: 'Mitglied der Ebene state braucht "state" (ISO 3166-2) / a state member needs "state"',
      path: ['state'],
    }),
  );
/** A member in a vote. @example const v: Voter = { id: 'bund', level: 'federal', votingRight: true, present: true }; */
export type Voter = z.infer<typeof voterSchema>;

/**
 * The decision scenario, exactly the JSON format of the shared scenario folder: rules (preset id or
 * a full rules object), motion kind, procedure, date, deadline, members, ballots, objections.
 *
 * @example
 * decisionScenarioSchema.parse(JSON.parse(text));
 */
export const decisionScenarioSchema = z.object({
  name: z.optional(z.string()),
  rules: z.union([z.string().check(z.minLength(1)), rulesOfProcedureSchema]),
  motion: z.object({ kind: motionKindSchema, title: z.optional(z.string()) }),
  procedure: z.optional(procedureSchema),
  date: isoDateSchema,
  deadline: z.optional(isoDateSchema),
  koenigsteinYear: z.optional(z.int().check(z.minimum(1949), z.maximum(9999))),
  members: z.array(voterSchema).check(z.maxLength(10_000)),
  ballots: z.optional(z.record(idSchema, ballotOptionSchema)),
  objections: z.optional(z.array(idSchema).check(z.maxLength(10_000))),
});
/** A decision scenario. @example const s: DecisionScenario = decisionScenarioSchema.parse(json); */
export type DecisionScenario = z.infer<typeof decisionScenarioSchema>;
/** A decision scenario as written by hand (optional fields may be left out). @example const s: DecisionScenarioInput = json; */
export type DecisionScenarioInput = z.input<typeof decisionScenarioSchema>;

/**
 * One count of a decision, as in Popolo: the option, the number, and the group of voters (a level)
 * when the count is for a group only.
 *
 * @example
 * decisionCountSchema.parse({ option: 'yes', value: 3, group: { id: 'municipality', name: 'Kommunen' } });
 */
export const decisionCountSchema = z.object({
  option: countOptionSchema,
  value: z.int().check(z.minimum(0)),
  group: z.optional(z.object({ id: memberLevelSchema, name: z.string() })),
});
/** A count. @example const c: DecisionCount = { option: 'no', value: 2 }; */
export type DecisionCount = z.infer<typeof decisionCountSchema>;

/**
 * One line of the explanation of a result, German and English, with a stable code and, for rule
 * conditions, whether the condition was met.
 *
 * @example
 * decisionReasonSchema.parse({ code: 'tally', de: 'Kommunen: 1 Ja, 2 Nein', en: 'municipalities: 1 yes, 2 no' });
 */
export const decisionReasonSchema = z.object({
  code: z.string(),
  satisfied: z.optional(z.boolean()),
  de: z.string(),
  en: z.string(),
});
/** A reason. @example const r: DecisionReason = { code: 'outcome', de: 'angenommen', en: 'passed' }; */
export type DecisionReason = z.infer<typeof decisionReasonSchema>;

/**
 * The result of {@link evaluateDecision}: `pass`, `fail` or `pending` (written procedure before its
 * deadline), whether the meeting was quorate, Popolo-style counts, and reasons in German and English.
 *
 * @example
 * const result: DecisionResult = decisionResultSchema.parse(await response.json());
 */
export const decisionResultSchema = z.object({
  result: decisionOutcomeSchema,
  quorate: z.boolean(),
  counts: z.array(decisionCountSchema),
  reasons: z.array(decisionReasonSchema),
});
/** Result of a decision. @example const r: DecisionResult = evaluateDecision(scenario); */
export type DecisionResult = z.infer<typeof decisionResultSchema>;

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/**
 * A German and English message for one zod issue (zod/mini ships no messages of its own).
 *
 * @example
 * describeIssue({ code: 'invalid_value', values: ['yes', 'no'], path: [], message: '', input: 'maybe' });
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `erwartet ${issue.expected} / expected ${issue.expected}`;
    case 'invalid_value':
      return `erlaubt: ${list(issue.values)} / allowed: ${list(issue.values)}`;
    case 'unrecognized_keys':
      return `unbekannte Felder ${list(issue.keys)} / unknown fields ${list(issue.keys)}`;
    case 'too_small':
      return `zu klein/kurz (mindestens ${String(issue.minimum)}) / too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `zu groß/lang (höchstens ${String(issue.maximum)}) / too big (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return `ungültiges Format (${issue.format}) / invalid format (${issue.format})`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `unbekannte Art; erlaubt: ${list(options)} / unknown kind; allowed: ${list(options)}`;
      return 'passt zu keiner erlaubten Form / matches none of the allowed forms';
    }
    case 'invalid_key':
      return `ungültiger Schlüssel / invalid key`;
    case 'invalid_element':
      return `ungültiges Element / invalid element`;
    case 'not_multiple_of':
      return `kein Vielfaches von ${String(issue.divisor)} / not a multiple of ${String(issue.divisor)}`;
    case 'custom':
      return issue.message;
  }
}

/** Turn a zod error into a MembershipError with the JSON path of the first issue. */
export function errorFromZod(
  error: z.core.$ZodError,
  code: 'invalid-input' | 'invalid-rules',
  prefix: readonly (string | number)[] = [],
): MembershipError {
  const issue = error.issues[0];
  const path = [...prefix, ...((issue?.path ?? []) as (string | number)[])];
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : '';
  const what = code === 'invalid-rules' ? 'Ungültige Geschäftsordnung / invalid rules' : 'Ungültige Eingabe / invalid input';
  return new MembershipError(code, `${what} at ${formatPath(path)}: ${issue ? describeIssue(issue) : 'invalid'}${more}`, {
    path,
    cause: error,
  });
}

/**
 * Resolve rules: a preset id, or a user-supplied rules object validated against
 * {@link rulesOfProcedureSchema}. Throws `unknown-preset` or `invalid-rules` with the JSON path.
 *
 * @example
 * const rules = resolveRules('amev-style-working-group');
 * const own = resolveRules(JSON.parse(text));
 */
export function resolveRules(input: unknown, path: readonly (string | number)[] = []): RulesOfProcedure {
  if (typeof input === 'string') {
    if (isPresetId(input)) return presets[input];
    throw new MembershipError(
      'unknown-preset',
      `Unbekannte Vorlage „${input}“ (bekannt: ${Object.keys(presets).join(', ')}) / unknown preset "${input}"`,
      { path },
    );
  }
  const parsed = rulesOfProcedureSchema.safeParse(input);
  if (!parsed.success) throw errorFromZod(parsed.error, 'invalid-rules', path);
  return parsed.data;
}

/**
 * Validate a decision scenario, throwing a {@link MembershipError} with the JSON path (and the
 * member, for a bad ballot option) instead of returning zod issues.
 *
 * @example
 * const scenario = parseDecisionScenario(JSON.parse(text));
 */
export function parseDecisionScenario(input: unknown): DecisionScenario {
  // Resolve the rules first so their errors carry a clear path, then the rest.
  if (typeof input === 'object' && input !== null && 'rules' in input) {
    resolveRules((input as { rules: unknown }).rules, ['rules']);
  }
  const parsed = decisionScenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue && issue.path[0] === 'ballots' && issue.path.length === 2) {
    const memberId = String(issue.path[1]);
    const raw = (input as { ballots?: Record<string, unknown> }).ballots?.[memberId];
    return throwUnknownOption(memberId, raw, parsed.error);
  }
  throw errorFromZod(parsed.error, 'invalid-input');
}

function throwUnknownOption(memberId: string, raw: unknown, cause: unknown): never {
  throw new MembershipError(
    'unknown-option',
    `Unbekannte Stimme ${JSON.stringify(raw)} von Mitglied „${memberId}“ (erlaubt: yes, no, abstain) / unknown ballot option from member "${memberId}"`,
    { path: ['ballots', memberId], memberId, cause },
  );
}
