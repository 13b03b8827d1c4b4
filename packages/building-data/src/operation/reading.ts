import * as z from 'zod/mini';
import { BuildingDataError } from '../errors.js';
import type { Meter } from './meter.js';

/**
 * A meter reading (Zählerstand): the register value at a time. `reset: true` marks the first
 * reading after a meter exchange or register reset (consumption restarts from this value).
 *
 * @example
 * ```ts
 * readingSchema.parse({ meterId: 'Z-S1', timestamp: '2025-01-01T00:00:00Z', value: 18234.5 });
 * ```
 */
export const readingSchema = z.object({
  meterId: z.string().check(z.minLength(1)),
  timestamp: z.iso.datetime({ offset: true }),
  value: z.number().check(z.refine(Number.isFinite, 'endliche Zahl / finite number')),
  reset: z.optional(z.boolean()),
  estimated: z.optional(z.boolean()),
});

/**
 * A meter reading.
 *
 * @example
 * ```ts
 * const reading: Reading = { meterId: 'Z1', timestamp: '2025-01-01T00:00:00Z', value: 1234.5 };
 * ```
 */
export type Reading = z.infer<typeof readingSchema>;

/**
 * Consumption of one meter between two instants, from its register readings, in register
 * units and in kWh (× conversion factor). Register values at the period bounds are
 * interpolated linearly between the nearest readings; readings must cover the whole period.
 * A falling register without `reset` is an error (`readings`) naming the reading.
 *
 * @example
 * ```ts
 * meterConsumption(meter, readings, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'); // { value: 12000, kWh: 124800 }
 * ```
 */
export function meterConsumption(meter: Meter, readings: readonly Reading[], from: string, to: string): { value: number; kWh: number } {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) throw new BuildingDataError('readings', `Zeitraum ungültig: ${from} bis ${to} / invalid period`, { location: { segment: meter.id } });
  const own = readings
    .filter((r) => r.meterId === meter.id)
    .map((r) => ({ t: Date.parse(r.timestamp), v: r.value, reset: r.reset === true, at: r.timestamp }))
    .sort((a, b) => a.t - b.t);
  const first = own[0];
  const last = own[own.length - 1];
  if (!first || !last || first.t > start || last.t < end) {
    throw new BuildingDataError(
      'readings',
      `Zähler "${meter.id}": Ablesungen decken ${from} bis ${to} nicht ab / readings do not cover the period`,
      { location: { segment: meter.id } },
    );
  }
  // cumulative consumption at each reading, restarting after resets
  const cumulative: { t: number; c: number }[] = [];
  let total = 0;
  for (let i = 0; i < own.length; i++) {
    const r = own[i] as (typeof own)[number];
    const prev = own[i - 1];
    if (prev && !r.reset) {
      if (r.v < prev.v) {
        throw new BuildingDataError(
          'readings',
          `Zähler "${meter.id}": Zählerstand fällt am ${r.at} (${prev.v} → ${r.v}) ohne Zählerwechsel / register falls without reset`,
          { location: { segment: meter.id, path: ['readings', r.at] } },
        );
      }
      total += r.v - prev.v;
    }
    cumulative.push({ t: r.t, c: total });
  }
  const at = (t: number): number => {
    let lo = 0;
    while (lo < cumulative.length - 1 && (cumulative[lo + 1] as { t: number }).t <= t) lo++;
    const a = cumulative[lo] as { t: number; c: number };
    const b = cumulative[lo + 1];
    if (!b || a.t === t || b.t === a.t) return a.c;
    return a.c + ((b.c - a.c) * (t - a.t)) / (b.t - a.t);
  };
  const value = at(end) - at(start);
  return { value, kWh: value * meter.conversionFactor };
}
