import * as z from 'zod/mini';
import { consultationSchema, contributionSchema } from '@foederal/recommendations';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import type { ContributionState } from '@foederal/recommendations';
import type { Consultation, Contribution } from '../types.js';

const dispositionStates: readonly ContributionState[] = ['accepted', 'partially-accepted', 'rejected', 'in-review', 'duplicate'];

const stateVariant: Readonly<Record<ContributionState, string>> = {
  submitted: '',
  published: '',
  'in-review': 'info',
  accepted: 'success',
  'partially-accepted': 'warning',
  rejected: 'danger',
  duplicate: '',
  withdrawn: '',
};

/**
 * `<foederal-contributions>`: the published contributions of a consultation and their
 * dispositions (Abwägung), filterable by disposition. From `api` (attribute `consultation-id`)
 * or the `contributions` property. Contribution texts are always rendered as text, never as HTML.
 *
 * @example
 * ```html
 * <foederal-contributions api="https://registry.example.org" consultation-id="gebaeudedaten-2027-k1"></foederal-contributions>
 * ```
 *
 * @tag foederal-contributions
 * @csspart heading - the element's heading
 * @csspart item-heading - the heading of one contribution
 * @csspart input - the disposition filter
 * @csspart status - the live region with the number of contributions
 * @csspart error - the error message with the retry button
 * @csspart list - the list of contributions
 * @csspart item - one contribution
 * @csspart disposition - the disposition of one contribution
 * @csspart button - every button
 * @cssprop --kern-color-action-default - colour of links and buttons; every KERN UX token (`--kern-*`) set on the page applies
 */
export class FoederalContributions extends FoederalElement {
  static override properties: PropertyDeclarations = {
    contributions: { attribute: false },
    consultation: { attribute: false },
    consultationId: { type: String, attribute: 'consultation-id' },
    filter: { state: true },
  };

  /** Contributions the page already has; when set, `api` is not used. */
  declare contributions: readonly Contribution[] | undefined;
  /** The consultation with its contributions and draft sections; when set, `api` is not used. */
  declare consultation: Consultation | undefined;
  /** Id of the consultation whose contributions to load from `api`. */
  declare consultationId: string | undefined;
  declare private filter: string;

  constructor() {
    super();
    this.filter = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contributions') && this.contributions !== undefined) {
      this.acceptData('contributions', z.array(contributionSchema), this.contributions);
    } else if (changed.has('consultation') && this.consultation !== undefined) {
      this.acceptData('consultation', consultationSchema, this.consultation);
    }
    if (
      !this.#given() &&
      (changed.has('api') ||
        changed.has('source') ||
        changed.has('consultationId') ||
        changed.has('contributions') ||
        changed.has('consultation'))
    ) {
      this.reload();
    }
  }

  protected reload(): void {
    if (this.#given()) return;
    const source = this.dataSource();
    const id = this.consultationId?.trim();
    if (!source || !id) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no api or consultation-id') };
      return;
    }
    void this.runLoad((signal) => source.getConsultation(id, signal));
  }

  #given(): boolean {
    return this.contributions !== undefined || this.consultation !== undefined;
  }

  #all(): readonly Contribution[] | undefined {
    if (this.#given() && this.dataInvalid) return undefined;
    if (this.contributions) return this.contributions;
    if (this.consultation) return this.consultation.contributions;
    return this.loadState.status === 'ready' ? (this.loadState.value as Consultation).contributions : undefined;
  }

  #sections(): ReadonlyMap<string, Consultation['sections'][number]> {
    const c = this.consultation ?? (this.loadState.status === 'ready' ? (this.loadState.value as Consultation) : undefined);
    return new Map((c?.sections ?? []).map((s) => [s.anchor, s]));
  }

  #item(c: Contribution, n: number, sections: ReadonlyMap<string, Consultation['sections'][number]>): TemplateResult {
    const author = c.author.kind === 'anonymous' ? this.t('contrib.anonymous') : c.author.name;
    const jurisdiction = c.author.jurisdiction ? ` (${c.author.jurisdiction.name})` : '';
    const section = sections.get(c.anchor.section);
    const decided = dispositionStates.includes(c.state) && c.state !== 'in-review';
    return html`<li part="item" class="card">
      <article aria-labelledby="c-${n}">
        ${this.heading(1, this.t('contrib.item', { n: this.number(n) }), 'item-heading', `c-${n}`)}
        <dl>
          <dt>${this.t('contrib.anchor')}</dt>
          <dd>
            ${c.anchor.section === 'general'
              ? this.t('contrib.anchorNone')
              : html`${c.anchor.section}${section ? html` <span lang=${this.textLang(section.title)}>${this.text(section.title)}</span>` : nothing}`}
          </dd>
          <dt>${this.t('contrib.author')}</dt>
          <dd>${author}${jurisdiction}</dd>
          <dt>${this.t('contrib.submitted')}</dt>
          <dd>${this.date(c.submittedAt)}</dd>
          ${c.externalRef
            ? html`<dt>${this.t('contrib.source')}</dt><dd><a href=${c.externalRef}>${c.externalRef}</a></dd>`
            : nothing}
        </dl>
        <blockquote style="margin: var(--_kern-metric-space-small) 0; white-space: pre-line" lang=${this.textLang(c.text)}>${this.text(c.text)}</blockquote>
        ${c.anchor.quote ? html`<p class="muted"><q>${c.anchor.quote}</q></p>` : nothing}
        <div part="disposition" class="row">
          <strong>${this.t('contrib.disposition')}:</strong>
          <span class="badge ${stateVariant[c.state] ?? ''}">${this.t(`contrib.state.${c.state}`)}</span>
        </div>
        ${c.disposition
          ? html`<p><strong>${this.t('contrib.reason')}:</strong>
                <span lang=${this.textLang(c.disposition.reason)}>${this.text(c.disposition.reason)}</span></p>
              ${c.disposition.answeredAt
                ? html`<p class="muted">${this.t('contrib.answered', { date: this.date(c.disposition.answeredAt) })}</p>`
                : nothing}`
          : decided
            ? nothing
            : html`<p class="muted">${this.t('contrib.pending')}</p>`}
      </article>
    </li>`;
  }

  protected override render(): TemplateResult {
    const all = this.#all();
    const sections = this.#sections();
    const shown = all ? all.filter((c) => !this.filter || c.state === this.filter) : [];
    const count =
      all === undefined
        ? ''
        : shown.length === 0
          ? this.t('contrib.count.zero')
          : shown.length === 1
            ? this.t('contrib.count.one')
            : this.t('contrib.count.other', { count: this.number(shown.length) });
    return html`<section class="root" lang=${this.language} aria-labelledby="title">
      ${this.heading(0, this.t('contrib.label'), 'heading', 'title')}
      ${all && all.length > 0
        ? html`<div class="field" style="max-width: 24em">
            <label for="filter">${this.t('contrib.filter')}</label>
            <select id="filter" part="input" @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value)}>
              <option value="">${this.t('contrib.filterAll')}</option>
              ${dispositionStates.map(
                (s) => html`<option value=${s} ?selected=${this.filter === s}>${this.t(`contrib.state.${s}`)}</option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${this.renderLive(count)} ${this.renderError()}
      ${shown.length > 0
        ? html`<ol class="plain" part="list">
            ${shown.map((c) => this.#item(c, all!.indexOf(c) + 1, sections))}
          </ol>`
        : nothing}
    </section>`;
  }
}
