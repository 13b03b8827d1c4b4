import { validate, type RecordKind, type RecordOf } from '@foederal/recommendations';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { t, type Language } from '../i18n.js';
import type { Markup } from '../layout.js';
import type { Env } from '../routing.js';

/** A text in both languages (labels, hints, messages). */
export interface Bilingual {
  readonly de: string;
  readonly en: string;
}

/** A problem with one form field, in German and English. */
export interface FieldError extends Bilingual {
  /** The field's `name`. */
  readonly field: string;
}

/**
 * What a form shows: the values as the user entered them (so nothing is lost when the form comes
 * back with errors) and the errors by field.
 */
export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  /** Fields with several values (checkboxes, multi-selects). */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  readonly errors: readonly FieldError[];
}

/** An empty form. */
export const emptyForm: FormState = { values: {}, errors: [] };

/** The element id of a field: `f-` plus the name with non-word characters as hyphens. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * A form body as strings (last value of each name), lists (every value of each name) and files.
 * Reads the body hono already parsed for the CSRF check.
 */
export async function readForm(c: Context<Env>): Promise<{ values: Record<string, string>; lists: Record<string, string[]>; files: Record<string, File[]> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const files: Record<string, File[]> = {};
  for (const [key, raw] of Object.entries(body)) {
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (typeof v === 'string') {
        values[key] = v;
        (lists[key] ??= []).push(v);
      } else if (v instanceof File && v.size > 0) (files[key] ??= []).push(v);
    }
  }
  return { values, lists, files };
}

/** The error box at the top of a form, each entry linking to its field. */
export function errorSummary(lang: Language, errors: readonly FieldError[]): Markup {
  if (errors.length === 0) return html``;
  return html`<div class="kern-alert kern-alert--danger" role="alert" tabindex="-1" id="fehler">
  <div class="kern-alert__header"><span class="kern-icon kern-icon--danger" aria-hidden="true"></span><span class="kern-title">${t(lang, 'correctInput', { count: errors.length })}</span></div>
  <div class="kern-alert__body"><ul class="kern-list">${errors.map((e) => html`<li><a class="kern-link" href="#${fieldId(e.field)}">${e[lang]}</a></li>`)}</ul></div></div>`;
}

function errorsOf(state: FormState, name: string): FieldError[] {
  return state.errors.filter((e) => e.field === name);
}

function fieldErrorMarkup(lang: Language, name: string, errors: FieldError[]): Markup {
  if (errors.length === 0) return html``;
  return html`<p class="kern-error" id="${fieldId(name)}-error"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${errors.map((e) => e[lang]).join(' ')}</span></p>`;
}

function describedBy(name: string, hint: boolean, error: boolean): ReturnType<typeof raw> {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return raw(`${ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : ''}${error ? ' aria-invalid="true"' : ''}`);
}

/** Options of a text input or text area. */
export interface TextFieldOptions {
  readonly name: string;
  readonly label: Bilingual;
  readonly hint?: Bilingual;
  readonly type?: 'text' | 'email' | 'date' | 'datetime-local' | 'number' | 'url';
  readonly required?: boolean;
  readonly rows?: number;
  readonly maxlength?: number;
  readonly autocomplete?: string;
  /** Value shown when the form has none yet. */
  readonly fallback?: string;
}

/** A labelled input (or textarea with `rows`), its hint and its errors, with the entered value. */
export function textField(lang: Language, state: FormState, o: TextFieldOptions): Markup {
  const errors = errorsOf(state, o.name);
  const id = fieldId(o.name);
  const value = state.values[o.name] ?? o.fallback ?? '';
  const cls = `kern-form-input__input${errors.length > 0 ? ' kern-form-input__input--error' : ''}`;
  const attrs = raw(`${o.required ? ' required' : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}`);
  return html`<div class="kern-form-input">
  <label class="kern-label" for="${id}">${o.label[lang]}${o.required ? '' : html` <span class="kern-label__optional">${t(lang, 'optional')}</span>`}</label>
  ${o.hint ? html`<div class="kern-hint" id="${id}-hint">${o.hint[lang]}</div>` : ''}
  ${o.rows
    ? html`<textarea class="${cls}" id="${id}" name="${o.name}" rows="${o.rows}"${attrs}${describedBy(o.name, !!o.hint, errors.length > 0)}>${value}</textarea>`
    : html`<input class="${cls}" id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${value}"${attrs}${describedBy(o.name, !!o.hint, errors.length > 0)}>`}
  ${fieldErrorMarkup(lang, o.name, errors)}
</div>`;
}

/** Options of a select. */
export interface SelectFieldOptions {
  readonly name: string;
  readonly label: Bilingual;
  readonly hint?: Bilingual;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: Bilingual | string }>;
  readonly fallback?: string;
  readonly required?: boolean;
}

/** A labelled select with the chosen value kept. */
export function selectField(lang: Language, state: FormState, o: SelectFieldOptions): Markup {
  const errors = errorsOf(state, o.name);
  const id = fieldId(o.name);
  const chosen = state.values[o.name] ?? o.fallback ?? '';
  return html`<div class="kern-form-input">
  <label class="kern-label" for="${id}">${o.label[lang]}</label>
  ${o.hint ? html`<div class="kern-hint" id="${id}-hint">${o.hint[lang]}</div>` : ''}
  <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="${id}" name="${o.name}"${o.required ? raw(' required') : ''}${describedBy(o.name, !!o.hint, errors.length > 0)}>
    ${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === chosen ? raw(' selected') : ''}>${typeof opt.label === 'string' ? opt.label : opt.label[lang]}</option>`)}
  </select></div>
  ${fieldErrorMarkup(lang, o.name, errors)}
</div>`;
}

/** A single checkbox; `checked` when the form carries its value (or `fallback` on a fresh form). */
export function checkboxField(lang: Language, state: FormState, o: { name: string; label: Bilingual; hint?: Bilingual; value?: string; fallback?: boolean }): Markup {
  const errors = errorsOf(state, o.name);
  const id = fieldId(o.name);
  const value = o.value ?? 'ja';
  const fresh = Object.keys(state.values).length === 0;
  const checked = fresh ? !!o.fallback : state.values[o.name] === value;
  return html`<div class="kern-form-check">
  <input class="kern-form-check__checkbox" type="checkbox" id="${id}" name="${o.name}" value="${value}"${checked ? raw(' checked') : ''}${describedBy(o.name, !!o.hint, errors.length > 0)}>
  <label class="kern-label" for="${id}">${o.label[lang]}</label>
  ${o.hint ? html`<div class="kern-hint" id="${id}-hint">${o.hint[lang]}</div>` : ''}
  ${fieldErrorMarkup(lang, o.name, errors)}
</div>`;
}

/** A file input; files cannot be re-filled by the browser, so `kept` names what is already stored. */
export function fileField(lang: Language, state: FormState, o: { name: string; label: Bilingual; hint?: Bilingual; accept?: string; multiple?: boolean; kept?: readonly string[] }): Markup {
  const errors = errorsOf(state, o.name);
  const id = fieldId(o.name);
  return html`<div class="kern-form-input">
  <label class="kern-label" for="${id}">${o.label[lang]}</label>
  ${o.hint ? html`<div class="kern-hint" id="${id}-hint">${o.hint[lang]}</div>` : ''}
  ${o.kept && o.kept.length > 0 ? html`<p class="kern-body--small">${t(lang, 'alreadyUploaded', { files: o.kept.join(', ') })}</p>` : ''}
  <input class="kern-form-input__input" type="file" id="${id}" name="${o.name}"${o.accept ? raw(` accept="${o.accept}"`) : ''}${o.multiple ? raw(' multiple') : ''}${describedBy(o.name, !!o.hint, errors.length > 0)}>
  ${fieldErrorMarkup(lang, o.name, errors)}
</div>`;
}

/**
 * Validate a record with the schemas of `@foederal/recommendations` and turn each issue into a
 * field error: `fieldOf` maps the issue's JSON path (`$.title.de`) to the form field that
 * produced it; issues of no field go to `fallbackField`.
 */
export function validateRecord<K extends RecordKind>(
  kind: K,
  value: unknown,
  fieldOf: (jsonPath: string) => string | undefined,
  fallbackField: string,
): { ok: true; data: RecordOf<K> } | { ok: false; errors: FieldError[] } {
  const result = validate(kind, value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => {
      const field = fieldOf(i.jsonPath);
      return { field: field ?? fallbackField, de: field ? i.de : `${i.jsonPath}: ${i.de}`, en: field ? i.en : `${i.jsonPath}: ${i.en}` };
    }),
  };
}

/** A required text: trimmed, or an error for `field`. */
export function required(values: Readonly<Record<string, string>>, field: string, label: Bilingual, errors: FieldError[]): string {
  const v = (values[field] ?? '').trim();
  if (!v) errors.push({ field, de: t('de', 'requiredField', { label: label.de }), en: t('en', 'requiredField', { label: label.en }) });
  return v;
}
