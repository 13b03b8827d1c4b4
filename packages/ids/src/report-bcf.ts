import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { escapeHtml as esc } from './report-html.js';
import type { EntityRef, IdsReport } from './result.js';

/**
 * Options of {@link toBcf}.
 *
 * @example
 * toBcf(report, { author: 'pruefung@example.org', modelFileName: 'schule.ifc', maxTopics: 500 });
 */
export interface BcfOptions {
  /** Creation date of the topics; default now. */
  readonly date?: Date;
  /** CreationAuthor of the topics (BCF asks for an e-mail address). Default `ids-check@foederal.invalid`. */
  readonly author?: string;
  /** File name of the checked model, written into each topic's header. */
  readonly modelFileName?: string;
  /** Most topics written (one per failing entity and specification). Default 2000. */
  readonly maxTopics?: number;
}

/** 128-bit string hash (cyrb128) → deterministic RFC 4122 style (version 8) UUID. */
function uuidFrom(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  const hex = [h1 ^ h2 ^ h3 ^ h4, h2 ^ h1, h3 ^ h1, h4 ^ h1].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const IFC_GUID = /^[0-9A-Za-z_$]{22}$/;

interface Topic {
  readonly spec: string;
  readonly specIndex: number;
  readonly entity: EntityRef;
  readonly reasons: { de: string; en: string }[];
}

/**
 * BCF 3.0 issues for the failing entities of a check report: a zip (`.bcf`) with `bcf.version`,
 * `extensions.xml` and, per failing entity and specification, a topic folder with `markup.bcf`
 * (title, bilingual description with every failed requirement) and `viewpoint.bcfv` selecting the
 * entity by its IfcGuid, so BIM tools can show it. Topic GUIDs are derived from the report, so the
 * same report gives the same file.
 *
 * @example
 * writeFileSync('abweichungen.bcf', toBcf(checkIds(ids, model), { modelFileName: 'schule.ifc' }));
 */
export function toBcf(report: IdsReport, options: BcfOptions = {}): Uint8Array {
  const date = (options.date ?? new Date()).toISOString();
  const author = options.author ?? 'ids-check@foederal.invalid';
  const maxTopics = options.maxTopics ?? 2000;
  const topics = new Map<string, Topic>();
  report.specifications.forEach((spec, specIndex) => {
    const add = (entity: EntityRef, reason: { de: string; en: string }) => {
      const key = `${specIndex}:${entity.id}`;
      let t = topics.get(key);
      if (!t) {
        if (topics.size >= maxTopics) return;
        t = { spec: spec.name, specIndex, entity, reasons: [] };
        topics.set(key, t);
      }
      t.reasons.push(reason);
    };
    for (const r of spec.requirements) {
      for (const f of r.failures) add(f.entity, { de: `${r.description.de}: ${f.reason.de}`, en: `${r.description.en}: ${f.reason.en}` });
    }
    for (const entity of spec.prohibitedEntities) {
      add(entity, { de: 'Entität ist durch die Spezifikation verboten', en: 'entity is prohibited by the specification' });
    }
  });
  const files: Zippable = {
    'bcf.version': strToU8(`${XML}<Version VersionId="3.0" />\n`),
    'extensions.xml': strToU8(
      `${XML}<Extensions>\n  <TopicTypes><TopicType>Error</TopicType></TopicTypes>\n  <TopicStatuses><TopicStatus>Open</TopicStatus></TopicStatuses>\n  <TopicLabels><TopicLabel>IDS</TopicLabel></TopicLabels>\n</Extensions>\n`,
    ),
  };
  for (const t of topics.values()) {
    const guid = uuidFrom(`topic|${report.title}|${t.specIndex}|${t.spec}|${t.entity.id}|${t.entity.globalId ?? ''}`);
    const viewpoint = uuidFrom(`viewpoint|${guid}`);
    const who = `${t.entity.type} #${t.entity.id}${t.entity.name ? ` „${t.entity.name}“` : ''}`;
    const description = [
      ...t.reasons.map((r) => `• ${r.de}`),
      '',
      ...t.reasons.map((r) => `• ${r.en}`),
    ].join('\n');
    const header = options.modelFileName
      ? `  <Header>\n    <Files>\n      <File IsExternal="true">\n        <Filename>${esc(options.modelFileName)}</Filename>\n      </File>\n    </Files>\n  </Header>\n`
      : '';
    const markup =
      `${XML}<Markup>\n${header}` +
      `  <Topic Guid="${guid}" TopicType="Error" TopicStatus="Open">\n` +
      `    <Title>${esc(`${t.spec}: ${who}`)}</Title>\n` +
      `    <Labels><Label>IDS</Label></Labels>\n` +
      `    <CreationDate>${date}</CreationDate>\n` +
      `    <CreationAuthor>${esc(author)}</CreationAuthor>\n` +
      `    <Description>${esc(description)}</Description>\n` +
      `    <Viewpoints>\n      <ViewPoint Guid="${viewpoint}">\n        <Viewpoint>viewpoint.bcfv</Viewpoint>\n      </ViewPoint>\n    </Viewpoints>\n` +
      `  </Topic>\n</Markup>\n`;
    const component = t.entity.globalId && IFC_GUID.test(t.entity.globalId) ? `      <Component IfcGuid="${esc(t.entity.globalId)}" />\n` : '';
    const visinfo =
      `${XML}<VisualizationInfo Guid="${viewpoint}">\n  <Components>\n    <Selection>\n${component}    </Selection>\n` +
      `    <Visibility DefaultVisibility="true" />\n  </Components>\n</VisualizationInfo>\n`;
    files[`${guid}/`] = new Uint8Array(0);
    files[`${guid}/markup.bcf`] = strToU8(markup);
    files[`${guid}/viewpoint.bcfv`] = strToU8(visinfo);
  }
  return zipSync(files, { level: 6 });
}

export { uuidFrom as bcfGuid };
