import type { AreaRollUp, Building, Din277AreaKey, Din277Areas } from '@foederal/building-data';
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
  const { din277AreaLabels } = await import('@foederal/building-data');
  // usage categories also from DIN 277 classification references (ADR 0117)
  const din277 = await model.din277Areas();
  const { data } = din277;
  const counts = Object.entries(model.typeCounts()).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  const buildings: IfcSummary['buildings'][number][] = [];
  const building = (r: AreaRollUp, b: Building, site: string | null) => {
    buildings.push({
      name: b.name,
      site,
      storeys: r.children.map((s, i) => ({ name: s.name, elevation: b.storeys[i]?.elevation ?? null, spaces: b.storeys[i]?.spaces.length ?? 0, areas: s.effective })),
      areas: r.effective,
    });
  };
  data.sites.forEach((site, i) => din277.sites[i]?.children.forEach((b, j) => building(b, site.buildings[j] as Building, site.name)));
  data.buildings.forEach((b, i) => building(din277.buildings[i] as AreaRollUp, b, null));
  const areaIssues = din277.issues.map((x) => ({ code: x.code, de: x.message.de, en: x.message.en }));
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
    areas: din277.areas,
    areaIssues,
    problems: data.problems.map((p) => ({ code: p.code, entityId: p.entityId, message: p.message })),
    warnings: model.warnings.length,
    classifiedSpaces: din277.classifiedSpaces,
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
