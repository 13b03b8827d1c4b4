import type { LocalizedText } from '@foederal/core';
import type { Language } from '@foederal/core';
import { MembershipError } from './errors.js';
import type { StateCode } from './identifiers.js';
import { koenigsteinTableFor, scaledShares } from './koenigstein.js';
import type { KoenigsteinTable } from './koenigstein-data.js';
import type { Condition, Ratio, RulesOfProcedure, VoteBase } from './rules.js';
import { parseDecisionScenario, resolveRules } from './scenario.js';
import type { DecisionCount, DecisionReason, DecisionResult, DecisionScenario, DecisionScenarioInput, Voter } from './scenario.js';
import { label, labels, memberLevelSchema } from './vocabulary.js';
import type { BallotOption, CountOption, MemberLevel } from './vocabulary.js';

/** Options of {@link evaluateDecision}. @example const o: EvaluateOptions = { koenigsteinTables: [table2024] }; */
export interface EvaluateOptions {
  /** Königsteiner Schlüssel tables to use instead of the shipped ones. */
  readonly koenigsteinTables?: readonly KoenigsteinTable[];
}

interface Tally {
  members: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

interface Context {
  readonly all: Tally;
  readonly byLevel: Map<MemberLevel, Tally>;
  readonly voters: readonly Voter[];
  readonly ballots: Readonly<Record<string, BallotOption>>;
  readonly weights: () => KoenigsteinTable;
}

function emptyTally(): Tally {
  return { members: 0, present: 0, yes: 0, no: 0, abstain: 0 };
}

function fraction(r: Ratio): string {
  return `${r.numerator}/${r.denominator}`;
}

function percent(value: number, lang: Language): string {
  const s = value.toFixed(2);
  return lang === 'de' ? `${s.replace('.', ',')} %` : `${s} %`;
}

/** `value/base` compared with `ratio`, exactly in integers; a base of 0 never satisfies. */
function meets(value: number, base: number, ratio: Ratio, strict: boolean): boolean {
  if (base <= 0) return false;
  const left = value * ratio.denominator;
  const right = ratio.numerator * base;
  return strict ? left > right : left >= right;
}

function baseText(of: VoteBase, n: number): Required<LocalizedText> {
  const one = n === 1;
  switch (of) {
    case 'members':
      return { de: one ? 'stimmberechtigten Mitglied' : 'stimmberechtigten Mitgliedern', en: one ? 'voting member' : 'voting members' };
    case 'present':
      return { de: 'anwesenden Stimmberechtigten', en: one ? 'voting member present' : 'voting members present' };
    case 'ballots':
      return { de: one ? 'abgegebenen Stimme' : 'abgegebenen Stimmen', en: one ? 'vote cast' : 'votes cast' };
    case 'yesAndNo':
      return { de: 'Ja- und Nein-Stimmen', en: 'yes and no votes' };
  }
}

function baseOf(t: Tally, of: VoteBase): number {
  switch (of) {
    case 'members':
      return t.members;
    case 'present':
      return t.present;
    case 'ballots':
      return t.yes + t.no + t.abstain;
    case 'yesAndNo':
      return t.yes + t.no;
  }
}

function line(code: string, ok: boolean, scope: MemberLevel | undefined, de: string, en: string): DecisionReason {
  const pde = scope ? `${labels.de.memberLevel[scope]}: ` : '';
  const pen = scope ? `${labels.en.memberLevel[scope]}: ` : '';
  return {
    code,
    satisfied: ok,
    de: `${pde}${de} – ${ok ? 'erfüllt' : 'nicht erfüllt'}`,
    en: `${pen}${en} – ${ok ? 'met' : 'not met'}`,
  };
}

function check(cond: Condition, ctx: Context, scope: MemberLevel | undefined, out: DecisionReason[]): boolean {
  const t = scope === undefined ? ctx.all : (ctx.byLevel.get(scope) ?? emptyTally());
  switch (cond.kind) {
    case 'always':
      out.push({ code: 'always', satisfied: true, de: 'keine Voraussetzung', en: 'no requirement' });
      return true;
    case 'all': {
      let ok = true;
      for (const c of cond.conditions) ok = check(c, ctx, scope, out) && ok;
      return ok;
    }
    case 'any': {
      const inner: DecisionReason[] = [];
      let ok = false;
      for (const c of cond.conditions) ok = check(c, ctx, scope, inner) || ok;
      out.push({
        code: 'any',
        satisfied: ok,
        de: `mindestens eine der folgenden ${cond.conditions.length} Bedingungen – ${ok ? 'erfüllt' : 'nicht erfüllt'}`,
        en: `at least one of the following ${cond.conditions.length} conditions – ${ok ? 'met' : 'not met'}`,
      });
      out.push(...inner);
      return ok;
    }
    case 'atLevel':
      return check(cond.condition, ctx, cond.level, out);
    case 'forEachLevel': {
      let ok = true;
      for (const level of cond.levels) ok = check(cond.condition, ctx, level, out) && ok;
      return ok;
    }
    case 'presentShare': {
      const ok = meets(t.present, t.members, cond.ratio, cond.strict);
      const q = cond.strict ? 'mehr als' : 'mindestens';
      const qe = cond.strict ? 'more than' : 'at least';
      out.push(
        line(
          'present-share',
          ok,
          scope,
          `${t.present} von ${t.members} ${baseText('members', t.members).de} anwesend (${q} ${fraction(cond.ratio)} erforderlich)`,
          `${t.present} of ${t.members} ${baseText('members', t.members).en} present (${qe} ${fraction(cond.ratio)} required)`,
        ),
      );
      return ok;
    }
    case 'presentAtLeast': {
      const ok = t.present >= cond.count;
      out.push(
        line(
          'present-at-least',
          ok,
          scope,
          `${t.present} ${t.present === 1 ? 'stimmberechtigtes Mitglied' : 'stimmberechtigte Mitglieder'} anwesend (mindestens ${cond.count} erforderlich)`,
          `${t.present} ${t.present === 1 ? 'voting member' : 'voting members'} present (at least ${cond.count} required)`,
        ),
      );
      return ok;
    }
    case 'yesShare': {
      const base = baseOf(t, cond.of);
      const ok = meets(t.yes, base, cond.ratio, cond.strict);
      const q = cond.strict ? 'mehr als' : 'mindestens';
      const qe = cond.strict ? 'more than' : 'at least';
      out.push(
        line(
          'yes-share',
          ok,
          scope,
          `${t.yes} Ja von ${base} ${baseText(cond.of, base).de} (${q} ${fraction(cond.ratio)} erforderlich)`,
          `${t.yes} yes of ${base} ${baseText(cond.of, base).en} (${qe} ${fraction(cond.ratio)} required)`,
        ),
      );
      return ok;
    }
    case 'yesAtLeast': {
      const ok = t.yes >= cond.count;
      out.push(
        line(
          'yes-at-least',
          ok,
          scope,
          `${t.yes} Ja (mindestens ${cond.count} erforderlich)`,
          `${t.yes} yes (at least ${cond.count} required)`,
        ),
      );
      return ok;
    }
    case 'yesVersusNo': {
      const ok = cond.strict ? t.yes > t.no : t.yes >= t.no;
      out.push(
        line(
          'yes-versus-no',
          ok,
          scope,
          `${t.yes} Ja, ${t.no} Nein (${cond.strict ? 'mehr Ja als Nein' : 'mindestens so viele Ja wie Nein'} erforderlich)`,
          `${t.yes} yes, ${t.no} no (${cond.strict ? 'more yes than no' : 'at least as many yes as no'} required)`,
        ),
      );
      return ok;
    }
    case 'unanimity': {
      const base = baseOf(t, cond.of);
      const ok = base > 0 && t.yes === base;
      out.push(
        line(
          'unanimity',
          ok,
          scope,
          `${t.yes} Ja von ${base} ${baseText(cond.of, base).de} (Einstimmigkeit erforderlich)`,
          `${t.yes} yes of ${base} ${baseText(cond.of, base).en} (unanimity required)`,
        ),
      );
      return ok;
    }
    case 'weightedYesShare': {
      const table = ctx.weights();
      const scaled = scaledShares(table);
      const yesStates = new Set<StateCode>();
      const memberStates = new Set<StateCode>();
      for (const v of ctx.voters) {
        if (v.level !== 'state' || !v.votingRight || v.state === undefined) continue;
        memberStates.add(v.state);
        if (ctx.ballots[v.id] === 'yes') yesStates.add(v.state);
      }
      let yes = 0;
      for (const s of yesStates) yes += scaled.get(s) ?? 0;
      let base = 0;
      for (const [s, w] of scaled) if (cond.of === 'table' || memberStates.has(s)) base += w;
      const ok = meets(yes, base, cond.ratio, cond.strict);
      const share = base > 0 ? (yes / base) * 100 : 0;
      const q = cond.strict ? 'mehr als' : 'mindestens';
      const qe = cond.strict ? 'more than' : 'at least';
      const of = cond.of === 'table' ? 'aller Länder' : 'der stimmberechtigten Länder';
      const ofEn = cond.of === 'table' ? 'of all Länder' : 'of the voting Länder';
      out.push(
        line(
          'weighted-yes-share',
          ok,
          undefined,
          `${yesStates.size} Länder mit Ja tragen ${percent(share, 'de')} der Anteile ${of} nach dem Königsteiner Schlüssel ${table.year} (${q} ${fraction(cond.ratio)} erforderlich)`,
          `${yesStates.size} Länder voting yes hold ${percent(share, 'en')} of the shares ${ofEn} under the Königstein key ${table.year} (${qe} ${fraction(cond.ratio)} required)`,
        ),
      );
      return ok;
    }
  }
}

function validate(s: DecisionScenario, rules: RulesOfProcedure): Map<string, Voter> {
  const byId = new Map<string, Voter>();
  s.members.forEach((m, i) => {
    if (byId.has(m.id)) {
      throw new MembershipError('duplicate-member', `Mitglied „${m.id}“ ist doppelt aufgeführt / member "${m.id}" is listed twice`, {
        path: ['members', i, 'id'],
        memberId: m.id,
      });
    }
    byId.set(m.id, m);
    if (m.votingRight && !rules.votingLevels.includes(m.level)) {
      throw new MembershipError(
        'voting-level-not-allowed',
        `Mitglied „${m.id}“ (${labels.de.memberLevel[m.level]}) darf nach diesen Regeln nicht stimmen / member "${m.id}" (${labels.en.memberLevel[m.level]}) may not vote under these rules`,
        { path: ['members', i, 'votingRight'], memberId: m.id },
      );
    }
  });
  const perState = new Map<string, number>();
  const perLevel = new Map<MemberLevel, number>();
  s.members.forEach((m, i) => {
    if (!m.votingRight) return;
    const levelCount = (perLevel.get(m.level) ?? 0) + 1;
    perLevel.set(m.level, levelCount);
    const max = rules.seats?.votingPerLevel?.[m.level]?.max;
    if (max !== undefined && levelCount > max) {
      throw new MembershipError(
        'too-many-voting-seats',
        `Mitglied „${m.id}“: mehr als ${max} Stimmen für ${labels.de.memberLevel[m.level]} / member "${m.id}": more than ${max} voting seats for ${labels.en.memberLevel[m.level]}`,
        { path: ['members', i], memberId: m.id },
      );
    }
    if (m.level === 'state' && m.state !== undefined) {
      const count = (perState.get(m.state) ?? 0) + 1;
      perState.set(m.state, count);
      const limit = rules.seats?.votingPerState;
      if (limit !== undefined && count > limit) {
        throw new MembershipError(
          'too-many-voting-seats',
          `Mitglied „${m.id}“: ${m.state} hat schon ${limit} Stimme(n) / member "${m.id}": ${m.state} already has ${limit} voting seat(s)`,
          { path: ['members', i], memberId: m.id },
        );
      }
    }
  });
  const written = (s.procedure ?? 'meeting') === 'written';
  for (const [id] of Object.entries(s.ballots ?? {})) {
    const m = byId.get(id);
    if (!m) {
      throw new MembershipError('unknown-member', `Stimme von unbekanntem Mitglied „${id}“ / ballot from unknown member "${id}"`, {
        path: ['ballots', id],
        memberId: id,
      });
    }
    if (written) {
      throw new MembershipError(
        'ballots-in-written-procedure',
        `Stimme von „${id}“ im schriftlichen Verfahren; dort zählen nur Widersprüche / ballot from "${id}" in a written procedure, which only takes objections`,
        { path: ['ballots', id], memberId: id },
      );
    }
    if (!m.votingRight) {
      throw new MembershipError('ballot-from-non-voting-member', `Stimme von „${id}“ ohne Stimmrecht / ballot from "${id}", who has no vote`, {
        path: ['ballots', id],
        memberId: id,
      });
    }
    if (!m.present) {
      throw new MembershipError('ballot-from-absent-member', `Stimme von „${id}“, das nicht anwesend ist / ballot from "${id}", who is absent`, {
        path: ['ballots', id],
        memberId: id,
      });
    }
  }
  (s.objections ?? []).forEach((id, i) => {
    if (!byId.has(id)) {
      throw new MembershipError('unknown-member', `Widerspruch von unbekanntem Mitglied „${id}“ / objection from unknown member "${id}"`, {
        path: ['objections', i],
        memberId: id,
      });
    }
    if (!written) {
      throw new MembershipError(
        'objections-in-meeting',
        `Widerspruch von „${id}“ in einer Sitzung; Widersprüche gibt es nur im schriftlichen Verfahren / objection from "${id}" in a meeting`,
        { path: ['objections', i], memberId: id },
      );
    }
  });
  if (rules.motions[s.motion.kind] === undefined) {
    const known = Object.keys(rules.motions).join(', ');
    throw new MembershipError(
      'unknown-motion-kind',
      `Die Regeln „${rules.id}“ kennen keine Anträge der Art ${s.motion.kind} (bekannt: ${known}) / rules "${rules.id}" have no rule for motion kind ${s.motion.kind}`,
      { path: ['motion', 'kind'] },
    );
  }
  if (written) {
    const wp = rules.writtenProcedure;
    if (wp === undefined || (wp.motionKinds !== undefined && !wp.motionKinds.includes(s.motion.kind))) {
      throw new MembershipError(
        'written-procedure-not-allowed',
        `Die Regeln „${rules.id}“ sehen für ${s.motion.kind} kein schriftliches Verfahren vor / rules "${rules.id}" allow no written procedure for ${s.motion.kind}`,
        { path: ['procedure'] },
      );
    }
    if (s.deadline === undefined) {
      throw new MembershipError('missing-deadline', 'Schriftliches Verfahren ohne Frist / written procedure without a deadline', {
        path: ['deadline'],
      });
    }
  }
  return byId;
}

function levelsInOrder(voters: readonly Voter[]): MemberLevel[] {
  const present = new Set(voters.filter((v) => v.votingRight).map((v) => v.level));
  return memberLevelSchema.options.filter((l) => present.has(l));
}

function countsOf(tallies: Array<[MemberLevel | undefined, Record<CountOption, number>]>): DecisionCount[] {
  const out: DecisionCount[] = [];
  for (const [level, values] of tallies) {
    for (const option of ['yes', 'no', 'abstain', 'absent', 'not voting'] as const) {
      out.push(
        level === undefined
          ? { option, value: values[option] }
          : { option, value: values[option], group: { id: level, name: labels.de.memberLevel[level] } },
      );
    }
  }
  return out;
}

function tallyText(level: MemberLevel | undefined, v: Record<CountOption, number>): DecisionReason {
  const pde = level ? labels.de.memberLevel[level] : 'Insgesamt';
  const pen = level ? labels.en.memberLevel[level] : 'Overall';
  return {
    code: 'tally',
    de: `${pde}: ${v.yes} Ja, ${v.no} Nein, ${v.abstain} Enthaltung${v.abstain === 1 ? '' : 'en'}, ${v['not voting']} nicht abgestimmt, ${v.absent} abwesend`,
    en: `${pen}: ${v.yes} yes, ${v.no} no, ${v.abstain} abstain, ${v['not voting']} not voting, ${v.absent} absent`,
  };
}

/**
 * Decide a motion under a body's rules of procedure. Takes exactly the JSON scenario format of the
 * shared scenario folder (`rules` is a preset id or a full rules object) and returns
 * `{ result, quorate, counts, reasons }`: counts per option overall and per level (Popolo `option`,
 * `value`, `group`), reasons in German and English.
 *
 * A meeting passes when it is quorate and the motion's rule is met. A written procedure fails on
 * any objection by a voting member, is `pending` up to and including the deadline, and passes
 * after it. Invalid scenarios throw a {@link MembershipError} naming the offending member
 * (`unknown-member`, `ballot-from-absent-member`, `ballot-from-non-voting-member`,
 * `unknown-option`, `too-many-voting-seats`, `unknown-preset`, …).
 *
 * @example
 * const { result, reasons } = evaluateDecision({
 *   rules: 'amev-style-working-group',
 *   motion: { kind: 'procedural' },
 *   date: '2027-02-10',
 *   members: [{ id: 'bund', level: 'federal', votingRight: true, present: true }],
 *   ballots: { bund: 'yes' },
 * });
 */
export function evaluateDecision(input: DecisionScenarioInput, options?: EvaluateOptions): DecisionResult;
/** Decide a motion given as untyped JSON (validated first). @example evaluateDecision(JSON.parse(text)); */
export function evaluateDecision(input: unknown, options?: EvaluateOptions): DecisionResult;
export function evaluateDecision(input: unknown, options: EvaluateOptions = {}): DecisionResult {
  const s = parseDecisionScenario(input);
  const rules = resolveRules(s.rules, ['rules']);
  const byId = validate(s, rules);
  const ballots = s.ballots ?? {};
  const procedure = s.procedure ?? 'meeting';
  const motionRule = rules.motions[s.motion.kind];
  if (!motionRule) {
    // validate() has already rejected this; kept so the type narrows without a cast
    throw new MembershipError('unknown-motion-kind', `Keine Regel für ${s.motion.kind} / no rule for ${s.motion.kind}`, { path: ['motion', 'kind'] });
  }

  const motionLine: DecisionReason = {
    code: 'motion',
    de: `${label('de', 'motionKind', s.motion.kind)} im Verfahren „${label('de', 'procedure', procedure)}“ nach den Regeln „${rules.name.de}“ am ${s.date}`,
    en: `${label('en', 'motionKind', s.motion.kind)} by ${label('en', 'procedure', procedure)} under the rules "${rules.name.en}" on ${s.date}`,
  };
  const levels = levelsInOrder(s.members);

  if (procedure === 'written') {
    const deadline = s.deadline ?? s.date;
    const objectors = new Set<string>();
    const ignored = new Set<string>();
    for (const id of s.objections ?? []) {
      if (byId.get(id)?.votingRight) objectors.add(id);
      else ignored.add(id);
    }
    const passed = s.date > deadline;
    const result = objectors.size > 0 ? 'fail' : passed ? 'pass' : 'pending';
    const values = (level: MemberLevel | undefined): Record<CountOption, number> => {
      const voters = s.members.filter((m) => m.votingRight && (level === undefined || m.level === level));
      const no = voters.filter((m) => objectors.has(m.id)).length;
      const rest = voters.length - no;
      return { yes: passed ? rest : 0, no, abstain: 0, absent: 0, 'not voting': passed ? 0 : rest };
    };
    const tallies: Array<[MemberLevel | undefined, Record<CountOption, number>]> = [
      [undefined, values(undefined)],
      ...levels.map((l): [MemberLevel, Record<CountOption, number>] => [l, values(l)]),
    ];
    const reasons: DecisionReason[] = [motionLine];
    reasons.push({
      code: 'objections',
      satisfied: objectors.size === 0,
      de:
        objectors.size === 0
          ? 'Kein Widerspruch eines stimmberechtigten Mitglieds'
          : `Widerspruch stimmberechtigter Mitglieder: ${[...objectors].join(', ')}`,
      en:
        objectors.size === 0
          ? 'No objection by a voting member'
          : `Objections by voting members: ${[...objectors].join(', ')}`,
    });
    if (ignored.size > 0) {
      reasons.push({
        code: 'objections-ignored',
        de: `Widerspruch ohne Stimmrecht zählt nicht: ${[...ignored].join(', ')}`,
        en: `Objections without a vote do not count: ${[...ignored].join(', ')}`,
      });
    }
    reasons.push({
      code: 'deadline',
      satisfied: passed,
      de: passed ? `Frist ${deadline} abgelaufen` : `Frist ${deadline} läuft noch`,
      en: passed ? `Deadline ${deadline} has passed` : `Deadline ${deadline} has not passed yet`,
    });
    reasons.push({
      code: 'outcome',
      de: `Ergebnis: ${label('de', 'decisionOutcome', result)}`,
      en: `Result: ${label('en', 'decisionOutcome', result)}`,
    });
    return { result, quorate: true, counts: countsOf(tallies), reasons };
  }

  const all = emptyTally();
  const byLevel = new Map<MemberLevel, Tally>();
  const values = new Map<MemberLevel | undefined, Record<CountOption, number>>();
  const valuesFor = (level: MemberLevel | undefined): Record<CountOption, number> => {
    let v = values.get(level);
    if (!v) {
      v = { yes: 0, no: 0, abstain: 0, absent: 0, 'not voting': 0 };
      values.set(level, v);
    }
    return v;
  };
  for (const m of s.members) {
    if (!m.votingRight) continue;
    let t = byLevel.get(m.level);
    if (!t) {
      t = emptyTally();
      byLevel.set(m.level, t);
    }
    const ballot = ballots[m.id];
    const option: CountOption = !m.present ? 'absent' : (ballot ?? 'not voting');
    for (const target of [all, t]) {
      target.members += 1;
      if (m.present) target.present += 1;
      if (ballot !== undefined) target[ballot] += 1;
    }
    valuesFor(undefined)[option] += 1;
    valuesFor(m.level)[option] += 1;
  }
  let table: KoenigsteinTable | undefined;
  const ctx: Context = {
    all,
    byLevel,
    voters: s.members,
    ballots,
    weights: () =>
      (table ??= koenigsteinTableFor({ date: s.date, year: s.koenigsteinYear, tables: options.koenigsteinTables })),
  };
  const quorumReasons: DecisionReason[] = [];
  const quorate = check(rules.quorum, ctx, undefined, quorumReasons);
  const reasons: DecisionReason[] = [motionLine];
  reasons.push({
    code: quorate ? 'quorate' : 'not-quorate',
    satisfied: quorate,
    de: quorate ? 'Beschlussfähig' : 'Nicht beschlussfähig',
    en: quorate ? 'Quorate' : 'Not quorate',
  });
  reasons.push(...quorumReasons.map((r) => ({ ...r, code: `quorum-${r.code}` })));
  const tallies: Array<[MemberLevel | undefined, Record<CountOption, number>]> = [
    [undefined, valuesFor(undefined)],
    ...levels.map((l): [MemberLevel, Record<CountOption, number>] => [l, valuesFor(l)]),
  ];
  for (const [level, v] of tallies) reasons.push(tallyText(level, v));
  let pass = false;
  if (quorate) {
    const ruleReasons: DecisionReason[] = [];
    pass = check(motionRule.rule, ctx, undefined, ruleReasons);
    reasons.push(...ruleReasons.map((r) => ({ ...r, code: `rule-${r.code}` })));
  }
  const result = pass ? 'pass' : 'fail';
  reasons.push({
    code: 'outcome',
    de: `Ergebnis: ${label('de', 'decisionOutcome', result)}${quorate ? '' : ' (nicht beschlussfähig)'}`,
    en: `Result: ${label('en', 'decisionOutcome', result)}${quorate ? '' : ' (not quorate)'}`,
  });
  return { result, quorate, counts: countsOf(tallies), reasons };
}
