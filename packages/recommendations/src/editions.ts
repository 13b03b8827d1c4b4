import type { Catalogue } from './catalogue-schema.js';
import { textOf, type Language } from './labels.js';
import type { Recommendation } from './recommendation-schema.js';

/**
 * How an edition is called: short title and edition year, as in "Wartung 2026".
 *
 * @example
 * editionName(exampleCatalogue.recommendations[1]!); // 'Wartung 2026'
 */
export function editionName(record: Recommendation, language: Language = 'de'): string {
  return `${textOf(language, record.shortTitle)} ${record.edition}`;
}

/**
 * The chain of editions a record belongs to, oldest first, following `supersedes` back and
 * `supersededBy` forward (cycles and missing links end the chain). The last element is the
 * current edition, the target of a "latest" link.
 *
 * @example
 * editionChain(exampleCatalogue, 'wartung-2022').map((r) => r.id); // ['wartung-2022', 'wartung-2026']
 */
export function editionChain(catalogue: Catalogue, id: string): Recommendation[] {
  const byId = new Map(catalogue.recommendations.map((r) => [r.id, r]));
  const start = byId.get(id);
  if (start === undefined) return [];
  const seen = new Set([start.id]);
  const older: Recommendation[] = [];
  for (let r = start; r.supersedes !== undefined;) {
    const previous = byId.get(r.supersedes);
    if (previous === undefined || seen.has(previous.id)) break;
    seen.add(previous.id);
    older.unshift(previous);
    r = previous;
  }
  const newer: Recommendation[] = [];
  for (let r = start; r.supersededBy !== undefined;) {
    const next = byId.get(r.supersededBy);
    if (next === undefined || seen.has(next.id)) break;
    seen.add(next.id);
    newer.push(next);
    r = next;
  }
  return [...older, start, ...newer];
}
