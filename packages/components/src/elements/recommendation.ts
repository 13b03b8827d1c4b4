import * as z from 'zod/mini';
import { citation, recommendationSchema } from '@foederal/recommendations';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import { formatBytes } from '../format.js';
import { fillHref, statusVariant } from '../shared.js';
import type { Attachment, Recommendation } from '../types.js';
import type { MessageKey } from '../locales/index.js';

interface Loaded {
  readonly recommendation: Recommendation;
  readonly editions: readonly Recommendation[];
}

function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const roleKeys: Readonly<Record<string, MessageKey>> = {
  main: 'rec.role.main',
  annex: 'rec.role.annex',
  template: 'rec.role.template',
  'data-requirements': 'rec.role.data-requirements',
};

/**
 * `<foederal-recommendation>`: one recommendation edition with status, editions, documents and
 * a citation, from the registry at `api` (attribute `recommendation-id`) or from the
 * `recommendation` property.
 *
 * @example
 * ```html
 * <foederal-recommendation api="https://registry.example.org" recommendation-id="wartung-2018"></foederal-recommendation>
 * ```
 *
 * @tag foederal-recommendation
 * @csspart heading - the title heading
 * @csspart subheading - the headings of editions, documents and citation
 * @csspart status - the live region (loading, copy confirmation)
 * @csspart error - the error message with the retry button
 * @csspart badge - the status badge
 * @csspart details - the description list of facts
 * @csspart editions - the list of editions
 * @csspart documents - the documents table
 * @csspart citation - the citation block
 * @csspart button - every button
 * @cssprop --kern-color-action-default - colour of links and buttons; every KERN UX token (`--kern-*`) set on the page applies
 */
export class FoederalRecommendation extends FoederalElement {
  static override properties: PropertyDeclarations = {
    recommendation: { attribute: false },
    editions: { attribute: false },
    recommendationId: { type: String, attribute: 'recommendation-id' },
    hrefTemplate: { type: String, attribute: 'href-template' },
    copyMessage: { state: true },
  };

  /** The recommendation the page already has; when set, `api` is not used. */
  declare recommendation: Recommendation | undefined;
  /** Other editions the page already has (optional with `recommendation`). */
  declare editions: readonly Recommendation[] | undefined;
  /** Id of the recommendation to load from `api`. */
  declare recommendationId: string | undefined;
  /** Link target of other editions, `{id}` is replaced. */
  declare hrefTemplate: string | undefined;
  declare private copyMessage: string;

  constructor() {
    super();
    this.copyMessage = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('recommendation') || changed.has('editions')) && this.recommendation !== undefined) {
      this.acceptData('recommendation', recommendationSchema, this.recommendation);
      if (!this.dataInvalid && this.editions !== undefined) this.acceptData('editions', z.array(recommendationSchema), this.editions);
    }
    if (
      this.recommendation === undefined &&
      (changed.has('api') || changed.has('source') || changed.has('recommendationId') || changed.has('recommendation'))
    ) {
      this.reload();
    }
  }

  protected reload(): void {
    if (this.recommendation !== undefined) return;
    const source = this.dataSource();
    const id = this.recommendationId?.trim();
    if (!source || !id) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no api or recommendation-id') };
      return;
    }
    void this.runLoad(async (signal): Promise<Loaded> => {
      // The other editions are secondary: if only they fail, the recommendation is still shown
      // (its own supersedes/supersededBy links remain).
      const [recommendation, editions] = await Promise.all([
        source.getRecommendation(id, signal),
        source.listEditions(id, signal).catch((): readonly Recommendation[] => []),
      ]);
      return { recommendation, editions };
    });
  }

  #data(): Loaded | undefined {
    if (this.recommendation) {
      return this.dataInvalid ? undefined : { recommendation: this.recommendation, editions: this.editions ?? [] };
    }
    return this.loadState.status === 'ready' ? (this.loadState.value as Loaded) : undefined;
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyMessage = this.t('rec.copied');
    } catch {
      this.copyMessage = this.t('rec.copyFailed');
    }
  }

  #document(a: Attachment): TemplateResult {
    const title = this.text(a.title);
    const size = formatBytes(this.locale, a.byteSize);
    const type = a.mediaType.split(';')[0] ?? a.mediaType;
    return html`<tr>
      <td>
        <a href=${a.downloadUrl} download aria-label=${this.t('rec.download', { title, type, size })}>${title}</a>
      </td>
      <td>${roleKeys[a.role] ? this.t(roleKeys[a.role] as MessageKey) : a.role}</td>
      <td class="num">${size}</td>
      <td><code class="checksum">${a.sha256 ?? ''}</code></td>
    </tr>`;
  }

  /** The versions of this recommendation (newest first) and its relations to other recommendations. */
  #editions(current: Recommendation, editions: readonly Recommendation[]): TemplateResult | typeof nothing {
    const versions = editions.some((e) => e.version === current.version) ? editions : [current, ...editions];
    const link = (id: string): TemplateResult | string => {
      const href = fillHref(this.hrefTemplate, id);
      return href ? html`<a href=${href}>${id}</a>` : id;
    };
    if (versions.length < 2 && !current.supersedes && !current.supersededBy) return nothing;
    return html`<div part="editions">
      ${this.heading(1, this.t('rec.editions'), 'subheading')}
      ${versions.length > 1
        ? html`<ul>
            ${versions.map((e) => {
              const date = e.issued ?? e.modified;
              const isCurrent = e.version === current.version;
              return html`<li aria-current=${isCurrent ? 'true' : nothing}>
                ${this.t('rec.version')} ${e.version}
                <span class="badge ${statusVariant[e.status.state] ?? ''}">${this.t(`status.${e.status.state}`)}</span>
                ${this.date(date)}${isCurrent ? html` – <strong>${this.t('rec.currentEdition')}</strong>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
      ${current.supersedes || current.supersededBy
        ? html`<dl>
            ${current.supersedes ? html`<dt>${this.t('rec.supersedes')}</dt><dd>${link(current.supersedes)}</dd>` : nothing}
            ${current.supersededBy ? html`<dt>${this.t('rec.supersededBy')}</dt><dd>${link(current.supersededBy)}</dd>` : nothing}
          </dl>`
        : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const data = this.#data();
    if (!data) {
      return html`<section class="root" lang=${this.language}>
        ${this.renderLive('')} ${this.renderError()}
      </section>`;
    }
    const r = data.recommendation;
    const href = fillHref(this.hrefTemplate, r.id);
    const cite = citation(r, {
      language: this.language,
      ...(href ? { url: new URL(href, document.baseURI).href, accessed: berlinToday() } : {}),
    });
    const s = r.status;
    const documents = r.attachments ?? [];
    return html`<article class="root" lang=${this.language} aria-labelledby="title">
      <div>
        <p class="muted">${this.t('list.number', { number: r.number })}</p>
        ${this.heading(0, html`${this.text(r.shortTitle)} ${r.edition}`, 'heading', 'title')}
        <p class="h-3" lang=${this.textLang(r.title)}>${this.text(r.title)}</p>
      </div>
      <p><span class="badge ${statusVariant[s.state] ?? ''}" part="badge">${this.t(`status.${s.state}`)}</span></p>
      ${s.state === 'consultation' && s.opens && s.closes
        ? html`<p>${this.t('rec.consultationPeriod', { opens: this.date(s.opens), closes: this.date(s.closes) })}</p>`
        : nothing}
      ${r.description ? html`<p lang=${this.textLang(r.description)}>${this.text(r.description)}</p>` : nothing}
      <dl part="details">
        ${r.version ? html`<dt>${this.t('rec.version')}</dt><dd>${r.version}</dd>` : nothing}
        ${r.issued ? html`<dt>${this.t('rec.issued')}</dt><dd>${this.date(r.issued)}</dd>` : nothing}
        ${r.modified ? html`<dt>${this.t('rec.modified')}</dt><dd>${this.date(r.modified)}</dd>` : nothing}
        ${r.publisher ? html`<dt>${this.t('rec.publisher')}</dt><dd>${this.text(r.publisher.name)}</dd>` : nothing}
        ${r.decision
          ? html`<dt>${this.t('rec.status')}</dt><dd>${this.t('rec.decision', { id: r.decision.id, date: this.date(r.decision.date) })}</dd>`
          : nothing}
        ${r.license ? html`<dt>${this.t('rec.license')}</dt><dd>${r.license.id}</dd>` : nothing}
        ${r.keywords?.length
          ? html`<dt>${this.t('rec.keywords')}</dt><dd>${r.keywords.map((k) => this.text(k)).join(', ')}</dd>`
          : nothing}
      </dl>
      ${this.#editions(r, data.editions)}
      <div part="documents">
        ${this.heading(1, this.t('rec.documents'), 'subheading', 'documents')}
        ${documents.length === 0
          ? html`<p>${this.t('rec.noDocuments')}</p>`
          : html`<div class="table-wrap" role="region" aria-labelledby="documents" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.t('rec.documentTitle')}</th>
                    <th scope="col">${this.t('rec.documentRole')}</th>
                    <th scope="col" class="num">${this.t('rec.documentSize')}</th>
                    <th scope="col">${this.t('rec.documentChecksum')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${documents.map((a) => this.#document(a))}
                </tbody>
              </table>
            </div>`}
      </div>
      <figure part="citation" class="card" style="margin: 0">
        <figcaption>${this.heading(1, this.t('rec.citation'), 'subheading', 'citation')}</figcaption>
        <blockquote style="margin: 0" id="cite">${cite}</blockquote>
        <p>
          <button type="button" class="secondary" part="button" @click=${() => this.#copy(cite)}>
            ${this.t('rec.copyCitation')}
          </button>
        </p>
      </figure>
      ${this.renderLive(this.copyMessage)}
    </article>`;
  }
}
