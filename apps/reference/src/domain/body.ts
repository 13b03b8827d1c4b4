import type { Body } from '@foederal/publication';
import { bodySchema } from '@foederal/publication';
import {
  checkComposition,
  compositionMembersFrom,
  memberLevelOf,
  type CompositionReport,
  type Jurisdiction,
  type Membership,
  type RulesOfProcedure,
} from '@foederal/membership';
import * as z from 'zod/mini';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';

/** Id of the one body this app instance serves. */
export const bodyId = 'arbeitskreis';

/** Store or replace the body (validated with the contract's body schema). */
export async function saveBody(repo: Repository, body: Body, expectedVersion?: number): Promise<Versioned<Body>> {
  const parsed = z.safeParse(bodySchema, body);
  if (!parsed.success) {
    throw new AppError('validation', `Gremium ungültig / invalid body: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  }
  const fields = { sortKey: bodyId, search: body.organizations.map((o) => o.name.de).join(' ') };
  if (expectedVersion === undefined) return repo.bodies.create(bodyId, parsed.data, fields);
  return repo.bodies.update(bodyId, expectedVersion, parsed.data, fields);
}

/** The body; contact data of people is removed unless `withContacts`. */
export async function getBody(repo: Repository, withContacts = false): Promise<Versioned<Body>> {
  const doc = await repo.bodies.require(bodyId);
  if (withContacts) return doc;
  return { ...doc, data: { ...doc.data, people: doc.data.people.map(({ contact: _contact, ...p }) => p) } };
}

/** The body with contact data, or undefined before it is set up. */
export async function findBody(repo: Repository): Promise<Versioned<Body> | undefined> {
  return repo.bodies.get(bodyId);
}

/** The plenum's rules of procedure (the first rules object of the body). */
export function rulesOf(body: Body): RulesOfProcedure {
  const rules = body.rules[0];
  if (!rules) throw new AppError('not-found', 'Keine Geschäftsordnung / no rules of procedure');
  return rules;
}

/** Memberships in the plenum (the organ with classification `plenum`). */
export function plenumMemberships(body: Body): Body['memberships'] {
  const plenum = body.organizations.find((o) => o.classification === 'plenum')?.id;
  return body.memberships.filter((m) => m.organizationId === plenum);
}

/** Seat balance of the body at `date` (`checkComposition` of `@foederal/membership`). */
export function composition(body: Body, date: string): CompositionReport {
  return checkComposition({
    rules: rulesOf(body),
    date,
    members: compositionMembersFrom({ memberships: plenumMemberships(body), jurisdictions: body.jurisdictions }),
  });
}

/** A membership with its person and jurisdiction, for pages and votes. */
export interface MemberView {
  readonly membership: Membership;
  readonly personName: string;
  readonly jurisdiction: Jurisdiction;
  readonly level: ReturnType<typeof memberLevelOf>;
}

/** Memberships of the plenum active at `date`, with names. */
export function membersOf(body: Body, date: string): MemberView[] {
  const people = new Map(body.people.map((p) => [p.id, p]));
  const jurisdictions = new Map(body.jurisdictions.map((j) => [j.id, j]));
  return plenumMemberships(body)
    .filter((m) => m.startDate <= date && (m.endDate === undefined || date <= m.endDate))
    .flatMap((m) => {
      const jurisdiction = jurisdictions.get(m.onBehalfOf ?? "");
      if (!jurisdiction) return [];
      return [{ membership: m, personName: people.get(m.personId)?.name ?? m.personId, jurisdiction, level: memberLevelOf(jurisdiction) }];
    });
}
