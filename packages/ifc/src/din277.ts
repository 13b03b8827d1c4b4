import {
  din277AreaKeys,
  din277UsageCategories,
  rollUpAreas,
  type AreaIssue,
  type AreaRollUp,
  type AreaTolerance,
  type Din277Areas,
} from '@foederal/building-data';
import type { IfcClassificationRef } from './associations.js';
import { mapBuildingData, type BuildingDataSource, type IfcBuildingData } from './building-data.js';

/**
 * What {@link din277Areas} needs of a model; `IfcModel` implements it.
 */
interface Din277Source extends BuildingDataSource {
  classifications(id: number): IfcClassificationRef[];
}

/**
 * Options of {@link din277Areas}.
 *
 * @example
 * din277Areas(model, { classifications: false, tolerance: { absolute: 0.5 } });
 */
export interface Din277AreasOptions {
  /**
   * Give a space without a usage category from its properties the one of its DIN 277
   * classification reference (system name `DIN 277 …`; `NUF 5`, `5.2`, `TF`, `VF 9.2`). Default
   * `true`; a property, when present and known, always wins.
   */
  readonly classifications?: boolean;
  /** Tolerance of the consistency checks of `rollUpAreas` (`@foederal/building-data`). */
  readonly tolerance?: AreaTolerance;
}

/**
 * DIN 277 areas of a model, see {@link din277Areas}.
 *
 * @example
 * const { areas, sites, issues, classifiedSpaces }: IfcDin277Areas = din277Areas(model);
 */
export interface IfcDin277Areas {
  /** The mapped building data; usage categories from classification references are filled in. */
  readonly data: IfcBuildingData;
  /** Roll-up of each site, in the order of `data.sites` (its children are the buildings). */
  readonly sites: readonly AreaRollUp[];
  /** Roll-up of each building on no site, in the order of `data.buildings`. */
  readonly buildings: readonly AreaRollUp[];
  /** Effective areas of the whole model in m²: the sum over all sites and loose buildings. */
  readonly areas: Din277Areas;
  /**
   * Inconsistencies of all roll-ups, sites first; `location.path` is relative to its site or
   * building, `location.ids` starts with that root's id.
   */
  readonly issues: readonly AreaIssue[];
  /** Spaces whose usage category came from a classification reference (not from a property). */
  readonly classifiedSpaces: number;
}

/** System names taken as DIN 277: `DIN 277`, `DIN277`, `DIN 277-1:2016`, `DIN-277:2021` (not `DIN 2770`). */
const din277System = /\bdin[\s_-]*277(?!\d)/i;

/**
 * DIN 277 usage category named by a classification reference's identification: `NUF 5`,
 * `NUF 5.2`, `5.2`, `TF`, `TF 8.1`, `VF`, `VF 9.2`, `8`, `9.1` (`TF` is group 8, `VF` group 9;
 * case and spaces do not matter). Not checked against the vocabulary.
 *
 * @example
 * din277CategoryOf('NUF 5.2'); // '5.2'
 * din277CategoryOf('VF'); // '9'
 */
export function din277CategoryOf(identification: string): string | undefined {
  const t = identification.trim().toUpperCase().replace(/\s+/g, ' ');
  const nuf = /^(?:NUF ?)?([1-7](?:\.[1-9])?)$/.exec(t);
  if (nuf) return nuf[1];
  const tf = /^TF(?: ?(8(?:\.[1-9])?))?$/.exec(t) ?? /^(8(?:\.[1-9])?)$/.exec(t);
  if (tf) return tf[1] ?? '8';
  const vf = /^VF(?: ?(9(?:\.[1-9])?))?$/.exec(t) ?? /^(9(?:\.[1-9])?)$/.exec(t);
  if (vf) return vf[1] ?? '9';
  return undefined;
}

/**
 * The usage category of the first DIN 277 classification reference that names one the
 * building-data vocabulary knows (IFC4 `Identification`, IFC2X3 `ItemReference`).
 */
function usageOfClassifications(refs: readonly IfcClassificationRef[]): string | undefined {
  for (const c of refs) {
    if (c.system === null || !din277System.test(c.system) || c.identification === null) continue;
    const code = din277CategoryOf(c.identification);
    if (code !== undefined && din277UsageCategories.has(code)) return code;
  }
  return undefined;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * DIN 277 areas of an IFC model: maps it to building data like `toBuildingData`, gives spaces
 * without a usage category property the category of their DIN 277 classification reference
 * (IfcClassificationReference of an IfcClassification named `DIN 277 …`, identification `NUF 5`,
 * `5.2`, `TF`, `VF 9.2` …, also through the space's type object), and rolls the areas up with
 * `rollUpAreas` per site and per building on no site, with the total of the model.
 *
 * @example
 * import { din277Areas } from '@foederal/ifc/building-data';
 *
 * const { areas, issues, classifiedSpaces } = din277Areas(model);
 * console.log(areas.nrf, areas.nuf5, issues.length, classifiedSpaces);
 */
export function din277Areas(model: Din277Source, options: Din277AreasOptions = {}): IfcDin277Areas {
  let classifiedSpaces = 0;
  const fallbackUsage = (id: number): string | undefined => {
    const code = usageOfClassifications(model.classifications(id));
    if (code !== undefined) classifiedSpaces += 1;
    return code;
  };
  const data = mapBuildingData(model, options.classifications === false ? {} : { fallbackUsage });
  const total: Record<string, number> = {};
  const issues: AreaIssue[] = [];
  const rollUp = (root: Parameters<typeof rollUpAreas>[0]): AreaRollUp => {
    const result = rollUpAreas(root, options.tolerance);
    for (const k of din277AreaKeys) {
      const v = result.rollUp.effective[k];
      if (v !== undefined) total[k] = round((total[k] ?? 0) + v);
    }
    issues.push(...result.issues);
    return result.rollUp;
  };
  const sites = data.sites.map(rollUp);
  const buildings = data.buildings.map(rollUp);
  return { data, sites, buildings, areas: total as Din277Areas, issues, classifiedSpaces };
}
