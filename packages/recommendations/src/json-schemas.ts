import * as z from 'zod/mini';
import { lifecycleEventSchema } from './lifecycle.js';
import { recordSchemas, type RecordKind } from './validate.js';

/** Kinds with a shipped JSON Schema: every record kind plus the lifecycle event. @example const k: JsonSchemaKind = 'LifecycleEvent'; */
export type JsonSchemaKind = RecordKind | 'LifecycleEvent';

/**
 * File name (in the package folder `schemas/`) of each shipped JSON Schema.
 *
 * @example
 * jsonSchemaFiles.Recommendation; // 'recommendation.schema.json'
 */
export const jsonSchemaFiles = {
  Recommendation: 'recommendation.schema.json',
  Consultation: 'consultation.schema.json',
  Contribution: 'contribution.schema.json',
  Catalogue: 'catalogue.schema.json',
  Pilot: 'pilot.schema.json',
  ExperienceReport: 'experience-report.schema.json',
  LifecycleEvent: 'lifecycle-event.schema.json',
} as const satisfies Record<JsonSchemaKind, string>;

const descriptions: Record<JsonSchemaKind, string> = {
  Recommendation: 'Empfehlung (eine Ausgabe) / recommendation (one edition)',
  Consultation: 'Öffentliche Konsultation mit Beiträgen / public consultation with contributions',
  Contribution: 'Beitrag zu einer Konsultation mit Abwägung / contribution to a consultation with its disposition',
  Catalogue: 'Katalog der Empfehlungen, Konsultationen, Pilotierungen und Erfahrungsberichte / catalogue of recommendations, consultations, pilots and experience reports',
  Pilot: 'Pilotierung einer Empfehlung oder Open-Source-Lösung / pilot of a recommendation or open-source solution',
  ExperienceReport: 'Erfahrungsbericht zu einer Pilotierung / experience report on a pilot',
  LifecycleEvent: 'Ereignis im Lebenszyklus einer Empfehlung / lifecycle event of a recommendation',
};

/**
 * Generate the JSON Schema (draft 2020-12) of a record kind from its zod schema. Cross-field rules
 * (for example "a published record needs a licence") cannot be expressed in JSON Schema and are
 * checked by `validate` only; the schema says so in its `$comment`.
 *
 * @example
 * const schema = jsonSchemaFor('Recommendation');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 */
export function jsonSchemaFor(kind: JsonSchemaKind): Record<string, unknown> {
  const schema = kind === 'LifecycleEvent' ? lifecycleEventSchema : recordSchemas[kind];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `@foederal/recommendations ${kind}`,
    description: descriptions[kind],
    $comment: 'Generiert aus den zod-Schemas; feldübergreifende Regeln prüft nur validate() / generated from the zod schemas; cross-field rules are checked by validate() only',
    ...rest,
  };
}

/**
 * All shipped JSON Schemas by file name, serialised as written to `schemas/`.
 *
 * @example
 * Object.keys(jsonSchemaDocuments()); // ['recommendation.schema.json', …]
 */
export function jsonSchemaDocuments(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, file] of Object.entries(jsonSchemaFiles) as [JsonSchemaKind, string][]) {
    out[file] = `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
  }
  return out;
}
