import type { Contribution } from './consultation-schema.js';

/**
 * A contribution as the public may see it: never the contact e-mail; without the author's name
 * and organisation (shown as anonymous, the jurisdiction kept) unless the author consented to
 * publication. Contributions without a `consent` record (imported ones, older data) keep their
 * author as stored: they were published under the rules of their source.
 *
 * @example
 * const shown = publicContribution({ ...contribution, contact: { email: 'a@example.org' } });
 * shown.contact; // undefined
 */
export function publicContribution(contribution: Contribution): Contribution {
  const { contact: _contact, ...rest } = contribution;
  if (contribution.consent?.publication !== false || contribution.author.kind === 'anonymous') return rest;
  const { jurisdiction } = contribution.author;
  return { ...rest, author: { kind: 'anonymous', ...(jurisdiction ? { jurisdiction } : {}) } };
}

/**
 * Delete the personal data of a contribution on request (GDPR Art. 17): the author becomes
 * anonymous (its jurisdiction, which names an administration and no person, is kept so the
 * synopsis per level stays complete), the contact is removed, and `erasedAt` records when. The
 * text, the state and the disposition stay, so the synopsis still answers the contribution.
 *
 * @example
 * const erased = erasePersonalData(contribution, '2027-04-01T10:00:00Z');
 * erased.author; // { kind: 'anonymous', … }
 */
export function erasePersonalData(contribution: Contribution, at: string): Contribution {
  const { contact: _contact, ...rest } = contribution;
  const { jurisdiction } = contribution.author;
  return { ...rest, author: { kind: 'anonymous', ...(jurisdiction ? { jurisdiction } : {}) }, erasedAt: at };
}
