import { BuildingDataError } from '../errors.js';

/**
 * The six value groups of an OBIS code (IEC 62056-6-1): A medium, B channel, C quantity, D processing, E tariff, F billing period.
 *
 * @example
 * ```ts
 * const code: ObisCode = parseObis('1-0:1.8.0'); // { a: 1, b: 0, c: 1, d: 8, e: 0, f: 255 }
 * ```
 */
export interface ObisCode {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

const full = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:[*&](\d{1,3}))?$/;
const short = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:[*&](\d{1,3}))?$/;

/**
 * Parses an OBIS code in its full form `A-B:C.D.E*F` (`*F` or `&F` optional, default 255) or the
 * short form `C.D.E` (medium and channel then default to `defaults`). Every group must be
 * 0-255. Throws a `BuildingDataError` (`invalid-obis`) naming the group and its position.
 *
 * @example
 * ```ts
 * parseObis('1-0:1.8.0*255'); // { a: 1, b: 0, c: 1, d: 8, e: 0, f: 255 }
 * parseObis('1.8.1', { a: 1, b: 0 }); // { a: 1, b: 0, c: 1, d: 8, e: 1, f: 255 }
 * ```
 */
export function parseObis(text: string, defaults: { a: number; b: number } = { a: 1, b: 0 }): ObisCode {
  const value = text.trim();
  const m = full.exec(value);
  const s = m ? undefined : short.exec(value);
  if (!m && !s) {
    throw new BuildingDataError('invalid-obis', `OBIS-Kennzahl "${text}": erwartet A-B:C.D.E*F oder C.D.E / expected A-B:C.D.E*F or C.D.E`, {
      location: { position: 0, segment: 'obis' },
    });
  }
  const groups = m
    ? ([['a', m[1]], ['b', m[2]], ['c', m[3]], ['d', m[4]], ['e', m[5]], ['f', m[6] ?? '255']] as const)
    : ([['a', String(defaults.a)], ['b', String(defaults.b)], ['c', s?.[1]], ['d', s?.[2]], ['e', s?.[3]], ['f', s?.[4] ?? '255']] as const);
  const out: Record<string, number> = {};
  for (const [name, raw] of groups) {
    const n = Number(raw);
    if (!(n >= 0 && n <= 255)) {
      const position = m || !raw ? Math.max(0, value.indexOf(raw ?? '')) : 0;
      throw new BuildingDataError('invalid-obis', `OBIS-Kennzahl "${text}": Gruppe ${name.toUpperCase()} = ${raw} liegt nicht in 0-255 / group ${name.toUpperCase()} not in 0-255`, {
        location: { position, segment: name.toUpperCase() },
      });
    }
    out[name] = n;
  }
  return out as unknown as ObisCode;
}

/**
 * Writes an OBIS code in the full form `A-B:C.D.E*F`.
 *
 * @example
 * ```ts
 * formatObis({ a: 1, b: 0, c: 1, d: 8, e: 0, f: 255 }); // '1-0:1.8.0*255'
 * ```
 */
export function formatObis(code: ObisCode): string {
  return `${code.a}-${code.b}:${code.c}.${code.d}.${code.e}*${code.f}`;
}

/**
 * True when `text` is a valid OBIS code (full or short form).
 *
 * @example
 * ```ts
 * isObis('7-0:3.0.0'); // true
 * isObis('1-0:1.8.256'); // false
 * ```
 */
export function isObis(text: string): boolean {
  try {
    parseObis(text);
    return true;
  } catch {
    return false;
  }
}
