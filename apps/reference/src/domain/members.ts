import type { Body } from '@foederal/publication';
import { bodySchema } from '@foederal/publication';
import { presets, states, type Jurisdiction, type Membership, type PresetId } from '@foederal/membership';
import * as z from 'zod/mini';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { audit, type AuditContext } from './audit.js';
import { bodyId } from './body.js';

/** An issue of the body schema with its path inside the body (`memberships.3.endDate`). */
export interface BodyIssue {
  readonly path: string;
  readonly message: string;
}

/** Validate a body with the contract's schema; every issue with its dotted path. */
export function checkBody(body: unknown): { ok: true; body: Body } | { ok: false; issues: BodyIssue[] } {
  const parsed = z.safeParse(bodySchema, body);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

async function store(repo: Repository, next: Body, expectedVersion: number | undefined, action: string, who: Omit<AuditContext, 'repo'>): Promise<Versioned<Body>> {
  const checked = checkBody(next);
  if (!checked.ok) {
    throw new AppError('validation', `Gremium ungültig / invalid body: ${checked.issues[0]?.path}: ${checked.issues[0]?.message}`, { details: { errors: checked.issues } });
  }
  return repo.transaction(async (tx) => {
    const before = await tx.bodies.get(bodyId);
    const fields = { sortKey: bodyId, search: checked.body.organizations.map((o) => o.name.de).join(' ') };
    let after: Versioned<Body>;
    if (!before) after = await tx.bodies.create(bodyId, checked.body, fields);
    else after = await tx.bodies.update(bodyId, expectedVersion ?? before.version, checked.body, fields);
    await audit({ ...who, repo: tx }, action, `bodies/${bodyId}`, before ?? null, after);
    return after;
  });
}

/**
 * Set up the body: its plenum (named by the secretariat) under the rules of a preset of
 * `@foederal/membership`, with no members yet. A second call is a `conflict`.
 *
 * @example
 * await createBody(repo, { name: 'Föderaler Arbeitskreis', preset: 'amev-style-working-group', startDate: '2027-01-01' }, who);
 */
export async function createBody(repo: Repository, input: { name: string; preset: PresetId; startDate: string }, who: Omit<AuditContext, 'repo'>): Promise<Versioned<Body>> {
  if (await repo.bodies.get(bodyId)) throw new AppError('conflict', 'Das Gremium ist schon angelegt / the body exists already');
  const rules = presets[input.preset];
  const body: Body = {
    organizations: [{ id: 'plenum', name: { de: input.name }, classification: 'plenum', rulesId: rules.id, startDate: input.startDate }],
    jurisdictions: [],
    people: [],
    posts: [],
    memberships: [],
    rules: [rules],
  };
  return store(repo, body, undefined, 'body.create', who);
}

/** A new jurisdiction entered with a member. */
export interface JurisdictionInput {
  readonly kind: Jurisdiction['kind'];
  readonly level?: Jurisdiction['level'] | undefined;
  readonly name: string;
  /** ISO 3166-2 code of a Land (`DE-HH`). */
  readonly state?: string | undefined;
}

/** What the member form enters: the person, whom they represent, and the seat's terms. */
export interface MemberInput {
  /** Existing membership to change; a new one otherwise. */
  readonly membershipId?: string | undefined;
  readonly personName: string;
  /** Never published (the public body leaves contacts out). */
  readonly email?: string | undefined;
  /** An existing jurisdiction id, or a new jurisdiction. */
  readonly jurisdiction: string | JurisdictionInput;
  readonly kind: Membership['kind'];
  readonly votingRight: boolean;
  readonly role?: Membership['role'] | undefined;
  readonly startDate: string;
  readonly endDate?: string | undefined;
}

function idFrom(text: string): string {
  return text.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue').replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'x';
}

function unique(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The body with one plenum member added or changed: the person (new, or renamed), the
 * jurisdiction they represent (existing or new), their seat (one post per jurisdiction and kind,
 * created when missing) and the membership with voting right, role, start and end. Pure: returns
 * the next body and the membership id; validation happens on save.
 *
 * @example
 * const { body, membershipId } = withMember(current, { personName: 'A. B.', jurisdiction: 'bund', kind: 'voting', votingRight: true, startDate: '2027-01-01' });
 */
export function withMember(current: Body, input: MemberInput): { body: Body; membershipId: string } {
  const plenum = current.organizations.find((o) => o.classification === 'plenum');
  if (!plenum) throw new AppError('not-found', 'Kein Plenum / no plenum');
  const existing = input.membershipId ? current.memberships.find((m) => m.id === input.membershipId) : undefined;
  if (input.membershipId && !existing) throw new AppError('not-found', `Mitgliedschaft nicht gefunden / membership not found: ${input.membershipId}`);
  let jurisdictions = current.jurisdictions;
  let jurisdictionId: string;
  if (typeof input.jurisdiction === 'string') {
    jurisdictionId = input.jurisdiction;
  } else {
    const j = input.jurisdiction;
    jurisdictionId = unique(idFrom(j.state ?? j.name), new Set(jurisdictions.map((x) => x.id)));
    const state = states.find((s) => s.iso === j.state)?.iso;
    jurisdictions = [...jurisdictions, { id: jurisdictionId, kind: j.kind, ...(j.level ? { level: j.level } : {}), name: { de: j.name }, ...(state ? { state } : {}) } as Jurisdiction];
  }
  let people = current.people;
  const email = input.email?.trim();
  let personId = existing?.personId;
  if (personId) {
    people = people.map((p) => (p.id === personId ? { ...p, name: input.personName, ...(email ? { contact: { ...p.contact, email } } : {}) } : p));
  } else {
    personId = unique(idFrom(input.personName), new Set(people.map((p) => p.id)));
    people = [...people, { id: personId, name: input.personName, ...(email ? { contact: { email } } : {}) }];
  }
  const postId = `sitz-${jurisdictionId}${input.kind === 'voting' ? '' : `-${input.kind}`}`;
  const jurisdictionName = jurisdictions.find((j) => j.id === jurisdictionId)?.name.de ?? jurisdictionId;
  const posts = current.posts.some((p) => p.id === postId)
    ? current.posts
    : [...current.posts, { id: postId, label: { de: `Sitz ${jurisdictionName}` }, organizationId: plenum.id, jurisdictionId, kind: input.kind, startDate: input.startDate }];
  const membershipId = existing?.id ?? unique(`m-${jurisdictionId}`, new Set(current.memberships.map((m) => m.id)));
  const membership = {
    id: membershipId,
    personId,
    organizationId: plenum.id,
    postId,
    onBehalfOf: jurisdictionId,
    kind: input.kind,
    votingRight: input.votingRight,
    role: input.role ?? 'member',
    startDate: input.startDate,
    ...(input.endDate ? { endDate: input.endDate } : {}),
  } as Membership;
  const memberships = existing ? current.memberships.map((m) => (m.id === membershipId ? membership : m)) : [...current.memberships, membership];
  return { body: { ...current, jurisdictions, people, posts, memberships }, membershipId };
}

/**
 * Save a member of the plenum (see {@link withMember}) at the body's version, validated with the
 * contract's body schema (issues with their paths), audited.
 *
 * @example
 * await saveMember(repo, input, 4, who);
 */
export async function saveMember(repo: Repository, input: MemberInput, expectedVersion: number | undefined, who: Omit<AuditContext, 'repo'>): Promise<{ doc: Versioned<Body>; membershipId: string }> {
  const current = await repo.bodies.require(bodyId);
  const { body, membershipId } = withMember(current.data, input);
  const doc = await store(repo, body, expectedVersion ?? current.version, input.membershipId ? 'body.member.update' : 'body.member.add', who);
  return { doc, membershipId };
}
