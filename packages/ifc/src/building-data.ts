import {
  din277UsageCategories,
  ifcGlobalIdSchema,
  siteSchema,
  buildingSchema,
  type Address,
  type Building,
  type Din277Areas,
  type Site,
  type Space,
  type Storey,
} from '@foederal/building-data';
import type { IfcModelCore } from './model-types.js';
import type { IfcPropertySet, IfcQuantity, IfcQuantitySet } from './properties.js';
import type { SpatialNode, SpatialTree } from './spatial.js';
import { isReference, unwrap, type StepValue } from './step/values.js';
import { projectUnitFactor, unitFactor } from './units.js';

/**
 * What the mapping needs of a model; `IfcModel` implements it. Declared here rather than taking
 * the class, so this module does not import the module that loads it.
 */
export interface BuildingDataSource extends IfcModelCore {
  spatialTree(): SpatialTree;
  propertySets(id: number): IfcPropertySet[];
  quantities(id: number): IfcQuantitySet[];
}

/**
 * Something that could not be mapped as it was, with the IFC entity concerned.
 *
 * @example
 * (await model.toBuildingData()).problems[0]?.code; // 'space-outside-storey'
 */
export interface BuildingDataProblem {
  readonly code: 'space-outside-storey' | 'storey-outside-building' | 'unknown-usage-category' | 'invalid-value';
  readonly entityId: number;
  /** German, then English. */
  readonly message: string;
}

/**
 * The model's spatial structure as `@foederal/building-data` records.
 *
 * @example
 * const { sites, buildings, problems }: IfcBuildingData = await model.toBuildingData();
 */
export interface IfcBuildingData {
  /** Every IfcSite with its buildings (a building on a nested site counts to the nearest site). */
  readonly sites: Site[];
  /** Buildings not on any site (e.g. aggregated directly under the project). */
  readonly buildings: Building[];
  readonly problems: BuildingDataProblem[];
}

/**
 * Quantity names read as DIN 277 areas. `NetFloorArea` (Qto_SpaceBaseQuantities, IFC2X3
 * BaseQuantities) is the net room area; German quantity sets often name the areas directly.
 */
const areaQuantities: Readonly<Record<string, keyof Din277Areas>> = {
  NETFLOORAREA: 'nrf',
  NRF: 'nrf',
  NETTORAUMFLAECHE: 'nrf',
  NETTORAUMFLÄCHE: 'nrf',
  BGF: 'bgf',
  KGF: 'kgf',
  NUF: 'nuf',
  TF: 'tf',
  VF: 'vf',
  NUF1: 'nuf1',
  NUF2: 'nuf2',
  NUF3: 'nuf3',
  NUF4: 'nuf4',
  NUF5: 'nuf5',
  NUF6: 'nuf6',
  NUF7: 'nuf7',
};

/** Property names that carry a DIN 277 usage category (`5.2`, `NUF 5.2`, `5.2 Unterrichtsräume`). */
const usageProperties = /^(din[\s_-]?277|nutzungsart|din277nutzungsart|nutzungsartdin277|usagecategory|din277category)$/i;

const str = (v: StepValue | undefined): string | undefined => {
  const u = unwrap(v);
  return typeof u === 'string' && u.trim() ? u.trim() : undefined;
};

function ident(model: BuildingDataSource, node: { id: number; globalId: string | null }): { id: string; globalId?: string } {
  const valid = node.globalId !== null && ifcGlobalIdSchema.safeParse(node.globalId).success;
  return valid ? { id: node.globalId as string, globalId: node.globalId as string } : { id: `#${node.id}` };
}

function label(node: SpatialNode): string {
  return node.name?.trim() || node.longName?.trim() || `#${node.id}`;
}

function areasOf(model: BuildingDataSource, id: number, areaFactor: number): Din277Areas | undefined {
  const areas: Record<string, number> = {};
  const qsets = model.quantities(id);
  // Qto_SpaceBaseQuantities / BaseQuantities first, so that their NetFloorArea wins
  const ordered = [...qsets].sort((a, b) => rank(a.name) - rank(b.name));
  const visit = (q: IfcQuantity): void => {
    if (q.quantities) q.quantities.forEach(visit);
    if (q.kind !== 'area' || q.value === null || !Number.isFinite(q.value) || q.value < 0) return;
    const key = areaQuantities[q.name.toUpperCase().replace(/[\s_.-]/g, '')];
    if (!key || areas[key] !== undefined) return;
    const own = isReference(q.unit) ? unitFactor(model, q.unit.id, 2) : undefined;
    areas[key] = round(q.value * (own ?? areaFactor));
  };
  for (const set of ordered) set.quantities.forEach(visit);
  return Object.keys(areas).length ? (areas as Din277Areas) : undefined;
}

function rank(name: string | null): number {
  if (name === 'Qto_SpaceBaseQuantities') return 0;
  if (name === 'BaseQuantities') return 1;
  return 2;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function usageOf(psets: readonly IfcPropertySet[]): string | undefined {
  for (const set of psets) {
    for (const p of set.properties) {
      if (!usageProperties.test(p.name.replace(/\s+/g, ''))) continue;
      const text = str(p.value);
      const m = text && /^(?:NUF|TF|VF)?\s*([1-9](?:\.[1-9])?)\b/i.exec(text);
      if (m) return m[1];
    }
  }
  return undefined;
}

function address(model: BuildingDataSource, v: StepValue | undefined): Address | undefined {
  if (!isReference(v)) return undefined;
  const a = model.get(v.id)?.attributes;
  if (!a) return undefined;
  const lines = Array.isArray(a['AddressLines']) ? (a['AddressLines'] as StepValue[]).map(str).filter(Boolean) : [];
  const out: Record<string, string> = {};
  if (lines.length) out['street'] = lines.join(', ');
  const pc = str(a['PostalCode']);
  if (pc && /^\d{5}$/.test(pc)) out['postalCode'] = pc;
  const town = str(a['Town']);
  if (town) out['locality'] = town;
  const country = str(a['Country']);
  if (country && /^[A-Z]{2}$/.test(country)) out['country'] = country;
  else if (country && /^(deutschland|germany)$/i.test(country)) out['country'] = 'DE';
  return Object.keys(out).length ? (out as Address) : undefined;
}

/**
 * Maps the spatial structure to `@foederal/building-data`: sites, buildings (address, year of
 * construction from Pset_BuildingCommon), storeys (elevation in metres) and spaces with their
 * DIN 277 areas from the quantity sets (NetFloorArea → NRF, or NRF/NUF/TF/VF quantities) and their
 * usage category from a DIN 277 property when present. Lengths and areas are converted from the
 * project units to metres and square metres.
 *
 * @example
 * const { sites } = toBuildingData(model);
 * for (const b of sites[0]?.buildings ?? []) console.log(b.name, b.storeys.length);
 */
export function toBuildingData(model: BuildingDataSource): IfcBuildingData {
  return mapBuildingData(model, {});
}

/** Options of the mapping inside this package (`din277Areas` reads usage categories from classifications). */
export interface MappingOptions {
  /**
   * Usage category of a space whose properties give none the building-data vocabulary knows, or
   * `undefined`; called with the space's express id.
   */
  readonly fallbackUsage?: (spaceId: number) => string | undefined;
}

/** {@link toBuildingData} with the package-internal options. */
export function mapBuildingData(model: BuildingDataSource, options: MappingOptions): IfcBuildingData {
  const tree = model.spatialTree();
  const lengthFactor = projectUnitFactor(model, 'LENGTHUNIT', 1);
  const areaFactor = projectUnitFactor(model, 'AREAUNIT', 2);
  const problems: BuildingDataProblem[] = [];
  const s = model.schemaInfo;
  const is = (n: SpatialNode, t: string) => s.isSubtypeOf(n.type, t);

  const space = (n: SpatialNode): Space[] => {
    const out: Record<string, unknown> = { ...ident(model, n), name: label(n) };
    if (n.longName?.trim()) out['longName'] = n.longName.trim();
    const usage = usageOf(model.propertySets(n.id));
    if (usage && din277UsageCategories.has(usage)) out['usageCategory'] = usage;
    else {
      if (usage) {
        problems.push({
          code: 'unknown-usage-category',
          entityId: n.id,
          message: `Unbekannte DIN-277-Nutzungsart ${usage} / unknown DIN 277 usage category ${usage}`,
        });
      }
      const fallback = options.fallbackUsage?.(n.id);
      if (fallback !== undefined) out['usageCategory'] = fallback;
    }
    const areas = areasOf(model, n.id, areaFactor);
    if (areas) out['areas'] = areas;
    // spaces may be split into sub-spaces: list them as spaces of the same storey
    return [out as Space, ...n.children.filter((c) => is(c, 'IfcSpace')).flatMap(space)];
  };

  const storey = (n: SpatialNode): Storey => {
    const spaces: Space[] = [];
    for (const c of n.children) {
      if (is(c, 'IfcSpace')) spaces.push(...space(c));
      else if (is(c, 'IfcBuildingStorey')) spaces.push(...storey(c).spaces);
    }
    const out: Record<string, unknown> = { ...ident(model, n), name: label(n), spaces };
    if (typeof n.elevation === 'number' && Number.isFinite(n.elevation)) out['elevation'] = round(n.elevation * lengthFactor);
    return out as Storey;
  };

  const building = (n: SpatialNode): Building => {
    const storeys: Storey[] = [];
    for (const c of n.children) {
      if (is(c, 'IfcBuildingStorey')) storeys.push(storey(c));
      else if (is(c, 'IfcSpace')) {
        problems.push({
          code: 'space-outside-storey',
          entityId: c.id,
          message: `Raum #${c.id} liegt direkt im Gebäude, nicht in einem Geschoss / space #${c.id} is directly in the building, not in a storey`,
        });
      }
    }
    const out: Record<string, unknown> = { ...ident(model, n), name: label(n), storeys };
    const e = model.get(n.id);
    const addr = address(model, e?.attributes['BuildingAddress']);
    if (addr) out['address'] = addr;
    for (const set of model.propertySets(n.id)) {
      if (set.name !== 'Pset_BuildingCommon') continue;
      const year = Number(str(set.properties.find((p) => p.name === 'YearOfConstruction')?.value));
      if (Number.isInteger(year) && year >= 800 && year <= 2200) out['yearOfConstruction'] = year;
    }
    const parsed = buildingSchema.safeParse(out);
    if (!parsed.success) {
      problems.push({ code: 'invalid-value', entityId: n.id, message: `Gebäude ungültig / invalid building: ${parsed.error.message}` });
    }
    return out as Building;
  };

  const sites: Site[] = [];
  const loose: Building[] = [];
  const walk = (n: SpatialNode, site: Record<string, unknown> | undefined): void => {
    if (is(n, 'IfcSite')) {
      const out: Record<string, unknown> = { ...ident(model, n), name: label(n), buildings: [] };
      const addr = address(model, model.get(n.id)?.attributes['SiteAddress']);
      if (addr) out['address'] = addr;
      sites.push(out as Site);
      for (const c of n.children) walk(c, out);
      return;
    }
    if (is(n, 'IfcBuilding')) {
      const b = building(n);
      if (site) (site['buildings'] as Building[]).push(b);
      else loose.push(b);
      return;
    }
    if (is(n, 'IfcBuildingStorey')) {
      problems.push({
        code: 'storey-outside-building',
        entityId: n.id,
        message: `Geschoss #${n.id} liegt in keinem Gebäude / storey #${n.id} is in no building`,
      });
      return;
    }
    for (const c of n.children) walk(c, site);
  };
  for (const p of tree.projects) for (const c of p.children) walk(c, undefined);
  return { sites: sites.map((x) => siteSchema.parse(x)), buildings: loose.map((b) => buildingSchema.parse(b)), problems };
}
