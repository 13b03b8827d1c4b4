import type { Language, LocalizedText } from '@foederal/core';
import * as z from 'zod/mini';

export type { Language, LocalizedText };

/**
 * Levels of the German state (DCAT-AP.de political geocoding levels).
 *
 * @example
 * jurisdictionLevelSchema.parse('state'); // 'state'
 */
export const jurisdictionLevelSchema = z.enum(['federal', 'state', 'administrativeDistrict', 'municipality']);
/** A level of the German state. @example const l: JurisdictionLevel = 'municipality'; */
export type JurisdictionLevel = z.infer<typeof jurisdictionLevelSchema>;

/**
 * The group a member belongs to when votes are counted: a level of the state, or a non-state
 * sector (science, industry, civil society). Kommunale Spitzenverbände count as `municipality`.
 * These are the `level` values of the decision scenario format.
 *
 * @example
 * memberLevelSchema.parse('civil-society');
 */
export const memberLevelSchema = z.enum([
  'federal',
  'state',
  'administrativeDistrict',
  'municipality',
  'science',
  'industry',
  'civil-society',
]);
/** Level or sector of a member. @example const l: MemberLevel = 'science'; */
export type MemberLevel = z.infer<typeof memberLevelSchema>;

/**
 * Kinds of jurisdiction: a government body at some level, a kommunaler Spitzenverband, or a
 * non-state participant.
 *
 * @example
 * jurisdictionKindSchema.parse('municipal-umbrella-association');
 */
export const jurisdictionKindSchema = z.enum([
  'government',
  'municipal-umbrella-association',
  'science',
  'industry',
  'civil-society',
]);
/** Kind of jurisdiction. @example const k: JurisdictionKind = 'government'; */
export type JurisdictionKind = z.infer<typeof jurisdictionKindSchema>;

/** Organs of a body. @example organizationClassificationSchema.parse('working-group'); */
export const organizationClassificationSchema = z.enum(['plenum', 'chair', 'secretariat', 'working-group']);
/** Organ of a body. @example const c: OrganizationClassification = 'plenum'; */
export type OrganizationClassification = z.infer<typeof organizationClassificationSchema>;

/** Kinds of membership. @example membershipKindSchema.parse('advisory'); */
export const membershipKindSchema = z.enum(['voting', 'advisory', 'guest']);
/** Kind of membership. @example const k: MembershipKind = 'voting'; */
export type MembershipKind = z.infer<typeof membershipKindSchema>;

/** Roles inside an organ (`lead` is the Obmann of a working group). @example membershipRoleSchema.parse('lead'); */
export const membershipRoleSchema = z.enum(['member', 'chair', 'deputy-chair', 'lead', 'deputy']);
/** Role inside an organ. @example const r: MembershipRole = 'lead'; */
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

/** Kinds of motion a body decides on. @example motionKindSchema.parse('binding-decision'); */
export const motionKindSchema = z.enum(['recommendation', 'binding-decision', 'procedural', 'decision']);
/** Kind of motion. @example const k: MotionKind = 'recommendation'; */
export type MotionKind = z.infer<typeof motionKindSchema>;

/** How a decision is taken: in a meeting or in writing (Umlaufverfahren). @example procedureSchema.parse('written'); */
export const procedureSchema = z.enum(['meeting', 'written']);
/** Decision procedure. @example const p: Procedure = 'meeting'; */
export type Procedure = z.infer<typeof procedureSchema>;

/** Ballot options a member may cast. @example ballotOptionSchema.parse('abstain'); */
export const ballotOptionSchema = z.enum(['yes', 'no', 'abstain']);
/** Ballot option. @example const o: BallotOption = 'yes'; */
export type BallotOption = z.infer<typeof ballotOptionSchema>;

/** Options reported in counts (Popolo vote options). @example countOptionSchema.parse('not voting'); */
export const countOptionSchema = z.enum(['yes', 'no', 'abstain', 'absent', 'not voting']);
/** Count option. @example const o: CountOption = 'absent'; */
export type CountOption = z.infer<typeof countOptionSchema>;

/** Outcomes of a decision. @example decisionOutcomeSchema.parse('pending'); */
export const decisionOutcomeSchema = z.enum(['pass', 'fail', 'pending']);
/** Outcome of a decision. @example const r: DecisionOutcome = 'pass'; */
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

/** A level that may hold the chair. @example const c: ChairLevel = 'municipality'; */
export type ChairLevel = 'federal' | 'state' | 'municipality';

const de = {
  jurisdictionLevel: {
    federal: 'Bund',
    state: 'Länder',
    administrativeDistrict: 'Kreise',
    municipality: 'Kommunen',
  },
  memberLevel: {
    federal: 'Bund',
    state: 'Länder',
    administrativeDistrict: 'Kreise',
    municipality: 'Kommunen',
    science: 'Wissenschaft',
    industry: 'Wirtschaft',
    'civil-society': 'Zivilgesellschaft',
  },
  jurisdictionKind: {
    government: 'Gebietskörperschaft',
    'municipal-umbrella-association': 'Kommunaler Spitzenverband',
    science: 'Wissenschaft',
    industry: 'Wirtschaft',
    'civil-society': 'Zivilgesellschaft',
  },
  organizationClassification: {
    plenum: 'Plenum',
    chair: 'Vorsitz',
    secretariat: 'Geschäftsstelle',
    'working-group': 'Arbeitsgruppe',
  },
  membershipKind: { voting: 'stimmberechtigt', advisory: 'beratend', guest: 'Gast' },
  membershipRole: {
    member: 'Mitglied',
    chair: 'Vorsitz',
    'deputy-chair': 'stellvertretender Vorsitz',
    lead: 'Obmann/Obfrau',
    deputy: 'Stellvertretung',
  },
  motionKind: {
    recommendation: 'Empfehlung',
    'binding-decision': 'verbindlicher Beschluss',
    procedural: 'Geschäftsordnungsantrag',
    decision: 'Beschluss',
  },
  procedure: { meeting: 'Sitzung', written: 'schriftliches Verfahren (Umlaufverfahren)' },
  ballotOption: { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung' },
  countOption: { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung', absent: 'abwesend', 'not voting': 'nicht abgestimmt' },
  decisionOutcome: { pass: 'angenommen', fail: 'abgelehnt', pending: 'offen' },
  chairLevel: { federal: 'Bund', state: 'Länder', municipality: 'Kommunen' },
  voteBase: {
    members: 'stimmberechtigte Mitglieder',
    present: 'anwesende Stimmberechtigte',
    ballots: 'abgegebene Stimmen (Ja, Nein, Enthaltung)',
    yesAndNo: 'Ja- und Nein-Stimmen',
  },
  conditionKind: {
    always: 'keine Voraussetzung',
    all: 'alle Bedingungen',
    any: 'mindestens eine Bedingung',
    atLevel: 'auf einer Ebene',
    forEachLevel: 'auf jeder Ebene',
    presentShare: 'Anteil der Anwesenden',
    presentAtLeast: 'Mindestzahl Anwesender',
    yesShare: 'Anteil der Ja-Stimmen',
    yesAtLeast: 'Mindestzahl Ja-Stimmen',
    yesVersusNo: 'Ja gegen Nein',
    unanimity: 'Einstimmigkeit',
    weightedYesShare: 'gewichteter Ja-Anteil (Königsteiner Schlüssel)',
  },
  laenderCostMode: {
    participants: 'unter den teilnehmenden Ländern',
    all: 'über alle Länder',
  },
  costShareBasis: {
    federal: 'Anteil des Bundes',
    fixed: 'fester Anteil',
    koenigstein: 'Königsteiner Schlüssel',
    none: 'kein Anteil',
  },
  compositionViolation: {
    'duplicate-member': 'Mitglied doppelt aufgeführt',
    'state-missing': 'Land fehlt',
    'voting-level-not-allowed': 'Stimmrecht auf dieser Ebene nicht vorgesehen',
    'state-seat-limit-exceeded': 'zu viele Stimmen für ein Land',
    'level-seats-below-minimum': 'zu wenige Stimmen auf einer Ebene',
    'level-seats-above-maximum': 'zu viele Stimmen auf einer Ebene',
    'unknown-deputy': 'Stellvertretung für unbekanntes Mitglied',
    'deputy-of-deputy': 'Stellvertretung einer Stellvertretung',
    'deputy-level-mismatch': 'Stellvertretung aus anderer Ebene oder anderem Land',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: { readonly [L in keyof T[K]]: string } };

/** Shape of a label table; the German table is the type source. @example const t: LabelTable = labels.en; */
export type LabelTable = Widen<typeof de>;

const en: LabelTable = {
  jurisdictionLevel: {
    federal: 'federal',
    state: 'states (Länder)',
    administrativeDistrict: 'districts',
    municipality: 'municipalities',
  },
  memberLevel: {
    federal: 'federal',
    state: 'states (Länder)',
    administrativeDistrict: 'districts',
    municipality: 'municipalities',
    science: 'science',
    industry: 'industry',
    'civil-society': 'civil society',
  },
  jurisdictionKind: {
    government: 'government',
    'municipal-umbrella-association': 'municipal umbrella association',
    science: 'science',
    industry: 'industry',
    'civil-society': 'civil society',
  },
  organizationClassification: {
    plenum: 'plenum',
    chair: 'chair',
    secretariat: 'secretariat',
    'working-group': 'working group',
  },
  membershipKind: { voting: 'voting', advisory: 'advisory', guest: 'guest' },
  membershipRole: {
    member: 'member',
    chair: 'chair',
    'deputy-chair': 'deputy chair',
    lead: 'working group lead (Obmann)',
    deputy: 'deputy',
  },
  motionKind: {
    recommendation: 'recommendation',
    'binding-decision': 'binding decision',
    procedural: 'procedural motion',
    decision: 'decision',
  },
  procedure: { meeting: 'meeting', written: 'written procedure' },
  ballotOption: { yes: 'yes', no: 'no', abstain: 'abstain' },
  countOption: { yes: 'yes', no: 'no', abstain: 'abstain', absent: 'absent', 'not voting': 'not voting' },
  decisionOutcome: { pass: 'passed', fail: 'failed', pending: 'pending' },
  chairLevel: { federal: 'federal', state: 'states (Länder)', municipality: 'municipalities' },
  voteBase: {
    members: 'voting members',
    present: 'voting members present',
    ballots: 'votes cast (yes, no, abstain)',
    yesAndNo: 'yes and no votes',
  },
  conditionKind: {
    always: 'no requirement',
    all: 'all conditions',
    any: 'at least one condition',
    atLevel: 'within one level',
    forEachLevel: 'in each level',
    presentShare: 'share present',
    presentAtLeast: 'minimum present',
    yesShare: 'share of yes votes',
    yesAtLeast: 'minimum yes votes',
    yesVersusNo: 'yes against no',
    unanimity: 'unanimity',
    weightedYesShare: 'weighted yes share (Königstein key)',
  },
  laenderCostMode: {
    participants: 'among the participating Länder',
    all: 'over all Länder',
  },
  costShareBasis: {
    federal: 'federal share',
    fixed: 'fixed share',
    koenigstein: 'Königstein key',
    none: 'no share',
  },
  compositionViolation: {
    'duplicate-member': 'member listed twice',
    'state-missing': 'Land missing',
    'voting-level-not-allowed': 'no vote foreseen at this level',
    'state-seat-limit-exceeded': 'too many votes for one Land',
    'level-seats-below-minimum': 'too few votes at a level',
    'level-seats-above-maximum': 'too many votes at a level',
    'unknown-deputy': 'deputy for an unknown member',
    'deputy-of-deputy': 'deputy of a deputy',
    'deputy-level-mismatch': 'deputy from another level or Land',
  },
};

/**
 * German and English labels for every enum value of this package, as flat typed maps
 * (`de` is the type source, `en` is checked against it).
 *
 * @example
 * labels.de.memberLevel.municipality; // 'Kommunen'
 * labels.en.decisionOutcome.pass; // 'passed'
 */
export const labels: { readonly de: LabelTable; readonly en: LabelTable } = { de, en };

/**
 * The label of one enum value in a language.
 *
 * @example
 * label('de', 'ballotOption', 'abstain'); // 'Enthaltung'
 * label('en', 'ballotOption', 'abstain'); // 'abstain'
 */
export function label<G extends keyof LabelTable>(language: Language, group: G, value: keyof LabelTable[G]): string {
  return (labels[language][group] as Record<PropertyKey, string>)[value as PropertyKey] ?? String(value);
}
