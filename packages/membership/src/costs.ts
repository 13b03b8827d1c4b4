import * as z from 'zod/mini';
import { MembershipError, requireObject } from './errors.js';
import { isoDateSchema, stateCodeSchema, states } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import { koenigsteinTableFor, scaledShares } from './koenigstein.js';
import type { KoenigsteinTable } from './koenigstein-data.js';
import type { PresetId } from './presets.js';
import type { RulesOfProcedure } from './rules.js';
import { errorFromZod, resolveRules } from './scenario.js';
import { labels, memberLevelSchema } from './vocabulary.js';
import type { Language, LocalizedText, MemberLevel } from './vocabulary.js';

/**
 * A participant in a joint project: the Bund, a Land (with its ISO code), a Kommune or umbrella
 * association, or anyone else.
 *
 * @example
 * costParticipantSchema.parse({ id: 'de-by', level: 'state', state: 'DE-BY' });
 */
export const costParticipantSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    level: memberLevelSchema,
    state: z.optional(stateCodeSchema),
    name: z.optional(z.string()),
  })
  .check(
    z.refine((p) => p.level !== 'state' || p.state !== undefined, {
      error: 'Land ohne ISO-3166-2-Code / a Land needs its ISO 3166-2 code',
      path: ['state'],
    }),
  );
/** A participant. @example const p: CostParticipant = { id: 'bund', level: 'federal' }; */
export type CostParticipant = z.infer<typeof costParticipantSchema>;

const inputSchema = z.object({
  total: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  date: isoDateSchema,
  koenigsteinYear: z.optional(z.int()),
  participants: z.array(costParticipantSchema).check(z.maxLength(10_000)),
});

/** How a share was determined. @example const b: CostShareBasis = 'koenigstein'; */
export type CostShareBasis = 'federal' | 'fixed' | 'koenigstein' | 'none';

/** One part of the total. @example const s: CostShare = result.shares[0]!; */
export interface CostShare {
  readonly id: string;
  readonly level: MemberLevel;
  readonly state?: StateCode;
  /** Amount in euro cents. */
  readonly amount: number;
  readonly basis: CostShareBasis;
  /** True when the participant received one extra cent from rounding. */
  readonly roundedUp: boolean;
  /** Why this amount, in German and English. */
  readonly explanation: Required<LocalizedText>;
}

/** Result of {@link shareCosts}. @example const r: CostShareResult = shareCosts(input); */
export interface CostShareResult {
  /** Total in euro cents; the amounts of `shares` add up to it exactly. */
  readonly total: number;
  readonly currency: 'EUR';
  /** The Königsteiner Schlüssel table used, if any Land pays by key. */
  readonly table?: { readonly year: number; readonly source: string };
  readonly shares: readonly CostShare[];
  /** How the total was split, line by line, in German and English. */
  readonly explanation: readonly Required<LocalizedText>[];
}

/**
 * Format euro cents for people: `1.234,56 €` in German, `€1,234.56` in English (fractions of a
 * cent are cut off).
 *
 * @example
 * formatEuro('de', 123456); // '1.234,56 €'
 */
export function formatEuro(language: Language, cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100).toString();
  const rest = (abs % 100).toString().padStart(2, '0');
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'de' ? '.' : ',');
  const sign = negative ? '-' : '';
  return language === 'de' ? `${sign}${grouped},${rest} €` : `${sign}€${grouped}.${rest}`;
}

function pct(numerator: bigint, denominator: bigint, lang: Language): string {
  // two decimals, rounded half up
  const hundredths = denominator === 0n ? 0n : (numerator * 10_000n * 2n + denominator) / (2n * denominator);
  const s = `${hundredths / 100n}${lang === 'de' ? ',' : '.'}${(hundredths % 100n).toString().padStart(2, '0')} %`;
  return s;
}

function keyText(share: number, lang: Language): string {
  const s = share.toFixed(5);
  return lang === 'de' ? `${s.replace('.', ',')} %` : `${s} %`;
}

interface Party {
  readonly participant: CostParticipant;
  readonly basis: CostShareBasis;
  weight: bigint;
  key?: number;
}

/**
 * Split the costs of a joint project among its participants as the rules' `costSharing` says:
 * the Bund's fixed share, fixed shares of named Kommunen or umbrella associations, and the rest
 * among the Länder by a dated Königsteiner Schlüssel table (among participating Länder only,
 * renormalised, or over all Länder). If no Land carries the rest, the fixed shares are scaled up
 * to cover the total. Amounts are euro cents, rounded by the largest-remainder method so that they
 * add up exactly to the total; every share is explained in German and English. A participant not
 * listed (in `participants` mode) pays nothing.
 *
 * @example
 * const { shares } = shareCosts({
 *   total: 1_000_000_00,
 *   rules: 'amev-style-working-group',
 *   date: '2027-01-01',
 *   participants: [{ id: 'bund', level: 'federal' }, { id: 'by', level: 'state', state: 'DE-BY' }, { id: 'hb', level: 'state', state: 'DE-HB' }],
 * });
 */
export function shareCosts(input: {
  total: number;
  rules: PresetId | RulesOfProcedure | string;
  participants: readonly CostParticipant[];
  date: string;
  koenigsteinYear?: number;
  koenigsteinTables?: readonly KoenigsteinTable[];
}): CostShareResult {
  requireObject(input, 'shareCosts');
  const rules = resolveRules(input.rules, ['rules']);
  const parsed = inputSchema.safeParse({
    total: input.total,
    date: input.date,
    koenigsteinYear: input.koenigsteinYear,
    participants: input.participants,
  });
  if (!parsed.success) throw errorFromZod(parsed.error, 'invalid-input');
  const { total, date, participants } = parsed.data;
  const sharing = rules.costSharing;
  if (!sharing) {
    throw new MembershipError('invalid-cost-share', `Die Regeln „${rules.id}“ enthalten keine Kostenteilung / rules "${rules.id}" define no cost sharing`, {
      path: ['rules', 'costSharing'],
    });
  }
  const seenIds = new Set<string>();
  const seenStates = new Map<StateCode, string>();
  participants.forEach((p, i) => {
    if (seenIds.has(p.id)) {
      throw new MembershipError('invalid-cost-share', `Teilnehmer „${p.id}“ ist doppelt aufgeführt / participant "${p.id}" is listed twice`, {
        path: ['participants', i, 'id'],
        memberId: p.id,
      });
    }
    seenIds.add(p.id);
    if (p.level === 'state' && p.state !== undefined) {
      const other = seenStates.get(p.state);
      if (other !== undefined) {
        throw new MembershipError('invalid-cost-share', `${p.state} nimmt schon als „${other}“ teil: „${p.id}“ / ${p.state} already participates as "${other}": "${p.id}"`, {
          path: ['participants', i, 'state'],
          memberId: p.id,
        });
      }
      seenStates.set(p.state, p.id);
    }
  });

  const lines: Required<LocalizedText>[] = [];
  const ruleName = rules.name;
  lines.push({
    de: `Gesamtbetrag ${formatEuro('de', total)}, aufgeteilt nach der Kostenregel von „${ruleName.de}“ (Stand ${date})`,
    en: `Total ${formatEuro('en', total)}, split by the cost rule of "${ruleName.en}" (as of ${date})`,
  });

  const federal = participants.filter((p) => p.level === 'federal');
  const fixed = participants.filter((p) => sharing.fixedBasisPoints?.[p.id] !== undefined && p.level !== 'federal');
  // a Land with a fixed share pays that share only, not also by key
  const fixedIds = new Set(fixed.map((p) => p.id));
  const fixedBp = fixed.reduce((a, p) => a + (sharing.fixedBasisPoints?.[p.id] ?? 0), 0);
  const federalBp = federal.length > 0 ? sharing.federalBasisPoints : 0;
  const restBp = 10_000 - federalBp - fixedBp;

  let paying: CostParticipant[] = [];
  let table: KoenigsteinTable | undefined;
  if (restBp > 0) {
    if (sharing.laender === 'all') {
      paying = states
        .map((s): CostParticipant => participants.find((p) => p.level === 'state' && p.state === s.iso) ?? { id: s.iso, level: 'state', state: s.iso, name: s.name })
        .filter((p) => !fixedIds.has(p.id));
    } else {
      paying = participants.filter((p) => p.level === 'state' && !fixedIds.has(p.id));
    }
    if (paying.length > 0) table = koenigsteinTableFor({ date, year: input.koenigsteinYear, tables: input.koenigsteinTables });
  }
  const scaled = table ? scaledShares(table) : new Map<StateCode, number>();
  const K = paying.reduce((a, p) => a + BigInt(scaled.get(p.state as StateCode) ?? 0), 0n);

  const parties: Party[] = [];
  const nF = BigInt(Math.max(federal.length, 1));
  const landerCarry = paying.length > 0 && K > 0n;
  if (landerCarry) {
    // weights over the common denominator 10000·K·nF
    for (const p of federal) parties.push({ participant: p, basis: 'federal', weight: BigInt(federalBp) * K });
    for (const p of fixed) parties.push({ participant: p, basis: 'fixed', weight: BigInt(sharing.fixedBasisPoints?.[p.id] ?? 0) * K * nF });
    for (const p of paying) {
      const key = scaled.get(p.state as StateCode) ?? 0;
      parties.push({ participant: p, basis: 'koenigstein', weight: BigInt(restBp) * BigInt(key) * nF, key: table?.shares[p.state as StateCode] ?? 0 });
    }
  } else {
    for (const p of federal) parties.push({ participant: p, basis: 'federal', weight: BigInt(federalBp) });
    for (const p of fixed) parties.push({ participant: p, basis: 'fixed', weight: BigInt(sharing.fixedBasisPoints?.[p.id] ?? 0) * nF });
  }
  const D = parties.reduce((a, p) => a + p.weight, 0n);
  if (total > 0 && D === 0n) {
    throw new MembershipError(
      'invalid-cost-share',
      'Niemand trägt Kosten: weder der Bund noch ein Land noch ein fester Anteil nimmt teil / nobody carries the costs: no Bund, Land or fixed share participates',
      { path: ['participants'] },
    );
  }

  // Largest-remainder (Hamilton) rounding in exact integer arithmetic.
  const T = BigInt(total);
  const floors = parties.map((p) => (D === 0n ? 0n : (T * p.weight) / D));
  const remainders = parties.map((p, i) => (D === 0n ? 0n : T * p.weight - (floors[i] as bigint) * D));
  let leftover = T - floors.reduce((a, b) => a + b, 0n);
  const order = parties
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = parties[a]!.weight;
      const wb = parties[b]!.weight;
      if (wa !== wb) return wa > wb ? -1 : 1;
      return parties[a]!.participant.id < parties[b]!.participant.id ? -1 : 1;
    });
  const extra = new Set<number>();
  for (const i of order) {
    if (leftover <= 0n) break;
    extra.add(i);
    leftover -= 1n;
  }

  if (federal.length > 0) {
    lines.push({
      de: `Bund: fester Anteil ${pct(BigInt(federalBp), 10_000n, 'de')}${federal.length > 1 ? `, zu gleichen Teilen auf ${federal.length} Bundesstellen` : ''}${landerCarry || restBp === 0 ? '' : ' (auf die Gesamtsumme hochgerechnet, weil kein Land den Rest trägt)'}`,
      en: `Bund: fixed share ${pct(BigInt(federalBp), 10_000n, 'en')}${federal.length > 1 ? `, split equally among ${federal.length} federal participants` : ''}${landerCarry || restBp === 0 ? '' : ' (scaled up to the total because no Land carries the rest)'}`,
    });
  }
  if (landerCarry && table) {
    const mode = sharing.laender === 'all';
    lines.push({
      de: `Länder: ${pct(BigInt(restBp), 10_000n, 'de')} nach dem Königsteiner Schlüssel ${table.year} (${table.source}), ${mode ? 'über alle Länder' : `unter den ${paying.length} teilnehmenden Ländern auf 100 % umgerechnet`}`,
      en: `Länder: ${pct(BigInt(restBp), 10_000n, 'en')} by the Königstein key ${table.year} (${table.source}), ${mode ? 'over all Länder' : `renormalised to 100 % among the ${paying.length} participating Länder`}`,
    });
  }
  lines.push({
    de: 'Rundung auf Cent nach der Methode der größten Reste: die Teile ergeben genau den Gesamtbetrag',
    en: 'Rounded to cents by the largest-remainder method: the parts add up exactly to the total',
  });

  const byId = new Map<string, CostShare>();
  parties.forEach((party, i) => {
    const amount = Number((floors[i] as bigint) + (extra.has(i) ? 1n : 0n));
    const p = party.participant;
    const who = p.name ?? (p.level === 'state' && p.state ? (states.find((s) => s.iso === p.state)?.name ?? p.id) : p.id);
    const ofTotal = { de: pct(party.weight, D, 'de'), en: pct(party.weight, D, 'en') };
    const cent = extra.has(i) ? { de: ' (davon 1 Cent aus der Rundung)', en: ' (including 1 cent from rounding)' } : { de: '', en: '' };
    let explanation: Required<LocalizedText>;
    if (party.basis === 'koenigstein') {
      explanation = {
        de: `${who}: Schlüssel ${keyText(party.key ?? 0, 'de')} (Königsteiner Schlüssel ${table?.year}), ${ofTotal.de} des Gesamtbetrags = ${formatEuro('de', amount)}${cent.de}`,
        en: `${who}: key ${keyText(party.key ?? 0, 'en')} (Königstein key ${table?.year}), ${ofTotal.en} of the total = ${formatEuro('en', amount)}${cent.en}`,
      };
    } else if (party.basis === 'federal') {
      explanation = {
        de: `${who}: Anteil des Bundes, ${ofTotal.de} des Gesamtbetrags = ${formatEuro('de', amount)}${cent.de}`,
        en: `${who}: federal share, ${ofTotal.en} of the total = ${formatEuro('en', amount)}${cent.en}`,
      };
    } else {
      explanation = {
        de: `${who}: fester Anteil nach den Regeln, ${ofTotal.de} des Gesamtbetrags = ${formatEuro('de', amount)}${cent.de}`,
        en: `${who}: fixed share under the rules, ${ofTotal.en} of the total = ${formatEuro('en', amount)}${cent.en}`,
      };
    }
    byId.set(p.id, {
      id: p.id,
      level: p.level,
      ...(p.state === undefined ? {} : { state: p.state }),
      amount,
      basis: party.basis,
      roundedUp: extra.has(i),
      explanation,
    });
  });
  const shares: CostShare[] = [];
  for (const p of participants) {
    const share = byId.get(p.id);
    if (share) {
      shares.push(share);
      byId.delete(p.id);
    } else {
      shares.push({
        id: p.id,
        level: p.level,
        ...(p.state === undefined ? {} : { state: p.state }),
        amount: 0,
        basis: 'none',
        roundedUp: false,
        explanation: {
          de: `${p.name ?? p.id} (${labels.de.memberLevel[p.level]}): trägt nach den Regeln keinen Anteil = ${formatEuro('de', 0)}`,
          en: `${p.name ?? p.id} (${labels.en.memberLevel[p.level]}): carries no share under the rules = ${formatEuro('en', 0)}`,
        },
      });
    }
  }
  // Länder that pay because the rules say "all Länder" but were not listed.
  shares.push(...byId.values());
  return {
    total,
    currency: 'EUR',
    ...(table ? { table: { year: table.year, source: table.source } } : {}),
    shares,
    explanation: lines,
  };
}
