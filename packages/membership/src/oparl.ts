import * as z from 'zod/mini';
import { MembershipError, requireObject } from './errors.js';
import { agsSchema, arsSchema } from './identifiers.js';
import {
  jurisdictionSchema,
  membershipSchema,
  organizationSchema,
  personSchema,
  postSchema,
  validateModel,
} from './model.js';
import type { LocalizedText } from '@foederal/core';
import type { Jurisdiction, Membership, Organization, Person, Post } from './model.js';
import { errorFromZod } from './scenario.js';
import {
  jurisdictionKindSchema,
  jurisdictionLevelSchema,
  labels,
  membershipKindSchema,
  membershipRoleSchema,
  organizationClassificationSchema,
} from './vocabulary.js';
import type { MembershipRole, OrganizationClassification } from './vocabulary.js';

const OPARL = 'https://schema.oparl.org/1.1/';

/**
 * The body (Körperschaft) an OParl export describes: the working group or council as a whole.
 *
 * @example
 * bodyInfoSchema.parse({ id: 'ak', name: { de: 'Föderaler Arbeitskreis Gebäudedaten' } });
 */
export const bodyInfoSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.object({ de: z.string().check(z.minLength(1)), en: z.optional(z.string()) }),
  shortName: z.optional(z.string()),
  website: z.optional(z.url()),
  license: z.optional(z.url()),
  contactEmail: z.optional(z.string()),
  contactName: z.optional(z.string()),
  classification: z.optional(z.string()),
  ags: z.optional(agsSchema),
  rgs: z.optional(arsSchema),
});
/** A body. @example const b: BodyInfo = { id: 'ak', name: { de: 'Arbeitskreis' } }; */
export type BodyInfo = z.infer<typeof bodyInfoSchema>;

/** Creation and modification time of one object (ISO 8601 date-time). @example const t: Timestamps = { created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' }; */
export interface Timestamps {
  readonly created: string;
  readonly modified: string;
}

/** Everything {@link toOParl} exports. @example const input: OParlExportInput = { baseUrl, body, organizations, persons, memberships }; */
export interface OParlExportInput {
  /** Base URL of the OParl endpoint, e.g. `https://ak.example.org/oparl/1.1`. */
  readonly baseUrl: string;
  readonly body: BodyInfo;
  readonly jurisdictions?: readonly Jurisdiction[];
  readonly organizations: readonly Organization[];
  readonly persons: readonly Person[];
  readonly posts?: readonly Post[];
  readonly memberships: readonly Membership[];
  /** `created`/`modified` per object id; objects without an entry get `now`. */
  readonly timestamps?: Readonly<Record<string, Timestamps>>;
  /** Date-time used where no timestamp is given (default: the current time). */
  readonly now?: string;
  /** Export e-mail, phone and address of persons (default: false, never exported). */
  readonly includeContact?: boolean;
}

const dateTime = z.iso.datetime({ offset: true, local: false });
const oparlId = z.string().check(z.regex(/^https?:\/\/\S+$/, 'URL erwartet / expected a URL'));
const oparlType = (type: string) =>
  z.string().check(
    z.refine((v) => v === OPARL + type, {
      error: `type muss ${OPARL}${type} sein (OParl 1.1) / type must be ${OPARL}${type}`,
    }),
  );
const oparlDate = z.iso.date();
const optionalString = z.optional(z.string());

/**
 * An OParl 1.1 Membership as this package reads and writes it (vendor fields `foederal:*` keep
 * what OParl has no field for).
 *
 * @example
 * oparlMembershipSchema.parse(membershipJson);
 */
export const oparlMembershipSchema = z.looseObject({
  id: oparlId,
  type: oparlType('Membership'),
  person: z.optional(oparlId),
  organization: z.optional(oparlId),
  role: optionalString,
  votingRight: z.optional(z.boolean()),
  startDate: z.optional(oparlDate),
  endDate: z.optional(oparlDate),
  onBehalfOf: z.optional(oparlId),
  created: z.optional(dateTime),
  modified: z.optional(dateTime),
  deleted: z.optional(z.boolean()),
  'foederal:id': optionalString,
  'foederal:kind': z.optional(membershipKindSchema),
  'foederal:role': z.optional(membershipRoleSchema),
  'foederal:post': optionalString,
  'foederal:deputyOf': optionalString,
});
/** An OParl Membership. @example const m: OParlMembership = exported.memberships[0]!; */
export type OParlMembership = z.infer<typeof oparlMembershipSchema>;

const oparlPostSchema = z.object({
  id: z.string(),
  label: z.object({ de: z.string(), en: optionalString }),
  jurisdiction: z.string(),
  kind: membershipKindSchema,
  startDate: z.optional(oparlDate),
  endDate: z.optional(oparlDate),
});

/**
 * An OParl 1.1 Organization: an organ of the body, or (with `foederal:jurisdiction`) a
 * jurisdiction that members act on behalf of.
 *
 * @example
 * oparlOrganizationSchema.parse(organizationJson);
 */
export const oparlOrganizationSchema = z.looseObject({
  id: oparlId,
  type: oparlType('Organization'),
  body: z.optional(oparlId),
  name: optionalString,
  shortName: optionalString,
  post: z.optional(z.array(z.string())),
  subOrganizationOf: z.optional(oparlId),
  organizationType: optionalString,
  classification: optionalString,
  startDate: z.optional(oparlDate),
  endDate: z.optional(oparlDate),
  website: z.optional(oparlId),
  membership: z.optional(z.array(oparlId)),
  created: z.optional(dateTime),
  modified: z.optional(dateTime),
  'foederal:id': optionalString,
  'foederal:nameEn': optionalString,
  'foederal:classification': z.optional(organizationClassificationSchema),
  'foederal:rulesId': optionalString,
  'foederal:posts': z.optional(z.array(oparlPostSchema)),
  'foederal:jurisdiction': z.optional(
    z.object({
      kind: jurisdictionKindSchema,
      level: z.optional(jurisdictionLevelSchema),
      state: optionalString,
      ags: optionalString,
      ars: optionalString,
      parent: optionalString,
    }),
  ),
});
/** An OParl Organization. @example const o: OParlOrganization = exported.organizations[0]!; */
export type OParlOrganization = z.infer<typeof oparlOrganizationSchema>;

/**
 * An OParl 1.1 Person with embedded memberships.
 *
 * @example
 * oparlPersonSchema.parse(personJson);
 */
export const oparlPersonSchema = z.looseObject({
  id: oparlId,
  type: oparlType('Person'),
  body: z.optional(oparlId),
  name: optionalString,
  familyName: optionalString,
  givenName: optionalString,
  title: z.optional(z.array(z.string())),
  email: z.optional(z.array(z.string())),
  phone: z.optional(z.array(z.string())),
  membership: z.optional(z.array(oparlMembershipSchema)),
  created: z.optional(dateTime),
  modified: z.optional(dateTime),
  'foederal:id': optionalString,
  'foederal:address': optionalString,
});
/** An OParl Person. @example const p: OParlPerson = exported.persons[0]!; */
export type OParlPerson = z.infer<typeof oparlPersonSchema>;

/**
 * An OParl 1.1 Body.
 *
 * @example
 * oparlBodySchema.parse(bodyJson);
 */
export const oparlBodySchema = z.looseObject({
  id: oparlId,
  type: oparlType('Body'),
  name: z.string(),
  shortName: optionalString,
  website: z.optional(oparlId),
  license: optionalString,
  contactEmail: optionalString,
  contactName: optionalString,
  classification: optionalString,
  ags: optionalString,
  rgs: optionalString,
  organization: oparlId,
  person: oparlId,
  meeting: oparlId,
  paper: oparlId,
  legislativeTerm: z.array(z.unknown()),
  membership: z.optional(oparlId),
  created: z.optional(dateTime),
  modified: z.optional(dateTime),
  'foederal:id': optionalString,
  'foederal:nameEn': optionalString,
});
/** An OParl Body. @example const b: OParlBody = exported.body; */
export type OParlBody = z.infer<typeof oparlBodySchema>;

/** Result of {@link toOParl}. @example const { body, organizations, persons, memberships } = toOParl(input); */
export interface OParlExport {
  readonly body: OParlBody;
  /** Organs first, then jurisdictions (as Organizations of type `Institution`). */
  readonly organizations: OParlOrganization[];
  /** Persons with their memberships embedded. */
  readonly persons: OParlPerson[];
  readonly memberships: OParlMembership[];
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const organTypes: Record<OrganizationClassification, string> = {
  plenum: 'Gremium',
  chair: 'Gremium',
  secretariat: 'Verwaltungsbereich',
  'working-group': 'Gremium',
};

/**
 * Export a body to OParl 1.1: Body, Organizations (organs and jurisdictions), Persons with
 * embedded Memberships, and the Memberships. `created`/`modified` are always set. What OParl has no
 * field for travels in `foederal:*` vendor fields, so {@link fromOParl} restores it exactly.
 * Contact data is left out unless `includeContact` is true.
 *
 * @example
 * const oparl = toOParl({ baseUrl: 'https://ak.example.org/oparl', body, organizations, persons, memberships, jurisdictions });
 * JSON.stringify(oparl.body);
 */
export function toOParl(input: OParlExportInput): OParlExport {
  requireObject(input, 'toOParl');
  validateModel(input);
  const bodyCheck = bodyInfoSchema.safeParse(input.body);
  if (!bodyCheck.success) throw errorFromZod(bodyCheck.error, 'invalid-input', ['body']);
  const base = input.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(base)) {
    throw new MembershipError('invalid-input', `baseUrl ${JSON.stringify(input.baseUrl)} ist keine URL / is not a URL`, { path: ['baseUrl'] });
  }
  const now = input.now ?? new Date().toISOString();
  const url = (kind: string, id: string) => (/^https?:\/\//.test(id) ? id : `${base}/${kind}/${encodeURIComponent(id)}`);
  const times = (id: string): Timestamps => input.timestamps?.[id] ?? { created: now, modified: now };
  const bodyUrl = url('body', input.body.id);
  const jurisdictionIds = new Set((input.jurisdictions ?? []).map((j) => j.id));
  const orgUrl = (id: string) => url(jurisdictionIds.has(id) ? 'jurisdiction' : 'organization', id);

  const memberships: OParlMembership[] = input.memberships.map((m) =>
    compact({
      id: url('membership', m.id),
      type: `${OPARL}Membership`,
      person: url('person', m.personId),
      organization: orgUrl(m.organizationId),
      role: labels.de.membershipRole[m.role ?? 'member'],
      votingRight: m.votingRight,
      startDate: m.startDate,
      endDate: m.endDate,
      onBehalfOf: m.onBehalfOf === undefined ? undefined : orgUrl(m.onBehalfOf),
      ...times(m.id),
      'foederal:id': m.id,
      'foederal:kind': m.kind,
      'foederal:role': m.role,
      'foederal:post': m.postId,
      'foederal:deputyOf': m.deputyOf,
    }),
  );

  const organs: OParlOrganization[] = input.organizations.map((o) =>
    compact({
      id: orgUrl(o.id),
      type: `${OPARL}Organization`,
      body: bodyUrl,
      name: o.name.de,
      shortName: o.shortName,
      post: (input.posts ?? []).filter((p) => p.organizationId === o.id).map((p) => p.label.de),
      subOrganizationOf: o.parentId === undefined ? undefined : orgUrl(o.parentId),
      organizationType: organTypes[o.classification],
      classification: labels.de.organizationClassification[o.classification],
      startDate: o.startDate,
      endDate: o.endDate,
      website: o.web,
      membership: memberships.filter((_, i) => input.memberships[i]?.organizationId === o.id).map((m) => m.id),
      ...times(o.id),
      'foederal:id': o.id,
      'foederal:nameEn': o.name.en,
      'foederal:classification': o.classification,
      'foederal:rulesId': o.rulesId,
      'foederal:posts': (input.posts ?? [])
        .filter((p) => p.organizationId === o.id)
        .map((p) => compact({ id: p.id, label: compact({ de: p.label.de, en: p.label.en }), jurisdiction: p.jurisdictionId, kind: p.kind, startDate: p.startDate, endDate: p.endDate })),
    }),
  );
  const institutions: OParlOrganization[] = (input.jurisdictions ?? []).map((j) =>
    compact({
      id: orgUrl(j.id),
      type: `${OPARL}Organization`,
      body: bodyUrl,
      name: j.name.de,
      subOrganizationOf: j.parentId === undefined ? undefined : orgUrl(j.parentId),
      organizationType: 'Institution',
      classification: j.level === undefined ? labels.de.jurisdictionKind[j.kind] : labels.de.jurisdictionLevel[j.level],
      website: j.web,
      ...times(j.id),
      'foederal:id': j.id,
      'foederal:nameEn': j.name.en,
      'foederal:jurisdiction': compact({ kind: j.kind, level: j.level, state: j.state, ags: j.ags, ars: j.ars, parent: j.parentId }),
    }),
  );
  const persons: OParlPerson[] = input.persons.map((p) =>
    compact({
      id: url('person', p.id),
      type: `${OPARL}Person`,
      body: bodyUrl,
      name: p.name,
      familyName: p.familyName,
      givenName: p.givenName,
      title: p.honorificPrefix === undefined ? undefined : [p.honorificPrefix],
      email: input.includeContact && p.contact?.email !== undefined ? [p.contact.email] : undefined,
      phone: input.includeContact && p.contact?.phone !== undefined ? [p.contact.phone] : undefined,
      membership: memberships.filter((_, i) => input.memberships[i]?.personId === p.id),
      ...times(p.id),
      'foederal:id': p.id,
      'foederal:address': input.includeContact ? p.contact?.address : undefined,
    }),
  );
  const body: OParlBody = compact({
    id: bodyUrl,
    type: `${OPARL}Body`,
    name: input.body.name.de,
    shortName: input.body.shortName,
    website: input.body.website,
    license: input.body.license,
    contactEmail: input.body.contactEmail,
    contactName: input.body.contactName,
    classification: input.body.classification,
    ags: input.body.ags,
    rgs: input.body.rgs,
    organization: `${bodyUrl}/organizations`,
    person: `${bodyUrl}/persons`,
    meeting: `${bodyUrl}/meetings`,
    paper: `${bodyUrl}/papers`,
    membership: `${bodyUrl}/memberships`,
    legislativeTerm: [],
    ...times(input.body.id),
    'foederal:id': input.body.id,
    'foederal:nameEn': input.body.name.en,
  });
  return { body, organizations: [...organs, ...institutions], persons, memberships };
}

/** What {@link fromOParl} reads. @example const input: OParlImportInput = { organizations: [json] }; */
export interface OParlImportInput {
  readonly body?: unknown;
  readonly organizations?: readonly unknown[];
  readonly persons?: readonly unknown[];
  readonly memberships?: readonly unknown[];
}

/** Result of {@link fromOParl}. @example const { organizations, persons } = fromOParl(input); */
export interface OParlImport {
  readonly body?: BodyInfo;
  readonly jurisdictions: Jurisdiction[];
  readonly organizations: Organization[];
  readonly persons: Person[];
  readonly posts: Post[];
  readonly memberships: Membership[];
  /** `created`/`modified` of every object that had them, by the id used in the model. */
  readonly timestamps: Record<string, Timestamps>;
}

function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, path: (string | number)[], modelSchema = false): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const e = errorFromZod(r.error, 'invalid-input', path);
    throw new MembershipError('invalid-oparl', `${modelSchema ? 'OParl-Objekt passt nicht ins Modell / OParl object does not fit the model' : 'Ungültiges OParl 1.1 / invalid OParl 1.1'}: ${e.message}`, {
      path: e.path,
      cause: r.error,
    });
  }
  return r.data;
}

/** Organ classification from plain OParl fields (when no `foederal:classification` is present). */
function classifyOrgan(o: OParlOrganization): OrganizationClassification {
  const text = `${o.organizationType ?? ''} ${o.classification ?? ''} ${o.name ?? ''}`.toLowerCase();
  if (/verwaltungsbereich|geschäftsstelle|sekretariat|secretariat/.test(text)) return 'secretariat';
  if (/vorsitz|präsidium|chair/.test(text)) return 'chair';
  if (/plenum|vollversammlung|hauptorgan|\brat\b|stadtrat|gemeinderat|kreistag|plenary/.test(text)) return 'plenum';
  return 'working-group';
}

function roleOf(m: OParlMembership): MembershipRole {
  if (m['foederal:role'] !== undefined) return m['foederal:role'];
  const role = (m.role ?? '').toLowerCase();
  if (/stellv|deputy/.test(role)) return /vorsitz|chair/.test(role) ? 'deputy-chair' : 'deputy';
  if (/vorsitz|chair/.test(role)) return 'chair';
  if (/obmann|obfrau|leitung|lead/.test(role)) return 'lead';
  return 'member';
}

/**
 * Import OParl 1.1 objects into the model: Body, Organizations (organs, or jurisdictions when they
 * carry `foederal:jurisdiction`), Persons with embedded Memberships, standalone Memberships. Ids
 * become the OParl URLs unless `foederal:id` restores the original. Objects that are not valid
 * OParl 1.1 (e.g. 1.0 type URIs) or miss what the model needs (a membership without organization
 * or start date) throw `invalid-oparl` with the JSON path. Fields the model has no place for
 * (gender, formOfAddress, locations, meetings, …) are not kept.
 *
 * @example
 * const { organizations, persons, memberships } = fromOParl({ persons: [personJson], organizations: [organizationJson] });
 */
export function fromOParl(input: OParlImportInput): OParlImport {
  requireObject(input, 'fromOParl');
  for (const key of ['organizations', 'persons', 'memberships'] as const) {
    if (input[key] !== undefined && !Array.isArray(input[key])) {
      throw new MembershipError('invalid-oparl', `${key}: Liste erwartet / expected an array`, { path: [key] });
    }
  }
  const idMap = new Map<string, string>();
  const timestamps: Record<string, Timestamps> = {};
  const keep = (id: string, o: { created?: string | undefined; modified?: string | undefined }) => {
    if (o.created !== undefined && o.modified !== undefined) timestamps[id] = { created: o.created, modified: o.modified };
  };
  const orgs = (input.organizations ?? []).map((o, i) => parseWith(oparlOrganizationSchema, o, ['organizations', i]));
  const people = (input.persons ?? []).map((p, i) => parseWith(oparlPersonSchema, p, ['persons', i]));
  const loose = (input.memberships ?? []).map((m, i) => parseWith(oparlMembershipSchema, m, ['memberships', i]));
  for (const o of [...orgs, ...people, ...loose]) idMap.set(o.id, o['foederal:id'] ?? o.id);
  for (const p of people) for (const m of p.membership ?? []) idMap.set(m.id, m['foederal:id'] ?? m.id);
  const local = (url: string) => idMap.get(url) ?? url;

  let body: BodyInfo | undefined;
  if (input.body !== undefined) {
    const b = parseWith(oparlBodySchema, input.body, ['body']);
    const id = b['foederal:id'] ?? b.id;
    body = parseWith(
      bodyInfoSchema,
      compact({
        id,
        name: compact({ de: b.name, en: b['foederal:nameEn'] }),
        shortName: b.shortName,
        website: b.website,
        license: b.license,
        contactEmail: b.contactEmail,
        contactName: b.contactName,
        classification: b.classification,
        ags: b.ags,
        rgs: b.rgs,
      }),
      ['body'],
      true,
    );
    keep(id, b);
  }

  const jurisdictions: Jurisdiction[] = [];
  const organizations: Organization[] = [];
  const posts: Post[] = [];
  orgs.forEach((o, i) => {
    const id = local(o.id);
    keep(id, o);
    const nameEn = o['foederal:nameEn'];
    const name: LocalizedText = { de: o.name ?? o.shortName ?? id, ...(nameEn === undefined ? {} : { en: nameEn }) };
    const j = o['foederal:jurisdiction'];
    if (j) {
      jurisdictions.push(
        parseWith(
          jurisdictionSchema,
          compact({ id, kind: j.kind, level: j.level, name, state: j.state, ags: j.ags, ars: j.ars, parentId: j.parent, web: o.website }),
          ['organizations', i],
          true,
        ),
      );
      return;
    }
    organizations.push(
      parseWith(
        organizationSchema,
        compact({
          id,
          name,
          shortName: o.shortName,
          classification: o['foederal:classification'] ?? classifyOrgan(o),
          parentId: o.subOrganizationOf === undefined ? undefined : local(o.subOrganizationOf),
          rulesId: o['foederal:rulesId'],
          startDate: o.startDate,
          endDate: o.endDate,
          web: o.website,
        }),
        ['organizations', i],
        true,
      ),
    );
    (o['foederal:posts'] ?? []).forEach((p, k) => {
      posts.push(
        parseWith(
          postSchema,
          compact({ id: p.id, label: compact({ de: p.label.de, en: p.label.en }), organizationId: id, jurisdictionId: p.jurisdiction, kind: p.kind, startDate: p.startDate, endDate: p.endDate }),
          ['organizations', i, 'foederal:posts', k],
          true,
        ),
      );
    });
  });

  const persons: Person[] = [];
  const memberships = new Map<string, Membership>();
  const addMembership = (m: OParlMembership, personUrl: string | undefined, path: (string | number)[]) => {
    const id = local(m.id);
    keep(id, m);
    const person = m.person ?? personUrl;
    if (person === undefined || m.organization === undefined || m.startDate === undefined) {
      const missing = person === undefined ? 'person' : m.organization === undefined ? 'organization' : 'startDate';
      throw new MembershipError('invalid-oparl', `Mitgliedschaft ohne ${missing} / membership without ${missing}`, { path: [...path, missing] });
    }
    const votingRight = m.votingRight ?? false;
    memberships.set(
      id,
      parseWith(
        membershipSchema,
        compact({
          id,
          personId: local(person),
          organizationId: local(m.organization),
          postId: m['foederal:post'],
          onBehalfOf: m.onBehalfOf === undefined ? undefined : local(m.onBehalfOf),
          kind: m['foederal:kind'] ?? (votingRight ? 'voting' : 'advisory'),
          votingRight,
          role: m['foederal:id'] !== undefined || m.role === undefined ? m['foederal:role'] : roleOf(m),
          startDate: m.startDate,
          endDate: m.endDate,
          deputyOf: m['foederal:deputyOf'],
        }),
        path,
        true,
      ),
    );
  };
  people.forEach((p, i) => {
    const id = local(p.id);
    keep(id, p);
    const contact = compact({ email: p.email?.[0], phone: p.phone?.[0], address: p['foederal:address'] });
    persons.push(
      parseWith(
        personSchema,
        compact({
          id,
          name: p.name ?? ([p.givenName, p.familyName].filter(Boolean).join(' ') || id),
          familyName: p.familyName,
          givenName: p.givenName,
          honorificPrefix: p.title && p.title.length > 0 ? p.title.join(' ') : undefined,
          contact: Object.keys(contact).length > 0 ? contact : undefined,
        }),
        ['persons', i],
        true,
      ),
    );
  });
  // Standalone memberships first (they keep their order), then those only embedded in persons.
  loose.forEach((m, i) => addMembership(m, undefined, ['memberships', i]));
  people.forEach((p, i) => {
    (p.membership ?? []).forEach((m, k) => {
      if (!memberships.has(local(m.id))) addMembership(m, p.id, ['persons', i, 'membership', k]);
    });
  });
  return {
    ...(body === undefined ? {} : { body }),
    jurisdictions,
    organizations,
    persons,
    posts,
    memberships: [...memberships.values()],
    timestamps,
  };
}
