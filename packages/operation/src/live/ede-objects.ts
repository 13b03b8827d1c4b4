import { bacnetObjectTypes, type DataPoint } from '@foederal/building-data';
import type { BacnetObjectRef } from './bacnet.js';

/** Object types whose Present_Value is a number worth trending (analog, binary, multi-state, counters). */
const readable = new Set([
  'analog-input', 'analog-output', 'analog-value',
  'binary-input', 'binary-output', 'binary-value',
  'multi-state-input', 'multi-state-output', 'multi-state-value',
  'accumulator', 'pulse-converter', 'integer-value', 'large-analog-value', 'positive-integer-value',
]);

/**
 * The BACnet objects to read for the data points of an EDE list (`readEde` of
 * `@foederal/building-data`): the objects with a numeric Present_Value, optionally of one device,
 * with the AKS key (else the object name) as data point id, so live samples carry the same ids as
 * the trend data and the monitoring rules.
 *
 * @example
 * ```ts
 * const objects = bacnetObjectsFromDataPoints(points, { deviceInstance: 1201 });
 * const { samples } = await reader.readPresentValues({ address: '10.1.2.3', deviceId: 1201 }, objects);
 * ```
 */
export function bacnetObjectsFromDataPoints(
  points: readonly DataPoint[],
  options: { readonly deviceInstance?: number } = {},
): BacnetObjectRef[] {
  const objects: BacnetObjectRef[] = [];
  for (const p of points) {
    if (options.deviceInstance !== undefined && p.deviceInstance !== options.deviceInstance) continue;
    if (!readable.has(p.objectIdentifier.type)) continue;
    const type = bacnetObjectTypes.get(p.objectIdentifier.type);
    if (type === undefined) continue;
    objects.push({ pointId: p.key ?? p.name, objectType: type.number, instance: p.objectIdentifier.instance });
  }
  return objects;
}
