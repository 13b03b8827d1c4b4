import type { Language } from '@foederal/core';
/**
 * German report labels; the type source of every other language.
 *
 * @example
 * de.passed; // 'bestanden'
 */
export const de = {
  reportTitle: 'IDS-Prüfbericht',
  ids: 'Informationsanforderungen (IDS)',
  model: 'Modell',
  schema: 'IFC-Schema',
  entities: 'Entitäten',
  result: 'Ergebnis',
  passed: 'bestanden',
  failed: 'nicht bestanden',
  specification: 'Spezifikation',
  specifications: 'Spezifikationen',
  applicability: 'Anwendbarkeit',
  applicable: 'anwendbar',
  requirements: 'Anforderungen',
  requirement: 'Anforderung',
  cardinality: 'Kardinalität',
  required: 'erforderlich',
  optional: 'optional',
  prohibited: 'verboten',
  usage: 'Verwendung',
  entity: 'Entität',
  globalId: 'GlobalId',
  name: 'Name',
  reason: 'Grund',
  failures: 'Abweichungen',
  moreFailures: 'weitere Abweichungen nicht angezeigt',
  instructions: 'Hinweise',
  description: 'Beschreibung',
  version: 'Version',
  author: 'Autor',
  date: 'Datum',
  summary: 'Zusammenfassung',
  checkedEntities: 'geprüfte Entitäten',
  line: 'Zeile',
  noRequirements: 'keine Anforderungen',
  prohibitedFound: 'gefundene verbotene Entitäten',
  allApply: 'alle Entitäten',
  problems: 'Nicht lesbare Entitäten (übersprungen)',
} as const;

/**
 * Report labels of one language.
 *
 * @example
 * const t: Labels = labels.en;
 * t.failed; // 'failed'
 */
export type Labels = { readonly [K in keyof typeof de]: string };

/**
 * English report labels, checked against the German keys.
 *
 * @example
 * en.passed; // 'passed'
 */
export const en: Labels = {
  reportTitle: 'IDS check report',
  ids: 'Information requirements (IDS)',
  model: 'Model',
  schema: 'IFC schema',
  entities: 'entities',
  result: 'Result',
  passed: 'passed',
  failed: 'failed',
  specification: 'Specification',
  specifications: 'Specifications',
  applicability: 'Applicability',
  applicable: 'applicable',
  requirements: 'Requirements',
  requirement: 'Requirement',
  cardinality: 'Cardinality',
  required: 'required',
  optional: 'optional',
  prohibited: 'prohibited',
  usage: 'Usage',
  entity: 'Entity',
  globalId: 'GlobalId',
  name: 'Name',
  reason: 'Reason',
  failures: 'Failures',
  moreFailures: 'more failures not shown',
  instructions: 'Instructions',
  description: 'Description',
  version: 'Version',
  author: 'Author',
  date: 'Date',
  summary: 'Summary',
  checkedEntities: 'entities checked',
  line: 'line',
  noRequirements: 'no requirements',
  prohibitedFound: 'prohibited entities found',
  allApply: 'all entities',
  problems: 'Unreadable entities (skipped)',
};


/**
 * Labels per language.
 *
 * @example
 * labels.de.requirements; // 'Anforderungen'
 */
export const labels: Readonly<Record<Language, Labels>> = { de, en };
