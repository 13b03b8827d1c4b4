import type { LocalizedText } from '@foederal/core';
import { decisionResultSchema } from '@foederal/membership';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import type { MessageKey } from '../locales/index.js';
import type { Decision, VoteResult } from '../types.js';

type VoteCount = VoteResult['counts'][number];

interface VoteData {
  readonly result: VoteResult;
  readonly title?: string | undefined;
  readonly id?: string | undefined;
  readonly date?: string | undefined;
  readonly body?: string | undefined;
}

function groupId(group: VoteCount['group']): string | undefined {
  return typeof group === 'object' ? group.id : group;
}

const optionOrder = ['yes', 'no', 'abstain', 'absent', 'not voting', 'paired'];
const groupOrder = ['federal', 'state', 'administrativeDistrict', 'municipality', 'science', 'industry', 'civil-society'];

/**
 * Counts as a table: one row per group (a level) and one column per option, plus the total row.
 *
 * @example
 * const { options, rows, total }: CountTable = countTable(result.counts);
 */
export interface CountTable {
  readonly options: readonly string[];
  readonly rows: readonly { readonly group: string; readonly values: readonly number[] }[];
  readonly total: readonly number[];
}

/**
 * Arranges Popolo counts by group and option. Counts without a group are the totals; when there
 * are none, the totals are the sums over the groups.
 *
 * @example
 * countTable([{ option: 'yes', value: 2, group: 'state' }, { option: 'no', value: 1, group: 'state' }]);
 * // { options: ['yes', 'no'], rows: [{ group: 'state', values: [2, 1] }], total: [2, 1] }
 */
export function countTable(counts: readonly VoteCount[]): CountTable {
  const options = [...new Set(counts.map((c) => c.option))].sort(
    (a, b) => rank(optionOrder, a) - rank(optionOrder, b),
  );
  const groups = [...new Set(counts.map((c) => groupId(c.group)).filter((g) => g !== undefined))].sort(
    (a, b) => rank(groupOrder, a) - rank(groupOrder, b),
  );
  const value = (group: string | undefined, option: string): number =>
    counts.filter((c) => groupId(c.group) === group && c.option === option).reduce((s, c) => s + c.value, 0);
  const rows = groups.map((group) => ({ group, values: options.map((o) => value(group, o)) }));
  const hasTotals = counts.some((c) => c.group === undefined);
  const total = options.map((o, i) => (hasTotals ? value(undefined, o) : rows.reduce((s, r) => s + (r.values[i] ?? 0), 0)));
  return { options, rows, total };
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
}

const resultVariant = { pass: 'success', fail: 'danger', pending: 'info' } as const;

/**
 * `<foederal-vote-result>`: the result of a vote, whether the body was quorate, the counts per
 * level and the explanation. From `api` (attribute `decision-id`) or the `result` property
 * (a `DecisionResult` of `@foederal/membership`), with an optional `motion` title.
 *
 * @example
 * ```html
 * <foederal-vote-result api="https://registry.example.org" decision-id="2027-04"></foederal-vote-result>
 * ```
 *
 * @tag foederal-vote-result
 * @csspart heading - the element's heading
 * @csspart subheading - the heading of the explanation
 * @csspart result - the result banner
 * @csspart table - the table of counts
 * @csspart reasons - the explanation
 * @csspart status - the live region
 * @csspart error - the error message with the retry button
 * @csspart button - every button
 * @cssprop --kern-color-action-default - colour of links and buttons; every KERN UX token (`--kern-*`) set on the page applies
 */
export class FoederalVoteResult extends FoederalElement {
  static override properties: PropertyDeclarations = {
    result: { attribute: false },
    motion: { type: String },
    decisionId: { type: String, attribute: 'decision-id' },
  };

  /** The result the page already has; when set, `api` is not used. */
  declare result: VoteResult | undefined;
  /** Title of the motion, shown above the result. */
  declare motion: string | undefined;
  /** Id of the decision to load from `api`, e.g. `2027-04`. */
  declare decisionId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result') && this.result !== undefined) this.acceptData('result', decisionResultSchema, this.result);
    if (
      this.result === undefined &&
      (changed.has('api') || changed.has('source') || changed.has('decisionId') || changed.has('result'))
    ) {
      this.reload();
    }
  }

  protected reload(): void {
    if (this.result !== undefined) return;
    const source = this.dataSource();
    const id = this.decisionId?.trim();
    if (!source || !id) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no api or decision-id') };
      return;
    }
    void this.runLoad((signal) => source.getDecision(id, signal));
  }

  #data(): VoteData | undefined {
    if (this.result) return this.dataInvalid ? undefined : { result: this.result, title: this.motion };
    if (this.loadState.status !== 'ready') return undefined;
    const d = this.loadState.value as Decision;
    return { result: d.result, title: this.motion, id: d.id, date: d.date, body: d.body };
  }

  #reason(reason: unknown): TemplateResult {
    if (typeof reason === 'string') return html`<li>${reason}</li>`;
    if (typeof reason === 'object' && reason !== null && typeof (reason as { de?: unknown }).de === 'string') {
      const r = reason as LocalizedText;
      return html`<li lang=${this.textLang(r)}>${this.text(r)}</li>`;
    }
    return html`<li>${JSON.stringify(reason)}</li>`;
  }

  #option(option: string): string {
    const key = `vote.option.${option}`;
    return key in { 'vote.option.yes': 1, 'vote.option.no': 1, 'vote.option.abstain': 1, 'vote.option.absent': 1, 'vote.option.not voting': 1, 'vote.option.paired': 1 }
      ? this.t(key as MessageKey)
      : option;
  }

  #group(group: string): string {
    const key = `level.${group}`;
    return groupOrder.includes(group) ? this.t(key as MessageKey) : group;
  }

  #content(data: VoteData): TemplateResult {
    const r = data.result;
    const table = countTable(r.counts);
    return html`
      ${data.title ? html`<p class="h-3">${data.title}</p>` : nothing}
      ${data.id && data.date
        ? html`<p class="muted">${this.t('rec.decision', { id: data.id, date: this.date(data.date) })}${data.body ? ` · ${data.body}` : ''}</p>`
        : nothing}
      <div class="alert ${resultVariant[r.result]} row" part="result">
        <strong class="h-2">${this.t(`vote.result.${r.result}`)}</strong>
        <span class="badge">${r.quorate ? this.t('vote.quorate') : this.t('vote.notQuorate')}</span>
      </div>
      ${table.options.length > 0
        ? html`<div class="table-wrap" role="region" aria-labelledby="counts-caption" tabindex="0">
            <table part="table">
              <caption id="counts-caption">${this.t('vote.counts')}</caption>
              <thead>
                <tr>
                  <th scope="col">${this.t('vote.group')}</th>
                  ${table.options.map((o) => html`<th scope="col" class="num">${this.#option(o)}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (row) => html`<tr>
                    <th scope="row">${this.#group(row.group)}</th>
                    ${row.values.map((v) => html`<td class="num">${this.number(v)}</td>`)}
                  </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">${this.t('vote.all')}</th>
                  ${table.total.map((v) => html`<td class="num">${this.number(v)}</td>`)}
                </tr>
              </tfoot>
            </table>
          </div>`
        : nothing}
      ${r.reasons.length > 0
        ? html`<div part="reasons">
            ${this.heading(1, this.t('vote.reasons'), 'subheading')}
            <ul>
              ${r.reasons.map((reason) => this.#reason(reason))}
            </ul>
          </div>`
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const data = this.#data();
    return html`<section class="root" lang=${this.language} aria-labelledby="title">
      ${this.heading(0, this.t('vote.label'), 'heading', 'title')} ${this.renderLive('')} ${this.renderError()}
      ${data ? this.#content(data) : nothing}
    </section>`;
  }
}
