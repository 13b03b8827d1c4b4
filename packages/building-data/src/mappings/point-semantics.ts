import type { Language } from '@foederal/core';
import * as z from 'zod/mini';
import table from '../data/point-semantics.json' with { type: 'json' };
import { BuildingDataError } from '../errors.js';
import { localizedTextSchema } from '@foederal/core/text-schema';
import { bacnetEngineeringUnitByNumber, bacnetObjectTypes } from '../operation/bacnet.js';
import type { DataPoint } from '../operation/data-point.js';

const role = z.enum(['sensor', 'command', 'setpoint', 'status']);

/**
 * The mapping tables as data (`src/data/point-semantics.json`): point roles by BACnet object
 * type and writability, value kinds, quantities by BACnet unit, and function and trade
 * abbreviations of AKS/BAS keys, each with Haystack tags and Brick classes.
 *
 * @example
 * ```ts
 * pointSemanticsSchema.parse(JSON.parse(myTable));
 * ```
 */
export const pointSemanticsSchema = z.object({
  id: z.string(),
  title: localizedTextSchema,
  source: z.string().check(z.minLength(1)),
  edition: z.string().check(z.minLength(1)),
  version: z.string(),
  verification: z.string(),
  roles: z.array(
    z.object({
      role,
      objectTypes: z.array(z.string()),
      writable: z.nullable(z.boolean()),
      haystack: z.array(z.string()),
      brick: z.string(),
      verified: z.boolean(),
    }),
  ),
  kinds: z.record(z.string(), z.enum(['Number', 'Bool', 'Str'])),
  quantities: z.array(
    z.object({
      quantity: z.string(),
      units: z.array(z.int()),
      haystack: z.array(z.string()),
      brick: z.object({ sensor: z.optional(z.string()), setpoint: z.optional(z.string()), command: z.optional(z.string()) }),
      verified: z.boolean(),
    }),
  ),
  functions: z.array(
    z.object({
      code: z.string(),
      label: localizedTextSchema,
      role,
      haystack: z.array(z.string()),
      brick: z.nullable(z.string()),
      verified: z.optional(z.boolean()),
    }),
  ),
  trades: z.array(z.object({ code: z.string(), label: localizedTextSchema, haystack: z.array(z.string()) })),
});

/**
 * The mapping tables.
 *
 * @example
 * ```ts
 * const tables: PointSemantics = { ...pointSemantics, trades: [...pointSemantics.trades, { code: 'GAS', label: { de: 'Gas', en: 'gas' }, haystack: ['naturalGas'] }] };
 * ```
 */
export type PointSemantics = z.infer<typeof pointSemanticsSchema>;

/**
 * The shipped mapping tables (Haystack 4, Brick 1.3), validated at load.
 *
 * @example
 * ```ts
 * pointSemantics.functions.find((f) => f.code === 'BM')?.brick; // 'Run_Status'
 * ```
 */
export const pointSemantics: PointSemantics = /* @__PURE__ */ pointSemanticsSchema.parse(table);

/**
 * Haystack tags and Brick class of one data point, with the table rows that decided them.
 *
 * @example
 * ```ts
 * const { haystack, brick }: PointMapping = mapDataPoint(point);
 * ```
 */
export interface PointMapping {
  readonly role: 'sensor' | 'command' | 'setpoint' | 'status' | undefined;
  readonly haystack: {
    /** Marker tags, e.g. `['point', 'sensor', 'temp', 'heat']`. */
    readonly markers: readonly string[];
    readonly kind: 'Number' | 'Bool' | 'Str' | undefined;
    readonly unit: string | undefined;
  };
  /** Brick class name without prefix (`Temperature_Sensor`), `undefined` for non-point objects. */
  readonly brick: string | undefined;
  /** Brick class as IRI. */
  readonly brickIri: string | undefined;
  /** Which rows applied: `role:…`, `quantity:…`, `function:…`, `trade:…`. */
  readonly basis: readonly string[];
}

/**
 * Which key parts hold the function and trade abbreviations.
 *
 * @example
 * ```ts
 * mapDataPoint(point, { functionSegment: 'fn', tradeSegment: 'gewerk' });
 * ```
 */
export interface PointMappingOptions {
  /** Key segment with the function abbreviation (`MW`, `SW`, `BM`, …); default `function`. */
  readonly functionSegment?: string;
  /** Key segment with the trade abbreviation (`HZG`, `LUE`, …); default `trade`. */
  readonly tradeSegment?: string;
  /** Other tables than the shipped ones. */
  readonly tables?: PointSemantics;
}

const brickNs = 'https://brickschema.org/schema/Brick#';

/**
 * Maps a data point to Project Haystack marker tags, kind and unit, and to a Brick class, using
 * the documented tables: the object type and writability give the role (sensor, command,
 * setpoint); the BACnet unit gives the quantity (temperature, CO₂, …); the function and trade
 * segments of the parsed key (`keyParts`) refine the role (run status, fault, on/off command)
 * and add the medium (heat, air, …). Non-point objects (device, schedule, …) get no class.
 *
 * @example
 * ```ts
 * mapDataPoint({ objectIdentifier: { type: 'analog-input', instance: 1 }, name: 'TF01', units: 62, writable: false,
 *   keyParts: { trade: 'HZG', function: 'MW' } });
 * // { role: 'sensor', haystack: { markers: ['point', 'sensor', 'temp', 'heat'], kind: 'Number', unit: '°C' }, brick: 'Temperature_Sensor', … }
 * ```
 */
export function mapDataPoint(point: DataPoint, options: PointMappingOptions = {}): PointMapping {
  const t = options.tables ?? pointSemantics;
  const type = point.objectIdentifier.type;
  if (!bacnetObjectTypes.has(type)) {
    throw new BuildingDataError('unknown-code', `unbekannter BACnet-Objekttyp "${type}" / unknown BACnet object type`, { location: { path: ['objectIdentifier', 'type'] } });
  }
  const basis: string[] = [];
  const roleRow = t.roles.find((r) => r.objectTypes.includes(type) && (r.writable === null || r.writable === point.writable));
  const kind = t.kinds[type];
  const unit = point.units === undefined ? undefined : bacnetEngineeringUnitByNumber(point.units);
  if (!roleRow) {
    return { role: undefined, haystack: { markers: [], kind: undefined, unit: undefined }, brick: undefined, brickIri: undefined, basis };
  }
  basis.push(`role:${roleRow.role}`);
  let pointRole: PointMapping['role'] = roleRow.role;
  const markers = new Set(roleRow.haystack);
  let brick = roleRow.brick;
  const fn = point.keyParts?.[options.functionSegment ?? 'function'];
  const fnRow = fn === undefined ? undefined : t.functions.find((f) => f.code === fn);
  const quantity = point.units === undefined ? undefined : t.quantities.find((q) => q.units.includes(point.units as number));
  if (quantity) {
    basis.push(`quantity:${quantity.quantity}`);
    for (const tag of quantity.haystack) markers.add(tag);
    const byRole = pointRole === 'setpoint' ? quantity.brick.setpoint : pointRole === 'command' ? quantity.brick.command : quantity.brick.sensor;
    if (byRole) brick = byRole;
  }
  if (fnRow) {
    basis.push(`function:${fnRow.code}`);
    for (const tag of fnRow.haystack) markers.add(tag);
    // a function refines the role only where it agrees with the object type (binary status, commands)
    if (fnRow.brick && (fnRow.role === pointRole || (fnRow.role === 'status' && pointRole === 'sensor' && kind === 'Bool'))) {
      brick = fnRow.brick;
      if (fnRow.role === 'status') pointRole = 'status';
    }
  }
  const trade = point.keyParts?.[options.tradeSegment ?? 'trade'];
  const tradeRow = trade === undefined ? undefined : t.trades.find((x) => x.code === trade);
  if (tradeRow) {
    basis.push(`trade:${tradeRow.code}`);
    for (const tag of tradeRow.haystack) markers.add(tag);
  }
  if (point.writable) markers.add('writable');
  return {
    role: pointRole,
    haystack: { markers: [...markers], kind, unit: unit?.haystackUnit || undefined },
    brick,
    brickIri: brickNs + brick,
    basis,
  };
}

/**
 * The mapping tables as Markdown (German or English), as printed in the guide.
 *
 * @example
 * ```ts
 * console.log(pointSemanticsMarkdown('en'));
 * ```
 */
export function pointSemanticsMarkdown(language: Language = 'de', tables: PointSemantics = pointSemantics): string {
  const de = language === 'de';
  const lines: string[] = [];
  lines.push(de ? '| BACnet-Objekttypen | beschreibbar | Rolle | Haystack | Brick |' : '| BACnet object types | writable | role | Haystack | Brick |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const r of tables.roles) {
    const w = r.writable === null ? (de ? 'egal' : 'any') : r.writable ? (de ? 'ja' : 'yes') : de ? 'nein' : 'no';
    lines.push(`| ${r.objectTypes.join(', ')} | ${w} | ${r.role} | ${r.haystack.join(' ')} | ${r.brick} |`);
  }
  lines.push('');
  lines.push(de ? '| Größe | BACnet-Einheiten | Haystack | Brick (Sensor / Sollwert / Befehl) |' : '| quantity | BACnet units | Haystack | Brick (sensor / setpoint / command) |');
  lines.push('| --- | --- | --- | --- |');
  for (const q of tables.quantities) {
    lines.push(`| ${q.quantity} | ${q.units.join(', ')} | ${q.haystack.join(' ') || '–'} | ${q.brick.sensor ?? '–'} / ${q.brick.setpoint ?? '–'} / ${q.brick.command ?? '–'} |`);
  }
  lines.push('');
  lines.push(de ? '| Funktion | Bedeutung | Haystack | Brick |' : '| function | meaning | Haystack | Brick |');
  lines.push('| --- | --- | --- | --- |');
  for (const f of tables.functions) lines.push(`| ${f.code} | ${f.label[language]} | ${f.haystack.join(' ') || '–'} | ${f.brick ?? '–'} |`);
  lines.push('');
  lines.push(de ? '| Gewerk | Bedeutung | Haystack |' : '| trade | meaning | Haystack |');
  lines.push('| --- | --- | --- |');
  for (const x of tables.trades) lines.push(`| ${x.code} | ${x.label[language]} | ${x.haystack.join(' ')} |`);
  return lines.join('\n');
}
