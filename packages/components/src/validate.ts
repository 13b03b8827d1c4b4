import type { ContributionSubmission } from '@foederal/publication';
import type { MessageKey } from './locales/index.js';

/**
 * Raw values of the consultation form.
 *
 * @example
 * const input: ContributionInput = { anchor: '3.2', text: 'Bitte ergänzen …', authorKind: 'anonymous', name: '', consent: true };
 */
export interface ContributionInput {
  /** Section anchor of the draft; empty when none was chosen. */
  readonly anchor: string;
  readonly text: string;
  readonly authorKind: 'person' | 'organisation' | 'anonymous';
  readonly name: string;
  readonly consent: boolean;
  /** For a person: the organisation they write for (optional). */
  readonly organisation?: string;
  /** Level of the jurisdiction the author belongs to, empty for none (for the synopsis per level). */
  readonly jurisdictionLevel?: '' | 'federal' | 'state' | 'administrativeDistrict' | 'municipality';
  /** Name of that jurisdiction (`Hamburg`, `Landkreis Nordfriesland`). */
  readonly jurisdictionName?: string;
  /** Contact e-mail; sent to the registry, never published. */
  readonly email?: string;
  /** Whether the name (and organisation) may be published with the contribution. */
  readonly publishName?: boolean;
  /** The privacy notice the author was shown (its URL, or the consent text). */
  readonly privacyNotice?: string;
}

/**
 * One problem of the form: which field, which message, with which parameters.
 *
 * @example
 * const e: FieldError = { field: 'text', key: 'form.error.textShort', params: { min: 10 } };
 */
export interface FieldError {
  readonly field: 'anchor' | 'text' | 'name' | 'consent' | 'email' | 'jurisdictionName' | 'organisation';
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, number>>;
}

/**
 * Length limits of a contribution text, in characters (code points).
 *
 * @example
 * textLimits.max; // 5000
 */
export const textLimits = { min: 10, max: 5000 } as const;

/**
 * Maximum length of a name (the registry's limit).
 *
 * @example
 * nameMaxLength; // 300
 */
export const nameMaxLength = 300;

/**
 * Anchor of a contribution to a consultation whose draft has no sections.
 *
 * @example
 * toSubmission({ ...input, anchor: '' }).anchor; // { section: generalAnchor }
 */
export const generalAnchor = 'general';

/**
 * Checks the consultation form in field order, so the error summary lists problems in the order
 * a keyboard user meets them. `sections` says whether the draft has sections to choose from.
 *
 * @example
 * validateContribution({ anchor: '', text: '', authorKind: 'anonymous', name: '', consent: false }, false);
 * // [{ field: 'text', key: 'form.error.textRequired' }, { field: 'consent', key: 'form.error.consentRequired' }]
 */
export function validateContribution(input: ContributionInput, sections: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (sections && input.anchor === '') errors.push({ field: 'anchor', key: 'form.error.anchorRequired' });
  const text = input.text.trim();
  const length = [...text].length;
  if (length === 0) errors.push({ field: 'text', key: 'form.error.textRequired' });
  else if (length < textLimits.min) errors.push({ field: 'text', key: 'form.error.textShort', params: { min: textLimits.min } });
  else if (length > textLimits.max) errors.push({ field: 'text', key: 'form.error.textLong', params: { max: textLimits.max } });
  if (input.authorKind !== 'anonymous') {
    const name = input.name.trim();
    if (name === '') {
      errors.push({
        field: 'name',
        key: input.authorKind === 'organisation' ? 'form.error.organisationRequired' : 'form.error.nameRequired',
      });
    } else if ([...name].length > nameMaxLength) {
      errors.push({ field: 'name', key: 'form.error.nameLong', params: { max: nameMaxLength } });
    }
  }
  if (input.authorKind === 'person' && [...(input.organisation ?? '').trim()].length > nameMaxLength) {
    errors.push({ field: 'organisation', key: 'form.error.nameLong', params: { max: nameMaxLength } });
  }
  const jurisdictionName = (input.jurisdictionName ?? '').trim();
  if (input.jurisdictionLevel && input.jurisdictionLevel !== 'federal' && jurisdictionName === '') {
    errors.push({ field: 'jurisdictionName', key: 'form.error.jurisdictionNameRequired' });
  } else if ([...jurisdictionName].length > nameMaxLength) {
    errors.push({ field: 'jurisdictionName', key: 'form.error.nameLong', params: { max: nameMaxLength } });
  }
  const email = (input.email ?? '').trim();
  if (email !== '' && (email.length > 254 || !emailPattern.test(email))) errors.push({ field: 'email', key: 'form.error.emailInvalid' });
  if (!input.consent) errors.push({ field: 'consent', key: 'form.error.consentRequired' });
  return errors;
}

/**
 * The registry submission for valid input: trimmed text (as the required German text, the
 * registry's source language), no name for anonymous contributions.
 *
 * @example
 * toSubmission({ anchor: '', text: ' Bitte ergänzen … ', authorKind: 'anonymous', name: 'x', consent: true });
 * // { anchor: { section: 'general' }, text: { de: 'Bitte ergänzen …' }, author: { kind: 'anonymous' } }
 */
export function toSubmission(input: ContributionInput): ContributionSubmission {
  const level = input.jurisdictionLevel || undefined;
  const jurisdictionName = (input.jurisdictionName ?? '').trim() || (level === 'federal' ? 'Bund' : '');
  const jurisdiction = level && jurisdictionName ? { jurisdiction: { level, name: jurisdictionName } } : {};
  const organisation = (input.organisation ?? '').trim();
  const author =
    input.authorKind === 'anonymous'
      ? { kind: 'anonymous' as const, ...jurisdiction }
      : input.authorKind === 'person'
        ? { kind: 'person' as const, name: input.name.trim(), ...(organisation ? { organisation } : {}), ...jurisdiction }
        : { kind: 'organisation' as const, name: input.name.trim(), ...jurisdiction };
  const email = (input.email ?? '').trim();
  return {
    anchor: { section: input.anchor || generalAnchor },
    text: { de: input.text.trim() },
    author,
    ...(email ? { contact: { email } } : {}),
    ...(input.privacyNotice ? { consent: { publication: input.authorKind !== 'anonymous' && input.publishName === true, privacyNotice: input.privacyNotice.slice(0, 500) } } : {}),
  };
}

// A pragmatic check (one @, a dot in the domain, no spaces); the registry validates strictly.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function berlinDay(now: Date): string {
  // en-CA formats as YYYY-MM-DD; consultation periods are set in German time.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Whether a consultation takes contributions at `now`. Timestamps compare exactly; plain dates
 * are whole days in German time (the closing day counts).
 *
 * @example
 * consultationOpen({ opens: '2027-03-01', closes: '2027-04-30' }, new Date('2027-04-30T21:00:00Z')); // true (23:00 in Berlin)
 */
export function consultationOpen(period: { readonly opens: string; readonly closes: string }, now: Date): boolean {
  const day = berlinDay(now);
  const after = period.opens.includes('T') ? now.getTime() >= Date.parse(period.opens) : day >= period.opens;
  const before = period.closes.includes('T') ? now.getTime() <= Date.parse(period.closes) : day <= period.closes;
  return after && before;
}
