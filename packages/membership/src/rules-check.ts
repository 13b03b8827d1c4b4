import type { Condition, RulesOfProcedure } from './rules.js';
import { resolveRules } from './scenario.js';
import type { PresetId } from './presets.js';
import { labels } from './vocabulary.js';
import type { LocalizedText, MemberLevel } from './vocabulary.js';

/** Stable codes of {@link checkRules} findings. @example const c: RulesFindingCode = 'level-cannot-vote'; */
export type RulesFindingCode = 'level-cannot-vote' | 'count-above-seats' | 'trivial-condition' | 'no-motions' | 'written-kind-undefined';

/** A finding about rules that are valid JSON but cannot work as intended. @example const f: RulesFinding = checkRules(rules)[0]!; */
export interface RulesFinding extends Required<LocalizedText> {
  readonly code: RulesFindingCode;
  /** JSON path inside the rules. */
  readonly path: readonly (string | number)[];
}

/**
 * Check rules that passed the schema for mistakes that make a condition impossible or
 * meaningless: a level that has no vote, a required count above the level's maximum seats, a
 * share of 0 that every vote meets, a written procedure for an undefined motion kind, no motion
 * kinds at all. Returns the findings (empty for the presets); invalid rules throw `invalid-rules`.
 *
 * @example
 * checkRules(JSON.parse(text)).map((f) => `${f.path.join('.')}: ${f.de}`);
 */
export function checkRules(input: PresetId | RulesOfProcedure | unknown): RulesFinding[] {
  const rules = resolveRules(input);
  const out: RulesFinding[] = [];
  const walk = (c: Condition, path: (string | number)[], scope: MemberLevel | undefined): void => {
    switch (c.kind) {
      case 'all':
      case 'any':
        c.conditions.forEach((inner, i) => walk(inner, [...path, 'conditions', i], scope));
        return;
      case 'atLevel':
        levelCheck(c.level, [...path, 'level']);
        walk(c.condition, [...path, 'condition'], c.level);
        return;
      case 'forEachLevel':
        c.levels.forEach((l, i) => levelCheck(l, [...path, 'levels', i]));
        for (const l of c.levels) walk(c.condition, [...path, 'condition'], l);
        return;
      case 'yesAtLeast':
      case 'presentAtLeast': {
        const max = scope === undefined ? undefined : rules.seats?.votingPerLevel?.[scope]?.max;
        if (max !== undefined && c.count > max) {
          out.push({
            code: 'count-above-seats',
            path: [...path, 'count'],
            de: `${c.count} verlangt, aber für ${labels.de.memberLevel[scope as MemberLevel]} gibt es höchstens ${max} Stimmen`,
            en: `${c.count} required, but there are at most ${max} votes for ${labels.en.memberLevel[scope as MemberLevel]}`,
          });
        }
        return;
      }
      case 'yesShare':
      case 'presentShare':
      case 'weightedYesShare':
        if (c.ratio.numerator === 0 && !c.strict) {
          out.push({
            code: 'trivial-condition',
            path: [...path, 'ratio'],
            de: 'Anteil „mindestens 0“ ist immer erfüllt',
            en: 'a share of "at least 0" is always met',
          });
        }
        return;
      default:
        return;
    }
  };
  const seen = new Set<string>();
  function levelCheck(level: MemberLevel, path: (string | number)[]): void {
    const key = `${path.join('.')}`;
    if (rules.votingLevels.includes(level) || seen.has(key)) return;
    seen.add(key);
    out.push({
      code: 'level-cannot-vote',
      path,
      de: `${labels.de.memberLevel[level]}: nach votingLevels ohne Stimmrecht; die Bedingung zählt dort immer 0 Stimmen`,
      en: `${labels.en.memberLevel[level]}: no vote under votingLevels; the condition always counts 0 votes there`,
    });
  }
  walk(rules.quorum, ['quorum'], undefined);
  const kinds = Object.keys(rules.motions) as (keyof typeof rules.motions)[];
  if (kinds.length === 0) {
    out.push({ code: 'no-motions', path: ['motions'], de: 'Keine Antragsart definiert', en: 'No motion kind defined' });
  }
  for (const kind of kinds) {
    const motion = rules.motions[kind];
    if (motion) walk(motion.rule, ['motions', kind, 'rule'], undefined);
  }
  (rules.writtenProcedure?.motionKinds ?? []).forEach((kind, i) => {
    if (rules.motions[kind] === undefined) {
      out.push({
        code: 'written-kind-undefined',
        path: ['writtenProcedure', 'motionKinds', i],
        de: `Schriftliches Verfahren für ${kind}, aber keine Regel für diese Antragsart`,
        en: `Written procedure for ${kind}, but no rule for that motion kind`,
      });
    }
  });
  return out;
}
