import * as z from 'zod/mini';
import { MembershipError } from './errors.js';
import { errorFromZod } from './scenario.js';
import { stateCodeSchema } from './identifiers.js';
import type { StateCode } from './identifiers.js';
import { koenigsteinerSchluessel } from './koenigstein-data.js';
import type { KoenigsteinTable } from './koenigstein-data.js';

/**
 * Schema of a Königsteiner Schlüssel table passed in as data: the year, the source, and the share
 * of every one of the 16 Länder in percent (positive, summing to 100 within 0.01).
 *
 * @example
 * koenigsteinTableSchema.parse({ year: 2024, source: 'GWK-Heft …', shares: { 'DE-BW': 13.0, … } });
 */
export const koenigsteinTableSchema = z
  .strictObject({
    year: z.int().check(z.minimum(1949), z.maximum(9999)),
    source: z.string().check(z.minLength(1)),
    shares: z.record(stateCodeSchema, z.number().check(z.gt(0), z.lt(100))),
  })
  .check(
    z.refine(
      (t) => Math.abs(Object.values(t.shares).reduce((a, b) => a + b, 0) - 100) <= 0.01,
      { error: 'Die Anteile ergeben nicht 100 % / the shares do not sum to 100 %', path: ['shares'] },
    ),
  );

/**
 * The table for a date: an explicit year if given, else the newest table whose year is not after
 * the date's year. Throws `unknown-weights-edition` when there is none.
 *
 * @example
 * koenigsteinTableFor({ date: '2026-03-12' }).year; // 2016 (newest shipped)
 * koenigsteinTableFor({ date: '2026-03-12', year: 2015 }).year; // 2015
 */
export function koenigsteinTableFor(options: {
  date: string;
  year?: number | undefined;
  tables?: readonly KoenigsteinTable[] | undefined;
}): KoenigsteinTable {
  const tables = options.tables ?? koenigsteinerSchluessel.editions;
  if (options.tables !== undefined) {
    options.tables.forEach((t, i) => {
      const r = koenigsteinTableSchema.safeParse(t);
      if (!r.success) throw errorFromZod(r.error, 'invalid-input', ['koenigsteinTables', i]);
    });
  }
  if (options.year !== undefined) {
    const found = tables.find((t) => t.year === options.year);
    if (!found) {
      throw new MembershipError(
        'unknown-weights-edition',
        `Königsteiner Schlüssel ${options.year} ist nicht vorhanden (vorhanden: ${tables.map((t) => t.year).join(', ')}) / no Königstein key table for ${options.year}`,
        { path: ['koenigsteinYear'] },
      );
    }
    return found;
  }
  const year = Number(options.date.slice(0, 4));
  let best: KoenigsteinTable | undefined;
  for (const t of tables) if (t.year <= year && (best === undefined || t.year > best.year)) best = t;
  if (!best) {
    throw new MembershipError(
      'unknown-weights-edition',
      `Kein Königsteiner Schlüssel für ${year} oder früher / no Königstein key table for ${year} or earlier`,
      { path: ['date'] },
    );
  }
  return best;
}

/** Shares as integers in units of 1/100000 percent, so sums and comparisons are exact. @internal */
export function scaledShares(table: KoenigsteinTable): Map<StateCode, number> {
  const out = new Map<StateCode, number>();
  for (const [code, share] of Object.entries(table.shares) as [StateCode, number][]) {
    out.set(code, Math.round(share * 100_000));
  }
  return out;
}
