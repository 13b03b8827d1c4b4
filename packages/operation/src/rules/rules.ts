import type { LocalizedText } from '@foederal/core';
import type { PointRole } from './roles.js';

/**
 * The algorithms the engine knows; a rule names one and gives it roles and parameters.
 *
 * @example
 * ```ts
 * const check: CheckKind = 'simultaneous';
 * ```
 */
export type CheckKind = 'gap' | 'frozen' | 'limit' | 'schedule' | 'simultaneous' | 'delta-t' | 'setpoint' | 'short-cycling' | 'meter';

/**
 * A Technisches-Monitoring rule as data: which check, on which roles (`anyOf` for rules on
 * single points, `allOf` for rules on a group such as a plant or room), its parameters with
 * defaults, severity and source.
 *
 * @example
 * ```ts
 * const fanAtNight: MonitoringRule = { ...rule('operation-outside-schedule'), id: 'fan-outside-schedule', roles: { anyOf: ['fan-status'] } };
 * ```
 */
export interface MonitoringRule {
  readonly id: string;
  readonly check: CheckKind;
  readonly title: Required<LocalizedText>;
  readonly roles: { readonly anyOf?: readonly (PointRole | '*')[]; readonly allOf?: readonly PointRole[]; readonly optional?: readonly PointRole[] };
  readonly parameters: Readonly<Record<string, number>>;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly source: string;
}

const amev = 'AMEV Technisches Monitoring (2017/2020), Funktionsprüfung und Soll-Ist-Vergleich; VDI 6041:2017';

/**
 * The shipped rules (ADR 0093 lists sources and why each default was chosen). Parameters are in
 * minutes, kelvin, percent or the point's unit as their names say.
 *
 * @example
 * ```ts
 * monitoringRules.map((r) => r.id); // ['data-gap', 'frozen-value', …]
 * ```
 */
export const monitoringRules: readonly MonitoringRule[] = [
  {
    id: 'data-gap',
    check: 'gap',
    title: { de: 'Datenlücke', en: 'Data gap' },
    roles: { anyOf: ['*'] },
    parameters: { minMinutes: 60 },
    severity: 'warning',
    source: `${amev}: Trendaufzeichnung lückenlos`,
  },
  {
    id: 'frozen-value',
    check: 'frozen',
    title: { de: 'Eingefrorener Messwert', en: 'Frozen value' },
    roles: { anyOf: ['supply-temperature', 'return-temperature', 'outdoor-temperature', 'room-temperature', 'analog-sensor'] },
    parameters: { minMinutes: 1440, tolerance: 0.01 },
    severity: 'warning',
    source: `${amev}: Plausibilität der Messwerte; ASHRAE Guideline 36 (sensor faults)`,
  },
  {
    id: 'limit-violation',
    check: 'limit',
    title: { de: 'Grenzwertverletzung', en: 'Limit violation' },
    roles: { anyOf: ['*'] },
    parameters: { minMinutes: 15 },
    severity: 'warning',
    source: `${amev}: Grenzwerte aus der Datenpunktliste (EDE low-limit/hi-limit)`,
  },
  {
    id: 'operation-outside-schedule',
    check: 'schedule',
    title: { de: 'Betrieb außerhalb der Nutzungszeit', en: 'Operation outside operating times' },
    roles: { anyOf: ['pump-status', 'fan-status', 'burner-status'] },
    parameters: { minMinutes: 30, onShare: 0.5 },
    severity: 'warning',
    source: `${amev}: Betriebszeiten nach Nutzungszeit, Wochenenden und Feiertagen`,
  },
  {
    id: 'simultaneous-heating-cooling',
    check: 'simultaneous',
    title: { de: 'Gleichzeitiges Heizen und Kühlen', en: 'Simultaneous heating and cooling' },
    roles: { allOf: ['heating-valve', 'cooling-valve'] },
    parameters: { minMinutes: 15, heatingPercent: 10, coolingPercent: 10 },
    severity: 'critical',
    source: `${amev}; ASHRAE Guideline 36 fault conditions (simultaneous heating and cooling)`,
  },
  {
    id: 'low-delta-t',
    check: 'delta-t',
    title: { de: 'Zu geringe Spreizung Vorlauf/Rücklauf', en: 'Supply/return temperature difference too low' },
    roles: { allOf: ['supply-temperature', 'return-temperature'], optional: ['pump-status'] },
    parameters: { minMinutes: 120, minDeltaK: 3, activeSupplyC: 30 },
    severity: 'warning',
    source: `${amev}: hydraulischer Abgleich, Spreizung`,
  },
  {
    id: 'setpoint-not-reached',
    check: 'setpoint',
    title: { de: 'Sollwert nicht erreicht', en: 'Set point not reached' },
    roles: { allOf: ['room-temperature', 'temperature-setpoint'] },
    parameters: { minMinutes: 120, toleranceK: 2, onlyOperatingTime: 1 },
    severity: 'warning',
    source: `${amev}: Soll-Ist-Vergleich`,
  },
  {
    id: 'short-cycling',
    check: 'short-cycling',
    title: { de: 'Takten (zu viele Starts)', en: 'Short cycling (too many starts)' },
    roles: { anyOf: ['pump-status', 'burner-status'] },
    parameters: { maxStartsPerHour: 4 },
    severity: 'warning',
    source: `${amev}: Taktverhalten von Wärmeerzeugern und Pumpen`,
  },
  {
    id: 'meter-plausibility',
    check: 'meter',
    title: { de: 'Unplausibler Zählerstand', en: 'Implausible meter reading' },
    roles: { anyOf: ['energy-meter'] },
    parameters: { jumpFactor: 20, subMeterTolerancePercent: 5 },
    severity: 'warning',
    source: `${amev}: Energiemonitoring, Zählerstrukturen; building-data Zählerbaum`,
  },
];
