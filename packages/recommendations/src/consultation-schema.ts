import * as z from 'zod/mini';
import {
  bilingual,
  httpUrlSchema,
  isoDateTimeSchema,
  jurisdictionRefSchema,
  localizedTextSchema,
  slugSchema,
} from './common-schemas.js';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));

/**
 * Who wrote a contribution: a person, an organisation, or nobody named; each optionally with the
 * jurisdiction they belong to.
 *
 * @example
 * contributionAuthorSchema.parse({ kind: 'anonymous' });
 */
export const contributionAuthorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name,
    organisation: z.exactOptional(name),
    jurisdiction: z.exactOptional(jurisdictionRefSchema),
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    name,
    jurisdiction: z.exactOptional(jurisdictionRefSchema),
  }),
  z.strictObject({
    kind: z.literal('anonymous'),
    jurisdiction: z.exactOptional(jurisdictionRefSchema),
  }),
]);
/** Author of a contribution. @example const a: ContributionAuthor = { kind: 'organisation', name: 'Deutscher Städtetag' }; */
export type ContributionAuthor = z.infer<typeof contributionAuthorSchema>;

/**
 * Where in the draft a contribution applies: a section anchor (`3.2`, `anhang-a`) and optionally
 * the quoted passage.
 *
 * @example
 * anchorSchema.parse({ section: '3.2', quote: 'Die Wartung ist jährlich …' });
 */
export const anchorSchema = z.strictObject({
  section: z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, bilingual(
    'Abschnittsanker: Buchstaben, Ziffern, Punkt, Bindestrich, Unterstrich',
    'section anchor: letters, digits, dot, hyphen, underscore',
  ))),
  quote: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(2000))),
});
/** Anchor into the draft. @example const a: Anchor = { section: '4' }; */
export type Anchor = z.infer<typeof anchorSchema>;

/**
 * States of a contribution. `submitted` (received), `published` (visible, unanswered),
 * `in-review`; answered: `accepted`, `partially-accepted`, `rejected`, `duplicate`; `withdrawn`
 * by its author.
 *
 * @example
 * contributionStateSchema.parse('partially-accepted');
 */
export const contributionStateSchema = z.enum([
  'submitted', 'published', 'in-review', 'accepted', 'partially-accepted', 'rejected', 'duplicate', 'withdrawn',
]);
/** Contribution state. @example const s: ContributionState = 'in-review'; */
export type ContributionState = z.infer<typeof contributionStateSchema>;

/** States that carry an answer (disposition). @example answeredStates.includes('accepted'); // true */
export const answeredStates = ['accepted', 'partially-accepted', 'rejected', 'duplicate'] as const satisfies readonly ContributionState[];

/**
 * The answer to a contribution (Abwägung): the reason, when it was answered, when the answer was
 * published (kept apart: an answer is often given before it is published), and for duplicates the
 * contribution it repeats.
 *
 * @example
 * dispositionSchema.parse({ reason: { de: 'Aufgenommen in 3.2' }, answeredAt: '2027-03-01T09:00:00Z' });
 */
export const dispositionSchema = z.strictObject({
  reason: localizedTextSchema,
  answeredAt: isoDateTimeSchema,
  publishedAt: z.exactOptional(isoDateTimeSchema),
  duplicateOf: z.exactOptional(slugSchema),
}).check(z.superRefine((value, ctx) => {
  if (value.publishedAt !== undefined && Date.parse(value.publishedAt) < Date.parse(value.answeredAt)) {
    ctx.addIssue({
      code: 'custom', path: ['publishedAt'], input: value.publishedAt,
      ...bilingual('Antwort kann nicht vor ihrer Abgabe veröffentlicht werden', 'an answer cannot be published before it was given'),
    });
  }
}));
/** A disposition. @example const d: Disposition = { reason: { de: 'Abgelehnt' }, answeredAt: '2027-03-01T09:00:00Z' }; */
export type Disposition = z.infer<typeof dispositionSchema>;

/**
 * How to reach the author of a contribution: only an e-mail address. Never published: public
 * views ({@link publicContribution}), the synopsis and every export leave it out.
 *
 * @example
 * contributionContactSchema.parse({ email: 'referat@stadt.example' });
 */
export const contributionContactSchema = z.strictObject({
  email: z.email().check(z.maxLength(254)),
});
/** Contact of a contribution's author. @example const c: ContributionContact = { email: 'a@example.org' }; */
export type ContributionContact = z.infer<typeof contributionContactSchema>;

/**
 * The author's consent given with a contribution: `publication` true allows publishing the name
 * and organisation with the contribution; false means it is published without them (as
 * anonymous, with its jurisdiction). `privacyNotice` names the privacy notice shown (its URL or
 * version), so the secretariat can show what the author agreed to.
 *
 * @example
 * contributionConsentSchema.parse({ publication: true, privacyNotice: 'https://example.org/datenschutz#2026-12' });
 */
export const contributionConsentSchema = z.strictObject({
  publication: z.boolean(),
  privacyNotice: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});
/** Consent given with a contribution. @example const c: ContributionConsent = { publication: false, privacyNotice: 'v1' }; */
export type ContributionConsent = z.infer<typeof contributionConsentSchema>;

/**
 * A contribution (Stellungnahme) to a consultation. `contact` is never published; `consent`
 * says whether the name may be published; `erasedAt` records that the author's personal data was
 * deleted on request (the text and the disposition stay).
 *
 * @example
 * contributionSchema.parse({ id: 'c-1', anchor: { section: '2' }, text: { de: 'Bitte ergänzen …' },
 *   author: { kind: 'anonymous' }, submittedAt: '2027-02-03T10:00:00Z', state: 'submitted' });
 */
export const contributionSchema = z.strictObject({
  id: slugSchema,
  anchor: anchorSchema,
  text: localizedTextSchema,
  author: contributionAuthorSchema,
  submittedAt: isoDateTimeSchema,
  externalRef: z.exactOptional(httpUrlSchema),
  contact: z.exactOptional(contributionContactSchema),
  consent: z.exactOptional(contributionConsentSchema),
  erasedAt: z.exactOptional(isoDateTimeSchema),
  state: contributionStateSchema,
  disposition: z.exactOptional(dispositionSchema),
}).check(z.superRefine((value, ctx) => {
  const answered = (answeredStates as readonly string[]).includes(value.state);
  const add = (path: string[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  if (value.erasedAt !== undefined) {
    if (value.author.kind !== 'anonymous') add(['author'], 'Nach Löschung der personenbezogenen Daten ist der Beitrag anonym', 'after erasure of personal data the contribution is anonymous');
    if (value.contact !== undefined) add(['contact'], 'Nach Löschung der personenbezogenen Daten gibt es keinen Kontakt', 'after erasure of personal data there is no contact');
  }
  if (answered && value.disposition === undefined) {
    add(['disposition'], `Status ${value.state} verlangt eine Abwägung`, `state ${value.state} requires a disposition`);
  }
  if (!answered && value.state !== 'withdrawn' && value.disposition !== undefined) {
    add(['disposition'], `Status ${value.state} hat noch keine Abwägung`, `state ${value.state} has no disposition yet`);
  }
  if (value.state === 'duplicate' && value.disposition !== undefined && value.disposition.duplicateOf === undefined) {
    add(['disposition', 'duplicateOf'], 'Dublette: Original angeben', 'duplicate: name the original');
  }
  if (value.state !== 'duplicate' && value.disposition?.duplicateOf !== undefined) {
    add(['disposition', 'duplicateOf'], 'duplicateOf nur bei Dubletten', 'duplicateOf only for duplicates');
  }
  if (value.disposition !== undefined && Date.parse(value.disposition.answeredAt) < Date.parse(value.submittedAt)) {
    add(['disposition', 'answeredAt'], 'Antwort liegt vor der Einreichung', 'answer lies before submission');
  }
}));
/** A contribution. @example const c: Contribution = exampleCatalogue.consultations[0]!.contributions[0]!; */
export type Contribution = z.infer<typeof contributionSchema>;

/**
 * A section of the draft under consultation, so contributions can be anchored to it.
 *
 * @example
 * draftSectionSchema.parse({ anchor: '3.2', title: { de: 'Prüffristen' } });
 */
export const draftSectionSchema = z.strictObject({
  anchor: anchorSchema.shape.section,
  title: localizedTextSchema,
});
/** A draft section. @example const s: DraftSection = { anchor: '1', title: { de: 'Einleitung' } }; */
export type DraftSection = z.infer<typeof draftSectionSchema>;

/**
 * A public consultation (Konsultation) on one draft version of a recommendation, with its
 * contributions and their dispositions.
 *
 * @example
 * consultationSchema.parse(exampleCatalogue.consultations[0]);
 */
export const consultationSchema = z.strictObject({
  id: slugSchema,
  recommendation: slugSchema,
  draftVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  title: localizedTextSchema,
  opens: isoDateTimeSchema,
  closes: isoDateTimeSchema,
  url: z.exactOptional(httpUrlSchema),
  sections: z.array(draftSectionSchema),
  contributions: z.array(contributionSchema),
}).check(z.superRefine((value, ctx) => {
  const add = (path: (string | number)[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  if (Date.parse(value.closes) <= Date.parse(value.opens)) {
    add(['closes'], 'Ende muss nach dem Beginn liegen', 'closing must come after opening');
  }
  const anchors = new Set(value.sections.map((s) => s.anchor));
  const ids = new Set<string>();
  value.contributions.forEach((contribution, index) => {
    if (ids.has(contribution.id)) {
      add(['contributions', index, 'id'], `Beitrags-Kennung ${contribution.id} doppelt`, `contribution id ${contribution.id} is duplicated`);
    }
    ids.add(contribution.id);
    if (anchors.size > 0 && !anchors.has(contribution.anchor.section)) {
      add(['contributions', index, 'anchor', 'section'],
        `Abschnitt ${contribution.anchor.section} gibt es im Entwurf nicht`,
        `section ${contribution.anchor.section} does not exist in the draft`);
    }
  });
  value.contributions.forEach((contribution, index) => {
    const original = contribution.disposition?.duplicateOf;
    if (original !== undefined && (!ids.has(original) || original === contribution.id)) {
      add(['contributions', index, 'disposition', 'duplicateOf'],
        `Original ${original} ist kein anderer Beitrag dieser Konsultation`,
        `original ${original} is not another contribution of this consultation`);
    }
  });
}));
/** A consultation. @example const c: Consultation = exampleCatalogue.consultations[0]!; */
export type Consultation = z.infer<typeof consultationSchema>;
