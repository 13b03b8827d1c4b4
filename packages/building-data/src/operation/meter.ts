import * as z from 'zod/mini';
import { BuildingDataError } from '../errors.js';
import type { LocalizedText } from '@foederal/core';
import { meterMedia } from '../vocabularies/code-lists.js';
import { isObis, parseObis } from './obis.js';

/**
 * A meter (Zähler): medium (see `meterMedia`), unit of its register, OBIS code where the medium
 * has one, its main meter (`parentId`, for sub-meters), the factor that converts register units
 * into kWh (gas: calorific value × Zustandszahl; electricity behind current transformers: the
 * transformer ratio; 1 for kWh meters) and what it is assigned to.
 *
 * @example
 * ```ts
 * meterSchema.parse({ id: 'Z-G1', name: 'Gas Hauptzähler', medium: 'gas', unit: 'm3', obis: '7-0:3.0.0', conversionFactor: 10.4, buildingId: 'B1' });
 * ```
 */
export const meterSchema = z
  .object({
    id: z.string().check(z.trim(), z.minLength(1)),
    name: z.string().check(z.trim(), z.minLength(1)),
    medium: z.string().check(z.refine((m) => meterMedia.has(m), 'unbekanntes Medium / unknown medium')),
    unit: z.string().check(z.minLength(1)),
    obis: z.optional(z.string().check(z.refine(isObis, 'ungültige OBIS-Kennzahl / invalid OBIS code'))),
    parentId: z.optional(z.string().check(z.minLength(1))),
    conversionFactor: z._default(z.number().check(z.gt(0), z.refine(Number.isFinite, 'endliche Zahl / finite number')), 1),
    /** What the heat of this meter is used for; counts only for heat media. */
    heatUse: z.optional(z.enum(['heating', 'hot-water', 'heating-and-hot-water'])),
    serialNumber: z.optional(z.string()),
    buildingId: z.optional(z.string()),
    dataPointKey: z.optional(z.string()),
  })
  .check(
    z.refine((m) => {
      if (m.obis === undefined) return true;
      const medium = meterMedia.get(m.medium);
      return medium?.obisMedium === undefined || parseObis(m.obis, { a: medium.obisMedium, b: 0 }).a === medium.obisMedium;
    }, { message: 'OBIS-Medium passt nicht zum Medium des Zählers / OBIS medium does not match the meter medium', path: ['obis'] }),
  );

/**
 * A meter.
 *
 * @example
 * ```ts
 * const meter: Meter = meterSchema.parse({ id: 'Z1', name: 'Strom', medium: 'electricity', unit: 'kWh' });
 * ```
 */
export type Meter = z.infer<typeof meterSchema>;

/**
 * A problem in a meter tree, with the meter concerned.
 *
 * @example
 * ```ts
 * for (const p of checkMeterTree(meters)) console.log(p.meterId, p.message.de);
 * ```
 */
export interface MeterTreeProblem {
  readonly meterId: string;
  readonly problem: 'duplicate-id' | 'unknown-parent' | 'cycle' | 'medium-mismatch';
  readonly message: Required<LocalizedText>;
}

/**
 * Meters arranged as main/sub-meter trees.
 *
 * @example
 * ```ts
 * const tree: MeterTree = buildMeterTree(meters); tree.roots.map((m) => m.id);
 * ```
 */
export interface MeterTree {
  readonly roots: readonly Meter[];
  readonly get: (id: string) => Meter | undefined;
  readonly children: (id: string) => readonly Meter[];
  /** Ids from the meter up to its root main meter. */
  readonly path: (id: string) => readonly string[];
}

/**
 * Checks a meter list: unique ids, known parents, no cycles, sub-meters of the same indicator
 * category as their main meter (heat under heat, electricity under electricity).
 *
 * @example
 * ```ts
 * checkMeterTree(meters); // [] when the tree is sound
 * ```
 */
export function checkMeterTree(meters: readonly Meter[]): MeterTreeProblem[] {
  const problems: MeterTreeProblem[] = [];
  const byId = new Map<string, Meter>();
  for (const m of meters) {
    if (byId.has(m.id)) {
      problems.push({ meterId: m.id, problem: 'duplicate-id', message: { de: `Zähler-ID "${m.id}" doppelt`, en: `meter id "${m.id}" occurs twice` } });
    } else byId.set(m.id, m);
  }
  for (const m of meters) {
    if (m.parentId === undefined) continue;
    const parent = byId.get(m.parentId);
    if (!parent) {
      problems.push({
        meterId: m.id,
        problem: 'unknown-parent',
        message: { de: `Zähler "${m.id}": Hauptzähler "${m.parentId}" unbekannt`, en: `meter "${m.id}": main meter "${m.parentId}" unknown` },
      });
      continue;
    }
    const seen = new Set([m.id]);
    let cursor: Meter | undefined = parent;
    while (cursor) {
      if (seen.has(cursor.id)) {
        problems.push({ meterId: m.id, problem: 'cycle', message: { de: `Zähler "${m.id}" liegt in einem Kreis`, en: `meter "${m.id}" is part of a cycle` } });
        break;
      }
      seen.add(cursor.id);
      cursor = cursor.parentId === undefined ? undefined : byId.get(cursor.parentId);
    }
    const a = meterMedia.get(m.medium)?.indicator;
    const b = meterMedia.get(parent.medium)?.indicator;
    if (a !== b) {
      problems.push({
        meterId: m.id,
        problem: 'medium-mismatch',
        message: { de: `Unterzähler "${m.id}" (${m.medium}) unter Hauptzähler "${parent.id}" (${parent.medium})`, en: `sub-meter "${m.id}" (${m.medium}) under main meter "${parent.id}" (${parent.medium})` },
      });
    }
  }
  return problems;
}

/**
 * Builds the main/sub-meter tree; throws a `BuildingDataError` (`meter-tree`) naming the first
 * problem found by {@link checkMeterTree}.
 *
 * @example
 * ```ts
 * const tree = buildMeterTree(meters);
 * tree.children('Z-Strom').map((m) => m.id);
 * ```
 */
export function buildMeterTree(meters: readonly Meter[]): MeterTree {
  const problem = checkMeterTree(meters)[0];
  if (problem) {
    throw new BuildingDataError('meter-tree', `${problem.message.de} / ${problem.message.en}`, { location: { segment: problem.meterId } });
  }
  const byId = new Map(meters.map((m) => [m.id, m] as const));
  const kids = new Map<string, Meter[]>();
  for (const m of meters) {
    if (m.parentId === undefined) continue;
    const list = kids.get(m.parentId) ?? [];
    list.push(m);
    kids.set(m.parentId, list);
  }
  return {
    roots: meters.filter((m) => m.parentId === undefined),
    get: (id) => byId.get(id),
    children: (id) => kids.get(id) ?? [],
    path: (id) => {
      const out: string[] = [];
      let cursor = byId.get(id);
      while (cursor) {
        out.push(cursor.id);
        cursor = cursor.parentId === undefined ? undefined : byId.get(cursor.parentId);
      }
      return out;
    },
  };
}
