import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { idsWith, sampleModel, wallSpec } from '../test/sample-model.js';
import { checkIds } from './check.js';
import { de, en } from './labels.js';
import { parseIds } from './parse.js';
import { toBcf } from './report-bcf.js';
import { escapeHtml, toHtmlReport } from './report-html.js';
import { parseXml } from './xml.js';

const report = checkIds(
  parseIds(
    idsWith(
      wallSpec(
        'Brandschutz &lt;script&gt;alert(1)&lt;/script&gt;',
        '<property><propertySet><simpleValue>Pset_WallCommon</simpleValue></propertySet><baseName><simpleValue>FireRating</simpleValue></baseName><value><simpleValue>F90</simpleValue></value></property>',
      ) + wallSpec('Decken verboten', '', '<entity><name><simpleValue>IFCSLAB</simpleValue></name></entity>', 'minOccurs="0" maxOccurs="0"'),
    ),
  ),
  sampleModel(),
);

describe('labels', () => {
  it('has an English label for every German key and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const v of Object.values(en)) expect(v.length).toBeGreaterThan(0);
  });
});

describe('toHtmlReport', () => {
  it('escapes everything that comes from the IDS or the model', () => {
    const html = toHtmlReport(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Brandschutz &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Prüfung &amp; Test');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('renders German by default and English on request, with results and reasons', () => {
    const deHtml = toHtmlReport(report);
    expect(deHtml).toMatch(/^<!doctype html><html lang="de">/);
    expect(deHtml).toContain('IDS-Prüfbericht');
    expect(deHtml).toContain('nicht bestanden');
    expect(deHtml).toContain('Pset_WallCommon.FireRating ist „F30“, gefordert „F90“');
    const enHtml = toHtmlReport(report, { lang: 'en' });
    expect(enHtml).toMatch(/<html lang="en">/);
    expect(enHtml).toContain('IDS check report');
    expect(enHtml).toContain('Pset_WallCommon.FireRating is &quot;F30&quot;, required &quot;F90&quot;');
    expect(enHtml).toContain('prohibited entities found');
  });

  it('limits the rows per requirement and says how many are hidden', () => {
    const html = toHtmlReport(report, { lang: 'en', maxRows: 1 });
    expect(html).toContain('1 more failures not shown');
  });
});

describe('toBcf', () => {
  const zip = unzipSync(toBcf(report, { date: new Date('2026-11-28T12:00:00Z'), modelFileName: 'schule.ifc' }));
  const names = Object.keys(zip).sort();

  it('writes bcf.version 3.0, extensions and one topic per failing entity', () => {
    expect(parseXml(zip['bcf.version'] as Uint8Array).attributes.find((a) => a.local === 'VersionId')?.value).toBe('3.0');
    expect(parseXml(zip['extensions.xml'] as Uint8Array).local).toBe('Extensions');
    const markups = names.filter((n) => n.endsWith('/markup.bcf'));
    // two walls fail the property requirement, one slab is prohibited
    expect(markups).toHaveLength(3);
    for (const m of markups) {
      const folder = m.slice(0, -'/markup.bcf'.length);
      expect(folder).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(names).toContain(`${folder}/`);
      expect(names).toContain(`${folder}/viewpoint.bcfv`);
    }
  });

  it('names the entity in the markup and selects it by IfcGuid in the viewpoint', () => {
    const folder = names.find((n) => n.endsWith('/markup.bcf') && strFromU8(zip[n] as Uint8Array).includes('Wand 2'))?.replace('/markup.bcf', '');
    expect(folder).toBeDefined();
    const markup = parseXml(zip[`${folder}/markup.bcf`] as Uint8Array);
    const topic = markup.children.find((c) => c.local === 'Topic');
    expect(topic?.attributes.find((a) => a.local === 'Guid')?.value).toBe(folder);
    const child = (name: string) => topic?.children.find((c) => c.local === name)?.text;
    expect(child('Title')).toContain('IFCWALL #11');
    expect(child('CreationDate')).toBe('2026-11-28T12:00:00.000Z');
    expect(child('Description')).toContain('Pset_WallCommon.FireRating ist „F30“');
    expect(child('Description')).toContain('Pset_WallCommon.FireRating is "F30"');
    const visinfo = strFromU8(zip[`${folder}/viewpoint.bcfv`] as Uint8Array);
    expect(visinfo).toContain('<Component IfcGuid="0bbbbbbbbbbbbbbbbbbbbb" />');
    expect(parseXml(visinfo).local).toBe('VisualizationInfo');
  });

  it('is deterministic for the same report and date', () => {
    const a = toBcf(report, { date: new Date(0) });
    const b = toBcf(report, { date: new Date(0) });
    expect(Object.keys(unzipSync(a))).toEqual(Object.keys(unzipSync(b)));
  });
});
