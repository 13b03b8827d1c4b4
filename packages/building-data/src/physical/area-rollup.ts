import type { Language } from '@foederal/core';
import type { LocalizedText } from '@foederal/core';
import { din277UsageCategories } from '../vocabularies/din277.js';
import { din277AreaKeys, din277AreaLabels, nufGroupKeys, type Din277AreaKey, type Din277Areas } from './areas.js';
import type { Building, Site, Space, Storey } from './spatial.js';

/**
 * Kind of node in the spatial tree.
 *
 * @example
 * ```ts
 * const kind: SpatialKind = issue.location.kind; // 'space'
 * ```
 */
export type SpatialKind = 'site' | 'building' | 'storey' | 'space';

/**
 * Where an area issue was found: the JSON path from the root passed to {@link rollUpAreas}, the
 * chain of ids and a readable trail such as `Gebäude "B1" › Geschoss "EG" › Raum "0.12"`.
 *
 * @example
 * ```ts
 * const { path, trail }: AreaIssueLocation = issue.location; console.log(path, trail.de);
 * ```
 */
export interface AreaIssueLocation {
  readonly path: readonly (string | number)[];
  readonly kind: SpatialKind;
  readonly ids: readonly string[];
  readonly trail: Required<LocalizedText>;
}

/**
 * One inconsistency found by {@link rollUpAreas}.
 *
 * - `sum-mismatch`: a record contradicts BGF = KGF + NRF, NRF = NUF + TF + VF or NUF = NUF 1-7
 * - `children-mismatch`: a declared area differs from the sum of the children's areas
 * - `unknown-usage-category`: a space names a usage category that is not in DIN 277
 * - `usage-category-conflict`: a space has area in a NUF/TF/VF field other than its category's
 *
 * @example
 * ```ts
 * for (const issue of rollUpAreas(building).issues) console.log(issue.rule, issue.message.de);
 * ```
 */
export interface AreaIssue {
  readonly code: 'sum-mismatch' | 'children-mismatch' | 'unknown-usage-category' | 'usage-category-conflict';
  readonly location: AreaIssueLocation;
  /** Area field concerned. */
  readonly field?: Din277AreaKey;
  /** The rule that failed, e.g. `BGF = KGF + NRF`. */
  readonly rule: string;
  /** Declared value (m²). */
  readonly declared?: number;
  /** Value computed from parts or children (m²). */
  readonly computed?: number;
  readonly message: Required<LocalizedText>;
}

/**
 * Roll-up of one node: declared areas, areas computed from its parts and children, and the effective result.
 *
 * @example
 * ```ts
 * const { effective, children }: AreaRollUp = rollUpAreas(building).rollUp;
 * ```
 */
export interface AreaRollUp {
  readonly kind: SpatialKind;
  readonly id: string;
  readonly name: string;
  /** Areas as given in the input. */
  readonly declared: Din277Areas;
  /**
   * Areas computed from the children; for spaces from the usage category, or NRF as the sum of
   * the space's own NUF (or NUF 1-7), TF and VF, a part not given counting as zero.
   */
  readonly computed: Din277Areas;
  /** Declared values where given, computed values otherwise, with totals derived from their parts. */
  readonly effective: Din277Areas;
  readonly children: readonly AreaRollUp[];
}

/**
 * Result of {@link rollUpAreas}.
 *
 * @example
 * ```ts
 * const { consistent, issues }: AreaRollUpResult = rollUpAreas(site);
 * ```
 */
export interface AreaRollUpResult {
  readonly rollUp: AreaRollUp;
  readonly issues: readonly AreaIssue[];
  /** True when no issue was found. */
  readonly consistent: boolean;
}

/**
 * Tolerance for comparing areas: the larger of `absolute` (m²) and `relative` × the larger value.
 *
 * @example
 * ```ts
 * rollUpAreas(building, { absolute: 0.5, relative: 0 });
 * ```
 */
export interface AreaTolerance {
  /** Default 0.01 m² (areas are usually given to two decimals). */
  readonly absolute?: number;
  /** Default 0.0005 (0.05 %, rounding of many parts). */
  readonly relative?: number;
}

const kindLabel: Record<SpatialKind, Required<LocalizedText>> = {
  site: { de: 'Liegenschaft', en: 'site' },
  building: { de: 'Gebäude', en: 'building' },
  storey: { de: 'Geschoss', en: 'storey' },
  space: { de: 'Raum', en: 'space' },
};

const sumRules: readonly { total: Din277AreaKey; parts: readonly Din277AreaKey[]; rule: string }[] = [
  { total: 'bgf', parts: ['kgf', 'nrf'], rule: 'BGF = KGF + NRF' },
  { total: 'nrf', parts: ['nuf', 'tf', 'vf'], rule: 'NRF = NUF + TF + VF' },
  { total: 'nuf', parts: nufGroupKeys, rule: 'NUF = NUF 1 + … + NUF 7' },
];

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const fmt = (n: number): string => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });
const fmtEn = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

interface Ctx {
  readonly issues: AreaIssue[];
  readonly abs: number;
  readonly rel: number;
}

const differs = (ctx: Ctx, a: number, b: number): boolean =>
  Math.abs(a - b) > Math.max(ctx.abs, ctx.rel * Math.max(Math.abs(a), Math.abs(b)));

/** Fills totals that are missing but whose parts are all (for NUF: any) known. */
function derive(areas: Din277Areas): Din277Areas {
  const out: Din277Areas = { ...areas };
  if (out.nuf === undefined && nufGroupKeys.some((k) => out[k] !== undefined)) {
    out.nuf = round(nufGroupKeys.reduce((s, k) => s + (out[k] ?? 0), 0));
  }
  if (out.nrf === undefined && out.nuf !== undefined && out.tf !== undefined && out.vf !== undefined) {
    out.nrf = round(out.nuf + out.tf + out.vf);
  }
  if (out.bgf === undefined && out.kgf !== undefined && out.nrf !== undefined) out.bgf = round(out.kgf + out.nrf);
  if (out.kgf === undefined && out.bgf !== undefined && out.nrf !== undefined && out.bgf >= out.nrf) {
    out.kgf = round(out.bgf - out.nrf);
  }
  return out;
}

function checkSums(ctx: Ctx, areas: Din277Areas, location: AreaIssueLocation): void {
  for (const { total, parts, rule } of sumRules) {
    const declared = areas[total];
    if (declared === undefined) continue;
    const known = parts.filter((p) => areas[p] !== undefined);
    // NUF is checked when any NUF group is given; the other rules need every part.
    if (total === 'nuf' ? known.length === 0 : known.length !== parts.length) continue;
    const computed = round(known.reduce((s, p) => s + (areas[p] ?? 0), 0));
    if (differs(ctx, declared, computed)) {
      ctx.issues.push({
        code: 'sum-mismatch',
        location,
        field: total,
        rule,
        declared,
        computed,
        message: {
          de: `${location.trail.de}: ${rule} verletzt: ${din277AreaLabels[total].abbreviation} ist ${fmt(declared)} m², die Summe der Teile ${fmt(computed)} m²`,
          en: `${location.trail.en}: ${rule} violated: ${din277AreaLabels[total].abbreviation} is ${fmtEn(declared)} m², the sum of its parts ${fmtEn(computed)} m²`,
        },
      });
    }
  }
}

function sumChildren(children: readonly AreaRollUp[]): Din277Areas {
  const out: Din277Areas = {};
  for (const key of din277AreaKeys) {
    let sum: number | undefined;
    for (const child of children) {
      const v = child.effective[key];
      if (v !== undefined) sum = (sum ?? 0) + v;
    }
    if (sum !== undefined) out[key] = round(sum);
  }
  return out;
}

function compareWithChildren(ctx: Ctx, declared: Din277Areas, computed: Din277Areas, location: AreaIssueLocation): void {
  for (const key of din277AreaKeys) {
    const d = declared[key];
    const c = computed[key];
    if (d === undefined || c === undefined || !differs(ctx, d, c)) continue;
    const abbr = din277AreaLabels[key].abbreviation;
    ctx.issues.push({
      code: 'children-mismatch',
      location,
      field: key,
      rule: `${abbr} = Σ ${abbr}`,
      declared: d,
      computed: c,
      message: {
        de: `${location.trail.de}: ${abbr} ist mit ${fmt(d)} m² angegeben, die untergeordneten Elemente ergeben ${fmt(c)} m²`,
        en: `${location.trail.en}: ${abbr} is given as ${fmtEn(d)} m², its children add up to ${fmtEn(c)} m²`,
      },
    });
  }
}

function locate(parent: AreaIssueLocation | undefined, kind: SpatialKind, path: readonly (string | number)[], node: { id: string; name: string }): AreaIssueLocation {
  const part = (lang: Language): string => `${kindLabel[kind][lang]} "${node.name}"`;
  return {
    path,
    kind,
    ids: [...(parent?.ids ?? []), node.id],
    trail: {
      de: parent ? `${parent.trail.de} › ${part('de')}` : part('de'),
      en: parent ? `${parent.trail.en} › ${part('en')}` : part('en'),
    },
  };
}

function spaceRollUp(ctx: Ctx, space: Space, location: AreaIssueLocation): AreaRollUp {
  const declared: Din277Areas = { ...space.areas };
  const computed: Din277Areas = {};
  if (space.usageCategory !== undefined) {
    const category = din277UsageCategories.get(space.usageCategory);
    if (!category) {
      ctx.issues.push({
        code: 'unknown-usage-category',
        location,
        rule: 'DIN 277',
        message: {
          de: `${location.trail.de}: unbekannte DIN-277-Nutzungsart "${space.usageCategory}"`,
          en: `${location.trail.en}: unknown DIN 277 usage category "${space.usageCategory}"`,
        },
      });
    } else {
      const target = category.area;
      for (const key of [...nufGroupKeys, 'tf', 'vf'] as const) {
        const v = declared[key];
        if (key !== target && v !== undefined && v > 0) {
          ctx.issues.push({
            code: 'usage-category-conflict',
            location,
            field: key,
            rule: `${space.usageCategory} → ${din277AreaLabels[target].abbreviation}`,
            declared: v,
            message: {
              de: `${location.trail.de}: Nutzungsart ${space.usageCategory} zählt zu ${din277AreaLabels[target].abbreviation}, der Raum hat aber ${fmt(v)} m² ${din277AreaLabels[key].abbreviation}`,
              en: `${location.trail.en}: usage category ${space.usageCategory} counts to ${din277AreaLabels[target].abbreviation}, but the space has ${fmtEn(v)} m² ${din277AreaLabels[key].abbreviation}`,
            },
          });
        }
      }
      const abbr = din277AreaLabels[target].abbreviation;
      const own = declared[target];
      if (own !== undefined && declared.nrf !== undefined && differs(ctx, own, declared.nrf)) {
        ctx.issues.push({
          code: 'sum-mismatch',
          location,
          field: 'nrf',
          rule: `NRF = ${abbr}`,
          declared: declared.nrf,
          computed: own,
          message: {
            de: `${location.trail.de}: ein Raum der Nutzungsart ${space.usageCategory} zählt ganz zu ${abbr}, NRF ist aber ${fmt(declared.nrf)} m² und ${abbr} ${fmt(own)} m²`,
            en: `${location.trail.en}: a space of usage category ${space.usageCategory} counts wholly to ${abbr}, but NRF is ${fmtEn(declared.nrf)} m² and ${abbr} ${fmtEn(own)} m²`,
          },
        });
      }
      const nrf = declared.nrf ?? own;
      if (nrf !== undefined) {
        for (const k of [...nufGroupKeys, 'tf', 'vf'] as const) computed[k] = 0;
        computed[target] = nrf;
        computed.nrf = nrf;
        computed.nuf = target === 'tf' || target === 'vf' ? 0 : nrf;
      }
    }
  }
  if (computed.nrf === undefined && declared.nrf === undefined) {
    // A space's area record is complete: a part it does not name is zero, so a corridor with only
    // VF, a plant room with only TF or a room with only NUF 5 has NRF = NUF + TF + VF and counts
    // into the NRF of its storey, building and site (DIN 277:2021).
    const groups = nufGroupKeys.filter((k) => declared[k] !== undefined);
    const nuf = declared.nuf ?? (groups.length > 0 ? groups.reduce((s, k) => s + (declared[k] ?? 0), 0) : undefined);
    if (nuf !== undefined || declared.tf !== undefined || declared.vf !== undefined) {
      computed.nrf = round((nuf ?? 0) + (declared.tf ?? 0) + (declared.vf ?? 0));
    }
  }
  checkSums(ctx, declared, location);
  return { kind: 'space', id: space.id, name: space.name, declared, computed, effective: derive({ ...computed, ...declared }), children: [] };
}

function nodeRollUp(
  ctx: Ctx,
  kind: SpatialKind,
  node: { id: string; name: string; areas?: Din277Areas | undefined },
  location: AreaIssueLocation,
  children: readonly AreaRollUp[],
): AreaRollUp {
  const declared: Din277Areas = { ...node.areas };
  const computed = derive(sumChildren(children));
  checkSums(ctx, declared, location);
  // BGF and KGF of a storey are rarely split over its spaces: a sum over spaces is checked for
  // the net areas only; above storey level every field is compared.
  const checked = kind === 'storey' ? Object.fromEntries(Object.entries(computed).filter(([k]) => k !== 'bgf' && k !== 'kgf')) : computed;
  compareWithChildren(ctx, declared, checked, location);
  return { kind, id: node.id, name: node.name, declared, computed, effective: derive({ ...computed, ...declared }), children };
}

function storeyRollUp(ctx: Ctx, storey: Storey, path: readonly (string | number)[], parent: AreaIssueLocation | undefined): AreaRollUp {
  const location = locate(parent, 'storey', path, storey);
  const children = storey.spaces.map((space, i) => spaceRollUp(ctx, space, locate(location, 'space', [...path, 'spaces', i], space)));
  return nodeRollUp(ctx, 'storey', storey, location, children);
}

function buildingRollUp(ctx: Ctx, building: Building, path: readonly (string | number)[], parent: AreaIssueLocation | undefined): AreaRollUp {
  const location = locate(parent, 'building', path, building);
  const children = building.storeys.map((storey, i) => storeyRollUp(ctx, storey, [...path, 'storeys', i], location));
  return nodeRollUp(ctx, 'building', building, location, children);
}

/**
 * Rolls the DIN 277 areas of a site or building up from its spaces and checks every record
 * (BGF = KGF + NRF, NRF = NUF + TF + VF, NUF = NUF 1-7), every declared total against the sum of
 * its children, and each space's usage category. A space without NRF gets NRF = NUF + TF + VF
 * from the parts it names (a part not given counts as zero), so a space with only VF or only TF
 * counts into the NRF above it. Every inconsistency is reported with its
 * location (JSON path, ids, readable trail); nothing is thrown for inconsistent data.
 *
 * @example
 * ```ts
 * const { issues, rollUp } = rollUpAreas(buildingSchema.parse(input));
 * for (const issue of issues) console.log(issue.message.de);
 * console.log(rollUp.effective.nrf);
 * ```
 */
export function rollUpAreas(root: Site | Building, tolerance: AreaTolerance = {}): AreaRollUpResult {
  const ctx: Ctx = { issues: [], abs: tolerance.absolute ?? 0.01, rel: tolerance.relative ?? 0.0005 };
  let rollUp: AreaRollUp;
  if ('buildings' in root) {
    const location = locate(undefined, 'site', [], root);
    const children = root.buildings.map((b, i) => buildingRollUp(ctx, b, ['buildings', i], location));
    rollUp = nodeRollUp(ctx, 'site', root, location, children);
  } else {
    rollUp = buildingRollUp(ctx, root, [], undefined);
  }
  return { rollUp, issues: ctx.issues, consistent: ctx.issues.length === 0 };
}
