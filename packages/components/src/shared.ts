import type { LocalizedText } from '@foederal/core';
import type { RecommendationState, Recommendation } from './types.js';

/** Badge variant per lifecycle state. @internal */
export const statusVariant: Readonly<Record<RecommendationState, string>> = {
  draft: '',
  consultation: 'info',
  adopted: 'info',
  published: 'success',
  superseded: 'warning',
  withdrawn: 'danger',
};

/** All lifecycle states in catalogue order. @internal */
export const statusKinds: readonly RecommendationState[] = [
  'draft',
  'consultation',
  'adopted',
  'published',
  'superseded',
  'withdrawn',
];

function texts(value: LocalizedText | string | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return value.en ? [value.de, value.en] : [value.de];
}

/** Text to search in: number, short title with edition, title, description, keywords. @internal */
export function searchText(r: Recommendation): string {
  return [
    r.number,
    ...texts(r.shortTitle).map((t) => `${t} ${r.edition}`),
    ...texts(r.title),
    ...texts(r.description),
    ...(r.keywords ?? []).flatMap(texts),
  ]
    .join('\n')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * Recommendations that match every word of `q` (case- and accent-insensitive) and `status`.
 *
 * @example
 * filterRecommendations(catalogue, { q: 'wartung', status: 'published' });
 */
export function filterRecommendations(
  items: readonly Recommendation[],
  filter: { readonly q?: string | undefined; readonly status?: string | undefined },
): Recommendation[] {
  const words = (filter.q ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return items.filter(
    (r) =>
      (!filter.status || r.status.state === filter.status) &&
      (words.length === 0 || words.every((w) => searchText(r).includes(w))),
  );
}

/** Fills `{id}` (URL-encoded) in an href template such as `/empfehlungen/{id}`. @internal */
export function fillHref(template: string | undefined, id: string): string | undefined {
  if (!template) return undefined;
  return template.replaceAll('{id}', encodeURIComponent(id));
}
