import type { AreaRollUp, Din277AreaKey, Din277Areas, Site, Building } from '@foederal/building-data';
import type { IfcModel } from '@foederal/ifc';
import type { CommandContext } from '../context.js';
import { columns, megabytes, num } from '../format.js';
import { openModel } from '../open-model.js';

/** One storey in the summary. */
export interface StoreySummary {
  readonly name: string;
  /** Elevation in metres, when given. */
  readonly elevation: number | null;
  readonly spaces: number;
  /** Effective DIN 277 areas rolled up from the spaces (m²). */
  readonly areas: Din277Areas;
}

/** The JSON of `foederal ifc summary --json`. */
export interface IfcSummary {
  readonly file: string;
  readonly bytes: number;
  readonly schema: string;
  readonly schemaIdentifier: string;
  readonly application: string | null;
  readonly entities: number;
  /** Instances per entity type, most frequent first. */
  readonly entityTypes: Readonly<Record<string, number>>;
  readonly buildings: readonly { readonly name: string; readonly site: string | null; readonly storeys: readonly StoreySummary[]; readonly areas: Din277Areas }[];
  readonly storeys: number;
  /** Spaces in the storeys of the buildings. */
  readonly spaces: number;
  /** IfcSpace instances in the file (also those in no storey). */
  readonly spaceEntities: number;
  /** DIN 277 areas of the whole model (m²), rolled up from its spaces. */
  readonly areas: Din277Areas;
  /** Inconsistencies of the areas (German and English). */
  readonly areaIssues: readonly { readonly code: string; readonly de: string; readonly en: string }[];
  /** What could not be mapped (spaces outside storeys …). */
  readonly problems: readonly { readonly code: string; readonly entityId: number; readonly message: string }[];
  /** Recoverable problems of the file (count). */
  readonly warnings: number;
  /** Spaces whose DIN 277 usage category came from a DIN 277 classification reference (not a property). */
  readonly classifiedSpaces: number;
}

/** `foederal ifc summary <model>`. */
export async function ifcSummary(ctx: CommandContext, path: string, opts: { json?: boolean }): Promise<number> {
  const model = await openModel(ctx, path);
  const { rollUpAreas, din277AreaKeys, din277AreaLabels, din277UsageCategories } = await import('@foederal/building-data');
  const data = await model.toBuildingData();
  const classified = classifySpaces(model, [...data.sites, ...data.buildings], (code) => din277UsageCategories.has(code));
  const counts = Object.entries(model.typeCounts()).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  const total: Record<string, number> = {};
  const add = (areas: Din277Areas) => {
    for (const k of din277AreaKeys) {
      const v = areas[k];
      if (v !== undefined) total[k] = round((total[k] ?? 0) + v);
    }
  };
  const buildings: IfcSummary['buildings'][number][] = [];
  const areaIssues: IfcSummary['areaIssues'][number][] = [];
  const storeyOf = (r: AreaRollUp, spaces: number, elevation: number | undefined): StoreySummary => ({
    name: r.name,
    elevation: elevation ?? null,
    spaces,
    areas: r.effective,
  });
  const building = (r: AreaRollUp, b: { name: string; storeys: readonly { spaces: readonly unknown[]; elevation?: number | undefined }[] }, site: string | null) => {
    buildings.push({
      name: b.name,
      site,
      storeys: r.children.map((s, i) => storeyOf(s, b.storeys[i]?.spaces.length ?? 0, b.storeys[i]?.elevation)),
      areas: r.effective,
    });
  };
  for (const site of data.sites) {
    const result = rollUpAreas(site);
    result.rollUp.children.forEach((b, i) => building(b, site.buildings[i] as (typeof site.buildings)[number], site.name));
    add(result.rollUp.effective);
    areaIssues.push(...result.issues.map((x) => ({ code: x.code, de: x.message.de, en: x.message.en ?? x.message.de })));
  }
  for (const b of data.buildings) {
    const result = rollUpAreas(b);
    building(result.rollUp, b, null);
    add(result.rollUp.effective);
    areaIssues.push(...result.issues.map((x) => ({ code: x.code, de: x.message.de, en: x.message.en ?? x.message.de })));
  }
  const storeys = buildings.reduce((n, b) => n + b.storeys.length, 0);
  const summary: IfcSummary = {
    file: path,
    bytes: model.byteLength,
    schema: model.schema,
    schemaIdentifier: model.schemaIdentifier,
    application: model.header.originatingSystem ?? model.header.preprocessorVersion ?? null,
    entities: model.size,
    entityTypes: Object.fromEntries(counts),
    buildings,
    storeys,
    spaces: buildings.reduce((n, b) => n + b.storeys.reduce((m, s) => m + s.spaces, 0), 0),
    spaceEntities: model.ofType('IfcSpace', { includeSubtypes: true }).length,
    areas: total as Din277Areas,
    areaIssues,
    problems: data.problems.map((p) => ({ code: p.code, entityId: p.entityId, message: p.message })),
    warnings: model.warnings.length,
    classifiedSpaces: classified,
  };
  if (opts.json) {
    ctx.out(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }

  const { lang, paint, t } = ctx;
  const label = (k: Din277AreaKey) => din277AreaLabels[k].abbreviation;
  const areaText = (areas: Din277Areas, keys: readonly Din277AreaKey[]) =>
    keys.filter((k) => areas[k] !== undefined && !(k.startsWith('nuf') && k.length === 4 && areas[k] === 0)).map((k) => `${label(k)} ${num(areas[k] as number, lang, 2)}`).join(' · ') || '–';
  const lines: string[] = [];
  lines.push(
    columns([
      [t('Datei', 'File'), `${path} (${megabytes(summary.bytes, lang)})`],
      [t('Schema', 'Schema'), summary.schema === summary.schemaIdentifier ? summary.schema : `${summary.schema} (${summary.schemaIdentifier})`],
      ...(summary.application ? [[t('Programm', 'Application'), summary.application]] : []),
      [t('Entitäten', 'Entities'), num(summary.entities, lang)],
      [t('Geschosse', 'Storeys'), num(storeys, lang)],
      [
        t('Räume', 'Spaces'),
        num(summary.spaces, lang) +
          (summary.spaceEntities > summary.spaces ? ` (+${num(summary.spaceEntities - summary.spaces, lang)} ${t('in keinem Geschoss', 'in no storey')})` : ''),
      ],
      [t('Warnungen', 'Warnings'), num(summary.warnings, lang)],
    ]),
  );
  lines.push('', paint.bold(t('Häufigste Entitätstypen', 'Most frequent entity types')));
  lines.push(columns(counts.slice(0, 10).map(([type, n]) => [type, num(n, lang)]), [1], '  '));
  for (const b of buildings) {
    lines.push('', paint.bold(`${t('Gebäude', 'Building')} ${b.name}${b.site ? ` (${t('Liegenschaft', 'site')} ${b.site})` : ''}`));
    if (b.storeys.length === 0) lines.push(`  ${t('keine Geschosse', 'no storeys')}`);
    else {
      lines.push(
        columns(
          [
            [t('Geschoss', 'Storey'), t('Höhe (m)', 'Elevation (m)'), t('Räume', 'Spaces'), 'NRF (m²)'],
            ...b.storeys.map((s) => [s.name, s.elevation === null ? '–' : num(s.elevation, lang, 2), num(s.spaces, lang), s.areas.nrf === undefined ? '–' : num(s.areas.nrf, lang, 2)]),
          ],
          [1, 2, 3],
          '  ',
        ),
      );
    }
  }
  const order: Din277AreaKey[] = ['bgf', 'kgf', 'nrf', 'nuf', 'nuf1', 'nuf2', 'nuf3', 'nuf4', 'nuf5', 'nuf6', 'nuf7', 'tf', 'vf'];
  lines.push('', paint.bold(t('DIN-277-Flächen (m²)', 'DIN 277 areas (m²)')), `  ${areaText(summary.areas, order)}`);
  if (areaIssues.length) {
    lines.push('', paint.yellow(t(`Unstimmigkeiten der Flächen: ${areaIssues.length}`, `Area inconsistencies: ${areaIssues.length}`)));
    for (const i of areaIssues.slice(0, 20)) lines.push(`  ${lang === 'en' ? i.en : i.de}`);
  }
  if (summary.problems.length) {
    lines.push('', paint.yellow(t(`Nicht abbildbar: ${summary.problems.length}`, `Not mapped: ${summary.problems.length}`)));
    for (const p of summary.problems.slice(0, 20)) lines.push(`  #${p.entityId} ${p.message}`);
  }
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * DIN 277 usage category from a classification reference of a system named DIN 277: `NUF 5`,
 * `NUF 5.2`, `5.2`, `TF`, `TF 8.1`, `VF`, `VF 9.2` (`TF` is group 8, `VF` group 9).
 */
export function din277CodeOf(identification: string): string | undefined {
  const t = identification.trim().toUpperCase().replace(/\s+/g, ' ');
  const nuf = /^(?:NUF ?)?([1-7](?:\.[1-9])?)$/.exec(t);
  if (nuf) return nuf[1];
  const tf = /^TF(?: ?(8(?:\.[1-9])?))?$/.exec(t) ?? /^(8(?:\.[1-9])?)$/.exec(t);
  if (tf) return tf[1] ?? '8';
  const vf = /^VF(?: ?(9(?:\.[1-9])?))?$/.exec(t) ?? /^(9(?:\.[1-9])?)$/.exec(t);
  if (vf) return vf[1] ?? '9';
  return undefined;
}

/**
 * Gives spaces without a usage category the one of their DIN 277 classification reference (the
 * mapping of `@foederal/ifc` reads it only from properties, ADR 0116). Returns how many it set.
 */
function classifySpaces(model: IfcModel, roots: readonly (Site | Building)[], known: (code: string) => boolean): number {
  const byId = new Map<string, number>();
  for (const id of model.ofType('IfcSpace', { includeSubtypes: true })) {
    byId.set(`#${id}`, id);
    const g = model.attribute(id, 'GlobalId');
    if (typeof g === 'string') byId.set(g, id);
  }
  let count = 0;
  const buildings = roots.flatMap((r) => ('buildings' in r ? r.buildings : [r]));
  for (const b of buildings) {
    for (const storey of b.storeys) {
      for (const space of storey.spaces) {
        if (space.usageCategory !== undefined) continue;
        const id = byId.get(space.id);
        if (id === undefined) continue;
        for (const c of model.classifications(id)) {
          if (!c.system || !/din\s*277/i.test(c.system) || !c.identification) continue;
          const code = din277CodeOf(c.identification);
          if (code !== undefined && known(code)) {
            (space as { usageCategory?: string }).usageCategory = code;
            count += 1;
            break;
          }
        }
      }
    }
  }
  return count;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
