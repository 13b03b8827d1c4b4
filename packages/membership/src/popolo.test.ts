import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { Ajv } from 'ajv';
import type { AnySchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { demoBody, vote, wgMeeting } from '../test/fixtures.js';
import { evaluateDecision } from './evaluate.js';
import { presets } from './presets.js';
import { toPopolo, toPopoloVoteEvent } from './popolo.js';

const popolo = corpus('popolo');
const BASE = 'http://www.popoloproject.com/schemas/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Convert a draft-03 schema to draft-07 for Ajv: the root `id` becomes `$id`, `required: true` on a
 * property moves into the parent's `required` list; `$ref` URLs stay and resolve to the `$id`s of
 * the other local files.
 */
function draft03to07(node: Json, root = true): Json {
  if (Array.isArray(node)) return node.map((n) => draft03to07(n, false));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') out[key] = 'http://json-schema.org/draft-07/schema#';
    else if (key === 'id' && root) out['$id'] = value;
    else if (key === 'required' && typeof value === 'boolean') continue;
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      const props: { [key: string]: Json } = {};
      const required: string[] = [];
      for (const [name, prop] of Object.entries(value)) {
        if (prop && typeof prop === 'object' && !Array.isArray(prop) && prop['required'] === true) required.push(name);
        props[name] = draft03to07(prop, false);
      }
      out['properties'] = props;
      if (required.length > 0) out['required'] = required;
    } else out[key] = draft03to07(value, false);
  }
  return out;
}

function popoloValidator(): (schema: string, value: unknown) => unknown[] | null {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv, ['date-time', 'email', 'uri']);
  for (const file of readdirSync(join(popolo.path, 'schemas')).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(popolo.path, 'schemas', file), 'utf8')) as Json;
    ajv.addSchema(draft03to07(schema) as AnySchemaObject);
  }
  return (schema, value) => {
    const validate = ajv.getSchema(`${BASE}${schema}.json#`) ?? ajv.getSchema(`${BASE}${schema}.json`);
    if (!validate) throw new Error(`no Popolo schema ${schema}`);
    return validate(value) ? null : (validate.errors ?? []);
  };
}

describe.skipIf(!popolo.available)('Popolo conformance', () => {
  const validate = popoloValidator();

  it('the converted draft-03 schemas accept the Popolo examples and catch broken objects', () => {
    // Each example is named after its schema; `embedding-x.json` shows an x with embedded objects.
    const schemas = new Set(readdirSync(join(popolo.path, 'schemas')));
    const examples = readdirSync(join(popolo.path, 'examples')).filter((f) => schemas.has(f.replace(/^embedding-/, '')));
    expect(examples.length).toBeGreaterThanOrEqual(14);
    for (const file of examples) {
      const value = JSON.parse(readFileSync(join(popolo.path, 'examples', file), 'utf8')) as unknown;
      const errors = validate(file.replace(/^embedding-/, '').replace(/\.json$/, ''), value);
      if (file === 'motion.json') {
        // Upstream inconsistency: the example lists vote event ids as strings, the schema wants objects.
        expect(errors).toEqual([expect.objectContaining({ instancePath: '/vote_events/0', keyword: 'type' })]);
      } else {
        expect([file, errors]).toEqual([file, null]);
      }
    }
    expect(validate('count', { value: 3 })).not.toBeNull(); // option is required (draft-03 required: true)
    expect(validate('count', { option: 'yes', value: '3' })).not.toBeNull();
    expect(validate('vote_event', { counts: [{ option: 'yes' }] })).not.toBeNull(); // $ref into count.json
    expect(validate('membership', { start_date: '10.02.2027' })).not.toBeNull();
  });

  const model = demoBody();
  const result = evaluateDecision(
    wgMeeting({ ...vote('yes', ['bmds', 'de-by', 'de-be', 'dst', 'dlt', 'dstgb', 'de-hb']), ...vote('no', ['bmwsb', 'de-nw']), 'de-sn': 'abstain' }),
  );
  const exported = toPopolo({
    ...model,
    decisions: [
      { id: '2027/3', organizationId: 'plenum', date: '2027-02-10', motion: { kind: 'recommendation', text: 'Empfehlung Gebäudedaten 2027' }, result, rules: presets['amev-style-working-group'] },
    ],
  });

  it('exports Organization, Person, Membership, Post, Motion and VoteEvent that validate', () => {
    const pairs: Array<[string, unknown[]]> = [
      ['organization', exported.organizations],
      ['person', exported.persons],
      ['membership', exported.memberships],
      ['post', exported.posts],
      ['motion', exported.motions],
      ['vote_event', exported.vote_events],
    ];
    for (const [schema, list] of pairs) {
      expect(list.length).toBeGreaterThan(0);
      for (const value of list) expect([schema, validate(schema, value)]).toEqual([schema, null]);
    }
    expect(exported.organizations).toHaveLength(8);
  });

  it('carries counts and group results of the vote', () => {
    const event = exported.vote_events[0]!;
    expect(event).toMatchObject({ id: '2027/3', organization_id: 'plenum', motion_id: '2027/3/motion', result: 'pass', start_date: '2027-02-10T00:00:00Z' });
    expect(event['counts']).toContainEqual({ option: 'yes', value: 7 });
    expect(event['counts']).toContainEqual({ option: 'no', value: 1, group: { id: 'federal', name: 'Bund' } });
    expect(event['group_results']).toEqual([
      { group: { id: 'federal', name: 'Bund' }, result: 'tie' },
      { group: { id: 'state', name: 'Länder' }, result: 'pass' },
      { group: { id: 'municipality', name: 'Kommunen' }, result: 'pass' },
    ]);
    expect(exported.motions[0]).toMatchObject({ classification: 'recommendation', requirement: expect.stringContaining('zwei Drittel') });
  });

  it('maps memberships, posts and jurisdictions onto Popolo fields', () => {
    expect(exported.memberships[0]).toEqual({ id: 'm1', label: 'stimmberechtigt', role: 'Vorsitz', person_id: 'p-mueller', organization_id: 'plenum', post_id: 'seat-bund', on_behalf_of_id: 'bund', start_date: '2026-01-01' });
    expect(exported.posts[0]).toEqual({ id: 'seat-bund', label: 'Sitz Bund', other_label: ['Federal seat'], role: 'stimmberechtigt', organization_id: 'plenum', area_id: 'bund' });
    expect(exported.organizations.find((o) => o['id'] === 'koeln')).toMatchObject({
      classification: 'government:municipality',
      identifiers: [{ identifier: 'DE-NW', scheme: 'ISO 3166-2' }, { identifier: '05315000', scheme: 'AGS' }, { identifier: '053150000000', scheme: 'ARS' }],
    });
  });

  it('leaves contact details out unless asked for', () => {
    expect(JSON.stringify(exported)).not.toContain('anna.mueller@example.org');
    const withContact = toPopolo({ ...model, includeContact: true });
    expect(withContact.persons[0]?.['contact_details']).toEqual([
      { type: 'email', value: 'anna.mueller@example.org' },
      { type: 'voice', value: '+49 30 123456' },
      { type: 'address', value: 'Krausenstraße 17-18, 10117 Berlin' },
    ]);
    for (const p of withContact.persons) expect(validate('person', p)).toBeNull();
  });

  it('exports a pending written procedure', () => {
    const pending = evaluateDecision({ ...wgMeeting({}), procedure: 'written', deadline: '2027-03-01', ballots: {} });
    const event = toPopoloVoteEvent({ id: 'u1', organizationId: 'plenum', date: '2027-02-10', motion: { kind: 'recommendation', text: 'x' }, procedure: 'written', result: pending });
    expect(event['result']).toBe('pending');
    expect(validate('vote_event', event)).toBeNull();
    expect(() => toPopoloVoteEvent({ id: 'u1', organizationId: 'p', date: '10.02.2027', motion: { kind: 'recommendation', text: 'x' }, result: pending })).toThrow(/YYYY-MM-DD/);
  });
});
