import type { LocalizedText } from '@foederal/core';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { formatJsonPath } from '@foederal/publication';
import { formatDate, formatNumber, intlLocale } from './format.js';
import { langTagOf, onLangChange } from './lang.js';
import { languageOf, translate, type Language, type MessageKey } from './locales/index.js';
import { baseStyles } from './styles/base.js';
import { kernTokens } from './styles/kern-tokens.generated.js';
import { ComponentsError } from './errors.js';
import { registrySource } from './registry-source.js';
import type { RegistrySource } from './source.js';

/** State of data that an element loads. */
export type LoadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Shared behaviour: language from the nearest `lang`, locale formatting, KERN styles, the `api`
 * attribute and loading with abort, loading/error rendering with a live region.
 * @internal
 */
export abstract class FoederalElement extends LitElement {
  static override styles = [kernTokens, baseStyles];

  static override properties: PropertyDeclarations = {
    api: { type: String },
    source: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    loadState: { state: true },
  };

  /** Base URL of the registry API; when set, the element loads its data from there. */
  declare api: string | undefined;
  /** A data source to use instead of `api` (e.g. a page's own client or a test double). */
  declare source: RegistrySource | undefined;
  /** Level of the element's top heading (2 to 6, default 2) so it fits the page's outline. */
  declare headingLevel: number;
  /** @internal */
  declare protected loadState: LoadState<unknown>;

  #langTag = '';
  #stopLang: (() => void) | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.loadState = { status: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langTag = langTagOf(this);
    this.#stopLang = onLangChange(() => {
      const tag = langTagOf(this);
      if (tag !== this.#langTag) {
        this.#langTag = tag;
        this.requestUpdate();
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLang?.();
    this.#stopLang = undefined;
    this.#abort?.abort();
  }

  /** The language the element speaks (`de` unless the nearest `lang` is English). */
  get language(): Language {
    return languageOf(this.#langTag);
  }

  /** The `Intl` locale for dates and numbers. */
  protected get locale(): string {
    return intlLocale(this.#langTag);
  }

  protected t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.language, key, params);
  }

  protected text(value: LocalizedText | string | undefined): string {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    return this.language === 'en' && value.en ? value.en : value.de;
  }

  /** `lang` for a localised text that fell back to German in an English element. */
  protected textLang(value: LocalizedText | string | undefined): string | typeof nothing {
    if (value === undefined || typeof value === 'string') return nothing;
    return this.language === 'en' && !value.en ? 'de' : nothing;
  }

  protected date(value: string | undefined): string {
    return value ? formatDate(this.locale, value) : '';
  }

  protected number(value: number): string {
    return formatNumber(this.locale, value);
  }

  protected get level(): number {
    const n = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(n) ? Math.min(6, Math.max(2, n)) : 2;
  }

  /** A heading `offset` levels below the element's top heading. */
  protected heading(offset: number, content: unknown, part: string, id?: string): TemplateResult {
    const level = Math.min(6, this.level + offset);
    const cls = `h-${Math.min(3, offset + 1)}`;
    const idAttr = id ?? nothing;
    switch (level) {
      case 2:
        return html`<h2 part=${part} class=${cls} id=${idAttr} tabindex="-1">${content}</h2>`;
      case 3:
        return html`<h3 part=${part} class=${cls} id=${idAttr} tabindex="-1">${content}</h3>`;
      case 4:
        return html`<h4 part=${part} class=${cls} id=${idAttr} tabindex="-1">${content}</h4>`;
      case 5:
        return html`<h5 part=${part} class=${cls} id=${idAttr} tabindex="-1">${content}</h5>`;
      default:
        return html`<h6 part=${part} class=${cls} id=${idAttr} tabindex="-1">${content}</h6>`;
    }
  }

  /**
   * Runs `load`, aborting the previous run; the result lands in `loadState`.
   * @internal
   */
  protected async runLoad<T>(load: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#abort?.abort();
    const controller = new AbortController();
    this.#abort = controller;
    this.loadState = { status: 'loading' };
    try {
      const value = await load(controller.signal);
      if (!controller.signal.aborted) this.loadState = { status: 'ready', value };
    } catch (error) {
      if (!controller.signal.aborted) this.loadState = { status: 'error', error };
    }
  }

  /** The source to load from: `source`, else the registry at `api`, else none. */
  protected dataSource(): RegistrySource | undefined {
    if (this.source) return this.source;
    const api = this.api?.trim();
    return api ? registrySource(new URL(api, document.baseURI).href) : undefined;
  }

  /** Loads again after an error (the retry button). */
  protected abstract reload(): void;

  /**
   * Checks data passed as a property against its schema; on failure the element shows the
   * error (with the JSON path) instead of rendering half-valid data.
   * @internal
   */
  protected checkData(name: string, schema: z.core.$ZodType, value: unknown): boolean {
    const result = z.safeParse(schema, value);
    if (result.success) return true;
    const issue = result.error.issues[0];
    const path = formatJsonPath([name, ...(issue?.path ?? [])]);
    const message = issue?.message ?? 'invalid';
    this.loadState = {
      status: 'error',
      error: new ComponentsError('invalid-data', `${path}: ${message}`, { path, cause: result.error }),
    };
    return false;
  }

  /** Validates a data property that changed; clears an earlier data error when it is valid. @internal */
  protected acceptData(name: string, schema: z.core.$ZodType, value: unknown): void {
    if (this.checkData(name, schema, value)) this.loadState = { status: 'idle' };
  }

  /** True while the data passed as a property is invalid. @internal */
  protected get dataInvalid(): boolean {
    const state = this.loadState;
    return state.status === 'error' && ComponentsError.isInstance(state.error) && state.error.code === 'invalid-data';
  }

  protected errorMessage(error: unknown): string {
    if (ComponentsError.isInstance(error)) {
      if (error.code === 'invalid-data') return this.t('common.invalidData', { detail: error.message });
      if (error.code === 'not-found') return this.t('common.notFound');
      if (error.code === 'network') return this.t('common.networkError');
      if (error.code === 'no-source') return this.t('common.noSource');
    }
    return this.t('common.loadError');
  }

  /** Live region announcing loading and results; always rendered so announcements are heard. */
  protected renderLive(message: string): TemplateResult {
    return html`<div role="status" aria-live="polite" part="status" class="status">
      ${this.loadState.status === 'loading'
        ? html`<span class="loader" aria-hidden="true"></span> ${this.t('common.loading')}`
        : message}
    </div>`;
  }

  protected renderError(): TemplateResult | typeof nothing {
    if (this.loadState.status !== 'error') return nothing;
    const error = this.loadState.error;
    return html`<div class="alert danger" role="alert" part="error">
      <p>${this.errorMessage(error)}</p>
      ${ComponentsError.isInstance(error) && (error.code === 'no-source' || error.code === 'invalid-data')
        ? nothing
        : html`<p><button type="button" class="secondary" part="button" @click=${() => this.reload()}>
            ${this.t('common.retry')}
          </button></p>`}
    </div>`;
  }
}
