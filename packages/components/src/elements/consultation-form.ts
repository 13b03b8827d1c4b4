import { consultationSchema } from '@foederal/recommendations';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import type { ContributionSubmission } from '@foederal/publication';
import type { Consultation } from '../types.js';
import {
  consultationOpen,
  textLimits,
  toSubmission,
  validateContribution,
  type ContributionInput,
  type FieldError,
} from '../validate.js';

type Phase = 'editing' | 'submitting' | 'done';

/**
 * Sends a contribution; resolves with the id the registry gave it. Rejecting with a
 * `ComponentsError` of code `rejected` shows its message; any other rejection counts as a network
 * error (the input is kept).
 *
 * @example
 * form.submitter = async (consultationId, contribution) => {
 *   const response = await fetch(`/beitraege/${consultationId}`, { method: 'POST', body: JSON.stringify(contribution) });
 *   return response.json(); // { id: 'b-17' }
 * };
 */
export type ContributionSubmitter = (
  consultationId: string,
  contribution: ContributionSubmission,
) => Promise<{ readonly id: string }>;

const emptyInput: ContributionInput = {
  anchor: '',
  text: '',
  authorKind: 'person',
  name: '',
  consent: false,
};

/**
 * `<foederal-consultation-form>`: submit a contribution to a running consultation, with
 * validation, an error summary that takes focus, a confirmation, and input that survives a
 * network error. Loads the consultation from `api` (attribute `consultation-id`) or takes the
 * `consultation` property; sends through `api` or the `submitter` property.
 *
 * @example
 * ```html
 * <foederal-consultation-form api="https://registry.example.org" consultation-id="gebaeudedaten-2027-k1">
 * </foederal-consultation-form>
 * ```
 *
 * @tag foederal-consultation-form
 * @fires foederal-contribution-submitted - after the registry accepted a contribution; `detail` is `{ id, consultationId }`
 * @csspart heading - the form heading
 * @csspart confirmation-heading - the heading of the confirmation
 * @csspart form - the form
 * @csspart input - every text field, select and text area
 * @csspart button - every button
 * @csspart error-summary - the summary of validation errors
 * @csspart error - the message after a failed submission, or a load error
 * @csspart confirmation - the confirmation after a successful submission
 * @csspart status - the live region
 * @cssprop --kern-color-action-default - colour of links and buttons; every KERN UX token (`--kern-*`) set on the page applies
 */
export class FoederalConsultationForm extends FoederalElement {
  static override properties: PropertyDeclarations = {
    consultation: { attribute: false },
    consultationId: { type: String, attribute: 'consultation-id' },
    privacyUrl: { type: String, attribute: 'privacy-url' },
    submitter: { attribute: false },
    values: { state: true },
    errors: { state: true },
    phase: { state: true },
    sendError: { state: true },
    reference: { state: true },
  };

  /** The consultation the page already has; when set, it is not loaded from `api`. */
  declare consultation: Consultation | undefined;
  /** Id of the consultation to load from `api`. */
  declare consultationId: string | undefined;
  /** URL of the privacy notice linked next to the consent; recorded with the consent. */
  declare privacyUrl: string | undefined;
  /** Sends contributions instead of `api` (e.g. a page's own endpoint). */
  declare submitter: ContributionSubmitter | undefined;
  declare private values: ContributionInput;
  declare private errors: readonly FieldError[];
  declare private phase: Phase;
  declare private sendError: string;
  declare private reference: string;

  #focus: string | undefined;

  constructor() {
    super();
    this.values = emptyInput;
    this.errors = [];
    this.phase = 'editing';
    this.sendError = '';
    this.reference = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('consultation') || changed.has('consultationId')) && this.phase === 'done') {
      // Another consultation: after a sent contribution, start with an empty form again.
      this.values = emptyInput;
      this.errors = [];
      this.reference = '';
      this.phase = 'editing';
    }
    if (changed.has('consultation') && this.consultation !== undefined) {
      this.acceptData('consultation', consultationSchema, this.consultation);
    }
    if (
      this.consultation === undefined &&
      (changed.has('api') || changed.has('source') || changed.has('consultationId') || changed.has('consultation'))
    ) {
      this.reload();
    }
  }

  protected reload(): void {
    if (this.consultation !== undefined) return;
    const source = this.dataSource();
    const id = this.consultationId?.trim();
    if (!source || !id) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no api or consultation-id') };
      return;
    }
    void this.runLoad((signal) => source.getConsultation(id, signal));
  }

  #consultation(): Consultation | undefined {
    if (this.consultation) return this.dataInvalid ? undefined : this.consultation;
    return this.loadState.status === 'ready' ? (this.loadState.value as Consultation) : undefined;
  }

  protected override updated(): void {
    if (this.#focus) {
      this.renderRoot.querySelector<HTMLElement>(`#${this.#focus}`)?.focus();
      this.#focus = undefined;
    }
  }

  #set<K extends keyof ContributionInput>(key: K, value: ContributionInput[K]): void {
    this.values = { ...this.values, [key]: value };
  }

  async #onSubmit(event: SubmitEvent, consultation: Consultation): Promise<void> {
    event.preventDefault();
    if (this.phase === 'submitting') return;
    this.errors = validateContribution(this.values, consultation.sections.length > 0);
    this.sendError = '';
    if (this.errors.length > 0) {
      this.#focus = 'summary';
      return;
    }
    const submit: ContributionSubmitter | undefined =
      this.submitter ??
      (() => {
        const source = this.dataSource();
        return source ? (id: string, c: ContributionSubmission) => source.submitContribution(id, c) : undefined;
      })();
    if (!submit) {
      this.sendError = this.t('common.noSource');
      this.#focus = 'send-error';
      return;
    }
    this.phase = 'submitting';
    try {
      const url = this.privacyUrl?.trim();
      const privacyNotice = url && /^https?:\/\//i.test(url) ? url : this.t('form.consent');
      const { id } = await submit(consultation.id, toSubmission({ ...this.values, privacyNotice }));
      this.reference = id;
      this.phase = 'done';
      this.#focus = 'thanks';
      this.dispatchEvent(
        new CustomEvent('foederal-contribution-submitted', {
          detail: { id, consultationId: consultation.id },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.phase = 'editing';
      this.sendError =
        ComponentsError.isInstance(error) && error.code === 'rejected'
          ? this.t('form.error.rejected', { message: error.message })
          : this.t('form.error.network');
      this.#focus = 'send-error';
    }
  }

  #again(): void {
    this.values = emptyInput;
    this.errors = [];
    this.reference = '';
    this.phase = 'editing';
    this.#focus = 'text';
  }

  #errorFor(field: FieldError['field']): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  #errorText(e: FieldError): string {
    return this.t(e.key, e.params);
  }

  #fieldError(field: FieldError['field']): TemplateResult | typeof nothing {
    const e = this.#errorFor(field);
    return e ? html`<span class="error" id="${field}-error">${this.#errorText(e)}</span>` : nothing;
  }

  #describedBy(field: FieldError['field'], ...ids: string[]): string {
    return [...ids, ...(this.#errorFor(field) ? [`${field}-error`] : [])].join(' ') || '';
  }

  #summary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<div class="alert danger" id="summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="summary-title">
      <p id="summary-title"><strong
          >${this.errors.length === 1
            ? this.t('form.errorSummary.one')
            : this.t('form.errorSummary.other', { count: this.errors.length })}</strong
        ></p>
      <ul>
        ${this.errors.map(
          (e) => html`<li>
            <a
              href="#${e.field}"
              @click=${(ev: Event) => {
                ev.preventDefault();
                this.renderRoot.querySelector<HTMLElement>(`#${e.field}`)?.focus();
              }}
              >${this.#errorText(e)}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #form(c: Consultation): TemplateResult {
    const v = this.values;
    const req = html`<span aria-hidden="true"> *</span>`;
    const sections = c.sections;
    const nameLabel = v.authorKind === 'organisation' ? this.t('form.organisation') : this.t('form.name');
    return html`${this.#summary()}
      ${this.sendError
        ? html`<div class="alert danger" id="send-error" part="error" tabindex="-1" role="alert">
            <p>${this.sendError}</p>
          </div>`
        : nothing}
      <form part="form" novalidate class="root" @submit=${(e: SubmitEvent) => this.#onSubmit(e, c)}>
        <p class="muted">${this.t('form.intro')}</p>
        ${sections.length > 0
          ? html`<div class="field">
              <label for="anchor">${this.t('form.anchor')}${req}</label>
              ${this.#fieldError('anchor')}
              <select
                id="anchor"
                part="input"
                required
                aria-describedby=${this.#describedBy('anchor') || nothing}
                aria-invalid=${this.#errorFor('anchor') ? 'true' : 'false'}
                @change=${(e: Event) => this.#set('anchor', (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${v.anchor === ''}>${this.t('form.anchorChoose')}</option>
                ${sections.map(
                  (s) =>
                    html`<option value=${s.anchor} ?selected=${v.anchor === s.anchor}>${s.anchor} ${this.text(s.title)}</option>`,
                )}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for="text">${this.t('form.text')}${req}</label>
          <span class="hint" id="text-hint">${this.t('form.textHint', { min: textLimits.min, max: this.number(textLimits.max) })}</span>
          ${this.#fieldError('text')}
          <textarea
            id="text"
            part="input"
            required
            aria-describedby=${this.#describedBy('text', 'text-hint')}
            aria-invalid=${this.#errorFor('text') ? 'true' : 'false'}
            .value=${v.text}
            @input=${(e: Event) => this.#set('text', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <fieldset>
          <legend>${this.t('form.authorKind')}</legend>
          ${(['person', 'organisation', 'anonymous'] as const).map(
            (kind) => html`<div class="choice">
              <input
                type="radio"
                id="author-${kind}"
                name="authorKind"
                value=${kind}
                .checked=${v.authorKind === kind}
                @change=${() => this.#set('authorKind', kind)}
              />
              <label for="author-${kind}">${this.t(`form.author.${kind}`)}</label>
            </div>`,
          )}
        </fieldset>
        ${v.authorKind === 'anonymous'
          ? nothing
          : html`<div class="field">
              <label for="name">${nameLabel}${req}</label>
              ${this.#fieldError('name')}
              <input
                id="name"
                part="input"
                type="text"
                required
                autocomplete=${v.authorKind === 'person' ? 'name' : 'organization'}
                aria-describedby=${this.#describedBy('name') || nothing}
                aria-invalid=${this.#errorFor('name') ? 'true' : 'false'}
                .value=${v.name}
                @input=${(e: Event) => this.#set('name', (e.target as HTMLInputElement).value)}
              />
            </div>`}
        ${v.authorKind === 'person'
          ? html`<div class="field">
              <label for="organisation">${this.t('form.organisationOptional')}</label>
              ${this.#fieldError('organisation')}
              <input id="organisation" part="input" type="text" autocomplete="organization"
                aria-describedby=${this.#describedBy('organisation') || nothing}
                aria-invalid=${this.#errorFor('organisation') ? 'true' : 'false'}
                .value=${v.organisation ?? ''}
                @input=${(e: Event) => this.#set('organisation', (e.target as HTMLInputElement).value)} />
            </div>`
          : nothing}
        <div class="field">
          <label for="level">${this.t('form.jurisdictionLevel')}</label>
          <select id="level" part="input" @change=${(e: Event) => this.#set('jurisdictionLevel', (e.target as HTMLSelectElement).value as ContributionInput['jurisdictionLevel'])}>
            <option value="" ?selected=${!v.jurisdictionLevel}>${this.t('form.jurisdictionNone')}</option>
            ${(['federal', 'state', 'administrativeDistrict', 'municipality'] as const).map(
              (l) => html`<option value=${l} ?selected=${v.jurisdictionLevel === l}>${this.t(`level.${l}`)}</option>`,
            )}
          </select>
        </div>
        ${v.jurisdictionLevel && v.jurisdictionLevel !== 'federal'
          ? html`<div class="field">
              <label for="jurisdictionName">${this.t('form.jurisdictionName')}${req}</label>
              ${this.#fieldError('jurisdictionName')}
              <input id="jurisdictionName" part="input" type="text" required
                aria-describedby=${this.#describedBy('jurisdictionName') || nothing}
                aria-invalid=${this.#errorFor('jurisdictionName') ? 'true' : 'false'}
                .value=${v.jurisdictionName ?? ''}
                @input=${(e: Event) => this.#set('jurisdictionName', (e.target as HTMLInputElement).value)} />
            </div>`
          : nothing}
        <div class="field">
          <label for="email">${this.t('form.email')}</label>
          <span class="hint" id="email-hint">${this.t('form.emailHint')}</span>
          ${this.#fieldError('email')}
          <input id="email" part="input" type="email" autocomplete="email"
            aria-describedby=${this.#describedBy('email', 'email-hint')}
            aria-invalid=${this.#errorFor('email') ? 'true' : 'false'}
            .value=${v.email ?? ''}
            @input=${(e: Event) => this.#set('email', (e.target as HTMLInputElement).value)} />
        </div>
        ${v.authorKind === 'anonymous'
          ? nothing
          : html`<div class="field">
              <div class="choice">
                <input type="checkbox" id="publishName" aria-describedby="publishName-hint"
                  .checked=${v.publishName === true}
                  @change=${(e: Event) => this.#set('publishName', (e.target as HTMLInputElement).checked)} />
                <label for="publishName">${this.t('form.publishName')}</label>
              </div>
              <span class="hint" id="publishName-hint">${this.t('form.publishNameHint')}</span>
            </div>`}
        <div class="field">
          ${this.privacyUrl && /^https?:\/\//i.test(this.privacyUrl) ? html`<p><a href=${this.privacyUrl} target="_blank" rel="noopener">${this.t('form.privacy')}</a></p>` : nothing}
          ${this.#fieldError('consent')}
          <div class="choice">
            <input
              type="checkbox"
              id="consent"
              required
              aria-describedby=${this.#describedBy('consent') || nothing}
              aria-invalid=${this.#errorFor('consent') ? 'true' : 'false'}
              .checked=${v.consent}
              @change=${(e: Event) => this.#set('consent', (e.target as HTMLInputElement).checked)}
            />
            <label for="consent">${this.t('form.consent')}${req}</label>
          </div>
        </div>
        <div>
          <button type="submit" id="submit" part="button" aria-disabled=${this.phase === 'submitting' ? 'true' : 'false'}>
            ${this.phase === 'submitting' ? this.t('form.submitting') : this.t('form.submit')}
          </button>
        </div>
      </form>`;
  }

  protected override render(): TemplateResult {
    const c = this.#consultation();
    const status = this.phase === 'submitting' ? this.t('form.submitting') : '';
    return html`<section class="root" lang=${this.language} aria-labelledby="title">
      ${this.heading(0, this.t('form.label'), 'heading', 'title')}
      ${c && this.phase === 'done'
        ? html`<div class="alert success" part="confirmation">
            ${this.heading(1, this.t('form.thanks'), 'confirmation-heading', 'thanks')}
            <p>${this.t('form.reference', { id: this.reference })}</p>
            <p><button type="button" class="secondary" part="button" @click=${() => this.#again()}>${this.t('form.another')}</button></p>
          </div>`
        : c
          ? consultationOpen(c, new Date())
            ? html`<p>${this.t('form.period', { closes: this.date(c.closes) })}</p>
                ${this.#form(c)}`
            : html`<div class="alert warning" part="error"><p>${this.t('form.closed')}</p></div>`
          : nothing}
      ${this.renderLive(status)} ${this.renderError()}
    </section>`;
  }
}
