import { css } from 'lit';

/**
 * Shared shadow styles of every element, following KERN UX through its design tokens
 * (`--_kern-*` aliases, see `kern-tokens.generated.ts`). Components are written here rather than
 * adopting `kern.css` (340 kB) so that each element ships only what it uses.
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--_kern-color-layout-text-default);
    background: var(--foederal-background, transparent);
    font-family: var(--_kern-typography-font-family-default);
    font-size: var(--_kern-typography-font-size-small-static);
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  code,
  a,
  .break-anywhere {
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-default);
    min-width: 0;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font-weight: var(--_kern-typography-font-weight-heading-default);
    line-height: 1.25;
  }
  .h-1 {
    font-size: var(--_kern-typography-font-size-large-adaptive);
  }
  .h-2 {
    font-size: var(--_kern-typography-font-size-medium-adaptive);
  }
  .h-3 {
    font-size: var(--_kern-typography-font-size-large-static);
  }
  p {
    margin: 0;
  }
  a {
    color: var(--_kern-color-action-default);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--_kern-color-action-visited);
  }
  a:hover {
    text-decoration-thickness: 0.15em;
  }
  :focus-visible {
    outline: var(--_kern-metric-border-width-bold) solid var(--_kern-color-action-focus-default);
    outline-offset: 2px;
    border-radius: var(--_kern-metric-border-radius-default);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .muted {
    color: var(--_kern-color-layout-text-muted);
  }
  .sr-only {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  /* buttons (KERN: kern-btn) */
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_kern-metric-space-small);
    min-height: var(--_kern-metric-dimension-x-large);
    padding: var(--_kern-metric-space-small) var(--_kern-metric-space-large);
    border: var(--_kern-metric-border-width-default) solid var(--_kern-color-action-default);
    border-radius: var(--_kern-metric-border-radius-default);
    background: var(--_kern-color-action-default);
    color: var(--_kern-color-action-on-default);
    font: inherit;
    font-weight: var(--_kern-typography-font-weight-label-default);
    cursor: pointer;
    max-width: 100%;
  }
  button:hover {
    background: var(--_kern-color-action-state-indicator-shade-hover);
  }
  button.secondary {
    background: var(--_kern-color-layout-background-default);
    color: var(--_kern-color-action-default);
  }
  button.secondary:hover {
    background: var(--_kern-color-layout-background-hued);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: var(--_kern-color-action-state-opacity-disabled);
  }

  /* form controls (KERN: kern-form-input) */
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-x-small);
    min-width: 0;
  }
  label,
  legend {
    font-weight: var(--_kern-typography-font-weight-label-default);
  }
  .hint {
    color: var(--_kern-color-layout-text-muted);
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    width: 100%;
    min-height: var(--_kern-metric-dimension-x-large);
    padding: var(--_kern-metric-space-small) var(--_kern-metric-space-default);
    border: 0;
    border-bottom: var(--_kern-metric-border-width-default) solid var(--_kern-color-form-input-border);
    border-radius: var(--_kern-metric-border-radius-small);
    background: var(--_kern-color-form-input-background);
    color: var(--_kern-color-layout-text-default);
    font: inherit;
  }
  textarea {
    min-height: 10em;
    resize: vertical;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_kern-color-action-default);
  }
  .choice {
    display: flex;
    gap: var(--_kern-metric-space-small);
    align-items: flex-start;
  }
  .choice label {
    font-weight: var(--_kern-typography-font-weight-body-default);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-small);
    min-width: 0;
  }
  [aria-invalid='true'] {
    border-bottom-color: var(--_kern-color-feedback-danger) !important;
    border-bottom-width: var(--_kern-metric-border-width-bold) !important;
  }
  .error {
    color: var(--_kern-color-feedback-danger);
    font-weight: var(--_kern-typography-font-weight-label-default);
  }

  /* alerts (KERN: kern-alert) */
  .alert {
    border: var(--_kern-metric-border-width-default) solid var(--_kern-color-feedback-info);
    border-left-width: var(--_kern-metric-border-width-heavy);
    border-radius: var(--_kern-metric-border-radius-default);
    background: var(--_kern-color-feedback-info-background);
    padding: var(--_kern-metric-space-default);
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-small);
  }
  .alert.danger {
    border-color: var(--_kern-color-feedback-danger);
    background: var(--_kern-color-feedback-danger-background);
  }
  .alert.success {
    border-color: var(--_kern-color-feedback-success);
    background: var(--_kern-color-feedback-success-background);
  }
  .alert.warning {
    border-color: var(--_kern-color-feedback-warning);
    background: var(--_kern-color-feedback-warning-background);
  }
  .alert.row {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
  }
  .alert ul {
    margin: 0;
    padding-left: 1.25em;
  }

  /* badges (KERN: kern-badge) */
  .badge {
    display: inline-block;
    padding: 0 var(--_kern-metric-space-small);
    border: var(--_kern-metric-border-width-light) solid var(--_kern-color-layout-border);
    border-radius: var(--_kern-metric-border-radius-default);
    background: var(--_kern-color-feedback-default-background);
    color: var(--_kern-color-layout-text-default);
    font-weight: var(--_kern-typography-font-weight-label-default);
    font-size: var(--_kern-typography-font-size-small-static);
    white-space: nowrap;
  }
  .badge.success {
    background: var(--_kern-color-feedback-success-background);
    border-color: var(--_kern-color-feedback-success);
  }
  .badge.info {
    background: var(--_kern-color-feedback-info-background);
    border-color: var(--_kern-color-feedback-info);
  }
  .badge.warning {
    background: var(--_kern-color-feedback-warning-background);
    border-color: var(--_kern-color-feedback-warning);
  }
  .badge.danger {
    background: var(--_kern-color-feedback-danger-background);
    border-color: var(--_kern-color-feedback-danger);
  }

  /* description lists and tables (KERN: kern-description-list, kern-table) */
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_kern-metric-space-x-small) var(--_kern-metric-space-default);
  }
  dt {
    font-weight: var(--_kern-typography-font-weight-label-default);
  }
  dd {
    margin: 0;
  }
  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: var(--_kern-typography-font-weight-heading-default);
    padding-bottom: var(--_kern-metric-space-small);
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: var(--_kern-metric-space-small);
    border-bottom: var(--_kern-metric-border-width-light) solid var(--_kern-color-layout-border);
  }
  th {
    font-weight: var(--_kern-typography-font-weight-label-default);
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .card {
    border: var(--_kern-metric-border-width-light) solid var(--_kern-color-decorative-border-default);
    border-radius: var(--_kern-metric-border-radius-large);
    background: var(--_kern-color-layout-background-default);
    padding: var(--_kern-metric-space-default);
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-small);
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kern-metric-space-small) var(--_kern-metric-space-default);
    align-items: center;
  }
  .row.bottom {
    align-items: flex-end;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_kern-metric-space-default);
  }

  /* loading (KERN: kern-loader) */
  .loader {
    display: inline-block;
    width: 1.5em;
    height: 1.5em;
    border: 0.2em solid var(--_kern-color-decorative-border-default);
    border-top-color: var(--_kern-color-action-default);
    border-radius: 50%;
    animation: foederal-spin 0.9s linear infinite;
    vertical-align: middle;
  }
  @keyframes foederal-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .badge,
    .alert,
    .card,
    input,
    select,
    textarea {
      border: 2px solid ButtonText;
    }
    button[disabled] {
      color: GrayText;
      border-color: GrayText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .loader {
      border-color: CanvasText;
      border-top-color: Highlight;
    }
  }
`;
