import { states } from './identifiers.js';
import type { ChairHolder, Condition, RulesOfProcedure } from './rules.js';

const half = { numerator: 1, denominator: 2 };
const twoThirds = { numerator: 2, denominator: 3 };
const governmentLevels = ['federal', 'state', 'municipality'] as const;

const simpleMajorityOfPresent: Condition = { kind: 'yesShare', of: 'present', ratio: half, strict: true };

/** Länder alternating with the Bund: BW, Bund, BY, Bund, … (alphabetical by German name). */
const alternatingBundLaender: ChairHolder[] = states.flatMap((s): ChairHolder[] => [s.iso, 'federal']);

/**
 * IT-Planungsrat (Art. 91c GG, IT-Staatsvertrag §§ 1-2; it-planungsrat.de): 17 voting members,
 * the Bund and one per Land; the kommunale Spitzenverbände advise. Binding decisions need the
 * Bund and at least 11 Länder that hold at least two thirds of the Länder shares under the
 * Königsteiner Schlüssel; recommendations need more yes votes than half the voting members present.
 * The chair alternates yearly between Bund and Länder, the Länder in alphabetical order of their
 * German names (Mecklenburg-Vorpommern 2025). No quorum rule is stated, so none is applied.
 * Joint costs (unverified default): the Bund half, all Länder the other half by the
 * Königsteiner Schlüssel.
 */
const itPlanungsrat: RulesOfProcedure = {
  id: 'it-planungsrat',
  name: { de: 'IT-Planungsrat', en: 'IT Planning Council' },
  source: {
    de: 'Art. 91c GG; IT-Staatsvertrag §§ 1-2; Geschäftsordnung des IT-Planungsrats (it-planungsrat.de)',
    en: 'Art. 91c Basic Law; IT State Treaty §§ 1-2; rules of procedure of the IT Planning Council (it-planungsrat.de)',
    url: 'https://www.it-planungsrat.de/',
  },
  votingLevels: ['federal', 'state'],
  seats: { votingPerState: 1, votingPerLevel: { federal: { min: 1, max: 1 }, state: { max: 16 } } },
  quorum: { kind: 'always' },
  motions: {
    'binding-decision': {
      description: {
        de: 'Bund und mindestens 11 Länder, die zusammen mindestens zwei Drittel der Länderanteile nach dem Königsteiner Schlüssel tragen',
        en: 'the Bund and at least 11 Länder that together hold at least two thirds of the Länder shares under the Königstein key',
      },
      rule: {
        kind: 'all',
        conditions: [
          { kind: 'atLevel', level: 'federal', condition: { kind: 'unanimity', of: 'members' } },
          { kind: 'atLevel', level: 'state', condition: { kind: 'yesAtLeast', count: 11 } },
          { kind: 'weightedYesShare', weights: 'koenigstein', of: 'table', ratio: twoThirds, strict: false },
        ],
      },
    },
    recommendation: {
      description: {
        de: 'mehr Ja-Stimmen als die Hälfte der anwesenden Stimmberechtigten',
        en: 'more yes votes than half of the voting members present',
      },
      rule: simpleMajorityOfPresent,
    },
  },
  chairRotation: { start: '2025-01-01', periodYears: 1, sequence: alternatingBundLaender, startIndex: 14 },
  // Joint budget (unverified default): Bund half, all Länder half by the Königsteiner Schlüssel.
  costSharing: { federalBasisPoints: 5000, laender: 'all' },
};

/**
 * Bauministerkonferenz (ARGEBAU, is-argebau.de): the Länder ministers; quorate when more than half
 * of the voting members are present; written procedure (Umlaufverfahren) passes when no member
 * objects by the deadline; the chair rotates every two years in alphabetical order of the Länder.
 * Unverified defaults (change them in your own rules): a decision in a meeting needs more yes
 * votes than half of the members present; Berlin holds the chair 2025-2026 (press reports).
 */
const bauministerkonferenz: RulesOfProcedure = {
  id: 'bauministerkonferenz',
  name: { de: 'Bauministerkonferenz (ARGEBAU)', en: 'Conference of Building Ministers (ARGEBAU)' },
  source: {
    de: 'Geschäftsordnung der Bauministerkonferenz (is-argebau.de); Mehrheitsregel in der Sitzung und Vorsitz 2025 nicht verifiziert',
    en: 'Rules of procedure of the Conference of Building Ministers (is-argebau.de); meeting majority and 2025 chair unverified',
    url: 'https://www.is-argebau.de/',
  },
  votingLevels: ['state'],
  seats: { votingPerState: 1, votingPerLevel: { state: { max: 16 } } },
  quorum: { kind: 'presentShare', ratio: half, strict: true },
  motions: {
    decision: {
      description: { de: 'einfache Mehrheit der Anwesenden', en: 'simple majority of those present' },
      rule: simpleMajorityOfPresent,
    },
    procedural: {
      description: { de: 'einfache Mehrheit der Anwesenden', en: 'simple majority of those present' },
      rule: simpleMajorityOfPresent,
    },
  },
  writtenProcedure: { objection: 'any-voting-member' },
  chairRotation: { start: '2025-01-01', periodYears: 2, sequence: states.map((s) => s.iso), startIndex: 2 },
};

/**
 * Our proposal for the working group in the seed (modelled on the AMEV): voting members are the
 * Bund, at most one per Land and the three kommunale Spitzenverbände (level `municipality`);
 * science, industry, civil society and the federal Digitalagentur advise and never vote.
 * Quorate when more than half of the voting members are present and each of the three levels has
 * a voting member present. A recommendation passes when yes >= two thirds of yes+no and, in each
 * level, yes >= 1 and yes >= no. Procedural motions: yes > no. Written procedure: passes at the
 * deadline unless a voting member objects. Chair every two years: Bund, Länder, Kommunen, from
 * 2026-01-01. Joint projects: the Bund pays half, the participating Länder the other half by
 * their Königsteiner Schlüssel, renormalised among them.
 */
const amevStyleWorkingGroup: RulesOfProcedure = {
  id: 'amev-style-working-group',
  name: { de: 'Föderaler Arbeitskreis nach dem Vorbild des AMEV', en: 'Federal working group modelled on the AMEV' },
  source: {
    de: 'Vorschlag dieses Projekts (Issue „@foederal/membership“), angelehnt an die Geschäftsordnung des AMEV',
    en: 'Proposal of this project (issue "@foederal/membership"), inspired by the AMEV rules of procedure',
  },
  votingLevels: [...governmentLevels],
  seats: {
    votingPerState: 1,
    votingPerLevel: { federal: { min: 1 }, state: { min: 1, max: 16 }, municipality: { min: 1, max: 3 } },
  },
  quorum: {
    kind: 'all',
    conditions: [
      { kind: 'presentShare', ratio: half, strict: true },
      { kind: 'forEachLevel', levels: [...governmentLevels], condition: { kind: 'presentAtLeast', count: 1 } },
    ],
  },
  motions: {
    recommendation: {
      description: {
        de: 'Ja mindestens zwei Drittel von Ja und Nein (Enthaltungen zählen nicht) und in jeder Ebene mindestens ein Ja und nicht mehr Nein als Ja',
        en: 'yes at least two thirds of yes and no (abstentions not counted) and, in each level, at least one yes and no more no than yes',
      },
      rule: {
        kind: 'all',
        conditions: [
          { kind: 'yesShare', of: 'yesAndNo', ratio: twoThirds, strict: false },
          {
            kind: 'forEachLevel',
            levels: [...governmentLevels],
            condition: {
              kind: 'all',
              conditions: [
                { kind: 'yesAtLeast', count: 1 },
                { kind: 'yesVersusNo', strict: false },
              ],
            },
          },
        ],
      },
    },
    procedural: {
      description: { de: 'mehr Ja als Nein', en: 'more yes than no' },
      rule: { kind: 'yesVersusNo', strict: true },
    },
  },
  writtenProcedure: { objection: 'any-voting-member' },
  chairRotation: { start: '2026-01-01', periodYears: 2, sequence: ['federal', 'state', 'municipality'], startIndex: 0 },
  // Joint projects: the Bund half, the participating Länder the other half by their keys.
  costSharing: { federalBasisPoints: 5000, laender: 'participants' },
};

/** Ids of the presets. @example const id: PresetId = 'it-planungsrat'; */
export type PresetId = 'it-planungsrat' | 'bauministerkonferenz' | 'amev-style-working-group';

/**
 * The three presets: `it-planungsrat`, `bauministerkonferenz` and `amev-style-working-group`,
 * each with its source in `source`.
 *
 * @example
 * presets['amev-style-working-group'].motions.recommendation?.description?.de;
 */
export const presets: Readonly<Record<PresetId, RulesOfProcedure>> = {
  'it-planungsrat': itPlanungsrat,
  bauministerkonferenz,
  'amev-style-working-group': amevStyleWorkingGroup,
};

/** Whether a string names a preset. @example isPresetId('it-planungsrat'); // true */
export function isPresetId(value: string): value is PresetId {
  return Object.prototype.hasOwnProperty.call(presets, value);
}
