import type { Meter } from '@foederal/building-data';
import { berlinWallToUtc, utcToBerlinWall } from '../time/berlin.js';
import { type OperatingSchedule, operatingMask } from '../time/schedule.js';
import type { Interval } from '../rules/engine.js';
import { type AlignedTrends, QUALITY_PRESENT, type TimeGrid, type TrendPoint } from '../trend/series.js';

const site = 'L01.GS1';

/** The data points of the demo school: key (also the object name), BACnet type and instance, description, unit, limits. */
const points = [
  { key: `${site}.UG-HR_HZG.HK01.VL01.MW`, type: 0, instance: 1, text: 'Vorlauftemperatur Heizkreis 1', unit: 62, low: 10, high: 85, min: -30, max: 130 },
  { key: `${site}.UG-HR_HZG.HK01.RL01.MW`, type: 0, instance: 2, text: 'Rücklauftemperatur Heizkreis 1', unit: 62, low: 10, high: 80, min: -30, max: 130 },
  { key: `${site}.UG-HR_HZG.HK01.PU01.BM`, type: 3, instance: 1, text: 'Pumpe Heizkreis 1 Betriebsmeldung' },
  { key: `${site}.UG-HR_HZG.WE01.BR01.BM`, type: 3, instance: 2, text: 'Brenner Kessel 1 Betriebsmeldung' },
  { key: `${site}.UG-HR_HZG.WE01.AT01.MW`, type: 0, instance: 3, text: 'Außentemperatur', unit: 62, min: -40, max: 50 },
  { key: `${site}.UG-TZ_RLT.RLT01.ERH01.ST`, type: 1, instance: 1, text: 'Lüftungsanlage Erhitzer Ventil Stellsignal', unit: 98, min: 0, max: 100 },
  { key: `${site}.UG-TZ_RLT.RLT01.KUE01.ST`, type: 1, instance: 2, text: 'Lüftungsanlage Kühler Ventil Stellsignal', unit: 98, min: 0, max: 100 },
  { key: `${site}.UG-TZ_RLT.RLT01.VE01.BM`, type: 3, instance: 3, text: 'Lüftungsanlage Zuluftventilator Betriebsmeldung' },
  { key: `${site}.EG-R012_HZG.RK01.RT01.MW`, type: 0, instance: 4, text: 'Raumtemperatur Klasse 1a', unit: 62, low: 12, high: 30, min: -10, max: 50 },
  { key: `${site}.EG-R012_HZG.RK01.RT01.SW`, type: 2, instance: 1, text: 'Raumtemperatur Sollwert Klasse 1a', unit: 62, writable: true },
  { key: `${site}.OG-R021_HZG.RK02.RT01.MW`, type: 0, instance: 5, text: 'Raumtemperatur Klasse 2a', unit: 62, low: 12, high: 30, min: -10, max: 50 },
  { key: `${site}.OG-R021_HZG.RK02.RT01.SW`, type: 2, instance: 2, text: 'Raumtemperatur Sollwert Klasse 2a', unit: 62, writable: true },
  { key: `${site}.UG-HR_ELT.HV01.WZ01.MW`, type: 0, instance: 6, text: 'Stromzähler Hauptverteilung', unit: 19, min: 0 },
  { key: `${site}.UG-HR_ELT.UV01.WZ02.MW`, type: 0, instance: 7, text: 'Stromzähler Unterverteilung Lüftung', unit: 19, min: 0 },
  { key: `${site}.UG-HR_HZG.WE01.WMZ01.MW`, type: 0, instance: 8, text: 'Wärmemengenzähler Kessel 1', unit: 19, min: 0 },
] as const;

const unitSymbol: Record<number, string> = { 62: '°C', 98: '%', 19: 'kWh' };

/** Point keys of the demo school by short name. */
export const demoPoints = {
  supply: points[0].key,
  return: points[1].key,
  pump: points[2].key,
  burner: points[3].key,
  outdoor: points[4].key,
  heater: points[5].key,
  cooler: points[6].key,
  fan: points[7].key,
  room1: points[8].key,
  setpoint1: points[9].key,
  room2: points[10].key,
  setpoint2: points[11].key,
  mainMeter: points[12].key,
  subMeter: points[13].key,
  heatMeter: points[14].key,
} as const;

/**
 * The EDE list of the demo school (Grundschule am Park, Musterstadt, Bayern): 15 data points of
 * a heating circuit, a boiler, an air-handling unit, two classrooms and three meters, keyed by
 * `genericAksProfile`.
 *
 * @example
 * ```ts
 * const { dataPoints } = await importEde(demoSchoolEde, { keyGrammar: genericAksProfile });
 * ```
 */
export const demoSchoolEde: string = [
  'PROJECT_NAME;Grundschule am Park',
  'VERSION_OF_LAYOUT;2.3',
  'keyname;device obj.-instance;object-name;object-type;object-instance;description;present-value-default;min-present-value;max-present-value;settable;supports COV;hi-limit;low-limit;state-text-reference;unit-code',
  ...points.map((p) => {
    const q = p as { unit?: number; low?: number; high?: number; min?: number; max?: number; writable?: boolean };
    const n = (v: number | undefined): string => (v === undefined ? '' : String(v).replace('.', ','));
    return [p.key, 1001, p.key, p.type, p.instance, p.text, '', n(q.min), n(q.max), q.writable ? 'Y' : 'N', 'N', n(q.high), n(q.low), '', q.unit ?? ''].join(';');
  }),
  '',
].join('\r\n');

/**
 * Usage times of the demo school: school days 07:00-16:00, two hours pre-heating, one hour run-on,
 * public holidays of Bayern.
 *
 * @example
 * ```ts
 * operatingMask(grid, demoSchoolSchedule);
 * ```
 */
export const demoSchoolSchedule: OperatingSchedule = {
  land: 'BY',
  weekly: { 1: ['07:00-16:00'], 2: ['07:00-16:00'], 3: ['07:00-16:00'], 4: ['07:00-16:00'], 5: ['07:00-16:00'] },
  before: 120,
  after: 60,
};

/**
 * The meters of the demo school: main electricity meter with one sub-meter, and a heat meter.
 *
 * @example
 * ```ts
 * checkTrends({ ede, trends, meters: demoSchoolMeters });
 * ```
 */
export const demoSchoolMeters: readonly Meter[] = [
  { id: 'Z-HV', name: 'Strom Hauptverteilung', medium: 'electricity', unit: 'kWh', conversionFactor: 1, dataPointKey: demoPoints.mainMeter },
  { id: 'Z-UV', name: 'Strom Lüftung', medium: 'electricity', unit: 'kWh', conversionFactor: 1, parentId: 'Z-HV', dataPointKey: demoPoints.subMeter },
  { id: 'Z-WMZ', name: 'Wärme Kessel 1', medium: 'heat', unit: 'kWh', conversionFactor: 1, dataPointKey: demoPoints.heatMeter },
];

/**
 * A fault built into the demo data, with the rule that must find it.
 *
 * @example
 * ```ts
 * for (const f of demo.faults) console.log(f.rule, f.points, f.intervals.length);
 * ```
 */
export interface DemoFault {
  readonly rule: string;
  readonly points: readonly string[];
  readonly intervals: readonly Interval[];
  readonly description: string;
}

/**
 * Generated demo trends: aligned one-minute data of the 15 points for a year and the faults in it.
 *
 * @example
 * ```ts
 * const demo = generateDemoTrends({ seed: 1 });
 * ```
 */
export interface DemoTrends {
  readonly aligned: AlignedTrends;
  readonly faults: readonly DemoFault[];
}

/**
 * Options of {@link generateDemoTrends}.
 *
 * @example
 * ```ts
 * generateDemoTrends({ seed: 7, year: 2025, days: 31 });
 * ```
 */
export interface DemoOptions {
  /** Seed of the deterministic random numbers; default 1. */
  readonly seed?: number;
  /** Default 2025. */
  readonly year?: number;
  /** Days from 1 January; default the whole year. */
  readonly days?: number;
  /** Build in the faults; default true. */
  readonly faults?: boolean;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wall = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

/**
 * Generates one year (or `days`) of deterministic one-minute trend data for the demo school,
 * with four faults: the heating-circuit pump runs on five nights in February, the air-handling
 * unit heats and cools at once on three days in June, the sensor of classroom 2a freezes for two
 * weeks in November, and the logger records nothing for six hours on 16 September.
 *
 * @example
 * ```ts
 * const { aligned, faults } = generateDemoTrends({ seed: 1 });
 * ```
 */
export function generateDemoTrends(options: DemoOptions = {}): DemoTrends {
  const year = options.year ?? 2025;
  const withFaults = options.faults ?? true;
  const random = mulberry32(options.seed ?? 1);
  const start = wall(year, 1, 1, 0) - 3_600_000; // 1 January 00:00 CET
  const end = options.days === undefined ? wall(year + 1, 1, 1, 0) - 3_600_000 : start + options.days * 86_400_000;
  const step = 60_000;
  const grid: TimeGrid = { start, step, length: Math.round((end - start) / step) };
  const n = grid.length;
  const plant = operatingMask(grid, { ...demoSchoolSchedule, before: 90, after: 30 });
  const values = points.map(() => new Float32Array(n));
  const quality = points.map(() => new Uint8Array(n).fill(QUALITY_PRESENT));
  const [vl, rl, pu, br, at, erh, kue, ve, rt1, sw1, rt2, sw2, wz1, wz2, wmz] = values as Float32Array[] as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const faults: DemoFault[] = [];
  const cell = (utc: number): number => Math.round((utc - start) / step);
  const utcOfWall = (w: number): number => berlinWallToUtc(w).later;
  // fault windows (local times)
  const pumpNights: Interval[] = [];
  const simultaneous: Interval[] = [];
  if (withFaults) {
    for (let d = 10; d <= 14; d++) pumpNights.push({ start: utcOfWall(wall(year, 2, d, 20)), end: utcOfWall(wall(year, 2, d + 1, 5)) });
    for (const d of [3, 4, 5]) simultaneous.push({ start: utcOfWall(wall(year, 6, d, 10)), end: utcOfWall(wall(year, 6, d, 14)) });
  }
  const frozen: Interval = { start: utcOfWall(wall(year, 11, 3, 0)), end: utcOfWall(wall(year, 11, 17, 0)) };
  const gap: Interval = { start: utcOfWall(wall(year, 9, 16, 8)), end: utcOfWall(wall(year, 9, 16, 14)) };
  const inAny = (list: readonly Interval[], t: number): boolean => list.some((x) => t >= x.start && t < x.end);

  let heat1 = 48_210.5;
  let elecMain = 12_345.6;
  let elecSub = 2_345.6;
  let walk = 0;
  let frozenValue = Number.NaN;
  for (let i = 0; i < n; i++) {
    const t = start + i * step;
    const doy = (t - start) / 86_400_000;
    const hourOfDay = ((utcToBerlinWall(t) % 86_400_000) + 86_400_000) % 86_400_000 / 3_600_000;
    walk = walk * 0.999 + (random() - 0.5) * 0.05;
    const seasonal = 9 - 10 * Math.cos((2 * Math.PI * (doy - 20)) / 365);
    const out = seasonal + 4 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24) + walk * 5;
    at[i] = out + (random() - 0.5) * 0.1;
    const heatingSeason = seasonal < 13;
    const operating = plant[i] === 1;
    const pumpOn = (operating && heatingSeason) || inAny(pumpNights, t);
    pu[i] = pumpOn ? 1 : 0;
    const minuteOfPlant = i % 40;
    const burnerOn = operating && heatingSeason && minuteOfPlant < 20;
    br[i] = burnerOn ? 1 : 0;
    if (pumpNights.length > 0 && inAny(pumpNights, t)) {
      vl[i] = 45 + (random() - 0.5) * 0.4;
      rl[i] = 38 + (random() - 0.5) * 0.4;
    } else if (pumpOn) {
      const supply = Math.min(75, Math.max(35, 70 - 1.2 * seasonal));
      vl[i] = supply + (random() - 0.5) * 0.6;
      rl[i] = supply - 12 + (random() - 0.5) * 0.6;
    } else {
      vl[i] = 24 + (random() - 0.5) * 0.6;
      rl[i] = 23 + (random() - 0.5) * 0.6;
    }
    const fanOn = operating;
    ve[i] = fanOn ? 1 : 0;
    let heater = fanOn ? Math.min(100, Math.max(0, (16 - out) * 8)) : 0;
    let cooler = fanOn ? Math.min(100, Math.max(0, (out - 22) * 10)) : 0;
    if (inAny(simultaneous, t)) {
      heater = 40;
      cooler = Math.max(cooler, 35);
    }
    erh[i] = heater;
    kue[i] = cooler;
    sw1[i] = 21;
    sw2[i] = 21;
    const comfort = heatingSeason ? (operating ? 21 : 19.8) : Math.min(27, Math.max(20.5, 20 + (seasonal - 13) * 0.5));
    rt1[i] = comfort + (random() - 0.5) * 0.4;
    let r2 = comfort + 0.3 + (random() - 0.5) * 0.4;
    if (withFaults && t >= frozen.start && t < frozen.end) {
      if (Number.isNaN(frozenValue)) frozenValue = Math.round(r2 * 10) / 10;
      r2 = frozenValue;
    }
    rt2[i] = r2;
    const subKw = 0.5 + (fanOn ? 3 : 0);
    const mainKw = 2 + subKw + (operating ? 8 : 0) + (pumpOn ? 0.4 : 0);
    elecMain += mainKw / 60;
    elecSub += subKw / 60;
    if (burnerOn) heat1 += 1;
    wz1[i] = elecMain;
    wz2[i] = elecSub;
    wmz[i] = heat1;
  }
  if (withFaults) {
    const g0 = Math.max(0, cell(gap.start));
    const g1 = Math.min(n, cell(gap.end));
    if (g1 > g0) for (const q of quality) q.fill(0, g0, g1);
    if (pumpNights.some((x) => cell(x.end) <= n)) {
      faults.push({ rule: 'operation-outside-schedule', points: [demoPoints.pump], intervals: pumpNights.filter((x) => cell(x.end) <= n), description: 'Heizkreispumpe läuft nachts / heating circuit pump runs at night' });
    }
    if (simultaneous.some((x) => cell(x.end) <= n)) {
      faults.push({ rule: 'simultaneous-heating-cooling', points: [demoPoints.heater, demoPoints.cooler], intervals: simultaneous.filter((x) => cell(x.end) <= n), description: 'Lüftungsanlage heizt und kühlt gleichzeitig / air-handling unit heats and cools at once' });
    }
    if (cell(frozen.end) <= n) faults.push({ rule: 'frozen-value', points: [demoPoints.room2], intervals: [frozen], description: 'Raumfühler Klasse 2a eingefroren / room sensor frozen' });
    if (g1 > g0) faults.push({ rule: 'data-gap', points: points.map((p) => p.key), intervals: [gap], description: 'Aufzeichnung fehlt sechs Stunden / six hours not recorded' });
  }
  const tp: TrendPoint[] = points.map((p) => {
    const u = (p as { unit?: number }).unit;
    return u === undefined ? { id: p.key } : { id: p.key, unit: unitSymbol[u] as string };
  });
  return {
    aligned: {
      grid,
      points: tp,
      index: new Map(tp.map((p, i) => [p.id, i])),
      values,
      quality,
      aggregation: points.map((p) => ((p as { unit?: number }).unit === 19 ? 'last' : 'mean')),
    },
    faults,
  };
}

const pad = (v: number): string => (v < 10 ? `0${v}` : String(v));

/**
 * Writes aligned trends as a wide trend export the way building automation systems do:
 * semicolon-separated, decimal commas, local time of Europe/Berlin (`dd.mm.yyyy HH:MM`, the
 * repeated October hour written twice, the skipped March hour absent), units in the header,
 * empty fields where there is no data; yields chunks of `rowsPerChunk` rows.
 *
 * @example
 * ```ts
 * await writeFile('trends.csv', Readable.from(trendsToCsv(generateDemoTrends().aligned)));
 * ```
 */
export function* trendsToCsv(aligned: AlignedTrends, rowsPerChunk = 2000, decimals = 2): Generator<string> {
  const { grid, points: tp, values, quality } = aligned;
  const scale = 10 ** decimals;
  let out = `Zeitstempel;${tp.map((p) => (p.unit ? `${p.id} [${p.unit}]` : p.id)).join(';')}\r\n`;
  let rows = 0;
  let dayText = '';
  let dayKey = -1;
  for (let i = 0; i < grid.length; i++) {
    const w = utcToBerlinWall(grid.start + i * grid.step);
    const day = Math.floor(w / 86_400_000);
    if (day !== dayKey) {
      const d = new Date(day * 86_400_000);
      dayText = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
      dayKey = day;
    }
    const m = Math.floor((w - day * 86_400_000) / 60_000);
    let line = `${dayText} ${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    let any = false;
    for (let p = 0; p < tp.length; p++) {
      line += ';';
      if (((quality[p] as Uint8Array)[i] as number) === 0) continue;
      any = true;
      const v = Math.round(((values[p] as Float32Array)[i] as number) * scale) / scale;
      line += String(v).replace('.', ',');
    }
    if (!any) continue;
    out += `${line}\r\n`;
    if (++rows % rowsPerChunk === 0) {
      yield out;
      out = '';
    }
  }
  if (out !== '') yield out;
}
