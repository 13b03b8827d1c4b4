import * as z from 'zod/mini';
import { jurisdictionSchema, membershipSchema, organizationSchema, personSchema, postSchema } from './model.js';
import { rulesOfProcedureSchema } from './rules.js';
import { decisionResultSchema, decisionScenarioSchema } from './scenario.js';

/** Names of the JSON Schemas this package publishes. @example const n: JsonSchemaName = 'rules-of-procedure'; */
export type JsonSchemaName =
  | 'rules-of-procedure'
  | 'decision-scenario'
  | 'decision-result'
  | 'jurisdiction'
  | 'organization'
  | 'person'
  | 'post'
  | 'membership';

const contracts: Record<JsonSchemaName, z.ZodMiniType> = {
  'rules-of-procedure': rulesOfProcedureSchema,
  'decision-scenario': decisionScenarioSchema,
  'decision-result': decisionResultSchema,
  jurisdiction: jurisdictionSchema,
  organization: organizationSchema,
  person: personSchema,
  post: postSchema,
  membership: membershipSchema,
};

/**
 * JSON Schemas (draft 2020-12) of the data contracts, generated from the zod schemas, for
 * consumers outside TypeScript. The same files ship in `schemas/*.schema.json`. Refinements
 * that JSON Schema cannot express (calendar dates, AGS/ARS structure, cross-field checks) are
 * enforced by the zod schemas only.
 *
 * @example
 * const schema = membershipJsonSchema('rules-of-procedure');
 * schema.$id; // 'https://gitlab.opencode.de/foederal/foederal/-/raw/main/packages/membership/schemas/rules-of-procedure.schema.json'
 */
export function membershipJsonSchema(name: JsonSchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(contracts[name], { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  return { ...schema, $id: `https://gitlab.opencode.de/foederal/foederal/-/raw/main/packages/membership/schemas/${name}.schema.json` };
}

/** All names, for iteration. @example for (const name of jsonSchemaNames) membershipJsonSchema(name); */
export const jsonSchemaNames = Object.keys(contracts) as JsonSchemaName[];
