import * as z from 'zod/mini';
import { BuildingDataError } from '../errors.js';
import { meterMedia } from '../vocabularies/code-lists.js';
import { buildMeterTree, type Meter } from './meter.js';
import { meterConsumption, type Reading } from './reading.js';

const kWh = z.number().check(z.gte(0), z.refine(Number.isFinite, 'endliche Zahl / finite number'));

/**
 * Input of {@link consumptionIndicators}: the net room area (NRF, DIN 277:2021) in m², the
 * period, the measured energy in kWh split into space heating (weather-corrected), hot water
 * (not corrected) and electricity, and the climate factor for the site and period (from the
 * Deutscher Wetterdienst; supplied by the caller).
 *
 * @example
 * ```ts
 * consumptionInputSchema.parse({ netRoomArea: 2400, from: '2022-01-01', to: '2025-01-01', heatingKWh: 620000, hotWaterKWh: 30000, electricityKWh: 150000, climateFactor: 1.12 });
 * ```
 */
export const consumptionInputSchema = z.object({
  netRoomArea: z.number().check(z.gt(0), z.refine(Number.isFinite, 'endliche Zahl / finite number')),
  from: z.iso.date(),
  to: z.iso.date(),
  heatingKWh: kWh,
  hotWaterKWh: z._default(kWh, 0),
  electricityKWh: kWh,
  climateFactor: z.number().check(z.gt(0), z.lt(10)),
});

/**
 * Input of {@link consumptionIndicators}.
 *
 * @example
 * ```ts
 * const input: ConsumptionInput = { netRoomArea: 2000, from: '2024-01-01', to: '2025-01-01', heatingKWh: 200000, electricityKWh: 60000, climateFactor: 1.1 };
 * ```
 */
export type ConsumptionInput = z.input<typeof consumptionInputSchema>;

/**
 * Consumption indicators in kWh/(m²·a) of NRF.
 *
 * @example
 * ```ts
 * const { heat, electricity }: ConsumptionIndicators = consumptionIndicators(input);
 * ```
 */
export interface ConsumptionIndicators {
  readonly unit: 'kWh/(m²·a)';
  readonly periodDays: number;
  readonly years: number;
  /** True when the period covers at least 36 months, the minimum of the federal rules for consumption-based values. */
  readonly meetsMinimumPeriod: boolean;
  readonly heat: {
    /** Heating × climate factor + hot water, per m² NRF and year. */
    readonly indicator: number;
    /** Without weather correction. */
    readonly uncorrectedIndicator: number;
    readonly correctedKWh: number;
  };
  readonly electricity: { readonly indicator: number; readonly kWh: number };
}

const dayMs = 86_400_000;

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Consumption indicators of a non-residential building, following the federal rules for
 * consumption values of non-residential buildings (BMWi/BMI, 2021): energy per m² of net room area
 * and year, split into heat and electricity; the space-heating part of heat is weather-corrected
 * by multiplying with the supplied climate factor, hot water and electricity are not corrected.
 * Periods other than a year are scaled to 365 days. Throws a `BuildingDataError`
 * (`consumption`) for invalid input, naming the field.
 *
 * @example
 * ```ts
 * const r = consumptionIndicators({ netRoomArea: 2000, from: '2024-01-01', to: '2025-01-01', heatingKWh: 200000, hotWaterKWh: 0, electricityKWh: 60000, climateFactor: 1.1 });
 * r.heat.indicator; // 109.7 (200000 × 1.1 / 2000 / (366/365))
 * ```
 */
export function consumptionIndicators(input: ConsumptionInput): ConsumptionIndicators {
  const parsed = consumptionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [];
    throw new BuildingDataError('consumption', `Verbrauchskennwert: ${path.join('.')}: ${issue?.message ?? ''}`, { cause: parsed.error, location: { path } });
  }
  const v = parsed.data;
  const days = (Date.parse(v.to) - Date.parse(v.from)) / dayMs;
  if (!(days > 0)) {
    throw new BuildingDataError('consumption', `Zeitraum ${v.from} bis ${v.to} ist leer / period is empty`, { location: { path: ['to'] } });
  }
  const years = days / 365;
  const per = (energy: number): number => energy / v.netRoomArea / years;
  const correctedKWh = v.heatingKWh * v.climateFactor + v.hotWaterKWh;
  return {
    unit: 'kWh/(m²·a)',
    periodDays: days,
    years,
    meetsMinimumPeriod: monthsBetween(v.from, v.to) >= 36,
    heat: {
      indicator: per(correctedKWh),
      uncorrectedIndicator: per(v.heatingKWh + v.hotWaterKWh),
      correctedKWh,
    },
    electricity: { indicator: per(v.electricityKWh), kWh: v.electricityKWh },
  };
}

/**
 * Consumption indicators from meters and their readings: only main meters (roots of the meter
 * tree) are summed, so sub-meters are not counted twice; electricity meters count to
 * electricity, heat media (heat, gas, oil, district heating, pellets) to heat, split by each
 * meter's `heatUse` (`heating` by default; `heating-and-hot-water` is split by
 * `hotWaterShare`, default 0). Register units are converted to kWh by each meter's factor.
 *
 * @example
 * ```ts
 * indicatorsFromMeters({ meters, readings, from: '2022-01-01', to: '2025-01-01', netRoomArea: 2400, climateFactor: 1.08 });
 * ```
 */
export function indicatorsFromMeters(options: {
  meters: readonly Meter[];
  readings: readonly Reading[];
  from: string;
  to: string;
  netRoomArea: number;
  climateFactor: number;
  hotWaterShare?: number;
}): ConsumptionIndicators {
  const share = options.hotWaterShare ?? 0;
  if (!(share >= 0 && share <= 1)) {
    throw new BuildingDataError('consumption', 'hotWaterShare muss zwischen 0 und 1 liegen / must be between 0 and 1', { location: { path: ['hotWaterShare'] } });
  }
  const tree = buildMeterTree(options.meters);
  let heating = 0;
  let hotWater = 0;
  let electricity = 0;
  const from = `${options.from}T00:00:00Z`;
  const to = `${options.to}T00:00:00Z`;
  for (const meter of tree.roots) {
    const category = meterMedia.get(meter.medium)?.indicator;
    if (category !== 'heat' && category !== 'electricity') continue;
    const { kWh: energy } = meterConsumption(meter, options.readings, from, to);
    if (category === 'electricity') electricity += energy;
    else if (meter.heatUse === 'hot-water') hotWater += energy;
    else if (meter.heatUse === 'heating-and-hot-water') {
      hotWater += energy * share;
      heating += energy * (1 - share);
    } else heating += energy;
  }
  return consumptionIndicators({
    netRoomArea: options.netRoomArea,
    from: options.from,
    to: options.to,
    heatingKWh: heating,
    hotWaterKWh: hotWater,
    electricityKWh: electricity,
    climateFactor: options.climateFactor,
  });
}
