import { type DataPoint, mapDataPoint, type PointMappingOptions } from '@foederal/building-data';

/**
 * What a data point is for, as the monitoring rules need it.
 *
 * @example
 * ```ts
 * const role: PointRole = 'supply-temperature';
 * ```
 */
export type PointRole =
  | 'supply-temperature'
  | 'return-temperature'
  | 'outdoor-temperature'
  | 'room-temperature'
  | 'temperature-setpoint'
  | 'heating-valve'
  | 'cooling-valve'
  | 'pump-status'
  | 'burner-status'
  | 'fan-status'
  | 'energy-meter'
  | 'analog-sensor'
  | 'binary-status';

/** All roles, in the order the derivation tries them. */
export const pointRoles: readonly PointRole[] = [
  'energy-meter', 'temperature-setpoint', 'supply-temperature', 'return-temperature', 'outdoor-temperature', 'room-temperature',
  'heating-valve', 'cooling-valve', 'pump-status', 'burner-status', 'fan-status', 'analog-sensor', 'binary-status',
];

/**
 * A data point with its role, the group (plant or room) it belongs to, unit and limits: what the
 * rule engine binds rules to.
 *
 * @example
 * ```ts
 * const a: RoleAssignment = { point: 'L01.GS1.UG-HR_HZG.HK01.VL01.MW', role: 'supply-temperature', group: 'L01.GS1.UG-HR.HK01', basis: ['quantity:temperature'] };
 * ```
 */
export interface RoleAssignment {
  /** The name the trend export uses (EDE object name or key). */
  readonly point: string;
  readonly role: PointRole;
  /** Plant or room: the key without trade, component and function. */
  readonly group: string;
  readonly unit?: number;
  readonly limits?: DataPoint['limits'];
  readonly description?: string;
  /** Which facts decided the role (`quantity:…`, `function:…`, `component:…`, `description:…`, `explicit`). */
  readonly basis: readonly string[];
}

/**
 * One row of the role table: conditions on the mapped data point; the first row whose
 * conditions all hold gives the role.
 *
 * @example
 * ```ts
 * const row: RoleRule = { role: 'pump-status', kind: 'status', components: ['PU'], words: ['pumpe', 'pump'] };
 * ```
 */
export interface RoleRule {
  readonly role: PointRole;
  /** `sensor`, `setpoint`, `command` or `status` as mapped by building-data (status includes binary inputs). */
  readonly kind: 'sensor' | 'setpoint' | 'command' | 'status' | 'binary' | 'analog';
  /** Quantity from the BACnet unit (`temperature`, `energy`, …). */
  readonly quantity?: string;
  /** Function abbreviations of the key (`ST`, `BM`, …). */
  readonly functions?: readonly string[];
  /** Trade abbreviations (`HZG`, `KLT`, …); with `components`/`words` any one of them suffices. */
  readonly trades?: readonly string[];
  /** Component prefixes of the key (`VL`, `PU`, …). */
  readonly components?: readonly string[];
  /** Lower-case words in the description or name (`vorlauf`, `supply`, …). */
  readonly words?: readonly string[];
}

/**
 * The shipped role table (ADR 0091): German BAS practice for component abbreviations (VL
 * Vorlauf, RL Rücklauf, AT Außentemperatur, RT Raumtemperatur, PU Pumpe, BR Brenner, ERH
 * Erhitzer, KUE Kühler, VE Ventilator) and words of descriptions. Copy and change it for your own.
 *
 * @example
 * ```ts
 * deriveRoles(points, { table: [...roleTable, { role: 'pump-status', kind: 'status', components: ['P'] }] });
 * ```
 */
export const roleTable: readonly RoleRule[] = [
  { role: 'energy-meter', kind: 'sensor', quantity: 'energy' },
  { role: 'temperature-setpoint', kind: 'setpoint', quantity: 'temperature' },
  { role: 'supply-temperature', kind: 'sensor', quantity: 'temperature', components: ['VL', 'TVL'], words: ['vorlauf', 'supply'] },
  { role: 'return-temperature', kind: 'sensor', quantity: 'temperature', components: ['RL', 'TRL'], words: ['rücklauf', 'ruecklauf', 'return'] },
  { role: 'outdoor-temperature', kind: 'sensor', quantity: 'temperature', components: ['AT', 'AUT', 'TA'], words: ['außen', 'aussen', 'outdoor', 'outside'] },
  { role: 'room-temperature', kind: 'sensor', quantity: 'temperature', components: ['RT', 'TR'], words: ['raum', 'room'] },
  { role: 'heating-valve', kind: 'command', functions: ['ST'], trades: ['HZG'], components: ['ERH', 'HV', 'VH'], words: ['heiz', 'erhitzer', 'heating'] },
  { role: 'cooling-valve', kind: 'command', functions: ['ST'], trades: ['KLT'], components: ['KUE', 'KV', 'VK'], words: ['kühl', 'kuehl', 'kälte', 'cooling'] },
  { role: 'pump-status', kind: 'status', functions: ['BM'], components: ['PU'], words: ['pumpe', 'pump'] },
  { role: 'burner-status', kind: 'status', functions: ['BM'], components: ['BR', 'KE'], words: ['brenner', 'burner', 'kessel', 'boiler'] },
  { role: 'fan-status', kind: 'status', functions: ['BM'], components: ['VE', 'ZUL', 'ABL'], words: ['ventilator', 'fan'] },
  { role: 'analog-sensor', kind: 'analog' },
  { role: 'binary-status', kind: 'binary' },
];

/**
 * Options of {@link deriveRoles}.
 *
 * @example
 * ```ts
 * deriveRoles(points, { explicit: new Map([['Pumpe 1', { role: 'pump-status', group: 'HK1' }]]) });
 * ```
 */
export interface DeriveRolesOptions extends PointMappingOptions {
  readonly table?: readonly RoleRule[];
  /** Roles set by hand, by point name; they win over the table. */
  readonly explicit?: ReadonlyMap<string, { readonly role: PointRole; readonly group?: string }>;
  /** Key segments left out of the group; default trade, component and function. */
  readonly groupWithout?: readonly string[];
}

const binaryTypes = new Set(['binary-input', 'binary-output', 'binary-value']);

/**
 * Derives the role and group of every data point from building-data's semantic mapping (BACnet
 * object type and unit, AKS/BAS key parts) and the role table; points that fit no row get none.
 *
 * @example
 * ```ts
 * const { dataPoints } = await importEde(edeText, { keyGrammar: genericAksProfile });
 * const roles = deriveRoles(dataPoints);
 * ```
 */
export function deriveRoles(points: readonly DataPoint[], options: DeriveRolesOptions = {}): RoleAssignment[] {
  const table = options.table ?? roleTable;
  const without = new Set(options.groupWithout ?? ['trade', 'component', 'function']);
  const out: RoleAssignment[] = [];
  for (const point of points) {
    const name = point.name;
    const group = groupOf(point, without);
    const explicit = options.explicit?.get(name) ?? (point.key === undefined ? undefined : options.explicit?.get(point.key));
    if (explicit) {
      out.push(assignment(point, explicit.role, explicit.group ?? group, ['explicit']));
      continue;
    }
    let mapping;
    try {
      mapping = mapDataPoint(point, options);
    } catch {
      continue;
    }
    if (mapping.role === undefined) continue;
    const quantity = mapping.basis.find((b) => b.startsWith('quantity:'))?.slice(9);
    const fn = point.keyParts?.[options.functionSegment ?? 'function'];
    const trade = point.keyParts?.[options.tradeSegment ?? 'trade'];
    const component = point.keyParts?.component ?? '';
    const text = `${point.description ?? ''} ${name}`.toLowerCase();
    const binary = binaryTypes.has(point.objectIdentifier.type) || mapping.haystack.kind === 'Bool';
    for (const row of table) {
      const kindOk =
        row.kind === 'binary' ? binary && (mapping.role === 'sensor' || mapping.role === 'status')
          : row.kind === 'analog' ? !binary && mapping.role === 'sensor'
            : row.kind === 'status' ? mapping.role === 'status' || (binary && mapping.role === 'sensor')
              : mapping.role === row.kind;
      if (!kindOk) continue;
      if (row.quantity !== undefined && row.quantity !== quantity) continue;
      if (row.functions !== undefined && fn !== undefined && !row.functions.includes(fn)) continue;
      const basis: string[] = [...mapping.basis];
      const alternatives = row.trades !== undefined || row.components !== undefined || row.words !== undefined;
      if (alternatives) {
        const byTrade = trade !== undefined && row.trades?.includes(trade);
        const byComponent = row.components?.find((c) => component.toUpperCase().startsWith(c));
        const byWord = row.words?.find((w) => text.includes(w));
        if (!byTrade && byComponent === undefined && byWord === undefined) continue;
        if (byComponent !== undefined) basis.push(`component:${byComponent}`);
        else if (byWord !== undefined) basis.push(`description:${byWord}`);
        else basis.push(`trade:${trade as string}`);
      }
      out.push(assignment(point, row.role, group, basis));
      break;
    }
  }
  return out;
}

function groupOf(point: DataPoint, without: ReadonlySet<string>): string {
  const parts = point.keyParts;
  if (parts) {
    const kept = Object.entries(parts).filter(([k, v]) => !without.has(k) && v !== '');
    return kept.map(([, v]) => v).join('.');
  }
  return '';
}

function assignment(point: DataPoint, role: PointRole, group: string, basis: string[]): RoleAssignment {
  const a: { -readonly [K in keyof RoleAssignment]: RoleAssignment[K] } = { point: point.name, role, group, basis };
  if (point.units !== undefined) a.unit = point.units;
  if (point.limits !== undefined) a.limits = point.limits;
  if (point.description !== undefined) a.description = point.description;
  return a;
}
