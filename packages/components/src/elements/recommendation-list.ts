import * as z from 'zod/mini';
import { recommendationSchema } from '@foederal/recommendations';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import { fillHref, filterRecommendations, statusKinds, statusVariant } from '../shared.js';
import type { Recommendation } from '../types.js';

/**
 * `<foederal-recommendation-list>`: the catalogue of recommendations with search, status filter
 * and paging, from the registry at `api` or from the `recommendations` property.
 *
 * @example
 * ```html
 * <script type="module" src="foederal-components.js"></script>
 * <foederal-recommendation-list api="https://registry.example.org" href-template="/empfehlungen/{id}">
 * </foederal-recommendation-list>
 * ```
 *
 * @tag foederal-recommendation-list
 * @fires foederal-filter - after the reader applied a search or filter; `detail` is `{ query, status }`
 * @csspart heading - the element's heading
 * @csspart item-heading - the heading (and link) of one recommendation
 * @csspart search - the search and filter form
 * @csspart input - the search field and the status select
 * @csspart button - every button
 * @csspart status - the live region that announces loading and the number of results
 * @csspart error - the error message with the retry button
 * @csspart list - the list of results
 * @csspart item - one recommendation in the list
 * @csspart pagination - the page navigation
 * @cssprop --kern-color-action-default - colour of links and buttons (any KERN token works)
 */
export class FoederalRecommendationList extends FoederalElement {
  static override properties: PropertyDeclarations = {
    recommendations: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    hrefTemplate: { type: String, attribute: 'href-template' },
    query: { type: String },
    status: { type: String },
    page: { state: true },
  };

  /** Recommendations the page already has; when set, `api` is not used. */
  declare recommendations: readonly Recommendation[] | undefined;
  /** Results per page (default 10). */
  declare pageSize: number;
  /** Link target of each result, `{id}` is replaced, e.g. `/empfehlungen/{id}`. */
  declare hrefTemplate: string | undefined;
  /** Current search words (also settable as an attribute for a preset search). */
  declare query: string;
  /** Current status filter (`published`, `consultation`, …); empty for all. */
  declare status: string;
  declare private page: number;

  #focusResults = false;

  constructor() {
    super();
    this.pageSize = 10;
    this.query = '';
    this.status = '';
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('recommendations') && this.recommendations !== undefined) {
      this.acceptData('recommendations', z.array(recommendationSchema), this.recommendations);
    }
    if (
      this.recommendations === undefined &&
      (changed.has('api') || changed.has('source') || changed.has('recommendations'))
    ) {
      this.reload();
    }
  }

  protected reload(): void {
    const source = this.dataSource();
    if (this.recommendations !== undefined) return;
    if (!source) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no api and no data') };
      return;
    }
    const status = statusKinds.find((s) => s === this.status);
    const query = { status, q: this.query || undefined };
    void this.runLoad((signal) => source.listRecommendations(query, signal));
  }

  /** All results of the current filter. */
  get results(): readonly Recommendation[] {
    if (this.recommendations !== undefined) {
      if (this.dataInvalid) return [];
      return filterRecommendations(this.recommendations, { q: this.query, status: this.status });
    }
    return this.loadState.status === 'ready' ? (this.loadState.value as Recommendation[]) : [];
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.query = String(data.get('q') ?? '').trim();
    this.status = String(data.get('status') ?? '');
    this.page = 1;
    if (this.recommendations === undefined) this.reload();
    this.dispatchEvent(
      new CustomEvent('foederal-filter', {
        detail: { query: this.query, status: this.status },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #goTo(page: number): void {
    this.page = page;
    this.#focusResults = true;
  }

  protected override updated(): void {
    if (this.#focusResults) {
      this.#focusResults = false;
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    }
  }

  #countText(count: number): string {
    if (this.recommendations === undefined && this.loadState.status !== 'ready') return '';
    if (count === 0) return this.t('list.count.zero');
    if (count === 1) return this.t('list.count.one');
    return this.t('list.count.other', { count: this.number(count) });
  }

  #item(r: Recommendation): TemplateResult {
    const href = fillHref(this.hrefTemplate, r.id);
    const name = `${this.text(r.shortTitle)} ${r.edition}`;
    return html`<li part="item" class="card">
      ${this.heading(1, href ? html`<a href=${href}>${name}</a>` : name, 'item-heading')}
      <p lang=${this.textLang(r.title)}>${this.text(r.title)}</p>
      <div class="row">
        <span class="badge ${statusVariant[r.status.state] ?? ''}">${this.t(`status.${r.status.state}`)}</span>
        <span>${this.t('list.number', { number: r.number })}</span>
        ${r.issued ? html`<span>${this.t('list.issued', { date: this.date(r.issued) })}</span>` : nothing}
      </div>
    </li>`;
  }

  protected override render(): TemplateResult {
    const all = this.results;
    const size = Math.max(1, Math.trunc(Number(this.pageSize)) || 10);
    const pages = Math.max(1, Math.ceil(all.length / size));
    const page = Math.min(this.page, pages);
    const shown = all.slice((page - 1) * size, page * size);
    return html`<section class="root" lang=${this.language} aria-labelledby="title">
      ${this.heading(0, this.t('list.label'), 'heading', 'title')}
      <form role="search" part="search" class="row bottom" aria-label=${this.t('list.filters')} @submit=${this.#onSubmit}>
        <div class="field" style="flex: 1 1 16em">
          <label for="q">${this.t('list.search')}</label>
          <span class="hint" id="q-hint">${this.t('list.searchHint')}</span>
          <input id="q" name="q" type="search" part="input" aria-describedby="q-hint" .value=${this.query} />
        </div>
        <div class="field" style="flex: 1 1 10em">
          <label for="status">${this.t('list.status')}</label>
          <select id="status" name="status" part="input">
            <option value="" ?selected=${this.status === ''}>${this.t('list.statusAll')}</option>
            ${statusKinds.map(
              (s) => html`<option value=${s} ?selected=${this.status === s}>${this.t(`status.${s}`)}</option>`,
            )}
          </select>
        </div>
        <button type="submit" part="button">${this.t('list.apply')}</button>
      </form>
      ${this.renderLive(this.#countText(all.length))} ${this.renderError()}
      ${shown.length > 0
        ? html`<ul class="plain" part="list" id="results" tabindex="-1" aria-labelledby="title">
            ${shown.map((r) => this.#item(r))}
          </ul>`
        : nothing}
      ${pages > 1
        ? html`<nav part="pagination" class="row" aria-label=${this.t('list.pagination')}>
            <button type="button" class="secondary" part="button" ?disabled=${page <= 1} @click=${() => this.#goTo(page - 1)}>
              ${this.t('list.previous')}
            </button>
            <span>${this.t('list.page', { page: this.number(page), pages: this.number(pages) })}</span>
            <button type="button" class="secondary" part="button" ?disabled=${page >= pages} @click=${() => this.#goTo(page + 1)}>
              ${this.t('list.next')}
            </button>
          </nav>`
        : nothing}
    </section>`;
  }
}
