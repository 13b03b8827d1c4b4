import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FoederalElement } from '../base.js';
import { ComponentsError } from '../errors.js';
import * as z from 'zod/mini';
import {
  checkComposition,
  compositionMembersFrom,
  jurisdictionSchema,
  memberLevelOf,
  membershipSchema,
  localizedTextSchema,
  personSchema,
  rulesOfProcedureSchema,
} from '@foederal/membership';
import type { CompositionReport, MemberLevel } from '@foederal/membership';
import type { MessageKey } from '../locales/index.js';
import type { Roster } from '../types.js';

const rosterSchema = z.object({
  name: z.optional(localizedTextSchema),
  rules: z.optional(z.union([z.string(), rulesOfProcedureSchema])),
  jurisdictions: z.array(jurisdictionSchema),
  people: z.array(personSchema),
  memberships: z.array(membershipSchema),
});

const levelKeys: Readonly<Record<MemberLevel, MessageKey>> = {
  federal: 'level.federal',
  state: 'level.state',
  administrativeDistrict: 'level.administrativeDistrict',
  municipality: 'level.municipality',
  science: 'level.science',
  industry: 'level.industry',
  'civil-society': 'level.civil-society',
};

function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * The seat balance of a roster on `date` under its rules (default `amev-style-working-group`),
 * computed by `checkComposition` of `@foederal/membership`.
 *
 * @example
 * compositionOf(roster, '2027-01-01').seats; // [{ level: 'federal', voting: 1, advisory: 0, … }, …]
 */
export function compositionOf(roster: Roster, date: string): CompositionReport {
  return checkComposition({
    rules: roster.rules ?? 'amev-style-working-group',
    date,
    members: compositionMembersFrom({ memberships: roster.memberships, jurisdictions: roster.jurisdictions }),
  });
}

/**
 * `<foederal-roster>`: the members of a body grouped by level, and the seat balance as a bar
 * chart with a text alternative (a summary sentence and a table). From `api` or the `roster`
 * property (persons, jurisdictions and memberships as `@foederal/membership` models them, plus
 * optional violations from `checkComposition`).
 *
 * @example
 * ```html
 * <foederal-roster api="https://registry.example.org"></foederal-roster>
 * ```
 *
 * @tag foederal-roster
 * @csspart heading - the element's heading
 * @csspart subheading - the headings of the chart and the member lists
 * @csspart level-heading - the heading of one level in the member lists
 * @csspart chart - the bar chart
 * @csspart bar - one bar of the chart
 * @csspart table - the seat table (text alternative of the chart)
 * @csspart members - the member lists
 * @csspart violations - the notes on the composition
 * @csspart status - the live region
 * @csspart error - the error message with the retry button
 * @csspart button - every button
 * @cssprop --foederal-bar-color - colour of the bars (default: the KERN action colour)
 */
export class FoederalRoster extends FoederalElement {
  static override styles = [
    ...FoederalElement.styles,
    css`
      .bars {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        gap: var(--_kern-metric-space-small) var(--_kern-metric-space-default);
        align-items: center;
        margin: 0;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: var(--_kern-metric-space-small);
        min-width: 0;
      }
      .bar span.fill {
        display: block;
        height: 1.25em;
        min-width: 2px;
        background: var(--foederal-bar-color, var(--_kern-color-action-default));
        border-radius: var(--_kern-metric-border-radius-small);
      }
      @media (forced-colors: active) {
        .bar span.fill {
          forced-color-adjust: none;
          background: CanvasText;
        }
      }
      figure {
        margin: 0;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    roster: { attribute: false },
  };

  /** The members the page already has; when set, `api` is not used. */
  declare roster: Roster | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('roster') && this.roster !== undefined) this.acceptData('roster', rosterSchema, this.roster);
    if (this.roster === undefined && (changed.has('api') || changed.has('source') || changed.has('roster'))) {
      this.reload();
    }
  }

  protected reload(): void {
    if (this.roster !== undefined) return;
    const source = this.dataSource();
    const getRoster = source?.getRoster?.bind(source);
    if (!getRoster) {
      this.loadState = { status: 'error', error: new ComponentsError('no-source', 'no roster source') };
      return;
    }
    void this.runLoad((signal) => getRoster(signal));
  }

  #data(): Roster | undefined {
    if (this.roster) return this.dataInvalid ? undefined : this.roster;
    return this.loadState.status === 'ready' ? (this.loadState.value as Roster) : undefined;
  }

  #content(roster: Roster): TemplateResult {
    let report: CompositionReport;
    try {
      report = compositionOf(roster, berlinToday());
    } catch (error) {
      // An unknown jurisdiction or rules id: say what is wrong instead of failing to render.
      return html`<div class="alert danger" role="alert" part="error">
        <p>${this.t('common.invalidData', { detail: error instanceof Error ? error.message : String(error) })}</p>
      </div>`;
    }
    const balance = report.seats.filter((b) => b.voting + b.advisory > 0);
    const max = Math.max(1, ...balance.map((b) => b.voting));
    const summary = balance
      .filter((b) => b.voting > 0)
      .map((b) => `${this.t(levelKeys[b.level])} ${this.number(b.voting)}`)
      .join(', ');
    const persons = new Map(roster.people.map((p) => [p.id, p]));
    const jurisdictions = new Map(roster.jurisdictions.map((j) => [j.id, j]));
    const totals = balance.reduce((a, b) => ({ voting: a.voting + b.voting, advisory: a.advisory + b.advisory }), {
      voting: 0,
      advisory: 0,
    });
    const violations = report.violations;
    return html`
      <figure part="chart">
        ${this.heading(1, this.t('roster.balance'), 'subheading', 'balance')}
        <div class="bars" role="img" aria-labelledby="chart-summary">
          ${balance
            .filter((b) => b.voting > 0)
            .map(
              (b) => html`<span>${this.t(levelKeys[b.level])}</span>
                <span class="bar" part="bar"
                  ><span class="fill" style="width: ${(b.voting / max) * 85}%"></span>${this.number(b.voting)}</span
                >`,
            )}
        </div>
        <figcaption id="chart-summary">${this.t('roster.chartSummary', { summary })}</figcaption>
      </figure>
      <div class="table-wrap" role="region" aria-labelledby="seats-caption" tabindex="0">
        <table part="table">
          <caption id="seats-caption">${this.t('roster.table')}</caption>
          <thead>
            <tr>
              <th scope="col">${this.t('roster.level')}</th>
              <th scope="col" class="num">${this.t('roster.voting')}</th>
              <th scope="col" class="num">${this.t('roster.advisory')}</th>
            </tr>
          </thead>
          <tbody>
            ${balance.map(
              (b) => html`<tr>
                <th scope="row">${this.t(levelKeys[b.level])}</th>
                <td class="num">${this.number(b.voting)}</td>
                <td class="num">${this.number(b.advisory)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${this.t('roster.total')}</th>
              <td class="num">${this.number(totals.voting)}</td>
              <td class="num">${this.number(totals.advisory)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div part="violations" class="alert ${violations.length ? 'warning' : 'success'}">
        ${violations.length
          ? html`<p><strong>${this.t('roster.violations')}</strong></p>
              <ul>
                ${violations.map((v) => html`<li>${this.text(v)}</li>`)}
              </ul>`
          : html`<p>${this.t('roster.balanced')}</p>`}
      </div>
      <div part="members">
        ${this.heading(1, this.t('roster.members'), 'subheading')}
        ${balance.map((b) => {
          const members = roster.memberships.filter((m) => {
            const j = m.onBehalfOf === undefined ? undefined : jurisdictions.get(m.onBehalfOf);
            return j !== undefined && memberLevelOf(j) === b.level && !report.inactive.includes(m.id);
          });
          return html`${this.heading(2, this.t(levelKeys[b.level]), 'level-heading')}
            <ul>
              ${members.map((m) => {
                const j = m.onBehalfOf === undefined ? undefined : jurisdictions.get(m.onBehalfOf);
                const role = m.deputyOf !== undefined ? this.t('roster.deputy') : '';
                return html`<li>
                  ${persons.get(m.personId)?.name ?? m.personId}
                  ${j ? html`<span lang=${this.textLang(j.name)}>${this.t('roster.onBehalfOf', { name: this.text(j.name) })}</span>` : nothing}
                  ${role ? html`(${role})` : nothing}
                  <span class="badge">${m.kind === 'voting' && m.votingRight ? this.t('roster.votingRight') : this.t('roster.advisoryRight')}</span>
                </li>`;
              })}
            </ul>`;
        })}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const roster = this.#data();
    return html`<section class="root" lang=${this.language} aria-labelledby="title">
      ${this.heading(0, roster?.name ? this.text(roster.name) : this.t('roster.label'), 'heading', 'title')}
      ${this.renderLive('')} ${this.renderError()} ${roster ? this.#content(roster) : nothing}
    </section>`;
  }
}
