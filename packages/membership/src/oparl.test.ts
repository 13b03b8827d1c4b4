import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { Ajv } from 'ajv';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoBody } from '../test/fixtures.js';
import { MembershipError } from './errors.js';
import { jurisdictionSchema, membershipSchema, organizationSchema, personSchema, postSchema } from './model.js';
import { fromOParl, toOParl } from './oparl.js';

const oparl = corpus('oparl');
const read = (...parts: string[]): unknown => JSON.parse(readFileSync(join(oparl.path, ...parts), 'utf8'));

/**
 * Ajv for the OParl 1.1 schemas: their custom keywords (`references`, `backreference`,
 * `cardinality` are annotations), `format: url`, and, with `embedded`, every embedded object
 * checked against the schema its `"schema": "X.json"` keyword names.
 */
function oparlValidator(embedded: boolean): (type: string, value: unknown) => ValidateFunction['errors'] | null {
  // The OParl patterns escape ':' and '/', which is valid only without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats.default(ajv, ['date', 'date-time', 'email', 'uri']);
  ajv.addFormat('url', (value: string) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value));
  for (const keyword of ['references', 'backreference', 'cardinality']) ajv.addKeyword({ keyword, schemaType: 'string' });
  if (embedded) {
    ajv.addKeyword({
      keyword: 'schema',
      type: 'object',
      schemaType: 'string',
      errors: true,
      validate: function validateEmbedded(this: unknown, name: string, data: unknown): boolean {
        const inner = ajv.getSchema(name);
        if (!inner) throw new Error(`unknown OParl schema ${name}`);
        const ok = inner(data) as boolean;
        (validateEmbedded as unknown as { errors: unknown }).errors = inner.errors;
        return ok;
      },
    });
  } else {
    ajv.addKeyword({ keyword: 'schema', schemaType: 'string' });
  }
  for (const file of readdirSync(join(oparl.path, 'schema')).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(read('schema', file) as AnySchemaObject, file);
  }
  return (type, value) => {
    const validate = ajv.getSchema(`${type}.json`);
    if (!validate) throw new Error(`no schema ${type}`);
    return validate(value) ? null : (validate.errors ?? []);
  };
}

describe.skipIf(!oparl.available)('OParl 1.1 conformance', () => {
  const validate = oparlValidator(true);
  const topLevel = oparlValidator(false);
  const expected = read('expected-validation.json') as { results: Record<string, { valid: boolean; schema: string }> };

  it('the validator agrees with expected-validation.json on every example (top level), historic ones fail', () => {
    const files = [
      ...readdirSync(join(oparl.path, 'examples')).map((f) => `examples/${f}`),
      ...readdirSync(join(oparl.path, 'examples-historic')).map((f) => `examples-historic/${f}`),
    ].filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const type = file.replace(/^.*\//, '').replace(/-\d+\.json$/, '');
      const want = expected.results[file]?.valid ?? !file.startsWith('examples-historic/');
      expect([file, topLevel(type, read(file)) === null]).toEqual([file, want]);
      if (file.startsWith('examples-historic/')) expect(want).toBe(false);
    }
  });

  it('with embedded objects checked too, only Meeting-01 fails: its agenda items lack the required "order"', () => {
    const current = readdirSync(join(oparl.path, 'examples')).filter((f) => f.endsWith('.json'));
    const failing = current.filter((f) => validate(f.replace(/-\d+\.json$/, ''), read('examples', f)) !== null);
    expect(failing.filter((f) => f !== 'Meeting-01.json')).toEqual([]);
    if (failing.includes('Meeting-01.json')) {
      expect(validate('Meeting', read('examples', 'Meeting-01.json'))).toContainEqual(
        expect.objectContaining({ keyword: 'required', params: { missingProperty: 'order' } }),
      );
    }
  });

  it('the validator catches a broken url and a wrong type', () => {
    const org = read('examples', 'Organization-01.json') as Record<string, unknown>;
    expect(validate('Organization', { ...org, id: 'not a url' })).not.toBeNull();
    expect(validate('Organization', { ...org, type: 'https://schema.oparl.org/1.0/Organization' })).not.toBeNull();
    expect(validate('Organization', { ...org, startDate: '17.07.2012' })).not.toBeNull();
  });

  const exported = toOParl({
    baseUrl: 'https://ak.example.org/oparl/1.1/',
    body: { id: 'ak', name: { de: 'Föderaler Arbeitskreis Gebäudedaten', en: 'Federal working group on building data' }, shortName: 'AK', website: 'https://ak.example.org/', license: 'https://www.govdata.de/dl-de/by-2-0', contactEmail: 'gs@ak.example.org' },
    ...demoBody(),
    timestamps: { m1: { created: '2026-01-02T10:00:00+01:00', modified: '2026-02-01T09:30:00+01:00' } },
    now: '2026-11-28T12:00:00Z',
  });

  it('exports Body, Organization, Person and Membership that validate against the OParl schemas', () => {
    expect(validate('Body', exported.body)).toBeNull();
    expect(exported.organizations).toHaveLength(8);
    for (const o of exported.organizations) expect([o.id, validate('Organization', o)]).toEqual([o.id, null]);
    for (const p of exported.persons) expect([p.id, validate('Person', p)]).toEqual([p.id, null]);
    for (const m of exported.memberships) expect([m.id, validate('Membership', m)]).toEqual([m.id, null]);
  });

  it('always sets created and modified, from the timestamps where given', () => {
    for (const o of [exported.body, ...exported.organizations, ...exported.persons, ...exported.memberships]) {
      expect(o.created).toEqual(expect.any(String));
      expect(o.modified).toEqual(expect.any(String));
    }
    expect(exported.memberships[0]).toMatchObject({ created: '2026-01-02T10:00:00+01:00', modified: '2026-02-01T09:30:00+01:00' });
    expect(exported.memberships[1]?.created).toBe('2026-11-28T12:00:00Z');
  });

  it('maps the model onto OParl fields', () => {
    const plenum = exported.organizations.find((o) => o.name === 'Föderaler Arbeitskreis Gebäudedaten');
    expect(plenum).toMatchObject({
      id: 'https://ak.example.org/oparl/1.1/organization/plenum',
      organizationType: 'Gremium',
      classification: 'Plenum',
      post: ['Sitz Bund', 'Sitz Bayern', 'Sitz Deutscher Städtetag', 'Beratender Sitz Wissenschaft'],
    });
    const m1 = exported.memberships[0];
    expect(m1).toMatchObject({
      person: 'https://ak.example.org/oparl/1.1/person/p-mueller',
      organization: 'https://ak.example.org/oparl/1.1/organization/plenum',
      onBehalfOf: 'https://ak.example.org/oparl/1.1/jurisdiction/bund',
      role: 'Vorsitz',
      votingRight: true,
      startDate: '2026-01-01',
    });
    expect(exported.persons[0]?.membership?.map((m) => m.id)).toEqual([
      'https://ak.example.org/oparl/1.1/membership/m1',
      'https://ak.example.org/oparl/1.1/membership/m7',
    ]);
    expect(exported.organizations.find((o) => o['foederal:id'] === 'koeln')).toMatchObject({ organizationType: 'Institution', classification: 'Kommunen' });
  });

  it('never exports contact data unless asked for', () => {
    const text = JSON.stringify(exported);
    expect(text).not.toContain('anna.mueller@example.org');
    expect(text).not.toContain('+49 30 123456');
    expect(text).not.toContain('Krausenstraße');
    const withContact = toOParl({ baseUrl: 'https://ak.example.org/oparl', body: { id: 'ak', name: { de: 'AK' } }, ...demoBody(), includeContact: true, now: '2026-11-28T12:00:00Z' });
    expect(withContact.persons[0]).toMatchObject({ email: ['anna.mueller@example.org'], phone: ['+49 30 123456'] });
    for (const p of withContact.persons) expect(validate('Person', p)).toBeNull();
  });

  it('round-trips losslessly: fromOParl(toOParl(model)) gives the model back', () => {
    const model = demoBody();
    const out = toOParl({ baseUrl: 'https://ak.example.org/oparl', body: { id: 'ak', name: { de: 'AK', en: 'WG' }, ags: '05315000' }, ...model, includeContact: true, now: '2026-11-28T12:00:00Z' });
    const back = fromOParl({ body: out.body, organizations: out.organizations, persons: out.persons, memberships: out.memberships });
    expect(back.jurisdictions).toEqual(model.jurisdictions);
    expect(back.organizations).toEqual(model.organizations);
    expect(back.persons).toEqual(model.persons);
    expect(back.posts).toEqual(model.posts);
    expect(back.memberships).toEqual(model.memberships);
    expect(back.body).toEqual({ id: 'ak', name: { de: 'AK', en: 'WG' }, ags: '05315000' });
    expect(back.timestamps['m1']).toEqual({ created: '2026-11-28T12:00:00Z', modified: '2026-11-28T12:00:00Z' });
    // and the second export equals the first
    const again = toOParl({ baseUrl: 'https://ak.example.org/oparl', body: back.body!, ...back, includeContact: true });
    expect(again).toEqual(out);
  });

  it('imports the OParl examples without losing the fields the model has', () => {
    const org = read('examples', 'Organization-01.json');
    const person = read('examples', 'Person-01.json');
    const body = read('examples', 'Body-01.json');
    const r = fromOParl({ body, organizations: [org], persons: [person] });
    expect(r.body).toEqual({
      id: 'https://oparl.example.org/body/0',
      name: { de: 'Stadt Köln, kreisfreie Stadt' },
      shortName: 'Köln',
      website: 'http://www.beispielstadt.de/',
      license: 'http://creativecommons.org/licenses/by/4.0/',
      contactEmail: 'ris@beispielstadt.de',
      contactName: 'RIS-Betreuung',
      classification: 'Kreisfreie Stadt',
      ags: '05315000',
      rgs: '053150000000',
    });
    expect(r.organizations).toEqual([
      { id: 'https://oparl.example.org/organization/34', name: { de: 'Ausschuss für Haushalt und Finanzen' }, shortName: 'Finanzausschuss', classification: 'working-group', startDate: '2012-07-17' },
    ]);
    expect(r.persons).toEqual([
      {
        id: 'https://oparl.example.org/person/29',
        name: 'Prof. Dr. Max Mustermann',
        familyName: 'Mustermann',
        givenName: 'Max',
        honorificPrefix: 'Prof. Dr.',
        contact: { email: 'max@mustermann.de', phone: '+493012345678' },
      },
    ]);
    expect(r.memberships).toEqual([
      { id: 'https://oparl.example.org/memberships/385', personId: 'https://oparl.example.org/person/29', organizationId: 'https://oparl.example.org/organizations/5', kind: 'voting', votingRight: true, role: 'chair', startDate: '2013-12-03' },
      { id: 'https://oparl.example.org/memberships/693', personId: 'https://oparl.example.org/person/29', organizationId: 'https://oparl.example.org/organizations/9', kind: 'advisory', votingRight: false, role: 'member', startDate: '2013-12-03', endDate: '2014-07-28' },
    ]);
    expect(r.timestamps['https://oparl.example.org/organization/34']).toEqual({ created: '2012-07-16T00:00:00+02:00', modified: '2012-08-16T12:34:56+02:00' });
    for (const m of r.memberships) expect(membershipSchema.safeParse(m).success).toBe(true);
    for (const o of r.organizations) expect(organizationSchema.safeParse(o).success).toBe(true);
    for (const p of r.persons) expect(personSchema.safeParse(p).success).toBe(true);
  });

  it('fuzz: mutated real examples import or fail with a typed error, never anything else', () => {
    const originals = { body: read('examples', 'Body-01.json'), organization: read('examples', 'Organization-01.json'), person: read('examples', 'Person-01.json') };
    const field = fc.constantFrom('id', 'type', 'name', 'startDate', 'endDate', 'membership', 'title', 'email', 'ags', 'rgs', 'subOrganizationOf', 'created', 'website');
    fc.assert(
      fc.property(fc.constantFrom('body', 'organization', 'person' as const), field, fc.anything(), (which, key, value) => {
        const mutated = { ...(originals[which] as Record<string, unknown>), [key]: value };
        try {
          const r = fromOParl(which === 'body' ? { body: mutated } : which === 'organization' ? { organizations: [mutated] } : { persons: [mutated] });
          expect(r).toBeDefined();
        } catch (error) {
          expect(MembershipError.isInstance(error)).toBe(true);
          expect((error as MembershipError).path[0]).toBe(which === 'body' ? 'body' : which === 'organization' ? 'organizations' : 'persons');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects the historic OParl 1.0 examples with a typed error and JSON path', () => {
    const e = (() => {
      try {
        fromOParl({ memberships: [read('examples-historic', 'Membership-01.json')] });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(MembershipError.isInstance(e)).toBe(true);
    expect((e as MembershipError).code).toBe('invalid-oparl');
    expect((e as MembershipError).path.slice(0, 2)).toEqual(['memberships', 0]);
  });
});

describe('OParl import of hostile input', () => {
  it('throws only MembershipError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        try {
          fromOParl({ body: a, organizations: [b], persons: [c], memberships: Array.isArray(a) ? a : [] });
        } catch (error) {
          expect(MembershipError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names a missing start date by path', () => {
    try {
      fromOParl({ memberships: [{ id: 'https://x.example/m/1', type: 'https://schema.oparl.org/1.1/Membership', person: 'https://x.example/p/1', organization: 'https://x.example/o/1' }] });
      expect.unreachable();
    } catch (error) {
      expect((error as MembershipError).path).toEqual(['memberships', 0, 'startDate']);
    }
  });

  it('keeps posts and jurisdictions valid against the model schemas', () => {
    const model = demoBody();
    for (const j of model.jurisdictions) expect(jurisdictionSchema.safeParse(j).success).toBe(true);
    for (const p of model.posts) expect(postSchema.safeParse(p).success).toBe(true);
  });
});
