import { localizedTextSchema } from '@foederal/core/text-schema';
import * as z from 'zod/mini';
import { MembershipError, formatPath } from './errors.js';
import { agsOfArs, agsSchema, arsSchema, isoDateSchema, stateCodeSchema, stateOfKey } from './identifiers.js';
import {
  jurisdictionKindSchema,
  jurisdictionLevelSchema,
  membershipKindSchema,
  membershipRoleSchema,
  organizationClassificationSchema,
} from './vocabulary.js';

const idSchema = z.string().check(z.minLength(1), z.maxLength(200));


/**
 * A jurisdiction that sends members: the Bund, a Land (ISO 3166-2), a Kreis or Gemeinde (AGS,
 * ARS), a kommunaler Spitzenverband (level `municipality`), or a participant from science,
 * industry or civil society (no level).
 *
 * @example
 * jurisdictionSchema.parse({ id: 'by', kind: 'government', level: 'state', name: { de: 'Bayern' }, state: 'DE-BY' });
 */
export const jurisdictionSchema = z
  .object({
    id: idSchema,
    kind: jurisdictionKindSchema,
    level: z.optional(jurisdictionLevelSchema),
    name: localizedTextSchema,
    /** ISO 3166-2 code of the Land (for `state`, and the Land a Kreis or Gemeinde lies in). */
    state: z.optional(stateCodeSchema),
    ags: z.optional(agsSchema),
    ars: z.optional(arsSchema),
    /** Id of the jurisdiction this one belongs to (a Gemeinde's Kreis, a Kreis's Land). */
    parentId: z.optional(idSchema),
    web: z.optional(z.url()),
  })
  .check(
    z.superRefine((j, ctx) => {
      if (j.kind === 'government' && j.level === undefined) {
        ctx.addIssue({ code: 'custom', path: ['level'], message: 'Gebietskörperschaften brauchen eine Ebene / a government needs a level' });
      }
      if (j.kind === 'municipal-umbrella-association' && j.level !== undefined && j.level !== 'municipality') {
        ctx.addIssue({ code: 'custom', path: ['level'], message: 'Kommunale Spitzenverbände gehören zur Ebene municipality / umbrella associations are level municipality' });
      }
      if ((j.kind === 'science' || j.kind === 'industry' || j.kind === 'civil-society') && j.level !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['level'], message: 'Nichtstaatliche Teilnehmer haben keine Ebene / non-state participants have no level' });
      }
      if (j.kind === 'government' && j.level === 'state' && j.state === undefined) {
        ctx.addIssue({ code: 'custom', path: ['state'], message: 'Ein Land braucht seinen ISO-3166-2-Code / a Land needs its ISO 3166-2 code' });
      }
      if ((j.ags !== undefined || j.ars !== undefined) && j.level !== 'administrativeDistrict' && j.level !== 'municipality') {
        ctx.addIssue({ code: 'custom', path: [j.ags !== undefined ? 'ags' : 'ars'], message: 'AGS/ARS nur für Kreise und Gemeinden / AGS/ARS only for districts and municipalities' });
      }
      if (j.ags !== undefined && j.ars !== undefined && agsOfArs(j.ars) !== j.ags) {
        ctx.addIssue({ code: 'custom', path: ['ars'], message: `ARS ${j.ars} passt nicht zu AGS ${j.ags} / ARS does not match AGS` });
      }
      const key = (j.ags ?? j.ars)?.slice(0, 2);
      if (key !== undefined && j.state !== undefined && stateOfKey(key) !== j.state) {
        ctx.addIssue({ code: 'custom', path: ['state'], message: `Landesschlüssel ${key} gehört nicht zu ${j.state} / Land key ${key} is not ${j.state}` });
      }
    }),
  );
/** A jurisdiction. @example const bund: Jurisdiction = { id: 'bund', kind: 'government', level: 'federal', name: { de: 'Bund' } }; */
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/**
 * An organ of a body: plenum, chair, secretariat or a working group (with `parentId` pointing at
 * the body it belongs to).
 *
 * @example
 * organizationSchema.parse({ id: 'ag-bim', name: { de: 'AG BIM' }, classification: 'working-group', parentId: 'plenum' });
 */
export const organizationSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    shortName: z.optional(z.string().check(z.minLength(1))),
    classification: organizationClassificationSchema,
    parentId: z.optional(idSchema),
    /** Id of the rules of procedure this organ follows. */
    rulesId: z.optional(idSchema),
    startDate: z.optional(isoDateSchema),
    endDate: z.optional(isoDateSchema),
    web: z.optional(z.url()),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.startDate !== undefined && o.endDate !== undefined && o.endDate < o.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ende vor Beginn / end before start' });
      }
      if (o.parentId === o.id) {
        ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'Organ kann nicht sein eigenes übergeordnetes Organ sein / an organ cannot be its own parent' });
      }
    }),
  );
/** An organ of a body. @example const o: Organization = { id: 'plenum', name: { de: 'Plenum' }, classification: 'plenum' }; */
export type Organization = z.infer<typeof organizationSchema>;

/**
 * Contact data of a person. Never exported unless the caller asks for it.
 *
 * @example
 * contactSchema.parse({ email: 'geschaeftsstelle@example.org' });
 */
export const contactSchema = z.object({
  email: z.optional(z.email()),
  phone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  address: z.optional(z.string().check(z.minLength(1))),
});
/** Contact data. @example const c: Contact = { phone: '+49 30 0000' }; */
export type Contact = z.infer<typeof contactSchema>;

/**
 * A person who holds seats.
 *
 * @example
 * personSchema.parse({ id: 'p1', name: 'Erika Mustermann', familyName: 'Mustermann', givenName: 'Erika' });
 */
export const personSchema = z.object({
  id: idSchema,
  name: z.string().check(z.minLength(1)),
  familyName: z.optional(z.string()),
  givenName: z.optional(z.string()),
  honorificPrefix: z.optional(z.string()),
  contact: z.optional(contactSchema),
});
/** A person. @example const p: Person = { id: 'p1', name: 'Erika Mustermann' }; */
export type Person = z.infer<typeof personSchema>;

/**
 * A seat in an organ, allocated to a jurisdiction.
 *
 * @example
 * postSchema.parse({ id: 'seat-by', label: { de: 'Sitz Bayern' }, organizationId: 'plenum', jurisdictionId: 'by', kind: 'voting' });
 */
export const postSchema = z
  .object({
    id: idSchema,
    label: localizedTextSchema,
    organizationId: idSchema,
    jurisdictionId: idSchema,
    kind: membershipKindSchema,
    startDate: z.optional(isoDateSchema),
    endDate: z.optional(isoDateSchema),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.startDate !== undefined && p.endDate !== undefined && p.endDate < p.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ende vor Beginn / end before start' });
      }
    }),
  );
/** A seat. @example const s: Post = { id: 's', label: { de: 'Sitz' }, organizationId: 'o', jurisdictionId: 'j', kind: 'guest' }; */
export type Post = z.infer<typeof postSchema>;

/**
 * A person's membership in an organ: on behalf of a jurisdiction, on a seat, voting or not, for a
 * term, possibly as deputy of another membership.
 *
 * @example
 * membershipSchema.parse({
 *   id: 'm1', personId: 'p1', organizationId: 'plenum', postId: 'seat-by', onBehalfOf: 'by',
 *   kind: 'voting', votingRight: true, startDate: '2026-01-01',
 * });
 */
export const membershipSchema = z
  .object({
    id: idSchema,
    personId: idSchema,
    organizationId: idSchema,
    postId: z.optional(idSchema),
    /** Id of the jurisdiction the person represents (OParl `onBehalfOf`, Popolo `on_behalf_of_id`). */
    onBehalfOf: z.optional(idSchema),
    kind: membershipKindSchema,
    votingRight: z.boolean(),
    role: z.optional(membershipRoleSchema),
    startDate: isoDateSchema,
    endDate: z.optional(isoDateSchema),
    /** Id of the membership this one deputises for. */
    deputyOf: z.optional(idSchema),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (m.votingRight && m.kind !== 'voting') {
        ctx.addIssue({ code: 'custom', path: ['votingRight'], message: `Mitgliedschaft der Art ${m.kind} hat kein Stimmrecht / a ${m.kind} membership has no vote` });
      }
      if (!m.votingRight && m.kind === 'voting' && m.deputyOf === undefined) {
        ctx.addIssue({ code: 'custom', path: ['votingRight'], message: 'Stimmberechtigte Mitgliedschaft ohne Stimmrecht / voting membership without voting right' });
      }
      if (m.endDate !== undefined && m.endDate < m.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ende vor Beginn / end before start' });
      }
      if (m.deputyOf === m.id) {
        ctx.addIssue({ code: 'custom', path: ['deputyOf'], message: 'Niemand vertritt sich selbst / nobody deputises for themselves' });
      }
    }),
  );
/** A membership. @example const m: Membership = membershipSchema.parse(json); */
export type Membership = z.infer<typeof membershipSchema>;

/** Model data as exported to OParl and Popolo. @example const d: ModelData = { organizations, persons, memberships }; */
export interface ModelData {
  readonly jurisdictions?: readonly Jurisdiction[] | undefined;
  readonly organizations: readonly Organization[];
  readonly persons: readonly Person[];
  readonly posts?: readonly Post[] | undefined;
  readonly memberships: readonly Membership[];
}

/**
 * Validate model data against the schemas, throwing `invalid-input` with the JSON path of the
 * first problem (e.g. `$.memberships[2].startDate`).
 *
 * @example
 * validateModel({ organizations, persons, memberships });
 */
export function validateModel(data: ModelData): void {
  const lists: Array<[string, readonly unknown[] | undefined, z.ZodMiniType]> = [
    ['jurisdictions', data.jurisdictions, jurisdictionSchema],
    ['organizations', data.organizations, organizationSchema],
    ['persons', data.persons, personSchema],
    ['posts', data.posts, postSchema],
    ['memberships', data.memberships, membershipSchema],
  ];
  for (const [key, list, schema] of lists) {
    if (list === undefined && (key === 'jurisdictions' || key === 'posts')) continue;
    if (!Array.isArray(list)) {
      throw new MembershipError('invalid-input', `${key}: Liste erwartet / expected an array`, { path: [key] });
    }
    list.forEach((item, i) => {
      const r = schema.safeParse(item);
      if (!r.success) {
        const issue = r.error.issues[0];
        const path = [key, i, ...((issue?.path ?? []) as (string | number)[])];
        throw new MembershipError('invalid-input', `Ungültige Daten / invalid data at ${formatPath(path)}: ${issue?.message ?? 'invalid'}`, {
          path,
          cause: r.error,
        });
      }
    });
  }
}
