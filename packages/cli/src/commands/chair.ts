import type { Language } from '@foederal/core';
import type { RulesOfProcedure } from '@foederal/membership';
import type { CommandContext } from '../context.js';
import { exitCodes } from '../errors.js';
import { readJson } from '../io.js';

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: string): number {
  const [y0, m0, d0] = from.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = to.split('-').map(Number) as [number, number, number];
  return (y1 - y0) * 12 + (m1 - m0) - (d1 < d0 ? 1 : 0);
}

/** `foederal chair <preset> <date>`: who holds the chair, with the rotation explained. */
export async function chair(ctx: CommandContext, preset: string, date: string, opts: { json?: boolean }): Promise<number> {
  const { chairFor, isPresetId, resolveRules, states, labels } = await import('@foederal/membership');
  // a preset id, else a rules file (or - for stdin); an unknown name that is no file is an unknown preset
  let rulesInput: unknown = preset;
  if (!isPresetId(preset) && (preset === '-' || /\.json$/i.test(preset) || preset.includes('/'))) rulesInput = await readJson(preset, ctx.io);
  const holder = chairFor({ rules: rulesInput as string, date });
  const rules: RulesOfProcedure = resolveRules(rulesInput, ['rules']);
  const rotation = rules.chairRotation as NonNullable<RulesOfProcedure['chairRotation']>;
  const period = Math.floor(monthsBetween(rotation.start, date) / (12 * rotation.periodYears));
  const from = addYears(rotation.start, period * rotation.periodYears);
  const to = dayBefore(addYears(rotation.start, (period + 1) * rotation.periodYears));
  const nameOf = (h: string, lang: Language) => {
    const state = states.find((s) => s.iso === h);
    if (state) return `${state.name} (${h})`;
    return labels[lang].chairLevel[h as keyof (typeof labels)['de']['chairLevel']] ?? h;
  };
  const seq = (lang: Language) => rotation.sequence.map((h) => (states.some((s) => s.iso === h) ? h : nameOf(h, lang))).join(', ');
  const years = (n: number, lang: Language) => (lang === 'de' ? (n === 1 ? 'jedes Jahr' : `alle ${n} Jahre`) : n === 1 ? 'every year' : `every ${n} years`);
  const explanation = {
    de: `Nach „${rules.name.de}“ wechselt der Vorsitz ${years(rotation.periodYears, 'de')}, beginnend am ${rotation.start}, in der Reihenfolge ${seq('de')}. Der ${date} liegt in der Amtszeit vom ${from} bis ${to}; den Vorsitz hat ${nameOf(holder, 'de')}.`,
    en: `Under "${rules.name.en ?? rules.name.de}" the chair rotates ${years(rotation.periodYears, 'en')} from ${rotation.start} in the order ${seq('en')}. ${date} falls in the term from ${from} to ${to}; the chair is held by ${nameOf(holder, 'en')}.`,
  };
  if (opts.json) {
    ctx.out(
      `${JSON.stringify({ rules: rules.id, date, chair: holder, name: { de: nameOf(holder, 'de'), en: nameOf(holder, 'en') }, term: { from, to }, rotation, explanation }, null, 2)}\n`,
    );
    return exitCodes.ok;
  }
  const { lang, paint, t } = ctx;
  ctx.out(`${t('Vorsitz am', 'Chair on')} ${date}: ${paint.bold(nameOf(holder, lang))}\n${lang === 'en' ? explanation.en : explanation.de}\n`);
  return exitCodes.ok;
}
