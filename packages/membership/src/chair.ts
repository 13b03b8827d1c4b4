import { MembershipError, requireObject } from './errors.js';
import { isoDateSchema } from './identifiers.js';
import type { ChairHolder, RulesOfProcedure } from './rules.js';
import { resolveRules } from './scenario.js';
import type { PresetId } from './presets.js';

function monthsBetween(from: string, to: string): number {
  const [y0, m0, d0] = from.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = to.split('-').map(Number) as [number, number, number];
  return (y1 - y0) * 12 + (m1 - m0) - (d1 < d0 ? 1 : 0);
}

/**
 * Who holds the chair on a date under the rules' chair rotation: `federal`, `state`,
 * `municipality` or the ISO 3166-2 code of a Land.
 *
 * @example
 * chairFor({ rules: 'it-planungsrat', date: '2027-05-01' }); // 'DE-NI'
 * chairFor({ rules: 'amev-style-working-group', date: '2028-03-01' }); // 'state'
 */
export function chairFor(input: { rules: PresetId | RulesOfProcedure | string; date: string }): ChairHolder {
  requireObject(input, 'chairFor');
  const rules = resolveRules(input.rules, ['rules']);
  const date = isoDateSchema.safeParse(input.date);
  if (!date.success) {
    throw new MembershipError('invalid-input', `Ungültiges Datum ${JSON.stringify(input.date)} / invalid date`, {
      path: ['date'],
    });
  }
  const rotation = rules.chairRotation;
  if (!rotation) {
    throw new MembershipError('no-chair-rotation', `Die Regeln „${rules.id}“ haben keine Vorsitzrotation / rules "${rules.id}" have no chair rotation`, {
      path: ['rules', 'chairRotation'],
    });
  }
  const period = Math.floor(monthsBetween(rotation.start, date.data) / (12 * rotation.periodYears));
  const n = rotation.sequence.length;
  const index = (((rotation.startIndex + period) % n) + n) % n;
  return rotation.sequence[index] as ChairHolder;
}
