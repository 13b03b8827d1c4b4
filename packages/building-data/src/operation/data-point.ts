import * as z from 'zod/mini';
import { bacnetObjectIdentifierSchema, maxBacnetInstance } from './bacnet.js';

const finite = z.number().check(z.refine(Number.isFinite, 'endliche Zahl / finite number'));

/**
 * A data point (Datenpunkt) of building automation: its BACnet object identifier and device,
 * object name, description, engineering unit (BACnet unit number), whether it is writable, COV
 * increment, limits and its AKS/BAS key (with the key's parts when a grammar was applied).
 *
 * @example
 * ```ts
 * dataPointSchema.parse({
 *   objectIdentifier: { type: 'analog-input', instance: 1 }, deviceInstance: 1001,
 *   name: 'L01.G1.EG-R012_HZG.WE01.TF01.MW', description: 'Vorlauftemperatur', units: 62,
 *   writable: false, covIncrement: 0.5, limits: { low: 10, high: 90 }, key: 'L01.G1.EG-R012_HZG.WE01.TF01.MW',
 * });
 * ```
 */
export const dataPointSchema = z.object({
  objectIdentifier: bacnetObjectIdentifierSchema,
  deviceInstance: z.optional(z.int().check(z.gte(0), z.lte(maxBacnetInstance))),
  name: z.string().check(z.minLength(1), z.maxLength(1024)),
  description: z.optional(z.string()),
  units: z.optional(z.int().check(z.gte(0), z.lte(65535))),
  writable: z._default(z.boolean(), false),
  supportsCov: z.optional(z.boolean()),
  covIncrement: z.optional(finite.check(z.gt(0))),
  defaultValue: z.optional(z.union([finite, z.string()])),
  limits: z.optional(
    z
      .object({
        /** Minimum of the present value (`min-present-value`). */
        min: z.optional(finite),
        /** Maximum of the present value (`max-present-value`). */
        max: z.optional(finite),
        /** Lower alarm limit (`low-limit`). */
        low: z.optional(finite),
        /** Upper alarm limit (`high-limit`). */
        high: z.optional(finite),
      })
      .check(
        z.refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, {
          message: 'min-present-value größer als max-present-value / min greater than max',
          path: ['min'],
        }),
        z.refine((l) => l.low === undefined || l.high === undefined || l.low <= l.high, {
          message: 'low-limit größer als hi-limit / low limit greater than high limit',
          path: ['low'],
        }),
      ),
  ),
  stateTextReference: z.optional(z.int().check(z.gte(0))),
  notificationClass: z.optional(z.int().check(z.gte(0))),
  vendorAddress: z.optional(z.string()),
  key: z.optional(z.string().check(z.minLength(1))),
  keyParts: z.optional(z.record(z.string(), z.string())),
});

/**
 * A data point.
 *
 * @example
 * ```ts
 * const point: DataPoint = { objectIdentifier: { type: 'analog-input', instance: 1 }, name: 'TF01', writable: false, units: 62 };
 * ```
 */
export type DataPoint = z.infer<typeof dataPointSchema>;
